/*
 * cmd_add.c: `pubdb add`: BibTeX files and stdin, arXiv ids and DOIs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static cli_list inputs, tags, links;
static const char *code, *venue, *citekey, *encoding, *max_time;
static int selected, dry_run, no_merge, strict;

const cli_opt_spec cmd_add_opts[] = {
	{CLI_OPT_LIST, "tag", 0, &tags, 0, "T", "tag every added paper (repeatable)",
		CLI_OPT_NONEMPTY},
	{CLI_OPT_VALUE, "code", 0, &code, 0, "URL",
		"add a code link (GitHub repositories get star counts)", 0},
	{CLI_OPT_LIST, "link", 0, &links, 0, "KIND=URL",
		"add a link: paper, blog, video, slides, ... (repeatable)", 0},
	{CLI_OPT_VALUE, "venue", 0, &venue, 0, "V", "the venue badge, e.g. \"ICLR 2025\"", 0},
	{CLI_OPT_SWITCH, "selected", 0, &selected, 0, NULL, "mark as selected", 0},
	{CLI_OPT_VALUE, "key", 0, &citekey, 0, "KEY", "citation key for the one added paper",
		CLI_OPT_NONEMPTY},
	{CLI_OPT_SWITCH, "dry-run", 0, &dry_run, 0, NULL,
		"store nothing; with identifiers, print the BibTeX", 0},
	{CLI_OPT_SWITCH, "no-merge", 0, &no_merge, 0, NULL, "always store a new paper", 0},
	{CLI_OPT_SWITCH, "strict", 0, &strict, 0, NULL, "abort on the first malformed entry", 0},
	{CLI_OPT_VALUE, "encoding", 0, &encoding, 0, "NAME",
		"input encoding: utf-8, utf-16le, utf-16be, latin1,\n"
		"windows-1252, or any name 'iconv -l' lists (gbk,\n"
		"shift_jis, iso-8859-15...) (default: detect)", 0},
	{CLI_OPT_VALUE, "max-time", 0, &max_time, 0, "DURATION",
		"stop asking after DURATION (90, 90s, 10m, 1h), keep the\n"
		"profiles fetched so far, exit 3", 0},
	CLI_OPT_QUIET,
	{CLI_OPT_ARGS, "INPUT", 0, &inputs, 0, NULL, NULL, 0},
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb add`: its help, next to its options. */
const cmd_text cmd_add_text = {
	.usage =
		"usage: pubdb add [options] (FILE.bib | - | arxiv:ID | doi:DOI)...\n"
		"       pubdb add [--dry-run] [--max-time DURATION] (dblp:PID | orcid:ID |\n"
		"                 s2author:ID)...\n",
	.description =
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
};

typedef struct add_ctx {
	cli *c;
	int per_paper; /* one line per added paper (small inputs) */
	const char *source;
	int dry_run;
	size_t stored; /* papers added or merged, for discard_new */
	int rc;        /* the exit code so far */
} add_ctx;

static int notice_drawn;

/* A long wait (a retry's backoff) on one line that the next output
 * replaces: the library says what it waits for, the CLI draws it. */
static void on_notice(const char *message, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "\r%s\033[K", message);
	notice_drawn = 1;
	fflush(stderr);
}

static void clear_notice(void)
{
	if (notice_drawn)
		fputs("\r\033[K", stderr);
	notice_drawn = 0;
}

static void on_warning(const char *message, void *ctx)
{
	static const char guessed[] = "reading the file as Windows-1252";
	size_t n = strlen(message), k = sizeof(guessed) - 1;
	(void)ctx;
	clear_notice();
	/* the library guessed an encoding: the option that names it */
	if (n >= k && strcmp(message + n - k, guessed) == 0)
		cli_warn("%s (if it is in another encoding, name it with --encoding, "
			"e.g. gbk or iso-8859-15)", message);
	else
		cli_warn("%s", message);
}

