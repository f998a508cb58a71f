/*
 * store.c: an entry becomes a paper: merged into the paper it duplicates,
 * or inserted under its own or a new citation key with its derived
 * columns.
 */
#include "store/store.h"
#include "store/events.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "bibtex/entry.h"
#include "store/alias.h"
#include "store/citekey.h"
#include "store/db.h"
#include "store/derive.h"
#include "store/fields.h"
#include "store/merge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The export's copy under an alias becomes the alias, with what it says
 * (but PUB__ALIAS_OF) recorded as the entry merged under it. */
static int absorb_copy(pub_db *db, int64_t id, const pub__bib_entry *e,
	const char *source)
{
	pub__bib_entry own = *e;
	size_t i;
	int err, made;
	own.fields = pub__calloc(e->nfields ? e->nfields : 1, sizeof(*own.fields));
	own.nfields = 0;
	for (i = 0; i < e->nfields; i++)
		if (strcmp(e->fields[i].name, PUB__ALIAS_OF) != 0)
			own.fields[own.nfields++] = e->fields[i];
	err = pub__alias_absorb(&made, db, id, &own, source);
	free(own.fields); /* the names and values are e's */
	return err;
}

int pub__store_entry(pub__store_result *res, pub_db *db,
	const pub__bib_entry *e, const pub__store_opts *o)
{
	sqlite3_stmt *st;
	pub__derived d;
	char *json = NULL;
	int err = 0, added = 0, authors_added = 0, key_free = 0, reason = 0;
	int64_t dup = 0;
	char now[21];

	memset(res, 0, sizeof(*res));
	pub__derived_compute(&d, e);
	if (e->key && *e->key && pub__bib_entry_get(e, PUB__ALIAS_OF)) {
		/* The export's copy of a paper under an alias: the alias again. */
		if ((err = pub__citekey_lookup(&dup, db,
			     pub__bib_entry_get(e, PUB__ALIAS_OF))) < 0)
			goto done;
		if (dup) {
			int64_t other = 0;
			if ((err = pub__citekey_lookup(&other, db, e->key)) < 0)
				goto done;
			if (!other && (err = absorb_copy(db, dup, e, o->source)) < 0)
				goto done;
			if (!other || other == dup) {
				reason = PUB__SAME_KEY;
				goto merged;
			}
			dup = 0;
		}
	}
	if (!o->no_merge &&
	    (err = pub__merge_find(&dup, &reason, &key_free, db, e, d.doi, d.arxiv,
		     d.title_key, d.year, d.author_key)) < 0)
		goto done;

	if (dup) {
		/* Before the fill: the record keeps the paper as it was. */
		if (reason != PUB__SAME_KEY &&
		    (err = pub__alias_absorb(&res->alias, db, dup, e, o->source)) < 0)
			goto done;
		if ((err = pub__merge_fill(&added, &authors_added, db, dup, e)) < 0)
			goto done;
		if (added && (err = pub__store_rederive(db, dup, authors_added)) < 0)
			goto done;
merged:
		if ((err = pub__db_stmt(&st, db,
			     "SELECT citekey FROM papers WHERE id = ?1")) < 0)
			goto done;
		sqlite3_bind_int64(st, 1, dup);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(res->key, sizeof(res->key), "%s",
				(const char *)sqlite3_column_text(st, 0));
		sqlite3_reset(st);
		res->paper_id = dup;
		res->merged = 1;
		res->reason = reason;
		pub__db_source_add(db, dup);
		goto done;
	}

	/* A new paper: keep the key it came with, else make one. */
	{
		const char *want = o->key ? o->key : e->key;
		if (want && *want && want == e->key && key_free &&
		    strlen(want) < 240) {
			/* pub__merge_find() has just seen the key free. */
			snprintf(res->key, sizeof(res->key), "%s", want);
		} else if (want && *want) {
			if ((err = pub__citekey_unique(res->key, db, want)) < 0)
				goto done;
			if (strcmp(res->key, want) != 0 && o->warn) {
				char *msg = pub__sprintf(
					"%s: citation key '%s' is taken; stored as '%s'",
					o->source ? o->source : "input", want, res->key);
				o->warn(msg, o->warn_ctx);
				free(msg);
			}
		} else if ((err = pub__citekey_make(res->key, db, e)) < 0) {
			goto done;
		}
	}
	pub__now_iso(now);
	/* The pub__derived columns go in with the row: pub__derive() skips its UPDATE
	 * for a new paper. */
	if ((err = pub__db_stmt(&st, db,
		     "INSERT INTO papers(citekey, type, source, added, modified, title, "
		     "year, month, doi, arxiv, arxiv_version, abstract, title_key, "
		     "author_key, arxiv_category, fields_json) "
		     "VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
		     "?13, ?14, ?15)")) < 0)
		goto done;
	json = pub__fields_encode(e->fields, e->nfields);
	sqlite3_bind_text(st, 15, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 1, res->key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e->type, -1, SQLITE_STATIC);
	pub__bind_static(st, 3, o->source);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	pub__bind_static(st, 5, d.title);
	if (d.year)
		sqlite3_bind_int(st, 6, d.year);
	if (d.month)
		sqlite3_bind_int(st, 7, d.month);
	pub__bind_static(st, 8, d.doi);
	pub__bind_static(st, 9, d.arxiv);
	if (d.version)
		sqlite3_bind_int(st, 10, d.version);
	pub__bind_static(st, 11, d.abstract);
	pub__bind_static(st, 12, d.title_key);
	pub__bind_static(st, 13, d.author_key);
	pub__bind_static(st, 14, pub__bib_entry_get(e, "primaryclass"));
	err = pub__db_step_done(db, st, "storing a paper");
	sqlite3_reset(st);
	if (err < 0)
		goto done;
	res->paper_id = sqlite3_last_insert_rowid(db->sql);
	pub__db_source_add(db, res->paper_id);
	err = pub__derive(db, res->paper_id, e, &d, 1, 1);
done:
	free(json);
	pub__derived_free(&d);
	return err;
}

