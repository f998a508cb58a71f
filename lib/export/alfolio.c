/*
 * alfolio.c: `export --bibtex --dialect al-folio`: the BibTeX that
 * al-folio's jekyll-scholar templates (_layouts/bib.liquid) read, for an
 * al-folio site's _bibliography/papers.bib.  Each entry is the plain
 * BibTeX export's (a venue badge makes a preprint's entry the published
 * one) plus the fields bib.liquid shows: abbr (the badge's venue without
 * its year, a _data/venues.yml key), selected, bibtex_show, arxiv, html
 * (not when it is the arXiv or DOI page bib.liquid links already), pdf
 * (arXiv's when no pdf link), code, blog, video, slides, poster, supp,
 * website (the project page), altmetric and dimensions ("true": the
 * badges read the arXiv id or the DOI), abstract; without arXiv's `comment`, which
 * the copyable BibTeX would show, and without a preprint's arXiv month
 * beside its venue's year.  al-folio marks equal contribution with a symbol
 * after the family name ("Zhao*, Xuanlei"), which bib.liquid turns into
 * <sup>*</sup>, and explains it in `annotation`; it finds the owner by
 * _config.yml's scholar: last_name/first_name, not by a field.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "bibtex/value.h"
#include "bibtex/writer.h"
#include "export/bibtex.h"
#include "export/export.h"

/* pubdb's link kinds and the al-folio field of each (bib.liquid's
 * buttons): a paper's page is its "html", a project page its "website". */
static const char *const link_fields[][2] = {
	{"paper", "html"}, {"pdf", "pdf"}, {"code", "code"}, {"blog", "blog"},
	{"video", "video"}, {"slides", "slides"}, {"poster", "poster"},
	{"supp", "supp"}, {"project", "website"},
};

static int has(const pub_field *f, size_t n, const char *name)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (strcasecmp(f[i].name, name) == 0)
			return 1;
	return 0;
}

static int word_and(const char *s)
{
	return (s[0] == 'a' || s[0] == 'A') && (s[1] == 'n' || s[1] == 'N') &&
	       (s[2] == 'd' || s[2] == 'D') && (s[3] == ' ' || s[3] == '\t' || s[3] == '\n');
}

/* The author field with "*" after the family name of each equal
 * contributor: "Family*, Given" or "Given Family*" (BibTeX's two forms),
 * the rest byte for byte.  Names split at " and " outside braces. */