static void on_paper(const char *action, const char *key, const char *title,
	const char *source, void *ctx)
{
	add_ctx *a = ctx;
	clear_notice();
	(void)source;
	if (a->c->quiet)
		return;
	if (strcmp(action, "merged") == 0)
		return; /* on_merge says it */
	if (a->per_paper)
		printf("added %s: %s\n", key, title);
}

static void on_merge(const pub_merge_info *m, void *ctx)
{
	add_ctx *a = ctx;
	if (a->c->quiet)
		return;
	if (m->key)
		printf("merged '%s' (%s) into '%s' (%s)", m->key, m->source, m->into, m->reason);
	else
		printf("merged %s into '%s' (%s)", m->source, m->into, m->reason);
	if (m->alias)
		printf("; undo with 'pubdb unmerge %s', or import with --no-merge", m->key);
	putchar('\n');
}

/* An identifier rather than a BibTeX file: a prefix or URL says so, and
 * anything that is not an existing file or a .bib name is taken as one so
 * that bare ids (2408.12588, hep-th/9901001) work and typos are reported
 * as bad identifiers by the library before any request. */
static int is_identifier(const char *arg)
{
	size_t n = strlen(arg);
	if (strncmp(arg, "arxiv:", 6) == 0 || strncmp(arg, "arXiv:", 6) == 0 ||
	    strncmp(arg, "doi:", 4) == 0 || pub_profile_id_is(arg) || strstr(arg, "arxiv.org/") ||
	    strstr(arg, "doi.org/"))
		return 1;
	if (strcmp(arg, "-") == 0 || access(arg, F_OK) == 0)
		return 0;
	return !(n >= 4 && strcmp(arg + n - 4, ".bib") == 0);
}

/* The line after each part of an online add, and what it means for the
 * exit code: a profile cut short by --max-time (the others were stored:
 * exit 3, go on), identifiers not found (the others stored: go on), any
 * other error (nothing stored: stop). */
static int on_part(pub_add_part part, int err, const pub_import_stats *st, void *ctx)
{
	add_ctx *a = ctx;
	cli *c = a->c;
	clear_notice();
	if (err == PUB_EDEADLINE) {
		fprintf(stderr, "pubdb: %s\n", pub_error_last());
		a->rc = EXIT_PARTIAL;
		err = 0;
	}
	if (part == PUB_ADD_PROFILES) {
		if (err < 0) {
			a->rc = err == PUB_EINVAL ? cli_usage_error("add", "%s", pub_error_last())
						  : cli_fail(err);
			if (err != PUB_EINVAL)
				cli_note(c, "nothing was stored");
			return err;
		}
		if (!a->dry_run)
			a->stored += st->added + st->merged;
		cli_note(c, "%s%zu papers listed: %zu added, %zu merged",
			a->dry_run ? "dry run, " : "", st->entries, st->added, st->merged);
		return 0;
	}
	if (!a->dry_run && (err >= 0 || err == PUB_ENOTFOUND))
		a->stored += st->added + st->merged;
	if (err < 0 && err != PUB_ENOTFOUND) {
		a->rc = cli_fail(err);
		if (err != PUB_EINVAL)
			cli_note(c, "nothing was stored");
		return err;
	}
	if (err == PUB_ENOTFOUND)
		a->rc = cli_fail(err);
	cli_note(c, "%s%zu added, %zu merged, %zu failed",
		a->dry_run ? "dry run, " : "", st->added, st->merged, st->skipped);
	return 0;
}

/* --dry-run: each entry as it would be stored, on stdout (data). */
static void print_dry_run(const char *bibtex, void *ctx)
{
	(void)ctx;
	printf("%s\n", bibtex);
}

