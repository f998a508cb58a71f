/*
 * reader.c: the streaming BibTeX reader; its syntax and the decisions it
 * takes beyond BibTeX are described in reader.h.
 */
#include "bibtex/reader.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "text/encoding.h"
#include "bibtex/entry.h"
#include "bibtex/macros.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define WINDOW (3 * PUB__ENC_CHUNK + 64)
#define LOOKAHEAD 128

struct pub__bib_reader {
	pub__bib_dec dec;
	char *filename;
	pub_warn_fn warn;
	void *warn_ctx;
	char *buf; /* WINDOW bytes of decoded text */
	size_t pos, len;
	int eof;
	unsigned line, col;
	int bol; /* only blanks so far on this line */
	pub__buf val, name, key;
	int pend_space; /* whitespace seen since the last value byte */
	/* An @string value keeps one leading and one trailing space, as
	 * BibTeX stores it: `" Symposium"` must not lose its space, only the
	 * whole value of a field is trimmed. */
	int keep_ends;
	/* Opening delimiter of a multi-line value of the current field that
	 * holds a line looking like `name =`: if the entry then breaks, that
	 * value is the likely culprit (a runaway quote or a missing brace). */
	unsigned susp_line, susp_col;
	int susp_quoted;
	pub__bib_macros macros;
};

static const char *const months[12][2] = {
	{"jan", "January"}, {"feb", "February"}, {"mar", "March"},
	{"apr", "April"}, {"may", "May"}, {"jun", "June"}, {"jul", "July"},
	{"aug", "August"}, {"sep", "September"}, {"oct", "October"},
	{"nov", "November"}, {"dec", "December"},
};

/* ---- the input window ---- */

static int refill(pub__bib_reader *r)
{
	size_t n;
	int err;
	if (r->eof)
		return 0;
	if (r->pos) {
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->len -= r->pos;
		r->pos = 0;
	}
	if (WINDOW - r->len < 16)
		return 0;
	if ((err = pub__bib_dec_read(&r->dec, r->buf + r->len, WINDOW - r->len, &n)) < 0)
		return err;
	if (n == 0)
		r->eof = 1;
	r->len += n;
	return 0;
}

/* Next byte without consuming it, or -1 at the end (or on a read error,
 * which then sits in pub_error_last(); see io_err). */
static int peek_slow(pub__bib_reader *r)
{
	if (refill(r) < 0) {
		r->eof = 2;
		return -1;
	}
	return r->pos < r->len ? (unsigned char)r->buf[r->pos] : -1;
}

static inline int peek(pub__bib_reader *r)
{
	if (r->pos < r->len)
		return (unsigned char)r->buf[r->pos];
	return peek_slow(r);
}

/* Makes `n` bytes visible from pos (fewer at the end of input). */
static size_t ensure(pub__bib_reader *r, size_t n)
{
	while (r->len - r->pos < n && !r->eof) {
		size_t before = r->len - r->pos;
		if (refill(r) < 0) {
			r->eof = 2;
			break;
		}
		if (r->len - r->pos == before)
			break;
	}
	return r->len - r->pos;
}

static inline int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Consumes the byte peek() returned. */
static inline void advance(pub__bib_reader *r)
{
	unsigned char c = (unsigned char)r->buf[r->pos++];
	if (c == '\n') {
		r->line++;
		r->col = 1;
		r->bol = 1;
		return;
	}
	if ((c & 0xC0) != 0x80)
		r->col++;
	if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v')
		r->bol = 0;
}

/* BibTeX's identifier characters: anything printable but these. */
static inline int is_ident(int c)
{
	return c > ' ' && c != 0x7F && c != '"' && c != '#' && c != '%' &&
	       c != '\'' && c != '(' && c != ')' && c != ',' && c != '=' &&
	       c != '{' && c != '}' && c != '@';
}

static inline int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* ---- messages ---- */

static void vformat(pub__bib_reader *r, char *out, size_t n, unsigned line,
	unsigned col, const char *fmt, va_list ap) PUB__PRINTF(6, 0);

static void vformat(pub__bib_reader *r, char *out, size_t n, unsigned line,
	unsigned col, const char *fmt, va_list ap)
{
	char msg[512];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	snprintf(out, n, "%s:%u:%u: %s", r->filename, line, col, msg);
}

