/*
 * main.c: the pubdb command: global options, the command table, help,
 * and the one place where library errors become messages and exit codes.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const cmd cli_commands[] = {
	{"init", cmd_init, CMD_CREATE, "create the database",
		"usage: pubdb init\n\n"
		"Creates the database (and its folder) if it does not exist yet.\n"
		"Any other command that adds papers creates it too.\n"},
	{"add", cmd_add, CMD_CREATE, "add papers from BibTeX files, stdin, arXiv ids or DOIs",
		"usage: pubdb add [options] (FILE.bib | - | arxiv:ID | doi:DOI)...\n\n"
		"Adds papers.  A .bib file (or - for stdin) is imported in one transaction:\n"
		"broken entries are skipped with a warning naming file:line:column, unless\n"
		"--strict makes any error abort the import without changing anything.\n"
		"A paper with the same DOI, arXiv id, or title + year + first author as one\n"
		"already stored is merged into it (missing fields filled, nothing\n"
		"overwritten): 'merged into KEY'.\n\n"
		"Identifiers are fetched from arXiv or doi.org and stored the same way:\n"
		"arxiv:ID or arXiv:ID, bare ids (2408.12588, hep-th/9901001, with vN),\n"
		"arxiv.org/abs|pdf URLs, doi:DOI or https://doi.org/DOI.  All arXiv ids\n"
		"of one command go in one request; nothing is stored when the network\n"
		"fails (exit 75 when there is no network at all, so cron can retry).  An\n"
		"id that is not found is reported and the others are still added (exit 1).\n\n"
		"options:\n"
		"  --tag T          tag every added paper (repeatable)\n"
		"  --code URL       add a code link (GitHub repositories get star counts)\n"
		"  --link KIND=URL  add a link: paper, blog, video, slides, ... (repeatable)\n"
		"  --venue V        the venue badge, e.g. \"ICLR 2025\"\n"
		"  --selected       mark as selected\n"
		"  --key KEY        citation key for the one added paper\n"
		"  --dry-run        store nothing; with identifiers, print the BibTeX\n"
		"  --no-merge       always store a new paper\n"
		"  --strict         abort on the first malformed entry\n"
		"  --encoding NAME  input encoding: utf-8, utf-16le, utf-16be, latin1,\n"
		"                   windows-1252 (default: detect)\n"},
	{"list", cmd_list, CMD_DB, "list papers",
		"usage: pubdb list [--tag T]... [--author NAME] [--selected]\n\n"
		"Lists papers, newest first: key, year, title.  With --json, an array of\n"
		"paper objects.\n"},
	{"show", cmd_show, CMD_DB, "show one paper",
		"usage: pubdb show KEY\n\n"
		"Shows everything stored about a paper (--json: one JSON object).\n"},
	{"search", cmd_search, CMD_DB, "full-text search",
		"usage: pubdb search QUERY...\n\n"
		"Searches titles, abstracts and author names.  Words must all match;\n"
		"\"quoted phrases\" match as phrases; word* matches a prefix.  Filters:\n"
		"  author:NAME   title:WORD   year:2020   year:2020-2024   tag:NAME\n"},
	{"edit", cmd_edit, CMD_DB, "change fields of a paper",
		"usage: pubdb edit KEY FIELD=VALUE...\n\n"
		"Fields: title= venue= year= key= type= selected=0|1 rank=N\n"
		"equal=1,2,3 (author positions with equal contribution), or any BibTeX\n"
		"field (an empty value removes it).  All changes are one transaction.\n"},
	{"rm", cmd_rm, CMD_DB, "remove a paper",
		"usage: pubdb rm KEY...\n"},
	{"tag", cmd_tag, CMD_DB, "add or remove tags",
		"usage: pubdb tag KEY +TAG -TAG...\n\n"
		"+TAG (or TAG) adds a tag, -TAG removes it.  Tags group the HTML and\n"
		"Markdown exports.\n"},
	{"link", cmd_link, CMD_DB, "add a link to a paper",
		"usage: pubdb link KEY KIND URL\n\n"
		"KIND is paper, code, blog, video, slides, project, pdf or another word.\n"
		"A code link to GitHub also registers the repository for star counts.\n"},
	{"repo", cmd_repo, CMD_CREATE, "manage open-source projects",
		"usage: pubdb repo add URL [--description TEXT]\n"
		"       pubdb repo list\n\n"
		"Registers a GitHub repository that stands alone (an open-source project\n"
		"for export --repos).  Its description and stars come from refresh.\n"},
	{"config", cmd_config, CMD_CREATE, "get and set settings",
		"usage: pubdb config get KEY\n"
		"       pubdb config set KEY VALUE\n"
		"       pubdb config unset KEY\n"
		"       pubdb config list\n\n"
		"Settings:\n"
		"  owner           your name, underlined in exports (\"Xuanlei Zhao\")\n"
		"  citekey_format  key format for papers without one;\n"
		"                  default {author}{year}{title} (zhao2024realtime)\n"},
	{"doctor", cmd_doctor, CMD_DB, "check the database",
		"usage: pubdb doctor\n\n"
		"Runs SQLite's integrity and foreign-key checks, checks the search index\n"
		"and that every paper's stored BibTeX fields can be read, and lists\n"
		"duplicate candidates (as notes).  Exit 0 when all is well, 1 otherwise.\n"},
	{"export", cmd_export, CMD_DB, "write BibTeX, HTML, Markdown, JSON ...",
		"usage: pubdb export FORMAT [options]\n\n"
		"formats:\n"
		"  --bibtex [--ascii]   BibTeX (UTF-8; --ascii writes LaTeX escapes)\n"
		"  --biblatex           biblatex (arXiv papers as eprint/eprinttype)\n"
		"  --json               JSON array of papers\n"
		"  --csl-json           CSL-JSON (for pandoc --citeproc)\n"
		"  --html               HTML publication list (--standalone: whole page)\n"
		"  --markdown           Markdown list (--jekyll DIR: one file per paper)\n"
		"options:\n"
		"  --tag T              only papers with tag T; repeated, gives group order\n"
		"  --author NAME        only papers by NAME\n"
		"  --selected           only selected papers\n"
		"  --group-by tag|year|venue|none\n"
		"  --repos              list open-source projects (HTML, Markdown)\n"
		"  -o FILE              write to FILE (atomically) instead of stdout\n"},
	{"refresh", cmd_refresh, CMD_DB, "refresh arXiv metadata and GitHub stars (for cron)",
		"usage: pubdb refresh [--stars] [--arxiv] [--max-age DURATION] [--jobs N]\n\n"
		"Refreshes GitHub star counts (--stars) and arXiv metadata (--arxiv); both\n"
		"when neither is given.  Made for cron: '0 4 * * * pubdb -q refresh'.\n\n"
		"options:\n"
		"  --max-age D   skip items checked within D (90s, 30m, 12h, 7d, 2w)\n"
		"  --jobs N      concurrent GitHub requests (default 1, as GitHub asks)\n\n"
		"GITHUB_TOKEN, when set, is used for GraphQL batches; it is never printed\n"
		"or stored.  Only one refresh runs at a time: a second one says so and\n"
		"exits 0.  Exit codes: 0 all refreshed, 3 some items failed (each named on\n"
		"stderr), 75 no network or rate limit exhausted (retry later), 1 error.\n"},
	{"stars", cmd_stars, CMD_DB, "star counts and their history",
		"usage: pubdb stars [--history] [--svg FILE]\n\n"
		"Lists repositories with their star count, change over 7 and 30 days,\n"
		"last check and status (ok, missing: the count shown is stale, archived,\n"
		"renamed).  With the global --json: a JSON array.\n\n"
		"options:\n"
		"  --history    the recorded count of every repository per day (--json too)\n"
		"  --svg FILE   draw the history as an SVG line chart, written atomically\n"},
	{"help", cmd_help, 0, "show help for a command",
		"usage: pubdb help [COMMAND]\n"},
	{NULL, NULL, 0, NULL, NULL},
};

static const char *main_usage =
	"usage: pubdb [--db PATH] [-q] [--json] COMMAND [ARGS]\n\n"
	"Keeps your publications in one SQLite file and exports them as BibTeX,\n"
	"HTML and Markdown.\n\n"
	"global options:\n"
	"  --db PATH   database file (default: $PUBDB_DB, else\n"
	"              $XDG_DATA_HOME/pubdb/pubdb.sqlite3, else\n"
	"              ~/.local/share/pubdb/pubdb.sqlite3)\n"
	"  -q          quiet: no notes or progress; errors and warnings only\n"
	"  --json      JSON output where a command prints data\n"
	"  --version   print the version\n\n"
	"commands:\n";

static void print_main_help(FILE *out)
{
	const cmd *c;
	fputs(main_usage, out);
	for (c = cli_commands; c->name; c++)
		fprintf(out, "  %-8s %s\n", c->name, c->summary);
	fputs("\nexit codes: 0 ok, 1 error, 2 usage, 3 refresh partly failed,\n"
	      "75 network unavailable.  'pubdb help COMMAND' for more.\n", out);
}

int cli_print_help(const char *name)
{
	const cmd *c;
	for (c = cli_commands; c->name; c++) {
		if (strcmp(c->name, name) == 0) {
			fputs(c->usage, stdout);
			return 0;
		}
	}
	return -1;
}

int cli_fail(int err)
{
	fprintf(stderr, "pubdb: error: %s\n", pub_error_last());
	switch (err) {
	case PUB_EINVAL:
		return EXIT_USAGE;
	case PUB_ENONET:
		return EXIT_TEMPFAIL;
	default:
		return EXIT_ERROR;
	}
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

int cli_opt_value(int argc, char **argv, int *i, const char *name, const char **value)
{
	size_t n = strlen(name);
	const char *a = argv[*i];
	if (strncmp(a, name, n) != 0)
		return 0;
	if (a[n] == '=') {
		*value = a + n + 1;
		return 1;
	}
	if (a[n] != '\0')
		return 0;
	if (*i + 1 >= argc)
		return -1;
	*value = argv[++*i];
	return 1;
}

int cli_wants_help(int argc, char **argv)
{
	int i;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	}
	return 0;
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
	char *path = c->db_path ? NULL : pub_db_default_path();
	int err = pub_db_open(&c->db, c->db_path ? c->db_path : path,
		(needs & CMD_CREATE) ? PUB_OPEN_CREATE : 0);
	free(path);
	return err;
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

int cmd_help(cli *c, int argc, char **argv)
{
	(void)c;
	if (argc < 2) {
		print_main_help(stdout);
		return EXIT_OK;
	}
	if (cli_print_help(argv[1]) < 0)
		return cli_usage_error(NULL, "no such command '%s'", argv[1]);
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	cli c;
	const cmd *command;
	int i, rc;
	memset(&c, 0, sizeof(c));
	pub_init();
	for (i = 1; i < argc; i++) {
		const char *v;
		int r;
		if (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0) {
			c.quiet = 1;
		} else if (strcmp(argv[i], "--json") == 0) {
			c.json = 1;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			print_main_help(stdout);
			return cli_check_stdout();
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("pubdb %s\n", pub_version());
			return cli_check_stdout();
		} else if ((r = cli_opt_value(argc, argv, &i, "--db", &v)) != 0) {
			if (r < 0 || !*v)
				return cli_usage_error(NULL, "--db needs a path");
			c.db_path = v;
		} else if (argv[i][0] == '-') {
			return cli_usage_error(NULL, "unknown option '%s'", argv[i]);
		} else {
			break;
		}
	}
	if (i >= argc) {
		print_main_help(stderr);
		return EXIT_USAGE;
	}
	for (command = cli_commands; command->name; command++)
		if (strcmp(command->name, argv[i]) == 0)
			break;
	if (!command->name)
		return cli_usage_error(NULL, "'%s' is not a pubdb command", argv[i]);
	argc -= i;
	argv += i;
	/* Global flags are also accepted after the command name. */
	{
		int j, k = 1;
		for (j = 1; j < argc; j++) {
			if (strcmp(argv[j], "--") == 0) {
				for (; j < argc; j++)
					argv[k++] = argv[j];
				break;
			}
			if (strcmp(argv[j], "-q") == 0 || strcmp(argv[j], "--quiet") == 0)
				c.quiet = 1;
			else if (strcmp(argv[j], "--json") == 0)
				c.json = 1;
			else
				argv[k++] = argv[j];
		}
		argc = k;
	}
	if (cli_wants_help(argc, argv)) {
		cli_print_help(command->name);
		return cli_check_stdout();
	}
	if (command->needs & (CMD_DB | CMD_CREATE)) {
		int err = cli_open_db(&c, command->needs);
		if (err < 0)
			return cli_fail(err);
	}
	rc = command->fn(&c, argc, argv);
	pub_db_free(c.db);
	if (rc == EXIT_OK || rc == EXIT_PARTIAL) {
		int out = cli_check_stdout();
		if (out != EXIT_OK)
			return out;
	}
	return rc;
}
