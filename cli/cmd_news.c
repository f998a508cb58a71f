/*
 * cmd_news.c: `pubdb news [--since DATE] [--markdown|--html|--atom]
 * [--json] [-n N] [--into FILE --region NAME]`: the recorded events (a paper added, a venue gained, a
 * repository added, a star milestone) as a homepage's News section, newest
 * first.  The library renders the text; this writes it to stdout or into
 * a marked region of a page (the page's News section keeps itself).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *since, *count, *title, *into, *region;
static int markdown, html, atom;

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
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb news`: its help, next to its options. */
const cmd_text cmd_news_text = {
	.usage =
		"usage: pubdb news [--since DATE] [--markdown|--html|--atom|--json] [-n N]\n",
	.description =
		"Lists what happened, newest first, as a homepage's News section writes it:\n"
		"'- *2025.05*: [DSP](URL) is accepted by ICML 2025!'.  Events are recorded\n"
		"when pubdb learns them: a paper added by identifier (add arxiv:/doi:; a .bib\n"
		"import records none), a venue set on a paper that had none (edit KEY\n"
		"venue=...), a repository added (repo add, a new code link), a star\n"
		"milestone crossed in a refresh (100, 500, 1000, 2000, 5000, 10000, ...).\n"
		"A paper is named by 'edit KEY short=NAME', else its title before a colon.\n",
};

int cmd_news(cli *c)
{
	pub_news_opts o = PUB_NEWS_OPTIONS_INIT;
	char *text = NULL, *owner = NULL, *end;
	int err;
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
