/*
 * main.c: the pubdb command: global options, the command table (each
 * command's options and help text are in its cmd_<verb>.c), help, and the
 * one place where library errors become messages and exit codes.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

cli cli_state;

const cmd cli_commands[] = {
	{"init", cmd_init, CMD_CREATE, "create the database",
		&cmd_init_text, cmd_init_opts},
	{"add", cmd_add, CMD_CREATE,
		"add papers: BibTeX files, stdin, arXiv ids, DOIs, DBLP/ORCID/S2 profiles",
		&cmd_add_text, cmd_add_opts},
	{"list", cmd_list, CMD_DB, "list papers",
		&cmd_list_text, cmd_list_opts},
	{"show", cmd_show, CMD_DB, "show one paper",
		&cmd_show_text, cmd_show_opts},
	{"search", cmd_search, CMD_DB, "full-text search",
		&cmd_search_text, cmd_search_opts},
	{"edit", cmd_edit, CMD_DB, "change fields of a paper",
		&cmd_edit_text, cmd_edit_opts},
	{"rm", cmd_rm, CMD_DB, "remove papers",
		&cmd_rm_text, cmd_rm_opts},
	{"unmerge", cmd_unmerge, CMD_DB, "undo a merge",
		&cmd_unmerge_text, cmd_unmerge_opts},
	{"tag", cmd_tag, CMD_DB, "add or remove tags",
		&cmd_tag_text, cmd_tag_opts},
	{"link", cmd_link, CMD_DB, "add or remove a link of a paper",
		&cmd_link_text, cmd_link_opts},
	{"repo", cmd_repo, CMD_CREATE, "manage open-source projects",
		&cmd_repo_text, cmd_repo_opts},
	{"config", cmd_config, CMD_CREATE, "get and set settings",
		&cmd_config_text, cmd_config_opts},
	{"doctor", cmd_doctor, CMD_DB, "check the database",
		&cmd_doctor_text, cmd_doctor_opts},
	{"dump", cmd_dump, CMD_DB, "write the whole database as text (JSON Lines)",
		&cmd_dump_text, cmd_dump_opts},
	{"load", cmd_load, 0, "build the database from a dump",
		&cmd_load_text, cmd_load_opts},
	{"export", cmd_export, CMD_DB, "write BibTeX, HTML, Markdown, JSON ...",
		&cmd_export_text, cmd_export_opts},
	{"refresh", cmd_refresh, CMD_DB,
		"refresh arXiv metadata, decisions, venues, citations, stars, profiles and links (for cron)",
		&cmd_refresh_text, cmd_refresh_opts},
	{"stars", cmd_stars, CMD_DB, "star counts and their history",
		&cmd_stars_text, cmd_stars_opts},
	{"news", cmd_news, CMD_DB, "dated news: papers, acceptances, releases, star milestones",
		&cmd_news_text, cmd_news_opts},
	{"citations", cmd_citations, CMD_DB, "citation counts and their history",
		&cmd_citations_text, cmd_citations_opts},
	{"stats", cmd_stats, CMD_DB, "papers, citations, h-index, i10-index, stars",
		&cmd_stats_text, cmd_stats_opts},
	{"inbox", cmd_inbox, CMD_DB, "papers new on the owner's profiles",
		&cmd_inbox_text, cmd_inbox_opts},
	{"help", cmd_help, 0, "show help for a command",
		&cmd_help_text, cmd_help_opts},
	{NULL, NULL, 0, NULL, NULL, NULL},
};

static int show_version;
static const char *dump_options;

static const cli_opt_spec global_opts[] = {
	{CLI_OPT_VALUE, "db", 0, &cli_state.db_path, 0, "PATH",
		"database file (default: $PUBDB_DB, else\n"
		"$XDG_DATA_HOME/pubdb/pubdb.sqlite3, else\n"
		"~/.local/share/pubdb/pubdb.sqlite3)", CLI_OPT_NONEMPTY | CLI_OPT_FILE},
	{CLI_OPT_SWITCH, "quiet", 'q', &cli_state.quiet, 0, NULL,
		"quiet: no notes or progress; errors and warnings only", 0},
	{CLI_OPT_SWITCH, "json", 0, &cli_state.json, 0, NULL,
		"JSON output where a command prints data", 0},
	{CLI_OPT_SWITCH, "version", 0, &show_version, 0, NULL, "print the version", 0},
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* Not in the table: a build-time mode that writes the generated parts of
 * docs/pubdb.1 and docs/pubdb.bash-completion (tests/cli/test_options.py). */
