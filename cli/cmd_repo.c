/*
 * cmd_repo.c: `pubdb repo add URL`, `pubdb repo rm OWNER/NAME` and
 * `pubdb repo list`.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char *action, *url, *extra, *description;

const cli_opt_spec cmd_repo_opts[] = {
	{CLI_OPT_VALUE, "description", 0, &description, 0, "TEXT",
		"repo add: the project's description (refresh fills it otherwise)", 0},
	CLI_OPT_QUIET,
	{CLI_OPT_ARG, "ACTION", 0, &action, 0, NULL, NULL, 0},
	{CLI_OPT_ARG, "URL", 0, &url, 0, NULL, NULL, 0},
	{CLI_OPT_ARG, "EXTRA", 0, &extra, 0, NULL, NULL, 0},
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

static int print_repo(const pub_repo *r, void *ctx)
{
	(void)ctx;
	if (r->stars >= 0)
		printf("%s/%s\t%ld\t%s\n", r->owner, r->name, r->stars,
			r->description ? r->description : "");
	else
		printf("%s/%s\t-\t%s\n", r->owner, r->name,
			r->description ? r->description : "");
	return 0;
}

int cmd_repo(cli *c)
{
	int err;
	if (action && strcmp(action, "list") == 0 && !url) {
		if ((err = pub_repo_foreach(c->db, 1, print_repo, NULL)) < 0)
			return cli_fail(err);
		return EXIT_OK;
	}
	if (action && strcmp(action, "rm") == 0 && url) {
		if (extra)
			return cli_usage_error("repo", "unexpected argument '%s'", extra);
		if ((err = pub_repo_remove(c->db, url)) < 0) {
			int rc = cli_fail(err);
			if (err == PUB_ERROR)
				fputs("(remove a link with 'pubdb link --rm KEY KIND [URL]')\n", stderr);
			return rc;
		}
		cli_note(c, "removed repository %s", url);
		return EXIT_OK;
	}
	if (!action || strcmp(action, "add") != 0 || !url)
		return cli_usage_error("repo",
			"use 'repo add URL', 'repo rm OWNER/NAME' or 'repo list'");
	if (extra)
		return cli_usage_error("repo", "unexpected argument '%s'", extra);
	if ((err = pub_repo_add(c->db, url, description)) < 0)
		return cli_fail(err);
	cli_note(c, "added repository %s", url);
	return EXIT_OK;
}
