/*
 * export.c: pub_export(): the one table of writers (format, style, dialect,
 * site) and the one check of the options against it (pub_export_check(),
 * which the CLI does not repeat); loads the matching papers and
 * repositories and hands them to the writer (bibtex.c, json.c, csl.c,
 * html.c, markdown.c, acad.c, alfolio.c, hugo.c, cv_latex.c, cv_json.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/version.h"
#include "util/buf.h"
#include "store/owner.h"
#include "store/paper.h"
#include "store/repo.h"
#include "export/acad.h"
#include "export/bibtex.h"
#include "export/csl.h"
#include "export/cv.h"
#include "export/html.h"
#include "export/hugo.h"
#include "export/json.h"
#include "export/markdown.h"

/* pub_filter is inside: a bump of pub_filter that grows it is a bump of
 * pub_export_opts too. */
static const size_t opts_sizes[] = {PUB__SIZE_TO(pub_export_opts, nhighlight),
	PUB__SIZE_TO(pub_export_opts, since), PUB__SIZE_TO(pub_export_opts, hugo_layout),
	sizeof(pub_export_opts)};
static const pub__versions opts_versions = {"pub_export_opts",
	PUB_EXPORT_OPTIONS_VERSION, opts_sizes};

int pub_export_options_init(pub_export_opts *opts, unsigned int version)
{
	int err = pub__versioned_init(opts, version, &opts_versions);
	if (err == 0)
		opts->filter.version = PUB_FILTER_VERSION;
	return err;
}

/* ---- the writers ------------------------------------------------------- */

/* Where a writer puts its output: `out`, or files of its own in a folder. */
enum { SITE_NONE, SITE_JEKYLL, SITE_HUGO };

/* The options a writer reads besides its format (pub_export_check()
 * refuses them anywhere else). */
enum {
	TAKES_ASCII = 1 << 0,
	TAKES_PLAIN = 1 << 1,
	TAKES_REPOS = 1 << 2,
	TAKES_CITATIONS = 1 << 3,
	TAKES_TITLE = 1 << 4,
	TAKES_STATIC_STARS = 1 << 5,
	TAKES_SINCE = 1 << 6,
	TAKES_HUGO_LAYOUT = 1 << 7,
	TAKES_TIER = 1 << 8,
};

typedef int (*write_fn)(FILE *out, pub_db *db, const pub__export_set *set);

static int w_bibtex(FILE *out, pub_db *db, const pub__export_set *set)
{
	return pub__export_bibtex(out, db, set->opts);
}

#define WRITES(name, call) \
	static int name(FILE *out, pub_db *db, const pub__export_set *set) \
	{ \
		(void)out; \
		(void)db; \
		return call; \
	}
WRITES(w_alfolio, pub__export_alfolio(out, set))
WRITES(w_biblatex, pub__export_biblatex(out, set))
WRITES(w_json, pub__export_json(out, set))
WRITES(w_csl, pub__export_csl_json(out, set))
WRITES(w_html, pub__export_html(out, set))
WRITES(w_markdown, pub__export_markdown(out, set))
WRITES(w_acad, pub__export_acad(out, set))
WRITES(w_jekyll, pub__export_jekyll(set->opts->jekyll_dir, set))
WRITES(w_hugo, pub__export_hugo(db, set->opts->hugo_dir, set))
WRITES(w_cv_latex, pub__export_cv_latex(out, set))
WRITES(w_cv_json, pub__export_cv_json(out, set))
#undef WRITES

/* Every export there is: a format in a style and dialect, to `out` or into
 * a site's folder.  A new writer is one row here. */
