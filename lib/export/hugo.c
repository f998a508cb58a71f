/*
 * hugo.c: `export --hugo DIR`: one Hugo Blox page bundle per paper,
 * content/publications/<slug>/index.md with the front matter of Hugo
 * Blox's publication pages (title, authors, author_notes, date,
 * publishDate, publication_types as CSL type names, publication,
 * publication_short, abstract, featured, tags, hugoblox.ids, links) and
 * cite.bib, the paper's plain BibTeX, which Hugo Blox offers as "Cite";
 * and the section's content/publications/_index.md (view: citation) when
 * the site has none.  As hugo-blox-builder's academic-cv template has it
 * (read from its templates): the folder is `publications` (its home
 * blocks filter `folders: [publications]`, and modules/blox/layouts/
 * single.html shows type and venue for Type "publications" even without an
 * abstract), the owner is the `me` author (data/authors/me.yaml), and no
 * link repeats a button the theme derives from hugoblox.ids (Preprint from
 * arxiv, DOI from doi: functions/build_links.html).  Tags lose the
 * invisible characters (an emoji's variation selector) Hugo's urlize
 * would keep at the start of their slugs.  The older "academic" theme's
 * layout (content/publication/, the owner by name, every link) is
 * PUB_HUGO_ACADEMIC.  Each file is written atomically; other files of a
 * bundle (a featured image) and other bundles are left alone.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "text/person.h"
#include "export/bibtex.h"
#include "export/export.h"
#include "export/hugo.h"
#include "export/list.h"
#include "export/render.h"
#include "export/venue.h"


static void field(pub__buf *b, const char *indent, const char *name, const char *value)
{
	pub__buf_printf(b, "%s%s: ", indent, name);
	pub__yaml_str(b, value);
	pub__buf_putc(b, '\n');
}

/* Text Hugo Blox passes through markdownify: LaTeX rendered, Markdown
 * escaped. */
static char *md(const char *s)
{
	pub__buf t = PUB__BUF_INIT, m = PUB__BUF_INIT;
	pub__render_latex(&t, s, PUB__RENDER_TEXT);
	pub__md_escape(&m, t.ptr ? t.ptr : "");
	pub__buf_free(&t);
	return m.ptr ? pub__buf_detach(&m) : pub__strdup("");
}

static char *text(const char *s)
{
	pub__buf t = PUB__BUF_INIT;
	pub__render_latex(&t, s, PUB__RENDER_TEXT);
	return t.ptr ? pub__buf_detach(&t) : pub__strdup("");
}

/* The CSL type Hugo Blox's publication_types takes, from the entry type
 * the BibTeX export writes (a venue badge makes a preprint's entry
 * @inproceedings or @article). */
static const char *csl_type(const char *type, const pub_paper *p)
{
	static const char *const map[][2] = {
		{"inproceedings", "paper-conference"}, {"conference", "paper-conference"},
		{"proceedings", "book"}, {"book", "book"}, {"inbook", "chapter"},
		{"incollection", "chapter"}, {"phdthesis", "thesis"},
		{"mastersthesis", "thesis"}, {"thesis", "thesis"}, {"techreport", "report"},
		{"report", "report"}, {"patent", "patent"}, {"unpublished", "manuscript"},
	};
	size_t i;
	if (!strcmp(type, "article"))
		return p->venue || !p->arxiv ? "article-journal" : "article";
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(type, map[i][0]))
			return map[i][1];
	return "article"; /* a preprint (@misc with an arXiv id) and the rest */
}

static const char *get(const pub_field *f, size_t n, const char *name)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (!strcmp(f[i].name, name))
			return f[i].value;
	return NULL;
}

/* Hugo Blox's link types (data/link_types.yaml) for pubdb's link kinds;
 * the others become "custom" links labelled with the kind. */
static const char *link_type(const char *kind)
{
	static const char *const same[] = {"pdf", "code", "video", "slides", "poster",
		"project", "dataset", "source", "demo", NULL};
	size_t i;
	for (i = 0; same[i]; i++)
		if (!strcmp(kind, same[i]))
			return same[i];
	return NULL;
}

/* A tag without the characters that show nothing: variation selectors
 * (the U+FE0F after many emoji), zero-width joiners and spaces, word
 * joiners, the BOM.  Hugo's urlize keeps them, so "📽️ Efficient Video
 * Generation" would get a slug starting with an invisible character. */
