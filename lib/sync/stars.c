/*
 * stars.c: the stars step, `refresh --stars`: the repositories due are
 * asked about on GitHub (net/github.c) in batches, and each batch's answers
 * are filed through store/stars.c (counts, history, renames, missing and
 * archived repositories) in one transaction, so a killed refresh leaves a
 * consistent file.  The history and its chart are export/stars.c.
 */
#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "ids/github.h"
#include "store/db.h"
#include "store/events.h"
#include "store/lock.h"
#include "store/stars.h"
#include "sync/refresh.h"
#include "sync/session.h"
#include "net/github.h"
#include "net/http.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* Repositories filed per transaction in REST mode. */
#define REST_CHUNK 50

typedef struct run {
	pub_db *db;
	const pub_refresh_opts *opts;
	pub_refresh_stats *stats;
	char now[21];
} run;

/* The caller draws progress, if it wants to: the library never prints. */
static void progress(const run *R, size_t done, size_t total)
{
	if (R->opts->progress)
		R->opts->progress("GitHub stars", done, total, R->opts->progress_ctx);
}

/* Files a 200 (REST or GraphQL). */
static int file_ok(run *R, pub__star_row *r, const pub__github_item *it, int rest)
{
	const pub__github_repo *g = &it->repo;
	const char *slash = strchr(g->full_name, '/');
	char *owner = pub__strndup(g->full_name, (size_t)(slash - g->full_name));
	const char *name = slash + 1;
	char *old = pub__sprintf("%s/%s", r->owner, r->name);
	int renamed = strcasecmp(old, g->full_name) != 0;
	int64_t id = r->id, twin;
	const char *status = g->archived ? "archived" : renamed ? "renamed" : "ok";
	int changed = 0, err;
	pub__star_count c;

	if ((twin = pub__star_twin(R->db, id, g->id, owner, name)) != 0) {
		if ((err = pub__star_merge(R->db, id, twin)) < 0)
			goto done;
		pub__refresh_say(R->opts, 0, "%s: same repository as %s; merged", old, g->full_name);
		id = twin;
		changed = 1;
	}
	memset(&c, 0, sizeof(c));
	c.github_id = g->id;
	c.owner = owner;
	c.name = name;
	c.stars = g->stars;
	c.description = g->description;
	c.set_etag = rest;
	c.etag = it->new_etag;
	c.checked = R->now;
	c.status = status;
	c.archived = g->archived;
	c.renamed_from = renamed ? old : NULL;
	if ((err = pub__star_store(R->db, id, &c)) < 0)
		goto done;
	if (renamed) {
		if ((err = pub__star_rename_links(R->db, id, owner, name)) < 0)
			goto done;
		pub__refresh_say(R->opts, 0, "%s: renamed to %s", old, g->full_name);
		changed = 1;
	} else if (strcmp(old, g->full_name) != 0) {
		changed = 1; /* only the letter case: GitHub's spelling wins */
	}
	if ((err = pub__star_milestone(R->db, id, r->stars, g->stars)) < 0)
		goto done;
	/* a release is dated by the repository's creation (version 6) */
	if ((err = pub__event_repo_day(R->db, id, g->created)) < 0)
		goto done;
	if (r->stars != g->stars) {
		if (r->stars < 0)
			pub__refresh_say(R->opts, 0, "%s: - -> %ld", g->full_name, g->stars);
		else
			pub__refresh_say(R->opts, 0, "%s: %ld -> %ld", g->full_name, r->stars, g->stars);
		changed = 1;
	}
	if (g->archived && !r->archived) {
		pub__refresh_say(R->opts, 0, "%s: archived on GitHub", g->full_name);
		changed = 1;
	} else if (r->status && !strcmp(r->status, "missing")) {
		pub__refresh_say(R->opts, 0, "%s: found on GitHub again", g->full_name);
		changed = 1;
	}
	if (changed)
		R->stats->changed++;
	else
		R->stats->unchanged++;
done:
	free(owner);
	free(old);
	return err;
}

