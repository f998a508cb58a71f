/*
 * cmd_citations.c: `pubdb citations [--history KEY] [--svg FILE]`: each
 * paper's count per source with its changes over 7 and 30 days (a table,
 * or with --json an array of papers, each with its sources), one paper's
 * daily history, or the history as an SVG chart written atomically.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *history, *svg;

const cli_opt_spec cmd_citations_opts[] = {
	{CLI_OPT_VALUE, "history", 0, &history, 0, "KEY",
		"the recorded counts of paper KEY per source and day (--json too)",
		CLI_OPT_NONEMPTY},
	{CLI_OPT_VALUE, "svg", 0, &svg, 0, "FILE",
		"draw the history as an SVG line chart (of KEY with --history), "
		"written atomically", CLI_OPT_NONEMPTY | CLI_OPT_FILE},
	CLI_OPT_JSON("a JSON array (as the global --json)"),
	CLI_OPT_QUIET,
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb citations`: its help, next to its options. */
const cmd_text cmd_citations_text = {
	.usage =
		"usage: pubdb citations [--history KEY] [--svg FILE] [--json]\n",
	.description =
		"Lists each paper's citation count per source (semanticscholar, openalex,\n"
		"crossref) with its change over 7 and 30 days and when it was checked;\n"
		"counts come from 'pubdb refresh --citations'.  With --json: a JSON array.\n",
};

typedef struct lister {
	int json;
	size_t n;        /* rows (table, history) or papers (JSON) */
	char *last_key;  /* JSON: the paper whose object is open */
} lister;

static void json_source(const pub_citation_row *r)
{
	printf("{\"source\": ");
	cli_json_string(stdout, r->source);
	printf(", \"count\": %ld, \"delta_7d\": %ld, \"delta_30d\": %ld, \"checked\": ",
		r->count, r->delta_7d, r->delta_30d);
	cli_json_string(stdout, r->checked);
	putchar('}');
}

static int print_row(const pub_citation_row *r, void *ctx)
{
	lister *l = ctx;
	if (l->json) {
		if (l->last_key && !strcmp(l->last_key, r->key)) {
			fputs(", ", stdout);
			json_source(r);
			return 0;
		}
		if (l->last_key)
			fputs("]},\n ", stdout);
		else
			fputs("[", stdout);
		/* rows come with the paper's largest count first */
		printf("{\"key\": ");
		cli_json_string(stdout, r->key);
		printf(", \"title\": ");
		if (r->title)
			cli_json_string(stdout, r->title);
		else
			fputs("null", stdout);
		printf(", \"citations\": %ld, \"sources\": [", r->count);
		json_source(r);
		free(l->last_key);
		l->last_key = strdup(r->key);
		l->n++;
		return 0;
	}
	if (!l->n)
		printf("%-32s %-16s %8s %6s %6s  %s\n", "KEY", "SOURCE", "CITED", "7D", "30D",
			"CHECKED");
	printf("%-32s %-16s %8ld %+6ld %+6ld  %s\n", r->key, r->source, r->count,
		r->delta_7d, r->delta_30d, r->checked);
	l->n++;
	return 0;
}

static int print_day(const char *key, const char *source, const char *day, long count,
	void *ctx)
{
	lister *l = ctx;
	if (l->json) {
		fputs(l->n ? ",\n " : "[", stdout);
		printf("{\"key\": ");
		cli_json_string(stdout, key);
		printf(", \"source\": ");
		cli_json_string(stdout, source);
		printf(", \"day\": ");
		cli_json_string(stdout, day);
		printf(", \"count\": %ld}", count);
	} else {
		printf("%s\t%s\t%ld\n", source, day, count);
	}
	l->n++;
	return 0;
}

static int write_svg(cli *c, const char *path)
{
	cli_atomic a;
	int err, rc;
	if ((rc = cli_atomic_open(&a, path)) != EXIT_OK)
		return rc;
	if ((err = pub_citations_svg(c->db, history, a.f)) < 0)
		rc = cli_fail(err);
	if ((rc = cli_atomic_close(&a, rc)) != EXIT_OK)
		return rc;
	cli_note(c, "wrote %s", path);
	return EXIT_OK;
}

int cmd_citations(cli *c)
{
	int err;
	lister l;
	if (svg)
		return write_svg(c, svg);
	memset(&l, 0, sizeof(l));
	l.json = c->json;
	if (history)
		err = pub_citations_history_foreach(c->db, history, print_day, &l);
	else
		err = pub_citations_foreach(c->db, print_row, &l);
	if (err < 0) {
		free(l.last_key);
		return cli_fail(err);
	}
	if (l.json && !history)
		fputs(l.last_key ? "]}]\n" : "[]\n", stdout);
	else if (l.json)
		fputs(l.n ? "]\n" : "[]\n", stdout);
	free(l.last_key);
	return EXIT_OK;
}
