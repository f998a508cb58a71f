/*
 * pub.h: the one public header of libpub, the library behind the pubdb
 * command.  It keeps an academic's publications in one SQLite file.
 *
 * Conventions (docs/architecture.md): functions that can fail return 0 or a negative
 * PUB_E* code and leave a message for pub_error_last(); out parameters come
 * first; every constructor has a NULL-safe _free.  Out of memory aborts.
 */
#ifndef PUB_H
#define PUB_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(PUB_STATIC)
#define PUB_EXTERN
#elif defined(_WIN32)
#ifdef PUB_BUILDING
#define PUB_EXTERN __declspec(dllexport)
#else
#define PUB_EXTERN __declspec(dllimport)
#endif
#else
#define PUB_EXTERN __attribute__((visibility("default")))
#endif

#define PUB_VERSION "0.1.0"

/* Error codes: 0 is success, everything else is negative. */
enum {
	PUB_OK = 0,
	PUB_ERROR = -1,     /* generic failure */
	PUB_ENOTFOUND = -2, /* no such paper, key, repository ... */
	PUB_EEXISTS = -3,   /* a unique thing already exists */
	PUB_EPARSE = -4,    /* malformed input; message has file:line:col */
	PUB_ENET = -5,      /* network failure; message names service and path */
	PUB_EBUSY = -6,     /* database locked beyond the busy timeout */
	PUB_EINVAL = -7,    /* invalid argument from the user */
	PUB_EVERSION = -8,  /* database written by a newer pubdb */
	PUB_ENONET = -9,    /* no network at all (cron may retry: exit 75) */
	PUB_EPARTIAL = -10, /* some items of a batch failed (refresh: exit 3) */
	PUB_ERATELIMIT = -11, /* a service's rate limit ran out (exit 75) */
};

/* The message of the last error on this thread; never NULL, owned by libpub,
 * valid until the next failing call on the same thread. */
PUB_EXTERN const char *pub_error_last(void);
/* The code of the last error on this thread (0 when none). */
PUB_EXTERN int pub_error_code(void);
PUB_EXTERN void pub_error_clear(void);

/* Set-up for programs: call once at start, before any other thread runs.
 * It initialises libcurl (curl_global_init) and turns off SQLite's global
 * memory statistics, which take a mutex on every allocation (7% of a large
 * import).  Libraries embedding libpub need not call it: the first network
 * client initialises libcurl then (once, thread-safely), and everything
 * else works without it. */
PUB_EXTERN void pub_init(void);

/* Edit distance (insertions, deletions, substitutions, compared without
 * case) between the first `na` bytes of `a` and the string `b`; 99 when
 * either has 63 bytes or more.  For "did you mean" (libpub's own messages
 * use it too). */
PUB_EXTERN size_t pub_edit_distance(const char *a, size_t na, const char *b);

/* The library version string (PUB_VERSION of the built library). */
PUB_EXTERN const char *pub_version(void);

/* ---- database ---------------------------------------------------------- */

typedef struct pub_db pub_db;

#define PUB_OPEN_CREATE 0x1   /* create the file (and its directory) if missing */
#define PUB_OPEN_READONLY 0x2 /* never write */

/* Opens (and migrates) the database at `path`.  `*out` is owned by the
 * caller and released with pub_db_free(). */
PUB_EXTERN int pub_db_open(pub_db **out, const char *path, unsigned flags);
PUB_EXTERN void pub_db_free(pub_db *db);

/* The default database path: $PUBDB_DB, $XDG_DATA_HOME/pubdb/,
 * ~/.local/share/pubdb/.  Returns a malloc'd string the caller frees. */
PUB_EXTERN char *pub_db_default_path(void);

/* Schema version the library writes (PRAGMA user_version). */
PUB_EXTERN int pub_db_schema_version(void);

/* Settings: `*out` is malloc'd (caller frees), NULL when unset. */
PUB_EXTERN int pub_config_get(char **out, pub_db *db, const char *key);
/* Sets (value NULL: unsets) one of a user's settings: owner,
 * owner.aliases, owner.dblp, owner.orcid, owner.s2, email, citekey_format.
 * Any other key is PUB_EINVAL ("did you mean" in the message), so a typo
 * never becomes a setting; unsetting a stored key of another name is
 * fine. */
PUB_EXTERN int pub_config_set(pub_db *db, const char *key, const char *value);
/* Calls cb for each setting in key order. */
PUB_EXTERN int pub_config_foreach(pub_db *db,
	int (*cb)(const char *key, const char *value, void *ctx), void *ctx);

/* ---- papers ----------------------------------------------------------- */

typedef struct pub_author {
	char *name;   /* display name, "Given von Family, Jr" in Unicode */
	char *given;
	char *von;
	char *family;
	char *jr;
	int equal;         /* equal contribution */
	int corresponding;
} pub_author;

typedef struct pub_link {
	char *kind; /* paper, code, blog, video, slides, project, pdf, ... */
	char *url;
	long stars; /* stars of the linked repository, -1 when unknown */
} pub_link;

/* A paper's citation count from one source (see "citation counts" below). */
typedef struct pub_citation {
	char *source;  /* "openalex", "crossref", "semanticscholar" */
	long count;
	char *checked; /* when the source said so, ISO-8601 UTC */
} pub_citation;

typedef struct pub_field {
	char *name;  /* lower-case BibTeX field name */
	char *value; /* verbatim BibTeX value without outer delimiters */
} pub_field;

