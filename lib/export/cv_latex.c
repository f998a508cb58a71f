/*
 * cv_latex.c: the publication list of a CV as LaTeX (PUB_FORMAT_CV_LATEX):
 * a fragment to \input into any CV class, each piece of markup a
 * \pubdb... command the CV may define first, or with opts->standalone a
 * whole document pdflatex compiles with the LaTeX kernel's packages alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/cv.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "store/citations.h"
#include "export/authors.h"
#include "export/latex.h"
#include "export/list.h"
#include "export/render.h"
#include "export/venue.h"

/* The defaults of the markup; \providecommand keeps a CV's own. */
static const char macros[] =
	"% The publication list of a CV, written by pubdb (pubdb export --cv latex).\n"
	"% \\input it where the list goes, in any class (moderncv too).  Each\n"
	"% \\pubdb... command below is a default: define it before the \\input to\n"
	"% restyle, e.g. \\newcommand{\\pubdbme}[1]{\\underline{#1}} underlines the\n"
	"% owner instead of setting the name in bold.  \\href needs hyperref (moderncv\n"
	"% loads it); without it the text of each link is written alone.\n"
	"\\providecommand{\\pubdbsection}[1]{\\subsection*{#1}}\n"
	"\\providecommand{\\pubdbme}[1]{\\textbf{#1}}\n"
	"\\providecommand{\\pubdbequal}{\\textsuperscript{*}}\n"
	"\\providecommand{\\pubdbbadge}[1]{\\textbf{[#1]}}\n"
	"\\providecommand{\\pubdbtitle}[1]{\\textit{#1}}\n"
	"\\providecommand{\\pubdbvenue}[1]{#1}\n"
	"\\providecommand{\\pubdbstars}[1]{(#1 stars)}\n"
	"\\providecommand{\\pubdbcited}[1]{(cited by #1)}\n"
	"\\providecommand{\\pubdbnote}[1]{\\par\\smallskip{\\footnotesize #1}\\par}\n"
	"\\providecommand{\\href}[2]{#2}\n"
	"\\ifdefined\\pubdblist\\else\n"
	"\\newenvironment{pubdblist}[1]{\\list{}{\\settowidth{\\labelwidth}{#1}%\n"
	"  \\setlength{\\leftmargin}{\\labelwidth}\\addtolength{\\leftmargin}{\\labelsep}}}\n"
	"  {\\endlist}\n"
	"\\fi\n";

/* A document with the kernel's packages and hyperref only (texlive-latex-
 * base): OT1's roman fonts have no _ ~ ^ < > | \ glyphs, so those come
 * from the typewriter font, as glyphs a PDF reader copies; a character
 * inputenc does not know is a bold '?' instead of an error. */
static const char doc_begin[] =
	"\\documentclass[11pt]{article}\n"
	"\\usepackage[utf8]{inputenc}\n"
	"\\usepackage[hidelinks]{hyperref}\n"
	"\\renewcommand{\\textunderscore}{{\\ttfamily\\char95}}\n"
	"\\renewcommand{\\textasciitilde}{{\\ttfamily\\char126}}\n"
	"\\renewcommand{\\textasciicircum}{{\\ttfamily\\char94}}\n"
	"\\renewcommand{\\textless}{{\\ttfamily\\char60}}\n"
	"\\renewcommand{\\textgreater}{{\\ttfamily\\char62}}\n"
	"\\renewcommand{\\textbar}{{\\ttfamily\\char124}}\n"
	"\\renewcommand{\\textbackslash}{{\\ttfamily\\char92}}\n"
	"\\makeatletter\\def\\UTFviii@undefined@err#1{\\textbf{?}}\\makeatother\n"
	/* T1's letters OT1 lacks (\\k{a}, and inputenc's a-ogonek, eth,
	 * thorn ...): the nearest letter instead of an error */
	"\\DeclareTextCommandDefault{\\k}[1]{#1}\n"
	"\\DeclareTextCommandDefault{\\DH}{D}\\DeclareTextCommandDefault{\\dh}{d}\n"
	"\\DeclareTextCommandDefault{\\DJ}{D}\\DeclareTextCommandDefault{\\dj}{d}\n"
	"\\DeclareTextCommandDefault{\\TH}{Th}\\DeclareTextCommandDefault{\\th}{th}\n"
	"\\DeclareTextCommandDefault{\\NG}{N}\\DeclareTextCommandDefault{\\ng}{n}\n"
	"\\DeclareTextCommandDefault{\\guillemetleft}{\\ensuremath{\\ll}}\n"
	"\\DeclareTextCommandDefault{\\guillemetright}{\\ensuremath{\\gg}}\n"
	"\\DeclareTextCommandDefault{\\guilsinglleft}{\\ensuremath{<}}\n"
	"\\DeclareTextCommandDefault{\\guilsinglright}{\\ensuremath{>}}\n";

