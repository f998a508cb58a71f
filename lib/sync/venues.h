/*
 * venues.h: venue discovery's shared parts: the paper being placed, the
 * match found for it (venue_match.c: choosing and storing), and the
 * refresh itself (venues.c, pub_refresh_venues in pub.h).
 */
#ifndef PUB_NET_VENUES_H
#define PUB_NET_VENUES_H

#include <stdint.h>

#include "pub.h"
#include "net/http.h"
#include "net/dblp.h"
#include "net/profile.h"

/* The published version accepted for a paper.  Strings owned. */
typedef struct pub__vmatch {
	char *badge;       /* "ICLR 2025": short venue and year; NULL: none */
	const char *source;/* "dblp" or "semanticscholar" (static) */
	char *key;         /* DBLP record key, or NULL (Semantic Scholar's) */
	char *ref;         /* what the change line names: the DBLP key or S2's
	                      paperId */
	const char *vfield;/* "booktitle" or "journal" (static) */
	char *full;        /* the full venue name (BibTeX value) or NULL */
	char *pages, *doi, *volume, *number;
	char day[11];      /* when the acceptance happened (venue_day.c), or "" */
} pub__vmatch;

void pub__vmatch_clear(pub__vmatch *m);

/* The owner as DBLP knows them, for telling homonyms apart. */
typedef struct pub__vowner {
	char *pid;       /* owner.dblp ("95/7448-1"), or NULL */
	int number;      /* the pid's homonym number (-1 -> 1), 0 none */
	char **names;    /* the owner's spellings as folded "given family" */
	size_t nnames;
} pub__vowner;

/* Reads owner.dblp, owner and owner.aliases. */
int pub__vowner_load(pub__vowner *o, pub_db *db);
void pub__vowner_clear(pub__vowner *o);

/* The authors of a found version as the matching compares them. */
typedef struct pub__vauthors {
	char **families;   /* folded family names; "" for one that may not
	                      count (a numbered homonym of the owner) */
	size_t n;
	int has_pids;      /* DBLP pids came with them */
	int has_owner_pid; /* ... and the owner's is among them */
} pub__vauthors;

/* The authors of display names (`pids` parallel, or NULL) or of a BibTeX
 * list ("A and B 0002 and C"); `owner` may be NULL. */
void pub__vauthors_make(pub__vauthors *a, const char *const *names, const char *const *pids,
	size_t nnames, const char *bib_list, const pub__vowner *owner);
void pub__vauthors_clear(pub__vauthors *a);

/* A paper without a badge, as the refresh sees it. */
typedef struct pub__vpaper {
	int64_t id;
	char *citekey;
	char *title_key;   /* pub__vtitle_key of its title */
	int year;          /* 0 unknown */
	char *arxiv, *doi;
	char **families;   /* folded family names of its authors */
	size_t nfamilies;
	int s2_found;      /* S2 knew it */
	char *s2_dblp;     /* the DBLP key S2 gave, or NULL */
	/* what else S2 said, for a paper DBLP does not place: its record
	 * (the paperId), title, year, authors' family names, whether it
	 * merged an arXiv preprint (then the year is the preprint's), and
	 * its publicationVenue: type, name, short name */
	char *s2_paper_id, *s2_title, *s2_pv_type, *s2_pv_name, *s2_pv_short, *s2_pv_id;
	int s2_year, s2_arxiv;
	pub__vauthors s2_authors;
	const pub__vowner *owner; /* the run's, not owned */
	int placed;        /* found (or left to doctor) by an earlier source */
	/* negative answers: remembered ones (within refresh.unknown_days) keep
	 * a source from being asked; this run's are stored */
	int s2_unknown, dblp_unknown;  /* remembered */
	int s2_asked;                  /* this run asked S2 (s2_found its answer) */
	int dblp_none;                 /* this run's search found no version */
	char *page_crossref;           /* the page's proceedings key, or NULL */
	char *gain_doi, *gain_arxiv;   /* ids the owner's lists give a paper
	                                  that lacks them (pub__vgain_ids) */
	int named;                     /* pub__vpage_names() found its full name */
	pub__vmatch match; /* filled by pub__vfind when one version is taken */
	char *candidates;  /* JSON array of versions not taken, or NULL */
	int workshop_only; /* the candidates are only workshop versions */
	int failed;
	char *error;
} pub__vpaper;

