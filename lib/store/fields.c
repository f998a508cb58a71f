/*
 * fields.c: the codec of papers.fields_json, a paper's BibTeX fields as
 * one JSON object of strings in input order.
 *
 * Hand-written although jansson is linked, because jansson costs import and
 * export speed here: with json_object()/json_dumps() and json_loads() in
 * place of these functions (measured 2026-12-01, callgrind, the 11,927-entry
 * dblp corpus), `pubdb add` took 2.18 G instructions instead of 1.86 G
 * (+17%; +6% wall, median of 7) and `export --bibtex` 0.63 G instead of
 * 0.20 G (3.1x), for the same output.  jansson builds a hash table per
 * object and checks UTF-8 that the reader has already checked.  Everything
 * else in libpub (network answers, paper JSON) uses jansson.
 */
#include "store/fields.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "bibtex/entry.h"

#include <stdlib.h>
#include <string.h>

static void json_string(pub__buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const char *run = s;
	pub__buf_putc(b, '"');
	for (;; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		pub__buf_put(b, run, (size_t)(s - run));
		if (!c)
			break;
		pub__buf_putc(b, '\\');
		if (c == '"' || c == '\\') {
			pub__buf_putc(b, (char)c);
		} else if (c == '\n') {
			pub__buf_putc(b, 'n');
		} else if (c == '\t') {
			pub__buf_putc(b, 't');
		} else if (c == '\r') {
			pub__buf_putc(b, 'r');
		} else {
			char u[5] = {'u', '0', '0', hex[c >> 4], hex[c & 15]};
			pub__buf_put(b, u, 5);
		}
		run = s + 1;
	}
	pub__buf_putc(b, '"');
}

char *pub__fields_encode(const pub_field *f, size_t n)
{
	pub__buf b = PUB__BUF_INIT;
	size_t i, j, need = 3;
	/* Sized for text without escapes, the usual case: one allocation. */
	for (i = 0; i < n; i++)
		need += strlen(f[i].name) + (f[i].value ? strlen(f[i].value) : 0) + 6;
	b.ptr = pub__malloc(need);
	b.cap = need;
	b.ptr[0] = '\0';
	pub__buf_putc(&b, '{');
	for (i = 0; i < n; i++) {
		for (j = 0; j < i && strcmp(f[j].name, f[i].name) != 0; j++)
			;
		if (j < i)
			continue;
		if (b.len > 1)
			pub__buf_putc(&b, ',');
		json_string(&b, f[i].name);
		pub__buf_putc(&b, ':');
		json_string(&b, f[i].value ? f[i].value : "");
	}
	pub__buf_putc(&b, '}');
	return pub__buf_detach(&b);
}

static const char *json_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

static int hex4(const char *p, unsigned *v)
{
	int i;
	*v = 0;
	for (i = 0; i < 4; i++) {
		int c = (unsigned char)p[i], d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -1;
		*v = *v << 4 | (unsigned)d;
	}
	return 0;
}

static void put_utf8(pub__buf *b, unsigned cp)
{
	char u[4];
	if (cp < 0x80) {
		pub__buf_putc(b, (char)cp);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		pub__buf_put(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		pub__buf_put(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		pub__buf_put(b, u, 4);
	}
}

/* A JSON string at *pp (on its quote) into b; *pp ends past it.  A NUL
 * (\u0000) is dropped: values are C strings. */
static int json_unstring(const char **pp, pub__buf *b)
{
	const char *p = *pp, *run;
	pub__buf_clear(b);
	pub__buf_put(b, "", 0);
	if (*p++ != '"')
		return -1;
	for (;;) {
		run = p;
		while ((unsigned char)*p >= 0x20 && *p != '"' && *p != '\\')
			p++;
		pub__buf_put(b, run, (size_t)(p - run));
		if (*p == '"')
			break;
		if (*p != '\\')
			return -1; /* end of text or a raw control character */
		p++;
		switch (*p++) {
		case '"': pub__buf_putc(b, '"'); break;
		case '\\': pub__buf_putc(b, '\\'); break;
		case '/': pub__buf_putc(b, '/'); break;
		case 'b': pub__buf_putc(b, '\b'); break;
		case 'f': pub__buf_putc(b, '\f'); break;
		case 'n': pub__buf_putc(b, '\n'); break;
		case 'r': pub__buf_putc(b, '\r'); break;
		case 't': pub__buf_putc(b, '\t'); break;
		case 'u': {
			unsigned cp, lo;
			if (hex4(p, &cp) < 0)
				return -1;
			p += 4;
			if (cp >= 0xD800 && cp < 0xDC00 && p[0] == '\\' && p[1] == 'u' &&
			    hex4(p + 2, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				p += 6;
			} else if (cp >= 0xD800 && cp < 0xE000) {
				cp = 0xFFFD; /* a lone surrogate */
			}
			if (cp)
				put_utf8(b, cp);
			break;
		}
		default:
			return -1;
		}
	}
	*pp = p + 1;
	return 0;
}

int pub__fields_each(const char *json,
	int (*cb)(const char *name, const char *value, void *ctx), void *ctx)
{
	pub__buf name = PUB__BUF_INIT, value = PUB__BUF_INIT;
	const char *p = json_ws(json ? json : "");
	int err = PUB_ERROR;
	if (*p++ != '{')
		goto done;
	p = json_ws(p);
	if (*p == '}') {
		err = 0;
		p++;
	}
	while (err == PUB_ERROR) {
		if (json_unstring(&p, &name) < 0)
			goto done;
		p = json_ws(p);
		if (*p++ != ':')
			goto done;
		p = json_ws(p);
		if (json_unstring(&p, &value) < 0)
			goto done;
		if ((err = cb(name.ptr, value.ptr, ctx)) < 0)
			goto done;
		err = PUB_ERROR;
		p = json_ws(p);
		if (*p == '}') {
			err = 0;
			p++;
		} else if (*p++ != ',') {
			goto done;
		} else {
			p = json_ws(p);
		}
	}
	if (*json_ws(p))
		err = PUB_ERROR;
done:
	pub__buf_free(&name);
	pub__buf_free(&value);
	return err;
}

/* Appends a copy of name = value.  The array grows when *n reaches 0, 1,
 * 2, 4, ...: built only here, it always has room for one more. */
void pub__fields_push(pub_field **f, size_t *n, const char *name,
	const char *value)
{
	if ((*n & (*n - 1)) == 0)
		*f = pub__realloc(*f, (*n ? 2 * *n : 1) * sizeof(**f));
	(*f)[*n].name = pub__strdup(name);
	(*f)[*n].value = pub__strdup(value);
	(*n)++;
}

typedef struct field_array {
	pub_field *f;
	size_t n;
} field_array;

static int push_member(const char *name, const char *value, void *ctx)
{
	field_array *a = ctx;
	pub__fields_push(&a->f, &a->n, name, value);
	return 0;
}

int pub__fields_decode(pub_field **out, size_t *n, const char *json)
{
	field_array a = {NULL, 0};
	int err = pub__fields_each(json, push_member, &a);
	if (err < 0) {
		pub__fields_free(a.f, a.n);
		a.f = NULL;
		a.n = 0;
	}
	*out = a.f;
	*n = a.n;
	return err;
}
