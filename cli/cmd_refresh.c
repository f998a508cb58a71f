/*
 * cmd_refresh.c: `pubdb refresh [--arxiv] [--venues] [--citations] [--stars]
 * [--profiles] [--links] [--only SOURCE,...]`, built for cron: the CLI names the
 * steps (a row of `steps` each) and pub_refresh() runs them in the
 * library's order, in one session, each service paced by its own rules;
 * silent on success with -q, one line per problem on stderr, exit 0 / 3
 * (some items failed) / 75 (no network or rate limit: retry later), and
 * only one refresh at a time (a second one says so and exits 0).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static int stars, arxiv, venues, citations, profiles, links, openreview, drawn;
static const char *max_age, *max_time, *jobs, *only;

const cli_opt_spec cmd_refresh_opts[] = {
	{CLI_OPT_SWITCH, "arxiv", 0, &arxiv, 0, NULL, "arXiv metadata (versions, DOIs, venues)", 0},
	{CLI_OPT_SWITCH, "openreview", 0, &openreview, 0, NULL,
		"decisions, tiers and their days from OpenReview (ICLR, NeurIPS, ICML,\n"
		"COLM, TMLR); OPENREVIEW_USERNAME/PASSWORD: the owner's notes at once", 0},
	{CLI_OPT_SWITCH, "venues", 0, &venues, 0, NULL,
		"published versions and venue badges (the owner's lists, Semantic Scholar, DBLP)", 0},
	{CLI_OPT_SWITCH, "citations", 0, &citations, 0, NULL,
		"citation counts (Semantic Scholar, OpenAlex), with daily history", 0},
	{CLI_OPT_SWITCH, "stars", 0, &stars, 0, NULL, "GitHub star counts", 0},
	{CLI_OPT_SWITCH, "profiles", 0, &profiles, 0, NULL,
		"the owner's DBLP, ORCID, Semantic Scholar profiles: new papers go\n"
		"to the inbox ('N new papers in the inbox' on stdout, even with -q)", 0},
	{CLI_OPT_SWITCH, "links", 0, &links, 0, NULL,
		"code and project links found in arXiv abstracts and comments and on\n"
		"Hugging Face paper pages (never one removed with link --rm)", 0},
	{CLI_OPT_VALUE, "only", 0, &only, 0, "SOURCES",
		"only these steps, comma-separated: arxiv, openreview, venues,\n"
		"citations, stars, profiles, links", CLI_OPT_NONEMPTY},
	{CLI_OPT_VALUE, "max-age", 0, &max_age, 0, "D",
		"skip items checked within D (90s, 30m, 12h, 7d, 2w)", 0},
	{CLI_OPT_VALUE, "max-time", 0, &max_time, 0, "DURATION",
		"stop the whole run after DURATION (90, 90s, 10m, 1h): exit 3,\n"
		"what was stored stays", 0},
	{CLI_OPT_VALUE, "jobs", 0, &jobs, 0, "N",
		"concurrent GitHub requests (default 1, as GitHub asks)", 0},
	CLI_OPT_QUIET,
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb refresh`: its help, next to its options. */
const cmd_text cmd_refresh_text = {
	.usage =
		"usage: pubdb refresh [--arxiv] [--openreview] [--venues] [--citations] [--stars]\n"
		"                     [--profiles] [--links] [--only SOURCES] [--max-age DURATION]\n"
		"                     [--jobs N] [--max-time DURATION]\n",
	.description =
		"Asks the services what changed, step by step in this order: arXiv\n"
		"metadata, OpenReview decisions, citation counts, venue badges, GitHub\n"
		"stars, the owner's profiles (new papers go to 'pubdb inbox'), code and\n"
		"project links; every step when none is named.  Venue badges come first\n"
		"from the owner's own lists (config owner.dblp, owner.s2, owner.orcid:\n"
		"one request each), then from Semantic Scholar and DBLP paper by paper.\n"
		"An acceptance OpenReview publishes is dated by its decision day in\n"
		"'pubdb news'.  Each answer is stored as it arrives; a source that fails\n"
		"or is rate-limited is one line on stderr and the run goes on with the\n"
		"next.  --max-time DURATION (90, 90s, 10m, 1h) bounds the whole run: no\n"
		"request waits past it; at the limit the run stops, keeps what it\n"
		"stored, names on stderr what was not done, and exits 3.\n"
		"Made for cron: '0 4 * * * pubdb -q refresh --max-age 12h'.\n",
	.epilog =
		"GITHUB_TOKEN, when set, is used for GraphQL batches, S2_API_KEY is sent\n"
		"to Semantic Scholar and OPENALEX_API_KEY to OpenAlex; OPENREVIEW_USERNAME\n"
		"and OPENREVIEW_PASSWORD log in to OpenReview (with config\n"
		"owner.openreview, the owner's notes come in one request; a guest\n"
		"searches each title, about 20 a minute); none is ever printed or\n"
		"stored.  A venue set with edit or add --venue is never replaced;\n"
		"'pubdb doctor' lists the versions --venues found but did not take\n"
		"(workshops, two that fit).  A paper a source does not know is noted,\n"
		"not failed, and that source is not asked about it again for\n"
		"refresh.unknown_days (30) days.  Only one refresh runs at a time: a\n"
		"second one says so and exits 0.  Exit codes: 0 all refreshed, 3 some\n"
		"items failed or a source was skipped (each named on stderr; the other\n"
		"sources go on), 75 nothing could be reached (no network, every source\n"
		"rate-limited: retry later), 1 error.\n",
};

