/*
 * bibtex.h: the BibTeX and biblatex exports (bibtex.c).
 */
#ifndef PUB_EXPORT_BIBTEX_H
#define PUB_EXPORT_BIBTEX_H

#include <stdio.h>

#include "pub.h"
#include "export/export.h"

/* BibTeX: @preamble and every matching paper's stored fields, in
 * insertion order (opts->ascii: LaTeX escapes instead of UTF-8). */
int pub__export_bibtex(FILE *out, pub_db *db, const pub_export_opts *opts);

/* biblatex: the same fields, with arXiv papers as eprint/eprinttype/
 * eprintclass and journal as journaltitle, and author+an marking the
 * owner (highlight) and equal contributors (equal). */
int pub__export_biblatex(FILE *out, const pub__export_set *set);

/* The author+an value for `p` ("1=highlight,equal;2=equal"), malloc'd,
 * or NULL when no author is the owner or an equal contributor. */
char *pub__biblatex_author_an(const pub_paper *p, const char *owner);

#endif