static void warn_at(pub__bib_reader *r, unsigned line, unsigned col,
	const char *fmt, ...) PUB__PRINTF(4, 5);

static void warn_at(pub__bib_reader *r, unsigned line, unsigned col,
	const char *fmt, ...)
{
	char out[768];
	va_list ap;
	if (!r->warn)
		return;
	va_start(ap, fmt);
	vformat(r, out, sizeof(out), line, col, fmt, ap);
	va_end(ap);
	r->warn(out, r->warn_ctx);
}

static int err_at(pub__bib_reader *r, unsigned line, unsigned col,
	const char *fmt, ...) PUB__PRINTF(4, 5);

static int err_at(pub__bib_reader *r, unsigned line, unsigned col,
	const char *fmt, ...)
{
	char out[768];
	va_list ap;
	if (r->eof == 2) /* the real cause is the read error already recorded */
		return PUB_ERROR;
	va_start(ap, fmt);
	vformat(r, out, sizeof(out), line, col, fmt, ap);
	va_end(ap);
	return pub__error(PUB_EPARSE, "%s", out);
}

/* Describes the byte at the cursor for "expected X, found Y" messages. */
static const char *found(pub__bib_reader *r, char tmp[8])
{
	int c = peek(r);
	if (c < 0)
		return "end of file";
	if (c == '\n' || c == '\r')
		return "end of line";
	if (c >= 0x80)
		return "a non-ASCII character";
	tmp[0] = '\'';
	tmp[1] = (char)c;
	tmp[2] = '\'';
	tmp[3] = '\0';
	return tmp;
}

/* ---- lexing helpers ---- */

/* Skips whitespace and, inside entries, `%` comments to the end of line. */
static void skip_ws(pub__bib_reader *r)
{
	int c;
	while ((c = peek(r)) >= 0) {
		if (is_space(c)) {
			advance(r);
		} else if (c == '%') {
			while ((c = peek(r)) >= 0 && c != '\n')
				advance(r);
		} else {
			break;
		}
	}
}

