/*
 * pub/export.h: exports: formats, styles, options; regions of a homepage.
 * Part of pub.h, the one public header: include <pub.h>, not this file.
 */
#ifndef PUB_PUBLIC_EXPORT_H
#define PUB_PUBLIC_EXPORT_H

#include "common.h"
#include "db.h"
#include "paper.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- export ------------------------------------------------------------ */

typedef enum pub_format {
	PUB_FORMAT_BIBTEX = 0,
	PUB_FORMAT_BIBLATEX,
	PUB_FORMAT_JSON,
	PUB_FORMAT_CSL_JSON,
	PUB_FORMAT_HTML,
	PUB_FORMAT_MARKDOWN,
	PUB_FORMAT_HUGO, /* Hugo Blox page bundles in hugo_dir, one per paper */
	/* A CV's publication list in LaTeX: sections (conference papers,
	 * journal articles, preprints, other; or group_by year, tag, venue,
	 * none), numbered; a fragment to \input, or with standalone a document
	 * pdflatex compiles with the LaTeX kernel's packages alone */
	PUB_FORMAT_CV_LATEX,
	/* A JSON Resume document (jsonresume.org): basics.name (the owner) and
	 * publications[] */
	PUB_FORMAT_CV_JSON_RESUME,
} pub_format;

/* Whose BibTeX fields PUB_FORMAT_BIBTEX writes. */
typedef enum pub_dialect {
	PUB_DIALECT_PUBDB = 0, /* pubdb's own (pubdb-links, ... unless plain) */
	/* al-folio's jekyll-scholar templates: abbr (the venue badge),
	 * selected, bibtex_show, arxiv, html/pdf/code/blog/... from the links,
	 * abstract; equal contributors as "Family*" with an annotation; after
	 * an empty front matter ("---" twice) as al-folio's papers.bib has */
	PUB_DIALECT_AL_FOLIO,
} pub_dialect;

typedef enum pub_group_by {
	PUB_GROUP_DEFAULT = 0, /* tag when tags are filtered, else none */
	PUB_GROUP_TAG,
	PUB_GROUP_YEAR,
	PUB_GROUP_VENUE,
	PUB_GROUP_NONE,
} pub_group_by;

/* pub_export_opts.style: the markup of the HTML and Markdown lists */
typedef enum pub_style {
	PUB_STYLE_PUBDB = 0,
	PUB_STYLE_ACAD_HOMEPAGE,
} pub_style;

typedef struct pub_export_opts {
	unsigned int version; /* PUB_EXPORT_OPTIONS_VERSION */
	pub_format format;
	int ascii;         /* BibTeX: LaTeX escapes instead of UTF-8 */
	pub_filter filter; /* filter.tags also gives the order of tag groups */
	pub_group_by group_by;
	int standalone;    /* HTML: a whole page with a stylesheet */
	int repos;         /* HTML/Markdown: list standalone repositories */
	const char *jekyll_dir; /* Markdown: one file per paper in this folder */
	/* standalone HTML: the page's <title> and <h1> (default
	 * "Publications", "Open-Source Projects" with repos); Markdown: a
	 * "# title" heading first (default: none) */
	const char *title;
	int plain;         /* BibTeX: without pubdb's own fields (pubdb-links,
			    * pubdb-tags, ...; see README.md) */
	/* The markup of the HTML and Markdown lists (pub_style, above):
	 * PUB_STYLE_PUBDB (0, the HTML contract's classes) or
	 * PUB_STYLE_ACAD_HOMEPAGE (Markdown with inline HTML, as the
	 * acad-homepage Jekyll template's pages write it; format must be
	 * PUB_FORMAT_MARKDOWN). */
	pub_style style;
	/* acad-homepage: the stored star count ("\u2605 2,012") instead of the
	 * live shields.io badge */
	int static_stars;
	pub_dialect dialect; /* BibTeX: whose fields */
	/* PUB_FORMAT_HUGO: the Hugo site's folder.  Each paper becomes
	 * content/publications/<slug>/index.md (Hugo Blox front matter;
	 * content/publication/ with PUB_HUGO_ACADEMIC, hugo_layout) and
	 * cite.bib (its plain BibTeX), each written atomically; a bundle of
	 * the same slug is replaced, other bundles are left alone.  `out` is
	 * not written to. */
	const char *hugo_dir;
	int citations;     /* HTML/Markdown: "cited by N" per paper (the
			    * largest count of any source) */
	/* HTML and Markdown: people underlined besides the owner (whose
	 * owner.aliases count too); each string is one person, its spellings
	 * separated by ';' ("Yang You; Y. You") */
	const char *const *highlight;
	size_t nhighlight;
	/* version 2, the CV formats only: only papers of this year or later
	 * (the year the venue badge names, else the paper's own; "ICLR 2025"
	 * counts as 2025 for a 2024 preprint); 0: all.  A paper of unknown
	 * year is left out then. */
	int since;
	/* version 3, PUB_FORMAT_HUGO: the layout of the site (pub_hugo_layout) */
	int hugo_layout;
	/* version 4.  HTML, Markdown and acad-homepage: the decision's tier
	 * after the badge ("ICLR 2025 Spotlight") when the paper has a
	 * decision (pub_paper.decision) for its badge's venue */
	int tier;
} pub_export_opts;

