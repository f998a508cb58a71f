/*
 * dblp.c: DBLP's publication search and record BibTeX (see dblp.h).
 */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "bibtex/entry.h"
#include "bibtex/reader.h"
#include "net/dblp.h"
#include "net/source.h"

/* DBLP key streams and the short names a homepage badge uses.  A stream
 * not here falls back to the search's venue, the booktitle's braced
 * acronym, or the journal. */
static const char *const streams[][2] = {
	{"conf/iclr", "ICLR"}, {"conf/icml", "ICML"}, {"conf/nips", "NeurIPS"},
	{"conf/mlsys", "MLSys"}, {"conf/ppopp", "PPoPP"}, {"conf/cvpr", "CVPR"},
	{"conf/iccv", "ICCV"}, {"conf/eccv", "ECCV"}, {"conf/aaai", "AAAI"},
	{"conf/ijcai", "IJCAI"}, {"conf/acl", "ACL"}, {"conf/emnlp", "EMNLP"},
	{"conf/naacl", "NAACL"}, {"conf/kdd", "KDD"}, {"conf/www", "WWW"},
	{"conf/sigmod", "SIGMOD"}, {"conf/sc", "SC"}, {"conf/osdi", "OSDI"},
	{"conf/sosp", "SOSP"}, {"conf/nsdi", "NSDI"}, {"conf/eurosys", "EuroSys"},
	{"conf/asplos", "ASPLOS"}, {"conf/isca", "ISCA"}, {"conf/micro", "MICRO"},
	{"conf/hpca", "HPCA"}, {"conf/usenix", "USENIX ATC"}, {"conf/icde", "ICDE"},
	{"conf/sigir", "SIGIR"}, {"conf/chi", "CHI"}, {"conf/uai", "UAI"},
	{"conf/aistats", "AISTATS"}, {"conf/colt", "COLT"}, {"conf/ipps", "IPDPS"},
	{"conf/hpdc", "HPDC"}, {"conf/ics", "ICS"}, {"conf/popl", "POPL"},
	{"conf/pldi", "PLDI"}, {"conf/cav", "CAV"}, {"conf/ccs", "CCS"},
	{"conf/sp", "S&P"}, {"conf/uss", "USENIX Security"}, {"conf/ndss", "NDSS"},
	{"conf/icse", "ICSE"}, {"conf/sigsoft", "ESEC/FSE"}, {"conf/icassp", "ICASSP"},
	{"conf/interspeech", "Interspeech"}, {"conf/wacv", "WACV"}, {"conf/corl", "CoRL"},
	{"conf/rss", "RSS"}, {"conf/icra", "ICRA"}, {"conf/iros", "IROS"},
	{"conf/coling", "COLING"}, {"conf/eacl", "EACL"}, {"conf/wsdm", "WSDM"},
	{"conf/cikm", "CIKM"}, {"conf/recsys", "RecSys"}, {"conf/dac", "DAC"},
	{"conf/iccad", "ICCAD"}, {"conf/cidr", "CIDR"}, {"conf/vldb", "VLDB"},
	{"journals/pami", "TPAMI"}, {"journals/jmlr", "JMLR"}, {"journals/tmlr", "TMLR"},
	{"journals/pvldb", "PVLDB"}, {"journals/tpds", "TPDS"}, {"journals/tc", "TC"},
	{"journals/natmi", "Nature Machine Intelligence"}, {"journals/nature", "Nature"},
	{"journals/ijcv", "IJCV"}, {"journals/tacl", "TACL"},
};

void pub__dblp_hits_free(pub__dblp_hit *hits, size_t n)
{
	size_t i, j;
	for (i = 0; hits && i < n; i++) {
		free(hits[i].key);
		free(hits[i].title);
		free(hits[i].venue);
		free(hits[i].type);
		free(hits[i].doi);
		for (j = 0; j < hits[i].nauthors; j++) {
			free(hits[i].authors[j]);
			free(hits[i].pids ? hits[i].pids[j] : NULL);
		}
		free(hits[i].authors);
		free(hits[i].pids);
	}
	free(hits);
}

static void put_utf8(pub__buf *b, unsigned long c)
{
	if (c < 0x80) {
		pub__buf_putc(b, (char)c);
	} else if (c < 0x800) {
		pub__buf_putc(b, (char)(0xC0 | (c >> 6)));
		pub__buf_putc(b, (char)(0x80 | (c & 0x3F)));
	} else if (c < 0x10000) {
		pub__buf_putc(b, (char)(0xE0 | (c >> 12)));
		pub__buf_putc(b, (char)(0x80 | ((c >> 6) & 0x3F)));
		pub__buf_putc(b, (char)(0x80 | (c & 0x3F)));
	} else {
		pub__buf_putc(b, (char)(0xF0 | (c >> 18)));
		pub__buf_putc(b, (char)(0x80 | ((c >> 12) & 0x3F)));
		pub__buf_putc(b, (char)(0x80 | ((c >> 6) & 0x3F)));
		pub__buf_putc(b, (char)(0x80 | (c & 0x3F)));
	}
}

