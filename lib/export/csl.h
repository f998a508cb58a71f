/*
 * csl.h: CSL-JSON for pandoc --citeproc (csl.c).
 */
#ifndef PUB_EXPORT_CSL_H
#define PUB_EXPORT_CSL_H

#include <stdio.h>

#include "pub.h"
#include "export/export.h"

/* CSL-JSON array. */
int pub__export_csl_json(FILE *out, const pub__export_set *set);

#endif
