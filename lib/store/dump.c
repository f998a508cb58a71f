/*
 * dump.c: the database as deterministic JSON Lines (pub_db_dump), and the
 * table of record types that load.c reads back.  docs/dump.md describes
 * the format; this table is its truth.
 */
#include "store/dump.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "util/error.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define V PUB__DUMP_VALUE

static const pub__dump_col settings_cols[] = {
	{"key", V, NULL}, {"value", V, NULL},
};

static const pub__dump_col venues_cols[] = {
	{"tag", V, NULL}, {"name", V, NULL}, {"kind", V, NULL},
};

static const pub__dump_col papers_cols[] = {
	{"key", V, NULL}, {"type", V, NULL}, {"title", V, NULL}, {"year", V, NULL},
	{"month", V, NULL}, {"venue", V, NULL}, {"venue_tag", PUB__DUMP_VENUE, NULL},
	{"arxiv", V, NULL}, {"arxiv_version", V, NULL}, {"arxiv_category", V, NULL},
	{"published", V, NULL}, {"updated", V, NULL}, {"doi", V, NULL},
	{"abstract", V, NULL}, {"selected", V, "0"}, {"rank", V, "0"},
	{"title_key", V, NULL}, {"author_key", V, NULL}, {"source", V, NULL},
	{"added", V, NULL}, {"modified", V, NULL}, {"checked", V, NULL},
	{"venue_source", V, NULL}, {"dblp", V, NULL}, {"short", V, NULL},
	{"fields", PUB__DUMP_JSON, "{}"},
};

static const pub__dump_col authors_cols[] = {
	{"name", V, NULL}, {"given", V, NULL}, {"von", V, NULL}, {"family", V, NULL},
	{"jr", V, NULL}, {"norm", V, NULL},
};

static const pub__dump_col paper_authors_cols[] = {
	{"paper", PUB__DUMP_PAPER, NULL}, {"role", V, "author"}, {"position", V, NULL},
	{"author", PUB__DUMP_AUTHOR, NULL}, {"equal", V, "0"},
	{"corresponding", V, "0"},
};

static const pub__dump_col aliases_cols[] = {
	{"paper", PUB__DUMP_PAPER, NULL}, {"key", V, NULL},
};

static const pub__dump_col entry_sources_cols[] = {
	{"paper", PUB__DUMP_PAPER, NULL}, {"position", V, NULL}, {"key", V, NULL},
	{"type", V, NULL}, {"source", V, NULL}, {"fields", PUB__DUMP_JSON, NULL},
};

static const pub__dump_col tags_cols[] = {
	{"name", V, NULL},
};

static const pub__dump_col paper_tags_cols[] = {
	{"paper", PUB__DUMP_PAPER, NULL}, {"tag", PUB__DUMP_TAG, NULL},
};

static const pub__dump_col repos_cols[] = {
	{"owner", V, NULL}, {"name", V, NULL}, {"github_id", V, NULL},
	{"description", V, NULL}, {"stars", V, NULL}, {"etag", V, NULL},
	{"checked", V, NULL}, {"status", V, "new"}, {"archived", V, "0"},
	{"renamed_from", V, NULL}, {"standalone", V, "0"}, {"display_name", V, NULL},
	{"display_description", V, NULL},
};

static const pub__dump_col links_cols[] = {
	{"paper", PUB__DUMP_PAPER, NULL}, {"kind", V, NULL}, {"url", V, NULL},
	{"repo", PUB__DUMP_REPO, NULL}, {"source", V, NULL},
};

static const pub__dump_col links_removed_cols[] = {
	{"paper", PUB__DUMP_PAPER, NULL}, {"kind", V, NULL}, {"url", V, NULL},
};

static const pub__dump_col link_lookups_cols[] = {
	{"paper", PUB__DUMP_PAPER, NULL}, {"checked", V, NULL},
};

static const pub__dump_col star_history_cols[] = {
	{"repo", PUB__DUMP_REPO, NULL}, {"day", V, NULL}, {"stars", V, NULL},
};

static const pub__dump_col citations_cols[] = {
	{"paper", PUB__DUMP_PAPER, NULL}, {"source", V, NULL}, {"count", V, NULL},
	{"checked", V, NULL},
};

static const pub__dump_col citation_history_cols[] = {
	{"paper", PUB__DUMP_PAPER, NULL}, {"source", V, NULL}, {"day", V, NULL},
	{"count", V, NULL},
};

static const pub__dump_col preambles_cols[] = {
	{"text", V, NULL},
};

/* An event's id is the news item's (`news edit ID`, `news rm ID`): the one
 * id a dump keeps, so a loaded database names its items as before.  A
 * dump without it (written before ids were kept) loads with new ones. */
