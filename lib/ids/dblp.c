/*
 * dblp.c: dblp identifiers.  A person id (pid) is NUMBER/NUMBER with an
 * optional -N for homonyms (95/7448-1), or, for people registered before
 * numeric pids, a letter and a name (h/GeoffreyEHinton, s/JSmith-1).  A
 * record key is a lower-case stream type and two or more segments
 * (conf/iclr/ZhaoJWY25, journals/corr/abs-2408-12588,
 * series/sci/2023-1062).  https://dblp.org/faq/ (pids and keys).
 */
#include "ids/dblp.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static size_t run(const char *s, size_t n, int (*cls)(int))
{
	size_t i = 0;
	while (i < n && cls((unsigned char)s[i]))
		i++;
	return i;
}

static int key_char(int c)
{
	return isalnum(c) || c == '-' || c == '_';
}

static int name_char(int c)
{
	return isalnum(c) || c == '_';
}

/* A homonym suffix "-N" at the end of [s, s+n): its length, else 0. */
static size_t homonym(const char *s, size_t n)
{
	size_t d = 0;
	while (d < n && isdigit((unsigned char)s[n - 1 - d]))
		d++;
	return d && d < n && s[n - 1 - d] == '-' ? d + 1 : 0;
}

/* The pid grammar over all of [s, s+n). */
static int is_pid(const char *s, size_t n)
{
	size_t a, b, h;
	if ((a = run(s, n, isdigit)) > 0) {
		if (a >= n || s[a] != '/')
			return 0;
		h = homonym(s + a + 1, n - a - 1);
		b = run(s + a + 1, n - a - 1, isdigit);
		return b > 0 && a + 1 + b + h == n;
	}
	if (n < 3 || !islower((unsigned char)s[0]) || s[1] != '/')
		return 0;
	h = homonym(s + 2, n - 2);
	b = run(s + 2, n - 2 - h, name_char);
	return b > 0 && 2 + b + h == n && isalpha((unsigned char)s[2]);
}

/* The record key grammar over all of [s, s+n). */
static int is_key(const char *s, size_t n)
{
	size_t i = run(s, n, islower), segs = 0, k;
	if (!i)
		return 0;
	while (i < n) {
		if (s[i] != '/')
			return 0;
		if (!(k = run(s + i + 1, n - i - 1, key_char)))
			return 0;
		i += 1 + k;
		segs++;
	}
	return segs >= 2;
}

/* After a dblp host: "pid/..." or "rec/...", where to find the id and
 * which kind it must be; NULL otherwise. */
static const char *skip_url(const char *s, pub__dblp_kind *want)
{
	static const char *const hosts[] = {"dblp.org/", "dblp.uni-trier.de/",
		"dblp.dagstuhl.de/", NULL};
	static const char *const legacy[] = {"bib/", "bibtex/", "bib1/", "bib2/",
		"xml/", "html/", NULL};
	size_t i;
	if (!strncasecmp(s, "https://", 8))
		s += 8;
	else if (!strncasecmp(s, "http://", 7))
		s += 7;
	if (!strncasecmp(s, "www.", 4))
		s += 4;
	for (i = 0; hosts[i]; i++)
		if (!strncasecmp(s, hosts[i], strlen(hosts[i])))
			break;
	if (!hosts[i])
		return NULL;
	s += strlen(hosts[i]);
	if (!strncmp(s, "pid/", 4)) {
		*want = PUB__DBLP_PID;
		return s + 4;
	}
	if (strncmp(s, "rec/", 4))
		return NULL;
	*want = PUB__DBLP_KEY;
	s += 4;
	/* older biburls: rec/bib/KEY, rec/bibtex/KEY, rec/xml/KEY, ... */
	for (i = 0; legacy[i]; i++)
		if (!strncmp(s, legacy[i], strlen(legacy[i])))
			return s + strlen(legacy[i]);
	return s;
}

int pub__dblp_normalize(char **id, pub__dblp_kind *kind, const char *in)
{
	static const char *const exts[] = {".html", ".xml", ".bib", NULL};
	const char *s = in, *e, *u, *dot;
	pub__dblp_kind want = 0;
	size_t i, n;

	*id = NULL;
	*kind = 0;
	if (!in)
		return pub__error(PUB_EINVAL, "not a dblp id: ''");
	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	if (!strncasecmp(s, "dblp:", 5)) {
		s += 5;
	} else if ((u = skip_url(s, &want))) {
		/* as pasted: a query or fragment, a format extension */
		s = u;
		for (u = s; u < e; u++)
			if (*u == '?' || *u == '#') {
				e = u;
				break;
			}
		for (dot = e; dot > s && dot[-1] != '.' && dot[-1] != '/'; dot--)
			;
		for (i = 0; dot > s && dot[-1] == '.' && exts[i]; i++)
			if ((size_t)(e - dot + 1) == strlen(exts[i]) &&
			    !strncasecmp(dot - 1, exts[i], strlen(exts[i]))) {
				e = dot - 1;
				break;
			}
	}
	if (e - s > 10 && !strncmp(s, "homepages/", 10)) {
		s += 10; /* a person's own record names the person */
		if (want == PUB__DBLP_KEY)
			want = PUB__DBLP_PID;
	}
	n = (size_t)(e - s);
	if (want != PUB__DBLP_KEY && is_pid(s, n))
		*kind = PUB__DBLP_PID;
	else if (want != PUB__DBLP_PID && is_key(s, n))
		*kind = PUB__DBLP_KEY;
	else
		return pub__error(PUB_EINVAL,
			"not a dblp id: '%s' (expected e.g. 74/5295, conf/iclr/ZhaoJWY25 or a dblp.org URL)",
			in);
	*id = pub__strndup(s, n);
	return 0;
}
