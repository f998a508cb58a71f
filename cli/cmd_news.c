/*
 * cmd_news.c: `pubdb news [--since DATE] [--markdown|--html|--atom]
 * [--json] [-n N] [--into FILE --region NAME]`: the recorded events (a paper added, a venue gained, a
 * repository added, a star milestone, the owner's own items) as a
 * homepage's News section, newest first; `news add DATE TEXT`, `news edit
 * ID TEXT`, `news rm ID`: the owner's own items.  The library renders the text; this writes it to stdout or into
 * a marked region of a page (the page's News section keeps itself).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *since, *count, *title, *into, *region;
static int markdown, html, atom;
static cli_list args;

const cli_opt_spec cmd_news_opts[] = {
	{CLI_OPT_SECTION, NULL, 0, NULL, 0, NULL, "formats", 0},
	{CLI_OPT_SWITCH, "markdown", 0, &markdown, 0, NULL,
		"Markdown lines '- *2025.05*: [DSP](URL) is accepted by ICML 2025!' (the default)", 0},
	{CLI_OPT_SWITCH, "html", 0, &html, 0, NULL, "an HTML list (<ul class=\"pub-news\">)", 0},
	{CLI_OPT_SWITCH, "atom", 0, &atom, 0, NULL, "an Atom feed (stable entry ids)", 0},
	CLI_OPT_JSON("a JSON array of events (as the global --json)"),
	{CLI_OPT_SECTION, NULL, 0, NULL, 0, NULL, "options", 0},
	{CLI_OPT_VALUE, "since", 0, &since, 0, "DATE",
		"only events on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)", CLI_OPT_NONEMPTY},
	{CLI_OPT_VALUE, "limit", 'n', &count, 0, "N", "only the N newest events", CLI_OPT_NONEMPTY},
	{CLI_OPT_VALUE, "title", 0, &title, 0, "TEXT", "the Atom feed's title (default News)",
		CLI_OPT_NONEMPTY},
	{CLI_OPT_VALUE, "into", 0, &into, 0, "FILE",
		"rewrite only region --region of FILE, the lines between <!-- pubdb:NAME --> "
		"and <!-- /pubdb:NAME -->; untouched when unchanged",
		CLI_OPT_NONEMPTY | CLI_OPT_FILE},
	{CLI_OPT_VALUE, "region", 0, &region, 0, "NAME", "the region of --into",
		CLI_OPT_NONEMPTY},
	CLI_OPT_QUIET,
	{CLI_OPT_ARGS, "ACTION", 0, &args, 0, NULL, NULL, 0},
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* An item id as `news --json` gives it; -1 when malformed. */
static long long item_id(const char *s)
{
	char *end;
	long long v = strtoll(s, &end, 10);
	return *s && !*end && v > 0 ? v : -1;
}

/* news add DATE TEXT | news edit ID TEXT | news rm ID */
static int news_action(cli *c)
{
	const char *verb = args.items[0];
	size_t n = args.n;
	int64_t id = 0;
	long long want;
	int err;
	if (since || count || title || into || region || markdown || html || atom)
		return cli_usage_error("news", "'%s' takes no format or listing option", verb);
	if (!strcmp(verb, "add")) {
		if (n != 3)
			return cli_usage_error("news", "usage: pubdb news add DATE TEXT "
				"(DATE: YYYY-MM or YYYY-MM-DD; TEXT: one line of Markdown, quoted)");
		if ((err = pub_news_add(&id, c->db, args.items[1], args.items[2])) < 0)
			return cli_fail(err);
		if (c->json)
			printf("{\"id\": %lld}\n", (long long)id);
		else
			cli_note(c, "added news item %lld", (long long)id);
		return EXIT_OK;
	}
	if (!strcmp(verb, "edit") || !strcmp(verb, "rm")) {
		int edit = verb[0] == 'e';
		if (n != (edit ? 3u : 2u))
			return cli_usage_error("news", edit ? "usage: pubdb news edit ID TEXT"
							    : "usage: pubdb news rm ID");
		if ((want = item_id(args.items[1])) < 0)
			return cli_usage_error("news", "'%s' is not a news item id (pubdb news --json "
				"lists them)", args.items[1]);
		err = edit ? pub_news_edit(c->db, (int64_t)want, args.items[2])
			   : pub_news_remove(c->db, (int64_t)want);
		if (err < 0)
			return cli_fail(err);
		cli_note(c, "%s news item %lld", edit ? "changed" : "removed", want);
		return EXIT_OK;
	}
	return cli_usage_error("news", "unknown action '%s' (add, edit, rm)", verb);
}

