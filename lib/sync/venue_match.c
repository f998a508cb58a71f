/*
 * venue_match.c: which found version is a paper's published version, and
 * storing it (see venues.h).
 */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "bibtex/entry.h"
#include "bibtex/value.h"
#include "text/latex.h"
#include "text/names.h"
#include "store/db.h"
#include "store/store.h"
#include "store/derive.h"
#include "store/events.h"
#include "net/dblp.h"
#include "sync/venues.h"

void pub__vmatch_clear(pub__vmatch *m)
{
	free(m->badge);
	free(m->key);
	free(m->ref);
	free(m->full);
	free(m->pages);
	free(m->doi);
	free(m->volume);
	free(m->number);
	memset(m, 0, sizeof(*m));
}

char *pub__vtitle_key(const char *title)
{
	char *k;
	size_t n;
	if (!title || !(k = pub__fold_ascii(title)))
		return NULL;
	n = strlen(k);
	while (n && k[n - 1] == ' ')
		k[--n] = '\0';
	if (k[0] == ' ')
		memmove(k, k + 1, n);
	return k;
}

/* A copy of `s` without DBLP's homonym numbers: " 0001" before an end,
 * a space or a comma. */
static char *without_homonyms(const char *s)
{
	pub__buf b = PUB__BUF_INIT;
	pub__buf_puts(&b, "");
	while (*s) {
		if (*s == ' ' && isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2]) &&
		    isdigit((unsigned char)s[3]) && isdigit((unsigned char)s[4]) &&
		    (!s[5] || isspace((unsigned char)s[5]) || s[5] == ',')) {
			s += 5;
			continue;
		}
		pub__buf_putc(&b, *s++);
	}
	return pub__buf_detach(&b);
}

static void add_families(char ***out, size_t *n, const char *list)
{
	pub__name *names;
	size_t k, i;
	char *clean = without_homonyms(list);
	pub__names_parse(&names, &k, clean);
	free(clean);
	for (i = 0; i < k; i++) {
		char *f;
		if (names[i].others || !names[i].last || !(f = pub__fold_ascii(names[i].last)))
			continue;
		*out = pub__realloc(*out, (*n + 1) * sizeof(char *));
		(*out)[(*n)++] = f;
	}
	pub__names_free(names, k);
}

char **pub__vfamilies(const char *const *names, size_t nnames, const char *bib_list,
	size_t *n)
{
	char **out = NULL;
	size_t i;
	*n = 0;
	for (i = 0; i < nnames; i++) {
		/* one display name ("Arun Kumar 0001"): its last word */
		char *plain = without_homonyms(names[i]);
		pub__name *nm;
		size_t k;
		pub__names_parse(&nm, &k, plain);
		if (k >= 1 && nm[k - 1].last) {
			char *f = pub__fold_ascii(nm[k - 1].last);
			if (f) {
				out = pub__realloc(out, (*n + 1) * sizeof(char *));
				out[(*n)++] = f;
			}
		}
		pub__names_free(nm, k);
		free(plain);
	}
	if (bib_list)
		add_families(&out, n, bib_list);
	return out;
}

static void free_strings(char **s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		free(s[i]);
	free(s);
}

int pub__vacceptable(const pub__vpaper *p, const char *key, const char *venue,
	const char *type, const char *title, char **families, size_t nfamilies, int year)
{
	char *tk;
	size_t i, j;
	int same, common = 0;
	if (pub__dblp_is_preprint(key, venue, type))
		return 0;
	if (!p->title_key || !(tk = pub__vtitle_key(title)))
		return 0;
	same = strcmp(tk, p->title_key) == 0 && *tk;
	free(tk);
	if (!same)
		return 0;
	for (i = 0; i < nfamilies && !common; i++)
		for (j = 0; j < p->nfamilies && !common; j++)
			common = *families[i] && strcmp(families[i], p->families[j]) == 0;
	if (!common)
		return 0;
	return !p->year || !year || (year >= p->year - 1 && year <= p->year + 2);
}

static int rec_acceptable(const pub__vpaper *p, const pub__dblp_rec *r)
{
	size_t nf;
	char **fam = pub__vfamilies(NULL, 0, r->author, &nf);
	int ok = pub__vacceptable(p, r->key, NULL, NULL, r->title, fam, nf, r->year);
	free_strings(fam, nf);
	return ok;
}

static int rec_is_workshop(const pub__dblp_rec *r, const char *venue)
{
	return pub__dblp_is_workshop(r->key, venue, r->booktitle);
}

