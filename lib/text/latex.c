/*
 * latex.c: LaTeX <-> Unicode for BibTeX field values.  Titles and names
 * are stored as NFC Unicode (so search, keys and HTML see real letters) and
 * written back as ASCII LaTeX for `export --ascii`.  The decoder is one
 * forward pass with a brace counter and no recursion, so hostile nesting
 * costs nothing.  ~ decodes to U+00A0 (no-break space), which the encoder
 * turns back into ~.
 */
#include "text/latex.h"

#include "util/alloc.h"
#include "util/buf.h"
#include "text/latex_table.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

#define CP_DOTLESS_I 0x0131
#define CP_DOTLESS_J 0x0237
#define CP_REPLACEMENT 0xFFFD

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static void put_cp(pub__buf *b, int32_t cp)
{
	utf8proc_uint8_t tmp[4];
	utf8proc_ssize_t n = utf8proc_encode_char(cp, tmp);
	pub__buf_put(b, (const char *)tmp, (size_t)n);
}

/* Copies s[0..n) to b, replacing each byte that does not start a valid
 * UTF-8 sequence by U+FFFD.  Returns the bytes consumed (always n). */
static void put_valid(pub__buf *b, const char *s, size_t n)
{
	size_t i = 0, run = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
				     (utf8proc_ssize_t)(n - i), &cp);
		if (k > 0) {
			i += (size_t)k;
			continue;
		}
		pub__buf_put(b, s + run, i - run);
		put_cp(b, CP_REPLACEMENT);
		i++;
		run = i;
	}
	pub__buf_put(b, s + run, n - run);
}

int pub__utf8_valid(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
				     (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

/* NFC of a buffer that is already valid UTF-8; takes ownership of `s`. */
static char *nfc_owned(char *s, size_t n)
{
	utf8proc_uint8_t *out = NULL;
	size_t i;
	for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
		;
	if (i == n)
		return s;
	if (utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
			 UTF8PROC_STABLE | UTF8PROC_COMPOSE) < 0 || !out)
		return s; /* cannot happen for valid input; keep it as is */
	free(s);
	return (char *)out;
}

char *pub__nfc(const char *s)
{
	pub__buf b = PUB__BUF_INIT;
	size_t n;
	if (!s)
		return pub__strdup("");
	n = strlen(s);
	put_valid(&b, s, n);
	n = b.len;
	return nfc_owned(pub__buf_detach(&b), n);
}

/* ---- LaTeX -> Unicode ------------------------------------------------ */

#define MAX_PENDING 8

/* An accent waiting for the character it goes on. */
typedef struct {
	int32_t mark, spacing;
	int depth; /* brace depth where the accent command stood */
} pending_accent;

typedef struct {
	pub__buf out;
	int depth;
	pending_accent pend[MAX_PENDING];
	int npend;
} decoder;

/* Emits the accents that found no character as their spacing forms. */
static void flush_pending(decoder *d, int min_depth)
{
	while (d->npend > 0 && d->pend[d->npend - 1].depth >= min_depth) {
		pending_accent *p = &d->pend[--d->npend];
		if (p->spacing)
			put_cp(&d->out, p->spacing);
	}
}

/* Emits one character, with the accents waiting for it (innermost first). */
static void emit_cp(decoder *d, int32_t cp)
{
	if (d->npend == 0) {
		put_cp(&d->out, cp);
		return;
	}
	if (cp == CP_DOTLESS_I)
		cp = 'i';
	else if (cp == CP_DOTLESS_J)
		cp = 'j';
	put_cp(&d->out, cp);
	while (d->npend > 0)
		put_cp(&d->out, d->pend[--d->npend].mark);
}

/* Emits a UTF-8 string from the tables; accents go on its first character. */
static void emit_str(decoder *d, const char *s)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	if (!*s)
		return;
	k = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
	if (k <= 0)
		return;
	emit_cp(d, cp);
	pub__buf_puts(&d->out, s + k);
}

static const latex_accent *find_accent(const char *cmd, size_t n)
{
	size_t k;
	if (n != 1)
		return NULL;
	for (k = 0; k < N_ELEMS(latex_accents); k++)
		if (latex_accents[k].cmd == cmd[0])
			return &latex_accents[k];
	return NULL;
}

