/*
 * cmd_doctor.c: `pubdb doctor`.
 */
#include <stdio.h>

#include "cli.h"

const cli_opt_spec cmd_doctor_opts[] = {
	CLI_OPT_QUIET,
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

static void finding(const char *text, void *ctx)
{
	(void)ctx;
	printf("%s\n", text);
}

int cmd_doctor(cli *c)
{
	int n;
	if ((n = pub_doctor(c->db, finding, NULL)) < 0)
		return cli_fail(n);
	if (n == 0) {
		cli_note(c, "no problems found");
		return EXIT_OK;
	}
	cli_note(c, "%d problem%s found", n, n == 1 ? "" : "s");
	return EXIT_ERROR;
}