/* Takes record r (with the search hit's short venue, when known). */
static void take_rec(pub__vpaper *p, const pub__dblp_rec *r, const char *venue)
{
	pub__vmatch *m = &p->match;
	char *shortv = pub__dblp_short_venue(r->key, venue, r->booktitle, r->journal);
	int journal = strcmp(r->type ? r->type : "", "article") == 0 ||
		(!r->booktitle && r->journal);
	if (!shortv)
		return;
	m->badge = r->year ? pub__sprintf("%s %d", shortv, r->year) : pub__strdup(shortv);
	free(shortv);
	m->source = "dblp";
	m->key = pub__strdup(r->key);
	m->ref = pub__strdup(r->key);
	m->vfield = journal ? "journal" : "booktitle";
	m->full = r->booktitle || r->journal ? pub__strdup(journal ? r->journal : r->booktitle) : NULL;
	m->pages = r->pages ? pub__strdup(r->pages) : NULL;
	m->doi = r->doi ? pub__strdup(r->doi) : NULL;
	if (journal) {
		m->volume = r->volume ? pub__strdup(r->volume) : NULL;
		m->number = r->number ? pub__strdup(r->number) : NULL;
	}
}

/* Takes a search hit whose record could not be had: the short venue and
 * year only. */
static void take_hit(pub__vpaper *p, const pub__dblp_hit *hit)
{
	pub__vmatch *m = &p->match;
	char *shortv = pub__dblp_short_venue(hit->key, hit->venue, NULL, NULL);
	if (!shortv)
		return;
	m->badge = hit->year ? pub__sprintf("%s %d", shortv, hit->year) : pub__strdup(shortv);
	free(shortv);
	m->source = "dblp";
	m->key = pub__strdup(hit->key);
	m->ref = pub__strdup(hit->key);
	m->vfield = "booktitle";
	m->doi = hit->doi ? pub__strdup(hit->doi) : NULL;
}

static void add_candidate(json_t *arr, const pub__dblp_hit *hit, int workshop)
{
	/* a workshop is named as DBLP names it ("CVPR Workshops"), not as
	 * its conference's stream would */
	char *shortv = pub__dblp_short_venue(workshop ? NULL : hit->key, hit->venue, NULL, NULL);
	char *badge = hit->year ? pub__sprintf("%s %d", shortv ? shortv : "?", hit->year)
				: pub__strdup(shortv ? shortv : "?");
	json_t *o = json_pack("{s:s, s:s, s:b}", "venue", badge, "dblp", hit->key ? hit->key : "",
		"workshop", workshop);
	if (o)
		json_array_append_new(arr, o);
	free(shortv);
	free(badge);
}

/* The search: the hits acceptable as p's published version. */
static int search(pub__vpaper *p, pub__http *h)
{
	pub__dblp_hit *hits = NULL;
	size_t nh = 0, i, j, nmain = 0, nwork = 0, main_at = 0;
	int *kind, err;
	if ((err = pub__dblp_search(&hits, &nh, h, p->title_key)) < 0)
		return err;
	kind = pub__calloc(nh ? nh : 1, sizeof(int)); /* 0 no, 1 main, 2 workshop */
	for (i = 0; i < nh; i++) {
		size_t nf;
		char **fam;
		int dup = 0;
		if (!hits[i].key)
			continue;
		for (j = 0; j < i && !dup; j++)
			dup = kind[j] && hits[j].key && strcmp(hits[j].key, hits[i].key) == 0;
		if (dup)
			continue;
		fam = pub__vfamilies((const char *const *)hits[i].authors, hits[i].nauthors, NULL, &nf);
		if (pub__vacceptable(p, hits[i].key, hits[i].venue, hits[i].type, hits[i].title,
			    fam, nf, hits[i].year)) {
			kind[i] = pub__dblp_is_workshop(hits[i].key, hits[i].venue, NULL) ? 2 : 1;
			if (kind[i] == 1 && nmain++ == 0)
				main_at = i;
			if (kind[i] == 2)
				nwork++;
		}
		free_strings(fam, nf);
	}
	if (nmain == 1) {
		pub__dblp_rec r;
		err = pub__dblp_rec_get(&r, h, hits[main_at].key);
		if (err == 0 && !rec_is_workshop(&r, hits[main_at].venue))
			take_rec(p, &r, hits[main_at].venue);
		else if (err == PUB_ENOTFOUND || err == PUB_ENET)
			err = 0, take_hit(p, &hits[main_at]);
		if (err == 0)
			pub__dblp_rec_free(&r);
	} else if (nmain > 1 || nwork > 0) {
		json_t *arr = json_array();
		for (i = 0; i < nh; i++)
			if (kind[i])
				add_candidate(arr, &hits[i], kind[i] == 2);
		p->candidates = json_dumps(arr, JSON_COMPACT);
		p->workshop_only = nmain == 0;
		json_decref(arr);
	}
	free(kind);
	pub__dblp_hits_free(hits, nh);
	return err;
}

static int field_is_preprint(const char *v);
static int find_dblp(pub__vpaper *p, pub__http *h);

