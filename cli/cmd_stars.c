/*
 * cmd_stars.c: `pubdb stars [--history] [--svg FILE]`: the repositories
 * with their counts, changes over 7 and 30 days, last check and status (a
 * table, or a JSON array with --json), the per-day history, or the history
 * as an SVG chart written atomically (temporary file, then rename).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int history;
static const char *svg;

const cli_opt_spec cmd_stars_opts[] = {
	{CLI_OPT_SWITCH, "history", 0, &history, 0, NULL,
		"the recorded count of every repository per day (--json too)", 0},
	{CLI_OPT_VALUE, "svg", 0, &svg, 0, "FILE",
		"draw the history as an SVG line chart, written atomically",
		CLI_OPT_NONEMPTY | CLI_OPT_FILE},
	CLI_OPT_JSON("a JSON array (as the global --json)"),
	CLI_OPT_QUIET,
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb stars`: its help, next to its options. */
const cmd_text cmd_stars_text = {
	.usage =
		"usage: pubdb stars [--history] [--svg FILE] [--json]\n",
	.description =
		"Lists repositories with their star count, change over 7 and 30 days,\n"
		"last check and status (ok, missing: the count shown is stale, archived,\n"
		"renamed).  With --json: a JSON array.\n",
};

typedef struct lister {
	int json;
	size_t n;
} lister;

static int print_repo(const pub_repo *r, void *ctx)
{
	lister *l = ctx;
	if (l->json) {
		char *json;
		int err = pub_repo_json(&json, r);
		if (err < 0)
			return err;
		fputs(l->n ? ",\n " : "[", stdout);
		fputs(json, stdout);
		free(json);
	} else {
		char full[256], stars[32];
		if (!l->n)
			printf("%-40s %8s %6s %6s  %-20s  %s\n", "REPOSITORY", "STARS",
				"7D", "30D", "CHECKED", "STATUS");
		snprintf(full, sizeof(full), "%s/%s", r->owner, r->name);
		if (r->stars >= 0)
			snprintf(stars, sizeof(stars), "%ld", r->stars);
		else
			snprintf(stars, sizeof(stars), "-");
		printf("%-40s %8s %+6ld %+6ld  %-20s  %s%s\n", full, stars, r->delta_7d,
			r->delta_30d, r->checked ? r->checked : "never", r->status,
			!strcmp(r->status, "missing") ? " (stale count)" : "");
	}
	l->n++;
	return 0;
}

static int print_day(const char *repo, const char *day, long stars, void *ctx)
{
	lister *l = ctx;
	if (l->json) {
		fputs(l->n ? ",\n " : "[", stdout);
		printf("{\"repo\": ");
		cli_json_string(stdout, repo);
		printf(", \"day\": ");
		cli_json_string(stdout, day);
		printf(", \"stars\": %ld}", stars);
	} else {
		printf("%s\t%s\t%ld\n", repo, day, stars);
	}
	l->n++;
	return 0;
}

/* Writes the chart to `path` through a temporary file beside it. */
static int write_svg(cli *c, const char *path)
{
	cli_atomic a;
	int err, rc;
	if ((rc = cli_atomic_open(&a, path)) != EXIT_OK)
		return rc;
	if ((err = pub_stars_svg(c->db, a.f)) < 0)
		rc = cli_fail(err);
	if ((rc = cli_atomic_close(&a, rc)) != EXIT_OK)
		return rc;
	cli_note(c, "wrote %s", path);
	return EXIT_OK;
}

int cmd_stars(cli *c)
{
	int err;
	lister l;
	if (svg)
		return write_svg(c, svg);
	memset(&l, 0, sizeof(l));
	l.json = c->json;
	err = history ? pub_stars_history_foreach(c->db, print_day, &l)
		: pub_repo_foreach(c->db, 0, print_repo, &l);
	if (err < 0)
		return cli_fail(err);
	if (l.json)
		fputs(l.n ? "]\n" : "[]\n", stdout);
	return EXIT_OK;
}
