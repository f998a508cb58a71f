/*
 * acad.c: the publication and project lists in the markup of the
 * acad-homepage Jekyll template (github.com/RayeRen/acad-homepage.github.io),
 * byte for byte as its pages write them by hand: `## ` group headings, an
 * HTML list per group with the kramdown code class on the venue, the
 * inline div of [paper] [code] links, the shields.io star badge (live, or
 * the stored count with static_stars), the italic author line with the
 * owner underlined and bold starred equal contributors; projects as
 * `- **[NAME](URL)**: DESCRIPTION <img ...>`.  Everything from outside is
 * escaped; kramdown leaves HTML blocks alone, so HTML escaping is right
 * inside them.
 */
#include <stdlib.h>
#include <string.h>

#include "export/acad.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "ids/github.h"
#include "store/citations.h"
#include "export/authors.h"
#include "export/list.h"
#include "export/render.h"

/* The star badge of repository `url`: shields.io's live count, as the
 * template's pages write it, or the stored one. */
static void acad_stars(pub__buf *b, const char *url, long stars, int static_stars)
{
	char *owner = NULL, *name = NULL;
	if (static_stars || pub__github_parse_url(&owner, &name, url) < 0) {
		char num[48];
		if (stars < 0)
			goto done;
		pub__thousands(num, sizeof(num), stars);
		pub__buf_printf(b, "<span class=\"pub-stars\" title=\"GitHub stars\">"
			"\xe2\x98\x85 %s</span>", num);
		goto done;
	}
	pub__buf_puts(b, "<img src='https://img.shields.io/github/stars/");
	pub__html_escape(b, owner);
	pub__buf_putc(b, '/');
	pub__html_escape(b, name);
	pub__buf_puts(b, ".svg?style=social&label=Star' alt=\"sym\" height=\"100%\">");
done:
	free(owner);
	free(name);
}

/* The template's author line: italic, the owner underlined, a bold star. */
static const pub__author_markup acad_markup = {
	"    <div><i>", "</i></div>\n", ", ", "<u>", "</u>", "<b><sup>*</sup></b>",
	PUB__RENDER_HTML,
};

static void acad_paper(pub__buf *b, const pub__export_set *set, const pub_paper *p,
	pub__urlset *shown)
{
	char *venue = pub__venue_badge_tier(p, set->opts && set->opts->tier);
	pub__olink *links;
	size_t nlinks, i, star;
	long cited;

	pub__buf_puts(b, "  <li>\n    ");
	if (venue) {
		pub__buf_puts(b, "<code class=\"language-plaintext highlighter-rouge\">");
		pub__html_escape(b, venue);
		pub__buf_puts(b, "</code> ");
	}
	pub__buf_puts(b, "<strong>");
	pub__render_latex(b, p->title, PUB__RENDER_HTML);
	pub__buf_puts(b, "</strong>\n");
	pub__links_ordered(&links, &nlinks, p);
	if (nlinks > 0) {
		pub__buf_puts(b, "    <div style=\"display: inline\">\n");
		for (i = 0; i < nlinks; i++) {
			pub__buf_puts(b, "        <a href=\"");
			pub__html_escape(b, links[i].url);
			pub__buf_puts(b, "\"> [");
			pub__html_escape(b, links[i].kind);
			pub__buf_puts(b, "]</a>\n");
		}
		pub__buf_puts(b, "    </div>\n");
	}
	if ((star = pub__links_stars_at(links, nlinks, shown)) < nlinks) {
		pub__buf_puts(b, "    ");
		acad_stars(b, links[star].url, links[star].stars,
			set->opts && set->opts->static_stars);
		pub__buf_putc(b, '\n');
	}
	if (set->opts && set->opts->citations &&
	    (cited = pub__citations_best(p->citations, p->ncitations)) >= 0) {
		char num[48];
		pub__thousands(num, sizeof(num), cited);
		pub__buf_printf(b, "    <span class=\"pub-citations\">cited by %s</span>\n", num);
	}
	pub__authors_line(b, p, pub__set_marked(set), &acad_markup);
	pub__buf_puts(b, "  </li>\n");
	pub__links_free(links, nlinks);
	free(venue);
}

static void acad_papers(pub__buf *b, const pub__export_set *set)
{
	pub__group *groups;
	size_t ngroups, g, i;
	pub__groups_make(&groups, &ngroups, set);
	for (g = 0; g < ngroups; g++) {
		pub__urlset shown = {NULL, 0, 0};
		if (g > 0)
			pub__buf_putc(b, '\n');
		if (groups[g].title) {
			pub__buf_puts(b, "## ");
			pub__md_escape(b, groups[g].title);
			pub__buf_putc(b, '\n');
		}
		pub__buf_puts(b, "<ul>\n");
		for (i = 0; i < groups[g].n; i++)
			acad_paper(b, set, set->papers[groups[g].idx[i]], &shown);
		pub__buf_puts(b, "</ul>\n");
		pub__urlset_clear(&shown);
	}
	pub__groups_free(groups, ngroups);
}

static void acad_repos(pub__buf *b, const pub__export_set *set)
{
	size_t i;
	for (i = 0; i < set->nrepos; i++) {
		const pub_repo *r = set->repos[i];
		const char *name = pub__repo_name(r), *desc = pub__repo_description(r);
		if (i > 0)
			pub__buf_putc(b, '\n');
		pub__buf_puts(b, "- **");
		if (pub__url_safe(r->url)) {
			pub__buf_putc(b, '[');
			pub__md_escape(b, name ? name : r->url);
			pub__buf_puts(b, "](");
			pub__md_url(b, r->url);
			pub__buf_putc(b, ')');
		} else {
			pub__md_escape(b, name ? name : "");
		}
		pub__buf_puts(b, "**");
		if (desc && *desc) {
			pub__buf_puts(b, ": ");
			pub__md_escape(b, desc);
		}
		if (r->stars >= 0 || !(set->opts && set->opts->static_stars)) {
			pub__buf_putc(b, ' ');
			acad_stars(b, r->url, r->stars, set->opts && set->opts->static_stars);
		}
		pub__buf_putc(b, '\n');
	}
	/* a blank line last: without it kramdown reads the line after the
	 * list (a region's closing marker) as part of the last item */
	if (set->nrepos > 0)
		pub__buf_putc(b, '\n');
}

int pub__export_acad(FILE *out, const pub__export_set *set)
{
	pub__buf b = PUB__BUF_INIT;
	int err = 0;
	if (set->opts && set->opts->repos)
		acad_repos(&b, set);
	else
		acad_papers(&b, set);
	if ((b.len > 0 && fwrite(b.ptr, 1, b.len, out) != b.len) || fflush(out) != 0)
		err = pub__error(PUB_ERROR, "cannot write the acad-homepage export");
	pub__buf_free(&b);
	return err;
}