static char *visible(const char *s)
{
	pub__buf b = PUB__BUF_INIT;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned long c = *p;
		size_t n = 1, i;
		if (c >= 0xF0 && p[1] && p[2] && p[3]) {
			c = ((c & 0x07ul) << 18) | ((p[1] & 0x3Ful) << 12) | ((p[2] & 0x3Ful) << 6) |
				(p[3] & 0x3Ful);
			n = 4;
		} else if (c >= 0xE0 && p[1] && p[2]) {
			c = ((c & 0x0Ful) << 12) | ((p[1] & 0x3Ful) << 6) | (p[2] & 0x3Ful);
			n = 3;
		} else if (c >= 0xC0 && p[1]) {
			n = 2;
		}
		if (!((c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) ||
		      (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF ||
		      (c >= 0xE0100 && c <= 0xE01EF)))
			for (i = 0; i < n; i++)
				pub__buf_putc(&b, (char)p[i]);
		p += n;
	}
	return b.ptr ? pub__buf_detach(&b) : pub__strdup("");
}

/* 1 when Hugo Blox builds this link itself from hugoblox.ids: a paper
 * link of a paper with an arXiv id or a DOI (its Preprint and DOI
 * buttons), or any link to the arXiv page or the DOI. */
static int theme_builds(const pub_paper *p, const pub_link *l)
{
	char *u;
	int same = 0;
	if (!strcmp(l->kind, "paper") && (p->arxiv || p->doi))
		return 1;
	if (p->arxiv) {
		u = pub__sprintf("https://arxiv.org/abs/%s", p->arxiv);
		same |= !strcmp(u, l->url);
		free(u);
	}
	if (p->doi) {
		u = pub__sprintf("https://doi.org/%s", p->doi);
		same |= !strcasecmp(u, l->url);
		free(u);
	}
	return same;
}

static void page(pub__buf *b, const pub_paper *p, const char *owner, int layout)
{
	pub_field *pf;
	char **own;
	size_t npf, nown, i;
	const char *type = pub__bib_published(&pf, &npf, &own, &nown, p);
	const char *full = get(pf, npf, !strcmp(type, "inproceedings") ? "booktitle" : "journal");
	char *badge = pub__venue_badge(p), *s;
	int any_equal = 0, any_link = 0;

	pub__buf_puts(b, "---\n");
	s = text(p->title ? p->title : p->key);
	field(b, "", "title", s);
	free(s);
	pub__buf_puts(b, p->nauthors ? "authors:\n" : "authors: []\n");
	for (i = 0; i < p->nauthors; i++) {
		const pub_author *a = &p->authors[i];
		any_equal |= a->equal;
		/* the owner as `config owner` spells the name, which a Hugo Blox
		 * author profile of that name links */
		pub__buf_puts(b, "  - ");
		if (owner && pub__author_is_owner(a, owner))
			/* Hugo Blox: the user `me` (data/authors/me.yaml), with
			 * its avatar and profile link */
			pub__yaml_str(b, layout == PUB_HUGO_BLOX ? "me" : owner);
		else
			pub__yaml_str(b, a->name);
		pub__buf_putc(b, '\n');
	}
	if (any_equal) {
		pub__buf_puts(b, "author_notes:\n");
		for (i = 0; i < p->nauthors; i++) {
			pub__buf_puts(b, "  - ");
			pub__yaml_str(b, p->authors[i].equal ? "Equal contribution" : "");
			pub__buf_putc(b, '\n');
		}
	}
	if (p->venue && pub__venue_year(p->venue) > 0 && pub__venue_year(p->venue) != p->year) {
		/* the published version's year, as cite.bib says */
		s = pub__sprintf("%04d-01-01T00:00:00Z", pub__venue_year(p->venue));
		field(b, "", "date", s);
		free(s);
	} else if (p->year > 0) {
		s = pub__sprintf("%04d-%02d-01T00:00:00Z", p->year,
			p->month >= 1 && p->month <= 12 ? p->month : 1);
		field(b, "", "date", s);
		free(s);
	}
	field(b, "", "publishDate", p->added);
	pub__buf_puts(b, "publication_types: [");
	pub__yaml_str(b, csl_type(type, p));
	pub__buf_puts(b, "]\n");
	s = md(full ? full : badge ? badge : "");
	field(b, "", "publication", s);
	free(s);
	s = md(badge ? badge : "");
	field(b, "", "publication_short", s);
	free(s);
	if (p->abstract) {
		s = md(p->abstract);
		field(b, "", "abstract", s);
		free(s);
	}
	pub__buf_printf(b, "featured: %s\n", p->selected ? "true" : "false");
	if (p->ntags) {
		pub__buf_puts(b, "tags:\n");
		for (i = 0; i < p->ntags; i++) {
			pub__buf_puts(b, "  - ");
			s = visible(p->tags[i]);
			pub__yaml_str(b, s);
			free(s);
			pub__buf_putc(b, '\n');
		}
	}
	if (p->doi || p->arxiv) {
		pub__buf_puts(b, "hugoblox:\n  ids:\n");
		if (p->doi)
			field(b, "    ", "doi", p->doi);
		if (p->arxiv)
			field(b, "    ", "arxiv", p->arxiv);
	}
	for (i = 0; i < p->nlinks; i++) {
		const char *t = link_type(p->links[i].kind);
		if (layout == PUB_HUGO_BLOX && theme_builds(p, &p->links[i]))
			continue;
		if (!any_link++)
			pub__buf_puts(b, "links:\n");
		field(b, "  - ", "type", t ? t : "custom");
		if (!t) {
			char *label = pub__strdup(p->links[i].kind);
			if (*label >= 'a' && *label <= 'z')
				*label = (char)(*label - 'a' + 'A');
			field(b, "    ", "label", label);
			free(label);
		}
		field(b, "    ", "url", p->links[i].url);
	}
	pub__buf_puts(b, "---\n");
	free(badge);
	for (i = 0; i < nown; i++)
		free(own[i]);
	free(own);
	free(pf);
}

