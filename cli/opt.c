/*
 * opt.c: the table-driven option parser (see opt.h) and the three texts
 * generated from a table: the help's option list, the man page's, and the
 * words for bash completion.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* "-x", "--x", but not "-" (stdin), "--" or "-5" (a negative number is data). */
static int looks_like_option(const char *a)
{
	if (a[0] != '-' || a[1] == '\0')
		return 0;
	if (isdigit((unsigned char)a[1]) || (a[1] == '.' && isdigit((unsigned char)a[2])))
		return 0;
	return 1;
}

static int is_option_spec(const cli_opt_spec *s)
{
	return s->type == CLI_OPT_SWITCH || s->type == CLI_OPT_VALUE ||
	       s->type == CLI_OPT_LIST;
}

static const cli_opt_spec *next_positional(const cli_opt_spec *s)
{
	for (; s->type != CLI_OPT_END; s++)
		if (s->type == CLI_OPT_ARG || s->type == CLI_OPT_ARGS)
			return s;
	return NULL;
}

static const cli_opt_spec *find_long(const cli_opt_spec *specs, const char *name)
{
	size_t n = strcspn(name, "=");
	for (; specs->type != CLI_OPT_END; specs++)
		if (is_option_spec(specs) && specs->name && strlen(specs->name) == n &&
		    strncmp(specs->name, name, n) == 0)
			return specs;
	return NULL;
}

static const cli_opt_spec *find_short(const cli_opt_spec *specs, char c)
{
	for (; specs->type != CLI_OPT_END; specs++)
		if (is_option_spec(specs) && specs->alias && specs->alias == c)
			return specs;
	return NULL;
}

/* An option-looking word the table does not know, taken as data. */
static int unknown_is_data(const cli_opt_spec *specs, const cli_opt_spec *pos,
	const char *a)
{
	const cli_opt_spec *s;
	if (!pos || !(pos->flags & CLI_OPT_UNKNOWN_DATA))
		return 0;
	if (a[1] == '-')
		return find_long(specs, a + 2) == NULL;
	s = find_short(specs, a[1]);
	return !s || (s->type == CLI_OPT_SWITCH && a[2]);
}

static int unknown(const cli_opt_spec *specs, const char *arg, const char *command)
{
	const cli_opt_spec *s, *best = NULL;
	const char *name = arg + strspn(arg, "-");
	size_t n = strcspn(name, "="), d, bestd = n < 3 ? 2 : 3;
	for (s = specs; s->type != CLI_OPT_END; s++) {
		if (!is_option_spec(s) || !s->name)
			continue;
		d = pub_edit_distance(name, n, s->name);
		/* a prefix ("--sel" for --selected) is close too */
		if (n >= 2 && strncmp(name, s->name, n) == 0)
			d = 1;
		if (d < bestd) {
			bestd = d;
			best = s;
		}
	}
	if (best)
		return cli_usage_error(command, "unknown option '%s'; did you mean '--%s'?",
			arg, best->name);
	return cli_usage_error(command, "unknown option '%s'", arg);
}

static int store(const cli_opt_spec *s, const char *value, const char *shown,
	const char *command)
{
	if (s->type == CLI_OPT_SWITCH) {
		*(int *)s->value = s->set ? s->set : 1;
		return 0;
	}
	if ((s->flags & CLI_OPT_NONEMPTY) && !*value)
		return cli_usage_error(command, "%s needs a non-empty %s", shown,
			s->value_name ? s->value_name : "value");
	if (s->type == CLI_OPT_LIST || s->type == CLI_OPT_ARGS)
		cli_list_push(s->value, value);
	else
		*(const char **)s->value = value;
	return 0;
}