int pub__store_paper_id(int64_t *id, pub_db *db, const char *key)
{
	int alias, err;
	if ((err = pub__citekey_resolve(id, &alias, db, key)) < 0)
		return err;
	if (!*id)
		return pub__error(PUB_ENOTFOUND, "no paper with key '%s'", key);
	return 0;
}

int pub__store_title_of(char **out, pub_db *db, const char *key)
{
	sqlite3_stmt *st;
	int err;
	*out = NULL;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT title FROM papers WHERE lower(citekey) = lower(?1)")) < 0)
		return err;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		*out = pub__col_strdup(st, 0);
	sqlite3_reset(st);
	return 0;
}

int pub__store_venue_found(int *changed, pub_db *db, int64_t id, const char *badge,
	const char *source, const char *dblp)
{
	sqlite3_stmt *st;
	int err;
	*changed = 0;
	if ((err = pub__db_stmt(&st, db,
		     "UPDATE papers SET venue = ?2, dblp = ?4, venue_source = CASE WHEN "
		     "venue_source = 'openreview' THEN venue_source ELSE ?3 END "
		     "WHERE id = ?1 AND (venue IS NULL OR venue = '' OR (venue_source = "
		     "'openreview' AND venue = ?2 COLLATE NOCASE)) "
		     "AND COALESCE(venue_source, '') <> 'user'")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	pub__bind_text(st, 2, badge);
	pub__bind_text(st, 3, source);
	pub__bind_text(st, 4, dblp);
	err = pub__db_step_done(db, st, "recording a venue");
	sqlite3_reset(st);
	if (err == 0)
		*changed = sqlite3_changes(db->sql) > 0;
	return err;
}

int pub__store_arxiv_meta(pub_db *db, int64_t id, int version, const char *published,
	const char *updated, const char *category)
{
	sqlite3_stmt *st;
	char now[21];
	int err;
	pub__now_iso(now);
	if ((err = pub__db_stmt(&st, db,
		     "UPDATE papers SET arxiv_version = COALESCE(?2, arxiv_version), "
		     "published = COALESCE(?3, published), updated = COALESCE(?4, updated), "
		     "arxiv_category = COALESCE(?5, arxiv_category), checked = ?6 "
		     "WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	if (version > 0)
		sqlite3_bind_int(st, 2, version);
	pub__bind_text(st, 3, published);
	pub__bind_text(st, 4, updated);
	pub__bind_text(st, 5, category);
	pub__bind_text(st, 6, now);
	err = pub__db_step_done(db, st, "storing arXiv data");
	sqlite3_reset(st);
	return err;
}

int pub__store_preprint_of(char **arxiv, pub_db *db, const char *title_key,
	const char *author_key, int year)
{
	sqlite3_stmt *st;
	int err;
	*arxiv = NULL;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT arxiv FROM papers WHERE arxiv IS NOT NULL AND doi IS NULL "
		     "AND title_key = ?1 AND author_key = ?2 AND year BETWEEN ?3 - 1 AND ?3 "
		     "ORDER BY id LIMIT 1")) < 0)
		return err;
	pub__bind_text(st, 1, title_key);
	pub__bind_text(st, 2, author_key);
	sqlite3_bind_int(st, 3, year);
	if (sqlite3_step(st) == SQLITE_ROW)
		*arxiv = pub__col_strdup(st, 0);
	sqlite3_reset(st);
	return 0;
}

int pub__store_key_of(char **key, pub_db *db, int64_t id)
{
	sqlite3_stmt *st;
	int err;
	*key = NULL;
	if ((err = pub__db_stmt(&st, db, "SELECT citekey FROM papers WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		*key = pub__col_strdup(st, 0);
	sqlite3_reset(st);
	return 0;
}

int pub__store_profile_fill(pub_db *db, int64_t id, const char *dblp, const char *badge,
	const char *source)
{
	sqlite3_stmt *st;
	int err, had = 1;
	if (badge && !db->bulk) {
		if ((err = pub__db_stmt(&st, db, "SELECT venue IS NOT NULL AND venue <> '' "
			     "FROM papers WHERE id = ?1")) < 0)
			return err;
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			had = sqlite3_column_int(st, 0);
		sqlite3_reset(st);
	}
	if ((err = pub__db_stmt(&st, db,
		     "UPDATE papers SET dblp = COALESCE(dblp, ?2), "
		     "venue_source = CASE WHEN venue IS NULL AND ?3 IS NOT NULL THEN ?4 "
		     "ELSE venue_source END, venue = COALESCE(venue, ?3) WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	pub__bind_text(st, 2, dblp);
	pub__bind_text(st, 3, badge);
	pub__bind_text(st, 4, source);
	err = pub__db_step_done(db, st, "storing a profile's paper");
	sqlite3_reset(st);
	/* the acceptance the paper arrived with is news too (version 6) */
	if (err == 0 && !had)
		err = pub__event_add(db, PUB__EVENT_VENUE, id, 0, badge, "profile", NULL);
	return err;
}