/* A title folded for comparison: pub__fold_ascii (LaTeX decoded, ASCII,
 * lower case, [a-z0-9] and single spaces), without DBLP's final period and
 * outer spaces.  New string, NULL for NULL. */
char *pub__vtitle_key(const char *title);

/* 1 when a found version may be the paper's published version: same title,
 * year from paper year - 1 to + 2 (either unknown: any), not a preprint
 * record, and the same people: with the owner's DBLP pid known, a version
 * that names pids must name it; the author lists agree beyond one family
 * name (one list of one author: that one; else at least two, and at least
 * half of the shorter list); a numbered homonym of the owner ("Xuanlei
 * Zhao 0002") never counts as the owner unless owner.dblp is that
 * number. */
int pub__vacceptable(const pub__vpaper *p, const char *key, const char *venue,
	const char *type, const char *title, const pub__vauthors *a, int year);

/* Takes DBLP record r as p's published version (`venue`: a short venue
 * name to fall back on, or NULL). */
void pub__vtake_rec(pub__vpaper *p, const pub__dblp_rec *r, const char *venue);

/* Finds p's published version: the record of the DBLP key S2 gave, else a
 * DBLP title search, else (nothing found on DBLP) S2's own publication
 * venue when it is a journal or conference, not a preprint server, and
 * S2's record merged no arXiv preprint (whose year would be the
 * preprint's) and passes the same title, author and year checks.  Sets p->match, or p->candidates when two versions
 * are acceptable or only a workshop version is.  Returns 0 (also when
 * nothing was found), or the error of a failed request. */
int pub__vfind(pub__vpaper *p, pub__http *h);

/* The owner's DBLP page (owner.dblp; its works as the session fetched
 * them, profile_cache.h) as the first source: gives every badge it can
 * (short venue and year, pages, DOI, journal); sets match, `placed`, and
 * the record's proceedings key (`crossref`) or DBLP key for
 * pub__vpage_names().  *placed of them. */
void pub__vpage(pub__vpaper *ps, size_t n, const pub__work_list *l, size_t *placed);

/* The owner's Semantic Scholar author papers (s2 1) or ORCID works (s2 0)
 * as a source (venue_owner.c): a paper not yet placed, matched by arXiv
 * id, DOI or folded title, takes its work's badge when that is one
 * published (not preprint, not workshop) version; every matched paper
 * notes the DOI / arXiv id it lacks (gain_doi, gain_arxiv).  *placed of
 * them. */
void pub__vlist(pub__vpaper *ps, size_t n, const pub__work_list *l, int s2, size_t *placed);

/* Stores p's gained ids into the BibTeX fields it lacks (doi; eprint and
 * archiveprefix), inside the caller's transaction, and forgets those whose
 * field the entry has; *set 1 when it stored.  An id another stored paper
 * carries is not gained (two entries of one work: `pubdb doctor` and
 * merge are the user's to run): *held gets that paper's key (malloc'd;
 * NULL: none). */
int pub__vgain_ids(pub_db *db, pub__vpaper *p, int *set, char **held);

/* Phase two of the page: the full venue names of the papers the page
 * placed, from the proceedings records (one request per venue and year;
 * a paper whose record is missing: its own /rec/KEY.bib).  Sets
 * match.full of each paper it names (`named` set for it).  0, or the
 * error of the first request that failed as a whole. */
int pub__vpage_names(pub__vpaper *ps, size_t n, pub__http *h);

/* Stores p->match.full into the entry's booktitle or journal when it has
 * none (or a preprint's), inside the caller's transaction. */
int pub__vfill_full(pub_db *db, const pub__vpaper *p);

/* Stores p->match (inside the caller's transaction): the badge with its
 * source and DBLP key, unless a badge was set meanwhile or the user set the
 * venue; the full venue name, pages, DOI (volume, number) into BibTeX
 * fields the entry lacks; an event.  *changed is 1 when it stored. */
int pub__vapply(pub_db *db, const pub__vpaper *p, int *changed);

#endif
