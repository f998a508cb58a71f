/*
 * venues.c: `pubdb refresh --venues`: finds the published version of every
 * paper without a venue badge.  The sources in order, each failing alone
 * (rate-limited, unreachable: one message, and the next source goes on):
 * the owner's DBLP page (owner.dblp; venue_page.c), which places every
 * paper it lists at one request plus one per venue and year; the owner's
 * Semantic Scholar and ORCID lists (owner.s2, owner.orcid; venue_owner.c),
 * for badges and the ids papers lack; Semantic Scholar, all papers left in
 * one batch (it merges a preprint with its
 * published version and names the latter's DBLP key), then DBLP's record
 * BibTeX for that key; papers S2 could not place are searched on DBLP by
 * title.  A match is accepted only with the same folded title, authors
 * that agree beyond one family name (and the owner's pid, when known), a
 * year from the preprint's year - 1 to + 2, and never a CoRR/arXiv/preprint
 * record.  A workshop version is not taken (its paper usually goes on to a
 * main venue): it is kept as a candidate, as are two acceptable versions;
 * both are listed by `pubdb doctor` (table venue_lookups).  Each paper's
 * answer is stored as it arrives, so a run cut short (a 429 storm, the
 * time limit) keeps what it learnt and the next run asks only about the
 * rest.  The choosing is in venue_match.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <jansson.h>

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
#include "sync/profile_cache.h"
#include "sync/s2_cache.h"
#include "net/source.h"
#include "sync/record.h"
#include "sync/venues.h"
#include "sync/unknown.h"
#include "sync/venue_day.h"

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
	pub__vauthors_clear(&p->s2_authors);
	free(p->s2_paper_id);
	free(p->s2_title);
	free(p->s2_pv_type);
	free(p->s2_pv_name);
	free(p->s2_pv_short);
	free(p->s2_pv_id);
	free(p->gain_doi);
	free(p->gain_arxiv);
	pub__vmatch_clear(&p->match);
}

typedef struct loading {
	pub__vpaper **out;
	size_t *n, cap;
	const char *since; /* negative answers of this day or later hold */
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
	p->s2_unknown = pub__unknown_remembered(r->unknown, "semanticscholar", l->since);
	p->dblp_unknown = pub__unknown_remembered(r->unknown, "dblp", l->since);
	return 0;
}

/* The papers without a badge whose venue the user did not set, minus those
 * looked up within max_age seconds. */