char *pub__dblp_entities(const char *s)
{
	static const char *const named[][2] = {
		{"&apos;", "'"}, {"&amp;", "&"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"},
	};
	pub__buf b = PUB__BUF_INIT;
	size_t i;
	pub__buf_puts(&b, "");
	while (*s) {
		int done = 0;
		if (*s == '&') {
			for (i = 0; i < sizeof(named) / sizeof(named[0]) && !done; i++) {
				size_t k = strlen(named[i][0]);
				if (strncmp(s, named[i][0], k) == 0) {
					pub__buf_puts(&b, named[i][1]);
					s += k;
					done = 1;
				}
			}
			if (!done && s[1] == '#') {
				char *end;
				int hex = s[2] == 'x' || s[2] == 'X';
				unsigned long c = strtoul(s + (hex ? 3 : 2), &end, hex ? 16 : 10);
				if (*end == ';' && end > s + (hex ? 3 : 2) && c > 0 && c <= 0x10FFFF &&
				    !(c >= 0xD800 && c <= 0xDFFF)) {
					put_utf8(&b, c);
					s = end + 1;
					done = 1;
				}
			}
		}
		if (!done)
			pub__buf_putc(&b, *s++);
	}
	return pub__buf_detach(&b);
}

static char *dstr(json_t *v)
{
	if (json_is_array(v)) /* venue: ["EDBT", "Lecture Notes in Computer Science"] */
		v = json_array_get(v, 0);
	return json_is_string(v) ? pub__dblp_entities(json_string_value(v)) : NULL;
}

static void parse_author(pub__dblp_hit *h, json_t *a)
{
	char *name = NULL, *pid = NULL;
	if (json_is_object(a)) {
		name = dstr(json_object_get(a, "text"));
		pid = dstr(json_object_get(a, "@pid"));
	} else if (json_is_string(a)) {
		name = dstr(a);
	}
	if (name) {
		h->pids[h->nauthors] = pid;
		h->authors[h->nauthors++] = name;
	} else {
		free(pid);
	}
}

static void parse_hit(pub__dblp_hit *h, json_t *info)
{
	json_t *authors, *a, *y;
	size_t i;
	char *year;
	h->key = dstr(json_object_get(info, "key"));
	h->title = dstr(json_object_get(info, "title"));
	h->venue = dstr(json_object_get(info, "venue"));
	h->type = dstr(json_object_get(info, "type"));
	h->doi = dstr(json_object_get(info, "doi"));
	y = json_object_get(info, "year");
	if ((year = dstr(y))) {
		h->year = atoi(year);
		free(year);
	} else if (json_is_integer(y)) {
		h->year = (int)json_integer_value(y);
	}
	if (h->year < 0 || h->year > 9999)
		h->year = 0;
	authors = json_object_get(json_object_get(info, "authors"), "author");
	if (json_is_array(authors)) {
		h->authors = pub__calloc(json_array_size(authors) + 1, sizeof(char *));
		h->pids = pub__calloc(json_array_size(authors) + 1, sizeof(char *));
		json_array_foreach(authors, i, a) {
			parse_author(h, a);
		}
	} else if (authors) { /* one author: an object, not an array */
		h->authors = pub__calloc(1, sizeof(char *));
		h->pids = pub__calloc(1, sizeof(char *));
		parse_author(h, authors);
	}
}

int pub__dblp_parse_search(pub__dblp_hit **out, size_t *n, const char *body, size_t len)
{
	json_error_t je;
	json_t *root, *result, *hits, *hit, *one;
	size_t i, k;
	*out = NULL;
	*n = 0;
	while (len && isspace((unsigned char)*body))
		body++, len--;
	if (!len)
		return pub__error(PUB_EPARSE, "DBLP: /search/publ/api: empty response");
	if (*body == '<')
		return pub__error(PUB_EPARSE, "DBLP: /search/publ/api: an HTML page instead of JSON");
	if (!(root = json_loadb(body, len, 0, &je)))
		return pub__error(PUB_EPARSE, "DBLP: /search/publ/api: invalid JSON at line %d, "
			"column %d: %s", je.line, je.column, je.text);
	result = json_object_get(root, "result");
	hits = json_object_get(result, "hits");
	if (!json_is_object(hits)) {
		json_decref(root);
		return pub__error(PUB_EPARSE, "DBLP: /search/publ/api: no search result in the answer");
	}
	hit = json_object_get(hits, "hit"); /* absent when nothing matched */
	if (json_is_object(hit)) {
		*out = pub__calloc(1, sizeof(**out));
		parse_hit(&(*out)[(*n)++], json_object_get(hit, "info"));
	} else if (json_is_array(hit) && json_array_size(hit) > 0) {
		k = json_array_size(hit);
		*out = pub__calloc(k, sizeof(**out));
		json_array_foreach(hit, i, one) {
			json_t *info = json_object_get(one, "info");
			if (json_is_object(info))
				parse_hit(&(*out)[(*n)++], info);
		}
	}
	json_decref(root);
	return 0;
}

static void url_encode(pub__buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
			pub__buf_putc(b, (char)c);
		} else {
			pub__buf_putc(b, '%');
			pub__buf_putc(b, hex[c >> 4]);
			pub__buf_putc(b, hex[c & 15]);
		}
	}
}

