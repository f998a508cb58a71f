/*
 * pub/refresh.h: the network: adding by identifier, refresh steps, venues.
 * Part of pub.h, the one public header: include <pub.h>, not this file.
 */
#ifndef PUB_PUBLIC_REFRESH_H
#define PUB_PUBLIC_REFRESH_H

#include "common.h"
#include "db.h"
#include "import.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- network: add by identifier, refresh ------------------------------- */

/* Adds papers by identifier: arxiv:ID (any form pubdb accepts), doi:DOI,
 * arxiv.org and doi.org URLs.  arXiv ids go in one batched request.  Each
 * paper is stored like an imported entry (merge rules, opts->tags, links,
 * venue ...; opts->on_paper reports it).  An id that fails (not found, a
 * ghost entry) is reported through opts->warn and counted in
 * stats->skipped while the others are stored; then the call returns
 * PUB_ENOTFOUND.  Every identifier is checked first: a malformed one
 * returns PUB_EINVAL before any request.  Network failures (including a
 * malformed answer) return PUB_ENET, or PUB_ENONET when there is no
 * network at all; nothing is stored then.  All storing happens in one
 * transaction after the requests.  arXiv's last request time is kept in
 * the setting arxiv_last_request, also when the command fails.  With
 * opts->dry_run, each entry's BibTeX goes to opts->on_dry_run instead and
 * opts->on_paper is not called.  The call runs in a sync session of its
 * own: opts->max_time_ms is its time limit. */
PUB_EXTERN int pub_add_ids(pub_db *db, const char *const *ids, size_t n,
	const pub_import_opts *opts, pub_import_stats *stats);

/* The parts of pub_add(): every paper of the profiles, then the papers of
 * the identifiers. */
typedef enum pub_add_part {
	PUB_ADD_PROFILES = 1, /* dblp:PID, orcid:ID, s2author:ID (pub_add_profiles) */
	PUB_ADD_IDS = 2       /* arxiv:ID, doi:DOI, their URLs (pub_add_ids) */
} pub_add_part;

/* Called after each part pub_add() ran with its result (0 or an error
 * whose message pub_error_last() still holds) and its counts; what it
 * returns is the part's result from then on: non-zero (an error, or
 * PUB_EDEADLINE, PUB_ENOTFOUND handed back) stops pub_add(), which returns
 * it, and 0 goes on with the next part. */
typedef int (*pub_add_part_fn)(pub_add_part part, int err, const pub_import_stats *stats,
	void *ctx);

/* `pubdb add` of profiles and identifiers in one sync session, as
 * pub_refresh() runs its steps: one client (each service's pacing holds
 * across the parts), one time limit (opts->max_time_ms) for the whole
 * call.  `inputs` are sorted by pub_profile_id_is(): the profiles go to
 * pub_add_profiles()'s part, the others to pub_add_ids()'s; each part
 * that has inputs runs, profiles first, and is reported to on_part (NULL:
 * the first error stops and is returned). */
PUB_EXTERN int pub_add(pub_db *db, const char *const *inputs, size_t n,
	const pub_import_opts *opts, pub_add_part_fn on_part, void *ctx);

/* Progress of a refresh: `done` of `total` items of `what` ("GitHub
 * stars") are finished; called once with done 0 before the first request
 * and after each batch, the last time with done == total. */
typedef void (*pub_progress_fn)(const char *what, size_t done, size_t total,
	void *ctx);

typedef struct pub_refresh_stats pub_refresh_stats;

typedef struct pub_refresh_opts {
	unsigned int version; /* PUB_REFRESH_OPTIONS_VERSION */
	long max_age;  /* seconds: skip items checked more recently (0: all) */
	int jobs;      /* concurrent requests (GitHub REST); 0 or 1: serial */
	pub_progress_fn progress; /* may be NULL */
	void *progress_ctx;
	pub_warn_fn warn;   /* one line per failed item or notable change */
	void *warn_ctx;
	/* One line per change ("2408.12588: v2 -> v3", "hpcaitech/FastFold:
	 * 1234 -> 1240"), for the CLI to print unless -q. */
	void (*on_change)(const char *message, void *ctx);
	void *change_ctx;
	/* Version 2.  pub_refresh(): called after each step with the step, its
	 * name ("arxiv", "citations", ...), its result (0, PUB_EPARTIAL or an
	 * error whose message pub_error_last() still holds) and its stats. */
	void (*on_step)(unsigned int step, const char *name, int err,
		const pub_refresh_stats *stats, void *ctx);
	void *step_ctx;
	/* Version 3.  pub_refresh(): the whole run's time limit in
	 * milliseconds (0: none).  No request waits past what is left (its
	 * connect and transfer timeouts, pacing and retry waits are cut to
	 * it); at the limit the run stops, keeps what it stored, and returns
	 * PUB_EDEADLINE whose message names the steps not done. */
	long max_time_ms;
} pub_refresh_opts;