/* The Hugo Blox layouts export --hugo writes. */
typedef enum pub_hugo_layout {
	/* Hugo Blox today (hugo-blox-builder, academic-cv template):
	 * content/publications/<slug>/ and the section's _index.md (view:
	 * citation), the owner as the `me` author (data/authors/me.yaml), no
	 * link the theme builds from hugoblox.ids itself */
	PUB_HUGO_BLOX = 0,
	/* the older "academic" theme: content/publication/<slug>/, the owner
	 * by name (export --hugo-layout academic) */
	PUB_HUGO_ACADEMIC = 1,
} pub_hugo_layout;

#define PUB_EXPORT_OPTIONS_VERSION 4
#define PUB_EXPORT_OPTIONS_INIT \
	{.version = PUB_EXPORT_OPTIONS_VERSION, .filter = PUB_FILTER_INIT}

/* Zeroes `opts` and sets its version and its filter's; PUB_EINVAL for an
 * unknown version. */
PUB_EXTERN int pub_export_options_init(pub_export_opts *opts, unsigned int version);

/* 0 when some writer exports what opts ask for: its format in its style
 * and dialect, to the output or into a site's folder (jekyll_dir,
 * hugo_dir), with only the options it reads (ascii, plain, repos,
 * citations, title, static_stars, since, hugo_layout), since 0 or a year
 * 1000..9999; otherwise PUB_EINVAL saying what does not go together.
 * pub_export() and pub_export_text() check the same. */
PUB_EXTERN int pub_export_check(const pub_export_opts *opts);

/* Writes the matching papers to `out` (nothing, for a writer into a site's
 * folder); PUB_EINVAL as pub_export_check(). */
PUB_EXTERN int pub_export(pub_db *db, const pub_export_opts *opts, FILE *out);

/* The same export as one malloc'd text of *len bytes (len may be NULL)
 * in *out, NUL-terminated, as pub_news_render() gives news: for a page's
 * region (pub_region_replace()).  The caller frees *out. */
PUB_EXTERN int pub_export_text(char **out, size_t *len, pub_db *db,
	const pub_export_opts *opts);

/* ---- styles and regions of a homepage ---------------------------------- */


/* What pub_region_replace() did; the caller sets `version`
 * (PUB_REGION_RESULT_INIT). */
typedef struct pub_region_result {
	unsigned int version; /* PUB_REGION_RESULT_VERSION */
	int changed;      /* 1: the file was rewritten; 0: the region already
			   * held the text and the file was not touched */
	size_t line;      /* line of the opening marker */
	size_t old_lines; /* lines in the region before and after */
	size_t new_lines;
} pub_region_result;

#define PUB_REGION_RESULT_VERSION 1
#define PUB_REGION_RESULT_INIT {.version = PUB_REGION_RESULT_VERSION}

/* Replaces the lines between `<!-- pubdb:NAME -->` and `<!-- /pubdb:NAME
 * -->` in the file at `path` by `len` bytes of `text` (a last newline
 * added when missing; line ends turned into the page's CRLF when its
 * opening marker line ends so).  Every byte outside the region stays as it
 * was.  The file is written atomically through pub_file_open() (symlink
 * followed, mode kept), and not at all when the region would not change.
 * PUB_EPARSE ("FILE:LINE: ...") when the page's markers do not pair up
 * (a region inside another, a closing marker alone, a region left open,
 * the region twice), PUB_ENOTFOUND when the page has no such region or
 * does not exist, PUB_EINVAL for a name outside [A-Za-z0-9_.-]{1,64};
 * then nothing is written.  `res` may be NULL. */
PUB_EXTERN int pub_region_replace(pub_region_result *res, const char *path,
	const char *name, const char *text, size_t len);

#ifdef __cplusplus
}
#endif
#endif
