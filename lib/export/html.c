/*
 * html.c: the "Selected Publications" list as HTML (the HTML
 * contract: h2.pub-group, ul.pub-list, li.pub#KEY, code.pub-venue,
 * strong.pub-title, span.pub-links, span.pub-stars, span.pub-citations,
 * div.pub-authors), as a fragment or a standalone page, and the
 * open-source project list.  Also the list structure the Markdown writer
 * shares: groups, the venue badge, link order and which star counts to
 * show.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "export/html.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "store/citations.h"
#include "export/authors.h"
#include "export/export.h"
#include "export/list.h"
#include "export/render.h"

/* ---- HTML --------------------------------------------------------------- */

static const char stylesheet[] =
	":root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff;\n"
	"  --muted: #59636e; --link: #0969da; --badge: #eef1f4; }\n"
	"@media (prefers-color-scheme: dark) {\n"
	"  :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1;\n"
	"    --link: #4493f8; --badge: #262c36; } }\n"
	"body { margin: 0; background: var(--bg); color: var(--fg);\n"
	"  font: 16px/1.55 system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif; }\n"
	"main { max-width: 46rem; margin: 0 auto; padding: 1rem; }\n"
	"a { color: var(--link); }\n"
	"h2.pub-group { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }\n"
	"ul.pub-list, ul.pub-repos { padding-left: 1.2rem; }\n"
	"li.pub, li.pub-repo { margin: 0 0 1rem; overflow-wrap: anywhere; }\n"
	"code.pub-venue { background: var(--badge); border-radius: 4px;\n"
	"  padding: 0 .35em; font-size: .9em; }\n"
	"span.pub-links a { text-decoration: none; }\n"
	"span.pub-stars { color: var(--muted); white-space: nowrap; }\n"
	"span.pub-citations { color: var(--muted); white-space: nowrap; }\n"
	"div.pub-authors { color: var(--muted); }\n"
	"u.pub-me { color: var(--fg); }\n"
	"p.pub-legend { color: var(--muted); font-size: .9em; }\n";

static void html_attr(pub__buf *b, const char *name, const char *value)
{
	pub__buf_printf(b, " %s=\"", name);
	pub__html_escape(b, value);
	pub__buf_putc(b, '"');
}

static void html_stars(pub__buf *b, long stars)
{
	char num[48];
	pub__thousands(num, sizeof(num), stars);
	/* the mark in the markup, not in CSS: a fragment pasted into a
	 * homepage carries no stylesheet */
	pub__buf_printf(b, "<span class=\"pub-stars\" title=\"GitHub stars\">"
		"\xe2\x98\x85 %s</span>", num);
}

/* The author line inside div.pub-authors, italic without a stylesheet. */
static const pub__author_markup html_markup = {
	"    <div class=\"pub-authors\"><em>", "</em></div>\n", ", ",
	"<u class=\"pub-me\">", "</u>", "<sup>*</sup>", PUB__RENDER_HTML,
};

/* seen: keys already written (ids must stay unique when a paper sits
 * under several tags). */
static void html_paper(pub__buf *b, const pub__export_set *set, size_t idx,
	unsigned *seen, pub__urlset *shown)
{
	const pub_paper *p = set->papers[idx];
	const char *key = p->key ? p->key : "";
	char *venue = pub__venue_badge_tier(p, set->opts && set->opts->tier);
	pub__olink *links;
	size_t nlinks, i;
	long stars, cited;

	pub__buf_puts(b, "  <li class=\"pub\"");
	if (seen[idx] == 0) {
		html_attr(b, "id", key);
	} else {
		char *id = pub__sprintf("%s-%u", key, seen[idx] + 1);
		html_attr(b, "id", id);
		html_attr(b, "data-key", key);
		free(id);
	}
	seen[idx]++;
	pub__buf_puts(b, ">\n");
	if (venue) {
		pub__buf_puts(b, "    <code class=\"pub-venue\">");
		pub__html_escape(b, venue);
		pub__buf_puts(b, "</code>\n");
	}
	pub__buf_puts(b, "    <strong class=\"pub-title\">");
	pub__render_latex(b, p->title, PUB__RENDER_HTML);
	pub__buf_puts(b, "</strong>\n");
	pub__links_ordered(&links, &nlinks, p);
	if (nlinks > 0) {
		pub__buf_puts(b, "    <span class=\"pub-links\">");
		for (i = 0; i < nlinks; i++) {
			if (i > 0)
				pub__buf_putc(b, ' ');
			pub__buf_puts(b, "<a");
			html_attr(b, "href", links[i].url);
			pub__buf_puts(b, ">[");
			pub__html_escape(b, links[i].kind);
			pub__buf_puts(b, "]</a>");
		}
		pub__buf_puts(b, "</span>\n");
	}
	if ((stars = pub__links_stars(links, nlinks, shown)) >= 0) {
		pub__buf_puts(b, "    ");
		html_stars(b, stars);
		pub__buf_putc(b, '\n');
	}
	if (set->opts && set->opts->citations &&
	    (cited = pub__citations_best(p->citations, p->ncitations)) >= 0) {
		char num[48];
		pub__thousands(num, sizeof(num), cited);
		pub__buf_printf(b, "    <span class=\"pub-citations\">cited by %s</span>\n", num);
	}
	pub__authors_line(b, p, pub__set_marked(set), &html_markup);
	pub__buf_puts(b, "  </li>\n");
	pub__links_free(links, nlinks);
	free(venue);
}

