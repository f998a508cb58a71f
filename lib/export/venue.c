/*
 * venue.c: a venue badge ("ICLR 2025", "TPAMI 2024", "arXiv 2024") read
 * as the published entry it names, for the BibTeX export and the year
 * groups of the publication list.  Nothing stored is rewritten: the badge
 * is read again at each export.
 */
#include "export/venue.h"

#include "util/alloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Short names of journals; every other badge is taken as a conference. */
static const char *const journals[] = {
	"TPAMI", "PAMI", "JMLR", "TMLR", "IJCV", "TIP", "TNNLS", "TKDE", "TPDS",
	"TOG", "TACO", "TOCS", "TOPLAS", "TOSEM", "TSE", "TC", "TCAD", "TVCG",
	"JACM", "CACM", "PVLDB", "Nature", "Science", "PNAS", "Cell", "Neural Computation",
	"Machine Learning", "Artificial Intelligence", "Bioinformatics", "eLife", "PLoS",
};

/* Words that make a name a journal's ("IEEE Transactions on ..."). */
static const char *const journal_words[] = {"journal", "transactions", "letters",
	"magazine", "review", "nature ", "acm computing surveys"};

/* Badges of an unpublished paper. */
static const char *const preprint_words[] = {"arxiv", "preprint", "under review",
	"submitted", "in submission", "corr", "biorxiv", "medrxiv", "ssrn", "tech report",
	"technical report"};

static int has_word(const char *s, const char *w)
{
	size_t n = strlen(w);
	for (; *s; s++)
		if (strncasecmp(s, w, n) == 0)
			return 1;
	return 0;
}

/* The last four-digit token 1900..2199, its offset in *at; 0 when none. */
static int find_year(const char *v, size_t *at)
{
	size_t n = strlen(v), i;
	int year = 0;
	for (i = 0; i + 4 <= n; i++) {
		if ((i > 0 && isalnum((unsigned char)v[i - 1])) ||
			(i + 4 < n && isalnum((unsigned char)v[i + 4])))
			continue;
		if (isdigit((unsigned char)v[i]) && isdigit((unsigned char)v[i + 1]) &&
			isdigit((unsigned char)v[i + 2]) && isdigit((unsigned char)v[i + 3])) {
			int y = atoi(v + i);
			if (y >= 1900 && y < 2200) {
				year = y;
				*at = i;
			}
		}
	}
	return year;
}

pub__venue_kind pub__venue_parse(char **name, int *year, const char *venue)
{
	size_t at = 0, i, n;
	char *s;
	*name = NULL;
	*year = 0;
	if (!venue || !*venue)
		return PUB__VENUE_NONE;
	for (i = 0; i < sizeof(preprint_words) / sizeof(preprint_words[0]); i++)
		if (has_word(venue, preprint_words[i]))
			return PUB__VENUE_NONE;
	*year = find_year(venue, &at);
	s = pub__strdup(venue);
	if (*year) { /* "ICLR 2025" -> "ICLR"; "NeurIPS 2024 (Spotlight)" keeps the rest */
		memmove(s + at, s + at + 4, strlen(s + at + 4) + 1);
		while (at > 0 && (s[at - 1] == ' ' || s[at - 1] == '\'' || s[at - 1] == ','))
			memmove(s + at - 1, s + at, strlen(s + at) + 1), at--;
	}
	n = strlen(s);
	while (n > 0 && (isspace((unsigned char)s[n - 1]) || s[n - 1] == ',' || s[n - 1] == '-'))
		s[--n] = '\0';
	for (i = 0; s[i] == ' '; i++)
		;
	memmove(s, s + i, strlen(s + i) + 1);
	if (!*s) {
		free(s);
		*year = 0;
		return PUB__VENUE_NONE;
	}
	*name = s;
	for (i = 0; i < sizeof(journals) / sizeof(journals[0]); i++) {
		size_t k = strlen(journals[i]);
		if (strncasecmp(s, journals[i], k) == 0 && (s[k] == '\0' || s[k] == ' '))
			return PUB__VENUE_JOURNAL;
	}
	for (i = 0; i < sizeof(journal_words) / sizeof(journal_words[0]); i++)
		if (has_word(s, journal_words[i]))
			return PUB__VENUE_JOURNAL;
	return PUB__VENUE_CONFERENCE;
}

int pub__venue_year(const char *venue)
{
	char *name;
	int year;
	pub__venue_parse(&name, &year, venue);
	free(name);
	return year;
}
