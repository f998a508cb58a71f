/*
 * cmd_list.c: `pubdb list` and `pubdb search`: one line per paper, or a
 * JSON array with --json.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct list_ctx {
	cli *c;
	size_t count;
} list_ctx;

static int print_paper(const pub_paper *p, void *ctx)
{
	list_ctx *l = ctx;
	if (l->c->json) {
		char *json;
		int err = pub_paper_json(&json, l->c->db, p);
		if (err < 0)
			return err;
		fputs(l->count ? ",\n" : "\n", stdout);
		fputs(json, stdout);
		free(json);
	} else {
		char year[8] = "    ";
		if (p->year)
			snprintf(year, sizeof(year), "%d", p->year);
		printf("%-24s %s  %s\n", p->key, year, p->title ? p->title : "(no title)");
	}
	l->count++;
	return 0;
}

/* Shared by list and search: prints what pub_paper_foreach yields. */
static int run_listing(cli *c, const pub_filter *f)
{
	list_ctx l;
	int err;
	l.c = c;
	l.count = 0;
	if (c->json)
		fputs("[", stdout);
	err = pub_paper_foreach(c->db, f, print_paper, &l);
	if (c->json)
		fputs(l.count ? "\n]\n" : "]\n", stdout);
	if (err < 0)
		return cli_fail(err);
	if (!c->json)
		cli_note(c, "%zu paper%s", l.count, l.count == 1 ? "" : "s");
	return EXIT_OK;
}

int cmd_list(cli *c, int argc, char **argv)
{
	pub_filter f;
	cli_list tags = {0};
	int i, r, rc;
	memset(&f, 0, sizeof(f));
	for (i = 1; i < argc; i++) {
		const char *v;
		if ((r = cli_opt_value(argc, argv, &i, "--tag", &v)) != 0) {
			if (r < 0) {
				cli_list_free(&tags);
				return cli_usage_error("list", "--tag needs a value");
			}
			cli_list_push(&tags, v);
		} else if ((r = cli_opt_value(argc, argv, &i, "--author", &v)) != 0) {
			if (r < 0) {
				cli_list_free(&tags);
				return cli_usage_error("list", "--author needs a value");
			}
			f.author = v;
		} else if (strcmp(argv[i], "--selected") == 0) {
			f.selected_only = 1;
		} else {
			cli_list_free(&tags);
			return cli_usage_error("list", "unexpected argument '%s'", argv[i]);
		}
	}
	f.tags = tags.items;
	f.ntags = tags.n;
	rc = run_listing(c, &f);
	cli_list_free(&tags);
	return rc;
}

int cmd_search(cli *c, int argc, char **argv)
{
	pub_filter f;
	char *query;
	size_t len = 0;
	int i, rc;
	if (argc < 2)
		return cli_usage_error("search", "search needs a query");
	for (i = 1; i < argc; i++)
		len += strlen(argv[i]) + 1;
	query = malloc(len + 1);
	if (!query)
		abort();
	query[0] = '\0';
	for (i = 1; i < argc; i++) {
		if (i > 1)
			strcat(query, " ");
		strcat(query, argv[i]);
	}
	memset(&f, 0, sizeof(f));
	f.query = query;
	rc = run_listing(c, &f);
	free(query);
	return rc;
}
