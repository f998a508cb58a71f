/*
 * fuzz_hf.c: libFuzzer target for Hugging Face's paper parser
 * (lib/net/hf.c), the path built from a stored arXiv id, and the code URLs
 * found in free text (lib/ids/github.c, the links step's reading of arXiv
 * abstracts and comments).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ids/github.h"
#include "net/hf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pub__hf_paper p;
	char *z = malloc(size + 1), *u;
	const char *pos = NULL;
	if (pub__hf_parse_paper(&p, (const char *)data, size) == 0)
		pub__hf_paper_free(&p);
	memcpy(z, data, size);
	z[size] = '\0';
	while ((u = pub__code_url_find(z, &pos)))
		free(u);
	if (size < 512)
		free(pub__hf_paper_path(z));
	free(z);
	return 0;
}
