/*
 * cmd_edit.c: `pubdb edit KEY FIELD=VALUE...`.
 */
#include "cli.h"

int cmd_edit(cli *c, int argc, char **argv)
{
	int err;
	if (argc < 3)
		return cli_usage_error("edit", "edit needs a key and FIELD=VALUE");
	if ((err = pub_paper_edit(c->db, argv[1], (const char *const *)argv + 2,
		     (size_t)argc - 2)) < 0)
		return cli_fail(err);
	cli_note(c, "updated %s", argv[1]);
	return EXIT_OK;
}