/* The bundle's folder name: the key in lower case, characters a URL or a
 * file system could mind as "-". */
static char *slug(const char *key)
{
	pub__buf b = PUB__BUF_INIT;
	const char *p;
	for (p = key ? key : ""; *p && b.len < 150; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		pub__buf_putc(&b, (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			c == '_' || c == '-' ? c : '-');
	}
	if (b.len == 0)
		pub__buf_puts(&b, "paper");
	return pub__buf_detach(&b);
}

static int write_cite(pub_db *db, const char *path, const pub_paper *p,
	const pub_export_opts *o)
{
	pub_export_opts one = *o;
	pub_file *f;
	int err;
	one.format = PUB_FORMAT_BIBTEX;
	one.dialect = PUB_DIALECT_PUBDB;
	one.hugo_dir = NULL;
	one.plain = 1;
	memset(&one.filter, 0, sizeof(one.filter));
	one.filter.version = PUB_FILTER_VERSION;
	one.filter.key = p->key;
	if ((err = pub_file_open(&f, path)) < 0)
		return err;
	if ((err = pub__export_bibtex(pub_file_stream(f), db, &one)) < 0) {
		pub_file_free(f);
		return err;
	}
	return pub_file_commit(f);
}

/* The section's page of Hugo Blox (as academic-cv's
 * content/publications/_index.md): the list in the citation view.  A
 * site's own is left alone. */
static int section_index(const char *dir)
{
	static const char text[] = "---\ntitle: Publications\ncms_exclude: true\n"
		"view: citation\n---\n";
	char *file = pub__sprintf("%s/content/publications/_index.md", dir);
	int err = 0;
	if (access(file, F_OK) != 0 && (err = pub__make_dirs(file, 0)) == 0)
		err = pub__write_file_atomic(file, text, sizeof(text) - 1);
	free(file);
	return err;
}

int pub__export_hugo(pub_db *db, const char *dir, const pub__export_set *set)
{
	char **names = pub__calloc(set->npapers + 1, sizeof(*names));
	int layout = set->opts->hugo_layout;
	const char *section = layout == PUB_HUGO_ACADEMIC ? "publication" : "publications";
	size_t i;
	int err = 0;
	if (layout == PUB_HUGO_BLOX)
		err = section_index(dir);
	for (i = 0; i < set->npapers && err == 0; i++) {
		const pub_paper *p = set->papers[i];
		/* two keys may make one slug: number the later ones */
		char *base = slug(p->key), *stem = pub__name_unique(names, i, base), *folder, *file;
		pub__buf b = PUB__BUF_INIT;
		free(base);
		names[i] = stem;
		folder = pub__sprintf("%s/content/%s/%s", dir, section, stem);
		if ((err = pub__make_dirs(folder, 1)) == 0) {
			page(&b, p, set->owner, layout);
			file = pub__sprintf("%s/index.md", folder);
			err = pub__write_file_atomic(file, b.ptr, b.len);
			free(file);
		}
		if (err == 0) {
			file = pub__sprintf("%s/cite.bib", folder);
			err = write_cite(db, file, p, set->opts);
			free(file);
		}
		pub__buf_free(&b);
		free(folder);
	}
	for (i = 0; i < set->npapers; i++)
		free(names[i]);
	free(names);
	return err;
}
