/*
 * cmd_refresh.c: `pubdb refresh [--stars] [--arxiv]`, built for cron:
 * silent on success with -q, one line per problem on stderr, exit 0 / 3
 * (some items failed) / 75 (no network or rate limit: retry later), and
 * only one refresh at a time (a second one says so and exits 0).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static void on_warning(const char *message, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "pubdb: %s\n", message);
}

static void on_change(const char *message, void *ctx)
{
	cli *c = ctx;
	if (!c->quiet)
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

static int run_one(cli *c, const char *what,
	int (*fn)(pub_db *, const pub_refresh_opts *, pub_refresh_stats *),
	const pub_refresh_opts *o)
{
	pub_refresh_stats st;
	int err;
	memset(&st, 0, sizeof(st));
	err = fn(c->db, o, &st);
	if (err < 0 && err != PUB_EPARTIAL) {
		fprintf(stderr, "pubdb: error: %s\n", pub_error_last());
		return err == PUB_ENONET || err == PUB_ERATELIMIT ? EXIT_TEMPFAIL : EXIT_ERROR;
	}
	cli_note(c, "%s: %zu checked, %zu changed, %zu unchanged, %zu skipped, %zu failed",
		what, st.checked, st.changed, st.unchanged, st.skipped, st.failed);
	return err == PUB_EPARTIAL ? EXIT_PARTIAL : EXIT_OK;
}

int cmd_refresh(cli *c, int argc, char **argv)
{
	pub_refresh_opts o;
	int i, r, stars = 0, arxiv = 0, err, rc = EXIT_OK, rc2;
	memset(&o, 0, sizeof(o));
	for (i = 1; i < argc; i++) {
		const char *v;
		if (strcmp(argv[i], "--stars") == 0) {
			stars = 1;
		} else if (strcmp(argv[i], "--arxiv") == 0) {
			arxiv = 1;
		} else if ((r = cli_opt_value(argc, argv, &i, "--max-age", &v)) != 0) {
			if (r < 0 || (o.max_age = parse_duration(v)) < 0)
				return cli_usage_error("refresh",
					"--max-age takes a duration such as 12h, 7d or 3600");
		} else if ((r = cli_opt_value(argc, argv, &i, "--jobs", &v)) != 0) {
			char *end;
			long n = r < 0 ? 0 : strtol(v, &end, 10);
			if (r < 0 || *end || n < 1 || n > 64)
				return cli_usage_error("refresh", "--jobs takes a number from 1 to 64");
			o.jobs = (int)n;
		} else {
			return cli_usage_error("refresh", "unexpected argument '%s'", argv[i]);
		}
	}
	if (!stars && !arxiv)
		stars = arxiv = 1;
	o.warn = on_warning;
	o.on_change = on_change;
	o.change_ctx = c;
	o.progress = !c->quiet && isatty(STDERR_FILENO);

	if ((err = pub_refresh_lock(c->db)) < 0) {
		if (err == PUB_EBUSY) {
			cli_note(c, "%s; not starting a second one", pub_error_last());
			return EXIT_OK;
		}
		return cli_fail(err);
	}
	if (arxiv)
		rc = run_one(c, "arXiv", pub_refresh_arxiv, &o);
	if (stars && rc != EXIT_TEMPFAIL) {
		rc2 = run_one(c, "GitHub stars", pub_refresh_stars, &o);
		if (rc2 != EXIT_OK && (rc == EXIT_OK || rc2 == EXIT_TEMPFAIL))
			rc = rc2;
	}
	pub_refresh_unlock(c->db);
	return rc;
}
