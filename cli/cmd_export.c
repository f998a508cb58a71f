/*
 * cmd_export.c: `pubdb export FORMAT [filters] [-o FILE]`.  With -o the
 * output goes to a temporary file renamed into place, so a failed export
 * never leaves a half-written page behind.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* One switch per format, so that "give one format" can be checked. */
static int formats[6];
static cli_list tags, highlight;
static const char *author, *key, *group_by, *jekyll, *outfile, *title;
static int selected, ascii, plain, standalone, repos;

static const pub_format format_of[6] = {
	PUB_FORMAT_BIBTEX, PUB_FORMAT_BIBLATEX, PUB_FORMAT_JSON,
	PUB_FORMAT_CSL_JSON, PUB_FORMAT_HTML, PUB_FORMAT_MARKDOWN,
};

const cli_opt_spec cmd_export_opts[] = {
	{CLI_OPT_SECTION, NULL, 0, NULL, 0, NULL, "formats", 0},
	{CLI_OPT_SWITCH, "bibtex", 0, &formats[0], 0, NULL,
		"BibTeX (UTF-8; --ascii writes LaTeX escapes)", 0},
	{CLI_OPT_SWITCH, "biblatex", 0, &formats[1], 0, NULL,
		"biblatex (arXiv papers as eprint/eprinttype)", 0},
	{CLI_OPT_SWITCH, "json", 0, &formats[2], 0, NULL,
		"JSON array of papers (also the global --json)", 0},
	{CLI_OPT_SWITCH, "csl-json", 0, &formats[3], 0, NULL,
		"CSL-JSON (for pandoc --citeproc)", 0},
	{CLI_OPT_SWITCH, "html", 0, &formats[4], 0, NULL,
		"HTML publication list (--standalone: whole page)", 0},
	{CLI_OPT_SWITCH, "markdown", 0, &formats[5], 0, NULL,
		"Markdown list (--jekyll DIR: one file per paper)", 0},
	{CLI_OPT_SECTION, NULL, 0, NULL, 0, NULL, "options", 0},
	{CLI_OPT_LIST, "tag", 0, &tags, 0, "T",
		"only papers with tag T (any case; no such tag: an error); repeated, gives group order", 0},
	{CLI_OPT_VALUE, "author", 0, &author, 0, "NAME",
		"only papers by NAME (the owner: any spelling of owner.aliases)", 0},
	{CLI_OPT_LIST, "highlight", 0, &highlight, 0, "NAME",
		"HTML/Markdown: underline NAME too (repeatable; one person's\n"
		"spellings separated by ';': \"Yang You; Y. You\")", CLI_OPT_NONEMPTY},
	{CLI_OPT_SWITCH, "selected", 0, &selected, 0, NULL, "only selected papers", 0},
	{CLI_OPT_VALUE, "key", 0, &key, 0, "KEY", "only the paper KEY (or an alias) names",
		CLI_OPT_NONEMPTY},
	{CLI_OPT_VALUE, "group-by", 0, &group_by, 0, "tag|year|venue|none",
		"how to group the HTML and Markdown lists", 0},
	{CLI_OPT_SWITCH, "ascii", 0, &ascii, 0, NULL,
		"BibTeX and biblatex: LaTeX escapes instead of UTF-8", 0},
	{CLI_OPT_SWITCH, "plain", 0, &plain, 0, NULL,
		"BibTeX: without pubdb's own fields (pubdb-links, pubdb-tags, ...)", 0},
	{CLI_OPT_SWITCH, "standalone", 0, &standalone, 0, NULL,
		"HTML: a whole page with a stylesheet", 0},
	{CLI_OPT_SWITCH, "repos", 0, &repos, 0, NULL,
		"list open-source projects (HTML, Markdown)", 0},
	{CLI_OPT_VALUE, "title", 0, &title, 0, "TEXT",
		"the page's title (--html --standalone) or a heading (--markdown)",
		CLI_OPT_NONEMPTY},
	{CLI_OPT_VALUE, "jekyll", 0, &jekyll, 0, "DIR",
		"Markdown: one file per paper in DIR", CLI_OPT_NONEMPTY | CLI_OPT_FILE},
	{CLI_OPT_VALUE, "output", 'o', &outfile, 0, "FILE",
		"write to FILE (atomically) instead of stdout",
		CLI_OPT_NONEMPTY | CLI_OPT_FILE},
	CLI_OPT_QUIET,
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

static int parse_group(const char *v, pub_group_by *out)
{
	if (strcmp(v, "tag") == 0)
		*out = PUB_GROUP_TAG;
	else if (strcmp(v, "year") == 0)
		*out = PUB_GROUP_YEAR;
	else if (strcmp(v, "venue") == 0)
		*out = PUB_GROUP_VENUE;
	else if (strcmp(v, "none") == 0)
		*out = PUB_GROUP_NONE;
	else
		return -1;
	return 0;
}

/* The option checks that name flags are the CLI's business, not the
 * library's: it says what is wrong in its own terms. */
static int check(const pub_export_opts *o)
{
	if (o->ascii && o->format != PUB_FORMAT_BIBTEX && o->format != PUB_FORMAT_BIBLATEX)
		return cli_usage_error("export", "--ascii applies to --bibtex and --biblatex");
	if (o->plain && o->format != PUB_FORMAT_BIBTEX)
		return cli_usage_error("export", "--plain applies to --bibtex");
	if (o->jekyll_dir && o->format != PUB_FORMAT_MARKDOWN)
		return cli_usage_error("export",
			"--jekyll writes Markdown files; use it with --markdown");
	if (o->repos && o->format != PUB_FORMAT_HTML && o->format != PUB_FORMAT_MARKDOWN)
		return cli_usage_error("export", "--repos lists projects as HTML or Markdown");
	if (o->title && !(o->format == PUB_FORMAT_HTML && o->standalone) &&
	    o->format != PUB_FORMAT_MARKDOWN)
		return cli_usage_error("export",
			"--title names a page: use it with --html --standalone or --markdown");
	return EXIT_OK;
}

int cmd_export(cli *c)
{
	pub_export_opts o = PUB_EXPORT_OPTIONS_INIT;
	cli_atomic file;
	int rc = EXIT_OK, err, nformats = 0;
	size_t k;
	FILE *out = stdout;

	/* The global --json (before the command) names the format too. */
	if (c->json)
		formats[2] = 1;
	for (k = 0; k < 6; k++) {
		if (formats[k]) {
			o.format = format_of[k];
			nformats++;
		}
	}
	if (nformats == 0) {
		rc = cli_usage_error("export",
			"export needs a format: --bibtex, --biblatex, --json, --csl-json, --html or --markdown");
		goto done;
	}
	if (nformats > 1) {
		rc = cli_usage_error("export", "give one format, not several");
		goto done;
	}
	if (group_by && parse_group(group_by, &o.group_by) < 0) {
		rc = cli_usage_error("export", "--group-by takes tag, year, venue or none");
		goto done;
	}
	o.ascii = ascii;
	o.plain = plain;
	o.standalone = standalone;
	o.repos = repos;
	o.jekyll_dir = jekyll;
	o.title = title;
	o.filter.tags = tags.items;
	o.filter.ntags = tags.n;
	o.filter.key = key;
	o.filter.author = author;
	o.highlight = highlight.items;
	o.nhighlight = highlight.n;
	o.filter.selected_only = selected;
	if ((rc = check(&o)) != EXIT_OK)
		goto done;

	if (outfile) {
		if ((rc = cli_atomic_open(&file, outfile)) != EXIT_OK)
			goto done;
		out = file.f;
	}
	if ((err = pub_export(c->db, &o, out)) < 0)
		rc = cli_fail(err);
	if (outfile)
		rc = cli_atomic_close(&file, rc);
done:
	cli_list_free(&tags);
	cli_list_free(&highlight);
	return rc;
}