static const pub__dump_col events_cols[] = {
	{"day", V, NULL}, {"recorded", V, NULL}, {"kind", V, NULL},
	{"paper", PUB__DUMP_PAPER, NULL}, {"repo", PUB__DUMP_REPO, NULL},
	{"value", V, NULL}, {"source", V, NULL}, {"id", V, NULL},
};

static const pub__dump_col inbox_cols[] = {
	{"added", V, NULL}, {"source", V, NULL}, {"title", V, NULL}, {"year", V, NULL},
	{"venue", V, NULL}, {"doi", V, NULL}, {"arxiv", V, NULL}, {"dblp", V, NULL},
	{"dblp_alt", V, NULL}, {"title_key", V, NULL}, {"work", PUB__DUMP_JSON, "{}"},
};

static const pub__dump_col inbox_rejected_cols[] = {
	{"kind", V, NULL}, {"value", V, NULL}, {"rejected", V, NULL},
};

static const pub__dump_col venue_lookups_cols[] = {
	{"paper", PUB__DUMP_PAPER, NULL}, {"checked", V, NULL},
	{"candidates", PUB__DUMP_JSON, NULL}, {"unknown", PUB__DUMP_JSON, NULL},
};

static const pub__dump_col decisions_cols[] = {
	{"paper", PUB__DUMP_PAPER, NULL}, {"status", V, NULL}, {"venue", V, NULL},
	{"tier", V, NULL}, {"day", V, NULL}, {"source", V, NULL}, {"ref", V, NULL},
	{"checked", V, NULL},
};

/* References are written by name; rows come in the order of their ids
 * (the order they were stored, which exports keep: papers are the BibTeX
 * export's order, links a paper's), else of their primary key.  A load
 * stores them in that order, so their new ids keep it and a second dump
 * is the same text. */
#define REPO_NAME(alias) "(SELECT owner || '/' || name FROM repos WHERE id = " alias ")"
#define PAPER_KEY(alias) "(SELECT citekey FROM papers WHERE id = " alias ")"

