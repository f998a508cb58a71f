/*
 * fuzz_ids.c: libFuzzer target for the identifier grammars (lib/ids/).
 * The input, as one string, goes through every entry point.  Whatever is
 * accepted must be canonical: normalising the result again gives it back,
 * the BibTeX-field entry point agrees with the user-input one, a GitHub
 * URL rebuilt from its own owner and name is unchanged.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pub.h"
#include "ids/arxiv.h"
#include "ids/dblp.h"
#include "ids/doi.h"
#include "ids/github.h"
#include "ids/orcid.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_arxiv(const char *s)
{
	char *id = NULL, *again = NULL;
	int v, v2;
	if (pub__arxiv_normalize(&id, &v, s) == 0) {
		if (pub__arxiv_normalize(&again, &v2, id) < 0 || strcmp(again, id) || v2)
			abort();
		free(again);
		if (pub__arxiv_id_parse(&again, &v2, id) < 0 || strcmp(again, id) || v2)
			abort();
		free(again);
		free(id);
	}
	if (pub__arxiv_id_parse(&id, &v, s) == 0) {
		if (pub__arxiv_normalize(&again, &v2, id) < 0 || strcmp(again, id))
			abort();
		free(again);
		free(id);
	}
	pub_error_clear();
}

static void check_doi(const char *s)
{
	char *d = NULL, *again = NULL, *f = pub__doi_from_field(s);
	if (pub__doi_normalize(&d, s) == 0) {
		if (pub__doi_normalize(&again, d) < 0 || strcmp(again, d))
			abort();
		free(again);
		/* a canonical DOI read as a field value is itself (a field
		 * value ends at '}', which a DOI suffix may hold) */
		again = pub__doi_from_field(d);
		if (!strchr(d, '}') && (!again || strcmp(again, d)))
			abort();
		free(again);
		free(d);
	}
	if (f) {
		if (pub__doi_normalize(&again, f) < 0 || strcmp(again, f))
			abort();
		free(again);
		free(f);
	}
	pub_error_clear();
}

static void check_github(const char *s)
{
	char *o = NULL, *n = NULL, *u;
	int root = pub__url_is_repo_root(s);
	if (pub__github_parse_url(&o, &n, s) == 0) {
		if (!(u = pub__github_rename_url(s, o, n)) || strcmp(u, s))
			abort();
		free(u);
		if (!pub__github_same_repo(s, s))
			abort();
		free(o);
		free(n);
	} else if (root) {
		abort(); /* a root whose repository row would never be made */
	}
	pub_error_clear();
	if ((u = pub__github_find(s))) {
		if (!pub__url_is_repo_root(u))
			abort();
		free(u);
	}
}

static void check_orcid(const char *s)
{
	char *id = NULL, *again = NULL;
	if (pub__orcid_normalize(&id, s) == 0) {
		if (strlen(id) != 19 || pub__orcid_normalize(&again, id) < 0 || strcmp(again, id))
			abort();
		free(again);
		free(id);
	}
	pub_error_clear();
}

static void check_dblp(const char *s)
{
	char *id = NULL, *again = NULL;
	pub__dblp_kind k, k2;
	if (pub__dblp_normalize(&id, &k, s) == 0) {
		if (pub__dblp_normalize(&again, &k2, id) < 0 || strcmp(again, id) || k2 != k)
			abort();
		free(again);
		free(id);
	}
	pub_error_clear();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	if (size > 4096)
		return 0;
	if (!(s = malloc(size + 1)))
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	check_arxiv(s);
	check_doi(s);
	check_github(s);
	check_orcid(s);
	check_dblp(s);
	free(s);
	return 0;
}