/* A paper as stored.  Strings are UTF-8 (LaTeX decoded) or NULL. */
typedef struct pub_paper {
	int64_t id;
	char *key;
	char *type; /* lower-case entry type */
	char *title;
	int year;   /* 0 when unknown */
	int month;  /* 0 when unknown */
	char *venue;
	char *arxiv;
	int arxiv_version;
	char *doi;
	char *abstract;
	int selected;
	int rank;
	char *added;    /* ISO-8601 UTC */
	char *modified; /* ISO-8601 UTC */
	size_t nauthors;
	pub_author *authors;
	size_t nlinks;
	pub_link *links;
	size_t ntags;
	char **tags;
	size_t nfields; /* every BibTeX field, in stored order */
	pub_field *fields;
	size_t naliases; /* keys merges absorbed, each still naming this paper */
	char **aliases;
	size_t ncitations; /* the latest count per source, by source name */
	pub_citation *citations;
} pub_paper;

PUB_EXTERN void pub_paper_free(pub_paper *p);

/* Loads the paper with citation key `key` (or an alias of it, a key a
 * merge absorbed: every call taking a key takes one); PUB_ENOTFOUND when none.
 * `*out` is owned by the caller (pub_paper_free). */
PUB_EXTERN int pub_paper_get(pub_paper **out, pub_db *db, const char *key);

/* Options structs that callers fill start with a version, so that the
 * library can grow them: initialise with PUB_*_INIT (designated
 * initialisers, C99) or pub_*_init(), then fill.  A call given a version
 * it does not know returns PUB_EINVAL. */

/* A filter for listings and exports. */
typedef struct pub_filter {
	unsigned int version; /* PUB_FILTER_VERSION */
	/* papers with any of these tags, matched regardless of case; a tag
	 * that names no stored tag is PUB_ENOTFOUND (the message lists the
	 * tags there are) */
	const char *const *tags;
	size_t ntags;
	const char *author; /* author name, matched loosely */
	int selected_only;
	const char *query; /* search syntax, see pub_search */
	const char *key;   /* one paper by citation key */
} pub_filter;

#define PUB_FILTER_VERSION 1
#define PUB_FILTER_INIT {.version = PUB_FILTER_VERSION}

/* Zeroes `f` and sets its version; PUB_EINVAL for an unknown version. */
PUB_EXTERN int pub_filter_init(pub_filter *f, unsigned int version);

/* Calls cb for each matching paper, newest first (year desc, rank, added).
 * The paper passed to cb is owned by libpub and valid during the call.
 * A non-zero return from cb stops the walk and is returned. */
PUB_EXTERN int pub_paper_foreach(pub_db *db, const pub_filter *filter,
	int (*cb)(const pub_paper *p, void *ctx), void *ctx);

/* The paper as one JSON object in the shape docs/architecture.md gives
 * (with "me" from `config owner` and star counts); malloc'd, caller
 * frees. */
PUB_EXTERN int pub_paper_json(char **out, pub_db *db, const pub_paper *p);

/* Removes a paper and its aliases; PUB_ENOTFOUND when none. */
PUB_EXTERN int pub_paper_remove(pub_db *db, const char *key);
/* Removes `n` papers in one transaction, all or none: when a key names no
 * paper, PUB_ENOTFOUND (the message names every such key) and nothing is
 * removed. */
PUB_EXTERN int pub_papers_remove(pub_db *db, const char *const *keys, size_t n);

/* Undoes the merge that made `alias` a name of a paper: the entry merged
 * under that key is stored again as its own paper, exactly as it was read,
 * and the paper's fields are rebuilt from the other entries merged into it
 * (a field changed or removed since, by an edit or a refresh, stays as it
 * is now).  PUB_ENOTFOUND when no paper has the alias, PUB_EINVAL when
 * `alias` is a paper's own key. */
PUB_EXTERN int pub_paper_unmerge(pub_db *db, const char *alias);

/* One change of a paper's field: `field` is title, venue, year, key,
 * type, selected (0 or 1), rank, equal (author positions with equal
 * contribution, "1,2,3"), short (the name `pubdb news` gives the paper,
 * "PAB"; never exported), doi, arxiv or any BibTeX field; `value` NULL or
 * empty removes a BibTeX field or clears the column. */
typedef struct pub_assignment {
	const char *field;
	const char *value;
} pub_assignment;

/* 1 when `name` (any case) is a field BibTeX or biblatex knows or one of
 * pub_paper_edit()'s own (key, venue, selected, rank, equal, arxiv, short);
 * otherwise 0, with `*nearest` the known name nearest to it ("yaer":
 * "year") or NULL.  pub_paper_edit() stores any field: this is for
 * catching typos. */
PUB_EXTERN int pub_field_known(const char **nearest, const char *name);
/* 1 when `type` (any case) is a BibTeX or biblatex entry type; otherwise
 * 0, with `*nearest` the nearest one ("artcle": "article") or NULL. */
PUB_EXTERN int pub_entry_type_known(const char **nearest, const char *type);

/* Applies `n` assignments in order, in one transaction: all or none. */
PUB_EXTERN int pub_paper_edit(pub_db *db, const char *key,
	const pub_assignment *assignments, size_t n);
/* One assignment (its own transaction). */
PUB_EXTERN int pub_paper_set(pub_db *db, const char *key, const char *field,
	const char *value);