#define PUB_REFRESH_OPTIONS_VERSION 3
#define PUB_REFRESH_OPTIONS_INIT {.version = PUB_REFRESH_OPTIONS_VERSION}

/* Zeroes `opts` and sets its version; PUB_EINVAL for an unknown version. */
PUB_EXTERN int pub_refresh_options_init(pub_refresh_opts *opts, unsigned int version);

/* Filled by the call; the caller sets `version` (PUB_REFRESH_STATS_INIT). */
struct pub_refresh_stats {
	unsigned int version; /* PUB_REFRESH_STATS_VERSION */
	size_t checked;   /* items asked about */
	size_t changed;   /* items whose stored data changed */
	size_t unchanged; /* e.g. GitHub 304 */
	size_t skipped;   /* fresher than max_age */
	size_t failed;    /* reported through warn */
};

#define PUB_REFRESH_STATS_VERSION 1
#define PUB_REFRESH_STATS_INIT {.version = PUB_REFRESH_STATS_VERSION}

/* Takes the refresh lock (one refresh at a time per database, released
 * when the process ends, even by SIGKILL).  PUB_EBUSY when another refresh
 * holds it.  pub_refresh_unlock releases it early. */
PUB_EXTERN int pub_refresh_lock(pub_db *db);

/* The steps of pub_refresh(), in the order it runs them: arXiv first (new
 * versions and DOIs the others use), OpenReview's decisions, citations
 * before venues (Semantic Scholar's batch is asked once and shared), then
 * stars, profiles and links. */
typedef enum pub_refresh_step {
	PUB_REFRESH_ARXIV = 1u << 0,
	PUB_REFRESH_CITATIONS = 1u << 1,
	PUB_REFRESH_VENUES = 1u << 2,
	PUB_REFRESH_STARS = 1u << 3,
	PUB_REFRESH_PROFILES = 1u << 4,
	PUB_REFRESH_LINKS = 1u << 5,
	/* decisions of the venues OpenReview hosts (pub_refresh_openreview) */
	PUB_REFRESH_OPENREVIEW = 1u << 6,
	PUB_REFRESH_ALL = (1u << 7) - 1,
} pub_refresh_step;

/* Runs the `steps` (pub_refresh_step bits) in the library's order in one
 * sync session: one HTTP client whose per-service pacing holds across the
 * steps, and caches shared between them.  Each step reports through
 * opts->on_step (version 2).  A step that fails does not stop the next,
 * except offline (PUB_ENONET) or rate-limited (PUB_ERATELIMIT), which end
 * the run (cron tries again later).  Returns the first step's error
 * (PUB_ENONET / PUB_ERATELIMIT when the run ended so), else PUB_EPARTIAL
 * when a step had failed items, else 0; PUB_EDEADLINE when opts->max_time_ms
 * ran out first ("time limit reached after 2 s; not done: venues (cut
 * short), stars, profiles"): the step cut short reports PUB_EDEADLINE
 * through on_step, the steps after it are not run. */
PUB_EXTERN int pub_refresh(pub_db *db, unsigned int steps, const pub_refresh_opts *opts);
PUB_EXTERN void pub_refresh_unlock(pub_db *db);

/* Decisions from OpenReview (API v2), which publishes them for ICLR,
 * NeurIPS, ICML, COLM and TMLR with the tier and the day: each paper
 * without a decision (the owner's, when config `owner` is set) whose badge
 * is none, a preprint's, a workshop's or one of those venues' is looked up (with OPENREVIEW_USERNAME /
 * OPENREVIEW_PASSWORD and config owner.openreview, all of the owner's notes
 * in one request; else a guest's title search each, about 20 a minute).
 * Only a venue's own note counts (never a DBLP/CoRR import), with the
 * paper's folded title and agreeing authors (the owner among them, or at
 * least half of the paper's authors).  An accepted one is stored as the
 * paper's decision (pub_paper.decision), sets the badge unless the owner
 * set the venue, and dates the acceptance's news item by the decision day
 * (its pdate); a rejected, withdrawn or pending one sets nothing.  Each
 * change goes to opts->on_change; opts->max_age skips papers looked up
 * more recently.  Same returns as pub_refresh_arxiv; a guest challenge on
 * the search ends the step with PUB_ENET ("... needs an account"). */
PUB_EXTERN int pub_refresh_openreview(pub_db *db, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);

