/*
 * markdown.c: the publication list as Markdown that GitHub and
 * kramdown (Jekyll) render alike, and the Jekyll/academicpages form: one
 * file per paper with YAML front matter.
 *
 * Markdown line of a paper:
 *   - `ICLR 2025` **Title** [\[paper\]](url) [\[code\]](url) ★ 2,012<br><u>Owner</u>\*, Other
 * Text is backslash-escaped, link brackets are escaped (kramdown does not
 * nest brackets), URLs are percent-encoded where they would end the link,
 * and only our own inline HTML (<u>, <br>, <em>, <sup>...) is raw.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export/markdown.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "store/citations.h"
#include "export/authors.h"
#include "export/export.h"
#include "export/list.h"
#include "export/render.h"

/* A code span that survives backticks inside the text. */
static void md_code(pub__buf *b, const char *text)
{
	size_t run = 0, longest = 0, n, i;
	const char *p;
	for (p = text; *p; p++) {
		run = *p == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	n = longest + 1;
	for (i = 0; i < n; i++)
		pub__buf_putc(b, '`');
	if (text[0] == '`' || (*text && text[strlen(text) - 1] == '`') || longest > 0)
		pub__buf_putc(b, ' ');
	/* a code span may not hold a line break; controls are dropped */
	for (p = text; *p; p++)
		if ((unsigned char)*p >= 0x20)
			pub__buf_putc(b, *p);
	if (text[0] == '`' || (*text && text[strlen(text) - 1] == '`') || longest > 0)
		pub__buf_putc(b, ' ');
	for (i = 0; i < n; i++)
		pub__buf_putc(b, '`');
}

static void md_links(pub__buf *b, const pub__olink *l, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		pub__buf_puts(b, " [\\[");
		pub__md_escape(b, l[i].kind);
		pub__buf_puts(b, "\\]](");
		pub__md_url(b, l[i].url);
		pub__buf_putc(b, ')');
	}
}

static void md_stars(pub__buf *b, long stars)
{
	char num[48];
	pub__thousands(num, sizeof(num), stars);
	pub__buf_printf(b, " \xe2\x98\x85 %s", num);
}

/* The author line on the item's second line (<br>), in Markdown. */
static const pub__author_markup md_markup = {
	"<br>", NULL, ", ", "<u>", "</u>", "\\*", PUB__RENDER_MD,
};

/* The plain "A, B, C" of the Jekyll citation: nobody marked. */
static const pub__author_markup plain_markup = {
	NULL, NULL, ", ", NULL, NULL, NULL, PUB__RENDER_TEXT,
};

static void md_paper(pub__buf *b, const pub__export_set *set, const pub_paper *p,
	pub__urlset *shown)
{
	char *venue = pub__venue_badge_tier(p, set->opts && set->opts->tier);
	pub__olink *links;
	size_t nlinks;
	long stars, cited;
	pub__buf title = PUB__BUF_INIT;

	pub__buf_puts(b, "-");
	if (venue) {
		pub__buf_putc(b, ' ');
		md_code(b, venue);
	}
	pub__render_latex(&title, p->title, PUB__RENDER_MD);
	if (title.len > 0)
		pub__buf_printf(b, " **%s**", title.ptr);
	pub__links_ordered(&links, &nlinks, p);
	md_links(b, links, nlinks);
	if ((stars = pub__links_stars(links, nlinks, shown)) >= 0)
		md_stars(b, stars);
	if (set->opts && set->opts->citations &&
	    (cited = pub__citations_best(p->citations, p->ncitations)) >= 0) {
		char num[48];
		pub__thousands(num, sizeof(num), cited);
		pub__buf_printf(b, " (cited by %s)", num);
	}
	pub__authors_line(b, p, pub__set_marked(set), &md_markup);
	pub__buf_putc(b, '\n');
	pub__links_free(links, nlinks);
	pub__buf_free(&title);
	free(venue);
}

static void md_repos(pub__buf *b, const pub__export_set *set)
{
	size_t i;
	for (i = 0; i < set->nrepos; i++) {
		const pub_repo *r = set->repos[i];
		pub__buf_puts(b, "- **");
		if (pub__url_safe(r->url)) {
			pub__buf_putc(b, '[');
			pub__md_escape(b, pub__repo_name(r) ? pub__repo_name(r) : r->url);
			pub__buf_puts(b, "](");
			pub__md_url(b, r->url);
			pub__buf_putc(b, ')');
		} else {
			pub__md_escape(b, pub__repo_name(r) ? pub__repo_name(r) : "");
		}
		pub__buf_puts(b, "**");
		if (pub__repo_description(r) && *pub__repo_description(r)) {
			pub__buf_puts(b, ": ");
			pub__md_escape(b, pub__repo_description(r));
		}
		if (r->stars >= 0)
			md_stars(b, r->stars);
		pub__buf_putc(b, '\n');
	}
}

