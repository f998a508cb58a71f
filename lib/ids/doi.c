/*
 * doi.c: DOIs as typed (doi:, doi.org URLs) and as written in BibTeX
 * fields.  One grammar (scan_doi) and one canonical form: DOIs are
 * case-insensitive (ASCII), so the canonical DOI is lower-cased; that is
 * what papers.doi stores, what duplicates are compared by and what is
 * asked of doi.org and Crossref (both resolve DOIs case-insensitively).
 * The publisher's spelling survives in the entry's own `doi` field.
 */
#include "ids/doi.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "ids/arxiv.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Resolver prefixes a DOI may come with. */
static const char *skip_prefix(const char *s)
{
	static const char *const prefixes[] = {"doi:", "https://doi.org/",
		"http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
		"https://www.doi.org/", "http://www.doi.org/", "doi.org/",
		"dx.doi.org/", NULL};
	size_t i;
	for (i = 0; prefixes[i]; i++)
		if (!strncasecmp(s, prefixes[i], strlen(prefixes[i])))
			return s + strlen(prefixes[i]);
	return s;
}

/* The one DOI grammar: "10." then a registrant of digits and inner dots,
 * '/', and a suffix of printable characters up to the end of [s, s+n) or
 * the first byte in `stop`.  Returns the DOI's length, or 0. */
static size_t scan_doi(const char *s, size_t n, const char *stop)
{
	size_t i, slash;
	if (n < 6 || strncmp(s, "10.", 3))
		return 0;
	for (i = 3; i < n && (isdigit((unsigned char)s[i]) || s[i] == '.'); i++)
		;
	if (i == 3 || i >= n || s[i] != '/' || s[i - 1] == '.')
		return 0;
	for (slash = i++; i < n && !strchr(stop, s[i]); i++)
		if (isspace((unsigned char)s[i]) || (unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return i > slash + 1 ? i : 0;
}

static char *canonical(const char *s, size_t n)
{
	char *d = pub__strndup(s, n);
	size_t i;
	for (i = 0; i < n; i++)
		d[i] = (char)tolower((unsigned char)d[i]);
	return d;
}

int pub__doi_normalize(char **doi, const char *in)
{
	const char *s = in, *e;
	*doi = NULL;
	if (!in)
		return pub__error(PUB_EINVAL, "not a DOI: ''");
	while (isspace((unsigned char)*s))
		s++;
	s = skip_prefix(s);
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	if (e == s || scan_doi(s, (size_t)(e - s), "") != (size_t)(e - s))
		return pub__error(PUB_EINVAL,
			"not a DOI: '%s' (expected e.g. 10.1145/3627535.3638465)", in);
	*doi = canonical(s, (size_t)(e - s));
	return 0;
}

int pub__doi_is_meant(const char *in)
{
	const char *s = in;
	if (!in)
		return 0;
	while (isspace((unsigned char)*s))
		s++;
	return skip_prefix(s) != s || strstr(s, "doi.org/") || !strncmp(s, "10.", 3);
}

int pub__doi_is_arxiv(const char *doi)
{
	return doi && !strncmp(doi, "10.48550/arxiv.", 15);
}

int pub__doi_arxiv_id(char **arxiv_id, const char *doi)
{
	int v;
	*arxiv_id = NULL;
	if (!doi || strncasecmp(doi, "10.48550/arxiv.", 15))
		return 0;
	if (pub__arxiv_normalize(arxiv_id, &v, doi + 15) < 0) {
		pub_error_clear();
		return 0;
	}
	return 1;
}

char *pub__doi_from_field(const char *s)
{
	size_t n;
	if (!s)
		return NULL;
	while (*s == ' ' || *s == '{')
		s++;
	s = skip_prefix(s);
	/* a field may go on after the DOI: "10.1/x}", "10.1/x (preprint)" */
	if (!(n = scan_doi(s, strlen(s), "} \t\r\n")))
		return NULL;
	return canonical(s, n);
}
