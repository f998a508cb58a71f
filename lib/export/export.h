/*
 * export.h: the exporters behind pub_export().  export.c (the dispatcher,
 * BibTeX/biblatex/JSON) loads the papers and repositories, then hands them
 * to the format writers below.  Private to libpub.
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
	const pub_export_opts *opts;
} pub__export_set;

/* HTML fragment or standalone page, following DESIGN.md's HTML contract. */
int pub__export_html(FILE *out, const pub__export_set *set);
/* Markdown list (GitHub and kramdown safe). */
int pub__export_markdown(FILE *out, const pub__export_set *set);
/* One Markdown file per paper with academicpages front matter, in dir. */
int pub__export_jekyll(const char *dir, const pub__export_set *set);
/* CSL-JSON array. */
int pub__export_csl_json(FILE *out, const pub__export_set *set);

#endif
