/*
 * query.c: the filter and search-query compiler.  User text only ever
 * reaches SQLite as bound parameters; full-text terms are quoted as FTS5
 * strings, so FTS5 operators typed by the user are words, not syntax.
 */
#include "store/query.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "text/latex.h"
#include "store/db.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int add_bind(pub__query *q, char *value)
{
	if (q->nbinds >= PUB__QUERY_MAX_BINDS) {
		free(value);
		return pub__error(PUB_EINVAL, "search query has too many terms (at most %d)",
			PUB__QUERY_MAX_BINDS);
	}
	q->binds[q->nbinds++] = value;
	pub__buf_printf(&q->sql, "?%zu", q->nbinds);
	return 0;
}

/* An FTS5 string: "word" with inner quotes doubled, optional prefix '*'. */
static void fts_quote(pub__buf *b, const char *s, size_t n)
{
	size_t i;
	int prefix = n > 1 && s[n - 1] == '*';
	if (prefix)
		n--;
	pub__buf_putc(b, '"');
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			pub__buf_putc(b, '"');
		pub__buf_putc(b, s[i]);
	}
	pub__buf_putc(b, '"');
	if (prefix)
		pub__buf_putc(b, '*');
}

static int parse_years(const char *v, int *lo, int *hi)
{
	char *end;
	long a, b;
	a = strtol(v, &end, 10);
	if (end == v)
		return -1;
	b = a;
	if (*end == '-' || *end == ':') {
		const char *w = end + 1;
		b = strtol(w, &end, 10);
		if (end == w)
			return -1;
	}
	if (*end || a < 0 || b < a || b > 9999)
		return -1;
	*lo = (int)a;
	*hi = (int)b;
	return 0;
}

/* Splits the search query into tokens; "quoted phrases" stay whole. */
static const char *next_token(const char *p, const char **start, size_t *len)
{
	while (*p && isspace((unsigned char)*p))
		p++;
	if (!*p)
		return NULL;
	*start = p;
	while (*p && !isspace((unsigned char)*p)) {
		if (*p == '"') {
			p++;
			while (*p && *p != '"')
				p++;
			if (*p)
				p++;
			continue;
		}
		p++;
	}
	*len = (size_t)(p - *start);
	return p;
}

static char *unquote(const char *s, size_t n)
{
	char *out = pub__malloc(n + 1), *o = out;
	size_t i;
	for (i = 0; i < n; i++)
		if (s[i] != '"')
			*o++ = s[i];
	*o = '\0';
	return out;
}

static int build_search(pub__query *q, const char *query)
{
	pub__buf fts = PUB__BUF_INIT;
	const char *p = query, *tok;
	size_t len;
	int err = 0;
	while ((p = next_token(p, &tok, &len))) {
		const char *colon = memchr(tok, ':', len);
		size_t klen = colon ? (size_t)(colon - tok) : 0;
		char *val = colon ? unquote(colon + 1, len - klen - 1) : NULL;
		if (colon && klen == 6 && strncmp(tok, "author", 6) == 0) {
			char *folded = pub__fold_ascii(val);
			pub__buf_puts(&q->sql, " AND p.id IN (SELECT pa.paper_id FROM paper_authors pa "
				"JOIN authors a ON a.id = pa.author_id WHERE a.norm LIKE '%' || ");
			err = add_bind(q, folded);
			pub__buf_puts(&q->sql, " || '%')");
		} else if (colon && klen == 3 && strncmp(tok, "tag", 3) == 0) {
			pub__buf_puts(&q->sql, " AND p.id IN (SELECT pt.paper_id FROM paper_tags pt "
				"JOIN tags t ON t.id = pt.tag_id WHERE t.name = ");
			err = add_bind(q, pub__strdup(val));
			pub__buf_puts(&q->sql, " COLLATE NOCASE)");
		} else if (colon && klen == 4 && strncmp(tok, "year", 4) == 0) {
			int lo, hi;
			if (parse_years(val, &lo, &hi) < 0) {
				err = pub__error(PUB_EINVAL,
					"search: 'year:%s' is not a year or a range like 2020-2024", val);
			} else {
				pub__buf_printf(&q->sql, " AND p.year BETWEEN %d AND %d", lo, hi);
			}
		} else if (colon && klen == 5 && strncmp(tok, "title", 5) == 0) {
			if (*val) {
				if (fts.len)
					pub__buf_puts(&fts, " AND ");
				pub__buf_puts(&fts, "title : ");
				fts_quote(&fts, val, strlen(val));
			}
		} else if (colon && klen > 0 && klen < 12 && strspn(tok, "abcdefghijklmnopqrstuvwxyz") == klen) {
			err = pub__error(PUB_EINVAL,
				"search: unknown filter '%.*s:' (use author: title: year: tag:)",
				(int)klen, tok);
		} else {
			char *word = unquote(tok, len);
			if (*word) {
				if (fts.len)
					pub__buf_puts(&fts, " AND ");
				fts_quote(&fts, word, strlen(word));
			}
			free(word);
		}
		free(val);
		if (err < 0)
			break;
	}
	if (err == 0 && fts.len) {
		pub__buf_puts(&q->sql, " AND p.id IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ");
		err = add_bind(q, pub__buf_detach(&fts));
		pub__buf_puts(&q->sql, ")");
	}
	pub__buf_free(&fts);
	return err;
}

