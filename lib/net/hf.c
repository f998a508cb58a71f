/*
 * hf.c: Hugging Face paper pages (GET /api/papers/{arxiv-id}), run side
 * by side with pub__http_batch, and the parser of a paper object (jansson
 * on a memory buffer).  Only id, githubRepo and projectPage are read; the
 * object has many more keys (authors, summary, upvotes, linked models...),
 * and those that are unset are absent, not null.
 */
#include "net/hf.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void pub__hf_paper_free(pub__hf_paper *p)
{
	if (!p)
		return;
	free(p->id);
	free(p->github_repo);
	free(p->project_page);
	memset(p, 0, sizeof(*p));
}

/* An optional URL member: absent or null is NULL (0); a string that is an
 * http(s) URL without spaces is kept; another string is dropped (0); any
 * other type is -1. */
static int url_member(char **out, json_t *root, const char *key)
{
	json_t *v = json_object_get(root, key);
	const char *s;
	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return -1;
	s = json_string_value(v);
	if ((strncasecmp(s, "https://", 8) && strncasecmp(s, "http://", 7)) ||
	    strpbrk(s, " \t\r\n\"<>") || strlen(s) > 2000)
		return 0;
	*out = pub__strdup(s);
	return 0;
}

int pub__hf_parse_paper(pub__hf_paper *out, const char *body, size_t n)
{
	json_error_t je;
	json_t *root, *id;
	memset(out, 0, sizeof(*out));
	if (!body || !n)
		return pub__error(PUB_EPARSE, "Hugging Face: empty response");
	if (!(root = json_loadb(body, n, JSON_REJECT_DUPLICATES, &je)))
		return pub__error(PUB_EPARSE, "Hugging Face: invalid JSON at line %d, column %d: %s",
			je.line, je.column, je.text);
	id = json_object_get(root, "id");
	if (!json_is_object(root) || !json_is_string(id) || !*json_string_value(id)) {
		json_decref(root);
		return pub__error(PUB_EPARSE, "Hugging Face: response is not a paper (no id)");
	}
	out->id = pub__strdup(json_string_value(id));
	if (url_member(&out->github_repo, root, "githubRepo") < 0 ||
	    url_member(&out->project_page, root, "projectPage") < 0) {
		json_decref(root);
		pub__hf_paper_free(out);
		return pub__error(PUB_EPARSE,
			"Hugging Face: githubRepo or projectPage is not a string");
	}
	json_decref(root);
	return 0;
}

char *pub__hf_paper_path(const char *arxiv_id)
{
	pub__buf b = PUB__BUF_INIT;
	const unsigned char *p = (const unsigned char *)arxiv_id;
	size_t n = strlen(arxiv_id), i;
	/* "2408.12588v3" -> "2408.12588" */
	i = n;
	while (i && isdigit(p[i - 1]))
		i--;
	if (i && i < n && p[i - 1] == 'v' && i > 1 && isdigit(p[i - 2]))
		n = i - 1;
	pub__buf_puts(&b, "/api/papers/");
	for (i = 0; i < n; i++) {
		if (isalnum(p[i]) || strchr("-._~", p[i]))
			pub__buf_putc(&b, (char)p[i]);
		else if (p[i] == '/')
			pub__buf_puts(&b, "/"); /* old-style ids: hep-th/9901001 */
		else
			pub__buf_printf(&b, "%%%02X", p[i]);
	}
	return pub__buf_detach(&b);
}

void pub__hf_item_clear(pub__hf_item *it)
{
	free(it->error);
	it->error = NULL;
	pub__hf_paper_free(&it->paper);
	it->result = PUB__HF_OK;
}

int pub__hf_fetch(pub__http *h, pub__hf_item *items, size_t n, unsigned jobs)
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
		paths[i] = pub__hf_paper_path(items[i].arxiv);
	err = pub__http_get_json_batch(res, rcs, h, PUB__SVC_HF, paths, n, jobs);
	for (i = 0; i < n; i++) {
		pub__hf_item *it = &items[i];
		if (rcs[i] < 0) {
			it->result = PUB__HF_FAILED;
			it->error = pub__strdup(res[i].error ? res[i].error : "failed");
			if (res[i].status == 429)
				limited = 1;
		} else if (res[i].status == 404) {
			it->result = PUB__HF_NOTFOUND;
			it->error = pub__sprintf("Hugging Face: %s: not indexed", paths[i]);
		} else if (res[i].status != 200) {
			it->result = PUB__HF_FAILED;
			it->error = pub__sprintf("Hugging Face: %s: HTTP %ld", paths[i], res[i].status);
		} else if (pub__hf_parse_paper(&it->paper, res[i].body.ptr, res[i].body.len) < 0) {
			it->result = PUB__HF_FAILED;
			it->error = pub__sprintf("%s (%s)", pub_error_last(), paths[i]);
		} else {
			it->result = PUB__HF_OK;
		}
		pub__http_response_free(&res[i]);
		free(paths[i]);
	}
	err = pub__http_batch_result(PUB__SVC_HF, err, limited, items[0].error);
	free(res);
	free(paths);
	free(rcs);
	return err;
}
