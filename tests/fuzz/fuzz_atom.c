/*
 * fuzz_atom.c: libFuzzer target for the arXiv Atom parser (and the BibTeX
 * conversion of what it returns), fed from memory with no network.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bibtex/entry.h"
#include "ids/arxiv.h"
#include "net/arxiv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pub__arxiv_feed f;
	size_t i;
	long status = size && data[0] == '4' ? 400 : 200;
	if (pub__arxiv_parse_feed(&f, (const char *)data, size, status) == 0) {
		for (i = 0; i < f.nentries; i++)
			pub__bib_entry_free(pub__arxiv_to_bib(&f.entries[i]));
		pub__arxiv_feed_free(&f);
	}
	/* the id normaliser sees outside input too */
	if (size < 256) {
		char *s = malloc(size + 1), *id = NULL;
		int v;
		memcpy(s, data, size);
		s[size] = '\0';
		if (pub__arxiv_normalize(&id, &v, s) == 0)
			free(id);
		free(s);
	}
	return 0;
}
