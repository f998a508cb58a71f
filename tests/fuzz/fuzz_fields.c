/*
 * fuzz_fields.c: libFuzzer target for the papers.fields_json codec
 * (lib/store/fields.c).  The input is decoded as JSON; whatever decodes must
 * re-encode to text that decodes to the same fields and encodes to the
 * same text again.  The input is also split at NUL bytes into name/value
 * pairs, encoded and decoded: every pair (first of a name) must come back.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bibtex/entry.h"
#include "store/fields.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void add(pub__bib_entry *e, const char *name, const char *value)
{
	e->fields = realloc(e->fields, (e->nfields + 1) * sizeof(*e->fields));
	if (!e->fields)
		abort();
	e->fields[e->nfields].name = strdup(name);
	e->fields[e->nfields].value = strdup(value);
	e->nfields++;
}

/* Decoding encode(f) must give f back, names first-of-kind. */
static void check_trip(const pub__bib_entry *in)
{
	pub__bib_entry out;
	char *json = pub__fields_encode(in->fields, in->nfields), *again;
	size_t i, k = 0;
	memset(&out, 0, sizeof(out));
	if (pub__fields_decode(&out.fields, &out.nfields, json) < 0)
		abort();
	for (i = 0; i < in->nfields; i++) {
		size_t j;
		for (j = 0; j < i && strcmp(in->fields[j].name, in->fields[i].name); j++)
			;
		if (j < i)
			continue;
		if (k >= out.nfields || strcmp(out.fields[k].name, in->fields[i].name) ||
		    strcmp(out.fields[k].value, in->fields[i].value))
			abort();
		k++;
	}
	if (k != out.nfields)
		abort();
	again = pub__fields_encode(out.fields, out.nfields);
	if (strcmp(again, json) != 0)
		abort();
	free(again);
	free(json);
	pub__fields_free(out.fields, out.nfields);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	pub__bib_entry e;
	size_t i = 0;
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	memset(&e, 0, sizeof(e));
	if (pub__fields_decode(&e.fields, &e.nfields, s) == 0)
		check_trip(&e);
	pub__fields_free(e.fields, e.nfields);
	memset(&e, 0, sizeof(e));

	/* NUL-separated name, value, name, value, ... */
	while (i < size) {
		const char *name = s + i, *value;
		i += strlen(name) + 1;
		value = i <= size ? s + i : "";
		if (i <= size)
			i += strlen(value) + 1;
		add(&e, name, value);
	}
	check_trip(&e);
	pub__fields_free(e.fields, e.nfields);
	free(s);
	return 0;
}
