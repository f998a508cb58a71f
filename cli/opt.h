/*
 * opt.h: the option parser of the pubdb command, written once and driven by
 * one table per command (libgit2's src/cli/opt.h).  The same table gives
 * the option list of `pubdb help COMMAND`, the man page and the bash
 * completion, so they cannot drift apart.
 */
#ifndef PUBDB_CLI_OPT_H
#define PUBDB_CLI_OPT_H

#include <stdio.h>

typedef enum cli_opt_type {
	CLI_OPT_END = 0, /* ends a table */
	CLI_OPT_SWITCH,  /* --name: sets *(int *)value to set (1 when 0) */
	CLI_OPT_VALUE,   /* --name VALUE: sets *(const char **)value */
	CLI_OPT_LIST,    /* --name VALUE, repeatable: appends to *(cli_list *)value */
	CLI_OPT_ARG,     /* one positional argument: *(const char **)value */
	CLI_OPT_ARGS,    /* the remaining positional arguments: *(cli_list *)value */
	CLI_OPT_SECTION  /* a heading in the help ("formats"), not an option */
} cli_opt_type;

/* Flags of a spec. */
#define CLI_OPT_NONEMPTY 0x1 /* an empty VALUE is a usage error */
/* ARG/ARGS: from here on every argument is data, never an option, except
 * --help and "--" (tag's -TAG, which must not turn into an option). */
#define CLI_OPT_LITERAL 0x2
#define CLI_OPT_FILE 0x4 /* VALUE names a file or folder (completion) */
/* ARGS: an argument that looks like an option but is none of the table's
 * is one of these (search's query words such as -x), not an error. */
#define CLI_OPT_UNKNOWN_DATA 0x8

typedef struct cli_opt_spec {
	cli_opt_type type;
	const char *name;       /* long name without "--"; positional: its name */
	char alias;             /* short name (-o), or 0 */
	void *value;            /* where to store, see cli_opt_type */
	int set;                /* SWITCH: the value stored (0 means 1) */
	const char *value_name; /* VALUE/LIST: "FILE", shown in the help */
	const char *help;       /* one line; "\n" continues it */
	unsigned flags;
} cli_opt_spec;

enum {
	CLI_OPT_OK = 0,
	CLI_OPT_HELP = 1,   /* --help or -h: print the help */
	CLI_OPT_USAGE = -1, /* a usage error, already printed */
};

/* Parses argv[start..argc) by `specs`.  With stop_at_arg, stops at the
 * first positional argument and sets *next to its index (the global options
 * before the command); otherwise positionals fill the ARG/ARGS specs in
 * order.  `command` names the command in usage errors (NULL: the global
 * options).  Values are pointers into argv. */

int cli_opt_parse(const cli_opt_spec *specs, int argc, char **argv, int start,
	int stop_at_arg, const char *command, int *next);

/* Writes the option list of `specs` for the help text. */
void cli_opt_help(FILE *out, const cli_opt_spec *specs);

/* Writes `specs` as a man page option list (.TP items). */
void cli_opt_man(FILE *out, const cli_opt_spec *specs);

/* Writes the options of `specs` (only those with one of only_flags, unless
 * 0) separated by spaces ("--tag -o --output"); *first says whether none
 * was written yet, across calls. */
void cli_opt_words(FILE *out, const cli_opt_spec *specs, unsigned only_flags, int *first);

#endif
