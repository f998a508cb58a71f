/*
 * github.h: GitHub repository URLs (github.c).
 */
#ifndef PUB_IDS_GITHUB_H
#define PUB_IDS_GITHUB_H

#include "pub.h"

#include <stddef.h>

/* Where a repository URL names its repository: byte offsets into the URL
 * of the owner and of the name (".git" not included), and where the
 * repository part ends (".git" included). */
typedef struct pub__github_ref {
	size_t owner, owner_len;
	size_t name, name_len;
	size_t end;
} pub__github_ref;

/* Scans [http[s]://][www.]github.com/OWNER/NAME[.git] followed by the end,
 * '/', '?' or '#'.  0, or -1 (no message) when it is not a GitHub
 * repository URL. */
int pub__github_scan(pub__github_ref *r, const char *url);

/* Parses a GitHub repository URL (tree/.git/www/trailing slash allowed)
 * into owner and name (malloc'd).  PUB_EINVAL when it is not one. */
int pub__github_parse_url(char **owner, char **name, const char *url);

/* 1 when an http(s) code link points at a repository's root
 * (https://github.com/OWNER/NAME, optionally with www., / or .git), whose
 * star count therefore belongs to the paper; a deep link
 * (.../tree/main/x) is 0. */
int pub__url_is_repo_root(const char *url);

/* 1 when two repository URLs name the same repository (scheme, www., case,
 * ".git" and what follows the name aside). */
int pub__github_same_repo(const char *a, const char *b);

/* The first github.com/OWNER/NAME in free text (an abstract, a comment),
 * as https://github.com/OWNER/NAME (malloc'd), or NULL. */
char *pub__github_find(const char *text);

/* The first code URL in free text (an abstract, an arXiv comment) from
 * *pos on: a GitHub repository (github.com/OWNER/NAME) or a GitLab project
 * (gitlab.com/GROUP/PROJECT), with whatever path follows it as written
 * (".../tree/main/x"), sentence punctuation after it left out, as an
 * https:// URL (malloc'd); *pos is moved past it.  NULL when none is left. */
char *pub__code_url_find(const char *text, const char **pos);

/* `url` with its owner and name replaced and the rest kept (malloc'd), or
 * NULL when it is not a GitHub repository URL. */
char *pub__github_rename_url(const char *url, const char *owner, const char *name);

#endif