/* Greek and a few symbols a title may hold as characters. */
static const struct {
	const char *code, *cmd;
} unicode[] = {
	{"03B1", "alpha"}, {"03B2", "beta"}, {"03B3", "gamma"}, {"03B4", "delta"},
	{"03B5", "epsilon"}, {"03B6", "zeta"}, {"03B7", "eta"}, {"03B8", "theta"},
	{"03B9", "iota"}, {"03BA", "kappa"}, {"03BB", "lambda"}, {"03BC", "mu"},
	{"03BD", "nu"}, {"03BE", "xi"}, {"03C0", "pi"}, {"03C1", "rho"},
	{"03C3", "sigma"}, {"03C4", "tau"}, {"03C5", "upsilon"}, {"03C6", "phi"},
	{"03C7", "chi"}, {"03C8", "psi"}, {"03C9", "omega"}, {"0393", "Gamma"},
	{"0394", "Delta"}, {"0398", "Theta"}, {"039B", "Lambda"}, {"039E", "Xi"},
	{"03A0", "Pi"}, {"03A3", "Sigma"}, {"03A6", "Phi"}, {"03A8", "Psi"},
	{"03A9", "Omega"}, {"2192", "rightarrow"}, {"2190", "leftarrow"},
	{"2264", "leq"}, {"2265", "geq"}, {"2248", "approx"}, {"221E", "infty"},
	{"2208", "in"}, {"2211", "sum"}, {"2260", "neq"},
};

/* The one author line (authors.c) in LaTeX. */
static const pub__author_markup latex_markup = {
	"", ".\n", ", ", "\\pubdbme{", "}", "\\pubdbequal{}", PUB__RENDER_LATEX,
};

