/*
 * list.h: the publication list as the HTML and Markdown writers show it
 * (list.c): groups, venue badges, links in display order, star counts.
 */
#ifndef PUB_EXPORT_LIST_H
#define PUB_EXPORT_LIST_H

#include <stddef.h>

#include "pub.h"
#include "export/export.h"

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
/* The badge with the decision's tier after it ("ICLR 2025 Spotlight")
 * when `tier` is set and the paper's decision is for that badge. */
char *pub__venue_badge_tier(const pub_paper *p, int tier);

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

/* A repository as a page names it: the owner's display name and
 * description (`repo edit`) when set, else GitHub's (NULL when none). */
const char *pub__repo_name(const pub_repo *r);
const char *pub__repo_description(const pub_repo *r);

/* The index of the link whose star count a paper shows (the rule of
 * pub__links_stars, which records it in `shown`), or n when none. */
size_t pub__links_stars_at(const pub__olink *l, size_t n, pub__urlset *shown);

/* The stored BibTeX field `name` of `p`, NULL when absent or empty. */
const char *pub__paper_field(const pub_paper *p, const char *name);

/* `base`, or "base-2", "base-3", ... : the first not among the n names of
 * `taken` (NULLs allowed), for files and folders two keys would share.
 * New string. */
char *pub__name_unique(char *const *taken, size_t n, const char *base);

/* 1 when any paper in the set has an equal-contribution mark. */
int pub__set_has_equal(const pub__export_set *set);

#endif
