/*
 * cmd_dump.c: `pubdb dump [-o FILE]`: the whole database as deterministic
 * JSON Lines (docs/dump.md), for keeping it in git.
 */
#include <stdio.h>

#include "cli.h"

static const char *outfile;

const cli_opt_spec cmd_dump_opts[] = {
	{CLI_OPT_VALUE, "output", 'o', &outfile, 0, "FILE",
		"write to FILE (atomically) instead of stdout",
		CLI_OPT_NONEMPTY | CLI_OPT_FILE},
	CLI_OPT_QUIET,
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb dump`: its help, next to its options. */
const cmd_text cmd_dump_text = {
	.usage =
		"usage: pubdb dump [-o FILE]\n",
	.description =
		"Writes every paper, author, alias, merged entry, tag, link, repository,\n"
		"star and citation history, news item, inbox paper and rejection, and the\n"
		"settings (never a secret) as JSON Lines: a header line, then one record\n"
		"per line in a stable order, so the text diffs well in git and the same\n"
		"database always gives the same bytes.  'pubdb load' reads it back.\n"
		"docs/dump.md describes the format.\n",
};

int cmd_dump(cli *c)
{
	cli_atomic a;
	int err, rc = EXIT_OK;
	if (!outfile) {
		if ((err = pub_db_dump(c->db, stdout)) < 0)
			return cli_fail(err);
		return EXIT_OK;
	}
	if ((rc = cli_atomic_open(&a, outfile)) != EXIT_OK)
		return rc;
	if ((err = pub_db_dump(c->db, a.f)) < 0)
		rc = cli_fail(err);
	if ((rc = cli_atomic_close(&a, rc)) != EXIT_OK)
		return rc;
	cli_note(c, "wrote %s", outfile);
	return EXIT_OK;
}
