/*
 * merge.c: duplicates.  An entry is the same paper as a stored one when it
 * re-imports that paper under its own key (or an entry a merge absorbed
 * under that alias), or shares its DOI or arXiv id, or its folded title,
 * year and first author with no locator (volume, pages, DOI, journal ...)
 * and no entry type disagreeing.  The title rule holds across sources
 * only: two keys in one file are two entries their author meant.  A merge
 * only adds missing fields.
 */
#include "store/merge.h"

#include "pub.h"
#include "text/latex.h"
#include "bibtex/entry.h"
#include "store/alias.h"
#include "store/citekey.h"
#include "store/db.h"
#include "store/derive.h"
#include "store/fields.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The stored paper with the entry's own key, when it already holds every
 * field of the entry with the same value: re-importing an export.
 * *key_free tells that no paper has the key at all. */
static int same_entry_by_key(pub_db *db, const pub__bib_entry *e, int64_t *id,
	int *key_free)
{
	pub__bib_entry stored;
	size_t i;
	int err, alias = 0, same = 0;
	*id = 0;
	if (!e->key || !*e->key)
		return 0;
	if ((err = pub__citekey_resolve(id, &alias, db, e->key)) < 0 || !*id) {
		*key_free = err == 0;
		return err;
	}
	if (alias) {
		if ((err = pub__alias_same_entry(&same, db, *id, e)) < 0 || !same)
			*id = 0;
		return err;
	}
	memset(&stored, 0, sizeof(stored));
	if ((err = pub__fields_load(&stored, db, *id)) < 0)
		return err;
	for (i = 0; i < e->nfields; i++) {
		const char *v = pub__bib_entry_get(&stored, e->fields[i].name);
		if (!v || strcmp(v, e->fields[i].value) != 0) {
			*id = 0;
			break;
		}
	}
	pub__fields_free(stored.fields, stored.nfields);
	return 0;
}

/* Types that say nothing about what was published: a preprint. */
static int vague_type(const char *t)
{
	static const char *vague[] = {"misc", "unpublished", "online", "electronic",
		"www", "preprint", NULL};
	size_t i;
	for (i = 0; vague[i]; i++)
		if (strcasecmp(t, vague[i]) == 0)
			return 1;
	return 0;
}

/* Same title, year and first author is a duplicate only when no locator
 * disagrees: a journal's recurring column ("Addresses of officers") in two
 * issues is two papers.  Nor when the entry types disagree: a master's
 * thesis and the technical report of the same title, a book and the
 * article about it, are two works (a @misc preprint agrees with any). */
static int conflicts(pub_db *db, int64_t id, const char *type,
	const pub__bib_entry *e, int *conflict)
{
	static const char *locators[] = {"volume", "number", "pages", "doi",
		"journal", "booktitle", "chapter", NULL};
	pub__bib_entry stored;
	size_t i;
	int err;
	*conflict = type && strcasecmp(type, e->type) != 0 && !vague_type(type) &&
		!vague_type(e->type);
	if (*conflict)
		return 0;
	memset(&stored, 0, sizeof(stored));
	if ((err = pub__fields_load(&stored, db, id)) < 0)
		return err;
	for (i = 0; locators[i] && !*conflict; i++) {
		const char *a = pub__bib_entry_get(e, locators[i]);
		const char *b = pub__bib_entry_get(&stored, locators[i]);
		if (a && b) {
			char *fa = pub__fold_ascii(a), *fb = pub__fold_ascii(b);
			*conflict = strcmp(fa, fb) != 0;
			free(fa);
			free(fb);
		}
	}
	pub__fields_free(stored.fields, stored.nfields);
	return 0;
}

