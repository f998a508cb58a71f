/*
 * fuzz_openalex.c: libFuzzer target for OpenAlex's work parser
 * (lib/net/openalex.c) and the DOI path built from a stored DOI.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/openalex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pub__openalex_work w;
	if (pub__openalex_parse_work(&w, (const char *)data, size) == 0)
		pub__openalex_work_free(&w);
	if (size < 512) {
		char *z = malloc(size + 1), *p;
		memcpy(z, data, size);
		z[size] = '\0';
		p = pub__openalex_doi_path(z);
		free(p);
		free(z);
	}
	return 0;
}
