/*
 * cmd_edit.c: `pubdb edit KEY FIELD=VALUE...`: the CLI reads the
 * FIELD=VALUE grammar; the library takes typed assignments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *key;
static cli_list assignments;

const cli_opt_spec cmd_edit_opts[] = {
	CLI_OPT_QUIET,
	{CLI_OPT_ARG, "KEY", 0, &key, 0, NULL, NULL, 0},
	/* "note=-x" or "--x=y" are assignments, never options */
	{CLI_OPT_ARGS, "FIELD=VALUE", 0, &assignments, 0, NULL, NULL, CLI_OPT_LITERAL},
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

int cmd_edit(cli *c)
{
	pub_assignment *a = NULL;
	char **fields = NULL;
	size_t i, n = assignments.n;
	int err, rc = EXIT_OK;
	if (!key || n == 0) {
		rc = cli_usage_error("edit", "edit needs a key and FIELD=VALUE");
		goto done;
	}
	a = calloc(n, sizeof(*a));
	fields = calloc(n, sizeof(*fields));
	if (!a || !fields)
		abort();
	for (i = 0; i < n; i++) {
		const char *s = assignments.items[i], *eq = strchr(s, '=');
		if (!eq || eq == s) {
			/* one line, as the library's errors about a value */
			fprintf(stderr, "pubdb: error: '%s' is not FIELD=VALUE\n", s);
			rc = EXIT_USAGE;
			goto done;
		}
		fields[i] = strndup(s, (size_t)(eq - s));
		if (!fields[i])
			abort();
		a[i].field = fields[i];
		a[i].value = eq + 1;
	}
	if ((err = pub_paper_edit(c->db, key, a, n)) < 0) {
		rc = cli_fail(err);
		goto done;
	}
	cli_note(c, "updated %s", key);
done:
	for (i = 0; fields && i < n; i++)
		free(fields[i]);
	free(fields);
	free(a);
	cli_list_free(&assignments);
	return rc;
}
