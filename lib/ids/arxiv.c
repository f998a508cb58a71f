/*
 * arxiv.c: arXiv identifiers: new-style YYMM.NNNNN and old-style
 * archive/YYMMNNN, with an optional version, as typed, pasted as URLs, or
 * written in BibTeX fields.
 */
#include "ids/arxiv.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "bibtex/entry.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int all_digits(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return n > 0;
}

int pub__arxiv_split_version(const char *s, size_t *n)
{
	size_t i = *n;
	while (i > 0 && isdigit((unsigned char)s[i - 1]))
		i--;
	if (i < *n && i > 0 && s[i - 1] == 'v' && *n - i < 6) {
		int v = atoi(s + i);
		*n = i - 1;
		return v;
	}
	return 0;
}

/* Checks the versionless id [s, s+n) and writes the canonical form. */
static int canonical_id(const char *s, size_t n, pub__buf *out)
{
	const char *slash = memchr(s, '/', n);
	if (!slash) {
		/* YYMM.NNNN or YYMM.NNNNN */
		if (n < 9 || n > 10 || s[4] != '.' || !all_digits(s, 4) ||
		    !all_digits(s + 5, n - 5))
			return -1;
		if ((s[2] - '0') * 10 + (s[3] - '0') > 12)
			return -1;
		return pub__buf_put(out, s, n);
	} else {
		size_t alen = (size_t)(slash - s), i, keep;
		const char *num = slash + 1;
		size_t nlen = n - alen - 1;
		if (!alen || nlen != 7 || !all_digits(num, 7))
			return -1;
		keep = alen;
		for (i = 0; i < alen; i++) {
			if (s[i] == '.') { /* math.GT: drop the subject class */
				keep = i;
				break;
			}
			if (!islower((unsigned char)s[i]) && s[i] != '-')
				return -1;
		}
		if (!keep)
			return -1;
		for (i = keep + 1; keep < alen && i < alen; i++)
			if (!isalpha((unsigned char)s[i]) && s[i] != '-')
				return -1;
		pub__buf_put(out, s, keep);
		pub__buf_putc(out, '/');
		return pub__buf_put(out, num, 7);
	}
}

int pub__arxiv_normalize(const char *in, char **id, int *version)
{
	const char *s = in, *e;
	pub__buf b = PUB__BUF_INIT;
	size_t n;
	int v;

	*id = NULL;
	*version = 0;
	if (!in)
		return pub__error(PUB_EINVAL, "not an arXiv id: ''");
	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	if (!strncasecmp(s, "arxiv:", 6)) {
		s += 6;
	} else if (!strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8) ||
		   !strncasecmp(s, "arxiv.org/", 10) || !strncasecmp(s, "www.arxiv.org/", 14) ||
		   !strncasecmp(s, "export.arxiv.org/", 17)) {
		/* URLs as pasted, with or without the scheme */
		const char *q;
		if (!strncasecmp(s, "http", 4))
			s += s[4] == ':' ? 7 : 8;
		if (!strncasecmp(s, "www.", 4))
			s += 4;
		else if (!strncasecmp(s, "export.", 7))
			s += 7;
		if (strncasecmp(s, "arxiv.org/", 10))
			goto bad;
		s += 9;
		if (strncmp(s, "/abs/", 5) && strncmp(s, "/pdf/", 5))
			goto bad;
		s += 5;
		for (q = s; q < e; q++)
			if (*q == '?' || *q == '#') {
				e = q;
				break;
			}
		while (e > s && e[-1] == '/')
			e--;
		if (e - s > 4 && !strncasecmp(e - 4, ".pdf", 4))
			e -= 4;
	}
	n = (size_t)(e - s);
	v = pub__arxiv_split_version(s, &n);
	if (canonical_id(s, n, &b) < 0)
		goto bad;
	*id = pub__buf_detach(&b);
	*version = v;
	return 0;