/* One change of a paper's tags. */
typedef struct pub_tag_change {
	const char *tag;
	int remove; /* 0 adds the tag, 1 removes it */
} pub_tag_change;

/* Applies `n` tag changes in order, in one transaction; tags no paper
 * carries any more are dropped.  Removing a tag the paper lacks is fine.
 * Tags are one regardless of case: adding "efficient video generation"
 * where "Efficient Video Generation" exists adds that tag. */
PUB_EXTERN int pub_paper_tag(pub_db *db, const char *key,
	const pub_tag_change *changes, size_t n);
PUB_EXTERN int pub_paper_tag_add(pub_db *db, const char *key, const char *tag);
PUB_EXTERN int pub_paper_tag_remove(pub_db *db, const char *key, const char *tag);
/* Renames a tag on every paper (any case of `from`; `to` as given, an
 * emoji and all: group headings show it).  When `to` names another tag
 * already, the two become one.  PUB_ENOTFOUND when no tag is `from`,
 * PUB_EINVAL for an empty `to`. */
PUB_EXTERN int pub_tag_rename(pub_db *db, const char *from, const char *to);

/* A link to add: a lower-case kind (paper, code, blog, ...) and a URL. */
typedef struct pub_link_spec {
	const char *kind;
	const char *url;
} pub_link_spec;

/* Adds a link of `kind`.  A code link to GitHub creates the repository row
 * and replaces the paper's code link to the same repository, if any (the
 * one found in an arXiv abstract, say). */
PUB_EXTERN int pub_paper_link_add(pub_db *db, const char *key, const char *kind,
	const char *url);

/* Removes the paper's links of `kind` to `url` (every link of `kind` when
 * `url` is NULL); a repository that was reachable only through them and
 * was not registered on its own goes too.  PUB_ENOTFOUND when the paper
 * has no such link. */
PUB_EXTERN int pub_paper_link_remove(pub_db *db, const char *key, const char *kind,
	const char *url);

/* ---- import ------------------------------------------------------------ */

typedef void (*pub_warn_fn)(const char *message, void *ctx);

/* A merge, as pub_import_opts.on_merge reports it.  Strings are valid
 * during the call. */
typedef struct pub_merge_info {
	const char *key;    /* the merged entry's own key, or NULL */
	const char *source; /* where it came from: "FILE:LINE" or the identifier */
	const char *into;   /* the key of the paper it merged into */
	const char *reason; /* "same DOI", "same arXiv id", "same title, year,
			     * first author" or "same key" */
	int alias;          /* 1: `key` is now an alias of `into`, and
			     * pub_paper_unmerge(key) undoes the merge */
} pub_merge_info;

typedef struct pub_import_opts {
	unsigned int version; /* PUB_IMPORT_OPTIONS_VERSION */
	int strict;           /* first error aborts and nothing is stored */
	int no_merge;         /* never merge into an existing paper */
	int dry_run;          /* parse and report only */
	const char *encoding; /* NULL: detect */
	const char *const *tags; /* tags added to every imported paper */
	size_t ntags;
	int selected;
	const char *venue;
	const char *code_url;
	const pub_link_spec *links; /* links added to every imported paper */
	size_t nlinks;
	const char *key; /* citation key for a single added paper; an input
			  * with several entries is PUB_EINVAL */
	pub_warn_fn warn; /* warnings and per-entry errors; may be NULL */
	void *warn_ctx;
	/* Called per stored paper: action is "added" or "merged", key the
	 * stored paper's key, source where the entry came from ("FILE:LINE"
	 * plus the entry's own key, or the identifier). */
	void (*on_paper)(const char *action, const char *key, const char *title,
		const char *source, void *ctx);
	void *paper_ctx;
	/* A wait the user would otherwise sit through in silence, one line
	 * each ("arXiv: HTTP 503 after 1 attempt; trying again in 6 s
	 * (attempt 2 of 4)"), for a progress display; may be NULL.  libpub
	 * prints nothing itself. */
	void (*notice)(const char *message, void *ctx);
	void *notice_ctx;
	/* Called per merge, after on_paper, with paper_ctx: what merged into
	 * what and why.  May be NULL. */
	void (*on_merge)(const pub_merge_info *merge, void *ctx);
} pub_import_opts;

#define PUB_IMPORT_OPTIONS_VERSION 1
#define PUB_IMPORT_OPTIONS_INIT {.version = PUB_IMPORT_OPTIONS_VERSION}

/* Zeroes `opts` and sets its version; PUB_EINVAL for an unknown version. */
PUB_EXTERN int pub_import_options_init(pub_import_opts *opts, unsigned int version);

typedef struct pub_import_stats {
	size_t entries; /* entries read */
	size_t added;
	size_t merged;
	size_t skipped;  /* broken entries skipped */
	size_t warnings;
} pub_import_stats;

/* Imports a BibTeX file (`path` "-" reads stdin) in one transaction. */
PUB_EXTERN int pub_import_bibtex(pub_db *db, const char *path,
	const pub_import_opts *opts, pub_import_stats *stats);

/* ---- search ------------------------------------------------------------ */

/* Query syntax: words (full-text over title, abstract, authors) and filters
 * author:NAME title:WORD year:2020 year:2020-2024 tag:NAME. */
PUB_EXTERN int pub_search(pub_db *db, const char *query,
	int (*cb)(const pub_paper *p, void *ctx), void *ctx);

/* ---- repositories ------------------------------------------------------ */

