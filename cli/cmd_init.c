/*
 * cmd_init.c: `pubdb init`: the database was created (or found) when the
 * command opened it; say where it is.
 */
#include <stdlib.h>

#include "cli.h"

int cmd_init(cli *c, int argc, char **argv)
{
	char *path;
	(void)argv;
	if (argc > 1)
		return cli_usage_error("init", "init takes no arguments");
	path = c->db_path ? NULL : pub_db_default_path();
	cli_note(c, "database ready at '%s' (schema version %d)",
		c->db_path ? c->db_path : path, pub_db_schema_version());
	free(path);
	return EXIT_OK;
}
