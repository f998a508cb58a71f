/*
 * doi.c: DOIs as typed (doi:, doi.org URLs) and as written in BibTeX
 * fields.
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

int pub__doi_normalize(const char *in, char **doi)
{
	static const char *const prefixes[] = {"doi:", "https://doi.org/",
		"http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
		"https://www.doi.org/", "http://www.doi.org/", NULL};
	const char *s = in, *e, *p;
	size_t i;

	*doi = NULL;
	if (!in)
		return pub__error(PUB_EINVAL, "not a DOI: ''");
	while (isspace((unsigned char)*s))
		s++;
	for (i = 0; prefixes[i]; i++)
		if (!strncasecmp(s, prefixes[i], strlen(prefixes[i]))) {
			s += strlen(prefixes[i]);
			break;
		}
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	/* 10.NNNN[.NNNN...] then / then a suffix */
	if (e - s < 6 || strncmp(s, "10.", 3))
		goto bad;
	for (p = s + 3; p < e && (isdigit((unsigned char)*p) || *p == '.'); p++)
		;
	if (p == s + 3 || p >= e || *p != '/' || p + 1 >= e || p[-1] == '.')
		goto bad;
	for (p++; p < e; p++)
		if (isspace((unsigned char)*p) || (unsigned char)*p < 0x20)
			goto bad;
	*doi = pub__strndup(s, (size_t)(e - s));
	return 0;
bad:
	return pub__error(PUB_EINVAL, "not a DOI: '%s' (expected e.g. 10.1145/3627535.3638465)", in);
}

int pub__doi_arxiv_id(const char *doi, char **arxiv_id)
{
	int v;
	*arxiv_id = NULL;
	if (!doi || strncasecmp(doi, "10.48550/arxiv.", 15))
		return 0;
	if (pub__arxiv_normalize(doi + 15, arxiv_id, &v) < 0) {
		pub_error_clear();
		return 0;
	}
	return 1;
}

char *pub__doi_from_field(const char *s)
{
	static const char *prefixes[] = {"https://doi.org/", "http://doi.org/",
		"https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "doi:"};
	size_t i, n;
	char *d;
	if (!s)
		return NULL;
	while (*s == ' ' || *s == '{')
		s++;
	for (i = 0; i < sizeof(prefixes) / sizeof(*prefixes); i++) {
		n = strlen(prefixes[i]);
		if (strncasecmp(s, prefixes[i], n) == 0) {
			s += n;
			break;
		}
	}
	if (strncmp(s, "10.", 3) != 0)
		return NULL;
	d = pub__strdup(s);
	for (i = 0; d[i]; i++) {
		if (d[i] == '}' || d[i] == ' ') {
			d[i] = '\0';
			break;
		}
		d[i] = (char)tolower((unsigned char)d[i]);
	}
	return d;
}
