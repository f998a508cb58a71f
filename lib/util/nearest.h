/*
 * nearest.h: "did you mean": the word of a list nearest to a typo.
 */
#ifndef PUB_UTIL_NEAREST_H
#define PUB_UTIL_NEAREST_H

#include "pub.h"

#include <stddef.h>

/* Edit distance (insertions, deletions, substitutions) of two short
 * words, compared without case; a large number for long ones. */
size_t pub__distance(const char *a, const char *b);

/* The word of `list` (NULL-terminated) nearest to `word`, or NULL when
 * none is near enough to be a typo of it (cli/opt.c's rule: within 2 for
 * short words, 1 for words under 3 letters).  `word` itself is not looked
 * for: the caller knows it is not in the list. */
const char *pub__nearest(const char *word, const char *const *list);

#endif