static int file_item(run *R, pub__star_row *r, const pub__github_item *it, int rest)
{
	int err;
	switch (it->result) {
	case PUB__GH_PENDING:
		return 0;
	case PUB__GH_OK:
		R->stats->checked++;
		return file_ok(R, r, it, rest);
	case PUB__GH_UNCHANGED:
		R->stats->checked++;
		R->stats->unchanged++;
		return pub__star_checked(R->db, r->id, R->now, 0, r->stars);
	case PUB__GH_MISSING:
		R->stats->checked++;
		R->stats->failed++;
		if ((err = pub__star_checked(R->db, r->id, R->now, 1, -1)) < 0)
			return err;
		if (r->stars >= 0)
			pub__refresh_say(R->opts, 1, "%s/%s: not found on GitHub (kept the last count, %ld)",
				r->owner, r->name, r->stars);
		else
			pub__refresh_say(R->opts, 1, "%s/%s: not found on GitHub", r->owner, r->name);
		return 0;
	case PUB__GH_FAILED:
		R->stats->checked++;
		R->stats->failed++;
		pub__refresh_say(R->opts, 1, "%s/%s: %s", r->owner, r->name,
			it->error ? it->error : "failed");
		return 0;
	}
	return 0;
}

int pub__refresh_step_stars(pub__sync *s, const pub_refresh_opts *opts,
	pub_refresh_stats *stats)
{
	pub_db *db = s->db;
	run R;
	pub__http *h = NULL;
	const char *tok = getenv("GITHUB_TOKEN");
	int graphql = tok && *tok, err = 0, ferr = 0;
	unsigned jobs;
	size_t chunk, total = 0, done_n = 0, n = 0, i;
	char cutoff[21], *cut = NULL, *ferr_msg = NULL;
	int64_t after = 0;
	pub__star_row *rows = NULL;
	pub__github_item *items = NULL;

	memset(&R, 0, sizeof(R));
	R.db = db;
	R.opts = opts;
	R.stats = stats;
	jobs = opts->jobs > 1 ? (unsigned)opts->jobs : 1;
	chunk = graphql ? (size_t)PUB__GITHUB_GRAPHQL_BATCH * jobs :
		(jobs * 8 > REST_CHUNK ? jobs * 8 : REST_CHUNK);
	pub__refresh_cutoff(cutoff, opts->max_age);
	cut = *cutoff ? cutoff : NULL;
	if ((err = pub__star_rows_count(db, cut, 1, &stats->skipped)) < 0 ||
	    (err = pub__star_rows_count(db, cut, 0, &total)) < 0)
		goto done;
	if (!total)
		goto done;
	if ((err = pub__sync_http(&h, s)) < 0)
		goto done;
	rows = pub__calloc(chunk, sizeof(*rows));
	items = pub__calloc(chunk, sizeof(*items));
	progress(&R, 0, total);
	for (;;) {
		if ((err = pub__star_rows_load(db, after, cut, chunk, rows, &n)) < 0 || !n)
			break;
		after = rows[n - 1].id;
		for (i = 0; i < n; i++) {
			items[i].owner = rows[i].owner;
			items[i].name = rows[i].name;
			items[i].etag = rows[i].stars >= 0 ? rows[i].etag : NULL;
		}
		ferr = pub__github_fetch(h, items, n, graphql, jobs);
		if (ferr < 0)
			ferr_msg = pub__strdup(pub_error_last());
		pub__now_iso(R.now);
		/* whatever came back is filed, even when the run stops here */
		if ((err = pub__db_begin(db)) == 0) {
			for (i = 0; i < n && err == 0; i++)
				err = file_item(&R, &rows[i], &items[i], !graphql);
			err = err < 0 ? (pub__db_rollback(db), err) : pub__db_commit(db);
		}
		for (i = 0; i < n; i++) {
			pub__github_item_clear(&items[i]);
			pub__star_row_clear(&rows[i]);
		}
		done_n += n;
		progress(&R, done_n, total);
		if (err < 0 || ferr < 0)
			break;
	}
done:
	free(rows);
	free(items);
	if (err == 0 && ferr < 0)
		err = pub__error(ferr, "%s", ferr_msg);
	else if (err == 0 && stats->failed)
		err = pub__error(PUB_EPARTIAL, "%zu of %zu repositories failed",
			stats->failed, stats->checked);
	free(ferr_msg);
	return err;
}

int pub_refresh_stars(pub_db *db, const pub_refresh_opts *opts, pub_refresh_stats *stats)
{
	return pub__refresh_one(db, opts, stats, pub__refresh_step_stars);
}