static void on_warning(const char *message, void *ctx)
{
	(void)ctx;
	if (drawn) /* the warning's line, not the bar's */
		fprintf(stderr, "\r%60s\r", "");
	drawn = 0;
	fprintf(stderr, "pubdb: %s\n", message);
}

static void on_change(const char *message, void *ctx)
{
	cli *c = ctx;
	static const char unapplied[] = ", not applied";
	size_t n = strlen(message), k = sizeof(unapplied) - 1;
	if (c->quiet)
		return;
	/* a venue left for the user: doctor lists the candidates */
	if (n >= k && strcmp(message + n - k, unapplied) == 0)
		printf("%s (see pubdb doctor)\n", message);
	else
		printf("%s\n", message);
}

/* "90", "90s", "30m", "12h", "7d", "2w" to seconds; -1 when malformed. */
static long parse_duration(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s || v < 0)
		return -1;
	switch (*end) {
	case '\0':
	case 's':
		break;
	case 'm':
		v *= 60;
		break;
	case 'h':
		v *= 3600;
		break;
	case 'd':
		v *= 86400;
		break;
	case 'w':
		v *= 7 * 86400;
		break;
	default:
		return -1;
	}
	if (*end && end[1])
		return -1;
	return v;
}

/* The bar is the CLI's: the library only reports how far it got. */
static void on_progress(const char *what, size_t done, size_t total, void *ctx)
{
	char bar[31];
	size_t fill = total ? done * 30 / total : 30, i;
	(void)ctx;
	for (i = 0; i < 30; i++)
		bar[i] = i < fill ? '#' : ' ';
	bar[30] = '\0';
	fprintf(stderr, "\r%s [%s] %zu/%zu", what, bar, done, total);
	drawn = 1;
	fflush(stderr);
}

static void clear_progress(void)
{
	if (drawn)
		fprintf(stderr, "\r%60s\r", "");
	drawn = 0;
}

/* New papers on the owner's profiles go to the inbox; the one line saying
 * so is printed even with -q, as cron should mail it. */
static int report_profiles(cli *c, const char *label, int err, const pub_refresh_stats *st,
	int named)
{
	(void)label;
	if (err < 0 && err != PUB_EPARTIAL && err != PUB_EDEADLINE)
		return cli_fail(err);
	if (st->changed)
		printf("%zu new paper%s in the inbox (pubdb inbox)\n", st->changed,
			st->changed == 1 ? "" : "s");
	/* plain `refresh` without profiles set says nothing about them */
	if (st->checked || st->failed || named)
		cli_note(c, "profiles: %zu papers listed, %zu new, %zu known, %zu rejected, %zu failed",
			st->checked, st->changed, st->unchanged, st->skipped, st->failed);
	return cli_exit_code(err);
}

static int report_one(cli *c, const char *label, int err, const pub_refresh_stats *st,
	int named)
{
	(void)named;
	if (err < 0 && err != PUB_EPARTIAL && err != PUB_EDEADLINE)
		return cli_fail(err);
	cli_note(c, "%s: %zu checked, %zu changed, %zu unchanged, %zu skipped, %zu failed",
		label, st->checked, st->changed, st->unchanged, st->skipped, st->failed);
	return cli_exit_code(err);
}

/* The steps a user can name, with how each reports; the library runs them
 * in its own order (pub_refresh). */
static const struct step {
	const char *name;  /* for --only */
	const char *label; /* for the summary line */
	int *flag;         /* its --NAME switch */
	unsigned int bit;  /* pub_refresh_step */
	int (*report)(cli *c, const char *label, int err, const pub_refresh_stats *st,
		int named);
} steps[] = {
	{"arxiv", "arXiv", &arxiv, PUB_REFRESH_ARXIV, report_one},
	{"openreview", "OpenReview", &openreview, PUB_REFRESH_OPENREVIEW, report_one},
	{"citations", "citations", &citations, PUB_REFRESH_CITATIONS, report_one},
	{"venues", "venues", &venues, PUB_REFRESH_VENUES, report_one},
	{"stars", "GitHub stars", &stars, PUB_REFRESH_STARS, report_one},
	{"profiles", "profiles", &profiles, PUB_REFRESH_PROFILES, report_profiles},
	{"links", "links", &links, PUB_REFRESH_LINKS, report_one},
};
#define NSTEPS (sizeof(steps) / sizeof(steps[0]))

