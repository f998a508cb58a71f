/*
 * fuzz_names.c: libFuzzer target for BibTeX name-list parsing.  Every
 * parsed name must have at least one part or be "others", and its parts
 * must be non-empty substrings-with-separators of the input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/names.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	pub__name *names = NULL;
	size_t n = 0, k;

	memcpy(s, data, size);
	s[size] = '\0';
	pub__names_parse(&names, &n, s);
	for (k = 0; k < n; k++) {
		const pub__name *p = &names[k];
		if (!p->others && !p->first && !p->von && !p->last && !p->jr)
			abort();
		if ((p->first && !*p->first) || (p->von && !*p->von) ||
		    (p->last && !*p->last) || (p->jr && !*p->jr))
			abort();
	}
	if (n > size)
		abort();
	pub__names_free(names, n);
	free(s);
	return 0;
}