static int write_all(FILE *out, const pub__buf *b, const char *what)
{
	if ((b->len > 0 && fwrite(b->ptr, 1, b->len, out) != b->len) || fflush(out) != 0)
		return pub__error(PUB_ERROR, "cannot write the %s export", what);
	return 0;
}

int pub__export_markdown(FILE *out, const pub__export_set *set)
{
	pub__buf b = PUB__BUF_INIT;
	pub__group *groups = NULL;
	size_t ngroups = 0, g, i;
	int err;

	if (set->opts && set->opts->title) {
		pub__buf_puts(&b, "# ");
		pub__md_escape(&b, set->opts->title);
		pub__buf_puts(&b, "\n\n");
	}
	if (set->opts && set->opts->repos) {
		md_repos(&b, set);
	} else {
		pub__groups_make(&groups, &ngroups, set);
		for (g = 0; g < ngroups; g++) {
			pub__urlset shown = {NULL, 0, 0};
			if (g > 0)
				pub__buf_putc(&b, '\n');
			if (groups[g].title) {
				pub__buf_puts(&b, "## ");
				pub__md_escape(&b, groups[g].title);
				pub__buf_puts(&b, "\n\n");
			}
			for (i = 0; i < groups[g].n; i++)
				md_paper(&b, set, set->papers[groups[g].idx[i]], &shown);
			pub__urlset_clear(&shown);
		}
		if (pub__set_has_equal(set))
			pub__buf_puts(&b, "\n\\* Equal contribution\n");
	}
	err = write_all(out, &b, "Markdown");
	pub__groups_free(groups, ngroups);
	pub__buf_free(&b);
	return err;
}

/* ---- Jekyll (academicpages) -------------------------------------------- */


static void yaml_field(pub__buf *b, const char *name, const char *value)
{
	pub__buf_printf(b, "%s: ", name);
	pub__yaml_str(b, value);
	pub__buf_putc(b, '\n');
}

/* A text value: academicpages' templates print these unescaped
 * ({{ page.title }}), so & < > become entities first. */
static void yaml_text(pub__buf *b, const char *name, const char *value)
{
	pub__buf e = PUB__BUF_INIT;
	const char *p;
	for (p = value ? value : ""; *p; p++) {
		if (*p == '&')
			pub__buf_puts(&e, "&amp;");
		else if (*p == '<')
			pub__buf_puts(&e, "&lt;");
		else if (*p == '>')
			pub__buf_puts(&e, "&gt;");
		else
			pub__buf_putc(&e, *p);
	}
	yaml_field(b, name, e.ptr ? e.ptr : "");
	pub__buf_free(&e);
}

static char *plain(const char *s)
{
	pub__buf b = PUB__BUF_INIT;
	pub__render_latex(&b, s, PUB__RENDER_TEXT);
	return pub__buf_detach(&b);
}

/* "Authors. (Year). Title. Venue." */
static char *citation(const pub_paper *p, const char *venue)
{
	pub__buf b = PUB__BUF_INIT;
	char *title = plain(p->title);
	pub__authors_line(&b, p, NULL, &plain_markup);
	if (p->nauthors > 0)
		pub__buf_puts(&b, ". ");
	if (p->year > 0)
		pub__buf_printf(&b, "(%d). ", p->year);
	if (*title)
		pub__buf_printf(&b, "%s%s", title,
			title[strlen(title) - 1] == '.' || title[strlen(title) - 1] == '?' ? " " : ". ");
	if (venue)
		pub__buf_printf(&b, "%s.", venue);
	free(title);
	while (b.len > 0 && b.ptr[b.len - 1] == ' ')
		b.ptr[--b.len] = '\0';
	return pub__buf_detach(&b);
}

/* The excerpt: the abstract's text, cut at a word near 300 bytes. */
static char *excerpt(const pub_paper *p)
{
	char *text = plain(p->abstract);
	size_t n = strlen(text), cut;
	if (n <= 300)
		return text;
	for (cut = 300; cut > 200 && text[cut] != ' '; cut--)
		;
	while (cut > 0 && ((unsigned char)text[cut] & 0xc0) == 0x80)
		cut--; /* never split a UTF-8 character */
	text[cut] = '\0';
	{
		char *r = pub__sprintf("%s\xe2\x80\xa6", text);
		free(text);
		return r;
	}
}

