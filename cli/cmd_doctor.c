/*
 * cmd_doctor.c: `pubdb doctor`.
 */
#include <stdio.h>

#include "cli.h"

static void finding(const char *text, void *ctx)
{
	(void)ctx;
	printf("%s\n", text);
}

int cmd_doctor(cli *c, int argc, char **argv)
{
	int n;
	(void)argv;
	if (argc > 1)
		return cli_usage_error("doctor", "doctor takes no arguments");
	if ((n = pub_doctor(c->db, finding, NULL)) < 0)
		return cli_fail(n);
	if (n == 0) {
		cli_note(c, "no problems found");
		return EXIT_OK;
	}
	cli_note(c, "%d problem%s found", n, n == 1 ? "" : "s");
	return EXIT_ERROR;
}
