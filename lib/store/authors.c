/*
 * authors.c: an entry's name lists become author rows: names parsed and
 * decoded once, each author found by its folded name or inserted, then
 * linked to the paper in order.
 */
#include "store/authors.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "text/latex.h"
#include "text/names.h"
#include "store/db.h"

#include <stdlib.h>
#include <string.h>

static char *join_parts(const char *a, const char *b, const char *c)
{
	const char *part[3] = {a, b, c};
	size_t len[3], n = 1, k;
	char *out, *o;
	for (k = 0; k < 3; k++)
		n += (len[k] = part[k] ? strlen(part[k]) : 0) + 1;
	o = out = pub__malloc(n);
	for (k = 0; k < 3; k++) {
		if (!len[k])
			continue;
		if (o > out)
			*o++ = ' ';
		memcpy(o, part[k], len[k]);
		o += len[k];
	}
	*o = '\0';
	return out;
}

/* decode_or_null() of *part, taking *part over when decoding would not
 * change it (most name parts): no copy. */
static char *take_decoded(char **part)
{
	char *s = *part;
	if (!s || !*s)
		return NULL;
	if (pub__latex_is_plain(s)) {
		*part = NULL;
		return s;
	}
	return pub__latex_to_unicode(s);
}

/* The authors of a name list, without "others"; *first_key (when not NULL)
 * gets the folded family name of the first name, as pub__names_first_key(). */
pub__author_prep *pub__authors_prep(const char *list, size_t *count, char **first_key)
{
	pub__name *names = NULL;
	pub__author_prep *out;
	size_t n = 0, i;
	pub__names_parse(&names, &n, list);
	if (first_key)
		*first_key = pub__names_first_key(names, n);
	out = pub__calloc(n ? n : 1, sizeof(*out));
	*count = 0;
	for (i = 0; i < n; i++) {
		pub__author_prep *a = &out[*count];
		if (names[i].others)
			continue;
		a->given = take_decoded(&names[i].first);
		a->von = take_decoded(&names[i].von);
		a->family = take_decoded(&names[i].last);
		a->jr = take_decoded(&names[i].jr);
		a->display = join_parts(a->given, a->von, a->family);
		if (a->jr) {
			char *d = pub__sprintf("%s, %s", a->display, a->jr);
			free(a->display);
			a->display = d;
		}
		a->norm = pub__fold_ascii(a->display);
		if (!*a->norm) {
			free(a->norm);
			a->norm = pub__strdup(a->display);
		}
		(*count)++;
	}
	pub__names_free(names, n);
	return out;
}

void pub__authors_prep_free(pub__author_prep *a, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		free(a[i].given);
		free(a[i].von);
		free(a[i].family);
		free(a[i].jr);
		free(a[i].display);
		free(a[i].norm);
	}
	free(a);
}

int pub__authors_store(pub_db *db, int64_t paper_id, const char *role,
	const pub__author_prep *authors, size_t n, pub__buf *names_text)
{
	static const char *sql_find = "SELECT id FROM authors WHERE norm = ?1";
	/* Find, then insert: an UPSERT would open a statement journal per
	 * author, which costs more than the second lookup. */
	static const char *sql_insert =
		"INSERT INTO authors(name, given, von, family, jr, norm) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	static const char *sql_link =
		"INSERT INTO paper_authors(paper_id, role, position, author_id) "
		"VALUES (?1, ?2, ?3, ?4)";
	size_t i;
	int err = 0, pos = 0;
	for (i = 0; i < n; i++) {
		const pub__author_prep *a = &authors[i];
		sqlite3_stmt *st;
		int64_t author_id;
		int absent;
		if (!*a->display)
			continue;
		if (!(author_id = pub__db_author_get(db, a->norm, &absent)) && !absent) {
			if ((err = pub__db_stmt(&st, db, sql_find)) < 0)
				return err;
			sqlite3_bind_text(st, 1, a->norm, -1, SQLITE_STATIC);
			if (sqlite3_step(st) == SQLITE_ROW)
				author_id = sqlite3_column_int64(st, 0);
			sqlite3_reset(st);
			if (author_id)
				pub__db_author_put(db, a->norm, author_id);
		}
		if (!author_id) {
			if ((err = pub__db_stmt_rebind(&st, db, sql_insert)) < 0)
				return err;
			pub__bind_static(st, 1, a->display);
			pub__bind_static(st, 2, a->given);
			pub__bind_static(st, 3, a->von);
			pub__bind_static(st, 4, a->family);
			pub__bind_static(st, 5, a->jr);
			pub__bind_static(st, 6, a->norm);
			err = pub__db_step_done(db, st, "storing an author");
			sqlite3_reset(st);
			if (err < 0)
				return err;
			author_id = sqlite3_last_insert_rowid(db->sql);
			pub__db_author_put(db, a->norm, author_id);
		}
		if ((err = pub__db_stmt_rebind(&st, db, sql_link)) < 0)
			return err;
		sqlite3_bind_int64(st, 1, paper_id);
		sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, ++pos);
		sqlite3_bind_int64(st, 4, author_id);
		err = pub__db_step_done(db, st, "linking an author");
		sqlite3_reset(st);
		if (err < 0)
			return err;
		if (names_text) {
			if (names_text->len)
				pub__buf_putc(names_text, ' ');
			pub__buf_puts(names_text, a->display);
		}
	}
	return 0;
}
