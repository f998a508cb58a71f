/*
 * orcid.c: ORCID iDs: sixteen characters in four groups of four, the last
 * an ISO 7064 mod 11-2 check character (0-9 or X), as typed or as an
 * orcid.org URL.  https://support.orcid.org/hc/en-us/articles/360006897674
 */
#include "ids/orcid.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

char pub__orcid_check_char(const char digits[15])
{
	int total = 0, i, r;
	for (i = 0; i < 15; i++)
		total = (total + (digits[i] - '0')) * 2;
	r = (12 - total % 11) % 11;
	return r == 10 ? 'X' : (char)('0' + r);
}

/* The one grammar: 16 characters at [s, s+n), in groups of four either
 * all hyphen-separated or not at all; writes the 16 bare characters to
 * out.  Returns 0 or -1. */
static int scan_orcid(char out[16], const char *s, size_t n)
{
	size_t i, k = 0, step = n == 19 ? 5 : 4;
	if (n != 16 && n != 19)
		return -1;
	for (i = 0; i < n; i++) {
		if (step == 5 && i % 5 == 4) {
			if (s[i] != '-')
				return -1;
			continue;
		}
		if (isdigit((unsigned char)s[i]) || (k == 15 && (s[i] == 'X' || s[i] == 'x')))
			out[k++] = (char)toupper((unsigned char)s[i]);
		else
			return -1;
	}
	return pub__orcid_check_char(out) == out[15] ? 0 : -1;
}

int pub__orcid_normalize(char **id, const char *in)
{
	const char *s = in, *e;
	char d[16];
	*id = NULL;
	if (!in)
		return pub__error(PUB_EINVAL, "not an ORCID iD: ''");
	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	if (!strncasecmp(s, "orcid:", 6)) {
		s += 6;
	} else {
		const char *h = s;
		if (!strncasecmp(h, "https://", 8))
			h += 8;
		else if (!strncasecmp(h, "http://", 7))
			h += 7;
		if (!strncasecmp(h, "www.", 4))
			h += 4;
		if (!strncasecmp(h, "orcid.org/", 10)) {
			s = h + 10;
			if (e > s && e[-1] == '/')
				e--;
		}
	}
	if (s > e || scan_orcid(d, s, (size_t)(e - s)) < 0)
		goto bad;
	*id = pub__sprintf("%.4s-%.4s-%.4s-%.4s", d, d + 4, d + 8, d + 12);
	return 0;
bad:
	return pub__error(PUB_EINVAL,
		"not an ORCID iD: '%s' (expected e.g. 0000-0002-1825-0097 or an orcid.org URL)",
		in);
}
