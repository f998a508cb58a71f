/*
 * entry.c: a BibTeX entry as the reader returns it.
 */
#include "bibtex/entry.h"

#include "pub.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

void pub__fields_free(pub_field *f, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		free(f[i].name);
		free(f[i].value);
	}
	free(f);
}

void pub__bib_entry_free(pub__bib_entry *e)
{
	if (!e)
		return;
	pub__fields_free(e->fields, e->nfields);
	free(e->type);
	free(e->key);
	free(e);
}

const char *pub__bib_entry_get(const pub__bib_entry *e, const char *name)
{
	size_t i;
	for (i = 0; e && i < e->nfields; i++)
		if (strcmp(e->fields[i].name, name) == 0)
			return e->fields[i].value;
	return NULL;
}

void pub__bib_entry_add(pub__bib_entry *e, const char *name, const char *value)
{
	if (!value || !*value)
		return;
	e->fields = pub__realloc(e->fields, (e->nfields + 1) * sizeof(*e->fields));
	e->fields[e->nfields].name = pub__strdup(name);
	e->fields[e->nfields].value = pub__strdup(value);
	e->nfields++;
}
