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
#include "store/owner.h"
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

/* DBLP's homonym number of a display name ("Arun Kumar 0001": 1), 0
 * without one; *len is the name's length without it. */
static int homonym_number(const char *s, size_t *len)
{
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	*len = n;
	if (n > 5 && s[n - 5] == ' ' && isdigit((unsigned char)s[n - 4]) &&
	    isdigit((unsigned char)s[n - 3]) && isdigit((unsigned char)s[n - 2]) &&
	    isdigit((unsigned char)s[n - 1])) {
		*len = n - 5;
		return atoi(s + n - 4);
	}
	return 0;
}

/* "given family" folded, and the family alone, of one name. */
static int name_keys(char **full, char **family, const char *name)
{
	pub__name *nm;
	size_t k;
	*full = *family = NULL;
	pub__names_parse(&nm, &k, name);
	if (k >= 1 && nm[k - 1].last) {
		char *f = pub__fold_ascii(nm[k - 1].last);
		char *g = nm[k - 1].first ? pub__fold_ascii(nm[k - 1].first) : NULL;
		if (f) {
			*family = f;
			*full = pub__sprintf("%s %s", g ? g : "", f);
		}
		free(g);
	}
	pub__names_free(nm, k);
	return *family ? 0 : -1;
}

int pub__vowner_load(pub__vowner *o, pub_db *db)
{
	char *names = NULL, *p, *next, *dash;
	int err;
	memset(o, 0, sizeof(*o));
	if ((err = pub_config_get(&o->pid, db, "owner.dblp")) < 0 ||
	    (err = pub__owner_names(&names, db)) < 0)
		return err;
	if (o->pid && (dash = strrchr(o->pid, '-')) && isdigit((unsigned char)dash[1]))
		o->number = atoi(dash + 1);
	for (p = names; p && *p; p = next) {
		char *full, *family, *semi = strchr(p, ';');
		next = semi ? semi + 1 : NULL;
		if (semi)
			*semi = '\0';
		while (isspace((unsigned char)*p))
			p++;
		if (!*p || name_keys(&full, &family, p) < 0)
			continue;
		free(family);
		o->names = pub__realloc(o->names, (o->nnames + 1) * sizeof(char *));
		o->names[o->nnames++] = full;
	}
	free(names);
	return 0;
}

void pub__vowner_clear(pub__vowner *o)
{
	size_t i;
	for (i = 0; i < o->nnames; i++)
		free(o->names[i]);
	free(o->names);
	free(o->pid);
	memset(o, 0, sizeof(*o));
}

static int is_owner_name(const pub__vowner *o, const char *full)
{
	size_t i;
	for (i = 0; o && i < o->nnames; i++)
		if (strcmp(o->names[i], full) == 0)
			return 1;
	return 0;
}

/* One author: its family, or "" when it is a homonym of the owner that is
 * not the owner (another number than owner.dblp's, or another pid). */
static void add_author(pub__vauthors *a, const char *name, const char *pid,
	const pub__vowner *o)
{
	size_t len;
	int num = homonym_number(name, &len);
	char *plain = pub__strndup(name, len), *full, *family;
	if (pid && *pid) {
		a->has_pids = 1;
		if (o && o->pid && strcmp(pid, o->pid) == 0)
			a->has_owner_pid = 1;
	}
	if (name_keys(&full, &family, plain) == 0) {
		if (o && is_owner_name(o, full) &&
		    ((num && !(o->pid && o->number == num)) ||
		     (o->pid && pid && *pid && strcmp(pid, o->pid) != 0)))
			family[0] = '\0';
		free(full);
	} else {
		family = pub__strdup("");
	}
	free(plain);
	a->families = pub__realloc(a->families, (a->n + 1) * sizeof(char *));
	a->families[a->n++] = family;
}

void pub__vauthors_make(pub__vauthors *a, const char *const *names, const char *const *pids,
	size_t nnames, const char *bib_list, const pub__vowner *owner)
{
	size_t i;
	memset(a, 0, sizeof(*a));
	for (i = 0; i < nnames; i++)
		add_author(a, names[i], pids ? pids[i] : NULL, owner);
	if (bib_list) { /* DBLP's lists: "A and B 0002 and C" */
		const char *s = bib_list, *e;
		while (*s) {
			char *one;
			e = strstr(s, " and ");
			one = e ? pub__strndup(s, (size_t)(e - s)) : pub__strdup(s);
			add_author(a, one, NULL, owner);
			free(one);
			if (!e)
				break;
			s = e + 5;
		}
	}
}

void pub__vauthors_clear(pub__vauthors *a)
{
	size_t i;
	for (i = 0; i < a->n; i++)
		free(a->families[i]);
	free(a->families);
	memset(a, 0, sizeof(*a));
}

