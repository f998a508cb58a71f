/*
 * citations.c: `refresh --citations`: which papers to ask about, asking
 * each source in turn (one step per source, steps[] below), and filing the
 * answers through pub__citation_store() (store/citations.c), one
 * transaction per batch, so a refresh killed midway leaves a consistent
 * file.  The clients are s2.c (Semantic Scholar's batch, shared with venue
 * discovery) and openalex.c.  A paper OpenAlex does not know is not asked
 * about again for refresh.unknown_days (unknown.h).
 */
#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "store/citations.h"
#include "store/db.h"
#include "store/lock.h"
#include "net/http.h"
#include "net/openalex.h"
#include "net/s2.h"
#include "sync/refresh.h"
#include "sync/session.h"
#include "sync/s2_cache.h"
#include "sync/unknown.h"
#include "store/venues.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* OpenAlex allows 100 requests/s; a few at a time stays well below. */
#define OPENALEX_JOBS 8
#define OPENALEX_CHUNK 64

typedef enum item_result { ITEM_PENDING = 0, ITEM_OK, ITEM_NOTFOUND, ITEM_FAILED } item_result;

/* A paper asked about, and what one source answered. */
typedef struct item {
	int64_t id;
	char *key, *doi, *arxiv; /* doi or arxiv may be NULL, not both */
	item_result result;
	int64_t count;
	char *error;             /* FAILED, NOTFOUND: the message (owned) */
} item;

typedef struct run {
	pub__sync *sync;
	pub_db *db;
	const pub_refresh_opts *opts;
	pub_refresh_stats *stats;
	pub__http *h;
	char since[21];     /* negative answers of this day or later hold */
} run;

/* One source.  fetch fills each item's result (and count or error) and
 * returns < 0 only when the source failed as a whole (PUB_ENONET,
 * PUB_ERATELIMIT); the answers it got are filed anyway. */
typedef struct step {
	const char *source; /* as stored: citations.source */
	const char *name;   /* for messages: "OpenAlex" */
	const char *what;   /* for progress: "OpenAlex citations" */
	size_t chunk;       /* papers per round of requests and transaction */
	int (*fetch)(run *R, item *items, size_t n);
	int remember;       /* its "not known" is stored and holds
	                       refresh.unknown_days (unknown.h) */
} step;


/* ---- OpenAlex ----------------------------------------------------------- */

/* A paper's DOI, or else its arXiv DOI (DataCite's 10.48550/arXiv.ID,
 * which OpenAlex keeps as a separate preprint work). */
static int openalex_fetch(run *R, item *items, size_t n)
{
	pub__openalex_item *q = pub__calloc(n, sizeof(*q));
	char **dois = pub__calloc(n, sizeof(*dois));
	size_t i;
	int err;
	for (i = 0; i < n; i++) {
		dois[i] = items[i].doi ? pub__strdup(items[i].doi)
			: pub__sprintf("10.48550/arXiv.%s", items[i].arxiv);
		q[i].doi = dois[i];
	}
	err = pub__openalex_fetch(R->h, q, n, OPENALEX_JOBS);
	for (i = 0; i < n; i++) {
		if (err == PUB_ENONET || err == PUB_ERATELIMIT) {
			/* OpenAlex failed as a whole: one message, from the caller */
			pub__openalex_item_clear(&q[i]);
			free(dois[i]);
			continue;
		}
		if (q[i].error) {
			items[i].error = q[i].error;
			q[i].error = NULL;
		}
		if (q[i].result == PUB__OA_OK && !items[i].error) {
			items[i].result = ITEM_OK;
			items[i].count = q[i].cited_by;
		} else {
			items[i].result = q[i].result == PUB__OA_NOTFOUND ? ITEM_NOTFOUND
				: ITEM_FAILED;
		}
		pub__openalex_item_clear(&q[i]);
		free(dois[i]);
	}
	free(q);
	free(dois);
	return err;
}

/* ---- Semantic Scholar ----------------------------------------------------- */

/* One batch request for the chunk: a paper by its arXiv id (S2 merges the
 * preprint with its published version, so the count is the paper's), else
 * by its DOI.  A `null` slot is a paper S2 does not know. */
