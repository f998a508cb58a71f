/*
 * json.h: the JSON export (json.c); pub_paper_json() is public.
 */
#ifndef PUB_EXPORT_JSON_H
#define PUB_EXPORT_JSON_H

#include <stdio.h>

#include "pub.h"
#include "export/export.h"

/* A JSON array of the set's papers. */
int pub__export_json(FILE *out, const pub__export_set *set);

#endif
