/*
 * fuzz_s2.c: libFuzzer target for Semantic Scholar's batch answer parser
 * (lib/net/s2.c), with 1 to 4 slots expected.
 */
#include <stdint.h>
#include <stdlib.h>

#include "net/s2.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pub__s2_paper p[4];
	size_t n;
	for (n = 1; n <= 4; n++)
		if (pub__s2_parse_batch(p, n, (const char *)data, size) == 0)
			pub__s2_papers_free(p, n);
	return 0;
}