static int s2_fetch(run *R, item *items, size_t n)
{
	pub__s2_paper *out = pub__calloc(n, sizeof(*out));
	char **ids = pub__calloc(n, sizeof(*ids));
	size_t i;
	int err;
	for (i = 0; i < n; i++)
		ids[i] = pub__s2_id(items[i].arxiv, items[i].doi);
	err = pub__s2_batch_cached(out, &R->sync->s2, R->h, (const char *const *)ids, n);
	for (i = 0; i < n; i++) {
		if (err < 0) {
			/* the source failed as a whole: one message, from the caller */
			items[i].result = ITEM_PENDING;
		} else if (!out[i].found || out[i].citation_count < 0) {
			items[i].result = ITEM_NOTFOUND;
			items[i].error = pub__sprintf("Semantic Scholar does not know %s", ids[i]);
		} else {
			items[i].result = ITEM_OK;
			items[i].count = out[i].citation_count;
		}
		free(ids[i]);
	}
	if (err == 0)
		pub__s2_papers_free(out, n);
	free(out);
	free(ids);
	return err;
}

/* The sources, asked in this order: Semantic Scholar first (500 papers a
 * request), then OpenAlex (one free lookup per DOI).
 * Crossref's is-referenced-by-count is stored whenever Crossref's /works
 * answer is fetched for metadata (source.c), but has no step here: its
 * public pool allows one request at a time at 5/s (1,000 DOIs: over 3
 * minutes) for the count OpenAlex gives free at 100/s. */
static const step steps[] = {
	{"semanticscholar", "Semantic Scholar", "Semantic Scholar citations",
		PUB__S2_BATCH_MAX, s2_fetch, 0},
	/* one request per paper: a paper it does not know is not asked again
	 * for refresh.unknown_days */
	{"openalex", "OpenAlex", "OpenAlex citations", OPENALEX_CHUNK, openalex_fetch, 1},
};

/* ---- the loop shared by every source ------------------------------------ */

static void item_free(item *it)
{
	free(it->key);
	free(it->doi);
	free(it->arxiv);
	free(it->error);
	memset(it, 0, sizeof(*it));
}

static int count_rows(pub_db *db, const char *source, const char *cutoff, int fresh,
	size_t *out)
{
	return pub__citations_due_count(out, db, source, cutoff, fresh);
}

typedef struct chunk {
	item *items;
	size_t *n;
	const char *source; /* with since: skips papers it said it does not know */
	const char *since;
	int64_t last;       /* the last paper read */
	size_t remembered;  /* papers skipped for a remembered "not known" */
} chunk;

static int take_due(int64_t id, const char *key, const char *doi, const char *arxiv,
	const char *unknown, void *ctx)
{
	chunk *c = ctx;
	item *it;
	c->last = id;
	if (c->since && pub__unknown_remembered(unknown, c->source, c->since)) {
		c->remembered++;
		return 0;
	}
	it = &c->items[(*c->n)++];
	memset(it, 0, sizeof(*it));
	it->id = id;
	it->key = key ? pub__strdup(key) : NULL;
	it->doi = doi ? pub__strdup(doi) : NULL;
	it->arxiv = arxiv ? pub__strdup(arxiv) : NULL;
	return 0;
}

/* Papers with id > after not counted by `source` since cutoff (NULL: all),
 * without those it said lately it does not know (since: NULL, none
 * skipped); *last is the last paper read (0: none was). */
static int load_chunk(pub_db *db, const char *source, int64_t after,
	const char *cutoff, const char *since, size_t limit, item *items, size_t *n,
	int64_t *last, size_t *remembered)
{
	chunk c;
	int err;
	*n = 0;
	memset(&c, 0, sizeof(c));
	c.items = items;
	c.n = n;
	c.source = source;
	c.since = since;
	err = pub__citations_due(db, source, after, cutoff, limit, take_due, &c);
	*last = c.last;
	*remembered += c.remembered;
	return err;
}

static int file_item(run *R, const step *s, item *it, const char *now)
{
	long prev;
	int rc, err;
	switch (it->result) {
	case ITEM_PENDING:
		return 0;
	case ITEM_NOTFOUND:
		/* not a failure: the source does not index every paper; it is
		 * not asked again for refresh.unknown_days */
		R->stats->checked++;
		R->stats->unchanged++;
		pub__refresh_say(R->opts, 0, "%s: not in %s", it->key, s->name);
		return s->remember ? pub__venue_unknown_set(R->db, it->id, s->source, 1) : 0;
	case ITEM_FAILED:
		R->stats->checked++;
		R->stats->failed++;
		pub__refresh_say(R->opts, 1, "%s: %s", it->key, it->error ? it->error : "failed");
		return 0;
	case ITEM_OK:
		break;
	}
	R->stats->checked++;
	if ((rc = pub__citation_store(R->db, it->id, s->source, it->count, now, &prev)) < 0)
		return rc;
	/* it knows the paper: a "not known" of before is forgotten */
	if (s->remember && (err = pub__venue_unknown_set(R->db, it->id, s->source, 0)) < 0)
		return err;
	if (rc == 0) {
		R->stats->unchanged++;
		return 0;
	}
	R->stats->changed++;
	if (prev < 0)
		pub__refresh_say(R->opts, 0, "%s: cited by %lld (%s)", it->key, (long long)it->count, s->source);
	else
		pub__refresh_say(R->opts, 0, "%s: cited by %ld -> %lld (%s)", it->key, prev,
			(long long)it->count, s->source);
	return 0;
}