static const char *category(const pub_paper *p)
{
	const char *t = p->type ? p->type : "";
	if (!strcmp(t, "inproceedings") || !strcmp(t, "conference") ||
		!strcmp(t, "proceedings"))
		return "conferences";
	if (!strcmp(t, "book") || !strcmp(t, "inbook") || !strcmp(t, "incollection"))
		return "books";
	return "manuscripts";
}

/* The file name's KEY part: [A-Za-z0-9._-] kept, anything else '_', at most
 * 150 bytes; never empty. */
static char *safe_key(const char *key)
{
	pub__buf b = PUB__BUF_INIT;
	const char *p;
	for (p = key ? key : ""; *p && b.len < 150; p++) {
		char c = *p;
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			(c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
		pub__buf_putc(&b, ok ? c : '_');
	}
	if (b.len == 0)
		pub__buf_puts(&b, "paper");
	return pub__buf_detach(&b);
}

static void jekyll_page(pub__buf *b, const pub_paper *p, const char *stem)
{
	char *venue = pub__venue_badge(p);
	char *title = plain(p->title);
	char *cite = citation(p, venue);
	char *date = pub__sprintf("%04d-%02d-01", p->year > 0 ? p->year : 1970,
		p->month >= 1 && p->month <= 12 ? p->month : 1);
	char *permalink = pub__sprintf("/publication/%s", stem);
	pub__olink *links;
	size_t nlinks, i;
	const char *paperurl = NULL, *slidesurl = NULL;

	pub__links_ordered(&links, &nlinks, p);
	for (i = 0; i < nlinks; i++) {
		if (!paperurl && !strcmp(links[i].kind, "paper"))
			paperurl = links[i].url;
		if (!slidesurl && !strcmp(links[i].kind, "slides"))
			slidesurl = links[i].url;
	}
	pub__buf_puts(b, "---\n");
	yaml_text(b, "title", title);
	pub__buf_puts(b, "collection: publications\n");
	pub__buf_printf(b, "category: %s\n", category(p));
	yaml_field(b, "permalink", permalink);
	if (p->abstract && *p->abstract) {
		char *ex = excerpt(p);
		yaml_text(b, "excerpt", ex);
		free(ex);
	}
	pub__buf_printf(b, "date: %s\n", date);
	if (venue)
		yaml_text(b, "venue", venue);
	if (paperurl)
		yaml_field(b, "paperurl", paperurl);
	if (slidesurl)
		yaml_field(b, "slidesurl", slidesurl);
	yaml_text(b, "citation", cite);
	pub__buf_puts(b, "---\n");
	if (nlinks > 0) {
		pub__buf_putc(b, '\n');
		for (i = 0; i < nlinks; i++) {
			pub__buf_puts(b, i > 0 ? " [\\[" : "[\\[");
			pub__md_escape(b, links[i].kind);
			pub__buf_puts(b, "\\]](");
			pub__md_url(b, links[i].url);
			pub__buf_putc(b, ')');
		}
		pub__buf_putc(b, '\n');
	}
	if (p->abstract && *p->abstract) {
		pub__buf_putc(b, '\n');
		pub__render_latex(b, p->abstract, PUB__RENDER_MD);
		pub__buf_putc(b, '\n');
	}
	pub__buf_puts(b, "\nRecommended citation: ");
	pub__md_escape(b, cite);
	pub__buf_putc(b, '\n');
	pub__links_free(links, nlinks);
	free(permalink);
	free(date);
	free(cite);
	free(title);
	free(venue);
}

int pub__export_jekyll(const char *dir, const pub__export_set *set)
{
	char **names = pub__calloc(set->npapers + 1, sizeof(*names));
	size_t i;
	int err = 0;

	if ((err = pub__make_dirs(dir, 1)) < 0)
		goto done;
	for (i = 0; i < set->npapers; i++) {
		const pub_paper *p = set->papers[i];
		char *key = safe_key(p->key);
		char *base = pub__sprintf("%04d-%02d-01-%s", p->year > 0 ? p->year : 1970,
			p->month >= 1 && p->month <= 12 ? p->month : 1, key);
		/* two keys may sanitise to one name: number the later ones */
		char *stem = pub__name_unique(names, i, base);
		pub__buf b = PUB__BUF_INIT;
		free(base);
		names[i] = stem;
		jekyll_page(&b, p, stem);
		{
			/* as export -o writes its file: atomically, through a
			 * symlink, an existing file's mode kept */
			char *file = pub__sprintf("%s/%s.md", dir, stem);
			err = pub__write_file_atomic(file, b.ptr, b.len);
			free(file);
		}
		pub__buf_free(&b);
		free(key);
		if (err < 0)
			goto done;
	}
done:
	for (i = 0; i < set->npapers; i++)
		free(names[i]);
	free(names);
	return err;
}