static const struct writer {
	pub_format format;
	pub_style style;
	pub_dialect dialect;
	int site;
	unsigned int takes;
	int streams;      /* reads the store itself: no papers loaded for it */
	const char *name; /* in messages */
	write_fn write;
} writers[] = {
	{PUB_FORMAT_BIBTEX, PUB_STYLE_PUBDB, PUB_DIALECT_PUBDB, SITE_NONE,
		TAKES_ASCII | TAKES_PLAIN, 1, "BibTeX", w_bibtex},
	{PUB_FORMAT_BIBTEX, PUB_STYLE_PUBDB, PUB_DIALECT_AL_FOLIO, SITE_NONE,
		TAKES_ASCII | TAKES_PLAIN, 0, "al-folio's BibTeX", w_alfolio},
	{PUB_FORMAT_BIBLATEX, PUB_STYLE_PUBDB, PUB_DIALECT_PUBDB, SITE_NONE,
		TAKES_ASCII, 0, "biblatex", w_biblatex},
	{PUB_FORMAT_JSON, PUB_STYLE_PUBDB, PUB_DIALECT_PUBDB, SITE_NONE,
		0, 0, "JSON", w_json},
	{PUB_FORMAT_CSL_JSON, PUB_STYLE_PUBDB, PUB_DIALECT_PUBDB, SITE_NONE,
		0, 0, "CSL-JSON", w_csl},
	{PUB_FORMAT_HTML, PUB_STYLE_PUBDB, PUB_DIALECT_PUBDB, SITE_NONE,
		TAKES_REPOS | TAKES_CITATIONS | TAKES_TITLE | TAKES_TIER, 0, "HTML", w_html},
	{PUB_FORMAT_MARKDOWN, PUB_STYLE_PUBDB, PUB_DIALECT_PUBDB, SITE_NONE,
		TAKES_REPOS | TAKES_CITATIONS | TAKES_TITLE | TAKES_TIER, 0, "Markdown",
		w_markdown},
	{PUB_FORMAT_MARKDOWN, PUB_STYLE_ACAD_HOMEPAGE, PUB_DIALECT_PUBDB, SITE_NONE,
		TAKES_REPOS | TAKES_CITATIONS | TAKES_STATIC_STARS | TAKES_TIER,
		0, "the acad-homepage list", w_acad},
	{PUB_FORMAT_MARKDOWN, PUB_STYLE_PUBDB, PUB_DIALECT_PUBDB, SITE_JEKYLL,
		TAKES_REPOS | TAKES_CITATIONS | TAKES_TITLE | TAKES_TIER, 0,
		"Jekyll's Markdown files",
		w_jekyll},
	{PUB_FORMAT_HUGO, PUB_STYLE_PUBDB, PUB_DIALECT_PUBDB, SITE_HUGO,
		TAKES_HUGO_LAYOUT, 0, "Hugo page bundles", w_hugo},
	{PUB_FORMAT_CV_LATEX, PUB_STYLE_PUBDB, PUB_DIALECT_PUBDB, SITE_NONE,
		TAKES_CITATIONS | TAKES_SINCE | TAKES_TITLE, 0, "the LaTeX CV", w_cv_latex},
	{PUB_FORMAT_CV_JSON_RESUME, PUB_STYLE_PUBDB, PUB_DIALECT_PUBDB, SITE_NONE,
		TAKES_CITATIONS | TAKES_SINCE, 0, "the JSON Resume CV", w_cv_json},
};
#define NWRITERS (sizeof(writers) / sizeof(writers[0]))

/* The options, as the messages name them (pub_export_opts' members). */
static const struct {
	unsigned int bit;
	const char *what;
} takes_names[] = {
	{TAKES_ASCII, "ascii"},
	{TAKES_PLAIN, "plain"},
	{TAKES_REPOS, "repos"},
	{TAKES_CITATIONS, "citations"},
	{TAKES_TITLE, "title"},
	{TAKES_STATIC_STARS, "static_stars"},
	{TAKES_SINCE, "since"},
	{TAKES_HUGO_LAYOUT, "hugo_layout"},
	{TAKES_TIER, "tier"},
};

