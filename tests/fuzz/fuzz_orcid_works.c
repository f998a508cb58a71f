/*
 * fuzz_orcid_works.c: libFuzzer target for pub__orcid_works_parse (lib/net/profile.h),
 * then the merging of the works and their records and JSON.
 */
#include <stdint.h>
#include <stdlib.h>

#include "net/profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pub__work_list l = {0};
	size_t i;
	if (pub__orcid_works_parse(&l, (const char *)data, size, "fuzz") == 0) {
		pub__works_merge(&l);
		for (i = 0; i < l.n; i++) {
			pub__record r;
			char *json = pub__work_to_json(&l.items[i]), *badge;
			pub__work back;
			if (pub__work_from_json(&back, json) == 0)
				pub__work_clear(&back);
			free(json);
			badge = pub__work_badge(&l.items[i]);
			free(badge);
			pub__work_to_record(&r, &l.items[i], "fuzz");
			pub__record_clear(&r);
		}
	}
	pub__work_list_free(&l);
	return 0;
}
