/*
 * s2.c: Semantic Scholar's paper batch endpoint (see s2.h).  The shapes
 * are those of the recorded answers in fixtures/semanticscholar/: a JSON
 * array with null for an unknown id; errors as {"error": ...} (400, 404)
 * or {"message": ..., "code": "429"} (429, no Retry-After).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "net/s2.h"
#include "net/source.h"

#define S2_NAME "Semantic Scholar"
#define S2_PATH "/graph/v1/paper/batch"

void pub__s2_paper_free(pub__s2_paper *p)
{
	size_t i;
	if (!p)
		return;
	free(p->paper_id);
	free(p->title);
	free(p->venue);
	free(p->pv_name);
	free(p->pv_type);
	free(p->pv_id);
	free(p->pv_short);
	free(p->doi);
	free(p->arxiv);
	free(p->dblp);
	for (i = 0; i < p->nauthors; i++)
		free(p->authors[i]);
	free(p->authors);
	memset(p, 0, sizeof(*p));
	p->citation_count = -1;
}

void pub__s2_papers_free(pub__s2_paper *p, size_t n)
{
	size_t i;
	for (i = 0; p && i < n; i++)
		pub__s2_paper_free(&p[i]);
}

char *pub__s2_id(const char *arxiv, const char *doi)
{
	if (arxiv && *arxiv)
		return pub__sprintf("ARXIV:%s", arxiv);
	if (doi && *doi)
		return pub__sprintf("DOI:%s", doi);
	return NULL;
}

static char *str_of(json_t *v)
{
	return json_is_string(v) ? pub__strndup(json_string_value(v),
		json_string_length(v)) : NULL;
}

static void parse_paper(pub__s2_paper *p, json_t *o)
{
	json_t *v, *ext, *pv, *authors;
	size_t i;
	p->found = 1;
	p->paper_id = str_of(json_object_get(o, "paperId"));
	p->title = str_of(json_object_get(o, "title"));
	v = json_object_get(o, "year");
	if (json_is_integer(v) && json_integer_value(v) > 0 && json_integer_value(v) < 10000)
		p->year = (int)json_integer_value(v);
	p->venue = str_of(json_object_get(o, "venue"));
	if (json_is_object(pv = json_object_get(o, "publicationVenue"))) {
		p->pv_name = str_of(json_object_get(pv, "name"));
		p->pv_type = str_of(json_object_get(pv, "type"));
		p->pv_id = str_of(json_object_get(pv, "id"));
		json_array_foreach(json_object_get(pv, "alternate_names"), i, v) {
			const char *a = json_string_value(v);
			size_t n = a ? strlen(a) : 0;
			if (n >= 2 && n <= 16 && !strchr(a, ' ') && a[0] >= 'A' && a[0] <= 'Z') {
				p->pv_short = pub__strdup(a);
				break;
			}
		}
	}
	if (json_is_object(ext = json_object_get(o, "externalIds"))) {
		p->doi = str_of(json_object_get(ext, "DOI"));
		p->arxiv = str_of(json_object_get(ext, "ArXiv"));
		p->dblp = str_of(json_object_get(ext, "DBLP"));
	}
	v = json_object_get(o, "citationCount");
	if (json_is_integer(v) && json_integer_value(v) >= 0)
		p->citation_count = (long)json_integer_value(v);
	if (json_is_array(authors = json_object_get(o, "authors")) &&
	    json_array_size(authors) > 0) {
		p->authors = pub__calloc(json_array_size(authors), sizeof(*p->authors));
		json_array_foreach(authors, i, v) {
			char *name = str_of(json_object_get(v, "name"));
			if (name)
				p->authors[p->nauthors++] = name;
		}
	}
}

int pub__s2_parse_batch(pub__s2_paper *out, size_t n, const char *body, size_t len)
{
	json_error_t je;
	json_t *root, *slot;
	size_t i;
	for (i = 0; i < n; i++) {
		memset(&out[i], 0, sizeof(out[i]));
		out[i].citation_count = -1;
	}
	if (!body || !len)
		return pub__error(PUB_EPARSE, S2_NAME ": " S2_PATH ": empty response");
	while (len && (*body == ' ' || *body == '\n' || *body == '\r' || *body == '\t'))
		body++, len--;
	if (len && *body == '<')
		return pub__error(PUB_EPARSE, S2_NAME ": " S2_PATH
			": an HTML page instead of JSON");
	if (!(root = json_loadb(body, len, 0, &je)))
		return pub__error(PUB_EPARSE, S2_NAME ": " S2_PATH
			": invalid JSON at line %d, column %d: %s", je.line, je.column, je.text);
	if (!json_is_array(root) || json_array_size(root) != n) {
		size_t got = json_is_array(root) ? json_array_size(root) : 0;
		int is_array = json_is_array(root);
		json_decref(root);
		if (!is_array)
			return pub__error(PUB_EPARSE, S2_NAME ": " S2_PATH
				": the answer is not a list of papers");
		return pub__error(PUB_EPARSE, S2_NAME ": " S2_PATH
			": %zu answers for %zu ids", got, n);
	}
	json_array_foreach(root, i, slot) {
		if (json_is_null(slot))
			continue;
		if (!json_is_object(slot)) {
			json_decref(root);
			pub__s2_papers_free(out, n);
			return pub__error(PUB_EPARSE, S2_NAME ": " S2_PATH
				": answer %zu is neither a paper nor null", i + 1);
		}
		parse_paper(&out[i], slot);
	}
	json_decref(root);
	return 0;
}

/* S2's own words for a failed request: "error" (400, 404) or "message"
 * (429); "" when the body has neither (an HTML page says nothing). */
