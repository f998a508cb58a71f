/*
 * cmd_rm.c: `pubdb rm KEY...`.
 */
#include "cli.h"

int cmd_rm(cli *c, int argc, char **argv)
{
	int i, err;
	if (argc < 2)
		return cli_usage_error("rm", "rm needs a citation key");
	for (i = 1; i < argc; i++) {
		if ((err = pub_paper_remove(c->db, argv[i])) < 0)
			return cli_fail(err);
		cli_note(c, "removed %s", argv[i]);
	}
	return EXIT_OK;
}
