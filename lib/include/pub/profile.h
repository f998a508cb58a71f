/*
 * pub/profile.h: author profiles (DBLP, ORCID, Semantic Scholar) and the
 * inbox.  Part of pub.h, the one public header: include <pub.h>, not this
 * file.
 */
#ifndef PUB_PUBLIC_PROFILE_H
#define PUB_PUBLIC_PROFILE_H

#include "common.h"
#include "db.h"
#include "import.h"
#include "refresh.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- profiles and the inbox ------------------------------------------- */

/* 1 when `in` names a profile rather than a paper: "dblp:PID",
 * "orcid:ID" or "s2author:ID" (valid or not). */
PUB_EXTERN int pub_profile_id_is(const char *in);

/* Adds every paper of each profile: dblp:PID (DBLP's person page),
 * orcid:ID (ORCID's works) or s2author:ID (Semantic Scholar's author
 * papers, every page).  Each paper is stored like an imported entry
 * (merge rules, then a stored paper with the same DBLP key), with its
 * DOI, arXiv id, DBLP key, venue and year; within one profile DBLP's
 * conference record and its CoRR record of the same paper, and ORCID's
 * groups sharing a DOI, become one paper.  Every id is checked first: a
 * malformed one (an ORCID check digit, a DBLP pid) is PUB_EINVAL before
 * any request; an unknown person is PUB_ENOTFOUND; network failures are
 * PUB_ENET or PUB_ENONET.  All lists are fetched first, then stored in
 * one transaction, so nothing is stored on any failure.  stats->added and
 * stats->merged say what happened; with opts->dry_run, each paper that
 * would be added goes to opts->on_dry_run as BibTeX and nothing is
 * stored.  With opts->max_time_ms the profiles fetched before the limit
 * are stored and the call returns PUB_EDEADLINE naming the others. */
PUB_EXTERN int pub_add_profiles(pub_db *db, const char *const *ids, size_t n,
	const pub_import_opts *opts, pub_import_stats *stats);

/* Reads the owner's profiles (settings owner.dblp, owner.orcid,
 * owner.s2) and puts each paper no stored paper has an identity of (DOI,
 * arXiv id, DBLP key, folded title with a year one apart at most), and
 * that was never rejected, into the inbox; one inbox event records how
 * many arrived.  stats->checked counts the papers the profiles list,
 * stats->changed the papers that arrived in the inbox, stats->unchanged
 * those already stored or waiting, stats->skipped the rejected ones.  No
 * profile set: 0 and nothing asked.  A profile that fails goes to
 * opts->warn (stats->failed; PUB_EPARTIAL) while the others are read;
 * PUB_ENONET when there is no network at all. */
PUB_EXTERN int pub_refresh_profiles(pub_db *db, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);

/* A paper in the inbox; strings valid during the callback. */
typedef struct pub_inbox_item {
	const char *id;      /* what accept and reject take ("3") */
	const char *title;
	const char *const *authors;
	size_t nauthors;
	int year;            /* 0 when unknown */
	const char *venue;   /* "ICCE 2012", or NULL */
	const char *source;  /* dblp, orcid, semanticscholar */
	const char *arxiv;   /* or NULL */
	const char *doi;     /* or NULL */
} pub_inbox_item;

/* Calls cb for each inbox paper, oldest first; a non-zero return stops. */
PUB_EXTERN int pub_inbox_foreach(pub_db *db,
	int (*cb)(const pub_inbox_item *item, void *ctx), void *ctx);
/* The inbox as the JSON array `inbox --json` prints (id, title, authors,
 * year, venue, source, arxiv, doi); malloc'd, caller frees. */
PUB_EXTERN int pub_inbox_json(char **out, pub_db *db);
/* Stores the inbox papers `ids` like `pub_add_profiles` stores a paper
 * and takes them out of the inbox, in one transaction; an id not in the
 * inbox is PUB_ENOTFOUND and nothing changes. */
PUB_EXTERN int pub_inbox_accept(pub_db *db, const char *const *ids, size_t n,
	const pub_import_opts *opts, pub_import_stats *stats);
/* The same for every paper in the inbox (none: 0, nothing changes). */
PUB_EXTERN int pub_inbox_accept_all(pub_db *db, const pub_import_opts *opts,
	pub_import_stats *stats);
/* Drops the inbox papers `ids` for good: each identity they have (DOI,
 * arXiv id, DBLP keys, folded title with year) is remembered, and a paper
 * any profile lists with one of them is never proposed again.  One
 * transaction; an unknown id is PUB_ENOTFOUND and nothing changes. */
PUB_EXTERN int pub_inbox_reject(pub_db *db, const char *const *ids, size_t n);

#ifdef __cplusplus
}
#endif
#endif