/* Re-queries every arXiv paper in batches; updates version, dates, DOI and
 * journal reference, and records a published version (venue, year, DOI)
 * when a preprint gained one, keeping its arXiv id.  Each change goes to
 * opts->on_change ("2408.12588: v2 -> v3", "2408.12588: published as
 * 10.x/y"); papers.checked is set on every paper checked, and opts->max_age
 * skips papers checked more recently.  Returns 0 when every item was
 * checked, PUB_EPARTIAL when some failed (each through opts->warn,
 * stats->failed; the others are stored), PUB_ENET/PUB_ENONET when no answer
 * came at all (nothing changed then). */
PUB_EXTERN int pub_refresh_arxiv(pub_db *db, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);

/* Refreshes GitHub star counts (REST with ETags, or GraphQL batches when
 * GITHUB_TOKEN is set), records history, follows renames, marks missing
 * and archived repositories.  Same returns as pub_refresh_arxiv, plus
 * PUB_ERATELIMIT when the primary limit ran out (the message says when to
 * retry).  Each answer sets the repository's stars, description, GitHub
 * id, ETag, status and checked time and records today's count in the
 * history; answers are committed one transaction per batch, so a refresh
 * killed midway leaves a consistent database.  A rename updates owner/name
 * (renamed_from keeps the old one) and the stored link URLs; a missing
 * repository keeps its last count and counts as failed.  opts->on_change
 * gets each change, opts->warn each failure; opts may be NULL. */
PUB_EXTERN int pub_refresh_stars(pub_db *db, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);

/* Finds code and project links (refresh --links): for every paper, the
 * first GitHub or GitLab URL of its arXiv comments or abstract is its
 * code; for every arXiv paper still without a code link or a project
 * page, Hugging Face's paper page (GET /api/papers/{id}; a 404 means not
 * indexed) gives githubRepo as the code and projectPage as the project
 * page, filed under the kind the setting links.project names ("project"
 * when unset; "blog" for a page that calls it so).  A found link is
 * stored with its source ("arxiv", "huggingface"; pub_link.source) only
 * when the user has not removed it (`link --rm` is remembered, for a code
 * link the whole repository) and the paper has no link of that kind yet;
 * a GitHub code link brings its repository row, and so its stars.  Each
 * new link goes to opts->on_change ("zhao2024realtime: blog
 * https://oahzxl.github.io/PAB/ (found by huggingface)").  opts->max_age
 * skips papers looked at more recently.  Returns as pub_refresh_arxiv,
 * plus PUB_ERATELIMIT when Hugging Face kept answering 429 (what it
 * answered before is stored). */
PUB_EXTERN int pub_refresh_links(pub_db *db, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);

/* ---- venues: published versions found by pubdb (refresh --venues) ----- */

/* Finds the published version of every paper without a venue badge whose
 * venue the user did not set (edit venue=, add --venue): Semantic Scholar
 * first (arXiv ids and DOIs, 500 per batch request), which names the
 * published version's DBLP record; then that record's BibTeX, or for the
 * papers S2 could not place a DBLP title search; a paper DBLP does not
 * know gets S2's own journal or conference (venue_source
 * 'semanticscholar'; not for a merged arXiv preprint, whose year S2
 * keeps).  A version is accepted
 * only with the same folded title, a common author family name, a year
 * from the paper's year - 1 to + 2, and never a CoRR/arXiv/preprint
 * record; a workshop version is not taken, and neither are two acceptable
 * versions: those are kept as candidates that `pubdb doctor` lists.  On a
 * match: the badge ("ICLR 2025", DBLP's short venue and year) with
 * venue_source 'dblp' and the DBLP key, the full venue name, pages and
 * DOI into the BibTeX fields the entry lacks, an event "venue", and a line
 * to opts->on_change ("zhao2024realtime: published at ICLR 2025 (dblp
 * conf/iclr/ZhaoJWY25)").  opts->max_age skips papers looked up more
 * recently.  Every request runs before the one transaction that stores the
 * results.  Returns 0; PUB_EPARTIAL when some papers failed (each through
 * opts->warn; the others are stored); PUB_ERATELIMIT when S2 or DBLP kept
 * answering 429, PUB_ENET/PUB_ENONET when S2 failed or DBLP is
 * unreachable: nothing is stored then. */
PUB_EXTERN int pub_refresh_venues(pub_db *db, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);

/* Calls cb for each recorded day of each repository ("owner/name",
 * "YYYY-MM-DD", count), by repository then day; the strings are valid
 * during the call.  A non-zero return from cb stops and is returned. */
PUB_EXTERN int pub_stars_history_foreach(pub_db *db,
	int (*cb)(const char *repo, const char *day, long stars, void *ctx),
	void *ctx);

/* Writes the star history of every repository as a whole SVG document: a
 * line chart with one polyline per repository that has history, axes with
 * dates and counts, a legend.  Writing to a temporary file and renaming it
 * is the caller's business. */
PUB_EXTERN int pub_stars_svg(pub_db *db, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
