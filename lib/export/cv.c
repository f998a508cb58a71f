/*
 * cv.c: what the two CV writers share (cv.h): the year a CV shows, the
 * sections of the list, the venue's full name.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "export/cv.h"

#include "pub.h"
#include "util/alloc.h"
#include "export/bibtex.h"
#include "export/list.h"
#include "export/venue.h"

int pub__cv_year(const pub_paper *p)
{
	int y = p->venue ? pub__venue_year(p->venue) : 0;
	return y > 0 ? y : p->year;
}

enum { CONF, JOURNAL, PREPRINT, OTHER, NKINDS };

static int kind_of(const pub_paper *p)
{
	char *badge = pub__venue_badge(p), *name = NULL;
	int year, k;
	switch (pub__venue_parse(&name, &year, badge)) {
	case PUB__VENUE_CONFERENCE:
		k = CONF;
		break;
	case PUB__VENUE_JOURNAL:
		k = JOURNAL;
		break;
	default:
		/* a preprint's badge ("arXiv 2024", "Under review"); none at all:
		 * a thesis, a report, a talk */
		k = badge || (p->arxiv && *p->arxiv) ? PREPRINT : OTHER;
	}
	free(name);
	free(badge);
	return k;
}

void pub__cv_groups(pub__group **out, size_t *n, const pub__export_set *set)
{
	static const char *const titles[NKINDS] = {"Conference Papers",
		"Journal Articles", "Preprints", "Other"};
	int *kinds;
	size_t i;
	int k;
	if (set->opts && set->opts->group_by != PUB_GROUP_DEFAULT) {
		pub__groups_make(out, n, set);
		return;
	}
	*out = NULL;
	*n = 0;
	kinds = pub__calloc(set->npapers + 1, sizeof(*kinds));
	for (i = 0; i < set->npapers; i++)
		kinds[i] = kind_of(set->papers[i]);
	for (k = 0; k < NKINDS; k++) {
		pub__group *g = NULL;
		for (i = 0; i < set->npapers; i++) {
			if (kinds[i] != k)
				continue;
			if (!g) {
				*out = pub__realloc(*out, (*n + 1) * sizeof(**out));
				g = &(*out)[(*n)++];
				g->title = pub__strdup(titles[k]);
				g->idx = NULL;
				g->n = 0;
			}
			g->idx = pub__realloc(g->idx, (g->n + 1) * sizeof(*g->idx));
			g->idx[g->n++] = i;
		}
	}
	free(kinds);
}

char *pub__cv_venue_full(const pub_paper *p, const char *badge_name)
{
	pub_field *f = NULL;
	char **own = NULL, *full = NULL;
	size_t nf = 0, nown = 0, i;
	const char *type = pub__bib_published(&f, &nf, &own, &nown, p);
	const char *want = type && strcmp(type, "article") == 0 ? "journal" : "booktitle";
	for (i = 0; i < nf && !full; i++)
		if (f[i].name && strcmp(f[i].name, want) == 0 && f[i].value && *f[i].value &&
		    !(badge_name && strcasecmp(f[i].value, badge_name) == 0))
			full = pub__strdup(f[i].value);
	for (i = 0; i < nown; i++)
		free(own[i]);
	free(own);
	free(f);
	return full;
}
