/*
 * cmd_link.c: `pubdb link KEY KIND URL`.
 */
#include "cli.h"

int cmd_link(cli *c, int argc, char **argv)
{
	int err;
	if (argc != 4)
		return cli_usage_error("link", "link takes KEY KIND URL");
	if ((err = pub_paper_link(c->db, argv[1], argv[2], argv[3])) < 0)
		return cli_fail(err);
	return EXIT_OK;
}
