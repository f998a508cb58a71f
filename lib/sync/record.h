/*
 * record.h: filing what a service said (record.c).  net/ turns answers into
 * records and works; here they reach the store.
 */
#ifndef PUB_SYNC_RECORD_H
#define PUB_SYNC_RECORD_H

#include <stdint.h>
#include <stdio.h>

#include "pub.h"
#include "bibtex/entry.h"
#include "net/arxiv.h"
#include "net/http.h"
#include "net/profile.h"
#include "net/source.h"

/* Stores what the BibTeX fields do not carry: arXiv version, published
 * and updated dates, primary category, checked time, the abstract page as
 * the `paper` link and a GitHub URL as the `code` link. */
int pub__arxiv_store_extras(pub_db *db, int64_t paper_id,
	const pub__arxiv_paper *p);

/* Stores a record the way `pubdb add` stores an entry (merge rules, key,
 * opts' tags, links, venue ...; opts->on_paper reports it) and then its
 * extras; *paper_id gets the stored paper.  A record with a DOI but no
 * arXiv id is first pointed at a stored preprint of the same paper, so
 * that it merges into it.  Inside a transaction. */
int pub__record_store(int64_t *paper_id, pub_db *db, const pub__record *r,
	const pub_import_opts *opts, pub_import_stats *stats);

/* A dry run's report of one entry as it would be stored under `key`, as
 * BibTeX to o->on_dry_run (import options version 2; NULL: nowhere). */
void pub__dry_run_entry(const pub_import_opts *o, const pub__bib_entry *e, const char *key);

/* Stores one work as `pubdb add` stores a record, merging into a paper
 * with its DBLP key first; the paper keeps the key and, when it has no
 * venue, the work's badge.  Inside a transaction. */
int pub__work_store(int64_t *paper_id, pub_db *db, const pub__work *w,
	const char *source, const pub_import_opts *opts, pub_import_stats *stats);

#endif