static const char *find_word(const char *cmd, size_t n)
{
	size_t k;
	for (k = 0; k < N_ELEMS(latex_words); k++)
		if (strlen(latex_words[k].cmd) == n && memcmp(latex_words[k].cmd, cmd, n) == 0)
			return latex_words[k].utf8;
	return NULL;
}

static int in_list(const char *const *list, size_t count, const char *cmd, size_t n)
{
	size_t k;
	for (k = 0; k < count; k++)
		if (strlen(list[k]) == n && memcmp(list[k], cmd, n) == 0)
			return 1;
	return 0;
}

/* End of the balanced brace group starting at s[i] == '{' (index just
 * past its '}', or n when it is never closed). */
static size_t group_end(const char *s, size_t i, size_t n)
{
	int depth = 0;
	for (; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n)
			i++;
		else if (s[i] == '{')
			depth++;
		else if (s[i] == '}' && --depth == 0)
			return i + 1;
	}
	return n;
}

/* End of math starting at s[i] ($, $$, \( or \[), just past the closer,
 * or n when unterminated. */
static size_t math_end(const char *s, size_t i, size_t n)
{
	const char *close;
	size_t cl;
	if (s[i] == '$') {
		close = (i + 1 < n && s[i + 1] == '$') ? "$$" : "$";
	} else {
		close = s[i + 1] == '(' ? "\\)" : "\\]";
	}
	cl = strlen(close);
	for (i += cl; i < n; i++) {
		if (n - i >= cl && memcmp(s + i, close, cl) == 0)
			return i + cl;
		if (s[i] == '\\' && i + 1 < n)
			i++;
	}
	return n;
}

/* Copies s[from..to) verbatim (invalid bytes become U+FFFD). */
static void emit_verbatim(decoder *d, const char *s, size_t from, size_t to)
{
	flush_pending(d, 0);
	put_valid(&d->out, s + from, to - from);
}

/* Handles the command at s[i] == '\\'; returns the index after it. */
static size_t decode_command(decoder *d, const char *s, size_t i, size_t n)
{
	size_t start = i, cl, j;
	const latex_accent *acc;
	const char *w;

	i++;
	if (i >= n) {
		emit_verbatim(d, s, start, n); /* lone backslash at the end */
		return n;
	}
	if (!is_alpha(s[i])) {
		char c = s[i];
		switch (c) {
		case '&': case '%': case '$': case '_': case '#': case '{': case '}':
			emit_cp(d, (unsigned char)c);
			return i + 1;
		case ' ': case '\t': case '\n': case '\r':
			emit_cp(d, ' ');
			return i + 1;
		case ',':
			emit_cp(d, 0x2009);
			return i + 1;
		case '-': case '/': case '@':
			return i + 1; /* hyphenation hint, italic correction */
		case '(': case '[':
			j = math_end(s, start, n);
			emit_verbatim(d, s, start, j);
			return j;
		default:
			break;
		}
		if ((acc = find_accent(&c, 1)) != NULL)
			goto accent;
		/* \\ and anything else unknown stay as written */
		j = i + 1;
		if ((unsigned char)c >= 0x80)
			j = i; /* let the main loop decode the character */
		emit_verbatim(d, s, start, j);
		return j;
	}
	for (j = i; j < n && is_alpha(s[j]); j++)
		;
	cl = j - i;
	if ((acc = find_accent(s + i, cl)) != NULL)
		goto accent; /* which sets i past the one-letter accent command */
	if ((w = find_word(s + i, cl)) != NULL) {
		emit_str(d, w);
	} else if (in_list(latex_dropped, N_ELEMS(latex_dropped), s + i, cl)) {
		;
	} else if (in_list(latex_dropped_arg, N_ELEMS(latex_dropped_arg), s + i, cl)) {
		while (j < n && is_space(s[j]))
			j++;
		if (j < n && s[j] == '{')
			j = group_end(s, j, n);
		return j;
	} else {
		/* Unknown: keep it and its braced arguments exactly. */
		size_t k = j;
		while (k < n && s[k] == '{') {
			k = group_end(s, k, n);
			j = k;
		}
		emit_verbatim(d, s, start, j);
		return j;
	}
	while (j < n && is_space(s[j])) /* TeX skips spaces after a word */
		j++;
	return j;

accent:
	i = start + 2; /* accents are one character: \" or \v */
	/* the argument may follow after spaces: \" u, \c c */
	while (i < n && is_space(s[i]))
		i++;
	if (d->npend == MAX_PENDING)
		flush_pending(d, 0);
	d->pend[d->npend].mark = acc->mark;
	d->pend[d->npend].spacing = acc->spacing;
	d->pend[d->npend].depth = d->depth;
	d->npend++;
	if (i >= n || s[i] == '}' || s[i] == '$' ||
	    (s[i] == '\\' && i + 1 < n && !is_alpha(s[i + 1])))
		flush_pending(d, d->depth);
	return i;
}