/* A GitHub repository, linked from papers (`code` links) or standalone. */
typedef struct pub_repo {
	int64_t id;
	int64_t github_id; /* 0 when not yet known */
	char *owner;
	char *name;
	char *url;         /* https://github.com/OWNER/NAME */
	char *description; /* NULL when unknown */
	long stars;        /* -1 when never checked */
	long delta_7d;     /* change over 7 and 30 days (0 when unknown) */
	long delta_30d;
	char *checked;     /* ISO-8601 UTC of the last check, or NULL */
	char *status;      /* "ok", "missing", "archived", "renamed", "new" */
	int standalone;    /* added with `repo add` (an open-source project) */
	/* The owner's wording (`repo edit`), NULL when unset: shown instead
	 * of `name` and `description`, which stay what GitHub says. */
	char *display_name;
	char *display_description;
} pub_repo;

/* Registers a standalone repository (a GitHub URL); PUB_EINVAL for a URL
 * that is not a GitHub repository. */
PUB_EXTERN int pub_repo_add(pub_db *db, const char *url, const char *description);

/* Removes a repository ("OWNER/NAME" or its GitHub URL) with its star
 * history; PUB_ENOTFOUND when none, PUB_EINVAL when `repo` names none.
 * A repository a paper's link points at is refused (PUB_ERROR, the
 * message names the papers): remove those links first
 * (pub_paper_link_remove()), so no paper loses its code link or stars
 * unseen. */
PUB_EXTERN int pub_repo_remove(pub_db *db, const char *repo);

/* Sets the owner's display name and description of a repository
 * ("OWNER/NAME" or its URL), which exports show instead of GitHub's and
 * which a refresh never changes.  NULL leaves one as it is; "" clears it
 * (GitHub's shows again).  PUB_ENOTFOUND when no such repository. */
PUB_EXTERN int pub_repo_edit(pub_db *db, const char *repo,
	const char *display_name, const char *display_description);

/* Calls cb for each repository (standalone_only: `repo add` ones only),
 * ordered by stars descending (standalone ones: in the order added, as a
 * homepage lists its projects).  The repo is valid during the call. */
PUB_EXTERN int pub_repo_foreach(pub_db *db, int standalone_only,
	int (*cb)(const pub_repo *r, void *ctx), void *ctx);

/* The repository as one JSON object in the `stars --json` shape
 * docs/architecture.md gives (repo, url, stars, delta_7d, delta_30d,
 * checked, status); malloc'd, caller frees. */
PUB_EXTERN int pub_repo_json(char **out, const pub_repo *r);

/* ---- export ------------------------------------------------------------ */

typedef enum pub_format {
	PUB_FORMAT_BIBTEX = 0,
	PUB_FORMAT_BIBLATEX,
	PUB_FORMAT_JSON,
	PUB_FORMAT_CSL_JSON,
	PUB_FORMAT_HTML,
	PUB_FORMAT_MARKDOWN,
	PUB_FORMAT_HUGO, /* Hugo Blox page bundles in hugo_dir, one per paper */
} pub_format;

/* Whose BibTeX fields PUB_FORMAT_BIBTEX writes. */
typedef enum pub_dialect {
	PUB_DIALECT_PUBDB = 0, /* pubdb's own (pubdb-links, ... unless plain) */
	/* al-folio's jekyll-scholar templates: abbr (the venue badge),
	 * selected, bibtex_show, arxiv, html/pdf/code/blog/... from the links,
	 * abstract; equal contributors as "Family*" with an annotation; after
	 * an empty front matter ("---" twice) as al-folio's papers.bib has */
	PUB_DIALECT_AL_FOLIO,
} pub_dialect;

typedef enum pub_group_by {
	PUB_GROUP_DEFAULT = 0, /* tag when tags are filtered, else none */
	PUB_GROUP_TAG,
	PUB_GROUP_YEAR,
	PUB_GROUP_VENUE,
	PUB_GROUP_NONE,
} pub_group_by;

typedef struct pub_export_opts {
	unsigned int version; /* PUB_EXPORT_OPTIONS_VERSION */
	pub_format format;
	int ascii;         /* BibTeX: LaTeX escapes instead of UTF-8 */
	pub_filter filter; /* filter.tags also gives the order of tag groups */
	pub_group_by group_by;
	int standalone;    /* HTML: a whole page with a stylesheet */
	int repos;         /* HTML/Markdown: list standalone repositories */
	const char *jekyll_dir; /* Markdown: one file per paper in this folder */
	/* standalone HTML: the page's <title> and <h1> (default
	 * "Publications", "Open-Source Projects" with repos); Markdown: a
	 * "# title" heading first (default: none) */
	const char *title;
	int plain;         /* BibTeX: without pubdb's own fields (pubdb-links,
			    * pubdb-tags, ...; see README.md) */
	/* The markup of the HTML and Markdown lists (pub_style, below):
	 * PUB_STYLE_PUBDB (0, the HTML contract's classes) or
	 * PUB_STYLE_ACAD_HOMEPAGE (Markdown with inline HTML, as the
	 * acad-homepage Jekyll template's pages write it; format must be
	 * PUB_FORMAT_MARKDOWN). */
	int style;
	/* acad-homepage: the stored star count ("\u2605 2,012") instead of the
	 * live shields.io badge */
	int static_stars;
	pub_dialect dialect; /* BibTeX: whose fields */
	/* PUB_FORMAT_HUGO: the Hugo site's folder.  Each paper becomes
	 * content/publication/<slug>/index.md (Hugo Blox front matter) and
	 * cite.bib (its plain BibTeX), each written atomically; a bundle of
	 * the same slug is replaced, other bundles are left alone.  `out` is
	 * not written to. */
	const char *hugo_dir;
	int citations;     /* HTML/Markdown: "cited by N" per paper (the
			    * largest count of any source) */
	/* HTML and Markdown: people underlined besides the owner (whose
	 * owner.aliases count too); each string is one person, its spellings
	 * separated by ';' ("Yang You; Y. You") */
	const char *const *highlight;
	size_t nhighlight;
} pub_export_opts;

