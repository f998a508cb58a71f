/*
 * cmd_repo.c: `pubdb repo add URL` and `pubdb repo list`.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

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

int cmd_repo(cli *c, int argc, char **argv)
{
	int err, i, r;
	const char *url = NULL, *description = NULL;
	if (argc >= 2 && strcmp(argv[1], "list") == 0) {
		if ((err = pub_repo_foreach(c->db, 1, print_repo, NULL)) < 0)
			return cli_fail(err);
		return EXIT_OK;
	}
	if (argc < 3 || strcmp(argv[1], "add") != 0)
		return cli_usage_error("repo", "use 'repo add URL' or 'repo list'");
	for (i = 2; i < argc; i++) {
		const char *v;
		if ((r = cli_opt_value(argc, argv, &i, "--description", &v)) != 0) {
			if (r < 0)
				return cli_usage_error("repo", "--description needs a value");
			description = v;
		} else if (!url) {
			url = argv[i];
		} else {
			return cli_usage_error("repo", "unexpected argument '%s'", argv[i]);
		}
	}
	if (!url)
		return cli_usage_error("repo", "repo add needs a GitHub URL");
	if ((err = pub_repo_add(c->db, url, description)) < 0)
		return cli_fail(err);
	cli_note(c, "added repository %s", url);
	return EXIT_OK;
}
