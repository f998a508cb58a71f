/*
 * cmd_export.c: `pubdb export FORMAT [filters] [-o FILE | --into FILE
 * --region NAME]`.  The flags become pub_export_opts, which the library
 * checks (pub_export_check()); the CLI checks only where the output goes.
 * With -o the output goes to a temporary file renamed into place, so a
 * failed export never leaves a half-written page behind; with --into the
 * export's text (pub_export_text()) goes into one marked region of the page
 * (pub_region_replace()).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* One switch per format, so that "give one format" can be checked. */
static int formats[6];
static cli_list tags, highlight;
static const char *author, *key, *group_by, *jekyll, *outfile, *title, *dialect, *hugo;
static const char *hugo_layout;
static const char *into, *region, *style;
static const char *cv, *since;
static int selected, ascii, plain, standalone, repos, static_stars, citations, tier;

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
	{CLI_OPT_VALUE, "hugo", 0, &hugo, 0, "DIR",
		"Hugo Blox page bundles: DIR/content/publications/KEY/{index.md,cite.bib}\n"
		"and the section's _index.md",
		CLI_OPT_NONEMPTY | CLI_OPT_FILE},
	{CLI_OPT_VALUE, "cv", 0, &cv, 0, "latex|json-resume",
		"a CV's publication list: LaTeX to \\input (--standalone: a document\n"
		"pdflatex compiles) or a JSON Resume document", CLI_OPT_NONEMPTY},
	{CLI_OPT_VALUE, "hugo-layout", 0, &hugo_layout, 0, "blox|academic",
		"--hugo: blox (default, Hugo Blox today: content/publications/, the\n"
		"owner as the me author) or academic (the older theme: content/publication/)",
		CLI_OPT_NONEMPTY},
	{CLI_OPT_SECTION, NULL, 0, NULL, 0, NULL, "options", 0},
	{CLI_OPT_VALUE, "dialect", 0, &dialect, 0, "al-folio",
		"BibTeX: the fields al-folio's templates read (abbr, selected, code, ...)",
		CLI_OPT_NONEMPTY},
	{CLI_OPT_LIST, "tag", 0, &tags, 0, "T",
		"only papers with tag T (any case; no such tag: an error); repeated, gives group order", 0},
	{CLI_OPT_VALUE, "author", 0, &author, 0, "NAME",
		"only papers by NAME (the owner: any spelling of owner.aliases)", 0},
	{CLI_OPT_LIST, "highlight", 0, &highlight, 0, "NAME",
		"HTML/Markdown: underline NAME too, --cv latex: bold (repeatable; one person's\n"
		"spellings separated by ';': \"Yang You; Y. You\")", CLI_OPT_NONEMPTY},
	{CLI_OPT_SWITCH, "selected", 0, &selected, 0, NULL, "only selected papers", 0},
	{CLI_OPT_VALUE, "since", 0, &since, 0, "YEAR",
		"--cv: only papers of YEAR or later (the venue's year, else the paper's)",
		CLI_OPT_NONEMPTY},
	{CLI_OPT_VALUE, "key", 0, &key, 0, "KEY", "only the paper KEY (or an alias) names",
		CLI_OPT_NONEMPTY},
	{CLI_OPT_VALUE, "group-by", 0, &group_by, 0, "tag|year|venue|none",
		"how to group the HTML and Markdown lists and the CV (its default: by kind)", 0},
	{CLI_OPT_SWITCH, "ascii", 0, &ascii, 0, NULL,
		"BibTeX and biblatex: LaTeX escapes instead of UTF-8", 0},
	{CLI_OPT_SWITCH, "plain", 0, &plain, 0, NULL,
		"BibTeX: without pubdb's own fields (pubdb-links, pubdb-tags, ...)", 0},
	{CLI_OPT_SWITCH, "standalone", 0, &standalone, 0, NULL,
		"HTML: a whole page with a stylesheet; --cv latex: a whole document", 0},
	{CLI_OPT_SWITCH, "repos", 0, &repos, 0, NULL,
		"list open-source projects (HTML, Markdown)", 0},
	{CLI_OPT_SWITCH, "tier", 0, &tier, 0, NULL,
		"the decision's tier after the badge ('ICLR 2025 Spotlight'; HTML, Markdown)", 0},
	{CLI_OPT_SWITCH, "citations", 0, &citations, 0, NULL,
		"\"cited by N\" per paper, the largest stored count (HTML, Markdown,\n"
		"acad-homepage, --cv)", 0},
	{CLI_OPT_VALUE, "title", 0, &title, 0, "TEXT",
		"the page's title (--html --standalone), a heading (--markdown,\n"
		"--cv latex --standalone)",
		CLI_OPT_NONEMPTY},
	{CLI_OPT_VALUE, "jekyll", 0, &jekyll, 0, "DIR",
		"Markdown: one file per paper in DIR", CLI_OPT_NONEMPTY | CLI_OPT_FILE},
	{CLI_OPT_VALUE, "style", 0, &style, 0, "pubdb|acad-homepage",
		"the markup: pubdb's classes (default) or an acad-homepage page's "
		"(Markdown with inline HTML)", 0},
	{CLI_OPT_SWITCH, "static-stars", 0, &static_stars, 0, NULL,
		"acad-homepage: the stored star counts, not live shields.io badges", 0},
	{CLI_OPT_VALUE, "output", 'o', &outfile, 0, "FILE",
		"write to FILE (atomically) instead of stdout",
		CLI_OPT_NONEMPTY | CLI_OPT_FILE},
	{CLI_OPT_VALUE, "into", 0, &into, 0, "FILE",
		"rewrite only region --region of FILE (see above); untouched when unchanged",
		CLI_OPT_NONEMPTY | CLI_OPT_FILE},
	{CLI_OPT_VALUE, "region", 0, &region, 0, "NAME",
		"the region of --into: the lines between <!-- pubdb:NAME --> and "
		"<!-- /pubdb:NAME -->", CLI_OPT_NONEMPTY},
	CLI_OPT_QUIET,
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb export`: its help, next to its options. */
const cmd_text cmd_export_text = {
	.usage =
		"usage: pubdb export FORMAT [options] [-o FILE | --into FILE --region NAME]\n",
	.description =
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
		"star badges (--static-stars: the stored counts).\n"
		"--cv latex writes a CV's publication list to \\input (Conference Papers,\n"
		"Journal Articles, Preprints, Other; or --group-by), numbered, the owner in\n"
		"bold; --standalone makes it a document pdflatex compiles.  --cv\n"
		"json-resume writes a JSON Resume document.  Both take --selected, --tag,\n"
		"--since YEAR and --citations (docs/cv.md).\n",
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

/* What only the command line has: where the output goes.  Which options
 * go with which format is the library's one check (pub_export_check()). */
static int check(const pub_export_opts *o)
{
	int err;
	if (outfile && into)
		return cli_usage_error("export", "give -o FILE or --into FILE, not both");
	if (!into != !region)
		return cli_usage_error("export", into
			? "--into needs --region NAME (the lines <!-- pubdb:NAME --> and "
			  "<!-- /pubdb:NAME --> of the page)"
			: "--region needs --into FILE");
	if (into && (o->jekyll_dir || o->hugo_dir || (o->standalone &&
	    (o->format == PUB_FORMAT_HTML || o->format == PUB_FORMAT_CV_LATEX))))
		return cli_usage_error("export",
			"--into writes a fragment into a page: no --jekyll, --hugo or --standalone");
	if (hugo && outfile)
		return cli_usage_error("export", "--hugo writes its own files; -o does not go with it");
	if ((err = pub_export_check(o)) == PUB_EINVAL)
		return cli_usage_error("export", "%s", pub_error_last());
	if (err < 0)
		return cli_fail(err);
	return EXIT_OK;
}

/* --into: the export's text, then into the page's region. */
static int export_into(cli *c, const pub_export_opts *o)
{
	char *text = NULL;
	size_t len = 0;
	int err, rc;
	if ((err = pub_export_text(&text, &len, c->db, o)) < 0)
		return cli_fail(err);
	rc = cli_write_region(c, into, region, text, len);
	free(text);
	return rc;
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
	if (style && strcmp(style, "acad-homepage") == 0) {
		o.style = PUB_STYLE_ACAD_HOMEPAGE;
		if (nformats == 0) { /* the style names its format */
			o.format = PUB_FORMAT_MARKDOWN;
			nformats = 1;
		}
	} else if (style && strcmp(style, "pubdb") != 0) {
		rc = cli_usage_error("export", "--style takes pubdb or acad-homepage");
		goto done;
	}
	o.static_stars = static_stars;
	if (hugo) {
		o.format = PUB_FORMAT_HUGO;
		o.hugo_dir = hugo;
		nformats++;
	}
	if (cv) {
		if (strcmp(cv, "latex") == 0) {
			o.format = PUB_FORMAT_CV_LATEX;
		} else if (strcmp(cv, "json-resume") == 0) {
			o.format = PUB_FORMAT_CV_JSON_RESUME;
		} else {
			rc = cli_usage_error("export", "--cv takes latex or json-resume, not '%s'", cv);
			goto done;
		}
		nformats++;
	}
	if (since) {
		char *end;
		long y = strtol(since, &end, 10);
		if (*end || end == since || y < 1000 || y > 9999) {
			rc = cli_usage_error("export", "--since takes a year (four digits), not '%s'",
				since);
			goto done;
		}
		o.since = (int)y;
	}
	if (hugo_layout) {
		if (!hugo) {
			rc = cli_usage_error("export", "--hugo-layout goes with --hugo DIR");
			goto done;
		}
		if (strcmp(hugo_layout, "academic") == 0) {
			o.hugo_layout = PUB_HUGO_ACADEMIC;
		} else if (strcmp(hugo_layout, "blox") != 0) {
			rc = cli_usage_error("export", "--hugo-layout takes blox or academic");
			goto done;
		}
	}
	if (nformats == 0) {
		rc = cli_usage_error("export",
			"export needs a format: --bibtex, --biblatex, --json, --csl-json, --html, "
			"--markdown, --hugo DIR or --cv latex|json-resume");
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
	if (dialect) {
		if (strcmp(dialect, "al-folio") != 0) {
			rc = cli_usage_error("export", "--dialect takes al-folio, not '%s'", dialect);
			goto done;
		}
		o.dialect = PUB_DIALECT_AL_FOLIO;
	}
	o.ascii = ascii;
	o.plain = plain;
	o.standalone = standalone;
	o.repos = repos;
	o.citations = citations;
	o.tier = tier;
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
	if (into) {
		rc = export_into(c, &o);
		goto done;
	}

	if (outfile) {
		if ((rc = cli_atomic_open(&file, outfile)) != EXIT_OK)
			goto done;
		out = file.f;
	}
	if ((err = pub_export(c->db, &o, out)) < 0)
		rc = cli_fail(err);
	else if (hugo)
		cli_note(c, "wrote the publication bundles into %s/content/publication", hugo);
	else if (o.dialect == PUB_DIALECT_AL_FOLIO)
		cli_note(c, "al-folio finds you by 'scholar: last_name' and 'first_name' in "
			"its _config.yml");
	if (outfile)
		rc = cli_atomic_close(&file, rc);
done:
	cli_list_free(&tags);
	cli_list_free(&highlight);
	return rc;
}