static void cv_paper(pub__buf *b, const pub__export_set *set, size_t idx,
	size_t number, pub__urlset *shown)
{
	const pub_paper *p = set->papers[idx];
	char *badge = pub__venue_badge(p), *name = NULL, *full;
	pub__olink *links;
	size_t nlinks, i;
	long stars, cited;
	int year;

	pub__venue_parse(&name, &year, badge);
	pub__buf_printf(b, "\\item[{[%zu]}]", number);
	if (badge) {
		pub__buf_puts(b, " \\pubdbbadge{");
		pub__latex_keep(b, badge);
		pub__buf_putc(b, '}');
	}
	pub__buf_puts(b, " \\pubdbtitle{");
	pub__render_latex(b, p->title ? p->title : p->key, PUB__RENDER_LATEX);
	pub__buf_puts(b, "}.\n");
	if (p->nauthors > 0) {
		pub__buf_puts(b, "  ");
		pub__authors_line(b, p, pub__set_marked(set), &latex_markup);
	}
	full = pub__cv_venue_full(p, name);
	if (full || (year == 0 && pub__cv_year(p) > 0)) {
		pub__buf_puts(b, "  ");
		if (full) {
			pub__buf_puts(b, "\\pubdbvenue{");
			pub__render_latex(b, full, PUB__RENDER_LATEX);
			pub__buf_putc(b, '}');
		}
		/* a badge without a year ("Other" papers, preprints of no year) */
		if (year == 0 && pub__cv_year(p) > 0)
			pub__buf_printf(b, "%s%d", full ? ", " : "", pub__cv_year(p));
		pub__buf_puts(b, ".\n");
	}
	pub__links_ordered(&links, &nlinks, p);
	stars = pub__links_stars(links, nlinks, shown);
	cited = set->opts && set->opts->citations
		? pub__citations_best(p->citations, p->ncitations) : -1;
	if (nlinks > 0 || stars >= 0 || cited >= 0) {
		pub__buf_puts(b, " ");
		for (i = 0; i < nlinks; i++) {
			pub__buf_puts(b, " \\href{");
			pub__latex_url(b, links[i].url);
			pub__buf_puts(b, "}{[");
			pub__latex_escape(b, links[i].kind);
			pub__buf_puts(b, "]}");
		}
		if (stars >= 0) {
			char num[48];
			pub__thousands(num, sizeof(num), stars);
			pub__buf_printf(b, " \\pubdbstars{%s}", num);
		}
		if (cited >= 0) {
			char num[48];
			pub__thousands(num, sizeof(num), cited);
			pub__buf_printf(b, " \\pubdbcited{%s}", num);
		}
		pub__buf_putc(b, '\n');
	}
	pub__links_free(links, nlinks);
	free(full);
	free(name);
	free(badge);
}

static void cv_list(pub__buf *b, const pub__export_set *set)
{
	pub__group *groups;
	size_t ngroups, g, i, total = 0, number = 0;
	pub__cv_groups(&groups, &ngroups, set);
	for (g = 0; g < ngroups; g++)
		total += groups[g].n;
	for (g = 0; g < ngroups; g++) {
		pub__urlset shown = {NULL, 0, 0};
		pub__buf_putc(b, '\n');
		if (groups[g].title) {
			pub__buf_puts(b, "\\pubdbsection{");
			pub__latex_escape(b, groups[g].title);
			pub__buf_puts(b, "}\n");
		}
		/* every list's labels as wide as the widest number */
		pub__buf_printf(b, "\\begin{pubdblist}{[%zu]}\n", total);
		for (i = 0; i < groups[g].n; i++)
			cv_paper(b, set, groups[g].idx[i], ++number, &shown);
		pub__buf_puts(b, "\\end{pubdblist}\n");
		pub__urlset_clear(&shown);
	}
	if (pub__set_has_equal(set))
		pub__buf_puts(b, "\n\\pubdbnote{\\pubdbequal{} Equal contribution.}\n");
	pub__groups_free(groups, ngroups);
}

int pub__export_cv_latex(FILE *out, const pub__export_set *set)
{
	pub__buf b = PUB__BUF_INIT;
	int standalone = set->opts && set->opts->standalone;
	int err = 0;
	size_t i;

	if (standalone) {
		pub__buf_puts(&b, doc_begin);
		for (i = 0; i < sizeof(unicode) / sizeof(unicode[0]); i++)
			pub__buf_printf(&b, "\\DeclareUnicodeCharacter{%s}{\\ensuremath{\\%s}}\n",
				unicode[i].code, unicode[i].cmd);
		pub__buf_puts(&b, "\\begin{document}\n\\section*{");
		pub__latex_escape(&b, set->opts->title ? set->opts->title : "Publications");
		pub__buf_puts(&b, "}\n");
	}
	pub__buf_puts(&b, macros);
	if (set->npapers == 0)
		pub__buf_puts(&b, "% (no papers)\n");
	else
		cv_list(&b, set);
	if (standalone)
		pub__buf_puts(&b, "\\end{document}\n");
	if (fwrite(b.ptr, 1, b.len, out) != b.len || fflush(out) != 0)
		err = pub__error(PUB_ERROR, "cannot write the LaTeX CV");
	pub__buf_free(&b);
	return err;
}
