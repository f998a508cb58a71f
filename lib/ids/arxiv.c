/*
 * arxiv.c: arXiv identifiers: new-style YYMM.NNNN(N) and old-style
 * archive/YYMMNNN, with an optional version, as typed, pasted as URLs, or
 * written in BibTeX fields.  The grammar is scan_id(); the entry points
 * differ only in what they strip before it and accept after it.
 */
#include "ids/arxiv.h"

#include "pub.h"
#include "util/buf.h"
#include "util/error.h"
#include "bibtex/entry.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static size_t count_digits(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && isdigit((unsigned char)s[i]))
		i++;
	return i;
}

/* The one arXiv id grammar: an id at the start of [s, s+n), optionally
 * followed by vN.  Writes the canonical versionless id to *out (old-style
 * subject classes dropped: math.GT/0309136 is math/0309136) and returns
 * the number of bytes used, or 0 when [s, s+n) does not start with an id. */
static size_t scan_id(const char *s, size_t n, pub__buf *out, int *version)
{
	size_t i = 0, d, arch;
	*version = 0;
	if (n && isdigit((unsigned char)s[0])) {
		/* YYMM.NNNN or YYMM.NNNNN; 0000.0000 passes, as arXiv itself
		 * answers it (with "no such paper") */
		int month;
		if (count_digits(s, n) != 4 || n < 5 || s[4] != '.')
			return 0;
		month = (s[2] - '0') * 10 + (s[3] - '0');
		if (month > 12)
			return 0;
		d = count_digits(s + 5, n - 5);
		if (d != 4 && d != 5)
			return 0;
		i = 5 + d;
		pub__buf_put(out, s, i);
	} else {
		/* archive(.Subject-Class)/YYMMNNN; the archive is lower-case */
		while (i < n && (islower((unsigned char)s[i]) || s[i] == '-'))
			i++;
		/* "abs" is no archive: "abs/ID" is dblp's CoRR volume, which
		 * the field parser strips, so "abs/0000000" must not be an id
		 * to the input parser either (fuzz_ids found the disagreement) */
		if (!(arch = i) || (arch == 3 && !strncmp(s, "abs", 3)))
			return 0;
		if (i < n && s[i] == '.')
			for (i++; i < n && (isalpha((unsigned char)s[i]) || s[i] == '-'); i++)
				;
		if (i >= n || s[i] != '/' || count_digits(s + i + 1, n - i - 1) != 7)
			return 0;
		pub__buf_put(out, s, arch);
		pub__buf_putc(out, '/');
		pub__buf_put(out, s + i + 1, 7);
		i += 8;
	}
	/* vN: at most five digits, as on arXiv */
	if (i + 1 < n && s[i] == 'v' && (d = count_digits(s + i + 1, n - i - 1)) > 0 && d < 6) {
		*version = atoi(s + i + 1);
		i += 1 + d;
	}
	return i;
}

/* "arxiv:" or an abs/pdf URL on arxiv.org (http, https or none, www. or
 * export.) before an id; returns where the id starts, or NULL when a
 * URL is not an arXiv abs/pdf URL.  *is_url says whether it was a URL. */
static const char *skip_prefix(const char *s, int *is_url)
{
	*is_url = 0;
	if (!strncasecmp(s, "arxiv:", 6))
		return s + 6;
	if (!strncasecmp(s, "https://", 8))
		s += 8;
	else if (!strncasecmp(s, "http://", 7))
		s += 7;
	else if (strncasecmp(s, "arxiv.org/", 10) && strncasecmp(s, "www.arxiv.org/", 14) &&
		 strncasecmp(s, "export.arxiv.org/", 17))
		return s;
	*is_url = 1;
	if (!strncasecmp(s, "www.", 4))
		s += 4;
	else if (!strncasecmp(s, "export.", 7))
		s += 7;
	if (strncasecmp(s, "arxiv.org/abs/", 14) && strncasecmp(s, "arxiv.org/pdf/", 14))
		return NULL;
	return s + 14;
}

int pub__arxiv_normalize(char **id, int *version, const char *in)
{
	const char *s = in, *e, *q;
	pub__buf b = PUB__BUF_INIT;
	int url, v;

	*id = NULL;
	*version = 0;
	if (!in)
		return pub__error(PUB_EINVAL, "not an arXiv id: ''");
	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	if (!(s = skip_prefix(s, &url)) || s > e)
		goto bad;
	if (url) {
		/* as pasted: a query, a fragment, a trailing slash, .pdf */
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
	if (scan_id(s, (size_t)(e - s), &b, &v) != (size_t)(e - s) || s == e)
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

int pub__arxiv_id_parse(char **id, int *version, const char *s)
{
	pub__buf b = PUB__BUF_INIT;
	size_t n, used;
	*id = NULL;
	*version = 0;
	if (!s)
		return PUB_EINVAL;
	while (*s == ' ' || *s == '{')
		s++;
	if (strncasecmp(s, "arxiv:", 6) == 0)
		s += 6;
	else if (strncasecmp(s, "abs/", 4) == 0) /* dblp's CoRR volume */
		s += 4;
	n = strlen(s);
	used = scan_id(s, n, &b, version);
	/* a field may go on after the id: "2408.12588 [cs.LG]", "}" */
	if (!used || (s[used] && s[used] != '}' && s[used] != ' ')) {
		pub__buf_free(&b);
		*version = 0;
		return PUB_EINVAL;
	}
	*id = pub__buf_detach(&b);
	return 0;
}

/* The arXiv id an entry refers to: eprint (arXiv), the arXiv DOI, dblp's
 * CoRR volume "abs/ID", or an arxiv.org URL. */
int pub__arxiv_of_entry(char **id, int *version, const pub__bib_entry *e)
{
	const char *v, *prefix, *u;
	*id = NULL;
	*version = 0;
	if ((v = pub__bib_entry_get(e, "eprint"))) {
		prefix = pub__bib_entry_get(e, "archiveprefix");
		if (!prefix)
			prefix = pub__bib_entry_get(e, "eprinttype");
		if ((!prefix || strcasecmp(prefix, "arxiv") == 0) &&
		    pub__arxiv_id_parse(id, version, v) == 0)
			return 1;
	}
	if ((v = pub__bib_entry_get(e, "doi")) &&
	    strncasecmp(v, "10.48550/arxiv.", 15) == 0 &&
	    pub__arxiv_id_parse(id, version, v + 15) == 0)
		return 1;
	if ((v = pub__bib_entry_get(e, "journal")) && strcasecmp(v, "CoRR") == 0 &&
	    (u = pub__bib_entry_get(e, "volume")) &&
	    pub__arxiv_id_parse(id, version, u) == 0)
		return 1;
	if ((u = pub__bib_entry_get(e, "url")) && (v = strstr(u, "arxiv.org/abs/")) &&
	    pub__arxiv_id_parse(id, version, v + 14) == 0)
		return 1;
	return 0;
}
