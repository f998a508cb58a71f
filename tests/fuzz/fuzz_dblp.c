/*
 * fuzz_dblp.c: libFuzzer target for DBLP's search JSON parser, its record
 * BibTeX reader, the entity decoder and the venue-name rules
 * (lib/net/dblp.c).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/dblp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pub__dblp_hit *hits;
	pub__dblp_rec r;
	size_t n, i;
	if (pub__dblp_parse_search(&hits, &n, (const char *)data, size) == 0) {
		for (i = 0; i < n; i++) {
			char *v = pub__dblp_short_venue(hits[i].key, hits[i].venue, NULL, NULL);
			free(v);
			(void)pub__dblp_is_preprint(hits[i].key, hits[i].venue, hits[i].type);
			(void)pub__dblp_is_workshop(hits[i].key, hits[i].venue, NULL);
		}
		pub__dblp_hits_free(hits, n);
	}
	if (pub__dblp_parse_rec(&r, (const char *)data, size) == 0) {
		char *v = pub__dblp_short_venue(r.key, NULL, r.booktitle, r.journal);
		free(v);
		(void)pub__dblp_is_workshop(r.key, NULL, r.booktitle);
		pub__dblp_rec_free(&r);
	}
	if (size < 4096) {
		char *z = malloc(size + 1), *d;
		memcpy(z, data, size);
		z[size] = '\0';
		d = pub__dblp_entities(z);
		free(d);
		free(z);
	}
	return 0;
}
