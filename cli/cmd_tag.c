/*
 * cmd_tag.c: `pubdb tag KEY +T -T...`.
 */
#include "cli.h"

int cmd_tag(cli *c, int argc, char **argv)
{
	int err;
	if (argc < 3)
		return cli_usage_error("tag", "tag needs a key and +TAG or -TAG");
	if ((err = pub_paper_tag(c->db, argv[1], (const char *const *)argv + 2,
		     (size_t)argc - 2)) < 0)
		return cli_fail(err);
	return EXIT_OK;
}
