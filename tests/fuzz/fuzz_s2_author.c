/*
 * fuzz_s2_author.c: libFuzzer target for pub__s2_author_papers_parse
 * (lib/net/profile.h), then the merging of the works and their records.
 */
#include <stdint.h>
#include <stdlib.h>

#include "net/profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pub__work_list l = {0};
	long next;
	size_t i;
	if (pub__s2_author_papers_parse(&l, &next, (const char *)data, size, "fuzz") == 0) {
		pub__works_merge(&l);
		for (i = 0; i < l.n; i++) {
			pub__record r;
			pub__work_to_record(&r, &l.items[i], "fuzz");
			pub__record_clear(&r);
		}
	}
	pub__work_list_free(&l);
	return 0;
}
