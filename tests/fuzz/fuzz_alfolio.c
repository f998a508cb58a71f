/*
 * fuzz_alfolio.c: libFuzzer target for al-folio's author marks
 * (export/alfolio.c).  Whatever the author field, marking every author
 * equal adds only "*" characters: removing them gives the input back, and
 * there are never more marks than names.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export/bibtex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pub_author au[64];
	pub_paper p;
	char *s, *out;
	size_t i, j, stars_in = 0, stars_out = 0;
	if (memchr(data, 0, size))
		return 0;
	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	memset(au, 0, sizeof(au));
	for (i = 0; i < 64; i++)
		au[i].equal = 1;
	memset(&p, 0, sizeof(p));
	p.authors = au;
	p.nauthors = 64;
	out = pub__alfolio_authors(s, &p);
	for (i = 0; s[i]; i++)
		stars_in += s[i] == '*';
	for (i = j = 0; out[i]; i++) {
		if (out[i] == '*' && s[j] != '*') {
			stars_out++;
			continue;
		}
		if (out[i] != s[j])
			abort();
		j++;
	}
	if (s[j] || stars_out > 64)
		abort();
	(void)stars_in;
	free(out);
	free(s);
	return 0;
}
