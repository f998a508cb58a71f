/*
 * cmd_init.c: `pubdb init`: the database was created (or found) when the
 * command opened it; say where it is.
 */
#include <stdlib.h>

#include "cli.h"

const cli_opt_spec cmd_init_opts[] = {
	CLI_OPT_QUIET,
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb init`: its help, next to its options. */
const cmd_text cmd_init_text = {
	.usage =
		"usage: pubdb init\n",
	.description =
		"Creates the database (and its folder) if it does not exist yet.\n"
		"Any other command that adds papers creates it too.\n",
};

int cmd_init(cli *c)
{
	char *path = c->db_path ? NULL : pub_db_default_path();
	cli_note(c, "database ready at '%s' (schema version %d)",
		c->db_path ? c->db_path : path, pub_db_schema_version());
	free(path);
	return EXIT_OK;
}
