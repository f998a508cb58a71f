/*
 * cmd_rm.c: `pubdb rm KEY...`.
 */
#include "cli.h"

static cli_list keys;

const cli_opt_spec cmd_rm_opts[] = {
	CLI_OPT_QUIET,
	{CLI_OPT_ARGS, "KEY", 0, &keys, 0, NULL, NULL, 0},
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb rm`: its help, next to its options. */
const cmd_text cmd_rm_text = {
	.usage =
		"usage: pubdb rm KEY...\n",
	.description =
		"Removes the papers, all or none: when a key names no paper, nothing is\n"
		"removed and the error names every such key.\n",
};

int cmd_rm(cli *c)
{
	int err, rc = EXIT_OK;
	size_t i;
	if (keys.n == 0) {
		rc = cli_usage_error("rm", "rm needs a citation key");
		goto done;
	}
	/* all or nothing: a typo among the keys removes none */
	if ((err = pub_papers_remove(c->db, (const char *const *)keys.items, keys.n)) < 0) {
		rc = cli_fail(err);
		goto done;
	}
	for (i = 0; i < keys.n; i++)
		cli_note(c, "removed %s", keys.items[i]);
done:
	cli_list_free(&keys);
	return rc;
}