static char *error_words(const pub__http_response *r)
{
	json_t *root;
	char *m = NULL;
	if (r->body.ptr && r->body.len &&
	    (root = json_loadb(r->body.ptr, r->body.len, 0, NULL))) {
		if (json_is_object(root)) {
			m = str_of(json_object_get(root, "error"));
			if (!m)
				m = str_of(json_object_get(root, "message"));
		}
		json_decref(root);
	}
	if (m && strlen(m) > 200)
		m[200] = '\0';
	return m ? m : pub__strdup("");
}

static int one_batch(pub__s2_paper *out, pub__http *h, const char *const *ids, size_t n)
{
	pub__http_request req;
	pub__http_response res = PUB__HTTP_RESPONSE_INIT;
	static const char *const headers[] = {"Content-Type: application/json",
		"Accept: application/json", NULL};
	json_t *body = json_object(), *arr = json_array();
	char *text;
	size_t i;
	int err;
	for (i = 0; i < n; i++)
		json_array_append_new(arr, json_string(ids[i]));
	json_object_set_new(body, "ids", arr);
	text = json_dumps(body, JSON_COMPACT);
	json_decref(body);
	if (!text)
		return pub__error(PUB_ERROR, S2_NAME ": out of memory");
	memset(&req, 0, sizeof(req));
	req.service = PUB__SVC_S2;
	req.method = "POST";
	req.path = S2_PATH "?fields=" PUB__S2_FIELDS;
	req.headers = headers;
	req.body = text;
	req.body_len = strlen(text);
	err = pub__http_request_do(&res, h, &req);
	free(text);
	if (err < 0) {
		/* 429s past the retries: S2's limit, not a broken network */
		if (res.status == 429)
			err = pub__error(PUB_ERATELIMIT, "%s; try again later or set S2_API_KEY",
				res.error ? res.error : S2_NAME ": rate limited");
		/* (res.error is the response's copy, not the error buffer) */
		pub__http_response_free(&res);
		return err;
	}
	if (res.status != 200) {
		char *words = error_words(&res);
		const char *ct = res.content_type ? res.content_type : "";
		if (*words)
			err = pub__error(PUB_ENET, S2_NAME ": " S2_PATH ": HTTP %ld: %s",
				res.status, words);
		else
			err = pub__error(PUB_ENET, S2_NAME ": " S2_PATH ": HTTP %ld%s",
				res.status, strstr(ct, "html") ? " (an HTML page)" : "");
		free(words);
		pub__http_response_free(&res);
		return err;
	}
	err = pub__s2_parse_batch(out, n, res.body.ptr, res.body.len);
	pub__http_response_free(&res);
	return err < 0 ? pub__net_error(err) : 0;
}

int pub__s2_batch(pub__s2_paper *out, pub__http *h, const char *const *ids, size_t n)
{
	size_t at;
	int err;
	for (at = 0; at < n; at += PUB__S2_BATCH_MAX) {
		size_t k = n - at < PUB__S2_BATCH_MAX ? n - at : PUB__S2_BATCH_MAX;
		if ((err = one_batch(out + at, h, ids + at, k)) < 0) {
			pub__s2_papers_free(out, at);
			return err;
		}
	}
	return 0;
}