/* arXiv.org's publicationVenue id at Semantic Scholar. */
#define S2_ARXIV_VENUE "1901e811-ee72-4b20-8f7e-de08cd395a10"

/* Semantic Scholar's own venue, for a paper DBLP does not place. */
static void take_s2(pub__vpaper *p)
{
	pub__vmatch *m = &p->match;
	const char *name = p->s2_pv_short ? p->s2_pv_short : p->s2_pv_name;
	int journal;
	if (!p->s2_found || p->s2_arxiv || !name || !*name || !p->s2_pv_type || !p->s2_year)
		return;
	journal = strcmp(p->s2_pv_type, "journal") == 0;
	if (!journal && strcmp(p->s2_pv_type, "conference") != 0)
		return;
	if ((p->s2_pv_id && strcmp(p->s2_pv_id, S2_ARXIV_VENUE) == 0) ||
	    field_is_preprint(p->s2_pv_name) || field_is_preprint(name))
		return;
	if (!pub__vacceptable(p, NULL, NULL, NULL, p->s2_title, p->s2_families,
		    p->s2_nfamilies, p->s2_year))
		return;
	m->badge = pub__sprintf("%s %d", name, p->s2_year);
	m->source = "semanticscholar";
	m->ref = pub__strdup(p->s2_paper_id ? p->s2_paper_id : "");
	m->vfield = journal ? "journal" : "booktitle";
	m->full = p->s2_pv_name ? pub__bib_value_from_text(p->s2_pv_name) : NULL;
}

int pub__vfind(pub__vpaper *p, pub__http *h)
{
	int err = find_dblp(p, h);
	if (err == 0 && !p->match.badge && !p->candidates)
		take_s2(p);
	return err;
}

static int find_dblp(pub__vpaper *p, pub__http *h)
{
	if (p->s2_dblp && !pub__dblp_is_preprint(p->s2_dblp, NULL, NULL)) {
		pub__dblp_rec r;
		int err = pub__dblp_rec_get(&r, h, p->s2_dblp);
		if (err == 0) {
			int ok = rec_acceptable(p, &r) && !rec_is_workshop(&r, NULL);
			if (ok)
				take_rec(p, &r, NULL);
			pub__dblp_rec_free(&r);
			if (p->match.badge)
				return 0;
		} else if (err != PUB_ENOTFOUND && err != PUB_EINVAL) {
			return err;
		}
	}
	return p->title_key && *p->title_key ? search(p, h) : 0;
}

static int field_is_preprint(const char *v)
{
	static const char *const words[] = {"arxiv", "corr", "preprint", "biorxiv", "medrxiv"};
	size_t i, j, n;
	for (i = 0; v && v[i]; i++)
		for (j = 0; j < sizeof(words) / sizeof(words[0]); j++) {
			n = strlen(words[j]);
			if (strncasecmp(v + i, words[j], n) == 0)
				return 1;
		}
	return 0;
}

static int set_if_missing(pub_db *db, const pub__bib_entry *e, int64_t id,
	const char *name, const char *value, int replace_preprint, int *set)
{
	const char *old = pub__bib_entry_get(e, name);
	int err;
	if (!value || !*value)
		return 0;
	if (old && *old && !(replace_preprint && field_is_preprint(old)))
		return 0;
	if ((err = pub__store_set_field(db, id, name, value)) < 0)
		return err;
	*set = 1;
	return 0;
}

int pub__vapply(pub_db *db, const pub__vpaper *p, int *changed)
{
	const pub__vmatch *m = &p->match;
	pub__bib_entry e;
	int err, set = 0;
	if ((err = pub__store_venue_found(changed, db, p->id, m->badge, m->source, m->key)) < 0 ||
	    !*changed)
		return err;
	memset(&e, 0, sizeof(e));
	if ((err = pub__fields_load(&e, db, p->id)) < 0)
		return err;
	err = set_if_missing(db, &e, p->id, m->vfield, m->full, 1, &set);
	if (err == 0)
		err = set_if_missing(db, &e, p->id, "pages", m->pages, 0, &set);
	if (err == 0) /* an arXiv DOI (10.48550/...) names the preprint */
		err = set_if_missing(db, &e, p->id, "doi", m->doi, 1, &set);
	if (err == 0)
		err = set_if_missing(db, &e, p->id, "volume", m->volume, 0, &set);
	if (err == 0)
		err = set_if_missing(db, &e, p->id, "number", m->number, 0, &set);
	pub__fields_free(e.fields, e.nfields);
	if (err == 0 && set)
		err = pub__store_rederive(db, p->id, 0);
	if (err == 0)
		err = pub__event_add(db, PUB__EVENT_VENUE, p->id, 0, m->badge, m->source, NULL);
	return err;
}
