/*
 * cmd_edit.c: `pubdb edit KEY FIELD=VALUE...`: the CLI reads the
 * FIELD=VALUE grammar; the library takes typed assignments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

static const char *key;
static cli_list assignments;
static int force;

const cli_opt_spec cmd_edit_opts[] = {
	{CLI_OPT_SWITCH, "force", 0, &force, 0, NULL,
		"set an entry type BibTeX and biblatex do not know", 0},
	CLI_OPT_QUIET,
	{CLI_OPT_ARG, "KEY", 0, &key, 0, NULL, NULL, 0},
	/* "note=-x" or "--x=y" are assignments, never options */
	{CLI_OPT_ARGS, "FIELD=VALUE", 0, &assignments, 0, NULL, NULL, CLI_OPT_LITERAL},
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* Typos caught: a field no style reads warns, an entry type none knows
 * is refused unless --force. */
static int check_name(const char *field, const char *value)
{
	const char *near;
	if (strcasecmp(field, "type") == 0) {
		if (!*value || force || pub_entry_type_known(&near, value))
			return EXIT_OK;
		if (near)
			return cli_usage_error("edit", "'%s' is not a BibTeX or biblatex entry "
				"type; did you mean '%s'? (--force sets it anyway)", value, near);
		return cli_usage_error("edit", "'%s' is not a BibTeX or biblatex entry type "
			"(--force sets it anyway)", value);
	}
	if (!pub_field_known(&near, field)) {
		if (near)
			cli_warn("'%s' is a field neither BibTeX nor biblatex knows; "
				"did you mean '%s'?", field, near);
		else
			cli_warn("'%s' is a field neither BibTeX nor biblatex knows", field);
	}
	return EXIT_OK;
}

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
		if ((rc = check_name(fields[i], eq + 1)) != EXIT_OK)
			goto done;
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
