/*
 * venue_page.c: the owner's DBLP person page as the venues step's first
 * source (venues.h).  One request lists every record of the owner with its
 * venue; a stored paper is matched to its published record by DOI, by
 * title, or by the title of the CoRR record that carries its arXiv id.
 * Every badge comes from the page alone, stored at once; then the full
 * venue names, from the proceedings records the page's `crossref` fields
 * name (/rec/conf/iclr/2024.bib), one request per venue and year shared by
 * all its papers; only a paper whose proceedings record is missing costs a
 * request of its own (/rec/KEY.bib).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "net/dblp.h"
#include "net/profile.h"
#include "sync/venues.h"

/* One proceedings record, asked once. */
typedef struct proc {
	const char *key; /* the page's crossref (not owned) */
	int err;         /* 0, or the request's error */
	char *msg;       /* its message */
	pub__dblp_rec rec;
} proc;

static int is_preprint_work(const pub__work *w)
{
	return pub__dblp_is_preprint(w->dblp, NULL, NULL) ||
		(w->type && strcmp(w->type, "misc") == 0);
}

static int year_fits(const pub__vpaper *p, int year)
{
	return !p->year || !year || (year >= p->year - 1 && year <= p->year + 2);
}

/* The one published record of the page that is p's, or -1 (none, or
 * more than one: the other sources decide). */
static long find_work(const pub__vpaper *p, const pub__work_list *l, char **keys)
{
	const char *alt = NULL;
	size_t i;
	long found = -1;
	int n = 0;
	/* the CoRR record of p's arXiv id: its title, when p's differs */
	for (i = 0; i < l->n && p->arxiv; i++)
		if (l->items[i].arxiv && strcmp(l->items[i].arxiv, p->arxiv) == 0 &&
		    is_preprint_work(&l->items[i]) && keys[i])
			alt = keys[i];
	for (i = 0; i < l->n; i++) {
		const pub__work *w = &l->items[i];
		int same;
		if (is_preprint_work(w) || !w->dblp ||
		    pub__dblp_is_workshop(w->dblp, w->venue, NULL))
			continue;
		same = (p->doi && w->doi && strcasecmp(p->doi, w->doi) == 0) ||
			(keys[i] && ((p->title_key && strcmp(keys[i], p->title_key) == 0) ||
				     (alt && strcmp(keys[i], alt) == 0)));
		if (!same || !year_fits(p, w->year))
			continue;
		if (n++ == 0)
			found = (long)i;
	}
	return n == 1 ? found : -1;
}

static proc *proc_get(proc **ps, size_t *n, pub__http *h, const char *key)
{
	size_t i;
	for (i = 0; i < *n; i++)
		if (strcmp((*ps)[i].key, key) == 0)
			return &(*ps)[i];
	*ps = pub__realloc(*ps, (*n + 1) * sizeof(**ps));
	memset(&(*ps)[*n], 0, sizeof(**ps));
	(*ps)[*n].key = key;
	if (((*ps)[*n].err = pub__dblp_rec_get(&(*ps)[*n].rec, h, key)) < 0)
		(*ps)[*n].msg = pub__strdup(pub_error_last());
	return &(*ps)[(*n)++];
}

static char *join_authors(const pub__work *w)
{
	pub__buf b = PUB__BUF_INIT;
	size_t i;
	pub__buf_puts(&b, "");
	for (i = 0; i < w->nauthors; i++)
		pub__buf_printf(&b, "%s%s", i ? " and " : "", w->authors[i]);
	return pub__buf_detach(&b);
}

/* Takes work w for p from the page alone: the badge (short venue and
 * year), pages, DOI, a journal's name; the full name of a proceedings
 * comes in the second phase. */
static void take_work(pub__vpaper *p, const pub__work *w)
{
	pub__dblp_rec r;
	int journal = w->type && strcmp(w->type, "article") == 0;
	memset(&r, 0, sizeof(r));
	if (journal) {
		r.journal = w->venue;
		r.volume = w->volume;
		r.number = w->number;
	}
	r.key = w->dblp;
	r.type = w->type;
	r.title = w->title;
	r.pages = w->pages;
	r.doi = w->doi;
	r.year = w->year;
	r.author = join_authors(w);
	pub__vtake_rec(p, &r, w->venue);
	free(r.author);
	if (!journal && p->match.badge) {
		p->match.vfield = "booktitle";
		p->page_crossref = pub__strdup(w->crossref ? w->crossref : "");
	}
}

void pub__vpage(pub__vpaper *ps, size_t n, const pub__work_list *l, size_t *placed)
{
	size_t i;
	char **keys;
	*placed = 0;
	keys = pub__calloc(l->n ? l->n : 1, sizeof(char *));
	for (i = 0; i < l->n; i++)
		keys[i] = pub__vtitle_key(l->items[i].title);
	for (i = 0; i < n; i++) {
		long at;
		if (ps[i].placed || (at = find_work(&ps[i], l, keys)) < 0)
			continue;
		take_work(&ps[i], &l->items[at]);
		if (ps[i].match.badge) {
			ps[i].placed = 1;
			(*placed)++;
		}
	}
	for (i = 0; i < l->n; i++)
		free(keys[i]);
	free(keys);
}

int pub__vpage_names(pub__vpaper *ps, size_t n, pub__http *h)
{
	proc *procs = NULL;
	size_t nprocs = 0, i;
	int err = 0;
	for (i = 0; i < n && err == 0; i++) {
		pub__vpaper *p = &ps[i];
		proc *pr;
		if (!p->page_crossref || p->match.full)
			continue;
		pr = *p->page_crossref ? proc_get(&procs, &nprocs, h, p->page_crossref) : NULL;
		if (pr && pr->err == 0) {
			p->match.full = pub__strdup(pr->rec.title);
			p->named = 1;
		} else if (!pr || pr->err == PUB_ENOTFOUND || pr->err == PUB_EINVAL) {
			/* the page lacks it: the paper's own record */
			pub__dblp_rec r;
			if ((err = pub__dblp_rec_get(&r, h, p->match.key)) == 0) {
				if (r.booktitle)
					p->match.full = pub__strdup(r.booktitle);
				p->named = p->match.full != NULL;
				pub__dblp_rec_free(&r);
			} else if (err == PUB_ENOTFOUND) {
				err = 0;
			}
		} else {
			err = pub__error(pr->err, "%s", pr->msg);
		}
	}
	for (i = 0; i < nprocs; i++) {
		if (procs[i].err == 0)
			pub__dblp_rec_free(&procs[i].rec);
		free(procs[i].msg);
	}
	free(procs);
	return err;
}
