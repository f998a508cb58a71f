/*
 * venues.c: `pubdb refresh --venues`: finds the published version of every
 * paper without a venue badge.  Semantic Scholar first, all papers in one
 * batch (it merges a preprint with its published version and names the
 * latter's DBLP key), then DBLP's record BibTeX for that key; papers S2
 * could not place are searched on DBLP by title.  A match is accepted only
 * with the same folded title, a common author family name, a year from the
 * preprint's year - 1 to + 2, and never a CoRR/arXiv/preprint record.  A
 * workshop version is not taken (its paper usually goes on to a main
 * venue): it is kept as a candidate, as are two acceptable versions; both
 * are listed by `pubdb doctor` (table venue_lookups).  All requests run
 * before the one transaction that stores the results.  The choosing is in
 * venue_match.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "text/latex.h"
#include "store/db.h"
#include "store/lock.h"
#include "store/venues.h"
#include "net/dblp.h"
#include "net/http.h"
#include "net/s2.h"
#include "sync/refresh.h"
#include "sync/session.h"
#include "sync/s2_cache.h"
#include "net/source.h"
#include "sync/record.h"
#include "sync/venues.h"

static void vpaper_free(pub__vpaper *p)
{
	size_t i;
	free(p->citekey);
	free(p->title_key);
	free(p->arxiv);
	free(p->doi);
	for (i = 0; i < p->nfamilies; i++)
		free(p->families[i]);
	free(p->families);
	for (i = 0; i < p->s2_nfamilies; i++)
		free(p->s2_families[i]);
	free(p->s2_families);
	free(p->s2_paper_id);
	free(p->s2_title);
	free(p->s2_pv_type);
	free(p->s2_pv_name);
	free(p->s2_pv_short);
	free(p->s2_pv_id);
	pub__vmatch_clear(&p->match);
}

typedef struct loading {
	pub__vpaper **out;
	size_t *n, cap;
} loading;

static int take_row(const pub__venue_row *r, void *ctx)
{
	loading *l = ctx;
	pub__vpaper *p;
	if (*l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		*l->out = pub__realloc(*l->out, l->cap * sizeof(**l->out));
	}
	p = &(*l->out)[(*l->n)++];
	memset(p, 0, sizeof(*p));
	p->id = r->id;
	p->citekey = r->citekey ? pub__strdup(r->citekey) : NULL;
	p->title_key = pub__vtitle_key(r->title);
	p->year = r->year;
	p->arxiv = r->arxiv ? pub__strdup(r->arxiv) : NULL;
	p->doi = r->doi ? pub__strdup(r->doi) : NULL;
	return 0;
}

/* The papers without a badge whose venue the user did not set, minus those
 * looked up within max_age seconds. */
static int load(pub_db *db, long max_age, pub__vpaper **out, size_t *n, size_t *skipped)
{
	loading l;
	char cutoff[21];
	size_t i;
	int err;
	*out = NULL;
	*n = 0;
	l.out = out;
	l.n = n;
	l.cap = 0;
	pub__refresh_cutoff(cutoff, max_age);
	if ((err = pub__venue_rows_foreach(db, cutoff, skipped, take_row, &l)) < 0)
		return err;
	for (i = 0; i < *n; i++)
		if ((err = pub__venue_families(&(*out)[i].families, &(*out)[i].nfamilies, db,
			     (*out)[i].id)) < 0)
			return err;
	return 0;
}

static void progress(const pub_refresh_opts *o, size_t done, size_t total)
{
	if (o->progress)
		o->progress("venues", done, total, o->progress_ctx);
}

/* Asks S2 about every paper with an arXiv id or a DOI (one batch per 500)
 * and sets each one's DBLP key. */
