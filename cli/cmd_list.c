/*
 * cmd_list.c: `pubdb list` and `pubdb search`: one line per paper, or a
 * JSON array with --json.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static cli_list tags, words;
static const char *author;
static int selected;

const cli_opt_spec cmd_list_opts[] = {
	{CLI_OPT_LIST, "tag", 0, &tags, 0, "T", "only papers with tag T, any case (repeatable: any of them)", 0},
	{CLI_OPT_VALUE, "author", 0, &author, 0, "NAME", "only papers by NAME", 0},
	{CLI_OPT_SWITCH, "selected", 0, &selected, 0, NULL, "only selected papers", 0},
	CLI_OPT_JSON("an array of paper objects (as the global --json)"),
	CLI_OPT_QUIET,
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb list`: its help, next to its options. */
const cmd_text cmd_list_text = {
	.usage =
		"usage: pubdb list [--tag T]... [--author NAME] [--selected] [--json]\n",
	.description =
		"Lists papers, newest first: key, year, title.  With --json, an array of\n"
		"paper objects.\n",
};

const cli_opt_spec cmd_search_opts[] = {
	CLI_OPT_JSON("an array of paper objects (as the global --json)"),
	CLI_OPT_QUIET,
	/* "-x" is query text, as it always was */
	{CLI_OPT_ARGS, "QUERY", 0, &words, 0, NULL, NULL, CLI_OPT_UNKNOWN_DATA},
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb search`: its help, next to its options. */
const cmd_text cmd_search_text = {
	.usage =
		"usage: pubdb search [--json] QUERY...\n",
	.description =
		"Searches titles, abstracts and author names.  Words must all match;\n"
		"\"quoted phrases\" match as phrases; word* matches a prefix.  Filters:\n"
		"  author:NAME   title:WORD   year:2020   year:2020-2024   tag:NAME\n"
		"A word that starts with '-' and is no option of search is query text.\n",
};

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

int cmd_list(cli *c)
{
	pub_filter f = PUB_FILTER_INIT;
	int rc;
	f.tags = tags.items;
	f.ntags = tags.n;
	f.author = author;
	f.selected_only = selected;
	rc = run_listing(c, &f);
	cli_list_free(&tags);
	return rc;
}

int cmd_search(cli *c)
{
	pub_filter f = PUB_FILTER_INIT;
	char *query;
	size_t len = 0, i;
	int rc;
	if (words.n == 0)
		return cli_usage_error("search", "search needs a query");
	for (i = 0; i < words.n; i++)
		len += strlen(words.items[i]) + 1;
	query = malloc(len + 1);
	if (!query)
		abort();
	query[0] = '\0';
	for (i = 0; i < words.n; i++) {
		if (i > 0)
			strcat(query, " ");
		strcat(query, words.items[i]);
	}
	f.query = query;
	rc = run_listing(c, &f);
	free(query);
	cli_list_free(&words);
	return rc;
}
