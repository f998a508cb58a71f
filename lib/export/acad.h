/*
 * acad.h: the acad-homepage style (acad.c).
 */
#ifndef PUB_EXPORT_ACAD_H
#define PUB_EXPORT_ACAD_H

#include <stdio.h>

#include "export/export.h"

/* Writes the publication list (or, with opts->repos, the project list)
 * in the markup of an acad-homepage page (Markdown with inline HTML, as
 * kramdown reads it). */
int pub__export_acad(FILE *out, const pub__export_set *set);

#endif
