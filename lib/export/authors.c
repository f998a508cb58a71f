/*
 * authors.c: the author line every publication list writes (authors.h):
 * one loop, one rule of whom to mark; each style passes its markup.
 */
#include "export/authors.h"

#include <stdlib.h>

#include "pub.h"
#include "util/buf.h"
#include "text/person.h"
#include "export/list.h"

const char *pub__set_marked(const pub__export_set *set)
{
	const char *m = set->underline ? set->underline : set->owner;
	return m && *m ? m : NULL;
}

static void put(pub__buf *b, const char *s)
{
	if (s)
		pub__buf_puts(b, s);
}

void pub__authors_line(pub__buf *b, const pub_paper *p, const char *marked,
	const pub__author_markup *m)
{
	size_t i;
	if (p->nauthors == 0)
		return;
	put(b, m->open);
	for (i = 0; i < p->nauthors; i++) {
		const pub_author *a = &p->authors[i];
		char *name = pub__author_display(a);
		int me = marked && pub__author_is_owner(a, marked);
		if (i > 0)
			put(b, m->sep);
		if (me)
			put(b, m->me_open);
		pub__render_latex(b, name, m->mode);
		if (me)
			put(b, m->me_close);
		if (a->equal)
			put(b, m->equal);
		free(name);
	}
	put(b, m->close);
}
