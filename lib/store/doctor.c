/*
 * doctor.c: `pubdb doctor`: SQLite's integrity and foreign-key checks, the
 * search index against the papers, each paper's stored BibTeX fields,
 * crossref and xref fields that name no paper, duplicate candidates, and
 * the venues refresh --venues found but left for the user to choose.
 */
#include <stdlib.h>
#include <string.h>

#include "pub.h"
#include "util/alloc.h"
#include "store/db.h"

static int run_check(pub_db *db, const char *sql, const char *ok_value,
	const char *label, void (*cb)(const char *, void *), void *ctx, int *problems)

{
	sqlite3_stmt *st = NULL;
	int rc;
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return pub__db_error(db, label);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		char *msg;
		if (ok_value && v && strcmp(v, ok_value) == 0)
			continue;
		msg = pub__sprintf("%s: %s", label, v ? v : "(null)");
		cb(msg, ctx);
		free(msg);
		(*problems)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return pub__db_error(db, label);
	return 0;
}

int pub_doctor(pub_db *db, void (*cb)(const char *finding, void *ctx), void *ctx)
{
	int problems = 0, notes = 0, err;
	if ((err = run_check(db, "PRAGMA integrity_check", "ok", "integrity",
		     cb, ctx, &problems)) < 0)
		return err;
	if ((err = run_check(db,
		     "SELECT \"table\" || ' row ' || rowid || ' refers to a missing ' || parent "
		     "FROM pragma_foreign_key_check", NULL, "foreign key", cb, ctx, &problems)) < 0)
		return err;
	if ((err = run_check(db,
		     "SELECT 'paper ' || citekey || ' is missing from the search index' "
		     "FROM papers WHERE id NOT IN (SELECT rowid FROM papers_fts) "
		     "UNION ALL SELECT 'search index row ' || rowid || ' has no paper' "
		     "FROM papers_fts WHERE rowid NOT IN (SELECT id FROM papers)",
		     NULL, "index", cb, ctx, &problems)) < 0)
		return err;
	if ((err = run_check(db,
		     "SELECT 'paper ' || citekey || ' has unreadable BibTeX fields' FROM papers "
		     "WHERE NOT json_valid(fields_json) OR json_type(fields_json) <> 'object' "
		     "OR EXISTS (SELECT 1 FROM json_each(fields_json) WHERE type <> 'text')",
		     NULL, "fields", cb, ctx, &problems)) < 0)
		return err;
	/* `rm` of a crossref target leaves the entries that inherit from it
	 * dangling: bibtex(1) and biber then warn or drop fields */
	if ((err = run_check(db,
		     "SELECT 'paper ' || p.citekey || ' has ' || lower(j.key) || ' = ' || j.value "
		     "|| ', which is no paper' FROM papers p, json_each(p.fields_json) j "
		     "WHERE json_valid(p.fields_json) AND json_type(p.fields_json) = 'object' "
		     "AND lower(j.key) IN ('crossref', 'xref') AND j.type = 'text' "
		     "AND NOT EXISTS (SELECT 1 FROM papers q "
		     "WHERE lower(q.citekey) = lower(trim(j.value))) ORDER BY p.citekey",
		     NULL, "crossref", cb, ctx, &problems)) < 0)
		return err;
	if ((err = run_check(db,
		     "SELECT group_concat(citekey, ', ') || ' share DOI ' || doi FROM papers "
		     "WHERE doi IS NOT NULL GROUP BY doi HAVING count(*) > 1 "
		     "UNION ALL SELECT group_concat(citekey, ', ') || ' share arXiv id ' || arxiv "
		     "FROM papers WHERE arxiv IS NOT NULL GROUP BY arxiv HAVING count(*) > 1 "
		     "UNION ALL SELECT group_concat(citekey, ', ') || ' have the same title, year "
		     "and first author' FROM papers WHERE title_key <> '' "
		     "GROUP BY title_key, year, author_key HAVING count(*) > 1",
		     NULL, "note: duplicate candidates", cb, ctx, &notes)) < 0)
		return err;
	/* Published versions the venues step found but did not apply (two
	 * acceptable ones, or only a workshop version), "KEY: VENUE (dblp
	 * RECORD), ...": the user picks one (the CLI says how). */
	if ((err = run_check(db,
		     "SELECT p.citekey || ': ' || group_concat(json_extract(c.value, '$.venue') || "
		     "' (dblp ' || json_extract(c.value, '$.dblp') || CASE WHEN "
		     "json_extract(c.value, '$.workshop') THEN ', workshop' ELSE '' END || ')', "
		     "', ') "
		     "FROM venue_lookups l JOIN papers p ON p.id = l.paper_id, "
		     "json_each(l.candidates) c WHERE l.candidates IS NOT NULL "
		     "AND json_valid(l.candidates) AND (p.venue IS NULL OR p.venue = '') "
		     "GROUP BY p.id ORDER BY p.citekey",
		     NULL, "note: venue candidates", cb, ctx, &notes)) < 0)
		return err;
	/* Duplicate candidates are for the user to judge (a --no-merge import
	 * makes them on purpose); they are not damage. */
	return problems;
}
