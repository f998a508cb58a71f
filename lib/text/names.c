/*
 * names.c: BibTeX name lists ("A and B and others") split into First, von,
 * Last and Jr parts following BibTeX's own rules (bibtex.web, "Tame the
 * BeaST" section 11), so a .bib file imports the way LaTeX would read it.
 */
#include "text/names.h"

#include "util/alloc.h"
#include "text/latex.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

/* One word of a name: text[start..end) of the list, with the separator
 * that preceded it (' ', '~' or '-'; 0 for the first word of a part). */
typedef struct {
	size_t start, end;
	char sep;
} name_tok;

/* A name's words, and where its commas fall (the number of words before
 * each comma). */
typedef struct {
	name_tok *tok;
	size_t n, cap;
	size_t comma[2];
	size_t ncommas;
} name_words;

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static void words_push(name_words *w, size_t start, size_t end, char sep)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 8;
		w->tok = pub__realloc(w->tok, w->cap * sizeof(*w->tok));
	}
	w->tok[w->n].start = start;
	w->tok[w->n].end = end;
	w->tok[w->n].sep = sep;
	w->n++;
}

/* Splits s[start..end) into words at brace level 0: whitespace, '~' and
 * '-' separate words, commas separate parts. */
static void split_words(name_words *w, const char *s, size_t start, size_t end)
{
	size_t i = start, tok_start = 0;
	int depth = 0, in_tok = 0;
	char sep = 0;

	w->n = 0;
	w->ncommas = 0;
	for (i = start; i < end; i++) {
		char c = s[i];
		if (depth == 0 && (is_space(c) || c == '~' || c == '-' || c == ',')) {
			if (in_tok) {
				words_push(w, tok_start, i, sep);
				in_tok = 0;
				sep = ' ';
			}
			if (c == ',') {
				/* BibTeX uses the first two commas; later ones
				 * only separate words of the First part. */
				if (w->ncommas < 2)
					w->comma[w->ncommas++] = w->n;
				sep = 0;
			} else if (c == '~' || c == '-') {
				if (w->n > 0 && sep != 0)
					sep = c;
			}
			continue;
		}
		if (!in_tok) {
			in_tok = 1;
			tok_start = i;
			if (w->n == 0 || (w->ncommas && w->comma[w->ncommas - 1] == w->n))
				sep = 0;
		}
		if (c == '{')
			depth++;
		else if (c == '}' && depth > 0)
			depth--;
	}
	if (in_tok)
		words_push(w, tok_start, end, sep);
}

/* Case of a special-letter command such as \ss or \AE: 1 lower, 0 upper,
 * -1 when `cmd` is not one. */
static int special_letter_case(const char *cmd, size_t n)
{
	static const char *const lower[] = {"i", "j", "oe", "ae", "aa", "o", "l", "ss",
					    "dh", "th", "ng", "dj"};
	static const char *const upper[] = {"OE", "AE", "AA", "O", "L", "DH", "TH",
					    "NG", "DJ", "SS"};
	size_t k;
	for (k = 0; k < sizeof(lower) / sizeof(lower[0]); k++)
		if (strlen(lower[k]) == n && memcmp(lower[k], cmd, n) == 0)
			return 1;
	for (k = 0; k < sizeof(upper) / sizeof(upper[0]); k++)
		if (strlen(upper[k]) == n && memcmp(upper[k], cmd, n) == 0)
			return 0;
	return -1;
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Case of one code point at s[i..n): 1 lower, 0 upper, -1 not a letter;
 * *len is set to the bytes it takes. */
static int cp_case(const char *s, size_t i, size_t n, size_t *len)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	unsigned char c = (unsigned char)s[i];
	*len = 1;
	if (c < 0x80) {
		if (c >= 'a' && c <= 'z')
			return 1;
		if (c >= 'A' && c <= 'Z')
			return 0;
		return -1;
	}
	k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
	if (k <= 0)
		return -1;
	*len = (size_t)k;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LL:
		return 1;
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return 0;
	default:
		return -1;
	}
}