#define PUB_EXPORT_OPTIONS_VERSION 1
#define PUB_EXPORT_OPTIONS_INIT \
	{.version = PUB_EXPORT_OPTIONS_VERSION, .filter = PUB_FILTER_INIT}

/* Zeroes `opts` and sets its version and its filter's; PUB_EINVAL for an
 * unknown version. */
PUB_EXTERN int pub_export_options_init(pub_export_opts *opts, unsigned int version);

/* Writes the matching papers to `out`.  PUB_EINVAL when opts combine what
 * does not go together (jekyll_dir without Markdown, repos without HTML or
 * Markdown, a dialect without BibTeX, PUB_FORMAT_HUGO without hugo_dir). */
PUB_EXTERN int pub_export(pub_db *db, const pub_export_opts *opts, FILE *out);

/* ---- styles and regions of a homepage ---------------------------------- */

/* pub_export_opts.style */
typedef enum pub_style {
	PUB_STYLE_PUBDB = 0,
	PUB_STYLE_ACAD_HOMEPAGE,
} pub_style;

/* What pub_region_replace() did. */
typedef struct pub_region_result {
	int changed;      /* 1: the file was rewritten; 0: the region already
			   * held the text and the file was not touched */
	size_t line;      /* line of the opening marker */
	size_t old_lines; /* lines in the region before and after */
	size_t new_lines;
} pub_region_result;

/* Replaces the lines between `<!-- pubdb:NAME -->` and `<!-- /pubdb:NAME
 * -->` in the file at `path` by `len` bytes of `text` (a last newline
 * added when missing; line ends turned into the page's CRLF when its
 * opening marker line ends so).  Every byte outside the region stays as it
 * was.  The file is written atomically through pub_file_open() (symlink
 * followed, mode kept), and not at all when the region would not change.
 * PUB_EPARSE ("FILE:LINE: ...") when the page's markers do not pair up
 * (a region inside another, a closing marker alone, a region left open,
 * the region twice), PUB_ENOTFOUND when the page has no such region or
 * does not exist, PUB_EINVAL for a name outside [A-Za-z0-9_.-]{1,64};
 * then nothing is written.  `res` may be NULL. */
PUB_EXTERN int pub_region_replace(pub_region_result *res, const char *path,
	const char *name, const char *text, size_t len);

/* ---- network: add by identifier, refresh ------------------------------- */

/* Adds papers by identifier: arxiv:ID (any form pubdb accepts), doi:DOI,
 * arxiv.org and doi.org URLs.  arXiv ids go in one batched request.  Each
 * paper is stored like an imported entry (merge rules, opts->tags, links,
 * venue ...; opts->on_paper reports it).  An id that fails (not found, a
 * ghost entry) is reported through opts->warn and counted in
 * stats->skipped while the others are stored; then the call returns
 * PUB_ENOTFOUND.  Every identifier is checked first: a malformed one
 * returns PUB_EINVAL before any request.  Network failures (including a
 * malformed answer) return PUB_ENET, or PUB_ENONET when there is no
 * network at all; nothing is stored then.  All storing happens in one
 * transaction after the requests.  arXiv's last request time is kept in
 * the setting arxiv_last_request, also when the command fails.  With
 * opts->dry_run, each entry's BibTeX goes to `dry_run_out` instead and
 * opts->on_paper is not called. */
PUB_EXTERN int pub_add_ids(pub_db *db, const char *const *ids, size_t n,
	const pub_import_opts *opts, pub_import_stats *stats, FILE *dry_run_out);

/* Progress of a refresh: `done` of `total` items of `what` ("GitHub
 * stars") are finished; called once with done 0 before the first request
 * and after each batch, the last time with done == total. */
typedef void (*pub_progress_fn)(const char *what, size_t done, size_t total,
	void *ctx);

typedef struct pub_refresh_opts {
	unsigned int version; /* PUB_REFRESH_OPTIONS_VERSION */
	long max_age;  /* seconds: skip items checked more recently (0: all) */
	int jobs;      /* concurrent requests (GitHub REST); 0 or 1: serial */
	pub_progress_fn progress; /* may be NULL */
	void *progress_ctx;
	pub_warn_fn warn;   /* one line per failed item or notable change */
	void *warn_ctx;
	/* One line per change ("2408.12588: v2 -> v3", "hpcaitech/FastFold:
	 * 1234 -> 1240"), for the CLI to print unless -q. */
	void (*on_change)(const char *message, void *ctx);
	void *change_ctx;
} pub_refresh_opts;

#define PUB_REFRESH_OPTIONS_VERSION 1
#define PUB_REFRESH_OPTIONS_INIT {.version = PUB_REFRESH_OPTIONS_VERSION}

/* Zeroes `opts` and sets its version; PUB_EINVAL for an unknown version. */
PUB_EXTERN int pub_refresh_options_init(pub_refresh_opts *opts, unsigned int version);

