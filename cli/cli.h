/*
 * cli.h: what the pubdb command's files share: the global options, the
 * command table entry, option parsing and the error-to-exit-code mapping.
 * The CLI uses only the public header pub.h.
 */
#ifndef PUBDB_CLI_H
#define PUBDB_CLI_H

#include <stddef.h>

#include "pub.h"

enum {
	EXIT_OK = 0,
	EXIT_ERROR = 1,
	EXIT_USAGE = 2,
	EXIT_PARTIAL = 3, /* refresh: some items failed */
	EXIT_TEMPFAIL = 75 /* no network: cron may retry */
};

typedef struct cli {
	const char *db_path; /* --db, or NULL for the default */
	int quiet;
	int json;
	pub_db *db;
} cli;

/* What a command needs before it runs, so --help works anywhere. */
#define CMD_DB 0x1     /* an existing database */
#define CMD_CREATE 0x2 /* the database, created when missing */

typedef struct cmd {
	const char *name;
	int (*fn)(cli *c, int argc, char **argv);
	unsigned needs;
	const char *summary;
	const char *usage; /* full help text */
} cmd;

/* Prints "pubdb: error: MESSAGE" for the last library error and returns
 * the exit code for `err`. */
int cli_fail(int err);
/* Prints a usage error and returns EXIT_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...);
void cli_note(const cli *c, const char *fmt, ...);
void cli_warn(const char *fmt, ...);

/* Option scanning: for argv[*i], returns 1 and sets *value when it is
 * `name VALUE` or `name=VALUE` (advancing *i past VALUE); -1 when the
 * value is missing. */
int cli_opt_value(int argc, char **argv, int *i, const char *name, const char **value);
/* 1 when argv is --help or -h anywhere before "--". */
int cli_wants_help(int argc, char **argv);
/* Prints the help of command `name`; returns 0, or -1 if unknown. */
int cli_print_help(const char *name);

/* A growable list of strings (pointers into argv). */
typedef struct cli_list {
	const char **items;
	size_t n, cap;
} cli_list;
void cli_list_push(cli_list *l, const char *s);
void cli_list_free(cli_list *l);

/* Opens c->db with the flags the command declared. */
int cli_open_db(cli *c, unsigned needs);

/* Writes `s` to stdout and checks for write errors at exit (git). */
int cli_check_stdout(void);

int cmd_init(cli *c, int argc, char **argv);
int cmd_add(cli *c, int argc, char **argv);
int cmd_list(cli *c, int argc, char **argv);
int cmd_show(cli *c, int argc, char **argv);
int cmd_search(cli *c, int argc, char **argv);
int cmd_edit(cli *c, int argc, char **argv);
int cmd_rm(cli *c, int argc, char **argv);
int cmd_tag(cli *c, int argc, char **argv);
int cmd_link(cli *c, int argc, char **argv);
int cmd_repo(cli *c, int argc, char **argv);
int cmd_config(cli *c, int argc, char **argv);
int cmd_doctor(cli *c, int argc, char **argv);
int cmd_export(cli *c, int argc, char **argv);
int cmd_refresh(cli *c, int argc, char **argv);
int cmd_stars(cli *c, int argc, char **argv);
int cmd_help(cli *c, int argc, char **argv);

extern const cmd cli_commands[];

#endif
