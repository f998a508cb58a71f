/*
 * github.c: GitHub repository URLs: [http[s]://][www.]github.com/OWNER/NAME
 * with whatever follows (/tree/..., .git, a trailing slash), pasted as a
 * link or found in free text.  The grammar is scan_repo(); every caller
 * (links, repos, star counts, renames, arXiv abstracts) goes through it.
 */
#include "ids/github.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static int owner_char(char c)
{
	return isalnum((unsigned char)c) || c == '-';
}

static int name_char(char c)
{
	return isalnum((unsigned char)c) || c == '-' || c == '_' || c == '.';
}

/* The one grammar.  At `s` (just after "github.com/"): OWNER '/' NAME, the
 * name a maximal run of name characters.  In free text, sentence
 * punctuation after the name is not part of it.  A ".git" suffix is not
 * part of the name.  Offsets are relative to `s`; returns 0 or -1. */
static int scan_repo(pub__github_ref *r, const char *s, int in_text)
{
	size_t i = 0, n;
	while (owner_char(s[i]))
		i++;
	if (!i || s[i] != '/')
		return -1;
	r->owner_len = i;
	r->name = ++i;
	while (name_char(s[i]))
		i++;
	if (in_text)
		while (i > r->name && (s[i - 1] == '.' || s[i - 1] == '-' || s[i - 1] == '_'))
			i--;
	r->end = i;
	n = i - r->name;
	if (n > 4 && !strncasecmp(s + i - 4, ".git", 4))
		n -= 4;
	if (!n)
		return -1;
	r->name_len = n;
	return 0;
}

int pub__github_scan(pub__github_ref *r, const char *url)
{
	const char *p = url;
	memset(r, 0, sizeof(*r));
	if (!url)
		return -1;
	if (!strncasecmp(p, "https://", 8))
		p += 8;
	else if (!strncasecmp(p, "http://", 7))
		p += 7;
	if (!strncasecmp(p, "www.", 4))
		p += 4;
	if (strncasecmp(p, "github.com/", 11))
		return -1;
	p += 11;
	if (scan_repo(r, p, 0) < 0 || (p[r->end] && !strchr("/?#", p[r->end])))
		return -1;
	r->owner = (size_t)(p - url);
	r->name += r->owner;
	r->end += r->owner;
	return 0;
}

int pub__github_parse_url(char **owner, char **name, const char *url)
{
	pub__github_ref r;
	*owner = *name = NULL;
	if (pub__github_scan(&r, url) < 0)
		return pub__error(PUB_EINVAL, "'%s' is not a GitHub repository URL",
			url ? url : "");
	*owner = pub__strndup(url + r.owner, r.owner_len);
	*name = pub__strndup(url + r.name, r.name_len);
	return 0;
}

int pub__url_is_repo_root(const char *url)
{
	pub__github_ref r;
	if (!url || (strncasecmp(url, "https://", 8) && strncasecmp(url, "http://", 7)) ||
	    pub__github_scan(&r, url) < 0)
		return 0;
	return !url[r.end] || (url[r.end] == '/' && !url[r.end + 1]);
}

int pub__github_same_repo(const char *a, const char *b)
{
	pub__github_ref ra, rb;
	if (pub__github_scan(&ra, a) < 0 || pub__github_scan(&rb, b) < 0)
		return 0;
	/* GitHub names are case-insensitive */
	return ra.owner_len == rb.owner_len && ra.name_len == rb.name_len &&
		!strncasecmp(a + ra.owner, b + rb.owner, ra.owner_len) &&
		!strncasecmp(a + ra.name, b + rb.name, ra.name_len);
}

char *pub__github_find(const char *text)
{
	const char *p = text;
	pub__github_ref r;
	while (text && (p = strstr(p, "github.com/"))) {
		/* www.github.com is fine, xgithub.com or x.github.com not */
		int ok = p == text || !name_char(p[-1]);
		if (p > text && p[-1] == '.')
			ok = p - text >= 4 && !strncasecmp(p - 4, "www.", 4);
		p += 11;
		if (ok && scan_repo(&r, p, 1) == 0)
			return pub__sprintf("https://github.com/%.*s/%.*s", (int)r.owner_len,
				p, (int)r.name_len, p + r.name);
	}
	return NULL;
}

char *pub__github_rename_url(const char *url, const char *owner, const char *name)
{
	pub__github_ref r;
	if (pub__github_scan(&r, url) < 0)
		return NULL;
	/* the rest, ".git" and "/tree/..." included, is kept */
	return pub__sprintf("%.*s%s/%s%s", (int)r.owner, url, owner, name,
		url + r.name + r.name_len);
}
