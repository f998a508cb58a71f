/*
 * cmd_inbox.c: `pubdb inbox [--json]`, `inbox accept ID...|all`, `inbox
 * reject ID...`: the papers `refresh --profiles` found on the owner's
 * profiles that are not stored yet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static cli_list args;

const cli_opt_spec cmd_inbox_opts[] = {
	CLI_OPT_JSON("the inbox as a JSON array (as the global --json)"),
	CLI_OPT_QUIET,
	{CLI_OPT_ARGS, "ACTION", 0, &args, 0, NULL, NULL, 0},
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb inbox`: its help, next to its options. */
const cmd_text cmd_inbox_text = {
	.usage =
		"usage: pubdb inbox [--json]\n"
		"       pubdb inbox accept ID...|all\n"
		"       pubdb inbox reject ID...\n",
	.description =
		"Lists the papers 'refresh --profiles' found on the owner's DBLP, ORCID\n"
		"or Semantic Scholar profile (config owner.dblp, owner.orcid, owner.s2)\n"
		"that are not stored: id, title, year, authors, venue, source.  'accept'\n"
		"stores them as 'pubdb add' would (merging into stored papers); 'reject'\n"
		"drops them for good: a paper with any of their identifiers (DOI, arXiv\n"
		"id, DBLP key, title and year) is never proposed again, whichever\n"
		"profile lists it.\n",
};

static int print_item(const pub_inbox_item *it, void *ctx)
{
	size_t i;
	(void)ctx;
	printf("%s  %s", it->id, it->title);
	if (it->year)
		printf(" (%d)", it->year);
	putchar('\n');
	printf("    ");
	for (i = 0; i < it->nauthors; i++)
		printf("%s%s", i ? ", " : "", it->authors[i]);
	if (it->nauthors)
		printf("; ");
	if (it->venue)
		printf("%s; ", it->venue);
	printf("from %s\n", it->source);
	return 0;
}

static int count_item(const pub_inbox_item *it, void *ctx)
{
	(void)it;
	(*(size_t *)ctx)++;
	return 0;
}

static void on_paper(const char *action, const char *key, const char *title,
	const char *source, void *ctx)
{
	cli *c = ctx;
	(void)source;
	if (!c->quiet)
		printf("%s %s: %s\n", action, key, title);
}

int cmd_inbox(cli *c)
{
	int err, rc = EXIT_OK;
	const char *action = args.n ? args.items[0] : NULL;
	if (!action) {
		if (c->json) {
			char *json = NULL;
			if ((err = pub_inbox_json(&json, c->db)) < 0) {
				rc = cli_fail(err);
				goto done;
			}
			printf("%s\n", json);
			free(json);
		} else {
			size_t n = 0;
			if ((err = pub_inbox_foreach(c->db, print_item, NULL)) < 0 ||
			    (err = pub_inbox_foreach(c->db, count_item, &n)) < 0) {
				rc = cli_fail(err);
				goto done;
			}
			if (n == 0)
				cli_note(c, "the inbox is empty");
			else
				cli_note(c, "accept with 'pubdb inbox accept ID...|all', "
					"drop for good with 'pubdb inbox reject ID...'");
		}
	} else if (!strcmp(action, "accept")) {
		pub_import_opts o = PUB_IMPORT_OPTIONS_INIT;
		pub_import_stats st = PUB_IMPORT_STATS_INIT;
		int all = args.n == 2 && !strcmp(args.items[1], "all");
		if (args.n < 2) {
			rc = cli_usage_error("inbox", "inbox accept takes IDs or 'all'");
			goto done;
		}
		o.on_paper = on_paper;
		o.paper_ctx = c;
		err = all ? pub_inbox_accept_all(c->db, &o, &st)
			  : pub_inbox_accept(c->db, args.items + 1, args.n - 1, &o, &st);
		if (err < 0) {
			rc = err == PUB_ENOTFOUND ? cli_fail_more(err, " (see pubdb inbox)")
						  : cli_fail(err);
			goto done;
		}
		cli_note(c, "%zu added, %zu merged", st.added, st.merged);
	} else if (!strcmp(action, "reject")) {
		if (args.n < 2) {
			rc = cli_usage_error("inbox", "inbox reject takes IDs");
			goto done;
		}
		if ((err = pub_inbox_reject(c->db, args.items + 1, args.n - 1)) < 0) {
			rc = err == PUB_ENOTFOUND ? cli_fail_more(err, " (see pubdb inbox)")
						  : cli_fail(err);
			goto done;
		}
		cli_note(c, "%zu rejected; never proposed again", args.n - 1);
	} else {
		rc = cli_usage_error("inbox", "unknown inbox action '%s' (accept, reject)",
			action);
	}
done:
	cli_list_free(&args);
	return rc;
}