char *pub__alfolio_authors(const char *value, const pub_paper *p)
{
	pub__buf b = PUB__BUF_INIT;
	const char *s = value, *start = value;
	size_t pos = 0;
	int depth = 0;
	for (;; s++) {
		int end = !*s || (depth == 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n') &&
				  word_and(s + 1));
		if (*s == '{')
			depth++;
		else if (*s == '}' && depth > 0)
			depth--;
		if (!end)
			continue;
		{
			const char *q, *comma = NULL, *e = s;
			int d = 0;
			for (q = start; q < e; q++) {
				if (*q == '{')
					d++;
				else if (*q == '}' && d > 0)
					d--;
				else if (*q == ',' && d == 0 && !comma)
					comma = q;
			}
			while (e > start && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n'))
				e--;
			if (pos < p->nauthors && p->authors[pos].equal && e > start) {
				const char *cut = comma ? comma : e;
				while (cut > start && cut[-1] == ' ')
					cut--;
				pub__buf_put(&b, start, (size_t)(cut - start));
				pub__buf_putc(&b, '*');
				pub__buf_put(&b, cut, (size_t)(s - cut));
			} else {
				pub__buf_put(&b, start, (size_t)(s - start));
			}
		}
		pos++;
		if (!*s)
			break;
		pub__buf_put(&b, s, 4); /* " and" */
		s += 4;
		start = s; /* the blank after "and" */
	}
	return b.ptr ? pub__buf_detach(&b) : pub__strdup("");
}

/* The venue's short name without the year ("ICLR 2025" -> "ICLR"): the
 * key of al-folio's _data/venues.yml that colours the badge
 * (bib.liquid: site.data.venues[entry.abbr]); the year is on the entry. */
static char *venue_abbr(const char *venue)
{
	size_t n = strlen(venue);
	if (n > 5 && venue[n - 5] == ' ' && strspn(venue + n - 4, "0123456789") == 4)
		n -= 5;
	return pub__strndup(venue, n);
}

/* 1 when a paper link is a button bib.liquid already shows: the arXiv
 * page (its "arXiv" button from `arxiv`) or the DOI's page. */
static int repeats_button(const pub_paper *p, const char *url)
{
	size_t n = strlen(url), d;
	const char *u = url;
	if (!strncmp(u, "https://", 8))
		u += 8;
	else if (!strncmp(u, "http://", 7))
		u += 7;
	if (p->arxiv && !strncmp(u, "arxiv.org/abs/", 14) &&
	    !strncmp(u + 14, p->arxiv, strlen(p->arxiv)))
		return 1;
	if (p->doi && (d = strlen(p->doi)) <= n && !strcasecmp(url + n - d, p->doi))
		return 1;
	return 0;
}

/* Adds a field the entry lacks (a stored one of that name wins). */
static void add(pub_field *f, size_t *n, const char *name, const char *value)
{
	if (!value || has(f, *n, name))
		return;
	f[*n].name = (char *)name;
	f[(*n)++].value = (char *)value;
}

int pub__export_alfolio(FILE *out, const pub__export_set *set)
{
	pub__buf b = PUB__BUF_INIT;
	size_t i, j, k;
	int err = 0;
	/* al-folio's own papers.bib starts so (empty Jekyll front matter). */
	pub__buf_puts(&b, "---\n---\n");
	for (i = 0; i < set->npapers && err == 0; i++) {
		const pub_paper *p = set->papers[i];
		pub_field *pf, *f;
		char **own, *authors = NULL, *abstract = NULL, *abbr = NULL, *pdf = NULL;
		size_t npf, nown, n = 0;
		int any_equal = 0;
		const char *type = pub__bib_published(&pf, &npf, &own, &nown, p);
		f = pub__calloc(npf + 20, sizeof(*f));
		for (j = 0; j < p->nauthors; j++)
			any_equal |= p->authors[j].equal;
		for (j = 0; j < npf; j++) {
			/* not in the copyable BibTeX: arXiv's comments; and a
			 * preprint's month beside its venue's year */
			if (!strcmp(pf[j].name, "comment") ||
			    (!strcmp(pf[j].name, "month") && p->venue && p->arxiv))
				continue;
			f[n] = pf[j];
			if (any_equal && !strcmp(pf[j].name, "author"))
				f[n].value = authors = pub__alfolio_authors(pf[j].value, p);
			n++;
		}
		abbr = p->venue ? venue_abbr(p->venue) : NULL;
		add(f, &n, "abbr", abbr ? abbr : p->arxiv ? "arXiv" : NULL);
		if (p->selected)
			add(f, &n, "selected", "true");
		add(f, &n, "bibtex_show", "true");
		add(f, &n, "arxiv", p->arxiv);
		for (k = 0; k < sizeof(link_fields) / sizeof(link_fields[0]); k++)
			for (j = 0; j < p->nlinks; j++)
				if (!strcmp(p->links[j].kind, link_fields[k][0]) &&
				    !(k == 0 && repeats_button(p, p->links[j].url))) {
					add(f, &n, link_fields[k][1], p->links[j].url);
					break;
				}
		/* pubdb knows an arXiv paper's PDF */
		if (p->arxiv && !has(f, n, "pdf"))
			add(f, &n, "pdf", pdf = pub__sprintf("https://arxiv.org/pdf/%s", p->arxiv));
		/* al-folio's badges (shown with enable_publication_badges): "true"
		 * takes the arXiv id or the DOI of the entry */
		if (p->arxiv || p->doi || has(f, n, "doi"))
			add(f, &n, "altmetric", "true");
		if (p->doi || has(f, n, "doi"))
			add(f, &n, "dimensions", "true");
		if (p->abstract && !has(f, n, "abstract"))
			add(f, &n, "abstract", abstract = pub__bib_value_from_text(p->abstract));
		if (any_equal)
			add(f, &n, "annotation", "* Equal contribution");
		pub__buf_putc(&b, '\n');
		pub__bib_format_entry(&b, type, p->key, f, n, set->opts->ascii);
		free(authors);
		free(abstract);
		free(abbr);
		free(pdf);
		for (j = 0; j < nown; j++)
			free(own[j]);
		free(own);
		free(pf);
		free(f);
		if (b.len > 65536) {
			if (fwrite(b.ptr, 1, b.len, out) != b.len)
				err = pub__error(PUB_ERROR, "cannot write the export");
			pub__buf_clear(&b);
		}
	}
	if (err == 0 && b.len && fwrite(b.ptr, 1, b.len, out) != b.len)
		err = pub__error(PUB_ERROR, "cannot write the export");
	pub__buf_free(&b);
	return err;
}
