/*
 * fields.h: the field names and entry types BibTeX and biblatex know.
 */
#ifndef PUB_BIBTEX_FIELDS_H
#define PUB_BIBTEX_FIELDS_H

#include "pub.h"

/* NULL-terminated, lower case: the standard BibTeX fields (btxdoc), the
 * biblatex manual's fields, special fields and aliases, and the fields
 * arXiv and the usual tools write (eprint, archiveprefix, url, doi ...). */
extern const char *const pub__bib_field_names[];
/* NULL-terminated, lower case: BibTeX's and biblatex's entry types. */
extern const char *const pub__bib_type_names[];

/* 1 when `name` (any case) is in the list, else 0. */
int pub__bib_name_in(const char *const *list, const char *name);

#endif