int pub__merge_find(int64_t *id, int *reason, int *key_free, pub_db *db,
	const pub__bib_entry *e, const char *doi, const char *arxiv, const char *title_key,
	int year, const char *author_key)
{
	sqlite3_stmt *st;
	int err, rc;
	*reason = PUB__SAME_KEY;
	if ((err = same_entry_by_key(db, e, id, key_free)) < 0 || *id)
		return err;
	*reason = PUB__SAME_DOI;
	if (doi) {
		if ((err = pub__db_stmt_rebind(&st, db,
			     "SELECT id FROM papers WHERE doi = ?1 LIMIT 1")) < 0)
			return err;
		sqlite3_bind_text(st, 1, doi, -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			*id = sqlite3_column_int64(st, 0);
		else if (rc != SQLITE_DONE)
			err = pub__db_error(db, "looking up the DOI");
		sqlite3_reset(st);
		if (err < 0 || *id)
			return err;
	}
	*reason = PUB__SAME_ARXIV;
	if (arxiv) {
		if ((err = pub__db_stmt_rebind(&st, db,
			     "SELECT id FROM papers WHERE arxiv = ?1 LIMIT 1")) < 0)
			return err;
		sqlite3_bind_text(st, 1, arxiv, -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			*id = sqlite3_column_int64(st, 0);
		else if (rc != SQLITE_DONE)
			err = pub__db_error(db, "looking up the arXiv id");
		sqlite3_reset(st);
		if (err < 0 || *id)
			return err;
	}
	*reason = PUB__SAME_TITLE;
	if (title_key && *title_key && year && author_key) {
		/* conflicts() runs other statements, never this one. */
		sqlite3_stmt *q;
		if ((err = pub__db_stmt_rebind(&q, db,
			     "SELECT id, type FROM papers WHERE title_key = ?1 AND year = ?2 "
			     "AND author_key = ?3 ORDER BY id")) < 0)
			return err;
		sqlite3_bind_text(q, 1, title_key, -1, SQLITE_STATIC);
		sqlite3_bind_int(q, 2, year);
		sqlite3_bind_text(q, 3, author_key, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			int64_t cand = sqlite3_column_int64(q, 0);
			int c = 0;
			/* Stored by this source: another entry its author meant. */
			if (pub__db_source_has(db, cand))
				continue;
			if ((err = conflicts(db, cand,
				     (const char *)sqlite3_column_text(q, 1), e, &c)) < 0)
				break;
			if (!c) {
				*id = cand;
				break;
			}
		}
		if (err == 0 && rc != SQLITE_ROW && rc != SQLITE_DONE)
			err = pub__db_error(db, "looking up the title");
		sqlite3_reset(q);
		if (err < 0)
			return err;
	}
	return 0;
}

/* Adds e's fields that paper `id` lacks (a merge: nothing overwritten). */
int pub__merge_fill(int *added, int *authors_added, pub_db *db,
	int64_t id, const pub__bib_entry *e)
{
	pub__bib_entry stored;
	size_t i;
	int err;
	memset(&stored, 0, sizeof(stored));
	if ((err = pub__fields_load(&stored, db, id)) < 0)
		goto done;
	for (i = 0; i < e->nfields; i++) {
		const char *name = e->fields[i].name;
		if (pub__bib_entry_get(&stored, name))
			continue;
		pub__fields_push(&stored.fields, &stored.nfields, name, e->fields[i].value);
		(*added)++;
		if (strcmp(name, "author") == 0 || strcmp(name, "editor") == 0)
			*authors_added = 1;
	}
	if (*added)
		err = pub__fields_save(db, id, &stored);
done:
	pub__fields_free(stored.fields, stored.nfields);
	return err;
}

int pub__merge_id_holder(char **key, pub_db *db, int64_t self, const char *doi,
	const char *arxiv)
{
	sqlite3_stmt *st;
	int err, rc;
	*key = NULL;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT citekey FROM papers WHERE id <> ?1 AND "
		     "((?2 IS NOT NULL AND lower(doi) = lower(?2)) OR "
		     "(?3 IS NOT NULL AND arxiv = ?3)) ORDER BY id LIMIT 1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, self);
	sqlite3_bind_text(st, 2, doi, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, arxiv, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*key = pub__strdup((const char *)sqlite3_column_text(st, 0));
	else if (rc != SQLITE_DONE)
		err = pub__db_error(db, "reading papers' ids");
	sqlite3_reset(st);
	return err;
}
