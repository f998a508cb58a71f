/*
 * github.c: GitHub repository URLs.
 */
#include "ids/github.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Whether `s` starts with `prefix`, ignoring ASCII case. */
static int has_prefix(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

int pub__github_parse_url(const char *url, char **owner, char **name)
{
	const char *p = url, *o, *n;
	size_t olen, nlen;
	*owner = *name = NULL;
	if (strncasecmp(p, "https://", 8) == 0)
		p += 8;
	else if (strncasecmp(p, "http://", 7) == 0)
		p += 7;
	if (strncasecmp(p, "www.", 4) == 0)
		p += 4;
	if (strncasecmp(p, "github.com/", 11) != 0)
		return pub__error(PUB_EINVAL, "'%s' is not a GitHub repository URL", url);
	o = p + 11;
	olen = strcspn(o, "/");
	if (!olen || o[olen] != '/')
		return pub__error(PUB_EINVAL, "'%s' is not a GitHub repository URL", url);
	n = o + olen + 1;
	nlen = strcspn(n, "/?#");
	if (nlen > 4 && strncmp(n + nlen - 4, ".git", 4) == 0)
		nlen -= 4;
	if (!nlen)
		return pub__error(PUB_EINVAL, "'%s' is not a GitHub repository URL", url);
	{
		size_t i;
		for (i = 0; i < olen; i++)
			if (!isalnum((unsigned char)o[i]) && o[i] != '-')
				return pub__error(PUB_EINVAL, "'%s' is not a GitHub repository URL", url);
		for (i = 0; i < nlen; i++)
			if (!isalnum((unsigned char)n[i]) && n[i] != '-' && n[i] != '_' && n[i] != '.')
				return pub__error(PUB_EINVAL, "'%s' is not a GitHub repository URL", url);
	}
	*owner = pub__strndup(o, olen);
	*name = pub__strndup(n, nlen);
	return 0;
}

int pub__url_is_repo_root(const char *url)
{
	const char *p;
	int slashes = 0;
	if (!url)
		return 0;
	if (has_prefix(url, "https://github.com/"))
		p = url + 19;
	else if (has_prefix(url, "http://github.com/"))
		p = url + 18;
	else if (has_prefix(url, "https://www.github.com/"))
		p = url + 23;
	else
		return 0;
	if (*p == '/' || *p == '\0')
		return 0;
	for (; *p; p++) {
		if (*p == '?' || *p == '#')
			return 0;
		if (*p == '/') {
			slashes++;
			if (slashes == 2 && p[1] == '\0')
				return 1; /* OWNER/NAME/ */
			if (slashes >= 2)
				return 0;
			if (p[1] == '/' || p[1] == '\0')
				return 0;
		}
	}
	return slashes == 1;
}
