/*
 * fields.h: papers.fields_json holds an entry's BibTeX fields, verbatim and
 * in input order, as one JSON object of strings: {"author":"...","title":
 * "..."}.  It is the truth of the BibTeX export; everything else is
 * derived (fields.c).
 */
#ifndef PUB_STORE_FIELDS_H
#define PUB_STORE_FIELDS_H

#include <stddef.h>

#include "pub.h"

/* The JSON object of `n` fields (a later repeat of a name is dropped). */
char *pub__fields_encode(const pub_field *f, size_t n);

/* Calls cb for each member in order, with NUL-terminated, unescaped name
 * and value (valid until cb returns).  cb's negative return stops and is
 * returned; PUB_ERROR when `json` is not an object of strings. */
int pub__fields_each(const char *json,
	int (*cb)(const char *name, const char *value, void *ctx), void *ctx);

/* The members as a new array of *n fields in *out (NULL, 0 for "{}"), for
 * pub__fields_free(); PUB_ERROR, and nothing to free, when `json` is not
 * an object of strings. */
int pub__fields_decode(pub_field **out, size_t *n, const char *json);

/* Appends a copy of name = value to an array built only by this function
 * (it grows at 0, 1, 2, 4, ... elements). */
void pub__fields_push(pub_field **f, size_t *n, const char *name,
	const char *value);

#endif