int cmd_add(cli *c)
{
	pub_import_opts o = PUB_IMPORT_OPTIONS_INIT;
	cli_list online = {0};
	pub_link_spec *specs = NULL;
	add_ctx actx;
	int rc = EXIT_OK;
	size_t k;

	memset(&actx, 0, sizeof(actx));
	actx.rc = EXIT_OK;
	if (inputs.n == 0) {
		rc = cli_usage_error("add", "add needs a .bib file, '-', arxiv:ID or doi:DOI");
		goto done;
	}
	if (citekey && inputs.n > 1) {
		rc = cli_usage_error("add", "--key names one paper; give one input");
		goto done;
	}
	/* KIND=URL is the command line's grammar; the library takes pairs. */
	specs = calloc(links.n ? links.n : 1, sizeof(*specs));
	if (!specs)
		abort();
	for (k = 0; k < links.n; k++) {
		const char *v = links.items[k], *eq = strchr(v, '=');
		if (!eq || eq == v) {
			rc = cli_usage_error("add", "--link takes KIND=URL, not '%s'", v);
			goto done;
		}
		specs[k].kind = strndup(v, (size_t)(eq - v));
		if (!specs[k].kind)
			abort();
		specs[k].url = eq + 1;
	}
	o.code_url = code;
	o.venue = venue;
	o.key = citekey;
	o.encoding = encoding;
	o.selected = selected;
	o.dry_run = dry_run;
	o.on_dry_run = print_dry_run;
	o.no_merge = no_merge;
	o.strict = strict;
	o.tags = tags.items;
	o.ntags = tags.n;
	o.links = specs;
	o.nlinks = links.n;
	if (max_time && (rc = cli_parse_max_time(&o.max_time_ms, "add", max_time)) != EXIT_OK)
		goto done;
	o.warn = on_warning;
	o.on_paper = on_paper;
	if (!c->quiet && isatty(STDERR_FILENO))
		o.notice = on_notice;
	o.on_merge = on_merge;
	actx.c = c;
	o.paper_ctx = &actx;

	/* Profiles and identifiers in one call, one sync session: one
	 * batched arXiv request, one transaction per part. */
	for (k = 0; k < inputs.n; k++)
		if (pub_profile_id_is(inputs.items[k]) || is_identifier(inputs.items[k]))
			cli_list_push(&online, inputs.items[k]);
	actx.source = NULL;
	actx.per_paper = 1;
	actx.dry_run = o.dry_run;
	if (online.n) {
		int err = pub_add(c->db, online.items, online.n, &o, on_part, &actx);
		/* an error before any part ran (the options) is not printed yet */
		rc = err < 0 && actx.rc == EXIT_OK ? cli_fail(err) : actx.rc;
		if (err < 0)
			goto done;
	}
	for (k = 0; k < inputs.n; k++) {
		const char *in = inputs.items[k];
		pub_import_stats st = PUB_IMPORT_STATS_INIT;
		int err;
		if (is_identifier(in) || pub_profile_id_is(in))
			continue;
		actx.source = in;
		actx.per_paper = 0;
		err = pub_import_bibtex(c->db, in, &o, &st);
		if (err >= 0 && !o.dry_run)
			actx.stored += st.added + st.merged;
		if (err < 0) {
			rc = cli_fail(err);
			if (o.strict || err != PUB_EPARSE)
				cli_note(c, "nothing was stored from '%s'", in);
			goto done;
		}
		cli_note(c, "%s'%s': %zu added, %zu merged, %zu skipped%s",
			o.dry_run ? "dry run, " : "",
			strcmp(in, "-") == 0 ? "<stdin>" : in,
			st.added, st.merged, st.skipped,
			st.skipped ? " (see the warnings above)" : "");
	}
done:
	/* An add that stored nothing leaves no database it made behind. */
	c->discard_new = actx.stored == 0;
	for (k = 0; specs && k < links.n; k++)
		free((char *)specs[k].kind);
	free(specs);
	cli_list_free(&inputs);
	cli_list_free(&online);
	cli_list_free(&tags);
	cli_list_free(&links);
	return rc;
}