static unsigned int options_set(const pub_export_opts *o)
{
	return (o->ascii ? TAKES_ASCII : 0u) | (o->plain ? TAKES_PLAIN : 0u) |
	       (o->repos ? TAKES_REPOS : 0u) | (o->citations ? TAKES_CITATIONS : 0u) |
	       (o->title ? TAKES_TITLE : 0u) | (o->static_stars ? TAKES_STATIC_STARS : 0u) |
	       (o->since ? TAKES_SINCE : 0u) | (o->hugo_layout ? TAKES_HUGO_LAYOUT : 0u) |
	       (o->tier ? TAKES_TIER : 0u);
}

static int site_of(const pub_export_opts *o)
{
	return o->hugo_dir ? SITE_HUGO : o->jekyll_dir ? SITE_JEKYLL : SITE_NONE;
}

/* The writer of opts, or PUB_EINVAL saying why there is none. */
static int writer_of(const struct writer **out, const pub_export_opts *o)
{
	int site = site_of(o);
	unsigned int extra;
	size_t i, k;
	*out = NULL;
	if (o->style != PUB_STYLE_PUBDB && o->style != PUB_STYLE_ACAD_HOMEPAGE)
		return pub__error(PUB_EINVAL, "unknown export style %d", (int)o->style);
	if (o->jekyll_dir && o->hugo_dir)
		return pub__error(PUB_EINVAL, "a Jekyll folder or Hugo page bundles, not both");
	if (o->since != 0 && (o->since < 1000 || o->since > 9999))
		return pub__error(PUB_EINVAL, "a year since which to list papers has four "
			"digits, not %d", o->since);
	if (o->hugo_layout != PUB_HUGO_BLOX && o->hugo_layout != PUB_HUGO_ACADEMIC)
		return pub__error(PUB_EINVAL, "unknown Hugo layout %d", o->hugo_layout);
	for (i = 0; i < NWRITERS; i++)
		if (writers[i].format == o->format && writers[i].style == o->style &&
		    writers[i].dialect == o->dialect && writers[i].site == site)
			break;
	if (i == NWRITERS) {
		if (o->dialect && o->format != PUB_FORMAT_BIBTEX)
			return pub__error(PUB_EINVAL, "a BibTeX dialect takes the BibTeX format");
		if (o->style == PUB_STYLE_ACAD_HOMEPAGE)
			return pub__error(PUB_EINVAL, "the acad-homepage style is one Markdown list "
				"(with inline HTML), in no site's folder");
		if ((o->format == PUB_FORMAT_HUGO) != (site == SITE_HUGO))
			return pub__error(PUB_EINVAL, "Hugo page bundles need a folder, and a "
				"folder the Hugo format");
		if (site == SITE_JEKYLL)
			return pub__error(PUB_EINVAL, "a Jekyll folder takes Markdown files only");
		return pub__error(PUB_EINVAL, "unknown export format %d", (int)o->format);
	}
	extra = options_set(o) & ~writers[i].takes;
	for (k = 0; extra && k < sizeof(takes_names) / sizeof(takes_names[0]); k++) {
		pub__buf who = PUB__BUF_INIT;
		size_t j;
		int err;
		if (!(extra & takes_names[k].bit))
			continue;
		for (j = 0; j < NWRITERS; j++)
			if (writers[j].takes & takes_names[k].bit)
				pub__buf_printf(&who, "%s%s", who.len ? ", " : "", writers[j].name);
		err = pub__error(PUB_EINVAL, "'%s' does not go with %s (it goes with %s)",
			takes_names[k].what, writers[i].name, who.ptr);
		pub__buf_free(&who);
		return err;
	}
	/* a title names a page: an HTML fragment or a CV's list has none */
	if (o->title && !o->standalone &&
	    (o->format == PUB_FORMAT_HTML || o->format == PUB_FORMAT_CV_LATEX))
		return pub__error(PUB_EINVAL, "'title' names a page: %s takes one when standalone",
			writers[i].name);
	*out = &writers[i];
	return 0;
}

/* The caller's options of any version as a whole current struct in *o,
 * and their writer. */