/* Reads an identifier into b, lower-cased when `lower`. */
static void read_ident(pub__bib_reader *r, pub__buf *b, int lower)
{
	int c;
	pub__buf_clear(b);
	/* A run of ASCII inside the window: one copy (no line ends in it). */
	if (r->pos < r->len) {
		size_t end = r->pos, i;
		while (end < r->len && (unsigned char)r->buf[end] < 0x80 &&
		       is_ident((unsigned char)r->buf[end]))
			end++;
		if (end < r->len) {
			pub__buf_put(b, r->buf + r->pos, end - r->pos);
			if (lower)
				for (i = 0; i < b->len; i++)
					if (b->ptr[i] >= 'A' && b->ptr[i] <= 'Z')
						b->ptr[i] = (char)(b->ptr[i] + 'a' - 'A');
			r->col += (unsigned)(end - r->pos);
			if (end > r->pos)
				r->bol = 0;
			r->pos = end;
			if ((unsigned char)r->buf[end] < 0x80)
				return;
		}
	}
	while ((c = peek(r)) >= 0 && is_ident(c)) {
		if (lower && c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		pub__buf_putc(b, (char)c);
		advance(r);
	}
}

/* At a line-initial '@': does `@ type {` or `@ type (` follow?  Used to
 * notice that a value or an entry ran on into the next entry. */
static int at_entry_start(pub__bib_reader *r)
{
	size_t n = ensure(r, LOOKAHEAD), i = 1, start;
	const unsigned char *p = (const unsigned char *)r->buf + r->pos;
	if (n == 0 || p[0] != '@' || !r->bol)
		return 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	start = i;
	while (i < n && is_ident(p[i]))
		i++;
	if (i == start)
		return 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
		i++;
	return i < n && (p[i] == '{' || p[i] == '(');
}

/* Just after a newline inside a value: does the line read `name =`? */
static int looks_like_field(pub__bib_reader *r)
{
	size_t n = ensure(r, LOOKAHEAD), i = 0, start;
	const unsigned char *p = (const unsigned char *)r->buf + r->pos;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	start = i;
	while (i < n && is_ident(p[i]))
		i++;
	if (i == start)
		return 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	return i < n && p[i] == '=';
}

/* Value bytes that need no care: printable ASCII but braces, quotes and
 * '@' (which may start an entry). */
static inline int is_plain(int c)
{
	return c > ' ' && c < 0x7F && c != '{' && c != '}' && c != '"' && c != '@';
}

/* Writes the space of a whitespace run before the next value byte; not
 * at the start of a field's value (BibTeX trims the whole value, never
 * the parts of a concatenation, nor an @string value). */
static inline int flush_space(pub__bib_reader *r)
{
	r->pend_space = 0;
	if ((r->val.len || r->keep_ends) && pub__buf_putc(&r->val, ' ') < 0)
		return PUB_ERROR;
	return 0;
}

/* Appends one value byte, collapsing whitespace runs to one space. */
static inline int vput(pub__bib_reader *r, int c)
{
	pub__buf *b = &r->val;
	if (is_space(c)) {
		r->pend_space = 1;
		return 0;
	}
	if (r->pend_space && flush_space(r) < 0)
		return PUB_ERROR;
	if (b->len + 2 <= b->cap && b->len < PUB__BIB_MAX_VALUE) {
		b->ptr[b->len++] = (char)c;
		return 0;
	}
	return pub__buf_putc(b, (char)c);
}

static int too_long(pub__bib_reader *r, unsigned line, unsigned col)
{
	return err_at(r, line, col, "value longer than %u bytes",
		PUB__BIB_MAX_VALUE);
}

/* A {...} or "..." part; the cursor is on the opening delimiter. */
static int read_delimited(pub__bib_reader *r)
{
	unsigned sl = r->line, sc = r->col;
	int quoted = peek(r) == '"', c;
	unsigned depth = 0;
	const char *what = quoted ? "quoted value" : "braced value";
	advance(r);
	if (!quoted)
		depth = 1;
	for (;;) {
		c = peek(r);
		if (is_plain(c)) {
			/* A run of plain ASCII words: one copy instead of a byte
			 * at a time (most of a file's bytes). */
			size_t end = r->pos + 1, n;
			for (;;) {
				if (end < r->len && is_plain((unsigned char)r->buf[end]))
					end++;
				else if (end + 1 < r->len && r->buf[end] == ' ' &&
					 is_plain((unsigned char)r->buf[end + 1]))
					end += 2; /* one space between words stays one */
				else
					break;
			}
			n = end - r->pos;
			if (r->pend_space && flush_space(r) < 0)
				return too_long(r, sl, sc);
			if (pub__buf_put(&r->val, r->buf + r->pos, n) < 0)
				return too_long(r, sl, sc);
			r->pos = end;
			r->col += (unsigned)n;
			r->bol = 0;
			continue;
		}
		if (c < 0 || (c == '@' && r->bol && at_entry_start(r)))
			return err_at(r, sl, sc, "unterminated %s (started at line %u)",
				what, sl);
		if (c == '{') {
			if (++depth > PUB__BIB_MAX_DEPTH)
				return err_at(r, r->line, r->col,
					"braces nested deeper than %d (value started at line %u)",
					PUB__BIB_MAX_DEPTH, sl);
		} else if (c == '}') {
			if (depth == 0)
				return err_at(r, r->line, r->col,
					"unbalanced '}' in quoted value (started at line %u)", sl);
			if (--depth == 0 && !quoted) {
				advance(r);
				return 0;
			}
		} else if (c == '"' && quoted && depth == 0) {
			advance(r);
			return 0;
		}
		if (vput(r, c) < 0)
			return too_long(r, sl, sc);
		advance(r);
		if (c == '\n' && !r->susp_line && depth <= 1 && looks_like_field(r)) {
			r->susp_line = sl;
			r->susp_col = sc;
			r->susp_quoted = quoted;
		}
	}
}

/* A whole value: parts joined by '#'.  Leaves the text in r->val, with
 * whitespace runs collapsed to one space; the ends are trimmed unless
 * `keep_ends` (an @string value). */
static int read_value(pub__bib_reader *r, const char *field, int keep_ends)
{
	unsigned sl = r->line, sc = r->col;
	int c, err;
	char tmp[8];
	pub__buf_clear(&r->val);
	r->pend_space = 0;
	r->keep_ends = keep_ends;
	r->susp_line = 0;
	for (;;) {
		unsigned pl = r->line, pc = r->col;
		c = peek(r);
		if (c == '{' || c == '"') {
			if ((err = read_delimited(r)) < 0)
				return err;
		} else if (is_digit(c)) {
			while (is_digit(c = peek(r))) {
				if (vput(r, c) < 0)
					return too_long(r, sl, sc);
				advance(r);
			}
		} else if (c >= 0 && is_ident(c)) {
			const char *v;
			read_ident(r, &r->name, 1);
			if ((v = pub__bib_macros_get(&r->macros, r->name.ptr)) == NULL) {
				warn_at(r, pl, pc, "undefined macro '%s' (expands to "
					"nothing)", r->name.ptr);
				v = "";
			}
			for (; *v; v++)
				if (vput(r, (unsigned char)*v) < 0)
					return too_long(r, sl, sc);
		} else {
			return err_at(r, pl, pc, "expected a value for '%s', found %s",
				field, found(r, tmp));
		}
		skip_ws(r);
		if (peek(r) != '#')
			break;
		advance(r);
		skip_ws(r);
	}
	if (r->pend_space && keep_ends && flush_space(r) < 0)
		return too_long(r, sl, sc);
	if (pub__buf_put(&r->val, "", 0) < 0) /* NUL-terminate */
		return too_long(r, sl, sc);
	return 0;
}

/* Adds field `name` (which the entry takes over) with value `val`. */
static void add_field(pub__bib_entry *e, size_t *cap, char *name,
	const pub__buf *val)
{
	if (e->nfields == *cap) {
		*cap = *cap ? 2 * *cap : 8;
		e->fields = pub__realloc(e->fields, *cap * sizeof(*e->fields));
	}
	e->fields[e->nfields].name = name;
	e->fields[e->nfields].value = pub__strndup(val->ptr ? val->ptr : "", val->len);
	e->nfields++;
}

/* @string{name = value, ...}: the cursor is past the opening delimiter. */
static int read_string(pub__bib_reader *r, int close)
{
	int err, c;
	char tmp[8];
	for (;;) {
		unsigned nl, nc;
		char *name;
		skip_ws(r);
		if (peek(r) == close) {
			advance(r);
			return 0;
		}
		nl = r->line;
		nc = r->col;
		read_ident(r, &r->name, 1);
		if (!r->name.len)
			return err_at(r, nl, nc, "expected a macro name in @string, "
				"found %s", found(r, tmp));
		skip_ws(r);
		if (peek(r) != '=')
			return err_at(r, r->line, r->col, "expected '=' after macro "
				"name '%s', found %s", r->name.ptr, found(r, tmp));
		advance(r);
		skip_ws(r);
		name = pub__strdup(r->name.ptr);
		err = read_value(r, name, 1);
		if (err == 0)
			pub__bib_macros_set(&r->macros, name, r->val.ptr);
		free(name);
		if (err < 0)
			return err;
		c = peek(r);
		if (c == ',') {
			advance(r);
		} else if (c != close) {
			return err_at(r, r->line, r->col, "expected ',' or '%c' after "
				"@string value, found %s", close, found(r, tmp));
		}
	}
}

/* The value of field `name` is not followed by ',' or the closing
 * delimiter: name the likely cause. */
static int after_value_error(pub__bib_reader *r, const pub__bib_entry *e,
	int close, unsigned el, const char *name)
{
	char tmp[8];
	if (r->susp_line && r->susp_quoted)
		return err_at(r, r->susp_line, r->susp_col, "unterminated quoted "
			"value (started at line %u)", r->susp_line);
	if (r->susp_line)
		return err_at(r, r->susp_line, r->susp_col, "unbalanced braces in "
			"the value of '%s' (started at line %u)", name, r->susp_line);
	if (peek(r) == '@' && r->bol && at_entry_start(r))
		return err_at(r, r->line, r->col, "missing '%c' at the end of entry "
			"'%s' (started at line %u)", close, e->key, el);
	return err_at(r, r->line, r->col, "expected ',' or '%c' after the value "
		"of '%s', found %s", close, name, found(r, tmp));
}

/* The fields of an entry; the cursor is past the key's comma, or on the
 * '=' when the entry had no key and r->name holds the first field name. */
static int read_fields(pub__bib_reader *r, pub__bib_entry *e, int close,
	unsigned el, int have_name, unsigned nl, unsigned nc)
{
	size_t cap = 0, i;
	int c, err = 0;
	char tmp[8], *name = NULL;
	const char *shown;
	for (;;) {
		if (!have_name) {
			skip_ws(r);
			c = peek(r);
			if (c == close) {
				advance(r);
				goto done;
			}
			nl = r->line;
			nc = r->col;
			if (c < 0) {
				err = err_at(r, nl, nc, "unexpected end of file in entry "
					"'%s' (started at line %u)", e->key, el);
				goto done;
			}
			if (c == '@' && r->bol && at_entry_start(r)) {
				err = err_at(r, nl, nc, "missing '%c' at the end of entry "
					"'%s' (started at line %u)", close, e->key, el);
				goto done;
			}
			read_ident(r, &r->name, 1);
			if (!r->name.len || is_digit((unsigned char)r->name.ptr[0])) {
				err = err_at(r, nl, nc, "expected a field name, found %s",
					r->name.len ? "a number" : found(r, tmp));
				goto done;
			}
			skip_ws(r);
		}
		have_name = 0;
		if (peek(r) != '=') {
			err = err_at(r, r->line, r->col, "expected '=' after field "
				"name '%s', found %s", r->name.ptr, found(r, tmp));
			goto done;
		}
		advance(r);
		skip_ws(r);
		free(name);
		name = pub__strdup(r->name.ptr);
		if ((err = read_value(r, name, 0)) < 0)
			goto done;
		for (i = 0; i < e->nfields; i++)
			if (strcmp(e->fields[i].name, name) == 0)
				break;
		shown = name;
		if (i < e->nfields) {
			warn_at(r, nl, nc, "duplicate field '%s' in entry '%s' "
				"ignored (the first one is kept)", name, e->key);
		} else {
			add_field(e, &cap, name, &r->val);
			name = NULL; /* the entry's now */
		}
		c = peek(r);
		if (c == ',') {
			advance(r);
		} else if (c != close) {
			err = after_value_error(r, e, close, el, shown);
			goto done;
		}
	}
done:
	free(name);
	return err;
}

/* The key, as written: everything up to a comma, blank or delimiter. */
static void read_key(pub__bib_reader *r, int close)
{
	int c;
	pub__buf_clear(&r->key);
	pub__buf_put(&r->key, "", 0);
	while ((c = peek(r)) >= 0 && !is_space(c) && c != ',' && c != '=' &&
		c != '{' && c != '}' && c != close) {
		pub__buf_putc(&r->key, (char)c);
		advance(r);
	}
}

/* After the '@'.  Returns 1 with *out set, 0 when nothing is returned
 * (@string, @comment, a stray '@' in text), or a negative error. */
static int read_entry(pub__bib_reader *r, pub__bib_entry **out)
{
	unsigned el = r->line, ec = r->col, kl, kc;
	int bol = r->bol, c, close, err = 0;
	pub__bib_entry *e = NULL;
	char tmp[8];
	advance(r);
	while (is_space(peek(r)))
		advance(r);
	read_ident(r, &r->name, 1);
	if (!r->name.len) {
		if (bol)
			err = err_at(r, el, ec, "expected an entry type after '@', "
				"found %s", found(r, tmp));
		goto done;
	}
	while (is_space(peek(r)))
		advance(r);
	c = peek(r);
	/* BibTeX reads only the word: what follows @comment is text between
	 * entries, so an entry inside a @comment{...} body is read, as
	 * bibtex(1) reads it. */
	if (strcmp(r->name.ptr, "comment") == 0)
		goto done;
	if (c != '{' && c != '(') {
		if (bol)
			err = err_at(r, r->line, r->col, "expected '{' or '(' after "
				"'@%s', found %s", r->name.ptr, found(r, tmp));
		goto done;
	}
	close = c == '{' ? '}' : ')';
	advance(r);
	if (strcmp(r->name.ptr, "string") == 0) {
		err = read_string(r, close);
		goto done;
	}
	e = pub__calloc(1, sizeof(*e));
	e->type = pub__strdup(r->name.ptr);
	e->line = el;
	skip_ws(r);
	if (strcmp(e->type, "preamble") == 0) {
		e->key = pub__strdup("");
		if ((err = read_value(r, "preamble", 0)) < 0)
			goto done;
		e->fields = pub__malloc(sizeof(*e->fields));
		e->fields[0].name = pub__strdup("preamble");
		e->fields[0].value = pub__strndup(r->val.ptr, r->val.len);
		e->nfields = 1;
		if (peek(r) != close) {
			err = err_at(r, r->line, r->col, "expected '%c' after the "
				"@preamble value, found %s", close, found(r, tmp));
			goto done;
		}
		advance(r);
		err = 1;
		goto done;
	}
	kl = r->line;
	kc = r->col;
	if (peek(r) == '@' && r->bol && at_entry_start(r)) {
		err = err_at(r, kl, kc, "missing '%c' at the end of entry "
			"'@%s' (started at line %u)", close, e->type, el);
		goto done;
	}
	read_key(r, close);
	e->key = pub__strndup(r->key.ptr, r->key.len);
	skip_ws(r);
	c = peek(r);
	if (c == '=' && r->key.len) {
		/* `@misc{title = ...}`: no key, that was the first field name */
		size_t i;
		for (i = 0; i < r->key.len; i++)
			if (!is_ident((unsigned char)r->key.ptr[i]))
				break;
		if (i < r->key.len || is_digit((unsigned char)r->key.ptr[0])) {
			err = err_at(r, kl, kc, "expected a key or field name, found "
				"'%s'", r->key.ptr);
			goto done;
		}
		pub__buf_clear(&r->name);
		for (i = 0; i < r->key.len; i++) {
			char k = r->key.ptr[i];
			pub__buf_putc(&r->name, k >= 'A' && k <= 'Z' ? (char)(k + 32) : k);
		}
		e->key[0] = '\0';
		warn_at(r, kl, kc, "entry without a key");
		if ((err = read_fields(r, e, close, el, 1, kl, kc)) == 0)
			err = 1;
		goto done;
	}
	if (c == ',') {
		advance(r);
	} else if (c != close) {
		err = err_at(r, r->line, r->col, "expected ',' after the key "
			"'%s', found %s", e->key, found(r, tmp));
		goto done;
	}
	if (!r->key.len)
		warn_at(r, kl, kc, "entry without a key");
	if (c == close)
		advance(r);
	else if ((err = read_fields(r, e, close, el, 0, 0, 0)) < 0)
		goto done;
	err = 1;
done:
	if (err == 1)
		*out = e;
	else
		pub__bib_entry_free(e);
	return err;
}

/* After an error: skip to the next '@' that starts a line. */
static void resync(pub__bib_reader *r)
{
	int c;
	while ((c = peek(r)) >= 0 && !(c == '@' && r->bol))
		advance(r);
}

int pub__bib_reader_next(pub__bib_entry **out, pub__bib_reader *r)
{
	int c, err;
	*out = NULL;
	for (;;) {
		c = peek(r);
		if (c < 0)
			return r->eof == 2 ? PUB_ERROR : 0;
		if (c == '@') {
			if ((err = read_entry(r, out)) != 0) {
				if (err == PUB_EPARSE)
					resync(r);
				return err;
			}
		} else if (c == '%') {
			while ((c = peek(r)) >= 0 && c != '\n')
				advance(r);
		} else {
			advance(r);
		}
	}
}

int pub__bib_reader_new(pub__bib_reader **out, FILE *fp, const char *filename,
	const char *encoding, pub_warn_fn warn, void *warn_ctx)
{
	pub__bib_reader *r;
	pub__enc enc;
	int err, i;
	*out = NULL;
	if ((err = pub__bib_enc_parse(&enc, encoding)) < 0)
		return err;
	r = pub__calloc(1, sizeof(*r));
	r->filename = pub__strdup(filename ? filename : "<input>");
	r->warn = warn;
	r->warn_ctx = warn_ctx;
	if ((err = pub__bib_dec_init(&r->dec, fp, enc, encoding, r->filename,
		     warn, warn_ctx)) < 0) {
		free(r->filename);
		free(r);
		return err;
	}
	r->buf = pub__malloc(WINDOW);
	r->line = r->col = 1;
	r->bol = 1;
	r->val.limit = PUB__BIB_MAX_VALUE;
	for (i = 0; i < 12; i++)
		pub__bib_macros_set(&r->macros, months[i][0], months[i][1]);
	*out = r;
	return 0;
}

void pub__bib_reader_free(pub__bib_reader *r)
{
	if (!r)
		return;
	pub__bib_macros_free(&r->macros);
	pub__buf_free(&r->val);
	pub__buf_free(&r->name);
	pub__buf_free(&r->key);
	pub__bib_dec_free(&r->dec);
	free(r->buf);
	free(r->filename);
	free(r);
}
