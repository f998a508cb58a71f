/*
 * cli.h: what the pubdb command's files share: the global options, the
 * command table entry with its option table, the error-to-exit-code
 * mapping and the file helpers.  The CLI uses only the public header pub.h.
 */
#ifndef PUBDB_CLI_H
#define PUBDB_CLI_H

#include <stddef.h>

#include "opt.h"
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
	char *db_file;     /* the path opened (malloc'd) */
	int created;       /* cli_open_db() made the file */
	int discard_new;   /* the command stored nothing: a file it made goes */
} cli;

/* The one cli of the process; option tables store into it (-q after a
 * command's name sets cli_state.quiet as the global -q does). */
extern cli cli_state;

/* The spec of -q/--quiet and of --json for a command's own table. */
#define CLI_OPT_QUIET \
	{CLI_OPT_SWITCH, "quiet", 'q', &cli_state.quiet, 0, NULL, \
		"no notes or progress (as the global -q)", 0}
#define CLI_OPT_JSON(help) \
	{CLI_OPT_SWITCH, "json", 0, &cli_state.json, 0, NULL, help, 0}

/* What a command needs before it runs, so --help works anywhere. */
#define CMD_DB 0x1     /* an existing database */
#define CMD_CREATE 0x2 /* the database, created when missing */

/* A command: its help is `usage`, a blank line, `description`, the option
 * list generated from `opts`, then `epilog`.  main() parses argv by `opts`
 * (which store into the command file's statics) before it calls fn, so
 * --help and usage errors never need the database. */
/* A command's help: usage lines, prose before and after its options. */
typedef struct cmd_text {
	const char *usage;       /* "usage: pubdb ..." lines */
	const char *description; /* prose, or NULL */
	const char *epilog;      /* prose after the options, or NULL */
} cmd_text;

typedef struct cmd {
	const char *name;
	int (*fn)(cli *c);
	unsigned needs;
	const char *summary;
	const struct cmd_text *text; /* its help, in cmd_<verb>.c beside its options */
	const cli_opt_spec *opts;
} cmd;

/* The exit code of a library error: the one table of them. */
int cli_exit_code(int err);
/* Prints "pubdb: error: MESSAGE" for the last library error and returns
 * cli_exit_code(err). */
int cli_fail(int err);
/* The same with more after the library's message: the command or option
 * to type ("pubdb: error: no database at 'x' (run 'pubdb init' ...)").
 * The library says what went wrong; the CLI says what to type. */
int cli_fail_more(int err, const char *fmt, ...);
/* --max-time DURATION (curl's name): "90", "90s", "10m", "1h" to
 * milliseconds in *ms; EXIT_OK, or a usage error of `command` naming the
 * value. */
int cli_parse_max_time(long *ms, const char *command, const char *value);

/* Prints a usage error and returns EXIT_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...);
void cli_note(const cli *c, const char *fmt, ...);
void cli_warn(const char *fmt, ...);

/* Prints the help of command `name`; returns 0, or -1 if unknown. */
int cli_print_help(const char *name);

/* A growable list of strings (pointers into argv). */
typedef struct cli_list {
	const char **items;
	size_t n, cap;
} cli_list;
void cli_list_push(cli_list *l, const char *s);
void cli_list_free(cli_list *l);

/* Opens c->db with the flags the command declared; c->created tells
 * whether the file was made now. */
int cli_open_db(cli *c, unsigned needs);
/* Closes c->db and, when it made the file and the command stored nothing
 * (c->discard_new), removes it with its -wal, -shm, -journal and
 * -refresh.lock companions, so a failed first `add` leaves nothing. */
void cli_close_db(cli *c);

/* Writes `s` to stdout and checks for write errors at exit (git). */
int cli_check_stdout(void);

/* A file written through a temporary file beside it and renamed into
 * place, so a failure never leaves a half-written file (util.c).  A
 * symlink is written through (its target is replaced, the link stays); an
 * existing file keeps its mode, a new one follows the umask. */
/* --into FILE --region NAME: writes `text` into the page's marked region
 * (pub_region_replace), says what changed (not with -q, and not at all
 * when nothing did); returns an exit code. */
int cli_write_region(const cli *c, const char *file, const char *region,
	const char *text, size_t len);

typedef struct cli_atomic {
	pub_file *file;
	FILE *f; /* pub_file_stream(file) */
} cli_atomic;
/* EXIT_OK, or EXIT_ERROR after printing why. */
int cli_atomic_open(cli_atomic *a, const char *path);
/* With rc EXIT_OK: flushes, syncs and renames into place; otherwise (or
 * when that fails) removes the temporary file.  Returns the final rc. */
int cli_atomic_close(cli_atomic *a, int rc);

/* Writes `s` as a JSON string ("null" for NULL). */
void cli_json_string(FILE *out, const char *s);

int cmd_init(cli *c);
int cmd_add(cli *c);
int cmd_list(cli *c);
int cmd_show(cli *c);
int cmd_search(cli *c);
int cmd_edit(cli *c);
int cmd_rm(cli *c);
int cmd_unmerge(cli *c);
int cmd_tag(cli *c);
int cmd_link(cli *c);
int cmd_repo(cli *c);
int cmd_config(cli *c);
int cmd_doctor(cli *c);
int cmd_export(cli *c);
int cmd_refresh(cli *c);
int cmd_stars(cli *c);
int cmd_news(cli *c);
int cmd_citations(cli *c);
int cmd_stats(cli *c);
int cmd_inbox(cli *c);
int cmd_dump(cli *c);
int cmd_load(cli *c);
int cmd_help(cli *c);

extern const cmd cli_commands[];

extern const cli_opt_spec cmd_init_opts[], cmd_add_opts[], cmd_list_opts[],
	cmd_show_opts[], cmd_search_opts[], cmd_edit_opts[], cmd_rm_opts[], cmd_unmerge_opts[],
	cmd_tag_opts[], cmd_link_opts[], cmd_repo_opts[], cmd_config_opts[],
	cmd_doctor_opts[], cmd_export_opts[], cmd_refresh_opts[], cmd_stars_opts[],
	cmd_news_opts[], cmd_citations_opts[], cmd_stats_opts[],
	cmd_help_opts[], cmd_inbox_opts[], cmd_dump_opts[], cmd_load_opts[];
/* Each command's help, defined beside its options table. */
extern const cmd_text cmd_init_text, cmd_add_text, cmd_list_text, cmd_show_text,
	cmd_search_text, cmd_edit_text, cmd_rm_text, cmd_unmerge_text, cmd_tag_text,
	cmd_link_text, cmd_repo_text, cmd_config_text, cmd_doctor_text, cmd_export_text,
	cmd_refresh_text, cmd_stars_text, cmd_news_text, cmd_citations_text,
	cmd_stats_text, cmd_help_text, cmd_inbox_text, cmd_dump_text, cmd_load_text;

#endif
