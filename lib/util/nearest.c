/*
 * nearest.c: "did you mean": the word of a list nearest to a typo
 * (config set ownr, edit yaer=1999), and the edit distance the CLI's
 * "did you mean" for commands and options uses too (pub_edit_distance).
 */
#include "util/nearest.h"

#include <ctype.h>
#include <string.h>

size_t pub_edit_distance(const char *a, size_t na, const char *b)
{
	size_t nb = strlen(b), i, j, row[64], prev, tmp;
	if (na >= 63 || nb >= 63)
		return 99;
	for (j = 0; j <= nb; j++)
		row[j] = j;
	for (i = 1; i <= na; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= nb; j++) {
			size_t best = prev + (tolower((unsigned char)a[i - 1]) !=
				tolower((unsigned char)b[j - 1]));
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			tmp = row[j];
			row[j] = best;
			prev = tmp;
		}
	}
	return row[nb];
}

size_t pub__distance(const char *a, const char *b)
{
	return pub_edit_distance(a, strlen(a), b);
}

const char *pub__nearest(const char *word, const char *const *list)
{
	const char *best = NULL;
	size_t d, bestd = strlen(word) < 3 ? 2 : 3;
	for (; *list; list++) {
		d = pub__distance(word, *list);
		if (d < bestd) {
			bestd = d;
			best = *list;
		}
	}
	return best;
}
