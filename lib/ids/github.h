/*
 * github.h: GitHub repository URLs (github.c).
 */
#ifndef PUB_IDS_GITHUB_H
#define PUB_IDS_GITHUB_H

#include "pub.h"

/* Parses a GitHub repository URL (tree/.git/www/trailing slash allowed)
 * into owner and name (malloc'd).  PUB_EINVAL when it is not one. */
int pub__github_parse_url(const char *url, char **owner, char **name);

/* 1 when a code link points at a repository's root
 * (https://github.com/OWNER/NAME, optionally with / or .git), whose star
 * count therefore belongs to the paper; a deep link (.../tree/main/x) is 0. */
int pub__url_is_repo_root(const char *url);

#endif
