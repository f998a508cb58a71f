/*
 * cmd_doctor.c: `pubdb doctor`.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

const cli_opt_spec cmd_doctor_opts[] = {
	CLI_OPT_QUIET,
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb doctor`: its help, next to its options. */
const cmd_text cmd_doctor_text = {
	.usage =
		"usage: pubdb doctor\n",
	.description =
		"Runs SQLite's integrity and foreign-key checks, checks the search index,\n"
		"that every paper's stored BibTeX fields can be read and that every\n"
		"crossref and xref names a paper, and lists duplicate candidates (as\n"
		"notes).  Exit 0 when all is well, 1 otherwise.\n",
};

#define VENUE_NOTE "note: venue candidates: "

/* Each finding; a venue note ("KEY: VENUE (dblp ...), ...") gets the
 * command that sets one. */
static void finding(const char *text, void *ctx)
{
	const char *key = text + strlen(VENUE_NOTE), *colon;
	(void)ctx;
	if (strncmp(text, VENUE_NOTE, strlen(VENUE_NOTE)) == 0 && (colon = strchr(key, ':')))
		printf("%s; set one with: pubdb edit %.*s venue=...\n", text,
			(int)(colon - key), key);
	else
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
