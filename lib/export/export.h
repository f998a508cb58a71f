/*
 * export.h: what pub_export() (export.c) hands to the writer of each
 * format (bibtex.h, json.h, csl.h, html.h, markdown.h).
 */
#ifndef PUB_EXPORT_H
#define PUB_EXPORT_H

#include <stdio.h>

#include "pub.h"

/* What every writer gets: papers in export order (year desc, rank, added),
 * already filtered; the repositories (all of them, for star counts of code
 * links, or the standalone ones when opts->repos); the owner's name from
 * `config owner` (NULL when unset).  Nothing here is owned by the writer. */
typedef struct pub__export_set {
	const pub_paper *const *papers;
	size_t npapers;
	const pub_repo *const *repos;
	size_t nrepos;
	const char *owner;
	/* The owner's spellings ("Name; Alias; ..."; owner.aliases): JSON's
	 * "me".  NULL: `owner` alone. */
	const char *me;
	/* Whom HTML and Markdown underline: the owner's spellings and each
	 * person of opts->highlight, as one ';'-separated list.  NULL: `owner`
	 * alone. */
	const char *underline;
	const pub_export_opts *opts;
} pub__export_set;

#endif
