/*
 * alias.c: a key a merge absorbed stays a name of the paper (the aliases
 * table), and what each merged entry said is kept (entry_sources), so that
 * `pubdb unmerge ALIAS` gives the entry back as it was read and rebuilds
 * the paper from the entries that remain.
 */
#include "store/alias.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "bibtex/entry.h"
#include "store/citekey.h"
#include "store/db.h"
#include "store/derive.h"
#include "store/fields.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

int pub__alias_put(pub_db *db, int64_t id, const char *key)
{
	sqlite3_stmt *st;
	int err;
	if ((err = pub__db_stmt(&st, db,
		     "INSERT INTO aliases(paper_id, key) VALUES (?1, ?2)")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	db->aliases_empty = 0; /* before the step: a failed one may have stored */
	return pub__db_step_done(db, st, "storing an alias");
}

int pub__alias_absorb(int *made, pub_db *db, int64_t id, const pub__bib_entry *e,
	const char *source)
{
	sqlite3_stmt *st;
	int64_t other;
	char *json = NULL;
	int err;
	*made = 0;
	if (!e->key || !*e->key)
		return 0;
	if ((err = pub__citekey_lookup(&other, db, e->key)) < 0 || other)
		return err;
	if ((err = pub__alias_put(db, id, e->key)) < 0)
		return err;
	/* The paper as it is before its first recorded merge, then the entry. */
	if ((err = pub__db_stmt(&st, db,
		     "INSERT INTO entry_sources(paper_id, position, key, type, source, "
		     "fields_json) SELECT id, 0, citekey, type, source, fields_json "
		     "FROM papers WHERE id = ?1 AND NOT EXISTS "
		     "(SELECT 1 FROM entry_sources WHERE paper_id = ?1)")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	if ((err = pub__db_step_done(db, st, "recording a merge")) < 0)
		return err;
	if ((err = pub__db_stmt(&st, db,
		     "INSERT INTO entry_sources(paper_id, position, key, type, source, "
		     "fields_json) SELECT ?1, MAX(position) + 1, ?2, ?3, ?4, ?5 "
		     "FROM entry_sources WHERE paper_id = ?1")) < 0)
		return err;
	json = pub__fields_encode(e->fields, e->nfields);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, e->key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, e->type, -1, SQLITE_STATIC);
	pub__bind_static(st, 4, source);
	sqlite3_bind_text(st, 5, json, -1, SQLITE_STATIC);
	err = pub__db_step_done(db, st, "recording a merge");
	sqlite3_reset(st);
	free(json);
	if (err == 0)
		*made = 1;
	return err;
}

int pub__alias_same_entry(int *same, pub_db *db, int64_t id, const pub__bib_entry *e)
{
	sqlite3_stmt *st;
	char *json;
	int err, rc;
	*same = 0;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT type, fields_json FROM entry_sources WHERE paper_id = ?1 "
		     "AND lower(key) = lower(?2) AND position > 0")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, e->key, -1, SQLITE_STATIC);
	json = pub__fields_encode(e->fields, e->nfields);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*same = strcmp((const char *)sqlite3_column_text(st, 0), e->type) == 0 &&
			strcmp((const char *)sqlite3_column_text(st, 1), json) == 0;
	else if (rc != SQLITE_DONE)
		err = pub__db_error(db, "reading a merged entry");
	sqlite3_reset(st);
	free(json);
	return err;
}

int pub__alias_list(char ***out, size_t *n, pub_db *db, int64_t id)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int err, rc;
	*out = NULL;
	*n = 0;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT key FROM aliases WHERE paper_id = ?1 ORDER BY rowid")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 4;
			*out = pub__realloc(*out, cap * sizeof(**out));
		}
		(*out)[(*n)++] = pub__col_strdup(st, 0);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : pub__db_error(db, "reading aliases");
}

/* A recorded entry. */
typedef struct recorded {
	int64_t row;
	pub__bib_entry e;
	char *source;
} recorded;

static void recorded_free(recorded *r, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		free(r[i].e.type);
		free(r[i].e.key);
		pub__fields_free(r[i].e.fields, r[i].e.nfields);
		free(r[i].source);
	}
	free(r);
}

static int recorded_load(recorded **out, size_t *n, pub_db *db, int64_t id)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int err = 0, rc;
	*out = NULL;
	*n = 0;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT id, key, type, source, fields_json FROM entry_sources "
		     "WHERE paper_id = ?1 ORDER BY position")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		recorded *r;
		if (*n == cap) {
			cap = cap ? cap * 2 : 4;
			*out = pub__realloc(*out, cap * sizeof(**out));
		}
		r = &(*out)[(*n)++];
		memset(r, 0, sizeof(*r));
		r->row = sqlite3_column_int64(st, 0);
		r->e.key = pub__col_strdup(st, 1);
		r->e.type = pub__col_strdup(st, 2);
		r->source = pub__col_strdup(st, 3);
		if (pub__fields_decode(&r->e.fields, &r->e.nfields,
			    (const char *)sqlite3_column_text(st, 4)) < 0) {
			err = pub__error(PUB_ERROR, "database '%s' is corrupt: a merged entry "
				"of paper %lld is unreadable", db->path, (long long)id);
			break;
		}
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = pub__db_error(db, "reading merged entries");
	sqlite3_reset(st);
	return err;
}

