/*
 * openalex.c: OpenAlex's work lookups by DOI (GET /works/doi:{doi}), run
 * side by side with pub__http_batch, and the parser of a work object
 * (jansson on a memory buffer).  Only id, doi and cited_by_count are
 * asked for (select=); counts_by_year gives citations received per year,
 * not a running total on a date, so it does not feed the daily history
 * and is not fetched.
 */
#include "net/openalex.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

void pub__openalex_work_free(pub__openalex_work *w)
{
	if (!w)
		return;
	free(w->id);
	free(w->doi);
	memset(w, 0, sizeof(*w));
}

int pub__openalex_parse_work(pub__openalex_work *out, const char *body, size_t n)
{
	json_error_t je;
	json_t *root, *id, *doi, *cited;
	memset(out, 0, sizeof(*out));
	if (!body || !n)
		return pub__error(PUB_EPARSE, "OpenAlex: empty response");
	if (!(root = json_loadb(body, n, JSON_REJECT_DUPLICATES, &je)))
		return pub__error(PUB_EPARSE, "OpenAlex: invalid JSON at line %d, column %d: %s",
			je.line, je.column, je.text);
	id = json_object_get(root, "id");
	doi = json_object_get(root, "doi");
	cited = json_object_get(root, "cited_by_count");
	if (!json_is_object(root) || !json_is_string(id)) {
		json_decref(root);
		return pub__error(PUB_EPARSE, "OpenAlex: response is not a work (no id)");
	}
	if (!json_is_integer(cited) || json_integer_value(cited) < 0) {
		json_decref(root);
		return pub__error(PUB_EPARSE, "OpenAlex: work has no cited_by_count");
	}
	out->id = pub__strdup(json_string_value(id));
	out->doi = json_is_string(doi) ? pub__strdup(json_string_value(doi)) : NULL;
	out->cited_by = (int64_t)json_integer_value(cited);
	json_decref(root);
	return 0;
}

char *pub__openalex_doi_path(const char *doi)
{
	pub__buf b = PUB__BUF_INIT;
	const unsigned char *p;
	pub__buf_puts(&b, "/works/doi:");
	for (p = (const unsigned char *)doi; *p; p++) {
		if (isalnum(*p) || strchr("/-._~:()", *p))
			pub__buf_putc(&b, (char)*p);
		else
			pub__buf_printf(&b, "%%%02X", *p);
	}
	pub__buf_puts(&b, "?select=id,doi,cited_by_count");
	return pub__buf_detach(&b);
}

void pub__openalex_item_clear(pub__openalex_item *it)
{
	free(it->error);
	it->error = NULL;
	it->result = PUB__OA_OK;
	it->cited_by = 0;
}

/* The path without its query, for messages. */
static char *short_path(const char *path)
{
	const char *q = strchr(path, '?');
	return q ? pub__strndup(path, (size_t)(q - path)) : pub__strdup(path);
}

int pub__openalex_fetch(pub__http *h, pub__openalex_item *items, size_t n,
	unsigned jobs)
{
	pub__http_response *res;
	char **paths;
	int *rcs, err = 0, limited = 0;
	size_t i;
	if (!n)
		return 0;
	res = pub__calloc(n, sizeof(*res));
	paths = pub__calloc(n, sizeof(*paths));
	rcs = pub__calloc(n, sizeof(*rcs));
	for (i = 0; i < n; i++)
		paths[i] = pub__openalex_doi_path(items[i].doi);
	err = pub__http_get_json_batch(res, rcs, h, PUB__SVC_OPENALEX, paths, n, jobs);
	for (i = 0; i < n; i++) {
		pub__openalex_item *it = &items[i];
		char *where = short_path(paths[i]);
		pub__openalex_work w;
		if (rcs[i] < 0) {
			it->result = PUB__OA_FAILED;
			it->error = pub__strdup(res[i].error ? res[i].error : "failed");
			if (res[i].status == 429)
				limited = 1;
		} else if (res[i].status == 404) {
			it->result = PUB__OA_NOTFOUND;
			it->error = pub__sprintf("OpenAlex: %s: not found", where);
		} else if (res[i].status != 200) {
			it->result = PUB__OA_FAILED;
			it->error = pub__sprintf("OpenAlex: %s: HTTP %ld", where, res[i].status);
		} else if (pub__openalex_parse_work(&w, res[i].body.ptr, res[i].body.len) < 0) {
			it->result = PUB__OA_FAILED;
			it->error = pub__sprintf("%s (%s)", pub_error_last(), where);
		} else {
			it->result = PUB__OA_OK;
			it->cited_by = w.cited_by;
			pub__openalex_work_free(&w);
		}
		free(where);
		pub__http_response_free(&res[i]);
		free(paths[i]);
	}
	err = pub__http_batch_result(PUB__SVC_OPENALEX, err, limited, items[0].error);
	free(res);
	free(paths);
	free(rcs);
	return err;
}
