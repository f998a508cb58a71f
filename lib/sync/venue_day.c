/*
 * venue_day.c: dating an acceptance found by the venues step (venue_day.h).
 * DBLP and Semantic Scholar give a venue and a year, not a day; a version
 * with a Crossref DOI has Crossref's published date, which news then
 * shows ("*2024.02*: FastFold is accepted by PPoPP 2024!") instead of the
 * venue's year alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sync/venue_day.h"

#include "pub.h"
#include "store/db.h"
#include "net/doi.h"
#include "net/http.h"

/* The year a badge ends in ("PPoPP 2024"), or 0. */
static int badge_year(const char *b)
{
	size_t n = b ? strlen(b) : 0, i;
	if (n < 5 || b[n - 5] != ' ')
		return 0;
	for (i = n - 4; i < n; i++)
		if (b[i] < '0' || b[i] > '9')
			return 0;
	return atoi(b + n - 4);
}

/* A DOI Crossref may know: not DataCite's arXiv DOIs (10.48550/...). */
static const char *crossref_doi(const char *doi)
{
	return doi && *doi && strncasecmp(doi, "10.48550/", 9) != 0 ? doi : NULL;
}

void pub__vmatch_day(pub__vpaper *p, pub__sync *s)
{
	pub__csl c;
	pub__http *h = NULL;
	const char *doi;
	char now[21], day[32];
	int vy;
	p->match.day[0] = '\0';
	if (!p->match.badge || !(vy = badge_year(p->match.badge)))
		return;
	if (!(doi = crossref_doi(p->match.doi)) && !(doi = crossref_doi(p->doi)))
		return;
	if (pub__sync_expired(s) || pub__sync_http(&h, s) < 0 || pub__http_held(h, PUB__SVC_CROSSREF))
		return;
	if (pub__crossref_fetch(&c, h, doi) < 0) {
		pub__csl_free(&c);
		return;
	}
	if (c.year > 0 && c.year <= vy) {
		if (c.month >= 1 && c.month <= 12 && c.day >= 1 && c.day <= 31)
			snprintf(day, sizeof(day), "%04d-%02d-%02d", c.year, c.month, c.day);
		else if (c.month >= 1 && c.month <= 12)
			snprintf(day, sizeof(day), "%04d-%02d", c.year, c.month);
		else
			snprintf(day, sizeof(day), "%04d", c.year);
		pub__now_iso(now);
		if (strlen(day) < sizeof(p->match.day) && strncmp(day, now, strlen(day)) <= 0)
			memcpy(p->match.day, day, strlen(day) + 1);
	}
	pub__csl_free(&c);
}