/* Reads a control sequence name at s[i] (just after the backslash):
 * letters, or one other character.  Returns its length. */
static size_t cmd_len(const char *s, size_t i, size_t n)
{
	size_t j = i;
	if (i >= n)
		return 0;
	if (!is_alpha(s[i]))
		return 1;
	while (j < n && is_alpha(s[j]))
		j++;
	return j - i;
}

/* 1 when the word counts as lower case (a von word).  The first letter at
 * brace level 0 decides; a brace group counts as upper case unless it is a
 * special character {\...}, where the command (\ss, \O) or the first letter
 * after it ({\v S}) decides.  Non-ASCII letters use their Unicode case. */
static int word_is_lower(const char *s, size_t start, size_t end)
{
	size_t i = start, len;
	while (i < end) {
		char c = s[i];
		int lc;
		if (c == '{') {
			size_t j, cl;
			int depth = 1;
			if (i + 1 >= end || s[i + 1] != '\\')
				return 0;
			j = i + 2;
			cl = cmd_len(s, j, end);
			if (cl > 1 || (cl == 1 && is_alpha(s[j]))) {
				int sc = special_letter_case(s + j, cl);
				if (sc >= 0)
					return sc;
			}
			for (j += cl; j < end && depth > 0; j += len) {
				len = 1;
				if (s[j] == '{')
					depth++;
				else if (s[j] == '}')
					depth--;
				else if (s[j] == '\\')
					len = 1 + cmd_len(s, j + 1, end);
				else if ((lc = cp_case(s, j, end, &len)) >= 0)
					return lc;
			}
			return 0;
		}
		if (c == '\\') {
			size_t cl = cmd_len(s, i + 1, end);
			if (cl > 1 || (cl == 1 && is_alpha(s[i + 1]))) {
				int sc = special_letter_case(s + i + 1, cl);
				if (sc >= 0)
					return sc;
			}
			i += 1 + cl;
			continue;
		}
		if ((lc = cp_case(s, i, end, &len)) >= 0)
			return lc;
		i += len;
	}
	return 0;
}

/* Joins words [from, to) into a new string, NULL when empty.  Word
 * separators become ' ', '~' or '-'; whitespace inside braces collapses. */
static char *join_words(const char *s, const name_words *w, size_t from, size_t to)
{
	size_t k, i, n = 0;
	char *out, *o;
	if (from >= to)
		return NULL;
	/* Sized once: at most the words and one separator each. */
	for (k = from; k < to; k++)
		n += w->tok[k].end - w->tok[k].start + 1;
	o = out = pub__malloc(n + 1);
	for (k = from; k < to; k++) {
		const name_tok *t = &w->tok[k];
		if (k > from)
			*o++ = t->sep ? t->sep : ' ';
		for (i = t->start; i < t->end; i++) {
			if (is_space(s[i])) {
				while (i + 1 < t->end && is_space(s[i + 1]))
					i++;
				*o++ = ' ';
			} else {
				*o++ = s[i];
			}
		}
	}
	*o = '\0';
	return out;
}

static int word_is(const char *s, const name_tok *t, const char *word)
{
	size_t n = strlen(word);
	return t->end - t->start == n && memcmp(s + t->start, word, n) == 0;
}

