/*
 * export.c: pub_export(): loads the matching papers and repositories and
 * hands them to the writer of the format (bibtex.c, json.c, csl.c, html.c,
 * markdown.c).
 */
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

int pub_export(pub_db *db, const pub_export_opts *given, FILE *out)
{
	pub_export_opts o;
	const pub_export_opts *opts = &o;
	pub__export_set set;
	pub_paper **papers = NULL;
	pub_repo **repos = NULL;
	int64_t *ids = NULL;
	size_t n = 0, nrepos = 0, i, loaded = 0;
	char *owner = NULL, *me = NULL, *underline = NULL;
	int err;

	if (!given)
		return pub__version_error("pub_export_opts", 0);
	if ((err = pub__versioned_in(&o, sizeof(o), given, &opts_versions)) < 0)
		return err;
	if ((err = pub__filter_in(&o.filter, &given->filter)) < 0)
		return err;
	if (opts->jekyll_dir && opts->format != PUB_FORMAT_MARKDOWN)
		return pub__error(PUB_EINVAL, "a Jekyll folder takes Markdown files only");
	if (opts->repos && opts->format != PUB_FORMAT_HTML && opts->format != PUB_FORMAT_MARKDOWN)
		return pub__error(PUB_EINVAL, "the project list is written as HTML or Markdown only");
	if (opts->style != PUB_STYLE_PUBDB && opts->style != PUB_STYLE_ACAD_HOMEPAGE)
		return pub__error(PUB_EINVAL, "unknown export style %d", opts->style);
	if (opts->style == PUB_STYLE_ACAD_HOMEPAGE &&
	    (opts->format != PUB_FORMAT_MARKDOWN || opts->jekyll_dir))
		return pub__error(PUB_EINVAL,
			"the acad-homepage style is one Markdown list (with inline HTML)");
	if (opts->dialect && opts->format != PUB_FORMAT_BIBTEX)
		return pub__error(PUB_EINVAL, "a BibTeX dialect takes the BibTeX format");
	if ((opts->format == PUB_FORMAT_HUGO) != !!opts->hugo_dir)
		return pub__error(PUB_EINVAL, "Hugo page bundles need a folder, and a folder "
			"the Hugo format");
	if (opts->citations && opts->format != PUB_FORMAT_HTML &&
	    opts->format != PUB_FORMAT_MARKDOWN && opts->format != PUB_FORMAT_CV_LATEX &&
	    opts->format != PUB_FORMAT_CV_JSON_RESUME)
		return pub__error(PUB_EINVAL, "citation counts are shown in HTML, Markdown or a CV only");
	if (opts->since != 0 && (opts->since < 1000 || opts->since > 9999))
		return pub__error(PUB_EINVAL, "a year since which to list papers has four "
			"digits, not %d", opts->since);
	if (opts->since && opts->format != PUB_FORMAT_CV_LATEX &&
	    opts->format != PUB_FORMAT_CV_JSON_RESUME)
		return pub__error(PUB_EINVAL, "a year since which to list papers takes a CV format");
	if (opts->format == PUB_FORMAT_BIBTEX && !opts->dialect)
		return pub__export_bibtex(out, db, opts);

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

	memset(&set, 0, sizeof(set));
	set.papers = (const pub_paper *const *)papers;
	set.npapers = n;
	set.repos = (const pub_repo *const *)repos;
	set.nrepos = nrepos;
	set.owner = owner;
	set.me = me;
	set.underline = underline;
	set.opts = opts;
	switch (opts->format) {
	case PUB_FORMAT_BIBTEX:
		err = pub__export_alfolio(out, &set);
		break;
	case PUB_FORMAT_HUGO:
		err = pub__export_hugo(db, opts->hugo_dir, &set);
		break;
	case PUB_FORMAT_BIBLATEX:
		err = pub__export_biblatex(out, &set);
		break;
	case PUB_FORMAT_JSON:
		err = pub__export_json(out, &set);
		break;
	case PUB_FORMAT_CSL_JSON:
		err = pub__export_csl_json(out, &set);
		break;
	case PUB_FORMAT_CV_LATEX:
		err = pub__export_cv_latex(out, &set);
		break;
	case PUB_FORMAT_CV_JSON_RESUME:
		err = pub__export_cv_json(out, &set);
		break;
	case PUB_FORMAT_HTML:
		err = pub__export_html(out, &set);
		break;
	case PUB_FORMAT_MARKDOWN:
		err = opts->jekyll_dir ? pub__export_jekyll(opts->jekyll_dir, &set)
		    : opts->style == PUB_STYLE_ACAD_HOMEPAGE ? pub__export_acad(out, &set)
		    : pub__export_markdown(out, &set);
		break;
	default:
		err = pub__error(PUB_EINVAL, "unknown export format");
	}
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
