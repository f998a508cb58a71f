/*
 * render.h: text rendering shared by the publication-list writers
 * (export_html.c, export_markdown.c, export_csl.c): LaTeX left in titles and
 * venues to HTML, Markdown or plain text; HTML and Markdown escaping; the
 * URL check that keeps javascript: and friends out of href.  Private to
 * libpub.
 */
#ifndef PUB_RENDER_H
#define PUB_RENDER_H

#include "common.h"
#include "export.h"

typedef enum pub__render_mode {
	PUB__RENDER_HTML, /* escaped text, <em> <strong> <code> <sup> <sub> */
	PUB__RENDER_MD,   /* Markdown-escaped text, the same inline HTML tags */
	PUB__RENDER_TEXT, /* plain UTF-8, no markup (x^{2} becomes x^2) */
} pub__render_mode;

/* Appends `s` (UTF-8 that may still hold LaTeX: \emph{} \textbf{} \texttt{},
 * {protective braces}, -- and ---, $math$ with ^{} _{} and Greek, accents,
 * \& \% ...) rendered for `mode`.  Unknown commands appear as their name
 * without the backslash; invalid UTF-8 becomes U+FFFD, control characters
 * vanish, runs of spaces collapse, the ends are trimmed, the result is NFC.
 * Every tag written is closed, so the result nests anywhere.  NULL appends
 * nothing. */
void pub__render_latex(pub__buf *b, const char *s, pub__render_mode mode);

/* Appends `s` with & < > " ' escaped (safe in text and in quoted attribute
 * values); invalid UTF-8 becomes U+FFFD and control characters vanish. */
void pub__html_escape(pub__buf *b, const char *s);

/* Appends `s` escaped for Markdown text (GitHub and kramdown): backslash
 * before \ ` * _ [ ] | $ ~ { } # !, entities for & < >. */
void pub__md_escape(pub__buf *b, const char *s);

/* Appends `url` for a Markdown link destination: bytes that would end or
 * confuse it (space, ( ) < > [ ] | " \ `, controls, non-ASCII) are
 * percent-encoded. */
void pub__md_url(pub__buf *b, const char *url);

/* 1 when `url` may go into an href: an absolute http://HOST..., https://HOST...
 * or mailto:X URL (scheme case-insensitive) with no whitespace or control
 * characters anywhere.  Everything else (javascript:, data:, vbscript:,
 * relative URLs, obfuscated schemes) is 0. */
int pub__url_safe(const char *url);

/* Formats n with thousands separators ("2,012") into out. */
void pub__thousands(char *out, size_t size, long n);

/* 1 when a code link points at a repository's root
 * (https://github.com/OWNER/NAME, optionally with / or .git), whose star
 * count therefore belongs to the paper; a deep link (.../tree/main/x) is 0. */
int pub__url_is_repo_root(const char *url);

/* ---- list structure shared by the HTML and Markdown writers
 * (implemented in export_html.c) ---- */

/* One heading's papers: title NULL for the single list of PUB_GROUP_NONE. */
typedef struct pub__group {
	char *title;
	size_t *idx; /* indexes into set->papers, in export order */
	size_t n;
} pub__group;

/* Groups set->papers by opts->group_by (DEFAULT: tag when tags are
 * filtered, else none).  Tags: in filter order, else alphabetical with
 * untagged papers under "Other"; a paper appears under each of its tags.
 * Years: descending, unknown last ("Undated").  Venues: alphabetical by the
 * badge without its year, "Other" last.  Empty groups are left out. */
void pub__groups_make(pub__group **out, size_t *n, const pub__export_set *set);
void pub__groups_free(pub__group *g, size_t n);

/* The venue badge as plain text: the venue, else "arXiv YEAR" for an arXiv
 * paper, else the journal or booktitle field; NULL when none.  New string. */
char *pub__venue_badge(const pub_paper *p);

/* A link as shown: kind and URL point into the paper or into `own`. */
typedef struct pub__olink {
	const char *kind;
	const char *url;
	long stars;
	char *own; /* a made-up URL (arXiv or DOI paper link), freed with the list */
} pub__olink;

/* The links in display order: paper, code, blog, then the rest as stored;
 * a paper link made from the arXiv id or the DOI when none is stored;
 * unsafe URLs (pub__url_safe) dropped.  Free with pub__links_free. */
void pub__links_ordered(pub__olink **out, size_t *n, const pub_paper *p);
void pub__links_free(pub__olink *l, size_t n);

/* The star count a paper shows: the first code link with known stars that
 * points at a repository root, unless that repository's stars were already
 * shown in this group (`shown`, a list of URLs the caller keeps per group).
 * -1 when none. */
typedef struct pub__urlset {
	const char **url;
	size_t n, cap;
} pub__urlset;
long pub__links_stars(const pub__olink *l, size_t n, pub__urlset *shown);
void pub__urlset_clear(pub__urlset *s);

/* An author's display name: `name`, else built from the parts. New string. */
char *pub__author_display(const pub_author *a);

/* 1 when any paper in the set has an equal-contribution mark. */
int pub__set_has_equal(const pub__export_set *set);

#endif