typedef struct pub_refresh_stats {
	size_t checked;   /* items asked about */
	size_t changed;   /* items whose stored data changed */
	size_t unchanged; /* e.g. GitHub 304 */
	size_t skipped;   /* fresher than max_age */
	size_t failed;    /* reported through warn */
} pub_refresh_stats;

/* Takes the refresh lock (one refresh at a time per database, released
 * when the process ends, even by SIGKILL).  PUB_EBUSY when another refresh
 * holds it.  pub_refresh_unlock releases it early. */
PUB_EXTERN int pub_refresh_lock(pub_db *db);
PUB_EXTERN void pub_refresh_unlock(pub_db *db);

/* Re-queries every arXiv paper in batches; updates version, dates, DOI and
 * journal reference, and records a published version (venue, year, DOI)
 * when a preprint gained one, keeping its arXiv id.  Each change goes to
 * opts->on_change ("2408.12588: v2 -> v3", "2408.12588: published as
 * 10.x/y"); papers.checked is set on every paper checked, and opts->max_age
 * skips papers checked more recently.  Returns 0 when every item was
 * checked, PUB_EPARTIAL when some failed (each through opts->warn,
 * stats->failed; the others are stored), PUB_ENET/PUB_ENONET when no answer
 * came at all (nothing changed then). */
PUB_EXTERN int pub_refresh_arxiv(pub_db *db, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);

/* Refreshes GitHub star counts (REST with ETags, or GraphQL batches when
 * GITHUB_TOKEN is set), records history, follows renames, marks missing
 * and archived repositories.  Same returns as pub_refresh_arxiv, plus
 * PUB_ERATELIMIT when the primary limit ran out (the message says when to
 * retry).  Each answer sets the repository's stars, description, GitHub
 * id, ETag, status and checked time and records today's count in the
 * history; answers are committed one transaction per batch, so a refresh
 * killed midway leaves a consistent database.  A rename updates owner/name
 * (renamed_from keeps the old one) and the stored link URLs; a missing
 * repository keeps its last count and counts as failed.  opts->on_change
 * gets each change, opts->warn each failure; opts may be NULL. */
PUB_EXTERN int pub_refresh_stars(pub_db *db, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);

/* ---- venues: published versions found by pubdb (refresh --venues) ----- */

/* Finds the published version of every paper without a venue badge whose
 * venue the user did not set (edit venue=, add --venue): Semantic Scholar
 * first (arXiv ids and DOIs, 500 per batch request), which names the
 * published version's DBLP record; then that record's BibTeX, or for the
 * papers S2 could not place a DBLP title search; a paper DBLP does not
 * know gets S2's own journal or conference (venue_source
 * 'semanticscholar'; not for a merged arXiv preprint, whose year S2
 * keeps).  A version is accepted
 * only with the same folded title, a common author family name, a year
 * from the paper's year - 1 to + 2, and never a CoRR/arXiv/preprint
 * record; a workshop version is not taken, and neither are two acceptable
 * versions: those are kept as candidates that `pubdb doctor` lists.  On a
 * match: the badge ("ICLR 2025", DBLP's short venue and year) with
 * venue_source 'dblp' and the DBLP key, the full venue name, pages and
 * DOI into the BibTeX fields the entry lacks, an event "venue", and a line
 * to opts->on_change ("zhao2024realtime: published at ICLR 2025 (dblp
 * conf/iclr/ZhaoJWY25)").  opts->max_age skips papers looked up more
 * recently.  Every request runs before the one transaction that stores the
 * results.  Returns 0; PUB_EPARTIAL when some papers failed (each through
 * opts->warn; the others are stored); PUB_ERATELIMIT when S2 or DBLP kept
 * answering 429, PUB_ENET/PUB_ENONET when S2 failed or DBLP is
 * unreachable: nothing is stored then. */
PUB_EXTERN int pub_refresh_venues(pub_db *db, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);

/* Calls cb for each recorded day of each repository ("owner/name",
 * "YYYY-MM-DD", count), by repository then day; the strings are valid
 * during the call.  A non-zero return from cb stops and is returned. */
PUB_EXTERN int pub_stars_history_foreach(pub_db *db,
	int (*cb)(const char *repo, const char *day, long stars, void *ctx),
	void *ctx);

/* Writes the star history of every repository as a whole SVG document: a
 * line chart with one polyline per repository that has history, axes with
 * dates and counts, a legend.  Writing to a temporary file and renaming it
 * is the caller's business. */
PUB_EXTERN int pub_stars_svg(pub_db *db, FILE *out);

/* ---- news ------------------------------------------------------------- */

/* Dated events, recorded when they happen (a paper added by identifier, a
 * venue gained by a preprint, a repository added, a star milestone
 * crossed) and told as a homepage's News section tells them:
 * "- *2025.05*: [DSP](URL) is accepted by ICML 2025!".  A paper is named
 * by its `short` (pub_paper_edit() "short=PAB"), else by its title before
 * a colon; its URL is its paper link, else its arXiv abstract page, else
 * its DOI.  Inbox events are not news. */
typedef enum pub_news_format {
	PUB_NEWS_MARKDOWN = 0, /* "- *2025.05*: ..." lines */
	PUB_NEWS_HTML,         /* <ul class="pub-news"> of <li>, escaped */
	PUB_NEWS_ATOM,         /* an Atom 1.0 feed; entry ids stable */
	PUB_NEWS_JSON,         /* an array of {day, kind, paper, repo, value,
				* name, url, text} */
} pub_news_format;