/* How many of p's family names the version's list has (each once). */
static size_t agreeing(const pub__vpaper *p, const pub__vauthors *a)
{
	char *used = pub__calloc(a->n ? a->n : 1, 1);
	size_t i, j, k = 0;
	for (i = 0; i < p->nfamilies; i++)
		for (j = 0; j < a->n; j++)
			if (!used[j] && *a->families[j] && strcmp(a->families[j], p->families[i]) == 0) {
				used[j] = 1;
				k++;
				break;
			}
	free(used);
	return k;
}

int pub__vacceptable(const pub__vpaper *p, const char *key, const char *venue,
	const char *type, const char *title, const pub__vauthors *a, int year)
{
	char *tk;
	size_t shorter, need;
	int same;
	if (pub__dblp_is_preprint(key, venue, type))
		return 0;
	if (!p->title_key || !(tk = pub__vtitle_key(title)))
		return 0;
	same = strcmp(tk, p->title_key) == 0 && *tk;
	free(tk);
	if (!same)
		return 0;
	/* with the owner's pid known, DBLP's own word on who wrote it */
	if (p->owner && p->owner->pid && a->has_pids && !a->has_owner_pid)
		return 0;
	shorter = a->n < p->nfamilies ? a->n : p->nfamilies;
	need = shorter < 2 ? 1 : (shorter + 1) / 2 > 2 ? (shorter + 1) / 2 : 2;
	if (agreeing(p, a) < need)
		return 0;
	return !p->year || !year || (year >= p->year - 1 && year <= p->year + 2);
}

static int rec_acceptable(const pub__vpaper *p, const pub__dblp_rec *r)
{
	pub__vauthors a;
	int ok;
	pub__vauthors_make(&a, NULL, NULL, 0, r->author, p->owner);
	ok = pub__vacceptable(p, r->key, NULL, NULL, r->title, &a, r->year);
	pub__vauthors_clear(&a);
	return ok;
}

static int rec_is_workshop(const pub__dblp_rec *r, const char *venue)
{
	return pub__dblp_is_workshop(r->key, venue, r->booktitle);
}

void pub__vtake_rec(pub__vpaper *p, const pub__dblp_rec *r, const char *venue)
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
		pub__vauthors au;
		int dup = 0;
		if (!hits[i].key)
			continue;
		for (j = 0; j < i && !dup; j++)
			dup = kind[j] && hits[j].key && strcmp(hits[j].key, hits[i].key) == 0;
		if (dup)
			continue;
		pub__vauthors_make(&au, (const char *const *)hits[i].authors,
			(const char *const *)hits[i].pids, hits[i].nauthors, NULL, p->owner);
		if (pub__vacceptable(p, hits[i].key, hits[i].venue, hits[i].type, hits[i].title,
			    &au, hits[i].year)) {
			kind[i] = pub__dblp_is_workshop(hits[i].key, hits[i].venue, NULL) ? 2 : 1;
			if (kind[i] == 1 && nmain++ == 0)
				main_at = i;
			if (kind[i] == 2)
				nwork++;
		}
		pub__vauthors_clear(&au);
	}
	p->dblp_none = nmain == 0 && nwork == 0;
	if (nmain == 1) {
		pub__dblp_rec r;
		err = pub__dblp_rec_get(&r, h, hits[main_at].key);
		if (err == 0 && !rec_is_workshop(&r, hits[main_at].venue))
			pub__vtake_rec(p, &r, hits[main_at].venue);
		else if (err == PUB_ENOTFOUND) /* no record: the hit's short venue */
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
	if (!pub__vacceptable(p, NULL, NULL, NULL, p->s2_title, &p->s2_authors, p->s2_year))
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
				pub__vtake_rec(p, &r, NULL);
			pub__dblp_rec_free(&r);
			if (p->match.badge)
				return 0;
		} else if (err != PUB_ENOTFOUND && err != PUB_EINVAL) {
			return err;
		}
	}
	return p->title_key && *p->title_key && !p->dblp_unknown ? search(p, h) : 0;
}

static int field_is_preprint(const char *v)
{
	static const char *const words[] = {"arxiv", "corr", "preprint", "biorxiv", "medrxiv"};
	return pub__contains_any_ci(v, words, sizeof(words) / sizeof(words[0]));
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

int pub__vfill_full(pub_db *db, const pub__vpaper *p)
{
	pub__bib_entry e;
	int err, set = 0;
	if (!p->match.full || !p->match.vfield)
		return 0;
	memset(&e, 0, sizeof(e));
	if ((err = pub__fields_load(&e, db, p->id)) < 0)
		return err;
	err = set_if_missing(db, &e, p->id, p->match.vfield, p->match.full, 1, &set);
	pub__fields_free(e.fields, e.nfields);
	if (err == 0 && set)
		err = pub__store_rederive(db, p->id, 0);
	return err;
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
		err = pub__event_add(db, PUB__EVENT_VENUE, p->id, 0, m->badge, m->source,
			m->day[0] ? m->day : NULL);
	return err;
}
