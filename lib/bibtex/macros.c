/*
 * macros.c: the @string table of a BibTeX file: open addressing, FNV-1a.
 */
#include "bibtex/macros.h"

#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

static size_t hash(const char *s)
{
	size_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static pub__bib_macro *macro_slot(pub__bib_macro *tab, size_t cap, const char *name)
{
	size_t i = hash(name) & (cap - 1);
	while (tab[i].name && strcmp(tab[i].name, name) != 0)
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

void pub__bib_macros_set(pub__bib_macros *r, const char *name, const char *value)
{
	pub__bib_macro *m;
	if (2 * (r->n + 1) > r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 64, i;
		pub__bib_macro *tab = pub__calloc(cap, sizeof(*tab));
		for (i = 0; i < r->cap; i++)
			if (r->tab[i].name)
				*macro_slot(tab, cap, r->tab[i].name) = r->tab[i];
		free(r->tab);
		r->tab = tab;
		r->cap = cap;
	}
	m = macro_slot(r->tab, r->cap, name);
	if (m->name) {
		free(m->value);
	} else {
		m->name = pub__strdup(name);
		r->n++;
	}
	m->value = pub__strdup(value);
}

const char *pub__bib_macros_get(const pub__bib_macros *r, const char *name)
{
	pub__bib_macro *m = macro_slot(r->tab, r->cap, name);
	return m->name ? m->value : NULL;
}

void pub__bib_macros_free(pub__bib_macros *r)
{
	size_t i;
	for (i = 0; i < r->cap; i++) {
		free(r->tab[i].name);
		free(r->tab[i].value);
	}
	free(r->tab);
	r->tab = NULL;
	r->n = r->cap = 0;
}