static const cli_opt_spec dump_opts[] = {
	{CLI_OPT_VALUE, "dump-options", 0, &dump_options, 0, "man|bash", "", 0},
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

static const char *main_usage =
	"usage: pubdb [--db PATH] [-q] [--json] COMMAND [ARGS]\n\n"
	"Keeps your publications in one SQLite file and exports them as BibTeX,\n"
	"HTML and Markdown.  Global options go before the command; a command\n"
	"that also takes one after its name lists it in its help.\n\n";

static void print_main_help(FILE *out)
{
	const cmd *c;
	fputs(main_usage, out);
	fputs("global ", out);
	cli_opt_help(out, global_opts);
	fputs("\ncommands:\n", out);
	for (c = cli_commands; c->name; c++)
		fprintf(out, "  %-9s %s\n", c->name, c->summary);
	fputs("\nexit codes: 0 ok, 1 error, 2 usage, 3 refresh partly failed,\n"
	      "75 network unavailable.  'pubdb help COMMAND' for more.\n", out);
}

static const cmd *find_command(const char *name)
{
	const cmd *c;
	for (c = cli_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* The command nearest to a typo ("lst": "list"), as git suggests; NULL
 * when none is near. */
static const cmd *nearest_command(const char *name)
{
	const cmd *c, *best = NULL;
	size_t n = strlen(name), d, bestd = n < 3 ? 2 : 3;
	for (c = cli_commands; c->name; c++) {
		d = pub_edit_distance(name, n, c->name);
		if (d < bestd) {
			bestd = d;
			best = c;
		}
	}
	return best;
}

int cli_print_help(const char *name)
{
	const cmd *c = find_command(name);
	if (!c)
		return -1;
	fputs(c->text->usage, stdout);
	if (c->text->description) {
		fputc('\n', stdout);
		fputs(c->text->description, stdout);
	}
	if (c->opts && c->opts[0].type != CLI_OPT_END) {
		fputc('\n', stdout);
		cli_opt_help(stdout, c->opts);
	}
	if (c->text->epilog) {
		fputc('\n', stdout);
		fputs(c->text->epilog, stdout);
	}
	return 0;
}

/* The one table from library error to exit code (docs/pubdb.1, EXIT STATUS). */
static const struct {
	int err;
	int exit_code;
} exit_codes[] = {
	{PUB_OK, EXIT_OK},
	{PUB_EINVAL, EXIT_USAGE},
	{PUB_EPARTIAL, EXIT_PARTIAL},
	{PUB_ENONET, EXIT_TEMPFAIL},
	{PUB_ERATELIMIT, EXIT_TEMPFAIL},
	{PUB_EDEADLINE, EXIT_PARTIAL},
};

int cli_exit_code(int err)
{
	size_t i;
	for (i = 0; i < sizeof(exit_codes) / sizeof(*exit_codes); i++)
		if (exit_codes[i].err == err)
			return exit_codes[i].exit_code;
	return EXIT_ERROR;
}

int cli_fail(int err)
{
	fprintf(stderr, "pubdb: error: %s\n", pub_error_last());
	return cli_exit_code(err);
}

int cli_fail_more(int err, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "pubdb: error: %s", pub_error_last());
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return cli_exit_code(err);
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;
	fputs("pubdb: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (command)
		fprintf(stderr, "\n(see 'pubdb help %s')\n", command);
	else
		fputs("\n(see 'pubdb --help')\n", stderr);
	return EXIT_USAGE;
}

void cli_note(const cli *c, const char *fmt, ...)
{
	va_list ap;
	if (c->quiet)
		return;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_warn(const char *fmt, ...)
{
	va_list ap;
	fputs("pubdb: warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_list_push(cli_list *l, const char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->items = realloc(l->items, l->cap * sizeof(*l->items));
		if (!l->items) {
			fputs("pubdb: out of memory\n", stderr);
			abort();
		}
	}
	l->items[l->n++] = s;
}

void cli_list_free(cli_list *l)
{
	free(l->items);
	l->items = NULL;
	l->n = l->cap = 0;
}

int cli_open_db(cli *c, unsigned needs)
{
	char *path = c->db_path ? strdup(c->db_path) : pub_db_default_path();
	int err;
	if (!path)
		abort();
	c->created = (needs & CMD_CREATE) && access(path, F_OK) != 0 && errno == ENOENT;
	err = pub_db_open(&c->db, path, (needs & CMD_CREATE) ? PUB_OPEN_CREATE : 0);
	if (err < 0)
		c->created = 0;
	c->db_file = path;
	return err;
}

void cli_close_db(cli *c)
{
	static const char *const companions[] = {"", "-wal", "-shm", "-journal",
		"-refresh.lock"};
	size_t i;
	pub_db_free(c->db);
	c->db = NULL;
	if (c->created && c->discard_new && c->db_file) {
		for (i = 0; i < sizeof(companions) / sizeof(companions[0]); i++) {
			size_t n = strlen(c->db_file) + strlen(companions[i]) + 1;
			char *f = malloc(n);
			if (!f)
				abort();
			snprintf(f, n, "%s%s", c->db_file, companions[i]);
			if (unlink(f) != 0 && errno != ENOENT)
				fprintf(stderr, "pubdb: warning: cannot remove '%s': %s\n", f,
					strerror(errno));
			free(f);
		}
	}
	free(c->db_file);
	c->db_file = NULL;
}

int cli_check_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "pubdb: error: cannot write to standard output: %s\n",
			strerror(errno));
		return EXIT_ERROR;
	}
	return EXIT_OK;
}

static const char *help_topic;

const cli_opt_spec cmd_help_opts[] = {
	{CLI_OPT_ARG, "COMMAND", 0, &help_topic, 0, NULL, NULL, 0},
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb help`: its help, next to its options. */
const cmd_text cmd_help_text = {
	.usage =
		"usage: pubdb help [COMMAND]\n",
};

int cmd_help(cli *c)
{
	(void)c;
	if (!help_topic) {
		print_main_help(stdout);
		return EXIT_OK;
	}
	if (cli_print_help(help_topic) < 0) {
		const cmd *near = nearest_command(help_topic);
		if (near)
			return cli_usage_error(NULL, "no such command '%s'; did you mean '%s'?",
				help_topic, near->name);
		return cli_usage_error(NULL, "no such command '%s'", help_topic);
	}
	return EXIT_OK;
}

/* The generated parts of the man page and of the bash completion: the
 * option list of every command, from the same tables as the help. */
static void dump_man(FILE *out)
{
	const cmd *c;
	fputs(".SH GLOBAL OPTIONS\n", out);
	cli_opt_man(out, global_opts);
	fputs(".SH OPTIONS\n"
	      "Each command's options, as \\fBpubdb help\\fR \\fICOMMAND\\fR lists them.\n"
	      "\\fB\\-\\-help\\fR (or \\fB\\-h\\fR) prints that help; \\fB\\-\\-\\fR ends the options.\n",
	      out);
	for (c = cli_commands; c->name; c++) {
		if (!c->opts || c->opts[0].type == CLI_OPT_END)
			continue;
		fprintf(out, ".SS %s\n", c->name);
		cli_opt_man(out, c->opts);
	}
}

static void dump_bash(FILE *out)
{
	const cmd *c;
	int first = 1;
	fputs("_pubdb_commands=\"", out);
	for (c = cli_commands; c->name; c++)
		fprintf(out, "%s%s", c == cli_commands ? "" : " ", c->name);
	fputs("\"\n_pubdb_global_options=\"", out);
	cli_opt_words(out, global_opts, 0, &first);
	fputs(" --help\"\n_pubdb_file_options=\"", out);
	first = 1;
	cli_opt_words(out, global_opts, CLI_OPT_FILE, &first);
	for (c = cli_commands; c->name; c++)
		cli_opt_words(out, c->opts, CLI_OPT_FILE, &first);
	fputs("\"\n_pubdb_options() {\n\tcase $1 in\n", out);
	for (c = cli_commands; c->name; c++) {
		fprintf(out, "\t%s) echo \"", c->name);
		first = 1;
		cli_opt_words(out, c->opts, 0, &first);
		fputs("\" ;;\n", out);
	}
	fputs("\tesac\n}\n", out);
}

int main(int argc, char **argv)
{
	cli *c = &cli_state;
	const cmd *command;
	int i, r, rc;
	pub_init();
	if (argc >= 2 && strncmp(argv[1], "--dump-options", 14) == 0) {
		if (cli_opt_parse(dump_opts, argc, argv, 1, 0, NULL, NULL) != CLI_OPT_OK ||
		    !dump_options)
			return cli_usage_error(NULL, "--dump-options takes man or bash");
		if (strcmp(dump_options, "man") == 0)
			dump_man(stdout);
		else if (strcmp(dump_options, "bash") == 0)
			dump_bash(stdout);
		else
			return cli_usage_error(NULL, "--dump-options takes man or bash");
		return cli_check_stdout();
	}
	r = cli_opt_parse(global_opts, argc, argv, 1, 1, NULL, &i);
	if (r == CLI_OPT_HELP) {
		print_main_help(stdout);
		return cli_check_stdout();
	}
	if (r != CLI_OPT_OK)
		return EXIT_USAGE;
	if (show_version) {
		printf("pubdb %s\n", pub_version());
		return cli_check_stdout();
	}
	if (i >= argc) {
		print_main_help(stderr);
		return EXIT_USAGE;
	}
	if (!(command = find_command(argv[i]))) {
		const cmd *near = nearest_command(argv[i]);
		if (near)
			return cli_usage_error(NULL, "'%s' is not a pubdb command; did you mean '%s'?",
				argv[i], near->name);
		return cli_usage_error(NULL, "'%s' is not a pubdb command", argv[i]);
	}
	argc -= i;
	argv += i;
	/* The command's own options, before anything is opened: --help and
	 * usage errors work without a database. */
	r = cli_opt_parse(command->opts, argc, argv, 1, 0, command->name, NULL);
	if (r == CLI_OPT_HELP) {
		cli_print_help(command->name);
		return cli_check_stdout();
	}
	if (r != CLI_OPT_OK)
		return EXIT_USAGE;
	if (command->needs & (CMD_DB | CMD_CREATE)) {
		int err = cli_open_db(c, command->needs);
		if (err < 0) {
			rc = err == PUB_ENOTFOUND
				? cli_fail_more(err, " (run 'pubdb init' or 'pubdb add')")
				: cli_fail(err);
			cli_close_db(c);
			return rc;
		}
	}
	rc = command->fn(c);
	cli_close_db(c);
	if (rc == EXIT_OK || rc == EXIT_PARTIAL) {
		int out = cli_check_stdout();
		if (out != EXIT_OK)
			return out;
	}
	return rc;
}