/* The length of s when decoding would return it unchanged, else -1. */
static ptrdiff_t plain_length(const char *s)
{
	size_t i;
	for (i = 0; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80 || c == '\\' || c == '{' || c == '}' || c == '~' || c == '$')
			return -1;
		if ((c == '-' || c == '`' || c == '\'') && s[i + 1] == (char)c)
			return -1;
	}
	return (ptrdiff_t)i;
}

int pub__latex_is_plain(const char *s)
{
	return plain_length(s) >= 0;
}

char *pub__latex_to_unicode(const char *s)
{
	decoder d;
	size_t n, i, run;
	ptrdiff_t plain;
	if (!s)
		return pub__strdup("");
	/* Fast path: nothing LaTeX could change. */
	if ((plain = plain_length(s)) >= 0)
		return pub__strndup(s, (size_t)plain);
	n = strlen(s);

	memset(&d, 0, sizeof(d));
	i = 0;
	run = 0; /* start of plain text not yet copied */
	while (i < n) {
		char c = s[i];
		int special = c == '\\' || c == '{' || c == '}' || c == '~' || c == '$' ||
			      ((c == '-' || c == '`' || c == '\'') && i + 1 < n && s[i + 1] == c) ||
			      (d.npend > 0);
		if (!special) {
			i++;
			continue;
		}
		if (run < i)
			put_valid(&d.out, s + run, i - run);
		if (d.npend > 0 && c != '\\' && c != '{' && c != '}' && c != '~' && c != '$' &&
		    c != '-' && c != '`' && c != '\'') {
			/* the character an accent waits for */
			utf8proc_int32_t cp;
			utf8proc_ssize_t k;
			if (is_space(c)) {
				i++;
			} else if ((unsigned char)c < 0x80) {
				emit_cp(&d, (unsigned char)c);
				i++;
			} else {
				k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						     (utf8proc_ssize_t)(n - i), &cp);
				if (k <= 0) {
					cp = CP_REPLACEMENT;
					k = 1;
				}
				emit_cp(&d, cp);
				i += (size_t)k;
			}
		} else if (c == '\\') {
			i = decode_command(&d, s, i, n);
		} else if (c == '{') {
			d.depth++;
			i++;
		} else if (c == '}') {
			if (d.depth > 0)
				d.depth--;
			flush_pending(&d, d.depth);
			i++;
		} else if (c == '~') {
			emit_cp(&d, 0x00A0);
			i++;
		} else if (c == '$') {
			size_t j = math_end(s, i, n);
			emit_verbatim(&d, s, i, j);
			i = j;
		} else if (c == '-' && i + 1 < n && s[i + 1] == '-') {
			int em = i + 2 < n && s[i + 2] == '-';
			emit_cp(&d, em ? 0x2014 : 0x2013);
			i += em ? 3 : 2;
		} else if (c == '`' && i + 1 < n && s[i + 1] == '`') {
			emit_cp(&d, 0x201C);
			i += 2;
		} else if (c == '\'' && i + 1 < n && s[i + 1] == '\'') {
			emit_cp(&d, 0x201D);
			i += 2;
		} else {
			emit_cp(&d, (unsigned char)c);
			i++;
		}
		run = i;
	}
	if (run < n)
		put_valid(&d.out, s + run, n - run);
	flush_pending(&d, 0);
	n = d.out.len;
	return nfc_owned(pub__buf_detach(&d.out), n);
}

/* ---- Unicode -> LaTeX ------------------------------------------------ */

#define MAX_CLUSTER 8

static const latex_accent *accent_for_mark(int32_t mark)
{
	size_t k;
	for (k = 0; k < N_ELEMS(latex_accents); k++)
		if (latex_accents[k].mark == mark)
			return &latex_accents[k];
	return NULL;
}

static int decode_one(const char *s, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &c);
	if (k <= 0)
		return 0;
	*cp = c;
	return (int)k;
}