static int run_step(run *R, const step *s, const char *cut)
{
	item *items = NULL;
	size_t n, i, total = 0, done_n = 0, skipped = 0, remembered = 0;
	int64_t after = 0, last = 0;
	int err, ferr = 0;
	char now[21];

	if ((err = count_rows(R->db, s->source, cut, 1, &skipped)) < 0 ||
	    (err = count_rows(R->db, s->source, cut, 0, &total)) < 0)
		return err;
	R->stats->skipped += skipped;
	if (!total)
		return 0;
	items = pub__calloc(s->chunk, sizeof(*items));
	if (R->opts->progress)
		R->opts->progress(s->what, 0, total, R->opts->progress_ctx);
	for (;;) {
		size_t before = remembered;
		if ((err = load_chunk(R->db, s->source, after, cut, s->remember ? R->since : NULL,
			     s->chunk, items, &n, &last, &remembered)) < 0 || !last)
			break;
		after = last;
		R->stats->skipped += remembered - before;
		done_n += remembered - before;
		if (n) { /* else every paper of the chunk is remembered */
			ferr = s->fetch(R, items, n);
			pub__now_iso(now);
			/* whatever came back is filed, even when the run stops here */
			if ((err = pub__db_begin(R->db)) == 0) {
				for (i = 0; i < n && err == 0; i++)
					err = file_item(R, s, &items[i], now);
				err = err < 0 ? (pub__db_rollback(R->db), err) : pub__db_commit(R->db);
			}
			for (i = 0; i < n; i++)
				item_free(&items[i]);
			done_n += n;
		}
		if (R->opts->progress)
			R->opts->progress(s->what, done_n > total ? total : done_n, total,
				R->opts->progress_ctx);
		if (err < 0 || ferr < 0)
			break;
	}
	free(items);
	return err < 0 ? err : ferr;
}

int pub__refresh_step_citations(pub__sync *s, const pub_refresh_opts *opts,
	pub_refresh_stats *stats)
{
	pub_db *db = s->db;
	run R;
	char cutoff[21], *cut = NULL, *msg = NULL;
	size_t i;
	int err, reached = 0;

	memset(&R, 0, sizeof(R));
	R.sync = s;
	R.db = db;
	R.opts = opts;
	R.stats = stats;
	if ((err = pub__unknown_since(R.since, db)) < 0)
		return err;
	pub__refresh_cutoff(cutoff, opts->max_age);
	cut = *cutoff ? cutoff : NULL;
	if ((err = pub__sync_http(&R.h, s)) < 0)
		return err;
	/* A source that fails as a whole (offline, rate-limited) does not keep
	 * the next one from running; its error is the run's.  Any other error
	 * (the database) stops the run. */
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		int e = run_step(&R, &steps[i], cut);
		if (e == 0) {
			reached = 1;
			continue;
		}
		if (!err) {
			err = e;
			msg = pub__strdup(pub_error_last());
		} else if (R.opts->warn) { /* the first is the run's error */
			R.opts->warn(pub_error_last(), R.opts->warn_ctx);
		}
		if (e != PUB_ENET && e != PUB_ENONET && e != PUB_ERATELIMIT)
			break;
	}
	if ((err == PUB_ENONET || err == PUB_ERATELIMIT) && reached) {
		/* a source failed alone: the others answered */
		if (R.opts->warn)
			R.opts->warn(msg, R.opts->warn_ctx);
		free(msg);
		err = pub__error(PUB_EPARTIAL, "%zu of %zu papers failed; a source could not be "
			"reached", stats->failed, stats->checked);
	} else if (err < 0) {
		/* the first failure's message, kept past the cleanup */
		err = pub__error(err, "%s", msg);
		free(msg);
	} else if (stats->failed) {
		err = pub__error(PUB_EPARTIAL, "%zu of %zu papers failed", stats->failed,
			stats->checked);
	}
	return err;
}

int pub_refresh_citations(pub_db *db, const pub_refresh_opts *opts, pub_refresh_stats *stats)
{
	return pub__refresh_one(db, opts, stats, pub__refresh_step_citations);
}
