/*
 * html.h: the HTML publication list (html.c).
 */
#ifndef PUB_EXPORT_HTML_H
#define PUB_EXPORT_HTML_H

#include <stdio.h>

#include "pub.h"
#include "export/export.h"

/* HTML fragment or standalone page, with the CSS hooks docs/architecture.md lists. */
int pub__export_html(FILE *out, const pub__export_set *set);

#endif
