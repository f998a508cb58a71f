/*
 * authors.h: the one author line of every publication list (HTML,
 * Markdown, acad-homepage, the Jekyll citation): the markup is a
 * parameter, the rule of whom to mark is not.
 */
#ifndef PUB_EXPORT_AUTHORS_H
#define PUB_EXPORT_AUTHORS_H

#include "pub.h"
#include "util/buf.h"
#include "export/export.h"
#include "export/render.h"

/* How one style writes the line.  NULL strings write nothing. */
typedef struct pub__author_markup {
	const char *open;     /* before the first name */
	const char *close;    /* after the last name */
	const char *sep;      /* between two names */
	const char *me_open;  /* around a marked name */
	const char *me_close;
	const char *equal;    /* after an equal contributor's name */
	pub__render_mode mode; /* how the names are rendered */
} pub__author_markup;

/* The ';'-separated spellings a list marks: the owner's (owner and
 * owner.aliases) and each --highlight person; NULL when none. */
const char *pub__set_marked(const pub__export_set *set);

/* Appends the authors of `p` in `m`'s markup, each name matching one of
 * `marked` (';'-separated spellings; NULL marks none) between me_open and
 * me_close.  Nothing at all when the paper has no authors. */
void pub__authors_line(pub__buf *b, const pub_paper *p, const char *marked,
	const pub__author_markup *m);

#endif