bad:
	pub__buf_free(&b);
	return pub__error(PUB_EINVAL,
		"not an arXiv id: '%s' (expected e.g. 2408.12588, hep-th/9901001 or an arxiv.org URL)",
		in);
}

int pub__arxiv_id_parse(const char *s, char **id, int *version)
{
	const char *p, *start;
	size_t n;
	*id = NULL;
	*version = 0;
	if (!s)
		return PUB_EINVAL;
	while (*s == ' ' || *s == '{')
		s++;
	if (strncasecmp(s, "arxiv:", 6) == 0)
		s += 6;
	else if (strncasecmp(s, "abs/", 4) == 0)
		s += 4;
	start = s;
	p = s;
	if (isdigit((unsigned char)p[0])) {
		/* new style YYMM.NNNN(N) */
		n = 0;
		while (isdigit((unsigned char)p[n]))
			n++;
		if (n != 4 || p[4] != '.')
			return PUB_EINVAL;
		p += 5;
		n = 0;
		while (isdigit((unsigned char)p[n]))
			n++;
		if (n != 4 && n != 5)
			return PUB_EINVAL;
		p += n;
	} else {
		/* old style archive(.SUB)/YYMMNNN */
		const char *slash;
		while (islower((unsigned char)*p) || *p == '-')
			p++;
		if (p == start)
			return PUB_EINVAL;
		slash = p;
		if (*p == '.') {
			p++;
			while (isalpha((unsigned char)*p))
				p++;
			slash = p;
		}
		if (*slash != '/')
			return PUB_EINVAL;
		n = 0;
		while (isdigit((unsigned char)slash[1 + n]))
			n++;
		if (n != 7)
			return PUB_EINVAL;
		{
			/* math.GT/0309136 is math/0309136 */
			size_t arch = strcspn(start, "./");
			*id = pub__sprintf("%.*s/%.7s", (int)arch, start, slash + 1);
		}
		p = slash + 8;
	}
	if (*p == 'v' && isdigit((unsigned char)p[1])) {
		*version = atoi(p + 1);
		p++;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p && *p != '}' && *p != ' ') {
		free(*id);
		*id = NULL;
		return PUB_EINVAL;
	}
	if (!*id) {
		const char *v = strchr(start, 'v');
		size_t len = (size_t)(p - start);
		if (*version && v && v < p)
			len = (size_t)(v - start);
		*id = pub__strndup(start, len);
	}
	return 0;
}

/* The arXiv id an entry refers to: eprint (arXiv), the arXiv DOI, dblp's
 * CoRR volume "abs/ID", or an arxiv.org URL. */
int pub__arxiv_of_entry(const pub__bib_entry *e, char **id, int *version)
{
	const char *v, *prefix, *u;
	*id = NULL;
	*version = 0;
	if ((v = pub__bib_entry_get(e, "eprint"))) {
		prefix = pub__bib_entry_get(e, "archiveprefix");
		if (!prefix)
			prefix = pub__bib_entry_get(e, "eprinttype");
		if ((!prefix || strcasecmp(prefix, "arxiv") == 0) &&
		    pub__arxiv_id_parse(v, id, version) == 0)
			return 1;
	}
	if ((v = pub__bib_entry_get(e, "doi")) &&
	    strncasecmp(v, "10.48550/arxiv.", 15) == 0 &&
	    pub__arxiv_id_parse(v + 15, id, version) == 0)
		return 1;
	if ((v = pub__bib_entry_get(e, "journal")) && strcasecmp(v, "CoRR") == 0 &&
	    (u = pub__bib_entry_get(e, "volume")) &&
	    pub__arxiv_id_parse(u, id, version) == 0)
		return 1;
	if ((u = pub__bib_entry_get(e, "url")) && (v = strstr(u, "arxiv.org/abs/")) &&
	    pub__arxiv_id_parse(v + 14, id, version) == 0)
		return 1;
	return 0;
}
