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

/* The type and fields the plain BibTeX export writes for `p` (a venue
 * badge making a preprint's entry the published one, see bibtex.c).
 * `*out` (malloc'd, n fields) points into p's strings and into `*own`, a
 * malloc'd array of nown malloc'd strings: the caller frees out, each own
 * string and own, after p's last use.  The type is p's or a literal. */
const char *pub__bib_published(pub_field **out, size_t *n, char ***own, size_t *nown,
	const pub_paper *p);

/* The author+an value for `p` ("1=highlight,equal;2=equal"), malloc'd,
 * or NULL when no author is the owner or an equal contributor. */
char *pub__biblatex_author_an(const pub_paper *p, const char *owner);

/* al-folio (alfolio.c): the BibTeX its jekyll-scholar templates read. */
int pub__export_alfolio(FILE *out, const pub__export_set *set);
/* `value` (an author field) with "*" after each equal contributor's
 * family name, as al-folio marks them; malloc'd. */
char *pub__alfolio_authors(const char *value, const pub_paper *p);

#endif
