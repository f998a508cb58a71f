/*
 * fuzz_json.c: libFuzzer target for the JSON parsers of the network layer:
 * doi.org CSL-JSON, Crossref's /works envelope and GitHub's repository
 * object, plus the BibTeX conversion and the DOI normaliser.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bibtex/entry.h"
#include "ids/doi.h"
#include "net/doi.h"
#include "net/github.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	pub__csl c;
	pub__github_repo r;
	if (pub__csl_parse(&c, s, size) == 0) {
		pub__bib_entry_free(pub__csl_to_bib(&c));
		pub__csl_free(&c);
	}
	if (pub__crossref_parse(&c, s, size) == 0) {
		pub__bib_entry_free(pub__csl_to_bib(&c));
		pub__csl_free(&c);
	}
	if (pub__github_parse_repo(&r, s, size) == 0)
		pub__github_repo_free(&r);
	if (size < 256) {
		char *z = malloc(size + 1), *doi = NULL, *ax = NULL;
		memcpy(z, data, size);
		z[size] = '\0';
		if (pub__doi_normalize(&doi, z) == 0) {
			if (pub__doi_arxiv_id(&ax, doi))
				free(ax);
			free(doi);
		}
		free(z);
	}
	return 0;
}