/* A failed request's error: a 429 past the retries is the rate limit. */
static int request_error(int err, const pub__http_response *res)
{
	if (res->status == 429) {
		char *m = pub__strdup(res->error ? res->error : "DBLP: HTTP 429");
		err = pub__error(PUB_ERATELIMIT, "%s; DBLP asks for fewer requests, "
			"try again later", m);
		free(m);
	}
	return err;
}

static int status_error(const pub__http_response *res, const char *path)
{
	const char *ct = res->content_type ? res->content_type : "";
	return pub__error(PUB_ENET, "DBLP: %s: HTTP %ld%s", path, res->status,
		strstr(ct, "html") ? " (an HTML page)" : "");
}

int pub__dblp_search(pub__dblp_hit **out, size_t *n, pub__http *h, const char *query)
{
	pub__http_response res = PUB__HTTP_RESPONSE_INIT;
	pub__buf path = PUB__BUF_INIT;
	int err;
	*out = NULL;
	*n = 0;
	pub__buf_puts(&path, "/search/publ/api?q=");
	url_encode(&path, query);
	pub__buf_printf(&path, "&format=json&h=%d", PUB__DBLP_SEARCH_HITS);
	err = pub__http_get(&res, h, PUB__SVC_DBLP, path.ptr, NULL);
	pub__buf_free(&path);
	if (err < 0)
		err = request_error(err, &res);
	else if (res.status != 200)
		err = status_error(&res, "/search/publ/api");
	else
		err = pub__net_error(pub__dblp_parse_search(out, n, res.body.ptr, res.body.len));
	pub__http_response_free(&res);
	return err;
}

void pub__dblp_rec_free(pub__dblp_rec *r)
{
	free(r->key);
	free(r->type);
	free(r->title);
	free(r->author);
	free(r->booktitle);
	free(r->journal);
	free(r->volume);
	free(r->number);
	free(r->pages);
	free(r->publisher);
	free(r->doi);
	memset(r, 0, sizeof(*r));
}

/* A value with its line wraps and space runs made single spaces. */
static char *squeeze(const char *v)
{
	pub__buf b = PUB__BUF_INIT;
	int space = 0;
	if (!v)
		return NULL;
	pub__buf_puts(&b, "");
	for (; *v; v++) {
		if (isspace((unsigned char)*v)) {
			space = 1;
			continue;
		}
		if (space && b.len)
			pub__buf_putc(&b, ' ');
		space = 0;
		pub__buf_putc(&b, *v);
	}
	return pub__buf_detach(&b);
}

int pub__dblp_parse_rec(pub__dblp_rec *out, const char *body, size_t len)
{
	pub__bib_reader *r = NULL;
	pub__bib_entry *e = NULL;
	FILE *fp;
	const char *k, *y;
	int rc;
	memset(out, 0, sizeof(*out));
	if (!body || !len || !(fp = fmemopen((void *)body, len, "rb")))
		return pub__error(PUB_EPARSE, "DBLP: /rec: empty response");
	if ((rc = pub__bib_reader_new(&r, fp, "DBLP record", "utf-8", NULL, NULL)) == 0) {
		do
			rc = pub__bib_reader_next(&e, r);
		while (rc == PUB_EPARSE);
	}
	pub__bib_reader_free(r);
	fclose(fp);
	if (rc != 1 || !e) {
		pub__bib_entry_free(e);
		return pub__error(PUB_EPARSE, "DBLP: /rec: no BibTeX entry in the answer");
	}
	k = e->key ? e->key : "";
	if (strncmp(k, "DBLP:", 5) == 0)
		k += 5;
	out->key = pub__strdup(k);
	out->type = pub__strdup(e->type);
	out->title = squeeze(pub__bib_entry_get(e, "title"));
	out->author = squeeze(pub__bib_entry_get(e, "author"));
	out->booktitle = squeeze(pub__bib_entry_get(e, "booktitle"));
	out->journal = squeeze(pub__bib_entry_get(e, "journal"));
	out->volume = squeeze(pub__bib_entry_get(e, "volume"));
	out->number = squeeze(pub__bib_entry_get(e, "number"));
	out->pages = squeeze(pub__bib_entry_get(e, "pages"));
	out->publisher = squeeze(pub__bib_entry_get(e, "publisher"));
	out->doi = squeeze(pub__bib_entry_get(e, "doi"));
	if ((y = pub__bib_entry_get(e, "year")))
		out->year = atoi(y);
	if (out->year < 0 || out->year > 9999)
		out->year = 0;
	pub__bib_entry_free(e);
	return 0;
}