/* Sets name = value in an array built by pub__fields_push(). */
static void fields_set(pub__bib_entry *e, const char *name, const char *value)
{
	size_t i;
	for (i = 0; i < e->nfields; i++)
		if (strcmp(e->fields[i].name, name) == 0) {
			free(e->fields[i].value);
			e->fields[i].value = pub__strdup(value);
			return;
		}
	pub__fields_push(&e->fields, &e->nfields, name, value);
}

static void fields_remove(pub__bib_entry *e, const char *name)
{
	size_t i;
	for (i = 0; i < e->nfields; i++)
		if (strcmp(e->fields[i].name, name) == 0) {
			free(e->fields[i].name);
			free(e->fields[i].value);
			memmove(&e->fields[i], &e->fields[i + 1],
				(e->nfields - i - 1) * sizeof(e->fields[0]));
			e->nfields--;
			return;
		}
}

/* What a merge makes of the recorded entries except `skip` (SIZE_MAX:
 * none): the first one's fields, then each later one's missing fields. */
static void rebuild(pub__bib_entry *out, const recorded *r, size_t n, size_t skip)
{
	size_t i, j;
	memset(out, 0, sizeof(*out));
	for (i = 0; i < n; i++) {
		if (i == skip)
			continue;
		for (j = 0; j < r[i].e.nfields; j++)
			if (!pub__bib_entry_get(out, r[i].e.fields[j].name))
				pub__fields_push(&out->fields, &out->nfields,
					r[i].e.fields[j].name, r[i].e.fields[j].value);
	}
}

static int delete_row(pub_db *db, const char *sql, int64_t id)
{
	sqlite3_stmt *st;
	int err;
	if ((err = pub__db_stmt(&st, db, sql)) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	return pub__db_step_done(db, st, "undoing a merge");
}

int pub_paper_unmerge(pub_db *db, const char *alias)
{
	recorded *r = NULL;
	pub__bib_entry all, rest, now;
	pub__store_opts so;
	pub__store_result res;
	size_t n = 0, i, at = (size_t)-1;
	int64_t id = 0;
	int err, is_alias = 0;

	memset(&all, 0, sizeof(all));
	memset(&rest, 0, sizeof(rest));
	memset(&now, 0, sizeof(now));
	if (!alias || !*alias)
		return pub__error(PUB_EINVAL, "unmerge needs the key a merge absorbed");
	if ((err = pub__db_begin(db)) < 0)
		return err;
	if ((err = pub__citekey_resolve(&id, &is_alias, db, alias)) < 0)
		goto done;
	if (!id) {
		err = pub__error(PUB_ENOTFOUND, "no paper with key '%s'", alias);
		goto done;
	}
	if (!is_alias) {
		err = pub__error(PUB_EINVAL, "'%s' is a paper's own key, not one a merge "
			"absorbed (see the paper's aliases)", alias);
		goto done;
	}
	if ((err = recorded_load(&r, &n, db, id)) < 0)
		goto done;
	for (i = 1; i < n; i++)
		if (r[i].e.key && strcasecmp(r[i].e.key, alias) == 0)
			at = i;
	if (at == (size_t)-1) {
		err = pub__error(PUB_ENOTFOUND, "no record of the entry '%s' was merged "
			"from; it cannot be split off", alias);
		goto done;
	}

	/* The paper without the entry, keeping what changed since the merges
	 * (edits, refreshes): a field whose value is not what the merges made
	 * is kept as it is now, and one removed since stays removed. */
	rebuild(&all, r, n, (size_t)-1);
	rebuild(&rest, r, n, at);
	if ((err = pub__fields_load(&now, db, id)) < 0)
		goto done;
	for (i = 0; i < now.nfields; i++) {
		const char *merged = pub__bib_entry_get(&all, now.fields[i].name);
		if (!merged || strcmp(merged, now.fields[i].value) != 0)
			fields_set(&rest, now.fields[i].name, now.fields[i].value);
	}
	for (i = 0; i < all.nfields; i++)
		if (!pub__bib_entry_get(&now, all.fields[i].name))
			fields_remove(&rest, all.fields[i].name);
	if ((err = pub__fields_save(db, id, &rest)) < 0 ||
	    (err = pub__store_rederive(db, id, 1)) < 0)
		goto done;

	{
		sqlite3_stmt *st;
		if ((err = pub__db_stmt(&st, db, "DELETE FROM aliases WHERE paper_id = ?1 AND "
				     "lower(key) = lower(?2)")) < 0)
			goto done;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, alias, -1, SQLITE_STATIC);
		if ((err = pub__db_step_done(db, st, "undoing a merge")) < 0)
			goto done;
	}
	if ((err = delete_row(db, "DELETE FROM entry_sources WHERE id = ?1", r[at].row)) < 0)
		goto done;
	if (n == 2 &&
	    (err = delete_row(db, "DELETE FROM entry_sources WHERE paper_id = ?1", id)) < 0)
		goto done;

	/* The entry comes back under its own key, now free. */
	memset(&so, 0, sizeof(so));
	so.no_merge = 1;
	so.source = r[at].source;
	so.key = r[at].e.key;
	if ((err = pub__store_entry(&res, db, &r[at].e, &so)) < 0)
		goto done;
	err = pub__db_commit(db);
done:
	if (err < 0)
		pub__db_rollback(db);
	pub__fields_free(all.fields, all.nfields);
	pub__fields_free(rest.fields, rest.nfields);
	pub__fields_free(now.fields, now.nfields);
	recorded_free(r, n);
	return err;
}