typedef struct refresh_run {
	cli *c;
	const int *named;
	int rc;     /* the first failure's, 75 aside */
	int nsteps; /* steps that had something to do */
	int ntemp;  /* ... and could reach nothing (75) */
} refresh_run;

/* Each step's summary as it ends; the exit code is the first failure's;
 * 75 only when no step could reach anything (offline, rate-limited), 3
 * when some could. */
static void on_step(unsigned int bit, const char *name, int err,
	const pub_refresh_stats *st, void *ctx)
{
	refresh_run *r = ctx;
	size_t i;
	int rc2;
	(void)name;
	for (i = 0; i < NSTEPS && steps[i].bit != bit; i++)
		;
	if (i == NSTEPS)
		return;
	clear_progress();
	rc2 = steps[i].report(r->c, steps[i].label, err, st, r->named[i]);
	if (err == 0 && !st->checked && !st->changed && !st->failed)
		return; /* nothing to do */
	r->nsteps++;
	if (rc2 == EXIT_TEMPFAIL)
		r->ntemp++;
	else if (rc2 != EXIT_OK && r->rc == EXIT_OK)
		r->rc = rc2;
}

/* --only arxiv,venues: marks want[i] for each named step; usage error for
 * an unknown name. */
static int parse_only(int *want, const char *list)
{
	const char *p = list;
	while (*p) {
		size_t n = strcspn(p, ","), i;
		int found = 0;
		for (i = 0; i < NSTEPS; i++)
			if (strlen(steps[i].name) == n && strncmp(steps[i].name, p, n) == 0)
				want[i] = found = 1;
		if (!found && n > 0)
			return cli_usage_error("refresh", "--only: unknown source '%.*s' "
				"(arxiv, openreview, venues, citations, stars, profiles, links)", (int)n, p);
		p += n;
		if (*p == ',')
			p++;
	}
	return EXIT_OK;
}

int cmd_refresh(cli *c)
{
	pub_refresh_opts o = PUB_REFRESH_OPTIONS_INIT;
	int err, rc = EXIT_OK, want[NSTEPS], named[NSTEPS], any = 0;
	unsigned int bits = 0;
	refresh_run run;
	size_t i;
	char *end;
	if (max_age && (o.max_age = parse_duration(max_age)) < 0)
		return cli_usage_error("refresh",
			"--max-age takes a duration such as 12h, 7d or 3600");
	if (max_time && (rc = cli_parse_max_time(&o.max_time_ms, "refresh", max_time)) != EXIT_OK)
		return rc;
	if (jobs) {
		long n = strtol(jobs, &end, 10);
		if (!*jobs || *end || n < 1 || n > 64)
			return cli_usage_error("refresh", "--jobs takes a number from 1 to 64");
		o.jobs = (int)n;
	}
	memset(want, 0, sizeof(want));
	if (only && (rc = parse_only(want, only)) != EXIT_OK)
		return rc;
	for (i = 0; i < NSTEPS; i++) {
		if (steps[i].flag && *steps[i].flag)
			want[i] = 1;
		named[i] = want[i];
		any |= want[i];
	}
	if (!any) /* plain `refresh`: every step there is */
		for (i = 0; i < NSTEPS; i++)
			want[i] = 1;
	o.warn = on_warning;
	o.on_change = on_change;
	o.change_ctx = c;
	if (!c->quiet && isatty(STDERR_FILENO))
		o.progress = on_progress;

	if ((err = pub_refresh_lock(c->db)) < 0) {
		if (err == PUB_EBUSY) {
			cli_note(c, "%s; not starting a second one", pub_error_last());
			return EXIT_OK;
		}
		return cli_fail(err);
	}
	run.c = c;
	run.named = named;
	run.rc = EXIT_OK;
	run.nsteps = run.ntemp = 0;
	for (i = 0; i < NSTEPS; i++)
		if (want[i])
			bits |= steps[i].bit;
	o.on_step = on_step;
	o.step_ctx = &run;
	/* the steps report through on_step; a failure before any step
	 * (options) is the run's */
	err = pub_refresh(c->db, bits, &o);
	if (err == PUB_EDEADLINE) { /* one line: what the limit left undone */
		fprintf(stderr, "pubdb: %s\n", pub_error_last());
		rc = EXIT_PARTIAL;
	}
	else if (err < 0 && run.rc == EXIT_OK && !run.ntemp && err != PUB_EPARTIAL)
		rc = cli_fail(err);
	else if (run.rc != EXIT_OK)
		rc = run.rc;
	else if (run.ntemp)
		rc = run.ntemp == run.nsteps ? EXIT_TEMPFAIL : EXIT_PARTIAL;
	else
		rc = EXIT_OK;
	pub_refresh_unlock(c->db);
	return rc;
}
