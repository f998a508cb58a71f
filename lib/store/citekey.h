/*
 * citekey.h: citation keys (citekey.c).
 */
#ifndef PUB_STORE_CITEKEY_H
#define PUB_STORE_CITEKEY_H

#include <stdint.h>

#include "pub.h"
#include "bibtex/entry.h"

/* The id of the paper with citation key `key` (compared case-insensitively)
 * in *id, 0 when none. */
int pub__citekey_lookup(pub_db *db, const char *key, int64_t *id);

/* `base` when no paper has it, else base + a, b, ..., z, aa, ab, ...
 * PUB_EEXISTS when all 702 are taken. */
int pub__citekey_unique(pub_db *db, const char *base, char out[256]);

/* A new, free key for `e` from the `citekey_format` setting. */
int pub__citekey_make(pub_db *db, const pub__bib_entry *e, char out[256]);

#endif
