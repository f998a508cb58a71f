/*
 * profile.h: an author's list of papers as a profile gives it (DBLP's
 * person page, ORCID's works, Semantic Scholar's author papers), parsed
 * by profile_dblp.c, profile_orcid.c and profile_s2.c into one shape, and
 * what profile.c does with it: `pubdb add dblp:PID`, the inbox of
 * `refresh --profiles`.
 */
#ifndef PUB_NET_PROFILE_H
#define PUB_NET_PROFILE_H

#include <stddef.h>

#include "pub.h"
#include "net/http.h"
#include "net/source.h"

/* One paper as a profile lists it.  Strings are plain UTF-8 text (not
 * BibTeX) or NULL; everything is owned. */
typedef struct pub__work {
	char *type;      /* BibTeX entry type: article, inproceedings, misc ... */
	char *title;
	char **authors;  /* "Given Family" */
	size_t nauthors;
	int year;        /* 0: unknown */
	char *venue;     /* journal or booktitle text */
	char *volume, *number, *pages;
	char *doi;       /* lower-case, no resolver */
	char *arxiv;     /* version-less */
	char *dblp;      /* DBLP record key */
	char *dblp_alt;  /* the key of the CoRR record merged into it */
	char *url;
	char *crossref;  /* DBLP: the proceedings record it is in ("conf/iclr/2024") */
	char *venue_short; /* Semantic Scholar: its publicationVenue's short name
	                      ("ICLR"), only of a conference or journal that is
	                      not a preprint server */
} pub__work;

typedef struct pub__work_list {
	pub__work *items;
	size_t n;
} pub__work_list;

void pub__work_clear(pub__work *w);
void pub__work_list_free(pub__work_list *l);
/* Deep copies. */
void pub__work_copy(pub__work *to, const pub__work *w);
void pub__work_list_copy(pub__work_list *to, const pub__work_list *l);
/* Appends an empty work and returns it (owned by the list). */
pub__work *pub__work_list_push(pub__work_list *l);
/* The arXiv id a DOI (10.48550/arXiv.X), URL or CoRR key names, or NULL
 * (malloc'd). */
char *pub__work_arxiv_from(const char *doi_url_or_key);

/* The profiles pubdb reads. */
typedef enum pub__profile_kind {
	PUB__PROFILE_DBLP = 1, /* dblp:PID */
	PUB__PROFILE_ORCID,    /* orcid:0000-0002-1825-0097 */
	PUB__PROFILE_S2        /* s2author:ID */
} pub__profile_kind;

/* Parsers of one response body (PUB_EPARSE naming `where` and what is
 * wrong; an HTML page is an error page).  They append to `out`. */
int pub__dblp_person_parse(pub__work_list *out, const char *body, size_t n,
	const char *where);
int pub__orcid_works_parse(pub__work_list *out, const char *body, size_t n,
	const char *where);
/* ORCID's bulk answer {"bulk": [{"work": {...}} | {"error": {...}}, ...]}
 * to /v3.0/{orcid}/works/{pc},{pc},...: each work whose put-code is
 * codes[k] gives works[k] (when it has no authors yet) its contributors
 * with the author role, in sequence order, else the author field of its
 * BibTeX citation.  An error slot changes nothing. */
#define PUB__ORCID_BULK_MAX 100
int pub__orcid_bulk_parse(pub__work *works, const long long *codes, size_t nworks,
	const char *body, size_t n, const char *where);
/* *next is the offset of the next page, or -1 after the last page. */
int pub__s2_author_papers_parse(pub__work_list *out, long *next,
	const char *body, size_t n, const char *where);

/* The fetches: every page of the person's list.  An unknown person is
 * PUB_ENOTFOUND; anything else that is not the list is PUB_ENET. */
int pub__dblp_person_fetch(pub__work_list *out, pub__http *h, const char *pid);
/* ORCID: the summaries, then the authors of the works kept from the bulk
 * endpoint, PUB__ORCID_BULK_MAX put-codes a request; a failed bulk
 * request fails the fetch as a failed summary list does. */
int pub__orcid_works_fetch(pub__work_list *out, pub__http *h, const char *orcid);
int pub__s2_author_fetch(pub__work_list *out, pub__http *h, const char *id);

/* Normalises "dblp:PID", "orcid:ID" or "s2author:ID" (or a bare id of the
 * kind asked for when `kind` is set); PUB_EINVAL with a message otherwise. */
int pub__profile_parse(pub__profile_kind *kind, char **id, const char *in);

/* Merges the works of one list that are one paper: the same DOI, arXiv id
 * or DBLP key, or the same folded title a year apart at most when one of
 * them is a preprint (DBLP's CoRR record beside the conference one). */
void pub__works_merge(pub__work_list *l);

/* The record `pubdb add` stores for a work; source names the profile. */
void pub__work_to_record(pub__record *r, const pub__work *w, const char *source);

/* "ICCE 2012": the venue badge of a published work; NULL for a preprint
 * (malloc'd). */
char *pub__work_badge(const pub__work *w);

/* "dblp", "orcid", "semanticscholar". */
const char *pub__profile_source(pub__profile_kind kind);
/* Every paper of a profile (the fetch of its kind). */
int pub__profile_fetch(pub__work_list *out, pub__http *h, pub__profile_kind kind,
	const char *id);

/* A work as JSON text and back (the inbox keeps it so). */
char *pub__work_to_json(const pub__work *w);
int pub__work_from_json(pub__work *w, const char *json);

#endif