/* The command for a special letter (ø -> "o"), or NULL. */
static const char *letter_cmd(int32_t cp)
{
	size_t k;
	for (k = 0; k < LATEX_N_LETTERS; k++) {
		int32_t c;
		int len = decode_one(latex_words[k].utf8, &c);
		if (len > 0 && c == cp && latex_words[k].utf8[len] == '\0')
			return latex_words[k].cmd;
	}
	return NULL;
}

/* Writes base plus marks as {\"u}, {\v{s}}, {\'\i} or nested
 * {\'{\"{u}}}; returns 0 when some part has no LaTeX spelling. */
static int put_accented(pub__buf *b, const int32_t *seq, size_t n)
{
	const latex_accent *acc[MAX_CLUSTER];
	pub__buf base = PUB__BUF_INIT;
	size_t k;
	int below = 0, ok = 0;

	for (k = 1; k < n; k++) {
		if (!(acc[k] = accent_for_mark(seq[k])))
			return 0;
		if (strchr("cdbk", acc[k]->cmd))
			below = 1;
	}
	if (seq[0] < 0x80 && is_alpha((char)seq[0])) {
		if ((seq[0] == 'i' || seq[0] == 'j') && !below)
			pub__buf_printf(&base, "\\%c", (char)seq[0]);
		else
			pub__buf_putc(&base, (char)seq[0]);
	} else if (letter_cmd(seq[0])) {
		pub__buf_printf(&base, "\\%s", letter_cmd(seq[0]));
	} else {
		goto done;
	}
	pub__buf_putc(b, '{');
	if (n == 2 && !is_alpha(acc[1]->cmd)) {
		pub__buf_printf(b, "\\%c%s", acc[1]->cmd, base.ptr);
	} else {
		for (k = n - 1; k >= 1; k--)
			/* acc[1..n-1] were all set by the first loop (n <= MAX_CLUSTER,
			 * see the caller); the analyzer loses that across the branches */
			pub__buf_printf(b, "\\%c{", acc[k]->cmd); /* NOLINT(clang-analyzer-core.NullDereference) */
		pub__buf_puts(b, base.ptr);
		for (k = 1; k < n; k++)
			pub__buf_putc(b, '}');
	}
	pub__buf_putc(b, '}');
	ok = 1;
done:
	pub__buf_free(&base);
	return ok;
}

static int is_mark(int32_t cp)
{
	return utf8proc_get_property(cp)->combining_class != 0 ||
	       utf8proc_category(cp) == UTF8PROC_CATEGORY_MN;
}

/* Appends a piece of output.  Where a dash or quote written as a TeX
 * ligature (-- ``) meets the same character, "{}" keeps them apart, so
 * "\u2013-" is not read back as "---". */
static void put_piece(pub__buf *b, const char *piece, size_t n, int lig, int *last_lig)
{
	char c = piece[0];
	if ((lig || *last_lig) && b->len > 0 && b->ptr[b->len - 1] == c &&
	    (c == '-' || c == '`' || c == '\''))
		pub__buf_puts(b, "{}");
	pub__buf_put(b, piece, n);
	*last_lig = lig;
}

char *pub__unicode_to_latex(const char *s)
{
	char *u = pub__nfc(s);
	pub__buf b = PUB__BUF_INIT;
	size_t i = 0, n = strlen(u);
	int last_lig = 0;

	while (i < n) {
		int32_t seq[MAX_CLUSTER], cp, next = 0;
		utf8proc_int32_t dec[MAX_CLUSTER];
		utf8proc_ssize_t nd;
		size_t start = i, j, k, ns = 0;
		int len, last = 0, done = 0;

		if ((unsigned char)u[i] < 0x80 && ((unsigned char)u[i + 1] < 0x80)) {
			put_piece(&b, u + i++, 1, 0, &last_lig);
			continue;
		}
		len = decode_one(u + i, &cp);
		if (len <= 0) { /* cannot happen after pub__nfc */
			put_piece(&b, u + i++, 1, 0, &last_lig);
			continue;
		}
		i += (size_t)len;
		/* gather marks that did not compose into the character */
		j = i;
		while (j < n && (len = decode_one(u + j, &next)) > 0 && is_mark(next))
			j += (size_t)len;
		if (j == i) {
			for (k = 0; k < N_ELEMS(latex_outs); k++)
				if (latex_outs[k].cp == cp) {
					put_piece(&b, latex_outs[k].latex,
						  strlen(latex_outs[k].latex), 1, &last_lig);
					done = 1;
					break;
				}
			if (!done && letter_cmd(cp)) {
				pub__buf_printf(&b, "{\\%s}", letter_cmd(cp));
				done = 1;
			}
			if (!done && cp < 0x80) {
				char one = (char)cp;
				put_piece(&b, &one, 1, 0, &last_lig);
				done = 1;
			}
		}
		if (!done) {
			nd = utf8proc_decompose_char(cp, dec, MAX_CLUSTER, UTF8PROC_DECOMPOSE, &last);
			if (nd > 0 && nd <= MAX_CLUSTER) {
				for (k = 0; k < (size_t)nd; k++)
					seq[ns++] = dec[k];
				for (k = i; k < j && ns < MAX_CLUSTER; k += (size_t)len) {
					if ((len = decode_one(u + k, &next)) <= 0)
						break;
					seq[ns++] = next;
				}
				if (k == j && ns >= 2)
					done = put_accented(&b, seq, ns);
			}
		}
		if (!done)
			pub__buf_put(&b, u + start, j - start);
		i = j;
	}
	free(u);
	return pub__buf_detach(&b);
}

