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

/* `pubdb edit`: its help, next to its options. */
const cmd_text cmd_edit_text = {
	.usage =
		"usage: pubdb edit [--force] KEY FIELD=VALUE...\n",
	.description =
		"Fields: title= venue= year= key= type= selected=0|1 rank=N\n"
		"equal=1,2,3 (author positions with equal contribution), or any BibTeX\n"
		"field (an empty value removes it).  All changes are one transaction.\n"
		"A venue= badge is yours: refresh --venues never replaces it, and venue=\n"
		"(empty) clears it so that refresh --venues looks for one again.\n"
		"A field neither BibTeX nor biblatex knows gets a warning naming the\n"
		"nearest known one (yaer: year); an unknown type= is refused unless\n"
		"--force.  Every argument after KEY is an assignment, never an option.\n",
};

/* "equal=1,2,3" (empty: none) as author positions; -1 when malformed. */
static int parse_equal(unsigned int **out, size_t *n, const char *list)
{
	const char *p = list;
	*n = 0;
	*out = calloc(strlen(list) / 2 + 1, sizeof(**out));
	if (!*out)
		abort();
	while (*p) {
		char *end;
		unsigned long v;
		if (*p < '0' || *p > '9')
			return -1;
		v = strtoul(p, &end, 10);
		if (v < 1 || v > 100000 || (*end && *end != ','))
			return -1;
		(*out)[(*n)++] = (unsigned int)v;
		p = *end ? end + 1 : end;
	}
	return 0;
}

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
	pub_paper_marks marks = PUB_PAPER_MARKS_INIT;
	unsigned int *equal = NULL;
	char **fields = NULL;
	size_t i, n = 0;
	int err, rc = EXIT_OK;
	if (!key || assignments.n == 0) {
		rc = cli_usage_error("edit", "edit needs a key and FIELD=VALUE");
		goto done;
	}
	a = calloc(assignments.n, sizeof(*a));
	fields = calloc(assignments.n, sizeof(*fields));
	if (!a || !fields)
		abort();
	for (i = 0; i < assignments.n; i++) {
		const char *s = assignments.items[i], *eq = strchr(s, '=');
		if (!eq || eq == s) {
			/* one line, as the library's errors about a value */
			fprintf(stderr, "pubdb: error: '%s' is not FIELD=VALUE\n", s);
			rc = EXIT_USAGE;
			goto done;
		}
		/* the marks: the command line's syntax, typed for the library */
		if ((size_t)(eq - s) == 8 && strncasecmp(s, "selected", 8) == 0) {
			if (strcmp(eq + 1, "0") != 0 && strcmp(eq + 1, "1") != 0) {
				fprintf(stderr, "pubdb: error: selected= takes 0 or 1, not '%s'\n",
					eq + 1);
				rc = EXIT_USAGE;
				goto done;
			}
			marks.selected = eq[1] == '1';
			continue;
		}
		if ((size_t)(eq - s) == 5 && strncasecmp(s, "equal", 5) == 0) {
			free(equal);
			if (parse_equal(&equal, &marks.nequal, eq + 1) < 0) {
				fprintf(stderr, "pubdb: error: equal=: '%s' is not a list of "
					"author positions\n", eq + 1);
				rc = EXIT_USAGE;
				goto done;
			}
			marks.set_equal = 1;
			marks.equal = equal;
			continue;
		}
		fields[n] = strndup(s, (size_t)(eq - s));
		if (!fields[n])
			abort();
		if ((rc = check_name(fields[n], eq + 1)) != EXIT_OK) {
			n++;
			goto done;
		}
		a[n].field = fields[n];
		a[n].value = eq + 1;
		n++;
	}
	if ((err = pub_paper_change(c->db, key, a, n, &marks)) < 0) {
		rc = cli_fail(err);
		goto done;
	}
	cli_note(c, "updated %s", key);
done:
	for (i = 0; fields && i < n; i++)
		free(fields[i]);
	free(fields);
	free(a);
	free(equal);
	cli_list_free(&assignments);
	return rc;
}