static int load(pub_db *db, long max_age, pub__vpaper **out, size_t *n, size_t *skipped)
{
	loading l;
	char cutoff[21], since[21];
	size_t i;
	int err;
	*out = NULL;
	*n = 0;
	l.out = out;
	l.n = n;
	l.cap = 0;
	if ((err = pub__unknown_since(since, db)) < 0)
		return err;
	l.since = since;
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
		if (!ps[i].placed && !ps[i].s2_unknown &&
		    (ids[k] = pub__s2_id(ps[i].arxiv, ps[i].doi)))
			of[k++] = i;
	if (k) {
		res = pub__calloc(k, sizeof(*res));
		if ((err = pub__s2_batch_cached(res, cache, h, (const char *const *)ids, k)) == 0) {
			for (i = 0; i < k; i++) {
				pub__vpaper *p = &ps[of[i]];
				pub__s2_paper *r = &res[i];
				p->s2_asked = 1;
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
				pub__vauthors_make(&p->s2_authors, (const char *const *)r->authors,
					NULL, r->nauthors, NULL, p->owner);
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

/* The run's account of its sources. */
typedef struct vrun {
	pub__sync *s;
	const pub_refresh_opts *opts;
	pub_refresh_stats *stats;
	int reached;     /* some source answered */
	int source_err;  /* the error of the first source that failed as a whole */
	int sources_failed;
} vrun;

/* A source failed as a whole: one line, and the next source goes on. */
static void source_failed(vrun *R, int err, const char *next)
{
	if (!R->source_err || (R->source_err != PUB_ENONET && R->source_err != PUB_ERATELIMIT))
		R->source_err = err;
	R->sources_failed++;
	pub__refresh_say(R->opts, 1, "venues: %s%s%s", pub_error_last(), next ? "; going on with " : "",
		next ? next : "");
}

/* The ids the owner's lists gave p (inside the caller's transaction). */
static int file_gains(vrun *R, pub__vpaper *p)
{
	int err, set = 0;
	char *held = NULL;
	if (!p->gain_doi && !p->gain_arxiv)
		return 0;
	if ((err = pub__vgain_ids(R->s->db, p, &set, &held)) == 0 && held)
		pub__refresh_say(R->opts, 1, "%s: the owner's list gives it an id paper '%s' "
			"already has; not taken (see 'pubdb doctor')", p->citekey, held);
	free(held);
	if (err < 0 || !set)
		return err;
	pub__refresh_say(R->opts, 0, "%s: %s%s%s%s%s (the owner's list)", p->citekey,
		p->gain_doi ? "DOI " : "", p->gain_doi ? p->gain_doi : "",
		p->gain_doi && p->gain_arxiv ? ", " : "", p->gain_arxiv ? "arXiv " : "",
		p->gain_arxiv ? p->gain_arxiv : "");
	/* the later sources ask by them */
	if (p->gain_doi && !p->doi)
		p->doi = p->gain_doi, p->gain_doi = NULL;
	if (p->gain_arxiv && !p->arxiv)
		p->arxiv = p->gain_arxiv, p->gain_arxiv = NULL;
	free(p->gain_doi);
	free(p->gain_arxiv);
	p->gain_doi = p->gain_arxiv = NULL;
	return 0;
}

/* Files one paper's answer in a transaction of its own. */
static int file_one(vrun *R, pub__vpaper *p)
{
	pub_db *db = R->s->db;
	int err, changed = 0;
	R->stats->checked++;
	pub__vmatch_day(p, R->s); /* before the transaction: it may ask Crossref */
	if ((err = pub__db_begin(db)) < 0)
		return err;
	if ((err = file_gains(R, p)) < 0)
		goto fail;
	if (p->match.badge && (err = pub__vapply(db, p, &changed)) < 0)
		goto fail;
	/* what the sources said they do not know, with its day */
	if (p->s2_asked && (err = pub__venue_unknown_set(db, p->id, "semanticscholar",
				    !p->s2_found)) < 0)
		goto fail;
	if ((p->dblp_none || p->match.badge) &&
	    (err = pub__venue_unknown_set(db, p->id, "dblp", p->dblp_none && !p->match.badge)) < 0)
		goto fail;
	if ((err = pub__venue_lookup_record(db, p->id, p->match.badge ? NULL : p->candidates)) < 0)
		goto fail;
	if ((err = pub__db_commit(db)) < 0)
		return err;
	if (changed)
		pub__refresh_say(R->opts, 0, "%s: published at %s (%s %s)", p->citekey, p->match.badge,
			p->match.source, p->match.ref);
	if (!p->match.badge && p->candidates)
		pub__refresh_say(R->opts, 0, "%s: %s, not applied", p->citekey,
			p->workshop_only ? "only a workshop version found"
					 : "more than one published version found");
	if (changed)
		R->stats->changed++;
	else
		R->stats->unchanged++;
	return 0;
fail:
	pub__db_rollback(db);
	return err;
}

/* The full venue name of a paper the page placed, in its own transaction. */
static int file_full(vrun *R, pub__vpaper *p)
{
	pub_db *db = R->s->db;
	int err;
	if ((err = pub__db_begin(db)) < 0)
		return err;
	if ((err = pub__vfill_full(db, p)) < 0) {
		pub__db_rollback(db);
		return err;
	}
	return pub__db_commit(db);
}

static void item_failed(vrun *R, pub__vpaper *p, const char *msg)
{
	char *line = pub__sprintf("%s: %s", p->citekey, msg);
	R->stats->checked++;
	R->stats->failed++;
	if (R->opts->warn)
		R->opts->warn(line, R->opts->warn_ctx);
	free(line);
}

/* A source that fails as a whole (offline, rate-limited, an error page)
 * fails alone; any other error (the database) ends the step. */
static int source_level(int err)
{
	return err == PUB_ENET || err == PUB_ENONET || err == PUB_ERATELIMIT ||
		err == PUB_ENOTFOUND || err == PUB_EPARSE;
}

/* 1b. the owner's Semantic Scholar and ORCID lists (venue_owner.c): the
 * badges they give, stored at once, and the ids they give papers that
 * lack them. */
static int owner_lists(vrun *R, pub__vpaper *ps, size_t n, size_t *placed, size_t *done_n)
{
	static const struct {
		pub__profile_kind kind;
		int s2;
	} lists[] = {{PUB__PROFILE_S2, 1}, {PUB__PROFILE_ORCID, 0}};
	char *was = pub__calloc(n ? n : 1, 1);
	size_t i, k, got;
	int err = 0;
	for (k = 0; k < sizeof(lists) / sizeof(lists[0]) && err == 0; k++) {
		const pub__work_list *l = NULL;
		int rc = pub__sync_owner_profile(&l, R->s, lists[k].kind);
		if (rc < 0 && (source_level(rc) || rc == PUB_EINVAL)) {
			source_failed(R, rc, "the other sources");
			continue;
		}
		if (rc < 0 || !l) {
			err = rc;
			continue;
		}
		R->reached = 1;
		for (i = 0; i < n; i++)
			was[i] = (char)ps[i].placed;
		pub__vlist(ps, n, l, lists[k].s2, &got);
		*placed += got;
		for (i = 0; i < n && err == 0; i++) {
			pub__vpaper *p = &ps[i];
			if (p->placed && !was[i]) {
				if ((err = file_one(R, p)) == 0)
					progress(R->opts, ++*done_n, n);
			} else if (p->gain_doi || p->gain_arxiv) {
				if ((err = pub__db_begin(R->s->db)) < 0)
					break;
				if ((err = file_gains(R, p)) < 0)
					pub__db_rollback(R->s->db);
				else
					err = pub__db_commit(R->s->db);
			}
		}
	}
	free(was);
	return err;
}

int pub__refresh_step_venues(pub__sync *s, const pub_refresh_opts *opts, pub_refresh_stats *stats)
{
	pub_db *db = s->db;
	pub__vpaper *ps = NULL;
	pub__vowner owner;
	pub__http *h = NULL;
	vrun R;
	size_t n = 0, i, left = 0, placed = 0, done_n = 0;
	int err, dblp_down = 0;

	memset(&R, 0, sizeof(R));
	memset(&owner, 0, sizeof(owner));
	R.s = s;
	R.opts = opts;
	R.stats = stats;
	if ((err = load(db, opts->max_age, &ps, &n, &stats->skipped)) < 0 || n == 0)
		goto done;
	if ((err = pub__vowner_load(&owner, db)) < 0 || (err = pub__sync_http(&h, s)) < 0)
		goto done;
	for (i = 0; i < n; i++)
		ps[i].owner = &owner;
	progress(opts, 0, n);
	/* 1. the owner's page: every paper it lists at one request */
	if (owner.pid) {
		const pub__work_list *page = NULL;
		/* fetched once per session: the profiles step reuses it */
		int rc = pub__sync_owner_profile(&page, s, PUB__PROFILE_DBLP);
		if (rc == 0 && page) {
			R.reached = 1;
			pub__vpage(ps, n, page, &placed);
		} else if (rc < 0 && (source_level(rc) || rc == PUB_EINVAL)) {
			source_failed(&R, rc, "Semantic Scholar and DBLP's search");
		} else if (rc < 0) {
			err = rc;
			goto done;
		}
		/* every badge of the page first, then the full venue names */
		for (i = 0; i < n; i++)
			if (ps[i].placed) {
				if ((err = file_one(&R, &ps[i])) < 0)
					goto done;
				progress(opts, ++done_n, n);
			}
		if (placed && (rc = pub__vpage_names(ps, n, h)) < 0) {
			if (!source_level(rc)) {
				err = rc;
				goto done;
			}
			source_failed(&R, rc, NULL);
		}
		for (i = 0; i < n; i++)
			if (ps[i].named && (err = file_full(&R, &ps[i])) < 0)
				goto done;
	}
	if (placed < n && (err = owner_lists(&R, ps, n, &placed, &done_n)) < 0)
		goto done;
	/* 2. Semantic Scholar, the papers left in one batch */
	if (placed < n) {
		int rc = ask_s2(&s->s2, h, ps, n);
		if (rc == 0)
			R.reached = 1;
		else if (source_level(rc))
			source_failed(&R, rc, "DBLP");
		else {
			err = rc;
			goto done;
		}
	}
	/* 3. DBLP per paper, each answer stored as it arrives */
	for (i = 0; i < n; i++) {
		pub__vpaper *p = &ps[i];
		int rc;
		if (p->placed)
			continue;
		if (pub__sync_expired(s))
			break;
		if (p->dblp_unknown && (p->s2_unknown || !p->s2_found)) {
			/* neither knows it, and said so lately: not asked again */
			stats->skipped++;
			continue;
		}
		if (dblp_down || pub__http_held(h, PUB__SVC_DBLP)) {
			left++;
			continue;
		}
		rc = pub__vfind(p, h);
		if (rc == PUB_ERATELIMIT || rc == PUB_ENONET) {
			/* the source as a whole: the rest is left for the next run */
			dblp_down = 1;
			left++;
			source_failed(&R, rc, NULL);
			continue;
		}
		if (rc < 0 && !source_level(rc)) {
			err = rc;
			goto done;
		}
		if (rc < 0) {
			item_failed(&R, p, pub_error_last());
		} else {
			R.reached = 1;
			if ((err = file_one(&R, p)) < 0)
				goto done;
		}
		progress(opts, ++done_n, n);
	}
	if (left) {
		stats->failed += left;
		pub__refresh_say(opts, 1, "venues: %zu paper%s left for the next run (DBLP could not "
			"be asked)", left, left == 1 ? "" : "s");
	}
	err = 0;
	if (!R.reached && R.source_err)
		/* nothing could be reached at all */
		err = pub__error(R.source_err == PUB_ENONET || R.source_err == PUB_ERATELIMIT ?
			R.source_err : PUB_ENET, "venues: no source could be reached");
	else if (stats->failed || R.sources_failed)
		err = pub__error(PUB_EPARTIAL, "%zu of %zu papers could not be checked%s",
			stats->failed, n, R.sources_failed ? " (a source failed)" : "");
done:
	for (i = 0; i < n; i++) {
		free(ps[i].error);
		free(ps[i].candidates);
		free(ps[i].s2_dblp);
		free(ps[i].page_crossref);
		vpaper_free(&ps[i]);
	}
	free(ps);
	pub__vowner_clear(&owner);
	return err;
}

int pub_refresh_venues(pub_db *db, const pub_refresh_opts *opts, pub_refresh_stats *stats)
{
	return pub__refresh_one(db, opts, stats, pub__refresh_step_venues);
}