int cli_opt_parse(const cli_opt_spec *specs, int argc, char **argv, int start,
	int stop_at_arg, const char *command, int *next)
{
	const cli_opt_spec *pos = next_positional(specs), *s;
	int i, dashdash = 0;
	if (next)
		*next = argc;
	for (i = start; i < argc; i++) {
		const char *a = argv[i], *value = NULL;
		char shown[80];
		int data = dashdash || (pos && (pos->flags & CLI_OPT_LITERAL));
		if (!dashdash && strcmp(a, "--") == 0) {
			dashdash = 1;
			continue;
		}
		if (!dashdash && (strcmp(a, "--help") == 0 || (!data && strcmp(a, "-h") == 0)))
			return CLI_OPT_HELP;
		if (data || !looks_like_option(a) || unknown_is_data(specs, pos, a)) {
			if (stop_at_arg) {
				if (next)
					*next = i;
				return CLI_OPT_OK;
			}
			if (!pos)
				return cli_usage_error(command, "unexpected argument '%s'", a);
			if (store(pos, a, pos->name, command) < 0)
				return CLI_OPT_USAGE;
			if (pos->type == CLI_OPT_ARG)
				pos = next_positional(pos + 1);
			continue;
		}
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			if (!(s = find_long(specs, a + 2)))
				return unknown(specs, a, command);
			snprintf(shown, sizeof(shown), "--%s", s->name);
			if (eq && s->type == CLI_OPT_SWITCH)
				return cli_usage_error(command, "%s takes no value", shown);
			if (eq)
				value = eq + 1;
		} else {
			s = find_short(specs, a[1]);
			if (!s || (s->type == CLI_OPT_SWITCH && a[2]))
				return unknown(specs, a, command);
			snprintf(shown, sizeof(shown), "-%c", s->alias);
			if (a[2])
				value = a + 2;
		}
		if (s->type != CLI_OPT_SWITCH && !value) {
			/* The next argument is the value even when it looks like
			 * an option: `--tag -q` tags "-q". */
			if (i + 1 >= argc)
				return cli_usage_error(command, "%s needs a value (%s)", shown,
					s->value_name ? s->value_name : "VALUE");
			value = argv[++i];
		}
		if (store(s, value, shown, command) < 0)
			return CLI_OPT_USAGE;
	}
	return CLI_OPT_OK;
}

/* "-o, --output FILE" into buf. */
static void left_column(char *buf, size_t len, const cli_opt_spec *s)
{
	size_t n = 0;
	if (s->alias)
		n += (size_t)snprintf(buf, len, "-%c%s", s->alias, s->name ? ", " : "");
	if (s->name && n < len)
		n += (size_t)snprintf(buf + n, len - n, "--%s", s->name);
	if (s->type != CLI_OPT_SWITCH && n < len)
		snprintf(buf + n, len - n, " %s", s->value_name ? s->value_name : "VALUE");
}

void cli_opt_help(FILE *out, const cli_opt_spec *specs)
{
	const cli_opt_spec *s;
	int headed = 0;
	for (s = specs; s->type != CLI_OPT_END; s++) {
		char left[64];
		const char *h;
		if (s->type == CLI_OPT_SECTION) {
			fprintf(out, "%s%s:\n", headed ? "\n" : "", s->help);
			headed = 1;
			continue;
		}
		if (!is_option_spec(s))
			continue;
		if (!headed) {
			fputs("options:\n", out);
			headed = 1;
		}
		left_column(left, sizeof(left), s);
		if (strlen(left) > 18)
			fprintf(out, "  %s\n  %-18s  ", left, "");
		else
			fprintf(out, "  %-18s  ", left);
		for (h = s->help; *h; h++) {
			fputc(*h, out);
			if (*h == '\n')
				fprintf(out, "  %-18s  ", "");
		}
		fputc('\n', out);
	}
}

/* roff: a backslash and a leading dot or quote need escaping; '-' is \-. */
static void man_text(FILE *out, const char *s)
{
	int at_start = 1;
	for (; *s; s++) {
		if (*s == '\n') {
			/* a continued help line becomes one paragraph */
			fputc(' ', out);
			while (s[1] == ' ')
				s++;
			continue;
		}
		if (*s == '-')
			fputs("\\-", out);
		else if (*s == '\\')
			fputs("\\e", out);
		else if (at_start && (*s == '.' || *s == '\''))
			fprintf(out, "\\&%c", *s);
		else
			fputc(*s, out);
		at_start = 0;
	}
}

void cli_opt_man(FILE *out, const cli_opt_spec *specs)
{
	const cli_opt_spec *s;
	for (s = specs; s->type != CLI_OPT_END; s++) {
		if (!is_option_spec(s))
			continue;
		fputs(".TP\n", out);
		if (s->alias)
			fprintf(out, "\\fB\\-%c\\fR%s", s->alias, s->name ? ", " : "");
		if (s->name) {
			fputs("\\fB\\-\\-", out);
			man_text(out, s->name);
			fputs("\\fR", out);
		}
		if (s->type != CLI_OPT_SWITCH) {
			fputs(" \\fI", out);
			man_text(out, s->value_name ? s->value_name : "VALUE");
			fputs("\\fR", out);
		}
		fputc('\n', out);
		man_text(out, s->help);
		fputc('\n', out);
	}
}

void cli_opt_words(FILE *out, const cli_opt_spec *specs, unsigned only_flags, int *first)
{
	const cli_opt_spec *s;
	for (s = specs; s->type != CLI_OPT_END; s++) {
		if (!is_option_spec(s) || (only_flags && !(s->flags & only_flags)))
			continue;
		if (s->alias) {
			fprintf(out, "%s-%c", *first ? "" : " ", s->alias);
			*first = 0;
		}
		if (s->name) {
			fprintf(out, "%s--%s", *first ? "" : " ", s->name);
			*first = 0;
		}
	}
}
