-- schema.sql: the whole pubdb schema (version 6), embedded into libpub at
-- build time and applied by lib/store/db.c inside one transaction.  Later versions
-- append migrations in lib/store/db.c; PRAGMA user_version records the version.

-- Key/value settings: owner, citekey_format, arxiv_last_request, ...
CREATE TABLE settings (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

-- Venues by their short tag as shown on a homepage ("ICLR", "PPoPP").
CREATE TABLE venues (
	id INTEGER PRIMARY KEY,
	tag TEXT NOT NULL UNIQUE COLLATE NOCASE,
	name TEXT,
	kind TEXT              -- conference, journal, workshop, preprint
);

CREATE TABLE papers (
	id INTEGER PRIMARY KEY,
	citekey TEXT NOT NULL COLLATE NOCASE,  -- unique: papers_citekey
	type TEXT NOT NULL,    -- lower-case BibTeX entry type
	title TEXT,            -- Unicode, LaTeX decoded (display and search)
	year INTEGER,
	month INTEGER,
	venue TEXT,            -- the badge: "ICLR 2025"
	venue_id INTEGER REFERENCES venues(id) ON DELETE SET NULL,
	arxiv TEXT,            -- version-less arXiv id
	arxiv_version INTEGER,
	arxiv_category TEXT,
	published TEXT,        -- arXiv v1 date
	updated TEXT,          -- arXiv latest version date
	doi TEXT,              -- lower-case, no resolver prefix
	abstract TEXT,
	selected INTEGER NOT NULL DEFAULT 0,
	rank INTEGER NOT NULL DEFAULT 0,
	title_key TEXT,        -- folded title, for duplicate detection
	author_key TEXT,       -- folded family name of the first author
	source TEXT,           -- where it came from: FILE:LINE, arxiv, doi
	added TEXT NOT NULL,
	modified TEXT NOT NULL,
	checked TEXT,          -- last metadata refresh
	-- Who set `venue` (version 5): 'user' (edit, add --venue), 'bibtex'
	-- (an imported entry), or the service that found the published
	-- version ('dblp', 'semanticscholar', 'arxiv'); NULL: not known.
	-- Discovery never overwrites a 'user' venue.
	venue_source TEXT,
	dblp TEXT,             -- DBLP record key of the published version (version 5)
	-- The owner's short name of the paper ("PAB"; version 5, `edit KEY
	-- short=`), which `pubdb news` names it by; NULL: the part of the
	-- title before a colon.  A column, not a BibTeX field: no export
	-- writes it.
	short TEXT,
	-- Every BibTeX field verbatim (macros expanded, outer delimiters
	-- removed), in input order, as one JSON object of strings: the source
	-- of truth of the BibTeX export; the columns above derive from it.
	fields_json TEXT NOT NULL DEFAULT '{}'
);
-- Keys are unique regardless of ASCII case.  An index of lower(citekey)
-- rather than a NOCASE one: its comparisons are plain byte compares (a
-- NOCASE index cost a twentieth of a large import).  Lookups ask for
-- lower(citekey) = lower(?) to use it.
CREATE UNIQUE INDEX papers_citekey ON papers(lower(citekey));
CREATE INDEX papers_doi ON papers(doi) WHERE doi IS NOT NULL;
CREATE INDEX papers_arxiv ON papers(arxiv) WHERE arxiv IS NOT NULL;
CREATE INDEX papers_dblp ON papers(dblp) WHERE dblp IS NOT NULL;
CREATE INDEX papers_dup ON papers(title_key, year);

CREATE TABLE authors (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,    -- display name, Unicode
	given TEXT,
	von TEXT,
	family TEXT,
	jr TEXT,
	norm TEXT NOT NULL UNIQUE  -- folded full name
);

CREATE TABLE paper_authors (
	paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
	role TEXT NOT NULL DEFAULT 'author',  -- author or editor
	position INTEGER NOT NULL,            -- 1-based
	author_id INTEGER NOT NULL REFERENCES authors(id),
	equal INTEGER NOT NULL DEFAULT 0,
	corresponding INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (paper_id, role, position)
) WITHOUT ROWID;
CREATE INDEX paper_authors_author ON paper_authors(author_id);

-- The fields of every paper, one row each, for reading with SQL.  Version 1
-- kept them in a table of this name; version 2 keeps one JSON object per
-- paper in papers.fields_json: one row to write per paper, not one per field.
CREATE VIEW fields(paper_id, name, position, value) AS
	SELECT p.id, j.key, row_number() OVER (PARTITION BY p.id ORDER BY j.id), j.value
	FROM papers p, json_each(p.fields_json) j;

CREATE TABLE repos (
	id INTEGER PRIMARY KEY,
	github_id INTEGER UNIQUE,  -- survives renames and transfers
	owner TEXT NOT NULL COLLATE NOCASE,
	name TEXT NOT NULL COLLATE NOCASE,
	description TEXT,
	stars INTEGER,
	etag TEXT,
	checked TEXT,
	status TEXT NOT NULL DEFAULT 'new',   -- new ok missing archived renamed
	archived INTEGER NOT NULL DEFAULT 0,
	renamed_from TEXT,
	standalone INTEGER NOT NULL DEFAULT 0,  -- added with `repo add`
	-- The owner's wording (version 5, `repo edit`): shown instead of
	-- GitHub's name and description; a refresh never touches them.
	display_name TEXT,
	display_description TEXT,
	UNIQUE (owner, name)
);

CREATE TABLE star_history (
	repo_id INTEGER NOT NULL REFERENCES repos(id) ON DELETE CASCADE,
	day TEXT NOT NULL,     -- YYYY-MM-DD, one row per repository per day
	stars INTEGER NOT NULL,
	PRIMARY KEY (repo_id, day)
) WITHOUT ROWID;

-- Citation counts (version 5): the latest count per paper and source
-- (openalex, crossref, semanticscholar ...), filed by lib/store/citations.c
-- from `refresh --citations` and from Crossref answers fetched anyway.
CREATE TABLE citations (
	paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
	source TEXT NOT NULL,
	count INTEGER NOT NULL,
	checked TEXT NOT NULL, -- ISO 8601 UTC of the answer
	PRIMARY KEY (paper_id, source)
) WITHOUT ROWID;

-- One row per paper per source per day, as star_history is kept for stars.
CREATE TABLE citation_history (
	paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
	source TEXT NOT NULL,
	day TEXT NOT NULL,     -- YYYY-MM-DD
	count INTEGER NOT NULL,
	PRIMARY KEY (paper_id, source, day)
) WITHOUT ROWID;

CREATE TABLE links (
	id INTEGER PRIMARY KEY,
	paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
	kind TEXT NOT NULL,    -- paper code blog video slides project pdf ...
	url TEXT NOT NULL,
	repo_id INTEGER REFERENCES repos(id) ON DELETE SET NULL,
	-- Where it came from (version 6): NULL when the user gave it (`link`,
	-- `add --code`, an imported entry); else the source that found it:
	-- 'arxiv' (the abstract or comments), 'huggingface' (its paper page).
	source TEXT,
	UNIQUE (paper_id, kind, url)
);
CREATE INDEX links_repo ON links(repo_id) WHERE repo_id IS NOT NULL;

-- Links the user removed (version 6, `link --rm`): no refresh adds them
-- back (nor another URL of the same repository); `link` lifts it.
CREATE TABLE links_removed (
	paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
	kind TEXT NOT NULL,
	url TEXT NOT NULL,
	PRIMARY KEY (paper_id, kind, url)
) WITHOUT ROWID;

-- When the links step last asked about a paper (version 6), for
-- `refresh --max-age`.
CREATE TABLE link_lookups (
	paper_id INTEGER PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
	checked TEXT NOT NULL  -- ISO 8601 UTC
);

CREATE TABLE tags (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE
);

CREATE TABLE paper_tags (
	paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
	tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
	PRIMARY KEY (paper_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX paper_tags_tag ON paper_tags(tag_id);

-- @preamble texts, written first by the BibTeX export.
CREATE TABLE preambles (
	id INTEGER PRIMARY KEY,
	text TEXT NOT NULL UNIQUE
);

-- Citation keys a merge absorbed (version 4): each still names its paper
-- wherever a key is taken.  Unique regardless of case, like papers_citekey,
-- and never a paper's own key (lib/store/alias.c checks both tables).
CREATE TABLE aliases (
	paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
	key TEXT NOT NULL
);
CREATE UNIQUE INDEX aliases_key ON aliases(lower(key));
CREATE INDEX aliases_paper ON aliases(paper_id);

-- What each entry merged into a paper said when it was read (version 4), so
-- that `pubdb unmerge` can give it back: position 0 is the paper as it was
-- before its first recorded merge, then one row per merged entry.
CREATE TABLE entry_sources (
	id INTEGER PRIMARY KEY,
	paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	key TEXT,              -- the entry's own key (the alias), NULL for none
	type TEXT NOT NULL,
	source TEXT,           -- FILE:LINE, arxiv, doi
	fields_json TEXT NOT NULL
);
CREATE INDEX entry_sources_paper ON entry_sources(paper_id, position);

-- Dated events (version 5), newest last, for `pubdb news`: a paper
-- added, a venue gained by a preprint, a repository added, a star
-- milestone, papers arriving in the inbox.  Written by lib/store/events.c
-- when the change happens, in the change's own transaction.
CREATE TABLE events (
	id INTEGER PRIMARY KEY,
	day TEXT NOT NULL,     -- when it happened (YYYY-MM-DD, or YYYY-MM when only
	                       -- the month is known), else when pubdb learned it
	recorded TEXT NOT NULL, -- when pubdb recorded it (ISO 8601 UTC)
	kind TEXT NOT NULL,    -- paper, venue, repo, stars, inbox
	paper_id INTEGER REFERENCES papers(id) ON DELETE CASCADE,
	repo_id INTEGER REFERENCES repos(id) ON DELETE CASCADE,
	value TEXT,            -- "ICML 2025", "1000" (stars), "2" (inbox papers)
	source TEXT            -- edit, dblp, semanticscholar, refresh, add ...
);
CREATE INDEX events_day ON events(day, id);
CREATE INDEX events_paper ON events(paper_id) WHERE paper_id IS NOT NULL;
CREATE INDEX events_repo ON events(repo_id) WHERE repo_id IS NOT NULL;

-- Papers a watched profile lists that are not stored (version 5): `pubdb
-- inbox` shows them, `inbox accept` stores them, `inbox reject` moves their
-- identities to inbox_rejected.  work_json holds the whole record.
CREATE TABLE inbox (
	id INTEGER PRIMARY KEY,
	added TEXT NOT NULL,   -- ISO 8601 UTC
	source TEXT NOT NULL,  -- dblp, orcid, semanticscholar (first to list it)
	title TEXT NOT NULL,
	year INTEGER,
	venue TEXT,
	doi TEXT,              -- lower-case
	arxiv TEXT,            -- version-less
	dblp TEXT,             -- DBLP record key
	dblp_alt TEXT,         -- the key of its CoRR record, when DBLP had both
	title_key TEXT,        -- folded title
	work_json TEXT NOT NULL
);

-- Identities of rejected inbox papers (version 5): kind doi, arxiv, dblp or
-- title ("folded title|year"); a paper any source lists with one of them is
-- never proposed again.
CREATE TABLE inbox_rejected (
	kind TEXT NOT NULL,
	value TEXT NOT NULL,
	rejected TEXT NOT NULL,
	PRIMARY KEY (kind, value)
) WITHOUT ROWID;

-- Venue discovery (`refresh --venues`, version 5): when each paper without
-- a badge was last looked up, and the published versions found for it that
-- were not applied (two acceptable ones, or only a workshop version) as a
-- JSON array [{"venue":"ICLR 2025","dblp":"conf/iclr/..."}], which
-- `pubdb doctor` lists.  NULL: nothing left for the user to judge.
CREATE TABLE venue_lookups (
	paper_id INTEGER PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
	checked TEXT NOT NULL,
	candidates TEXT,
	-- negative answers remembered: {"semanticscholar": "2026-12-07",
	-- "dblp": ...}, the day each source said it does not know the paper,
	-- which is asked again after refresh.unknown_days (30)
	unknown TEXT
);

-- Full-text index over title, abstract and author names; rowid = papers.id,
-- maintained by lib/store/derive.c whenever a paper changes.
CREATE VIRTUAL TABLE papers_fts USING fts5(
	title, abstract, authors,
	tokenize = 'unicode61 remove_diacritics 2'
);
