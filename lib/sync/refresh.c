/*
 * refresh.c: pub_refresh(), the refresh steps in the order the library
 * knows, in one sync session (session.h); the CLI names steps, not their
 * order.
 */
#include "sync/refresh.h"

#include <string.h>

#include "pub.h"
#include "store/lock.h"
#include "util/buf.h"
#include "util/error.h"
#include "sync/session.h"

typedef int (*step_fn)(pub__sync *s, const pub_refresh_opts *opts, pub_refresh_stats *stats);

/* The order: arXiv first (versions and DOIs the later steps read),
 * citations before venues (its Semantic Scholar batch, of all papers, is
 * kept in the session, so venues asks nothing more), stars, profiles,
 * links (after arXiv, whose abstracts and comments it reads). */
static const struct {
	unsigned int step;
	const char *name;
	step_fn fn;
} steps[] = {
	{PUB_REFRESH_ARXIV, "arxiv", pub__refresh_step_arxiv},
	{PUB_REFRESH_CITATIONS, "citations", pub__refresh_step_citations},
	{PUB_REFRESH_VENUES, "venues", pub__refresh_step_venues},
	{PUB_REFRESH_STARS, "stars", pub__refresh_step_stars},
	{PUB_REFRESH_PROFILES, "profiles", pub__refresh_step_profiles},
	{PUB_REFRESH_LINKS, "links", pub__refresh_step_links},
};

/* After the time limit every request fails at once: those failures say
 * nothing about the items, so they are not reported one by one (the run's
 * one line says what was left). */
typedef struct warn_gate {
	const pub__sync *s;
	pub_warn_fn warn;
	void *ctx;
} warn_gate;

static void gated_warn(const char *message, void *ctx)
{
	warn_gate *g = ctx;
	if (!pub__sync_expired(g->s))
		g->warn(message, g->ctx);
}

int pub_refresh(pub_db *db, unsigned int want, const pub_refresh_opts *opts)
{
	pub__refresh_call c;
	pub__sync s;
	warn_gate gate;
	pub__buf left = PUB__BUF_INIT;
	int64_t started = pub__http_now_ms();
	size_t i;
	int err = pub__refresh_begin(&c, opts, NULL), first = 0, partial = 0, cut = 0;
	int nrun = 0, ntemp = 0, temp = 0;
	if (err < 0)
		return err;
	pub__sync_open(&s, db);
	pub__sync_set_limit(&s, c.opts.max_time_ms);
	if (c.opts.warn) {
		gate.s = &s;
		gate.warn = c.opts.warn;
		gate.ctx = c.opts.warn_ctx;
		c.opts.warn = gated_warn;
		c.opts.warn_ctx = &gate;
	}
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		pub_refresh_stats st;
		if (!(want & steps[i].step))
			continue;
		if (cut || pub__sync_expired(&s)) {
			pub__buf_printf(&left, "%s%s", left.len ? ", " : "", steps[i].name);
			cut = 1;
			continue;
		}
		memset(&st, 0, sizeof(st));
		st.version = PUB_REFRESH_STATS_VERSION;
		err = steps[i].fn(&s, &c.opts, &st);
		if (pub__sync_expired(&s)) {
			/* cut short: whatever it returned, the limit stopped it */
			pub__buf_printf(&left, "%s%s (cut short)", left.len ? ", " : "",
				steps[i].name);
			cut = 1;
			err = pub__error(PUB_EDEADLINE, "%s: time limit reached", steps[i].name);
		}
		if (c.opts.on_step)
			c.opts.on_step(steps[i].step, steps[i].name, err, &st, c.opts.step_ctx);
		if (cut)
			continue;
		/* each step fails alone: offline or rate-limited, the next one
		 * still runs (its services may answer) */
		if (err == 0 && !st.checked && !st.changed && !st.failed)
			continue; /* nothing to do: neither reached nor failed */
		nrun++;
		if (err == PUB_EPARTIAL)
			partial = 1;
		else if (err == PUB_ENONET || err == PUB_ERATELIMIT)
			ntemp++, temp = temp ? temp : err;
		else if (err < 0 && !first)
			first = err;
	}
	pub__sync_close(&s);
	if (cut) {
		int64_t ms = pub__http_now_ms() - started;
		err = pub__error(PUB_EDEADLINE, "time limit reached after %lld.%01lld s; not done: %s",
			(long long)(ms / 1000), (long long)(ms % 1000 / 100), left.ptr);
		pub__buf_free(&left);
		return err;
	}
	pub__buf_free(&left);
	if (first)
		return first;
	/* 75 only when nothing could be reached at all */
	if (ntemp && ntemp == nrun)
		return temp;
	return partial || ntemp ? PUB_EPARTIAL : 0;
}

int pub__refresh_one(pub_db *db, const pub_refresh_opts *opts, pub_refresh_stats *stats,
	pub__refresh_step_fn step)
{
	pub__refresh_call c;
	pub__sync s;
	int err = pub__refresh_begin(&c, opts, stats);
	if (err == 0) {
		pub__sync_open(&s, db);
		err = step(&s, &c.opts, &c.stats);
		pub__sync_close(&s);
	}
	return pub__refresh_end(&c, stats, err);
}
