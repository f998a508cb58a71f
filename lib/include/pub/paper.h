/*
 * pub/paper.h: papers: reading, filters, edits, tags, links, search.  Part
 * of pub.h, the one public header: include <pub.h>, not this file.
 */
#ifndef PUB_PUBLIC_PAPER_H
#define PUB_PUBLIC_PAPER_H

#include "common.h"
#include "db.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- papers ----------------------------------------------------------- */

typedef struct pub_author {
	char *name;   /* display name, "Given von Family, Jr" in Unicode */
	char *given;
	char *von;
	char *family;
	char *jr;
	int equal;         /* equal contribution */
	int corresponding;
} pub_author;

typedef struct pub_link {
	char *kind; /* paper, code, blog, video, slides, project, pdf, ... */
	char *url;
	long stars; /* stars of the linked repository, -1 when unknown */
	char *source; /* who found it ("arxiv", "huggingface"); NULL: the user */
} pub_link;

/* A paper's citation count from one source (see "citation counts" below). */
typedef struct pub_citation {
	char *source;  /* "openalex", "crossref", "semanticscholar" */
	long count;
	char *checked; /* when the source said so, ISO-8601 UTC */
} pub_citation;

/* What a venue decided (`decision` in a paper's JSON): from the service
 * that publishes decisions (OpenReview), stored by `refresh`. */
typedef struct pub_decision {
	char *venue;  /* the badge: "ICLR 2025" */
	char *tier;   /* "Oral", "Spotlight", "Poster", or NULL */
	char *day;    /* the day the decision was published, YYYY-MM-DD, or NULL */
	char *source; /* "openreview" */
	char *id;     /* the source's id of the paper (OpenReview's forum id) */
} pub_decision;

typedef struct pub_field {
	char *name;  /* lower-case BibTeX field name */
	char *value; /* verbatim BibTeX value without outer delimiters */
} pub_field;

/* A paper as stored.  Strings are UTF-8 (LaTeX decoded) or NULL. */
typedef struct pub_paper {
	int64_t id;
	char *key;
	char *type; /* lower-case entry type */
	char *title;
	int year;   /* 0 when unknown */
	int month;  /* 0 when unknown */
	char *venue;
	char *arxiv;
	int arxiv_version;
	char *doi;
	char *abstract;
	int selected;
	int rank;
	char *added;    /* ISO-8601 UTC */
	char *modified; /* ISO-8601 UTC */
	size_t nauthors;
	pub_author *authors;
	size_t nlinks;
	pub_link *links;
	size_t ntags;
	char **tags;
	size_t nfields; /* every BibTeX field, in stored order */
	pub_field *fields;
	size_t naliases; /* keys merges absorbed, each still naming this paper */
	char **aliases;
	size_t ncitations; /* the latest count per source, by source name */
	pub_citation *citations;
	pub_decision *decision; /* NULL when no source gave one */
} pub_paper;

PUB_EXTERN void pub_paper_free(pub_paper *p);

/* Loads the paper with citation key `key` (or an alias of it, a key a
 * merge absorbed: every call taking a key takes one); PUB_ENOTFOUND when none.
 * `*out` is owned by the caller (pub_paper_free). */
PUB_EXTERN int pub_paper_get(pub_paper **out, pub_db *db, const char *key);

/* Options structs that callers fill, and result structs that callers
 * allocate, start with a version, so that the library can grow them as
 * libgit2's grow: a struct only grows, each appended field with a bump of
 * its PUB_*_VERSION, and every call accepts any version from 1 to the
 * current, reading and writing only that version's fields.  Initialise
 * with PUB_*_INIT (designated initialisers, C99) or pub_*_init(), then
 * fill.  A version outside 1..current is PUB_EINVAL. */

/* A filter for listings and exports. */
typedef struct pub_filter {
	unsigned int version; /* PUB_FILTER_VERSION */
	/* papers with any of these tags, matched regardless of case; a tag
	 * that names no stored tag is PUB_ENOTFOUND (the message lists the
	 * tags there are) */
	const char *const *tags;
	size_t ntags;
	const char *author; /* author name, matched loosely */
	int selected_only;
	const char *query; /* search syntax, see pub_search */
	const char *key;   /* one paper by citation key */
} pub_filter;

#define PUB_FILTER_VERSION 1
#define PUB_FILTER_INIT {.version = PUB_FILTER_VERSION}

/* Zeroes `f` and sets its version; PUB_EINVAL for an unknown version. */
PUB_EXTERN int pub_filter_init(pub_filter *f, unsigned int version);

/* Calls cb for each matching paper, newest first (year desc, rank, added).
 * The paper passed to cb is owned by libpub and valid during the call.
 * A non-zero return from cb stops the walk and is returned. */
PUB_EXTERN int pub_paper_foreach(pub_db *db, const pub_filter *filter,
	int (*cb)(const pub_paper *p, void *ctx), void *ctx);

/* The paper as one JSON object in the shape docs/architecture.md gives
 * (with "me" from `config owner` and star counts); malloc'd, caller
 * frees. */
PUB_EXTERN int pub_paper_json(char **out, pub_db *db, const pub_paper *p);

/* Removes a paper and its aliases; PUB_ENOTFOUND when none. */
PUB_EXTERN int pub_paper_remove(pub_db *db, const char *key);
/* Removes `n` papers in one transaction, all or none: when a key names no
 * paper, PUB_ENOTFOUND (the message names every such key) and nothing is
 * removed. */
PUB_EXTERN int pub_papers_remove(pub_db *db, const char *const *keys, size_t n);