const pub__dump_table pub__dump_tables[] = {
	{"settings", settings_cols, N(settings_cols),
		"SELECT key, value FROM settings ORDER BY key",
		"INSERT INTO settings(key, value) VALUES (?1, ?2)"},
	{"venues", venues_cols, N(venues_cols),
		"SELECT tag, name, kind FROM venues ORDER BY id",
		"INSERT INTO venues(tag, name, kind) VALUES (?1, ?2, ?3)"},
	{"papers", papers_cols, N(papers_cols),
		"SELECT citekey, type, title, year, month, venue, "
		"(SELECT tag FROM venues WHERE id = venue_id), arxiv, arxiv_version, "
		"arxiv_category, published, updated, doi, abstract, selected, rank, "
		"title_key, author_key, source, added, modified, checked, venue_source, "
		"dblp, short, fields_json FROM papers ORDER BY id",
		"INSERT INTO papers(citekey, type, title, year, month, venue, venue_id, "
		"arxiv, arxiv_version, arxiv_category, published, updated, doi, abstract, "
		"selected, rank, title_key, author_key, source, added, modified, checked, "
		"venue_source, dblp, short, fields_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
		"?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, COALESCE(?15, 0), COALESCE(?16, 0), "
		"?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, COALESCE(?26, '{}'))"},
	{"authors", authors_cols, N(authors_cols),
		"SELECT name, given, von, family, jr, norm FROM authors ORDER BY id",
		"INSERT INTO authors(name, given, von, family, jr, norm) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
	{"paper_authors", paper_authors_cols, N(paper_authors_cols),
		"SELECT " PAPER_KEY("pa.paper_id") ", pa.role, pa.position, "
		"(SELECT norm FROM authors WHERE id = pa.author_id), pa.equal, "
		"pa.corresponding FROM paper_authors pa "
		"ORDER BY pa.paper_id, pa.role, pa.position",
		"INSERT INTO paper_authors(paper_id, role, position, author_id, equal, "
		"corresponding) VALUES (?1, COALESCE(?2, 'author'), ?3, ?4, "
		"COALESCE(?5, 0), COALESCE(?6, 0))"},
	{"aliases", aliases_cols, N(aliases_cols),
		"SELECT " PAPER_KEY("a.paper_id") ", a.key FROM aliases a "
		"ORDER BY a.paper_id, a.rowid",
		"INSERT INTO aliases(paper_id, key) VALUES (?1, ?2)"},
	{"entry_sources", entry_sources_cols, N(entry_sources_cols),
		"SELECT " PAPER_KEY("e.paper_id") ", e.position, e.key, e.type, e.source, "
		"e.fields_json FROM entry_sources e ORDER BY e.paper_id, e.position, e.id",
		"INSERT INTO entry_sources(paper_id, position, key, type, source, "
		"fields_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
	{"tags", tags_cols, N(tags_cols),
		"SELECT name FROM tags ORDER BY id",
		"INSERT INTO tags(name) VALUES (?1)"},
	{"paper_tags", paper_tags_cols, N(paper_tags_cols),
		"SELECT " PAPER_KEY("pt.paper_id") ", (SELECT name FROM tags WHERE id = pt.tag_id) "
		"FROM paper_tags pt ORDER BY pt.paper_id, pt.tag_id",
		"INSERT INTO paper_tags(paper_id, tag_id) VALUES (?1, ?2)"},
	{"repos", repos_cols, N(repos_cols),
		"SELECT owner, name, github_id, description, stars, etag, checked, status, "
		"archived, renamed_from, standalone, display_name, display_description "
		"FROM repos ORDER BY id",
		"INSERT INTO repos(owner, name, github_id, description, stars, etag, "
		"checked, status, archived, renamed_from, standalone, display_name, "
		"display_description) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
		"COALESCE(?8, 'new'), COALESCE(?9, 0), ?10, COALESCE(?11, 0), ?12, ?13)"},
	{"links", links_cols, N(links_cols),
		"SELECT " PAPER_KEY("l.paper_id") ", l.kind, l.url, " REPO_NAME("l.repo_id")
		", l.source FROM links l ORDER BY l.paper_id, l.id",
		"INSERT INTO links(paper_id, kind, url, repo_id, source) VALUES (?1, ?2, ?3, ?4, ?5)"},
	{"links_removed", links_removed_cols, N(links_removed_cols),
		"SELECT " PAPER_KEY("r.paper_id") ", r.kind, r.url FROM links_removed r "
		"ORDER BY r.paper_id, r.kind, r.url",
		"INSERT INTO links_removed(paper_id, kind, url) VALUES (?1, ?2, ?3)"},
	{"star_history", star_history_cols, N(star_history_cols),
		"SELECT " REPO_NAME("h.repo_id") ", h.day, h.stars FROM star_history h "
		"ORDER BY h.repo_id, h.day",
		"INSERT INTO star_history(repo_id, day, stars) VALUES (?1, ?2, ?3)"},
	{"citations", citations_cols, N(citations_cols),
		"SELECT " PAPER_KEY("c.paper_id") ", c.source, c.count, c.checked "
		"FROM citations c ORDER BY c.paper_id, c.source",
		"INSERT INTO citations(paper_id, source, count, checked) VALUES (?1, ?2, ?3, ?4)"},
	{"citation_history", citation_history_cols, N(citation_history_cols),
		"SELECT " PAPER_KEY("h.paper_id") ", h.source, h.day, h.count "
		"FROM citation_history h ORDER BY h.paper_id, h.source, h.day",
		"INSERT INTO citation_history(paper_id, source, day, count) "
		"VALUES (?1, ?2, ?3, ?4)"},
	{"preambles", preambles_cols, N(preambles_cols),
		"SELECT text FROM preambles ORDER BY id",
		"INSERT INTO preambles(text) VALUES (?1)"},
	{"events", events_cols, N(events_cols),
		"SELECT e.day, e.recorded, e.kind, " PAPER_KEY("e.paper_id") ", "
		REPO_NAME("e.repo_id") ", e.value, e.source, e.id FROM events e "
		"ORDER BY e.day, e.id",
		"INSERT INTO events(day, recorded, kind, paper_id, repo_id, value, source, id) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
	{"inbox", inbox_cols, N(inbox_cols),
		"SELECT added, source, title, year, venue, doi, arxiv, dblp, dblp_alt, "
		"title_key, work_json FROM inbox ORDER BY id",
		"INSERT INTO inbox(added, source, title, year, venue, doi, arxiv, dblp, "
		"dblp_alt, title_key, work_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
		"?9, ?10, COALESCE(?11, '{}'))"},
	{"inbox_rejected", inbox_rejected_cols, N(inbox_rejected_cols),
		"SELECT kind, value, rejected FROM inbox_rejected ORDER BY kind, value",
		"INSERT INTO inbox_rejected(kind, value, rejected) VALUES (?1, ?2, ?3)"},
	{"venue_lookups", venue_lookups_cols, N(venue_lookups_cols),
		"SELECT " PAPER_KEY("v.paper_id") ", v.checked, v.candidates, v.unknown "
		"FROM venue_lookups v ORDER BY v.paper_id",
		"INSERT INTO venue_lookups(paper_id, checked, candidates, unknown) "
		"VALUES (?1, ?2, ?3, ?4)"},
	{"link_lookups", link_lookups_cols, N(link_lookups_cols),
		"SELECT " PAPER_KEY("k.paper_id") ", k.checked FROM link_lookups k "
		"ORDER BY k.paper_id",
		"INSERT INTO link_lookups(paper_id, checked) VALUES (?1, ?2)"},
	{"decisions", decisions_cols, N(decisions_cols),
		"SELECT " PAPER_KEY("d.paper_id") ", d.status, d.venue, d.tier, d.day, d.source, "
		"d.ref, d.checked FROM decisions d ORDER BY d.paper_id",
		"INSERT INTO decisions(paper_id, status, venue, tier, day, source, ref, checked) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
};
const size_t pub__dump_ntables = N(pub__dump_tables);

int pub__dump_setting_kept(const char *key)
{
	static const char *const secret[] = {"token", "password", "secret", "api_key",
		"apikey"};
	size_t i;
	if (strcmp(key, "arxiv_last_request") == 0)
		return 0;
	for (i = 0; i < N(secret); i++)
		if (strstr(key, secret[i]))
			return 0;
	return 1;
}

/* Column i of st as a JSON value for member `col`; NULL (and an error)
 * when it cannot be one. */
static json_t *column_json(sqlite3_stmt *st, int i, const pub__dump_table *t,
	const pub__dump_col *col)
{
	json_t *v = NULL;
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_INTEGER:
		return json_integer((json_int_t)sqlite3_column_int64(st, i));
	case SQLITE_FLOAT:
		return json_real(sqlite3_column_double(st, i));
	default: {
		const char *s = (const char *)sqlite3_column_text(st, i);
		size_t n = (size_t)sqlite3_column_bytes(st, i);
		/* JSON text that is an object or array goes in as JSON; any
		 * other text stays a string, which load stores as it is. */
		if (col->kind == PUB__DUMP_JSON &&
		    (v = json_loadb(s, n, 0, NULL)))
			return v;
		if (!(v = json_stringn(s, n)))
			pub__error(PUB_ERROR, "cannot dump a %s row: its %s is not UTF-8",
				t->name, col->key);
		return v;
	}
	}
}

static int dump_table(pub_db *db, const pub__dump_table *t, FILE *out)
{
	sqlite3_stmt *st = NULL;
	json_t *rec = NULL;
	char *line = NULL;
	int err = 0, rc;
	size_t i;
	if ((err = pub__db_stmt(&st, db, t->select)) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (t->cols == settings_cols &&
		    !pub__dump_setting_kept((const char *)sqlite3_column_text(st, 0)))
			continue;
		rec = json_object();
		json_object_set_new(rec, "t", json_string(t->name));
		for (i = 0; i < t->ncols; i++) {
			json_t *v;
			if (sqlite3_column_type(st, (int)i) == SQLITE_NULL ||
			    (t->cols[i].dflt && strcmp((const char *)sqlite3_column_text(st,
				    (int)i), t->cols[i].dflt) == 0))
				continue;
			if (!(v = column_json(st, (int)i, t, &t->cols[i]))) {
				err = PUB_ERROR;
				goto done;
			}
			json_object_set_new(rec, t->cols[i].key, v);
		}
		if (!(line = json_dumps(rec, JSON_COMPACT | JSON_PRESERVE_ORDER)))
			abort(); /* out of memory: every member is valid */
		fputs(line, out);
		fputc('\n', out);
		free(line);
		line = NULL;
		json_decref(rec);
		rec = NULL;
	}
	if (rc != SQLITE_DONE)
		err = pub__db_error(db, "reading the database");
done:
	json_decref(rec);
	sqlite3_reset(st);
	return err;
}

int pub_db_dump(pub_db *db, FILE *out)
{
	size_t i;
	int err;
	/* One read transaction: the dump is one state of the database. */
	if ((err = pub__db_exec(db, "BEGIN")) < 0)
		return err;
	fprintf(out, "{\"pubdb_dump\": %d, \"schema\": %d}\n", PUB__DUMP_FORMAT,
		PUB__SCHEMA_VERSION);
	for (i = 0; i < pub__dump_ntables && err == 0; i++)
		err = dump_table(db, &pub__dump_tables[i], out);
	if (err < 0)
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	else
		err = pub__db_exec(db, "COMMIT");
	if (err == 0 && (fflush(out) != 0 || ferror(out)))
		err = pub__error(PUB_ERROR, "cannot write the dump: %s",
			strerror(errno ? errno : EIO));
	return err;
}
