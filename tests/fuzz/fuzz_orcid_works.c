/*
 * fuzz_orcid_works.c: libFuzzer target for pub__orcid_works_parse (lib/net/profile.h),
 * then the merging of the works and their records and JSON; and for
 * pub__orcid_bulk_parse on the same input (a bulk answer's contributors
 * and BibTeX citations) into works whose put-codes the seeds use.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void use_work(const pub__work *w)
{
	pub__record r;
	char *json = pub__work_to_json(w), *badge;
	pub__work back;
	if (pub__work_from_json(&back, json) == 0)
		pub__work_clear(&back);
	free(json);
	badge = pub__work_badge(w);
	free(badge);
	pub__work_to_record(&r, w, "fuzz");
	pub__record_clear(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const long long codes[4] = {77226586, 77226587, 101, 77226586};
	pub__work_list l = {0};
	pub__work works[4];
	size_t i;
	if (pub__orcid_works_parse(&l, (const char *)data, size, "fuzz") == 0) {
		pub__works_merge(&l);
		for (i = 0; i < l.n; i++)
			use_work(&l.items[i]);
	}
	pub__work_list_free(&l);
	memset(works, 0, sizeof(works));
	if (pub__orcid_bulk_parse(works, codes, 4, (const char *)data, size, "fuzz") == 0)
		for (i = 0; i < 4; i++)
			use_work(&works[i]);
	for (i = 0; i < 4; i++)
		pub__work_clear(&works[i]);
	return 0;
}