static int ask_s2(pub__s2_cache **cache, pub__http *h, pub__vpaper *ps, size_t n)
{
	char **ids = pub__calloc(n ? n : 1, sizeof(char *));
	size_t *of = pub__calloc(n ? n : 1, sizeof(size_t));
	pub__s2_paper *res;
	size_t i, k = 0;
	int err = 0;
	for (i = 0; i < n; i++)
		if ((ids[k] = pub__s2_id(ps[i].arxiv, ps[i].doi)))
			of[k++] = i;
	if (k) {
		res = pub__calloc(k, sizeof(*res));
		if ((err = pub__s2_batch_cached(res, cache, h, (const char *const *)ids, k)) == 0) {
			for (i = 0; i < k; i++) {
				pub__vpaper *p = &ps[of[i]];
				pub__s2_paper *r = &res[i];
				p->s2_found = r->found;
				if (!r->found)
					continue;
				if (r->dblp && *r->dblp)
					p->s2_dblp = pub__strdup(r->dblp);
				/* moved, not copied */
				p->s2_paper_id = r->paper_id;
				p->s2_title = r->title;
				p->s2_pv_type = r->pv_type;
				p->s2_pv_name = r->pv_name;
				p->s2_pv_short = r->pv_short;
				p->s2_pv_id = r->pv_id;
				r->paper_id = r->title = r->pv_type = r->pv_name = NULL;
				r->pv_short = r->pv_id = NULL;
				p->s2_year = r->year;
				p->s2_arxiv = r->arxiv && *r->arxiv;
				p->s2_families = pub__vfamilies((const char *const *)r->authors,
					r->nauthors, NULL, &p->s2_nfamilies);
			}
			pub__s2_papers_free(res, k);
		}
		free(res);
	}
	for (i = 0; i < k; i++)
		free(ids[i]);
	free(ids);
	free(of);
	return err;
}

int pub__refresh_step_venues(pub__sync *s, const pub_refresh_opts *opts, pub_refresh_stats *stats)
{
	pub_db *db = s->db;
	pub__vpaper *ps = NULL;
	pub__http *h = NULL;
	size_t n = 0, i;
	int err, began = 0;

	if ((err = load(db, opts->max_age, &ps, &n, &stats->skipped)) < 0 || n == 0)
		goto done;
	if ((err = pub__sync_http(&h, s)) < 0)
		goto done;
	progress(opts, 0, n);
	/* The network part runs before the transaction: no write lock is held
	 * while DBLP is paced.  A service failing as a whole stores nothing. */
	if ((err = ask_s2(&s->s2, h, ps, n)) < 0)
		goto done;
	for (i = 0; i < n; i++) {
		int rc = pub__vfind(&ps[i], h);
		if (rc == PUB_ERATELIMIT || rc == PUB_ENONET) {
			err = rc;
			goto done;
		}
		if (rc < 0) {
			ps[i].failed = 1;
			ps[i].error = pub__strdup(pub_error_last());
		}
		progress(opts, i + 1, n);
	}
	if ((err = pub__db_begin(db)) < 0)
		goto done;
	began = 1;
	for (i = 0; i < n; i++) {
		pub__vpaper *p = &ps[i];
		int changed = 0;
		stats->checked++;
		if (p->failed) {
			char *msg = pub__sprintf("%s: %s", p->citekey, p->error);
			stats->failed++;
			if (opts->warn)
				opts->warn(msg, opts->warn_ctx);
			free(msg);
			free(p->error);
			p->error = NULL;
			continue;
		}
		if (p->match.badge) {
			if ((err = pub__vapply(db, p, &changed)) < 0)
				goto done;
			if (changed)
				pub__refresh_say(opts, 0, "%s: published at %s (%s %s)", p->citekey, p->match.badge,
					p->match.source, p->match.ref);
		}
		if ((err = pub__venue_lookup_record(db, p->id, p->match.badge ? NULL : p->candidates)) < 0)
			goto done;
		if (!p->match.badge && p->candidates)
			pub__refresh_say(opts, 0, "%s: %s, not applied", p->citekey,
				p->workshop_only ? "only a workshop version found"
						 : "more than one published version found");
		if (changed)
			stats->changed++;
		else
			stats->unchanged++;
	}
	err = pub__db_commit(db);
	began = 0;
	if (err == 0 && stats->failed)
		err = pub__error(PUB_EPARTIAL, "%zu of %zu papers could not be checked",
			stats->failed, stats->checked);
done:
	if (began)
		pub__db_rollback(db);
	for (i = 0; i < n; i++) {
		free(ps[i].error);
		free(ps[i].candidates);
		free(ps[i].s2_dblp);
		vpaper_free(&ps[i]);
	}
	free(ps);
	return err;
}

int pub_refresh_venues(pub_db *db, const pub_refresh_opts *opts, pub_refresh_stats *stats)
{
	return pub__refresh_one(db, opts, stats, pub__refresh_step_venues);
}