int pub__dblp_rec_get(pub__dblp_rec *out, pub__http *h, const char *key)
{
	pub__http_response res = PUB__HTTP_RESPONSE_INIT;
	pub__buf path = PUB__BUF_INIT;
	const char *s;
	int err;
	memset(out, 0, sizeof(*out));
	for (s = key; *s; s++) /* keys are [A-Za-z0-9/_-.]; refuse anything else */
		if (!isalnum((unsigned char)*s) && !strchr("/_-.:", *s))
			return pub__error(PUB_EINVAL, "DBLP: '%s' is no record key", key);
	pub__buf_printf(&path, "/rec/%s.bib", key);
	err = pub__http_get(&res, h, PUB__SVC_DBLP, path.ptr, NULL);
	if (err < 0)
		err = request_error(err, &res);
	else if (res.status == 404)
		err = pub__error(PUB_ENOTFOUND, "DBLP: %s: no such record", path.ptr);
	else if (res.status != 200)
		err = status_error(&res, path.ptr);
	else if (res.body.len && res.body.ptr[0] == '<')
		err = pub__error(PUB_ENET, "DBLP: %s: an HTML page instead of BibTeX", path.ptr);
	else
		err = pub__net_error(pub__dblp_parse_rec(out, res.body.ptr, res.body.len));
	pub__buf_free(&path);
	pub__http_response_free(&res);
	return err;
}

/* The key's stream: "conf/iclr" of "conf/iclr/ZhaoJWY25" (into buf). */
static const char *stream_of(char *buf, size_t size, const char *key)
{
	const char *a = key ? strchr(key, '/') : NULL, *b = a ? strchr(a + 1, '/') : NULL;
	if (!b || (size_t)(b - key) >= size)
		return NULL;
	memcpy(buf, key, (size_t)(b - key));
	buf[b - key] = '\0';
	return buf;
}

char *pub__dblp_short_venue(const char *key, const char *venue,
	const char *booktitle, const char *journal)
{
	char buf[128];
	const char *st = stream_of(buf, sizeof(buf), key), *p, *q;
	size_t i;
	if (st)
		for (i = 0; i < sizeof(streams) / sizeof(streams[0]); i++)
			if (strcasecmp(st, streams[i][0]) == 0)
				return pub__strdup(streams[i][1]);
	if (venue && *venue)
		return pub__strdup(venue);
	/* "The Thirteenth International Conference ..., {ICLR} 2025, ..." */
	for (p = booktitle; p && (p = strchr(p, '{')); p = q) {
		q = strchr(p + 1, '}');
		if (!q)
			break;
		if (q - p > 2 && q - p < 20 && isupper((unsigned char)p[1]) &&
		    !memchr(p + 1, '{', (size_t)(q - p - 1)))
			return pub__strndup(p + 1, (size_t)(q - p - 1));
	}
	if (journal && *journal)
		return pub__strdup(journal);
	return NULL;
}

int pub__dblp_is_preprint(const char *key, const char *venue, const char *type)
{
	return (key && strncasecmp(key, "journals/corr/", 14) == 0) ||
		(venue && (strcasecmp(venue, "CoRR") == 0 || strncasecmp(venue, "arXiv", 5) == 0 ||
			   strcasecmp(venue, "bioRxiv") == 0 || strcasecmp(venue, "medRxiv") == 0)) ||
		(type && strncasecmp(type, "Informal", 8) == 0);
}

int pub__dblp_is_workshop(const char *key, const char *venue, const char *booktitle)
{
	char buf[128];
	const char *st = stream_of(buf, sizeof(buf), key);
	if (st) {
		const char *name = strchr(st, '/') + 1;
		size_t n = strlen(name);
		if (n > 1 && name[n - 1] == 'w' && strcmp(name, "www") != 0)
			return 1;
		if (key[strlen(st)] == '/' && strncmp(key + strlen(st) + 1, "workshops", 9) == 0)
			return 1;
	}
	return pub__contains_ci(venue, "workshop") || pub__contains_ci(booktitle, "workshop");
}
