/*
 * cmd_stars.c: `pubdb stars [--history] [--svg FILE]`: the repositories
 * with their counts, changes over 7 and 30 days, last check and status (a
 * table, or a JSON array with --json), the per-day history, or the history
 * as an SVG chart written atomically (temporary file, then rename).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

typedef struct lister {
	int json;
	size_t n;
} lister;

static void json_string(const char *s)
{
	if (!s) {
		fputs("null", stdout);
		return;
	}
	putchar('"');
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\')
			printf("\\%c", ch);
		else if (ch < 0x20)
			printf("\\u%04x", ch);
		else
			putchar(ch);
	}
	putchar('"');
}

static int print_repo(const pub_repo *r, void *ctx)
{
	lister *l = ctx;
	if (l->json) {
		fputs(l->n ? ",\n " : "[", stdout);
		printf("{\"repo\": ");
		{
			size_t len = strlen(r->owner) + strlen(r->name) + 2;
			char *full = malloc(len);
			if (!full)
				abort();
			snprintf(full, len, "%s/%s", r->owner, r->name);
			json_string(full);
			free(full);
		}
		printf(", \"url\": ");
		json_string(r->url);
		if (r->stars >= 0)
			printf(", \"stars\": %ld", r->stars);
		else
			printf(", \"stars\": null");
		printf(", \"delta_7d\": %ld, \"delta_30d\": %ld, \"checked\": ",
			r->delta_7d, r->delta_30d);
		json_string(r->checked);
		printf(", \"status\": ");
		json_string(r->status);
		putchar('}');
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
		json_string(repo);
		printf(", \"day\": ");
		json_string(day);
		printf(", \"stars\": %ld}", stars);
	} else {
		printf("%s\t%s\t%ld\n", repo, day, stars);
	}
	l->n++;
	return 0;
}

static int io_error(const char *what, const char *path)
{
	fprintf(stderr, "pubdb: error: cannot %s '%s': %s\n", what, path, strerror(errno));
	return EXIT_ERROR;
}

/* Writes the chart to `path` through a temporary file beside it. */
static int write_svg(cli *c, const char *path)
{
	size_t len = strlen(path) + 32;
	char *tmp = malloc(len);
	FILE *f;
	int fd, err, io = EXIT_OK;
	if (!tmp)
		abort();
	snprintf(tmp, len, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0 || !(f = fdopen(fd, "w"))) {
		fprintf(stderr, "pubdb: error: cannot create '%s': %s\n", tmp, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		return EXIT_ERROR;
	}
	if ((err = pub_stars_svg(c->db, f)) < 0)
		io = cli_fail(err);
	else if (fflush(f) != 0 || fsync(fileno(f)) != 0)
		io = io_error("write", tmp);
	if (fclose(f) != 0 && io == EXIT_OK)
		io = io_error("write", tmp);
	if (io == EXIT_OK && rename(tmp, path) != 0)
		io = io_error("replace", path);
	if (io != EXIT_OK) {
		unlink(tmp);
		free(tmp);
		return io;
	}
	free(tmp);
	cli_note(c, "wrote %s", path);
	return EXIT_OK;
}

int cmd_stars(cli *c, int argc, char **argv)
{
	const char *svg = NULL;
	int history = 0, i, r, err;
	lister l;
	for (i = 1; i < argc; i++) {
		const char *v;
		if (strcmp(argv[i], "--history") == 0) {
			history = 1;
		} else if ((r = cli_opt_value(argc, argv, &i, "--svg", &v)) != 0) {
			if (r < 0)
				return cli_usage_error("stars", "--svg needs a file name");
			svg = v;
		} else {
			return cli_usage_error("stars", "unexpected argument '%s'", argv[i]);
		}
	}
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
