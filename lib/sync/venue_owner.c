/*
 * venue_owner.c: the owner's Semantic Scholar author papers (owner.s2) and
 * ORCID works (owner.orcid) as sources of the venues step (venues.h),
 * after the owner's DBLP page and before the per-paper sources.  Both are
 * the owner's own lists, fetched once per session (profile_cache.h), so a
 * stored paper is matched by arXiv id, DOI or folded title alone (no
 * homonym can be on them).  A work gives a badge as the DBLP page does: a
 * published conference or journal version, never a preprint's or a
 * workshop's, named "ICLR 2024" (the DBLP key's stream and year when S2
 * names a DBLP record; else S2's publicationVenue short name or the
 * acronym of ORCID's journal title, and the year when it is the
 * venue's).  Whatever the badge, a paper that lacks a DOI or an arXiv id
 * gains the one its work carries.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pub.h"
#include "util/alloc.h"
#include "bibtex/entry.h"
#include "bibtex/value.h"
#include "store/derive.h"
#include "store/fields.h"
#include "store/merge.h"
#include "store/store.h"
#include "net/dblp.h"
#include "sync/venues.h"

static int year_fits(const pub__vpaper *p, int year)
{
	return !p->year || !year || (year >= p->year - 1 && year <= p->year + 2);
}

/* The year a DBLP key names ("conf/iclr/ZhaoJWY25" -> 2025,
 * "...Y24a" -> 2024), 0 when it names none. */
static int key_year(const char *key)
{
	const char *last = key ? strrchr(key, '/') : NULL;
	size_t n;
	int yy;
	if (!last)
		return 0;
	n = strlen(++last);
	while (n && islower((unsigned char)last[n - 1]))
		n--;
	if (n < 3 || !isdigit((unsigned char)last[n - 1]) || !isdigit((unsigned char)last[n - 2]) ||
	    isdigit((unsigned char)last[n - 3]))
		return 0;
	yy = (last[n - 2] - '0') * 10 + (last[n - 1] - '0');
	return yy < 70 ? 2000 + yy : 1900 + yy;
}

/* A preprint's or a workshop's venue: no badge. */
static int not_a_venue(const pub__work *w)
{
	return !w->type || !strcmp(w->type, "misc") ||
		pub__dblp_is_preprint(w->dblp, w->venue, NULL) ||
		pub__contains_ci(w->venue, "arxiv") || pub__contains_ci(w->venue, "preprint") ||
		pub__contains_ci(w->venue, "rxiv") || pub__dblp_is_workshop(w->dblp, w->venue, NULL);
}

/* The acronym ORCID's journal title names: "ICLR", "ICLR 2024" (*year
 * 2024), "International Conference on ... (ICLR)"; NULL for a plain full
 * name. */
static char *title_acronym(const char *v, int *year)
{
	const char *o, *c;
	size_t n;
	*year = 0;
	if (!v)
		return NULL;
	for (o = v; (o = strpbrk(o, "({")); o = c) {
		if (!(c = strpbrk(o + 1, ")}")))
			break;
		n = (size_t)(c - o - 1);
		if (n >= 2 && n <= 16 && isupper((unsigned char)o[1]) && !memchr(o + 1, ' ', n))
			return pub__strndup(o + 1, n);
	}
	n = strcspn(v, " ");
	if (n < 2 || n > 16 || !isupper((unsigned char)v[0]))
		return NULL;
	if (v[n]) { /* "ICLR 2024" only */
		const char *y = v + n + 1;
		if (strlen(y) != 4 || !isdigit((unsigned char)y[0]) || !isdigit((unsigned char)y[1]) ||
		    !isdigit((unsigned char)y[2]) || !isdigit((unsigned char)y[3]))
			return NULL;
		*year = atoi(y);
	}
	return pub__strndup(v, n);
}

/* Work w's badge parts: the short venue and its year; 0 when it gives no
 * badge. */
static int work_venue(char **shortv, int *year, const pub__work *w, int s2)
{
	int vy = 0;
	*shortv = NULL;
	*year = 0;
	if (not_a_venue(w))
		return 0;
	if (s2) {
		/* S2's year is the preprint's when it merged one: the DBLP
		 * key's year, else a year only without a preprint */
		if (w->dblp && (*shortv = pub__dblp_short_venue(w->dblp, NULL, NULL, NULL)))
			*year = key_year(w->dblp);
		if (!*shortv && w->venue_short)
			*shortv = pub__strdup(w->venue_short);
		if (!*year)
			*year = key_year(w->dblp) ? key_year(w->dblp) : w->arxiv ? 0 : w->year;
	} else {
		*shortv = title_acronym(w->venue, &vy);
		*year = vy ? vy : w->year;
	}
	if (!*shortv || !*year) {
		free(*shortv);
		*shortv = NULL;
		return 0;
	}
	return 1;
}

static int same_id(const char *a, const char *b)
{
	return a && b && strcasecmp(a, b) == 0;
}