int pub__query_build(pub__query *q, const pub_filter *f, int bibtex_order)
{
	size_t i;
	int err = 0;
	memset(q, 0, sizeof(*q));
	pub__buf_puts(&q->sql, "SELECT p.id FROM papers p WHERE 1");
	if (f->key) {
		/* Its key, or an alias a merge left. */
		pub__buf_puts(&q->sql, " AND (lower(p.citekey) = lower(");
		err = add_bind(q, pub__strdup(f->key));
		pub__buf_puts(&q->sql, ") OR p.id IN (SELECT paper_id FROM aliases "
			"WHERE lower(key) = lower(");
		if (err == 0)
			err = add_bind(q, pub__strdup(f->key));
		pub__buf_puts(&q->sql, ")))");
	}
	if (f->selected_only)
		pub__buf_puts(&q->sql, " AND p.selected");
	if (f->ntags) {
		pub__buf_puts(&q->sql, " AND p.id IN (SELECT pt.paper_id FROM paper_tags pt "
			"JOIN tags t ON t.id = pt.tag_id WHERE t.name COLLATE NOCASE IN (");
		for (i = 0; i < f->ntags && err == 0; i++) {
			if (i)
				pub__buf_putc(&q->sql, ',');
			err = add_bind(q, pub__strdup(f->tags[i]));
		}
		pub__buf_puts(&q->sql, "))");
	}
	if (err == 0 && f->author && *f->author) {
		/* "A; B": any of one person's spellings (the owner's aliases) */
		const char *p = f->author, *semi;
		int first = 1;
		pub__buf_puts(&q->sql, " AND p.id IN (SELECT pa.paper_id FROM paper_authors pa "
			"JOIN authors a ON a.id = pa.author_id WHERE (");
		do {
			char *one;
			semi = strchr(p, ';');
			while (*p == ' ')
				p++;
			one = semi ? pub__strndup(p, (size_t)(semi - p)) : pub__strdup(p);
			while (*one && one[strlen(one) - 1] == ' ')
				one[strlen(one) - 1] = '\0';
			if (!first)
				pub__buf_puts(&q->sql, " OR ");
			first = 0;
			pub__buf_puts(&q->sql, "a.norm LIKE '%' || ");
			if (err == 0)
				err = add_bind(q, pub__fold_ascii(one));
			pub__buf_puts(&q->sql, " || '%'");
			free(one);
			p = semi ? semi + 1 : NULL;
		} while (p);
		pub__buf_puts(&q->sql, "))");
	}
	if (err == 0 && f->query && *f->query)
		err = build_search(q, f->query);
	if (bibtex_order)
		pub__buf_puts(&q->sql, " ORDER BY p.id");
	else
		pub__buf_puts(&q->sql, " ORDER BY p.year IS NULL, p.year DESC, p.rank, p.added, p.id");
	if (err < 0)
		pub__query_free(q);
	return err;
}

int pub__query_prepare(sqlite3_stmt **out, pub_db *db, const pub__query *q)
{
	size_t i;
	if (sqlite3_prepare_v2(db->sql, q->sql.ptr, -1, out, NULL) != SQLITE_OK)
		return pub__db_error(db, "preparing a listing");
	for (i = 0; i < q->nbinds; i++)
		sqlite3_bind_text(*out, (int)i + 1, q->binds[i], -1, SQLITE_STATIC);
	return 0;
}

void pub__query_free(pub__query *q)
{
	size_t i;
	for (i = 0; i < q->nbinds; i++)
		free(q->binds[i]);
	q->nbinds = 0;
	pub__buf_free(&q->sql);
}
