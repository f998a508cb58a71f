/*
 * cmd_unmerge.c: `pubdb unmerge ALIAS`: the entry a merge absorbed under
 * ALIAS becomes its own paper again.
 */
#include "cli.h"

static cli_list aliases;

const cli_opt_spec cmd_unmerge_opts[] = {
	CLI_OPT_QUIET,
	{CLI_OPT_ARGS, "ALIAS", 0, &aliases, 0, NULL, NULL, 0},
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb unmerge`: its help, next to its options. */
const cmd_text cmd_unmerge_text = {
	.usage =
		"usage: pubdb unmerge ALIAS\n",
	.description =
		"A merge keeps the key of the entry it absorbed as an alias of the paper\n"
		"('pubdb show KEY' lists them).  unmerge stores that entry again as its\n"
		"own paper, exactly as it was read, and rebuilds the paper from the\n"
		"entries that remain; a field edited since the merge keeps its value.\n",
};

int cmd_unmerge(cli *c)
{
	int err, rc = EXIT_OK;
	if (aliases.n != 1) {
		rc = cli_usage_error("unmerge", "unmerge takes one key a merge absorbed");
		goto done;
	}
	if ((err = pub_paper_unmerge(c->db, aliases.items[0])) < 0) {
		rc = cli_fail(err);
		goto done;
	}
	cli_note(c, "unmerged %s: it is a paper of its own again", aliases.items[0]);
done:
	cli_list_free(&aliases);
	return rc;
}
