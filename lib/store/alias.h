/*
 * alias.h: the keys merges absorbed, what each merged entry said, and
 * undoing a merge (alias.c).
 */
#ifndef PUB_STORE_ALIAS_H
#define PUB_STORE_ALIAS_H

#include <stdint.h>

#include "pub.h"
#include "bibtex/entry.h"

/* The field of the BibTeX export's copy of a paper under an alias: the
 * paper's key.  bibtex(1) and biber ignore it; an import reads the copy as
 * the alias it was (pub__store_entry()). */
#define PUB__ALIAS_OF "pubdb-alias-of"

/* Makes free key `key` an alias of paper `id`. */
int pub__alias_put(pub_db *db, int64_t id, const char *key);

/* Before `e` (read from `source`) merges into paper `id`: its key becomes
 * an alias of the paper unless the key already names a paper (its own key,
 * an alias, another paper), and what it says is recorded for unmerge.
 * *made tells whether the alias was made. */
int pub__alias_absorb(int *made, pub_db *db, int64_t id, const pub__bib_entry *e,
	const char *source);

/* Whether `e` is the entry recorded under its key (an alias of paper
 * `id`): the same entry read again. */
int pub__alias_same_entry(int *same, pub_db *db, int64_t id, const pub__bib_entry *e);

/* The aliases of paper `id`, in the order they were made: a malloc'd array
 * of *n malloc'd keys (NULL, 0 for none). */
int pub__alias_list(char ***out, size_t *n, pub_db *db, int64_t id);

#endif