/* `pubdb news`: its help, next to its options. */
const cmd_text cmd_news_text = {
	.usage =
		"usage: pubdb news [--since DATE] [--markdown|--html|--atom|--json] [-n N]\n"
		"       pubdb news add DATE TEXT\n"
		"       pubdb news edit ID TEXT\n"
		"       pubdb news rm ID\n",
	.description =
		"Lists what happened, newest first, as a homepage's News section writes it:\n"
		"'- *2025.05*: [DSP](URL) is accepted by ICML 2025!'.  Each item is dated by\n"
		"when it happened: an acceptance by its decision day (OpenReview's, see\n"
		"refresh --openreview), else the day its source gives, never later than the\n"
		"venue's year; a new paper by its arXiv v1; a release by the repository's\n"
		"creation day; a star milestone (100, 500, 1000, 2000, 5000, ...) by the\n"
		"refresh that crossed it.  Items come from a paper added by identifier or\n"
		"profile (with its acceptance when it arrives with a venue), a venue gained\n"
		"(edit KEY venue=..., refresh), a repository added, and the owner's own\n"
		"items: 'news add 2025-07 \"Join [Adobe Research](https://www.adobe.com/)\"'\n"
		"(one line of Markdown, written as given), 'news edit ID TEXT' and\n"
		"'news rm ID' (any item; --json gives each item's id).  A paper is named by\n"
		"'edit KEY short=NAME', else its title before a colon.\n",
};

int cmd_news(cli *c)
{
	pub_news_opts o = PUB_NEWS_OPTIONS_INIT;
	char *text = NULL, *owner = NULL, *end;
	int err;
	if (args.n)
		return news_action(c);
	if (markdown + html + atom + !!c->json > 1)
		return cli_usage_error("news", "give one format, not several");
	o.format = html ? PUB_NEWS_HTML : atom ? PUB_NEWS_ATOM
		 : c->json ? PUB_NEWS_JSON : PUB_NEWS_MARKDOWN;
	if (title && !atom)
		return cli_usage_error("news", "--title names the Atom feed; use it with --atom");
	if (!into != !region)
		return cli_usage_error("news", into
			? "--into needs --region NAME (the lines <!-- pubdb:NAME --> and "
			  "<!-- /pubdb:NAME --> of the page)"
			: "--region needs --into FILE");
	if (into && (atom || c->json))
		return cli_usage_error("news", "--into writes Markdown or HTML into a page, "
			"not a feed or JSON");
	if (count) {
		long n = strtol(count, &end, 10);
		if (*end || n < 1)
			return cli_usage_error("news", "-n/--limit takes a positive number, not '%s'", count);
		o.limit = (size_t)n;
	}
	o.since = since;
	o.title = title;
	if (atom && (err = pub_config_get(&owner, c->db, "owner")) < 0)
		return cli_fail(err);
	o.author = owner;
	err = pub_news_render(&text, c->db, &o);
	free(owner);
	if (err < 0)
		return cli_fail(err);
	if (into)
		err = cli_write_region(c, into, region, text, strlen(text));
	else
		fputs(text, stdout);
	free(text);
	return into ? err : EXIT_OK;
}
