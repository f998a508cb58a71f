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

/* Where a URL written in text ends: at a space, a quote or a bracket it
 * cannot hold, then without the punctuation that ends a sentence or
 * closes a parenthesis around it. */
static size_t url_extent(const char *s)
{
	size_t n = 0;
	int open = 0;
	while (s[n] && !isspace((unsigned char)s[n]) && !strchr("\"'<>{}|\\^`", s[n])) {
		if (s[n] == '(')
			open++;
		else if (s[n] == ')' && --open < 0)
			break;
		else if (s[n] == ']' && open <= 0)
			break;
		n++;
	}
	/* a ')' stays when it closes a '(' of the URL: .../Page_(x) */
	for (;;) {
		size_t i;
		int depth = 0;
		if (!n || !strchr(".,;:!?)]", s[n - 1]))
			break;
		if (s[n - 1] == ')') {
			for (i = 0; i + 1 < n; i++)
				depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
			if (depth > 0)
				break;
		}
		n--;
	}
	return n;
}

/* strstr, regardless of ASCII case. */
static const char *find_nocase(const char *s, const char *needle)
{
	size_t n = strlen(needle);
	for (; *s; s++)
		if (!strncasecmp(s, needle, n))
			return s;
	return NULL;
}

char *pub__code_url_find(const char *text, const char **pos)
{
	static const char *const hosts[] = {"github.com/", "gitlab.com/"};
	const char *p = pos && *pos ? *pos : text;
	while (text && p && *p) {
		const char *best = NULL;
		size_t h, hbest = 0;
		for (h = 0; h < 2; h++) {
			const char *q = p;
			while ((q = find_nocase(q, hosts[h]))) {
				/* www.github.com is fine, xgithub.com or x.github.com not */
				int ok = q == text || !name_char(q[-1]);
				if (q > text && q[-1] == '.')
					ok = q - text >= 4 && !strncasecmp(q - 4, "www.", 4);
				if (ok)
					break;
				q += 11;
			}
			if (q && (!best || q < best)) {
				best = q;
				hbest = h;
			}
		}
		if (!best)
			break;
		p = best + 11;
		{
			pub__github_ref r;
			size_t n = url_extent(p);
			char *u;
			if (hbest == 0) {
				if (scan_repo(&r, p, 1) < 0)
					continue;
				/* the path after the name, if any, as written */
				if (r.end < n && p[r.end] != '/' && p[r.end] != '#')
					n = r.end;
				if (n < r.end)
					n = r.end;
			} else {
				/* GROUP/PROJECT at least: two path segments */
				const char *sl = memchr(p, '/', n);
				if (!sl || sl == p || (size_t)(sl - p) + 1 >= n)
					continue;
			}
			u = pub__sprintf("https://%s%.*s", hosts[hbest], (int)n, p);
			if (pos)
				*pos = p + n;
			return u;
		}
	}
	if (pos)
		*pos = NULL;
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
