/*
 * refresh.c: pub_refresh(), the refresh steps in the order the library
 * knows, in one sync session (session.h); the CLI names steps, not their
 * order.
 */
#include "sync/refresh.h"

#include <string.h>

#include "pub.h"
#include "store/lock.h"
#include "sync/session.h"

typedef int (*step_fn)(pub__sync *s, const pub_refresh_opts *opts, pub_refresh_stats *stats);

/* The order: arXiv first (versions and DOIs the later steps read),
 * citations before venues (its Semantic Scholar batch, of all papers, is
 * kept in the session, so venues asks nothing more), stars, profiles. */
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
};

int pub_refresh(pub_db *db, unsigned int want, const pub_refresh_opts *opts)
{
	pub__refresh_call c;
	pub__sync s;
	size_t i;
	int err = pub__refresh_begin(&c, opts, NULL), first = 0, partial = 0;
	if (err < 0)
		return err;
	pub__sync_open(&s, db);
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		pub_refresh_stats st;
		if (!(want & steps[i].step))
			continue;
		memset(&st, 0, sizeof(st));
		st.version = PUB_REFRESH_STATS_VERSION;
		err = steps[i].fn(&s, &c.opts, &st);
		if (c.opts.on_step)
			c.opts.on_step(steps[i].step, steps[i].name, err, &st, c.opts.step_ctx);
		if (err == PUB_EPARTIAL)
			partial = 1;
		else if (err < 0 && !first)
			first = err;
		if (err == PUB_ENONET || err == PUB_ERATELIMIT) {
			first = err;
			break;
		}
	}
	pub__sync_close(&s);
	return first ? first : partial ? PUB_EPARTIAL : 0;
}
