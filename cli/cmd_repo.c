/*
 * cmd_repo.c: `pubdb repo add URL`, `pubdb repo edit OWNER/NAME
 * name=... description=...`, `pubdb repo rm OWNER/NAME` and `pubdb repo
 * list`.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char *action, *url, *description;
static cli_list extras;

const cli_opt_spec cmd_repo_opts[] = {
	{CLI_OPT_VALUE, "description", 0, &description, 0, "TEXT",
		"repo add: the project's description (refresh fills it otherwise)", 0},
	CLI_OPT_QUIET,
	{CLI_OPT_ARG, "ACTION", 0, &action, 0, NULL, NULL, 0},
	{CLI_OPT_ARG, "URL", 0, &url, 0, NULL, NULL, 0},
	{CLI_OPT_ARGS, "EXTRA", 0, &extras, 0, NULL, NULL, 0},
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb repo`: its help, next to its options. */
const cmd_text cmd_repo_text = {
	.usage =
		"usage: pubdb repo add URL [--description TEXT]\n"
		"       pubdb repo edit OWNER/NAME [name=TEXT] [description=TEXT]\n"
		"       pubdb repo rm OWNER/NAME\n"
		"       pubdb repo list\n",
	.description =
		"Registers a GitHub repository that stands alone (an open-source project\n"
		"for export --repos).  Its description and stars come from refresh.\n"
		"repo rm removes a repository and its star history; one that a paper's\n"
		"link points at is refused, naming the papers: remove those links first\n"
		"(link --rm), so no paper loses its code link or stars unseen.\n"
		"repo edit sets the name and description exports show instead of\n"
		"GitHub's ('name=Colossal-AI'); an empty value clears one, and a refresh\n"
		"never overwrites them.  repo list shows them, GitHub's in brackets.\n",
};

/* OWNER/NAME, stars, the description shown; the owner's wording
 * (`repo edit`) first, GitHub's after it in brackets. */
static int print_repo(const pub_repo *r, void *ctx)
{
	const char *desc = r->display_description ? r->display_description
		: r->description ? r->description : "";
	(void)ctx;
	printf("%s/%s\t", r->owner, r->name);
	if (r->stars >= 0)
		printf("%ld\t", r->stars);
	else
		fputs("-\t", stdout);
	if (r->display_name)
		printf("%s: ", r->display_name);
	fputs(desc, stdout);
	if (r->display_name || r->display_description)
		printf(" [GitHub: %s%s%s]", r->name,
			r->description && *r->description ? ": " : "",
			r->description ? r->description : "");
	putchar('\n');
	return 0;
}

static int repo_edit(cli *c)
{
	const char *name = NULL, *desc = NULL;
	size_t i;
	int err;
	if (extras.n == 0)
		return cli_usage_error("repo", "repo edit needs name=TEXT or description=TEXT");
	for (i = 0; i < extras.n; i++) {
		const char *a = extras.items[i];
		if (strncmp(a, "name=", 5) == 0)
			name = a + 5;
		else if (strncmp(a, "description=", 12) == 0)
			desc = a + 12;
		else
			return cli_usage_error("repo",
				"repo edit takes name=TEXT and description=TEXT, not '%s'", a);
	}
	if ((err = pub_repo_edit(c->db, url, name, desc)) == PUB_ENOTFOUND)
		return cli_fail_more(err, " (add it with 'pubdb repo add %s%s')",
			strstr(url, "github.com") ? "" : "https://github.com/", url);
	if (err < 0)
		return cli_fail(err);
	cli_note(c, "edited repository %s", url);
	return EXIT_OK;
}

static int repo_run(cli *c)
{
	const char *extra = extras.n ? extras.items[0] : NULL;
	int err;
	if (action && strcmp(action, "edit") == 0 && url)
		return repo_edit(c);
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
			"use 'repo add URL', 'repo edit OWNER/NAME name=... description=...', "
			"'repo rm OWNER/NAME' or 'repo list'");
	if (extra)
		return cli_usage_error("repo", "unexpected argument '%s'", extra);
	if ((err = pub_repo_add(c->db, url, description)) < 0)
		return cli_fail(err);
	cli_note(c, "added repository %s", url);
	return EXIT_OK;
}

int cmd_repo(cli *c)
{
	int rc = repo_run(c);
	cli_list_free(&extras);
	return rc;
}