typedef struct pub_news_opts {
	unsigned int version; /* PUB_NEWS_OPTIONS_VERSION */
	pub_news_format format;
	const char *since;  /* "YYYY-MM-DD", "YYYY-MM" or "YYYY": events of that
			     * day or later; NULL: all */
	size_t limit;       /* at most this many, newest first; 0: all */
	const char *title;  /* Atom: the feed's title (default "News") */
	const char *author; /* Atom: the feed's author (default "pubdb"); also
			     * makes its default id */
	const char *feed_id; /* Atom: the feed's id (default
			      * urn:pubdb:news:HASH of author) */
} pub_news_opts;

#define PUB_NEWS_OPTIONS_VERSION 1
#define PUB_NEWS_OPTIONS_INIT {.version = PUB_NEWS_OPTIONS_VERSION}

/* Zeroes `opts` and sets its version; PUB_EINVAL for an unknown version. */
PUB_EXTERN int pub_news_options_init(pub_news_opts *opts, unsigned int version);

/* One event as news; strings valid during the callback. */
typedef struct pub_news_item {
	int64_t id;
	const char *day;    /* YYYY-MM-DD or YYYY-MM */
	const char *kind;   /* paper, venue, repo, stars */
	const char *value;  /* venue ("ICML 2025"), milestone ("1000") or NULL */
	const char *source; /* who recorded it: add, edit, refresh, dblp ... */
	const char *key;    /* the paper's key, or NULL for a repository */
	const char *repo;   /* "owner/name", or NULL for a paper */
	const char *name;   /* the short name shown (plain text) */
	const char *url;    /* the link, or NULL */
	const char *venue;  /* the paper's venue now, or NULL */
	const char *arxiv;  /* the paper's arXiv id, or NULL */
} pub_news_item;

/* Calls cb for each event, newest first (opts->since and opts->limit
 * apply; opts may be NULL); a non-zero return from cb stops the walk and
 * is returned.  PUB_EINVAL for a malformed opts->since. */
PUB_EXTERN int pub_news_foreach(pub_db *db, const pub_news_opts *opts,
	int (*cb)(const pub_news_item *item, void *ctx), void *ctx);

/* Renders the news in opts->format into `*out` (malloc'd, caller frees;
 * "" when there is none), for the caller to write wherever it wants: to
 * stdout, a file, or a marked region of a page. */
PUB_EXTERN int pub_news_render(char **out, pub_db *db, const pub_news_opts *opts);
/* ---- citation counts and stats ---------------------------------------- */

/* Fetches citation counts for every paper with a DOI or an arXiv id (then
 * asked as 10.48550/arXiv.ID), one step per source: OpenAlex's
 * cited_by_count by single-work lookups (free; OPENALEX_API_KEY sent as
 * api_key when set), several side by side (opts->jobs, default 8).  Each
 * count is stored with its source and time, and today's in the history
 * (one row per paper, source and day); one transaction per batch.  A DOI
 * the source does not know is skipped (a note through opts->warn, not a
 * failure).  opts->max_age skips papers whose count from that source is
 * fresher.  Same returns as pub_refresh_arxiv; a service still answering
 * 429 after the waits gives PUB_ERATELIMIT. */
PUB_EXTERN int pub_refresh_citations(pub_db *db, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);

/* One paper's count from one source, with its change over 7 and 30 days
 * (against the latest history row at least that old; 0 when none). */
typedef struct pub_citation_row {
	const char *key;
	const char *title;   /* may be NULL */
	const char *source;
	long count;
	long delta_7d;
	long delta_30d;
	const char *checked; /* ISO-8601 UTC */
} pub_citation_row;

/* Calls cb for each stored count, grouped by paper (papers with the
 * largest count first, then by key), sources by name within a paper.  The
 * row's strings are valid during the call; a non-zero return stops. */
PUB_EXTERN int pub_citations_foreach(pub_db *db,
	int (*cb)(const pub_citation_row *row, void *ctx), void *ctx);

/* Calls cb for each history row of the paper with key `key` (an alias
 * works too; PUB_ENOTFOUND when none), or of every paper when key is NULL
 * (then by key), by source and day. */
PUB_EXTERN int pub_citations_history_foreach(pub_db *db, const char *key,
	int (*cb)(const char *key, const char *source, const char *day,
		long count, void *ctx), void *ctx);

/* The history as a whole SVG line chart: with a key, one line per source
 * of that paper; without, one line per paper (its largest count of any
 * source each day). */
PUB_EXTERN int pub_citations_svg(pub_db *db, const char *key, FILE *out);

/* Totals over the whole database. */
typedef struct pub_stats {
	long papers;
	long citations; /* sum over papers of the largest count of any source */
	long h_index;   /* h papers with at least h citations each */
	long i10_index; /* papers with at least 10 citations */
	long stars;     /* sum over repositories with a known count */
} pub_stats;

PUB_EXTERN int pub_stats_get(pub_stats *out, pub_db *db);

/* h-index of n citation counts (any order; the array is not changed). */
PUB_EXTERN long pub_h_index(const long *counts, size_t n);

/* A shields-style badge as a whole SVG document: "citations | N" and
 * "h-index | H" side by side. */
PUB_EXTERN int pub_stats_svg(const pub_stats *s, FILE *out);
/* ---- profiles and the inbox ------------------------------------------- */