/* Undoes the merge that made `alias` a name of a paper: the entry merged
 * under that key is stored again as its own paper, exactly as it was read,
 * and the paper's fields are rebuilt from the other entries merged into it
 * (a field changed or removed since, by an edit or a refresh, stays as it
 * is now).  PUB_ENOTFOUND when no paper has the alias, PUB_EINVAL when
 * `alias` is a paper's own key. */
PUB_EXTERN int pub_paper_unmerge(pub_db *db, const char *alias);

/* One change of a paper's field: `field` is title, venue, year, key,
 * type, selected (0 or 1), rank, equal (author positions with equal
 * contribution, "1,2,3"), short (the name `pubdb news` gives the paper,
 * "PAB"; never exported), doi, arxiv or any BibTeX field; `value` NULL or
 * empty removes a BibTeX field or clears the column. */
typedef struct pub_assignment {
	const char *field;
	const char *value;
} pub_assignment;

/* 1 when `name` (any case) is a field BibTeX or biblatex knows or one of
 * pub_paper_edit()'s own (key, venue, selected, rank, equal, arxiv, short);
 * otherwise 0, with `*nearest` the known name nearest to it ("yaer":
 * "year") or NULL.  pub_paper_edit() stores any field: this is for
 * catching typos. */
PUB_EXTERN int pub_field_known(const char **nearest, const char *name);
/* 1 when `type` (any case) is a BibTeX or biblatex entry type; otherwise
 * 0, with `*nearest` the nearest one ("artcle": "article") or NULL. */
PUB_EXTERN int pub_entry_type_known(const char **nearest, const char *type);

/* What a paper is marked with besides its fields: selection and equal
 * contribution, as typed values (the CLI's "selected=1", "equal=1,2" are
 * its own syntax). */
typedef struct pub_paper_marks {
	unsigned int version;       /* PUB_PAPER_MARKS_VERSION */
	int selected;               /* -1: unchanged; 0 or 1 */
	int set_equal;              /* 1: the equal contributors become `equal` */
	const unsigned int *equal;  /* author positions from 1; an author the
				     * paper lacks is PUB_EINVAL */
	size_t nequal;
} pub_paper_marks;

#define PUB_PAPER_MARKS_VERSION 1
#define PUB_PAPER_MARKS_INIT {.version = PUB_PAPER_MARKS_VERSION, .selected = -1}

/* Applies `n` assignments in order, then `marks` (NULL: none), in one
 * transaction: all or none.  "selected" and "equal" are no assignment
 * fields (PUB_EINVAL): they are marks. */
PUB_EXTERN int pub_paper_change(pub_db *db, const char *key,
	const pub_assignment *assignments, size_t n, const pub_paper_marks *marks);
/* pub_paper_change() without marks. */
PUB_EXTERN int pub_paper_edit(pub_db *db, const char *key,
	const pub_assignment *assignments, size_t n);
/* One assignment (its own transaction). */
PUB_EXTERN int pub_paper_set(pub_db *db, const char *key, const char *field,
	const char *value);
/* Marks the paper selected (1) or not (0). */
PUB_EXTERN int pub_paper_set_selected(pub_db *db, const char *key, int selected);
/* The equal contributors become exactly the authors at `positions` (from
 * 1; n 0 clears them). */
PUB_EXTERN int pub_paper_set_equal(pub_db *db, const char *key,
	const unsigned int *positions, size_t n);

/* One change of a paper's tags. */
typedef struct pub_tag_change {
	const char *tag;
	int remove; /* 0 adds the tag, 1 removes it */
} pub_tag_change;

/* Applies `n` tag changes in order, in one transaction; tags no paper
 * carries any more are dropped.  Removing a tag the paper lacks is fine.
 * Tags are one regardless of case: adding "efficient video generation"
 * where "Efficient Video Generation" exists adds that tag. */
PUB_EXTERN int pub_paper_tag(pub_db *db, const char *key,
	const pub_tag_change *changes, size_t n);
PUB_EXTERN int pub_paper_tag_add(pub_db *db, const char *key, const char *tag);
PUB_EXTERN int pub_paper_tag_remove(pub_db *db, const char *key, const char *tag);
/* Renames a tag on every paper (any case of `from`; `to` as given, an
 * emoji and all: group headings show it).  When `to` names another tag
 * already, the two become one.  PUB_ENOTFOUND when no tag is `from`,
 * PUB_EINVAL for an empty `to`. */
PUB_EXTERN int pub_tag_rename(pub_db *db, const char *from, const char *to);

/* A link to add: a lower-case kind (paper, code, blog, ...) and a URL. */
typedef struct pub_link_spec {
	const char *kind;
	const char *url;
} pub_link_spec;

/* Adds a link of `kind`.  A code link to GitHub creates the repository row
 * and replaces the paper's code link to the same repository, if any (the
 * one found in an arXiv abstract, say). */
PUB_EXTERN int pub_paper_link_add(pub_db *db, const char *key, const char *kind,
	const char *url);

/* Removes the paper's links of `kind` to `url` (every link of `kind` when
 * `url` is NULL); a repository that was reachable only through them and
 * was not registered on its own goes too.  PUB_ENOTFOUND when the paper
 * has no such link. */
PUB_EXTERN int pub_paper_link_remove(pub_db *db, const char *key, const char *kind,
	const char *url);

/* ---- search ------------------------------------------------------------ */

/* Query syntax: words (full-text over title, abstract, authors) and filters
 * author:NAME title:WORD year:2020 year:2020-2024 tag:NAME. */
PUB_EXTERN int pub_search(pub_db *db, const char *query,
	int (*cb)(const pub_paper *p, void *ctx), void *ctx);

#ifdef __cplusplus
}
#endif
#endif
