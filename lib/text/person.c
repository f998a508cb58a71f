/*
 * person.c: is this author the owner of the list (`config owner`)?  Used to
 * underline the owner in exports.  The same person is written "Xuanlei Zhao",
 * "Zhao, Xuanlei", "X. Zhao", "Zhao X", "XUANLEI ZHAO" or without accents,
 * so both sides are folded to ASCII words and compared as (given, family).
 *
 * Initials are accepted on purpose: "X. Zhao" matches owner "Xuanlei Zhao"
 * even though it could be Xiaolong Zhao, because publication lists abbreviate
 * the owner far more often than they hold a same-initial namesake; a full
 * given name that differs ("Xiaolong Zhao") never matches.  The family name
 * may also come first ("Zhao Xuanlei", "Zhao X"), as in Chinese order.
 */
#include <stdlib.h>
#include <string.h>

#include "text/person.h"

#include "pub.h"
#include "util/alloc.h"
#include "text/latex.h"

#define MAX_WORDS 8

typedef struct words {
	char *buf; /* folded text; words point into it */
	char *w[MAX_WORDS];
	size_t n;
} words;

/* Folds s to lower-case ASCII words. */
static void split(words *out, const char *s)
{
	char *p;
	memset(out, 0, sizeof(*out));
	out->buf = pub__fold_ascii(s ? s : "");
	for (p = out->buf; *p && out->n < MAX_WORDS;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		out->w[out->n++] = p;
		while (*p && *p != ' ')
			p++;
		if (*p)
			*p++ = '\0';
	}
}

static void words_free(words *w)
{
	free(w->buf);
}

/* One given-name word against another: equal, or an initial of it. */
static int word_match(const char *a, const char *b)
{
	if (strcmp(a, b) == 0)
		return 1;
	if (strlen(a) == 1 || strlen(b) == 1)
		return a[0] == b[0];
	return 0;
}

/* family words f[fa..fb) and given words g[ga..gb) of one reading of an
 * author against the owner's (og, of). */
static int reading_match(const words *a, size_t ga, size_t gb, size_t fa,
	size_t fb, const words *o, size_t ogn)
{
	size_t i, n;
	size_t ofn = o->n - ogn;
	if (gb <= ga || fb <= fa || fb - fa != ofn)
		return 0;
	for (i = 0; i < ofn; i++)
		if (strcmp(a->w[fa + i], o->w[ogn + i]) != 0)
			return 0;
	/* given names: the first must agree, further ones as far as both go
	 * ("John A. Smith" is "John Smith") */
	n = gb - ga < ogn ? gb - ga : ogn;
	for (i = 0; i < n; i++)
		if (!word_match(a->w[ga + i], o->w[i]))
			return 0;
	return 1;
}

/* Splits a "Family, Given" or "Given Family" string into words, returning
 * the number of given words first (in *ngiven) and the words in order
 * given..., family... */
static void split_name(words *out, size_t *ngiven, const char *name)
{
	const char *comma = name ? strchr(name, ',') : NULL;
	if (comma) {
		/* "Family, Given": fold as "Given Family" */
		char *swapped = pub__sprintf("%s %.*s", comma + 1, (int)(comma - name), name);
		words g;
		split(&g, comma + 1);
		*ngiven = g.n;
		words_free(&g);
		split(out, swapped);
		free(swapped);
		return;
	}
	split(out, name);
	*ngiven = out->n > 0 ? out->n - 1 : 0;
}

static int match_name(const char *name, const words *o, size_t ogn)
{
	words a;
	size_t ng;
	int r = 0;
	split_name(&a, &ng, name);
	if (a.n >= 2) {
		/* as written: Given... Family... */
		r = reading_match(&a, 0, ng, ng, a.n, o, ogn);
		/* family first ("Zhao Xuanlei", "Zhao X"), only without a comma */
		if (!r && !strchr(name, ','))
			r = reading_match(&a, o->n - ogn, a.n, 0, o->n - ogn, o, ogn);
	}
	words_free(&a);
	return r;
}

int pub__author_is_owner(const pub_author *a, const char *owner)
{
	words o;
	size_t ogn;
	int r = 0;
	const char *semi;
	if (!a || !owner || !*owner)
		return 0;
	/* "Xuanlei Zhao; Zhao Xuan-Lei": one person's spellings (owner.aliases,
	 * export --highlight) */
	if ((semi = strchr(owner, ';'))) {
		char *first = pub__strndup(owner, (size_t)(semi - owner));
		r = pub__author_is_owner(a, first) || pub__author_is_owner(a, semi + 1);
		free(first);
		return r;
	}
	split_name(&o, &ogn, owner);
	if (o.n < 2 || ogn == 0)
		goto done;
	if (a->family && *a->family) {
		char *name = pub__sprintf("%s%s%s, %s", a->von ? a->von : "",
			a->von ? " " : "", a->family, a->given ? a->given : "");
		r = match_name(name, &o, ogn);
		free(name);
	}
	if (!r && a->name)
		r = match_name(a->name, &o, ogn);
done:
	words_free(&o);
	return r;
}