static int opts_in(pub_export_opts *o, const struct writer **w, const pub_export_opts *given)
{
	int err;
	*w = NULL;
	if (!given)
		return pub__version_error("pub_export_opts", 0);
	if ((err = pub__versioned_in(o, sizeof(*o), given, &opts_versions)) < 0)
		return err;
	if ((err = pub__filter_in(&o->filter, &given->filter)) < 0)
		return err;
	return writer_of(w, o);
}

int pub_export_check(const pub_export_opts *given)
{
	pub_export_opts o;
	const struct writer *w;
	return opts_in(&o, &w, given);
}

static int export_to(pub_db *db, const pub_export_opts *given, FILE *out)
{
	pub_export_opts o;
	const pub_export_opts *opts = &o;
	const struct writer *w;
	pub__export_set set;
	pub_paper **papers = NULL;
	pub_repo **repos = NULL;
	int64_t *ids = NULL;
	size_t n = 0, nrepos = 0, i, loaded = 0;
	char *owner = NULL, *me = NULL, *underline = NULL;
	int err;

	if ((err = opts_in(&o, &w, given)) < 0 || !w)
		return err < 0 ? err : pub__error(PUB_ERROR, "no writer for this export");
	memset(&set, 0, sizeof(set));
	set.opts = opts;
	if (w->streams)
		return w->write(out, db, &set);

	if ((err = pub_config_get(&owner, db, "owner")) < 0)
		return err;
	if ((err = pub__owner_names(&me, db)) < 0)
		goto done;
	{
		pub__buf u = PUB__BUF_INIT;
		if (me)
			pub__buf_puts(&u, me);
		for (i = 0; i < opts->nhighlight; i++)
			if (opts->highlight[i] && *opts->highlight[i])
				pub__buf_printf(&u, "%s%s", u.len ? "; " : "", opts->highlight[i]);
		underline = pub__buf_detach(&u);
	}
	if (!opts->repos && (err = pub__paper_ids(&ids, &n, db, &opts->filter, 0)) < 0)
		goto done;
	papers = pub__calloc(n ? n : 1, sizeof(*papers));
	for (loaded = 0; loaded < n; loaded++)
		if ((err = pub__paper_load(&papers[loaded], db, ids[loaded])) < 0)
			goto done;
	if (opts->since) { /* the CV's year (cv.h), not only the stored one */
		size_t kept = 0;
		for (i = 0; i < n; i++) {
			if (pub__cv_year(papers[i]) >= opts->since)
				papers[kept++] = papers[i];
			else
				pub_paper_free(papers[i]);
		}
		n = loaded = kept;
	}
	if ((err = pub__repo_list(&repos, &nrepos, db, opts->repos)) < 0)
		goto done;

	set.papers = (const pub_paper *const *)papers;
	set.npapers = n;
	set.repos = (const pub_repo *const *)repos;
	set.nrepos = nrepos;
	set.owner = owner;
	set.me = me;
	set.underline = underline;
	err = w->write(out, db, &set);
done:
	for (i = 0; i < loaded; i++)
		pub_paper_free(papers[i]);
	free(papers);
	free(ids);
	pub__repo_list_free(repos, nrepos);
	free(owner);
	free(me);
	free(underline);
	return err;
}

int pub_export(pub_db *db, const pub_export_opts *opts, FILE *out)
{
	return export_to(db, opts, out);
}

/* The text in memory, as pub_news_render() gives news: the writers' one
 * stream is made here, not by each caller. */
int pub_export_text(char **out, size_t *len, pub_db *db, const pub_export_opts *opts)
{
	char *text = NULL;
	size_t n = 0;
	FILE *mem = open_memstream(&text, &n);
	int err;
	*out = NULL;
	if (len)
		*len = 0;
	if (!mem)
		return pub__error(PUB_ERROR, "cannot hold the export in memory");
	err = export_to(db, opts, mem);
	if (fclose(mem) != 0 && err == 0)
		err = pub__error(PUB_ERROR, "cannot hold the export in memory");
	if (err < 0) {
		free(text);
		return err;
	}
	*out = text;
	if (len)
		*len = n;
	return 0;
}