/* ---- folding --------------------------------------------------------- */

/* Folds text already free of LaTeX: the letters and digits, lower-case,
 * one space for each run of anything else. */
static char *fold_plain(const char *s)
{
	static const struct {
		int32_t cp;
		const char *ascii;
	} extra[] = {
		{0x00F8, "o"}, {0x00E6, "ae"}, {0x0153, "oe"}, {0x0142, "l"},
		{0x0111, "d"}, {0x00FE, "th"}, {0x00F0, "d"}, {0x014B, "ng"},
		{0x0131, "i"}, {0x0237, "j"}, {0x0127, "h"}, {0x0167, "t"},
		{0x00DF, "ss"}, {0x0138, "k"}, {0x0140, "l"},
	};
	/* Each code point of two or more bytes folds to at most two
	 * letters, and a space stands for at least one byte skipped: the
	 * result is never longer than the input. */
	char *out = pub__malloc(strlen(s) + 1), *o = out;
	const char *p = s;
	int gap = 0;
	while (*p) {
		unsigned char c = (unsigned char)*p;
		const char *add;
		int32_t cp;
		size_t k;
		int len;
		if (c < 0x80) {
			p++;
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c - 'A' + 'a');
			else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
				gap = 1;
				continue;
			}
			if (gap && o > out)
				*o++ = ' ';
			gap = 0;
			*o++ = (char)c;
			continue;
		}
		if ((len = decode_one(p, &cp)) <= 0) {
			cp = CP_REPLACEMENT;
			len = 1;
		}
		p += len;
		for (add = NULL, k = 0; k < N_ELEMS(extra) && !add; k++)
			if (extra[k].cp == cp)
				add = extra[k].ascii;
		if (!add) {
			gap = 1;
			continue;
		}
		if (gap && o > out)
			*o++ = ' ';
		gap = 0;
		while (*add)
			*o++ = *add++;
	}
	*o = '\0';
	return out;
}

char *pub__fold_ascii(const char *s)
{
	utf8proc_uint8_t *f = NULL;
	char *u = NULL, *out;
	const char *p;
	int latex = 0, wide = 0;

	/* Only commands, braces and math change the letters LaTeX decoding
	 * leaves (dashes, quotes and ties fold to a space either way), and
	 * decomposition below subsumes its NFC: plain text, the hot path
	 * of every import (titles and author names already decoded), skips
	 * it. */
	for (p = s; *p; p++) {
		if (*p == '\\' || *p == '{' || *p == '}' || *p == '$')
			latex = 1;
		else if ((unsigned char)*p & 0x80)
			wide = 1;
	}
	if (latex) {
		s = u = pub__latex_to_unicode(s);
		for (wide = 0, p = s; *p && !wide; p++)
			wide = ((unsigned char)*p & 0x80) != 0;
	}
	while (wide && utf8proc_map((const utf8proc_uint8_t *)s, 0, &f,
			      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
				      UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
				      UTF8PROC_CASEFOLD) < 0) {
		f = NULL;
		if (u)
			break;
		/* Invalid UTF-8: decoding replaces the bad bytes. */
		s = u = pub__latex_to_unicode(s);
	}
	out = fold_plain(f ? (const char *)f : s);
	free(f);
	free(u);
	return out;
}
