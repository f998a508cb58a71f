/*
 * cmd_load.c: `pubdb load FILE [--force]`: a new database from a dump
 * (docs/dump.md); FILE - reads stdin.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *file;
static int force;

const cli_opt_spec cmd_load_opts[] = {
	{CLI_OPT_SWITCH, "force", 0, &force, 0, NULL,
		"replace the database when it exists", 0},
	CLI_OPT_QUIET,
	{CLI_OPT_ARG, "FILE", 0, &file, 0, NULL, NULL, 0},
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb load`: its help, next to its options. */
const cmd_text cmd_load_text = {
	.usage =
		"usage: pubdb load [--force] FILE\n",
	.description =
		"Builds a new database from a dump of 'pubdb dump' (FILE - reads stdin), in\n"
		"one transaction into a temporary file that is renamed into place only\n"
		"when every line went in: a bad line leaves nothing behind, and the error\n"
		"names FILE:LINE.  An existing database is refused unless --force, which\n"
		"replaces it (no other pubdb may use it meanwhile).  Dumps of the previous\n"
		"schema version load too.  dump, load, dump gives the same bytes.\n",
};

int cmd_load(cli *c)
{
	char *path;
	FILE *in;
	size_t n = 0;
	int err, rc = EXIT_OK;
	if (!file)
		return cli_usage_error("load", "load needs the FILE of a dump (- for stdin)");
	if (strcmp(file, "-") == 0) {
		in = stdin;
	} else if (!(in = fopen(file, "r"))) {
		fprintf(stderr, "pubdb: error: cannot open '%s': %s\n", file, strerror(errno));
		return EXIT_ERROR;
	}
	path = c->db_path ? strdup(c->db_path) : pub_db_default_path();
	if (!path)
		abort();
	err = pub_db_load(&n, path, in, in == stdin ? "<stdin>" : file,
		force ? PUB_LOAD_FORCE : 0);
	if (err == PUB_EEXISTS)
		rc = cli_fail_more(err, "; load --force replaces it");
	else if (err < 0)
		rc = cli_fail(err);
	else
		cli_note(c, "loaded %zu records into %s", n, path);
	if (in != stdin)
		fclose(in);
	free(path);
	return rc;
}
