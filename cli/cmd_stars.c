/*
 * cmd_stars.c: PLACEHOLDER until the GitHub stars work lands.
 */
#include <stdio.h>

#include "cli.h"

int cmd_stars(cli *c, int argc, char **argv)
{
	(void)c;
	(void)argc;
	(void)argv;
	fprintf(stderr, "pubdb: error: stars is not built yet\n");
	return EXIT_ERROR;
}