/* Parses one name (s[start..end)) into `out`; returns 0 when it is empty. */
static int parse_name(pub__name *out, name_words *w, const char *s, size_t start,
		      size_t end)
{
	size_t n, k;
	memset(out, 0, sizeof(*out));
	split_words(w, s, start, end);
	n = w->n;
	if (n == 0)
		return 0;
	if (n == 1 && w->ncommas == 0 && word_is(s, &w->tok[0], "others")) {
		out->others = 1;
		return 1;
	}
	if (w->ncommas == 0) {
		/* First von Last: von runs from the first lower-case word to the
		 * last one, never taking the final word. */
		size_t von_start = n, von_end, last_start;
		for (k = 0; k + 1 < n; k++)
			if (word_is_lower(s, w->tok[k].start, w->tok[k].end)) {
				von_start = k;
				break;
			}
		if (von_start < n) {
			for (k = n - 1; k > von_start; k--)
				if (word_is_lower(s, w->tok[k - 1].start, w->tok[k - 1].end))
					break;
			von_end = k;
			last_start = von_end;
		} else {
			/* No von: Last is the final word plus the words
			 * hyphenated to it ("Graham-Smith"). */
			last_start = n - 1;
			while (last_start > 0 && w->tok[last_start].sep == '-')
				last_start--;
			von_start = von_end = last_start;
		}
		out->first = join_words(s, w, 0, von_start);
		out->von = join_words(s, w, von_start, von_end);
		out->last = join_words(s, w, last_start, n);
	} else {
		/* von Last, [Jr,] First: von is the longest prefix ending in a
		 * lower-case word, never taking the final word of the part. */
		size_t c1 = w->comma[0], von_end = 0;
		for (k = c1; k > 1; k--)
			if (word_is_lower(s, w->tok[k - 2].start, w->tok[k - 2].end)) {
				von_end = k - 1;
				break;
			}
		out->von = join_words(s, w, 0, von_end);
		out->last = join_words(s, w, von_end, c1);
		if (w->ncommas == 1) {
			out->first = join_words(s, w, c1, n);
		} else {
			out->jr = join_words(s, w, c1, w->comma[1]);
			out->first = join_words(s, w, w->comma[1], n);
		}
	}
	return 1;
}

/* 1 when s[i..] starts the word "and" (any case) followed by whitespace or
 * the end, with whitespace or the start before it. */
static int and_at(const char *s, size_t i, size_t len)
{
	if (i > 0 && !is_space(s[i - 1]))
		return 0;
	if (i + 3 > len)
		return 0;
	if ((s[i] | 0x20) != 'a' || (s[i + 1] | 0x20) != 'n' || (s[i + 2] | 0x20) != 'd')
		return 0;
	return i + 3 == len || is_space(s[i + 3]);
}

void pub__names_parse(pub__name **out, size_t *n, const char *list)
{
	pub__name *names = NULL;
	size_t count = 0, cap = 0, len, i, name_start = 0;
	name_words w = {NULL, 0, 0, {0, 0}, 0};
	int depth = 0;

	*out = NULL;
	*n = 0;
	if (!list)
		return;
	len = strlen(list);
	for (i = 0; i <= len; i++) {
		int split = (i == len);
		if (!split) {
			char c = list[i];
			if (c == '{')
				depth++;
			else if (c == '}' && depth > 0)
				depth--;
			else if (depth == 0 && and_at(list, i, len))
				split = 1;
			if (!split)
				continue;
		}
		if (count == cap) {
			cap = cap ? cap * 2 : 4;
			names = pub__realloc(names, cap * sizeof(*names));
		}
		if (parse_name(&names[count], &w, list, name_start, i))
			count++;
		i += 2; /* past "and"; the loop steps over the 'd' */
		name_start = i + 1;
	}
	free(w.tok);
	if (count == 0) {
		free(names);
		names = NULL;
	}
	*out = names;
	*n = count;
}

void pub__names_free(pub__name *names, size_t n)
{
	size_t i;
	if (!names)
		return;
	for (i = 0; i < n; i++) {
		free(names[i].first);
		free(names[i].von);
		free(names[i].last);
		free(names[i].jr);
	}
	free(names);
}

char *pub__names_first_key(const pub__name *names, size_t n)
{
	return n > 0 && !names[0].others && names[0].last
		? pub__fold_ascii(names[0].last) : NULL;
}
