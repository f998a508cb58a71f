/*
 * fuzz_openreview.c: libFuzzer target for OpenReview's notes parser and
 * what is read from a note (lib/net/openreview.c).
 */
#include <stdint.h>
#include <stdlib.h>

#include "net/openreview.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pub__or_note *ns;
	size_t n, i;
	char day[11];
	if (pub__or_parse_notes(&ns, &n, "/notes", (const char *)data, size) < 0)
		return 0;
	for (i = 0; i < n; i++) {
		free(pub__or_note_badge(&ns[i]));
		(void)pub__or_note_tier(&ns[i]);
		(void)pub__or_note_day(day, &ns[i]);
	}
	pub__or_notes_free(ns, n);
	return 0;
}
