/*
 * markdown.h: the Markdown list and the Jekyll files (markdown.c).
 */
#ifndef PUB_EXPORT_MARKDOWN_H
#define PUB_EXPORT_MARKDOWN_H

#include <stdio.h>

#include "pub.h"
#include "export/export.h"

/* Markdown list (GitHub and kramdown safe). */
int pub__export_markdown(FILE *out, const pub__export_set *set);

/* One Markdown file per paper with academicpages front matter, in dir. */
int pub__export_jekyll(const char *dir, const pub__export_set *set);

#endif
