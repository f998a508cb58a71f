/*
 * citekey.c: citation keys: the lookup of a key (case-insensitive, as
 * BibTeX compares them), a free key near a wanted one, and a new key from
 * the `citekey_format` setting ({author}{year}{title}: zhao2024realtime).
 */
#include "store/citekey.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "text/latex.h"
#include "text/names.h"
#include "bibtex/entry.h"
#include "bibtex/value.h"
#include "store/db.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Folded family name of the first author (or editor). */
static char *first_author_key(const pub__bib_entry *e)
{
	const char *list = pub__bib_entry_get(e, "author");
	pub__name *names = NULL;
	size_t n = 0;
	char *key = NULL;
	if (!list)
		list = pub__bib_entry_get(e, "editor");
	if (!list)
		return NULL;
	pub__names_parse(&names, &n, list);
	key = pub__names_first_key(names, n);
	pub__names_free(names, n);
	return key;
}

static int is_stopword(const char *w)
{
	static const char *stop[] = {"a", "an", "the", "on", "of", "in", "for",
		"to", "and", "with", "towards", "toward", "via", "from", "at",
		"by", "is", "are", "do", "does", "how", "what", "why", "when",
		"into", "about", "as", "or", "le", "la", "les", "der", "die",
		"das", "ein", "eine", "el", "un", "une", NULL};
	size_t i;
	for (i = 0; stop[i]; i++)
		if (strcmp(stop[i], w) == 0)
			return 1;
	return 0;
}

/* First significant title word, folded, without separators:
 * "Real-Time Video ..." gives "realtime". */
static char *title_word(const char *title)
{
	const char *p = title;
	while (p && *p) {
		size_t n;
		char *raw, *folded, *out, *q;
		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (!n)
			break;
		raw = pub__strndup(p, n);
		folded = pub__fold_ascii(raw);
		free(raw);
		for (q = out = folded; *q; q++)
			if (*q != ' ')
				*out++ = *q;
		*out = '\0';
		if (*folded && !is_stopword(folded))
			return folded;
		free(folded);
		p += n;
	}
	return NULL;
}

/* Expands the citekey format: {author} {year} {title}; other text is kept
 * (folded to [a-z0-9_:-]). */
static char *format_key(const char *fmt, const char *author, int year,
	const char *title)
{
	pub__buf b = PUB__BUF_INIT;
	const char *p;
	for (p = fmt; *p; p++) {
		if (strncmp(p, "{author}", 8) == 0) {
			pub__buf_puts(&b, author ? author : "anon");
			p += 7;
		} else if (strncmp(p, "{year}", 6) == 0) {
			if (year)
				pub__buf_printf(&b, "%d", year);
			p += 5;
		} else if (strncmp(p, "{title}", 7) == 0) {
			if (title)
				pub__buf_puts(&b, title);
			p += 6;
		} else if (isalnum((unsigned char)*p) || *p == '_' || *p == '-' ||
			   *p == ':') {
			pub__buf_putc(&b, (char)tolower((unsigned char)*p));
		}
	}
	if (!b.len)
		pub__buf_puts(&b, "paper");
	return pub__buf_detach(&b);
}

int pub__citekey_resolve(int64_t *id, int *alias, pub_db *db, const char *key)
{
	sqlite3_stmt *st;
	int err, rc;
	*id = 0;
	*alias = 0;
	/* A bulk transaction that began with no aliases and stored none (a
	 * first import) need not look in the aliases table. */
	if (db->bulk && db->aliases_empty)
		err = pub__db_stmt_rebind(&st, db,
			"SELECT id, 0 FROM papers WHERE lower(citekey) = lower(?1)");
	else
		err = pub__db_stmt_rebind(&st, db,
			"SELECT id, 0 FROM papers WHERE lower(citekey) = lower(?1) "
			"UNION ALL SELECT paper_id, 1 FROM aliases WHERE lower(key) = lower(?1) "
			"LIMIT 1");
	if (err < 0)
		return err;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*alias = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return pub__db_error(db, "looking up a citation key");
	return 0;
}

int pub__citekey_lookup(int64_t *id, pub_db *db, const char *key)
{
	int alias;
	return pub__citekey_resolve(id, &alias, db, key);
}

static int key_exists(pub_db *db, const char *key, int *exists)
{
	int64_t id;
	int err = pub__citekey_lookup(&id, db, key);
	*exists = id != 0;
	return err;
}

/* `base` if free, else base + a, b, ..., z, aa, ab, ... */
int pub__citekey_unique(char out[256], pub_db *db, const char *base)
{
	int exists = 0, err;
	unsigned i;
	snprintf(out, 256, "%.240s", base);
	if ((err = key_exists(db, out, &exists)) < 0 || !exists)
		return err;
	for (i = 0; i < 26 * 27; i++) {
		if (i < 26)
			snprintf(out, 256, "%.240s%c", base, 'a' + i);
		else
			snprintf(out, 256, "%.240s%c%c", base, 'a' + i / 26 - 1,
				'a' + i % 26);
		if ((err = key_exists(db, out, &exists)) < 0 || !exists)
			return err;
	}
	return pub__error(PUB_EEXISTS, "no free citation key for '%s'", base);
}

int pub__citekey_make(char out[256], pub_db *db, const pub__bib_entry *e)
{
	char *fmt = NULL, *author, *title_raw, *word, *key;
	const char *t;
	int err;
	if ((err = pub_config_get(&fmt, db, "citekey_format")) < 0)
		return err;
	author = first_author_key(e);
	if (author) {
		/* "van der berg" -> "vanderberg" */
		char *q, *o;
		for (q = o = author; *q; q++)
			if (*q != ' ')
				*o++ = *q;
		*o = '\0';
	}
	t = pub__bib_entry_get(e, "title");
	title_raw = t ? pub__latex_to_unicode(t) : NULL;
	word = title_raw ? title_word(title_raw) : NULL;
	key = format_key(fmt ? fmt : "{author}{year}{title}",
		author && *author ? author : NULL,
		pub__bib_year(pub__bib_entry_get(e, "year") ? pub__bib_entry_get(e, "year")
							 : pub__bib_entry_get(e, "date")),
		word);
	err = pub__citekey_unique(out, db, key);
	free(fmt);
	free(author);
	free(title_raw);
	free(word);
	free(key);
	return err;
}