static void html_papers(pub__buf *b, const pub__export_set *set)
{
	pub__group *groups;
	size_t ngroups, g, i;
	unsigned *seen = pub__calloc(set->npapers + 1, sizeof(*seen));
	pub__groups_make(&groups, &ngroups, set);
	for (g = 0; g < ngroups; g++) {
		pub__urlset shown = {NULL, 0, 0};
		if (g > 0)
			pub__buf_putc(b, '\n');
		if (groups[g].title) {
			pub__buf_puts(b, "<h2 class=\"pub-group\">");
			pub__html_escape(b, groups[g].title);
			pub__buf_puts(b, "</h2>\n");
		}
		pub__buf_puts(b, "<ul class=\"pub-list\">\n");
		for (i = 0; i < groups[g].n; i++)
			html_paper(b, set, groups[g].idx[i], seen, &shown);
		pub__buf_puts(b, "</ul>\n");
		pub__urlset_clear(&shown);
	}
	if (pub__set_has_equal(set))
		pub__buf_puts(b, "<p class=\"pub-legend\"><sup>*</sup> Equal contribution</p>\n");
	pub__groups_free(groups, ngroups);
	free(seen);
}

static void html_repos(pub__buf *b, const pub__export_set *set)
{
	size_t i;
	pub__buf_puts(b, "<ul class=\"pub-repos\">\n");
	for (i = 0; i < set->nrepos; i++) {
		const pub_repo *r = set->repos[i];
		int link = pub__url_safe(r->url);
		pub__buf_puts(b, "  <li class=\"pub-repo\">");
		if (link) {
			pub__buf_puts(b, "<a");
			html_attr(b, "href", r->url);
			pub__buf_putc(b, '>');
		}
		pub__buf_puts(b, "<strong>");
		pub__html_escape(b, pub__repo_name(r) ? pub__repo_name(r) : r->url);
		pub__buf_puts(b, "</strong>");
		if (link)
			pub__buf_puts(b, "</a>");
		if (pub__repo_description(r) && *pub__repo_description(r)) {
			pub__buf_puts(b, ": ");
			pub__html_escape(b, pub__repo_description(r));
		}
		if (r->stars >= 0) {
			pub__buf_putc(b, ' ');
			html_stars(b, r->stars);
		}
		pub__buf_puts(b, "</li>\n");
	}
	pub__buf_puts(b, "</ul>\n");
}

int pub__export_html(FILE *out, const pub__export_set *set)
{
	pub__buf b = PUB__BUF_INIT;
	int repos = set->opts && set->opts->repos;
	int standalone = set->opts && set->opts->standalone;
	const char *heading = set->opts && set->opts->title ? set->opts->title
		: repos ? "Open-Source Projects" : "Publications";
	int err = 0;

	if (standalone) {
		pub__buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
			"<meta charset=\"utf-8\">\n"
			"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
			"<title>");
		pub__html_escape(&b, heading);
		if (set->owner && *set->owner) {
			pub__buf_puts(&b, " \xe2\x80\x93 ");
			pub__html_escape(&b, set->owner);
		}
		pub__buf_printf(&b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n"
			"<h1>", stylesheet);
		pub__html_escape(&b, heading);
		pub__buf_puts(&b, "</h1>\n");
	}
	if (repos)
		html_repos(&b, set);
	else
		html_papers(&b, set);
	if (standalone)
		pub__buf_puts(&b, "</main>\n</body>\n</html>\n");
	/* an empty selection writes nothing: b.ptr is NULL then, and
	 * fwrite() must not be given NULL */
	if ((b.len > 0 && fwrite(b.ptr, 1, b.len, out) != b.len) || fflush(out) != 0)
		err = pub__error(PUB_ERROR, "cannot write the HTML export");
	pub__buf_free(&b);
	return err;
}