/* 1 when `in` names a profile rather than a paper: "dblp:PID",
 * "orcid:ID" or "s2author:ID" (valid or not). */
PUB_EXTERN int pub_profile_id_is(const char *in);

/* Adds every paper of each profile: dblp:PID (DBLP's person page),
 * orcid:ID (ORCID's works) or s2author:ID (Semantic Scholar's author
 * papers, every page).  Each paper is stored like an imported entry
 * (merge rules, then a stored paper with the same DBLP key), with its
 * DOI, arXiv id, DBLP key, venue and year; within one profile DBLP's
 * conference record and its CoRR record of the same paper, and ORCID's
 * groups sharing a DOI, become one paper.  Every id is checked first: a
 * malformed one (an ORCID check digit, a DBLP pid) is PUB_EINVAL before
 * any request; an unknown person is PUB_ENOTFOUND; network failures are
 * PUB_ENET or PUB_ENONET.  All lists are fetched first, then stored in
 * one transaction, so nothing is stored on any failure.  stats->added and
 * stats->merged say what happened; with opts->dry_run, each paper that
 * would be added goes to `dry_run_out` as BibTeX and nothing is stored. */
PUB_EXTERN int pub_add_profiles(pub_db *db, const char *const *ids, size_t n,
	const pub_import_opts *opts, pub_import_stats *stats, FILE *dry_run_out);

/* Reads the owner's profiles (settings owner.dblp, owner.orcid,
 * owner.s2) and puts each paper no stored paper has an identity of (DOI,
 * arXiv id, DBLP key, folded title with a year one apart at most), and
 * that was never rejected, into the inbox; one inbox event records how
 * many arrived.  stats->checked counts the papers the profiles list,
 * stats->changed the papers that arrived in the inbox, stats->unchanged
 * those already stored or waiting, stats->skipped the rejected ones.  No
 * profile set: 0 and nothing asked.  A profile that fails goes to
 * opts->warn (stats->failed; PUB_EPARTIAL) while the others are read;
 * PUB_ENONET when there is no network at all. */
PUB_EXTERN int pub_refresh_profiles(pub_db *db, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);

/* A paper in the inbox; strings valid during the callback. */
typedef struct pub_inbox_item {
	const char *id;      /* what accept and reject take ("3") */
	const char *title;
	const char *const *authors;
	size_t nauthors;
	int year;            /* 0 when unknown */
	const char *venue;   /* "ICCE 2012", or NULL */
	const char *source;  /* dblp, orcid, semanticscholar */
	const char *arxiv;   /* or NULL */
	const char *doi;     /* or NULL */
} pub_inbox_item;

/* Calls cb for each inbox paper, oldest first; a non-zero return stops. */
PUB_EXTERN int pub_inbox_foreach(pub_db *db,
	int (*cb)(const pub_inbox_item *item, void *ctx), void *ctx);
/* The inbox as the JSON array `inbox --json` prints (id, title, authors,
 * year, venue, source, arxiv, doi); malloc'd, caller frees. */
PUB_EXTERN int pub_inbox_json(char **out, pub_db *db);
/* Stores the inbox papers `ids` (every one when n is 0 and all is 1) like
 * `pub_add_profiles` stores a paper and takes them out of the inbox, in
 * one transaction; an id not in the inbox is PUB_ENOTFOUND and nothing
 * changes. */
PUB_EXTERN int pub_inbox_accept(pub_db *db, const char *const *ids, size_t n,
	int all, const pub_import_opts *opts, pub_import_stats *stats);
/* Drops the inbox papers `ids` for good: each identity they have (DOI,
 * arXiv id, DBLP keys, folded title with year) is remembered, and a paper
 * any profile lists with one of them is never proposed again.  One
 * transaction; an unknown id is PUB_ENOTFOUND and nothing changes. */
PUB_EXTERN int pub_inbox_reject(pub_db *db, const char *const *ids, size_t n);

/* ---- files ------------------------------------------------------------- */

/* A file replaced atomically, as a web server or a site generator expects
 * of it: written to a temporary file beside its target (a symlink is
 * followed to its target and stays a symlink), synced, then renamed over
 * the target, so that a reader sees the old file or the new one, never
 * half of it.  An existing file keeps its mode; a new one gets 0666 less
 * the umask.  The exports with -o and --svg go through it. */
typedef struct pub_file pub_file;

/* Starts writing `path`; `*out` is the caller's until pub_file_commit()
 * or pub_file_free(). */
PUB_EXTERN int pub_file_open(pub_file **out, const char *path);
/* The stream to write to; owned by the handle. */
PUB_EXTERN FILE *pub_file_stream(pub_file *f);
/* Flushes, syncs and renames the file into place, and frees the handle
 * whatever happens; on failure the target is as it was. */
PUB_EXTERN int pub_file_commit(pub_file *f);
/* Discards what was written (the target is as it was) and frees the
 * handle; NULL-safe. */
PUB_EXTERN void pub_file_free(pub_file *f);

/* ---- doctor ------------------------------------------------------------ */

/* Runs integrity, foreign-key and search-index checks and looks for
 * duplicate candidates; each finding goes to cb (candidates start with
 * "note: ").  Returns the number of problems (>= 0; candidates are not
 * problems) or an error. */
PUB_EXTERN int pub_doctor(pub_db *db,
	void (*cb)(const char *finding, void *ctx), void *ctx);

#ifdef __cplusplus
}
#endif
#endif
