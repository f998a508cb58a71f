/*
 * s2_cache.c: Semantic Scholar's batch answers remembered for the rest of
 * a command (s2_cache.h), so that citations and venues ask once.
 */
#include "sync/s2_cache.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "net/http.h"
#include "net/s2.h"

#include <stdlib.h>
#include <string.h>

/* Answers by id, sorted by id for bsearch. */
typedef struct s2_cached {
	char *id;
	pub__s2_paper paper;
} s2_cached;

struct pub__s2_cache {
	s2_cached *items;
	size_t n, cap;
};

void pub__s2_cache_free(pub__s2_cache *c)
{
	size_t i;
	if (!c)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->items[i].id);
		pub__s2_paper_free(&c->items[i].paper);
	}
	free(c->items);
	free(c);
}

static int cached_cmp(const void *a, const void *b)
{
	return strcmp(((const s2_cached *)a)->id, ((const s2_cached *)b)->id);
}

static char *dup_or_null(const char *s)
{
	return s ? pub__strdup(s) : NULL;
}

static void paper_copy(pub__s2_paper *dst, const pub__s2_paper *src)
{
	size_t i;
	*dst = *src;
	dst->paper_id = dup_or_null(src->paper_id);
	dst->title = dup_or_null(src->title);
	dst->venue = dup_or_null(src->venue);
	dst->pv_name = dup_or_null(src->pv_name);
	dst->pv_type = dup_or_null(src->pv_type);
	dst->pv_id = dup_or_null(src->pv_id);
	dst->pv_short = dup_or_null(src->pv_short);
	dst->doi = dup_or_null(src->doi);
	dst->arxiv = dup_or_null(src->arxiv);
	dst->dblp = dup_or_null(src->dblp);
	dst->authors = src->nauthors ? pub__calloc(src->nauthors, sizeof(char *)) : NULL;
	for (i = 0; i < src->nauthors; i++)
		dst->authors[i] = pub__strdup(src->authors[i]);
}

static const s2_cached *cache_find(const pub__s2_cache *c, const char *id)
{
	s2_cached key;
	if (!c || !c->n)
		return NULL;
	memset(&key, 0, sizeof(key)); /* only id is compared; cppcheck wants all set */
	key.id = (char *)id;
	return bsearch(&key, c->items, c->n, sizeof(*c->items), cached_cmp);
}

int pub__s2_batch_cached(pub__s2_paper *out, pub__s2_cache **cache, pub__http *h,
	const char *const *ids, size_t n)
{
	pub__s2_cache *c;
	const char **ask;
	size_t nask = 0, i;
	pub__s2_paper *got;
	int err = 0;
	if (!*cache)
		*cache = pub__calloc(1, sizeof(**cache));
	c = *cache;
	ask = pub__calloc(n ? n : 1, sizeof(*ask));
	for (i = 0; i < n; i++)
		if (!cache_find(c, ids[i]))
			ask[nask++] = ids[i];
	got = pub__calloc(nask ? nask : 1, sizeof(*got));
	if (nask && (err = pub__s2_batch(got, h, ask, nask)) < 0)
		goto done;
	for (i = 0; i < nask; i++) {
		if (c->n == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 64;
			c->items = pub__realloc(c->items, c->cap * sizeof(*c->items));
		}
		c->items[c->n].id = pub__strdup(ask[i]);
		c->items[c->n].paper = got[i]; /* moved */
		c->n++;
	}
	if (nask)
		qsort(c->items, c->n, sizeof(*c->items), cached_cmp);
	for (i = 0; i < n; i++)
		paper_copy(&out[i], &cache_find(c, ids[i])->paper);
done:
	free(got);
	free(ask);
	return err;
}
