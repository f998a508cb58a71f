/*
 * citekey.h: citation keys (citekey.c).
 */
#ifndef PUB_STORE_CITEKEY_H
#define PUB_STORE_CITEKEY_H

#include <stdint.h>

#include "pub.h"
#include "bibtex/entry.h"

/* The paper a key names, as its own key (*alias 0) or as an alias a merge
 * left (*alias 1), case-insensitively; *id 0 when none. */
int pub__citekey_resolve(int64_t *id, int *alias, pub_db *db, const char *key);

/* The same without telling which: the id of the paper `key` names, 0 when
 * none. */
int pub__citekey_lookup(int64_t *id, pub_db *db, const char *key);

/* `base` when it names no paper (as a key or an alias), else base + a, b, ..., z, aa, ab, ...
 * PUB_EEXISTS when all 702 are taken. */
int pub__citekey_unique(char out[256], pub_db *db, const char *base);

/* A new, free key for `e` from the `citekey_format` setting. */
int pub__citekey_make(char out[256], pub_db *db, const pub__bib_entry *e);

#endif
