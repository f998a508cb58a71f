/*
 * fuzz_region.c: libFuzzer target for the region scanner of
 * lib/export/region.c.  The first input byte picks the region's name
 * ("a", "b" or "publications"), the rest is the page.  Whatever the bytes:
 * a region found lies inside the page, starts right after its opening
 * marker's line end and ends at the start of a line, the two markers
 * name it, and an error always carries a message.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pub.h"
#include "export/region.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"a", "b", "publications"};
	const char *name, *text;
	pub__region r;
	size_t len;
	int err;
	if (size < 1)
		return 0;
	name = names[data[0] % 3];
	text = (const char *)data + 1;
	len = size - 1;
	err = pub__region_find(&r, text, len, name, "page.md");
	if (err < 0) {
		if (err != PUB_EPARSE && err != PUB_ENOTFOUND)
			abort();
		if (!*pub_error_last())
			abort();
		return 0;
	}
	if (err != 0 || r.start > r.end || r.end > len || r.start == 0)
		abort();
	if (text[r.start - 1] != '\n' || (r.end > 0 && text[r.end - 1] != '\n'))
		abort();
	if (!strstr(r.eol, "\n") || r.open_line == 0 || r.close_line <= r.open_line)
		abort();
	/* the closing marker's line names the region */
	{
		const char *nl = memchr(text + r.end, '\n', len - r.end);
		size_t n = nl ? (size_t)(nl - (text + r.end)) : len - r.end;
		char *line = malloc(n + 1);
		char *want = malloc(strlen(name) + 8);
		memcpy(line, text + r.end, n);
		line[n] = '\0';
		strcpy(want, "pubdb:");
		strcat(want, name);
		if (!memchr(line, '/', n) || !strstr(line, want))
			abort();
		free(line);
		free(want);
	}
	return 0;
}
