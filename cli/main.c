/*
 * main.c: the pubdb command: global options, the command table, help,
 * and the one place where library errors become messages and exit codes.
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
		"usage: pubdb init\n",
		"Creates the database (and its folder) if it does not exist yet.\n"
		"Any other command that adds papers creates it too.\n",
		cmd_init_opts, NULL},
	{"add", cmd_add, CMD_CREATE, "add papers: BibTeX files, stdin, arXiv ids, DOIs, DBLP/ORCID/S2 profiles",
		"usage: pubdb add [options] (FILE.bib | - | arxiv:ID | doi:DOI)...\n"
		"       pubdb add [--dry-run] [--max-time DURATION] (dblp:PID | orcid:ID |\n"
		"                 s2author:ID)...\n",
		"Adds papers.  A .bib file (or - for stdin) is imported in one transaction:\n"
		"broken entries are skipped with a warning naming file:line:column, unless\n"
		"--strict makes any error abort the import without changing anything.\n"
		"An entry with the same DOI or arXiv id as a stored paper is merged into\n"
		"it (missing fields filled, nothing overwritten); so is one with the same\n"
		"title, year and first author from an earlier import, unless its entry\n"
		"type, volume or pages disagree.  Two keys in one file are two papers.\n"
		"The merged entry's key stays a name of the paper (an alias); the message\n"
		"says why it merged, and 'pubdb unmerge KEY' undoes it.\n\n"
		"Identifiers are fetched from arXiv or doi.org and stored the same way:\n"
		"arxiv:ID or arXiv:ID, bare ids (2408.12588, hep-th/9901001, with vN),\n"
		"arxiv.org/abs|pdf URLs, doi:DOI or https://doi.org/DOI.  All arXiv ids\n"
		"of one command go in one request; nothing is stored when the network\n"
		"fails (exit 75 when there is no network at all, so cron can retry).  An\n"
		"id that is not found is reported and the others are still added (exit 1).\n\n"
		"dblp:PID, orcid:ID and s2author:ID add every paper of an author (DBLP,\n"
		"ORCID, Semantic Scholar) in one transaction, with DOI, arXiv id, DBLP key,\n"
		"venue and year; one paper's several records (DBLP's conference and CoRR\n"
		"records, ORCID's sources) and papers already stored are merged.  A wrong\n"
		"ORCID check digit or DBLP pid is exit 2 before any request; an unknown\n"
		"person is exit 1 with nothing stored.\n",
		cmd_add_opts, NULL},
	{"list", cmd_list, CMD_DB, "list papers",
		"usage: pubdb list [--tag T]... [--author NAME] [--selected] [--json]\n",
		"Lists papers, newest first: key, year, title.  With --json, an array of\n"
		"paper objects.\n",
		cmd_list_opts, NULL},
	{"show", cmd_show, CMD_DB, "show one paper",
		"usage: pubdb show [--json] KEY\n",
		"Shows everything stored about a paper (--json: one JSON object).\n",
		cmd_show_opts, NULL},
	{"search", cmd_search, CMD_DB, "full-text search",
		"usage: pubdb search [--json] QUERY...\n",
		"Searches titles, abstracts and author names.  Words must all match;\n"
		"\"quoted phrases\" match as phrases; word* matches a prefix.  Filters:\n"
		"  author:NAME   title:WORD   year:2020   year:2020-2024   tag:NAME\n"
		"A word that starts with '-' and is no option of search is query text.\n",
		cmd_search_opts, NULL},
	{"edit", cmd_edit, CMD_DB, "change fields of a paper",
		"usage: pubdb edit [--force] KEY FIELD=VALUE...\n",
		"Fields: title= venue= year= key= type= selected=0|1 rank=N\n"
		"equal=1,2,3 (author positions with equal contribution), or any BibTeX\n"
		"field (an empty value removes it).  All changes are one transaction.\n"
		"A venue= badge is yours: refresh --venues never replaces it, and venue=\n"
		"(empty) clears it so that refresh --venues looks for one again.\n"
		"A field neither BibTeX nor biblatex knows gets a warning naming the\n"
		"nearest known one (yaer: year); an unknown type= is refused unless\n"
		"--force.  Every argument after KEY is an assignment, never an option.\n",
		cmd_edit_opts, NULL},
	{"rm", cmd_rm, CMD_DB, "remove papers",
		"usage: pubdb rm KEY...\n",
		"Removes the papers, all or none: when a key names no paper, nothing is\n"
		"removed and the error names every such key.\n",
		cmd_rm_opts, NULL},
	{"unmerge", cmd_unmerge, CMD_DB, "undo a merge",
		"usage: pubdb unmerge ALIAS\n",
		"A merge keeps the key of the entry it absorbed as an alias of the paper\n"
		"('pubdb show KEY' lists them).  unmerge stores that entry again as its\n"
		"own paper, exactly as it was read, and rebuilds the paper from the\n"
		"entries that remain; a field edited since the merge keeps its value.\n",
		cmd_unmerge_opts, NULL},
	{"tag", cmd_tag, CMD_DB, "add or remove tags",
		"usage: pubdb tag KEY +TAG -TAG...\n"
		"       pubdb tag --rename OLD NEW\n",
		"+TAG (or TAG) adds a tag, -TAG removes it, in one transaction.  Tags\n"
		"are one regardless of case: a tag another paper has in another case\n"
		"is that tag.  Tags group the HTML and Markdown exports.  A --tag of\n"
		"list or export that matches no tag is an error naming the tags there\n"
		"are.  Every argument after KEY is a\n"
		"change, never an option: 'pubdb tag KEY -q' removes the tag q.\n"
		"--rename renames tag OLD on every paper (two tags become one when NEW\n"
		"exists).  A tag's name is its group heading, so this is how a heading\n"
		"gets an emoji: pubdb tag --rename \"Efficient Memory Cost\" \"\xf0\x9f\xa7\xb9 Efficient Memory Cost\".\n",
		cmd_tag_opts, NULL},
	{"link", cmd_link, CMD_DB, "add or remove a link of a paper",
		"usage: pubdb link KEY KIND URL\n"
		"       pubdb link --rm KEY KIND [URL]\n",
		"KIND is paper, code, blog, video, slides, project, pdf or another word.\n"
		"A code link to GitHub also registers the repository for star counts.\n"
		"--rm removes the paper's KIND link to URL, or all its KIND links;\n"
		"a repository known only through them goes too.\n",
		cmd_link_opts, NULL},
	{"repo", cmd_repo, CMD_CREATE, "manage open-source projects",
		"usage: pubdb repo add URL [--description TEXT]\n"
		"       pubdb repo edit OWNER/NAME [name=TEXT] [description=TEXT]\n"
		"       pubdb repo rm OWNER/NAME\n"
		"       pubdb repo list\n",
		"Registers a GitHub repository that stands alone (an open-source project\n"
		"for export --repos).  Its description and stars come from refresh.\n"
		"repo rm removes a repository and its star history; one that a paper's\n"
		"link points at is refused, naming the papers: remove those links first\n"
		"(link --rm), so no paper loses its code link or stars unseen.\n"
		"repo edit sets the name and description exports show instead of\n"
		"GitHub's ('name=Colossal-AI'); an empty value clears one, and a refresh\n"
		"never overwrites them.  repo list shows them, GitHub's in brackets.\n",
		cmd_repo_opts, NULL},
	{"config", cmd_config, CMD_CREATE, "get and set settings",
		"usage: pubdb config get KEY\n"
		"       pubdb config set KEY VALUE\n"
		"       pubdb config unset KEY\n"
		"       pubdb config list\n",
		"Settings:\n"
		"  owner           your name, underlined in exports (\"Xuanlei Zhao\")\n"
		"  citekey_format  key format for papers without one;\n"
		"                  default {author}{year}{title} (zhao2024realtime)\n"
		"  email           your e-mail address\n"
		"  owner.aliases   other spellings of your name, comma-separated\n"
		"  owner.dblp      your dblp person id\n"
		"  owner.orcid     your ORCID iD\n"
		"  owner.s2        your Semantic Scholar author id\n"
		"Any other KEY is refused (with the nearest setting), so a typo never\n"
		"becomes a setting.\n",
		cmd_config_opts, NULL},
	{"doctor", cmd_doctor, CMD_DB, "check the database",
		"usage: pubdb doctor\n",
		"Runs SQLite's integrity and foreign-key checks, checks the search index,\n"
		"that every paper's stored BibTeX fields can be read and that every\n"
		"crossref and xref names a paper, and lists duplicate candidates (as\n"
		"notes).  Exit 0 when all is well, 1 otherwise.\n",
		cmd_doctor_opts, NULL},
	{"dump", cmd_dump, CMD_DB, "write the whole database as text (JSON Lines)",
		"usage: pubdb dump [-o FILE]\n",
		"Writes every paper, author, alias, merged entry, tag, link, repository,\n"
		"star and citation history, news item, inbox paper and rejection, and the\n"
		"settings (never a secret) as JSON Lines: a header line, then one record\n"
		"per line in a stable order, so the text diffs well in git and the same\n"
		"database always gives the same bytes.  'pubdb load' reads it back.\n"
		"docs/dump.md describes the format.\n",
		cmd_dump_opts, NULL},
	{"load", cmd_load, 0, "build the database from a dump",
		"usage: pubdb load [--force] FILE\n",
		"Builds a new database from a dump of 'pubdb dump' (FILE - reads stdin), in\n"
		"one transaction into a temporary file that is renamed into place only\n"
		"when every line went in: a bad line leaves nothing behind, and the error\n"
		"names FILE:LINE.  An existing database is refused unless --force, which\n"
		"replaces it (no other pubdb may use it meanwhile).  Dumps of the previous\n"
		"schema version load too.  dump, load, dump gives the same bytes.\n",
		cmd_load_opts, NULL},
	{"export", cmd_export, CMD_DB, "write BibTeX, HTML, Markdown, JSON ...",
		"usage: pubdb export FORMAT [options] [-o FILE | --into FILE --region NAME]\n",
		"--into FILE --region NAME rewrites one marked region of a page and no\n"
		"other byte of it.  Mark the region in the page with two lines:\n"
		"    <!-- pubdb:NAME -->\n"
		"    <!-- /pubdb:NAME -->\n"
		"Whatever lies between them is replaced; the file is written atomically\n"
		"(symlink followed, mode kept) and not at all when nothing changed, so\n"
		"a cron job can commit the page only when it did.  Missing, unpaired,\n"
		"nested or duplicated markers are refused (exit 1, FILE:LINE in the\n"
		"message) and the file is left as it was.\n"
		"--style acad-homepage writes the markup of an acad-homepage page\n"
		"(Markdown with inline HTML; no format flag needed), with live shields.io\n"
		"star badges (--static-stars: the stored counts).\n",
		cmd_export_opts, NULL},
	{"refresh", cmd_refresh, CMD_DB,
		"refresh arXiv metadata, venues, citations, stars and profiles (for cron)",
		"usage: pubdb refresh [--arxiv] [--venues] [--citations] [--stars] [--profiles]\n"
		"                     [--only SOURCES] [--max-age DURATION] [--jobs N]\n"
		"                     [--max-time DURATION]\n",
		"Refreshes arXiv metadata (--arxiv), citation counts (--citations:\n"
		"Semantic Scholar and OpenAlex), published versions and venue badges\n"
		"(--venues: Semantic Scholar, then DBLP; its answers are the citations\n"
		"step's, so Semantic Scholar is asked once), GitHub star counts (--stars)\n"
		"and the owner's profiles (--profiles: new papers go to 'pubdb inbox'), in\n"
		"that order; all of them when no source is named.\n"
		"--max-time DURATION (90, 90s, 10m, 1h) bounds the whole run: no request\n"
		"waits past it; at the limit the run stops, keeps what it stored, names\n"
		"on stderr what was not done, and exits 3.\n"
		"Made for cron: '0 4 * * * pubdb -q refresh --max-age 12h'.\n",
		cmd_refresh_opts,
		"GITHUB_TOKEN, when set, is used for GraphQL batches, S2_API_KEY is sent\n"
		"to Semantic Scholar and OPENALEX_API_KEY to OpenAlex; none is ever printed\n"
		"or stored.  A venue set with edit or add --venue is never replaced;\n"
		"`pubdb doctor` lists the versions --venues found but did not take\n"
		"(workshops, two that fit).  A paper OpenAlex does not know is noted, not\n"
		"failed.  Only one refresh runs at a time: a second one says so and exits\n"
		"0.  Exit codes: 0 all refreshed, 3 some items failed (each named on\n"
		"stderr), 75 no network or rate limit exhausted (retry later), 1 error.\n"},
	{"stars", cmd_stars, CMD_DB, "star counts and their history",
		"usage: pubdb stars [--history] [--svg FILE] [--json]\n",
		"Lists repositories with their star count, change over 7 and 30 days,\n"
		"last check and status (ok, missing: the count shown is stale, archived,\n"
		"renamed).  With --json: a JSON array.\n",
		cmd_stars_opts, NULL},
	{"news", cmd_news, CMD_DB, "dated news: papers, acceptances, releases, star milestones",
		"usage: pubdb news [--since DATE] [--markdown|--html|--atom|--json] [-n N]\n",
		"Lists what happened, newest first, as a homepage's News section writes it:\n"
		"'- *2025.05*: [DSP](URL) is accepted by ICML 2025!'.  Events are recorded\n"
		"when pubdb learns them: a paper added by identifier (add arxiv:/doi:; a .bib\n"
		"import records none), a venue set on a paper that had none (edit KEY\n"
		"venue=...), a repository added (repo add, a new code link), a star\n"
		"milestone crossed in a refresh (100, 500, 1000, 2000, 5000, 10000, ...).\n"
		"A paper is named by 'edit KEY short=NAME', else its title before a colon.\n",
		cmd_news_opts, NULL},
	{"citations", cmd_citations, CMD_DB, "citation counts and their history",
		"usage: pubdb citations [--history KEY] [--svg FILE] [--json]\n",
		"Lists each paper's citation count per source (semanticscholar, openalex,\n"
		"crossref) with its change over 7 and 30 days and when it was checked;\n"
		"counts come from 'pubdb refresh --citations'.  With --json: a JSON array.\n",
		cmd_citations_opts, NULL},
	{"stats", cmd_stats, CMD_DB, "papers, citations, h-index, i10-index, stars",
		"usage: pubdb stats [--svg FILE] [--json]\n",
		"Totals over the database: papers, citations (per paper the largest count\n"
		"of any source, summed), h-index, i10-index and GitHub stars.  --svg\n"
		"writes a badge (\"citations | N | h-index | H\") for a web page.\n",
		cmd_stats_opts, NULL},
	{"inbox", cmd_inbox, CMD_DB, "papers new on the owner's profiles",
		"usage: pubdb inbox [--json]\n"
		"       pubdb inbox accept ID...|all\n"
		"       pubdb inbox reject ID...\n",
		"Lists the papers 'refresh --profiles' found on the owner's DBLP, ORCID\n"
		"or Semantic Scholar profile (config owner.dblp, owner.orcid, owner.s2)\n"
		"that are not stored: id, title, year, authors, venue, source.  'accept'\n"
		"stores them as 'pubdb add' would (merging into stored papers); 'reject'\n"
		"drops them for good: a paper with any of their identifiers (DOI, arXiv\n"
		"id, DBLP key, title and year) is never proposed again, whichever\n"
		"profile lists it.\n",
		cmd_inbox_opts, NULL},
	{"help", cmd_help, 0, "show help for a command",
		"usage: pubdb help [COMMAND]\n", NULL, cmd_help_opts, NULL},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL},
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
	fputs(c->usage, stdout);
	if (c->description) {
		fputc('\n', stdout);
		fputs(c->description, stdout);
	}
	if (c->opts && c->opts[0].type != CLI_OPT_END) {
		fputc('\n', stdout);
		cli_opt_help(stdout, c->opts);
	}
	if (c->epilog) {
		fputc('\n', stdout);
		fputs(c->epilog, stdout);
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
