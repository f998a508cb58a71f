/*
 * arxiv.c: the stored arXiv papers for the arXiv refresh step (arxiv.h).
 */
#include "store/arxiv.h"

#include "pub.h"
#include "util/alloc.h"
#include "store/db.h"

#include <stdlib.h>
#include <string.h>

void pub__arxiv_row_clear(pub__arxiv_row *r)
{
	free(r->arxiv);
	free(r->doi);
	free(r->journal);
	free(r->updated);
	free(r->published);
	free(r->type);
	free(r->venue);
	memset(r, 0, sizeof(*r));
}

int pub__arxiv_rows(pub__arxiv_row **out, size_t *n, size_t *skipped, pub_db *db,
	const char *cutoff)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int err, rc;
	*out = NULL;
	*n = 0;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT p.id, p.arxiv, p.arxiv_version, p.doi, "
		     "json_extract(p.fields_json, '$.journal'), "
		     "p.updated, p.published, p.type, p.venue, p.checked "
		     "FROM papers p WHERE p.arxiv IS NOT NULL ORDER BY p.id")) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *checked = (const char *)sqlite3_column_text(st, 9);
		pub__arxiv_row *k;
		if (cutoff && *cutoff && checked && strcmp(checked, cutoff) >= 0) {
			(*skipped)++;
			continue;
		}
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = pub__realloc(*out, cap * sizeof(**out));
		}
		k = &(*out)[(*n)++];
		k->id = sqlite3_column_int64(st, 0);
		k->arxiv = pub__col_strdup(st, 1);
		k->version = sqlite3_column_int(st, 2);
		k->doi = pub__col_strdup(st, 3);
		k->journal = pub__col_strdup(st, 4);
		k->updated = pub__col_strdup(st, 5);
		k->published = pub__col_strdup(st, 6);
		k->type = pub__col_strdup(st, 7);
		k->venue = pub__col_strdup(st, 8);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : pub__db_error(db, "reading arXiv papers");
}

int pub__store_published_as(pub_db *db, int64_t id, const char *journal_ref)
{
	sqlite3_stmt *st;
	int err;
	if ((err = pub__db_stmt(&st, db,
		     "UPDATE papers SET venue = COALESCE(venue, ?2), "
		     "venue_source = CASE WHEN venue IS NULL AND ?2 IS NOT NULL "
		     "THEN 'arxiv' ELSE venue_source END, "
		     "type = CASE WHEN ?3 AND type = 'misc' THEN 'article' ELSE type END "
		     "WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	pub__bind_text(st, 2, journal_ref);
	sqlite3_bind_int(st, 3, journal_ref ? 1 : 0);
	err = pub__db_step_done(db, st, "recording the published version");
	sqlite3_reset(st);
	return err;
}