/* Takes w as p's published version. */
static void take(pub__vpaper *p, const pub__work *w, char *shortv, int year, int s2)
{
	pub__vmatch *m = &p->match;
	int journal = w->type && !strcmp(w->type, "article");
	m->badge = pub__sprintf("%s %d", shortv, year);
	m->source = s2 ? "semanticscholar" : "orcid";
	m->key = s2 && w->dblp && !pub__dblp_is_preprint(w->dblp, NULL, NULL) ? pub__strdup(w->dblp)
									      : NULL;
	m->ref = pub__strdup(m->key ? m->key : w->doi ? w->doi : s2 ? "owner.s2" : "owner.orcid");
	m->vfield = journal ? "journal" : "booktitle";
	/* the full name, when the list gives more than the acronym */
	if (w->venue && strcmp(w->venue, shortv) != 0 && strchr(w->venue, ' '))
		m->full = pub__bib_value_from_text(w->venue);
	m->pages = w->pages ? pub__strdup(w->pages) : NULL;
	m->doi = w->doi ? pub__strdup(w->doi) : NULL;
	if (journal) {
		m->volume = w->volume ? pub__strdup(w->volume) : NULL;
		m->number = w->number ? pub__strdup(w->number) : NULL;
	}
}

void pub__vlist(pub__vpaper *ps, size_t n, const pub__work_list *l, int s2, size_t *placed)
{
	char **keys = pub__calloc(l->n ? l->n : 1, sizeof(char *));
	size_t i, j;
	*placed = 0;
	for (j = 0; j < l->n; j++)
		keys[j] = pub__vtitle_key(l->items[j].title);
	for (i = 0; i < n; i++) {
		pub__vpaper *p = &ps[i];
		const pub__work *pick = NULL;
		char *shortv = NULL, *doi = NULL, *arxiv = NULL;
		int year = 0, npub = 0, doi_clash = 0, arxiv_clash = 0;
		for (j = 0; j < l->n; j++) {
			const pub__work *w = &l->items[j];
			char *sv;
			int y;
			if (!same_id(p->arxiv, w->arxiv) && !same_id(p->doi, w->doi) &&
			    !(keys[j] && p->title_key && *keys[j] && !strcmp(keys[j], p->title_key) &&
				    year_fits(p, w->year)))
				continue;
			/* the ids it carries, unless two works disagree */
			if (w->doi && doi && strcasecmp(doi, w->doi))
				doi_clash = 1;
			else if (w->doi)
				doi = w->doi;
			if (w->arxiv && arxiv && strcmp(arxiv, w->arxiv))
				arxiv_clash = 1;
			else if (w->arxiv)
				arxiv = w->arxiv;
			if (p->placed || !work_venue(&sv, &y, w, s2))
				continue;
			if (!npub) {
				pick = w;
				shortv = sv;
				year = y;
				npub = 1;
				continue;
			}
			if (strcmp(sv, shortv) != 0 || y != year)
				npub++; /* two published versions: the others decide */
			free(sv);
		}
		if (!p->doi && doi && !doi_clash && !p->gain_doi)
			p->gain_doi = pub__strdup(doi);
		if (!p->arxiv && arxiv && !arxiv_clash && !p->gain_arxiv)
			p->gain_arxiv = pub__strdup(arxiv);
		if (pick && npub == 1) {
			take(p, pick, shortv, year, s2);
			p->placed = 1;
			(*placed)++;
		}
		free(shortv);
	}
	for (j = 0; j < l->n; j++)
		free(keys[j]);
	free(keys);
}

int pub__vgain_ids(pub_db *db, pub__vpaper *p, int *set, char **held)
{
	pub__bib_entry e;
	int err = 0;
	*set = 0;
	*held = NULL;
	if (!p->gain_doi && !p->gain_arxiv)
		return 0;
	/* an id another paper has: that paper is this one's twin */
	if (p->gain_doi && (err = pub__merge_id_holder(held, db, p->id, p->gain_doi, NULL)) == 0 &&
	    *held) {
		free(p->gain_doi);
		p->gain_doi = NULL;
	}
	if (err == 0 && p->gain_arxiv && !*held &&
	    (err = pub__merge_id_holder(held, db, p->id, NULL, p->gain_arxiv)) == 0 && *held) {
		free(p->gain_arxiv);
		p->gain_arxiv = NULL;
	}
	if (err < 0)
		return err;
	if (!p->gain_doi && !p->gain_arxiv)
		return 0;
	memset(&e, 0, sizeof(e));
	if ((err = pub__fields_load(&e, db, p->id)) < 0)
		return err;
	/* a field the entry has (an arXiv DOI, another eprint) stays: that id
	 * is not gained */
	if (p->gain_doi && pub__bib_entry_get(&e, "doi")) {
		free(p->gain_doi);
		p->gain_doi = NULL;
	}
	if (p->gain_arxiv && pub__bib_entry_get(&e, "eprint")) {
		free(p->gain_arxiv);
		p->gain_arxiv = NULL;
	}
	if (p->gain_doi && (err = pub__store_set_field(db, p->id, "doi", p->gain_doi)) == 0)
		*set = 1;
	if (err == 0 && p->gain_arxiv &&
	    (err = pub__store_set_field(db, p->id, "eprint", p->gain_arxiv)) == 0) {
		if (!pub__bib_entry_get(&e, "archiveprefix"))
			err = pub__store_set_field(db, p->id, "archiveprefix", "arXiv");
		*set = 1;
	}
	pub__fields_free(e.fields, e.nfields);
	if (err == 0 && *set)
		err = pub__store_rederive(db, p->id, 0);
	return err;
}
