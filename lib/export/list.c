/*
 * list.c: the publication-list model shared by the HTML and Markdown
 * writers: which group a paper goes under, its badge, its links.
 */
#include "export/list.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "ids/github.h"
#include "export/export.h"
#include "export/render.h"
#include "export/venue.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void group_add(pub__group *g, size_t i)
{
	g->idx = pub__realloc(g->idx, (g->n + 1) * sizeof(*g->idx));
	g->idx[g->n++] = i;
}

static pub__group *groups_push(pub__group **g, size_t *n, const char *title)
{
	*g = pub__realloc(*g, (*n + 1) * sizeof(**g));
	(*g)[*n].title = title ? pub__strdup(title) : NULL;
	(*g)[*n].idx = NULL;
	(*g)[*n].n = 0;
	return &(*g)[(*n)++];
}

/* The tag as stored ("Efficient Video Generation" for --tag "efficient
 * video generation"), for the group's heading. */
static const char *stored_tag(const pub__export_set *set, const char *tag)
{
	size_t i, j;
	for (i = 0; i < set->npapers; i++)
		for (j = 0; j < set->papers[i]->ntags; j++)
			if (set->papers[i]->tags[j] && strcasecmp(set->papers[i]->tags[j], tag) == 0)
				return set->papers[i]->tags[j];
	return tag;
}

static int has_tag(const pub_paper *p, const char *tag)
{
	size_t i;
	for (i = 0; i < p->ntags; i++)
		if (p->tags[i] && strcasecmp(p->tags[i], tag) == 0)
			return 1;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	int c = strcasecmp(x, y);
	return c ? c : strcmp(x, y);
}

/* The venue's name without a trailing year: "ICLR 2025" -> "ICLR". */
static char *venue_key(const pub_paper *p)
{
	char *v = pub__venue_badge(p);
	size_t n;
	if (!v)
		return NULL;
	n = strlen(v);
	if (n > 5 && v[n - 5] == ' ' && isdigit((unsigned char)v[n - 4]) &&
		isdigit((unsigned char)v[n - 3]) && isdigit((unsigned char)v[n - 2]) &&
		isdigit((unsigned char)v[n - 1]))
		v[n - 5] = '\0';
	return v;
}

static void group_by_names(pub__group **out, size_t *n, const pub__export_set *set,
	int venue)
{
	const char **names = NULL;
	char **keys = pub__calloc(set->npapers + 1, sizeof(*keys));
	size_t nn = 0, i, j;
	int other = 0;
	for (i = 0; i < set->npapers; i++) {
		const pub_paper *p = set->papers[i];
		if (venue) {
			keys[i] = venue_key(p);
			if (!keys[i]) {
				other = 1;
				continue;
			}
			names = pub__realloc(names, (nn + 1) * sizeof(*names));
			names[nn++] = keys[i];
			continue;
		}
		if (p->ntags == 0)
			other = 1;
		names = pub__realloc(names, (nn + p->ntags + 1) * sizeof(*names));
		for (j = 0; j < p->ntags; j++)
			if (p->tags[j])
				names[nn++] = p->tags[j];
	}
	if (nn > 0)
		qsort(names, nn, sizeof(*names), cmp_str);
	for (i = 0; i < nn; i++) {
		pub__group *g;
		if (i > 0 && strcasecmp(names[i], names[i - 1]) == 0)
			continue;
		g = groups_push(out, n, names[i]);
		for (j = 0; j < set->npapers; j++)
			if (venue ? keys[j] && strcasecmp(keys[j], names[i]) == 0
				  : has_tag(set->papers[j], names[i]))
				group_add(g, j);
	}
	if (other) {
		pub__group *g = groups_push(out, n, "Other");
		for (j = 0; j < set->npapers; j++)
			if (venue ? !keys[j] : set->papers[j]->ntags == 0)
				group_add(g, j);
	}
	for (i = 0; i < set->npapers; i++)
		free(keys[i]);
	free(keys);
	free(names);
}

static int cmp_year_desc(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	if (x == 0 || y == 0)
		return (x == 0) - (y == 0); /* unknown years last */
	return (y > x) - (y < x);
}

static void group_by_year(pub__group **out, size_t *n, const pub__export_set *set)
{
	int *years = pub__calloc(set->npapers + 1, sizeof(*years));
	size_t i, j;
	int *of = pub__calloc(set->npapers + 1, sizeof(*of));
	for (i = 0; i < set->npapers; i++) {
		/* the published year: "ICLR 2025" files a 2024 preprint under 2025 */
		int y = pub__venue_year(set->papers[i]->venue);
		years[i] = of[i] = y ? y : set->papers[i]->year;
	}
	qsort(years, set->npapers, sizeof(*years), cmp_year_desc);
	for (i = 0; i < set->npapers; i++) {
		char title[32];
		pub__group *g;
		if (i > 0 && years[i] == years[i - 1])
			continue;
		if (years[i])
			snprintf(title, sizeof(title), "%d", years[i]);
		else
			snprintf(title, sizeof(title), "Undated");
		g = groups_push(out, n, title);
		for (j = 0; j < set->npapers; j++)
			if (of[j] == years[i])
				group_add(g, j);
	}
	free(years);
	free(of);
}

void pub__groups_make(pub__group **out, size_t *n, const pub__export_set *set)
{
	const pub_export_opts *o = set->opts;
	pub_group_by by = o ? o->group_by : PUB_GROUP_DEFAULT;
	size_t i, j;
	*out = NULL;
	*n = 0;
	if (by == PUB_GROUP_DEFAULT)
		by = o && o->filter.ntags > 0 ? PUB_GROUP_TAG : PUB_GROUP_NONE;
	if (by == PUB_GROUP_TAG && o && o->filter.ntags > 0) {
		for (i = 0; i < o->filter.ntags; i++) {
			pub__group *g;
			if (!o->filter.tags[i])
				continue;
			for (j = 0; j < i; j++) /* --tag X --tag X: one group */
				if (o->filter.tags[j] && strcasecmp(o->filter.tags[j], o->filter.tags[i]) == 0)
					break;
			if (j < i)
				continue;
			g = groups_push(out, n, stored_tag(set, o->filter.tags[i]));
			for (j = 0; j < set->npapers; j++)
				if (has_tag(set->papers[j], o->filter.tags[i]))
					group_add(g, j);
		}
	} else if (by == PUB_GROUP_TAG) {
		group_by_names(out, n, set, 0);
	} else if (by == PUB_GROUP_VENUE) {
		group_by_names(out, n, set, 1);
	} else if (by == PUB_GROUP_YEAR) {
		group_by_year(out, n, set);
	} else {
		pub__group *g = groups_push(out, n, NULL);
		for (j = 0; j < set->npapers; j++)
			group_add(g, j);
	}
	/* leave out empty groups */
	for (i = j = 0; i < *n; i++) {
		if ((*out)[i].n == 0) {
			free((*out)[i].title);
			free((*out)[i].idx);
			continue;
		}
		(*out)[j++] = (*out)[i];
	}
	*n = j;
}

void pub__groups_free(pub__group *g, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		free(g[i].title);
		free(g[i].idx);
	}
	free(g);
}

static char *text_of(const char *s)
{
	pub__buf b = PUB__BUF_INIT;
	pub__render_latex(&b, s, PUB__RENDER_TEXT);
	if (b.len == 0) {
		pub__buf_free(&b);
		return NULL;
	}
	return pub__buf_detach(&b);
}

char *pub__venue_badge(const pub_paper *p)
{
	const char *f;
	char *v;
	if (p->venue && (v = text_of(p->venue)) != NULL)
		return v;
	if (p->arxiv && *p->arxiv)
		return p->year > 0 ? pub__sprintf("arXiv %d", p->year) : pub__strdup("arXiv");
	if ((f = pub__paper_field(p, "journal")) || (f = pub__paper_field(p, "booktitle")))
		return text_of(f);
	return NULL;
}

static void olink_add(pub__olink **l, size_t *n, const pub_link *src)
{
	*l = pub__realloc(*l, (*n + 1) * sizeof(**l));
	(*l)[*n].kind = src->kind;
	(*l)[*n].url = src->url;
	(*l)[*n].stars = src->stars;
	(*l)[*n].own = NULL;
	(*n)++;
}

/* An identifier (DOI, arXiv id) as a URL path: characters that would
 * break a URL are percent-encoded. */
static char *id_url(const char *prefix, const char *id)
{
	pub__buf b = PUB__BUF_INIT;
	const unsigned char *p;
	pub__buf_puts(&b, prefix);
	for (p = (const unsigned char *)id; *p; p++) {
		if (isalnum(*p) || strchr("-._~/:;()!$*+,=@", *p))
			pub__buf_putc(&b, (char)*p);
		else
			pub__buf_printf(&b, "%%%02X", *p);
	}
	return pub__buf_detach(&b);
}

void pub__links_ordered(pub__olink **out, size_t *n, const pub_paper *p)
{
	static const char *first[] = {"paper", "code", "blog"};
	size_t i, k;
	int have_paper = 0;
	*out = NULL;
	*n = 0;
	for (i = 0; i < p->nlinks; i++)
		if (p->links[i].kind && strcmp(p->links[i].kind, "paper") == 0 &&
			pub__url_safe(p->links[i].url))
			have_paper = 1;
	for (k = 0; k < 3; k++) {
		if (k == 0 && !have_paper) {
			pub_link made = {"paper", NULL, -1, NULL};
			char *url = NULL;
			if (p->arxiv && *p->arxiv)
				url = id_url("https://arxiv.org/abs/", p->arxiv);
			else if (p->doi && *p->doi)
				url = id_url("https://doi.org/", p->doi);
			if (url && pub__url_safe(url)) {
				made.url = url;
				olink_add(out, n, &made);
				(*out)[*n - 1].own = url;
			} else {
				free(url);
			}
		}
		for (i = 0; i < p->nlinks; i++)
			if (p->links[i].kind && strcmp(p->links[i].kind, first[k]) == 0 &&
				pub__url_safe(p->links[i].url))
				olink_add(out, n, &p->links[i]);
	}
	for (i = 0; i < p->nlinks; i++) {
		const char *kind = p->links[i].kind;
		if (!kind || !*kind || !strcmp(kind, "paper") || !strcmp(kind, "code") ||
			!strcmp(kind, "blog") || !pub__url_safe(p->links[i].url))
			continue;
		olink_add(out, n, &p->links[i]);
	}
}

void pub__links_free(pub__olink *l, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		free(l[i].own);
	free(l);
}

const char *pub__repo_name(const pub_repo *r)
{
	return r->display_name && *r->display_name ? r->display_name : r->name;
}

const char *pub__repo_description(const pub_repo *r)
{
	return r->display_description && *r->display_description
		? r->display_description : r->description;
}

long pub__links_stars(const pub__olink *l, size_t n, pub__urlset *shown)
{
	size_t i = pub__links_stars_at(l, n, shown);
	return i < n ? l[i].stars : -1;
}

size_t pub__links_stars_at(const pub__olink *l, size_t n, pub__urlset *shown)
{
	size_t i, j;
	for (i = 0; i < n; i++) {
		if (strcmp(l[i].kind, "code") != 0 || l[i].stars < 0 ||
			!pub__url_is_repo_root(l[i].url))
			continue;
		for (j = 0; shown && j < shown->n; j++)
			if (pub__github_same_repo(shown->url[j], l[i].url))
				return n; /* this group already shows that count */
		if (shown) {
			if (shown->n == shown->cap) {
				shown->cap = shown->cap ? shown->cap * 2 : 8;
				shown->url = pub__realloc(shown->url, shown->cap * sizeof(*shown->url));
			}
			shown->url[shown->n++] = l[i].url;
		}
		return i;
	}
	return n;
}

void pub__urlset_clear(pub__urlset *s)
{
	free(s->url);
	s->url = NULL;
	s->n = s->cap = 0;
}

char *pub__author_display(const pub_author *a)
{
	pub__buf b = PUB__BUF_INIT;
	if (a->name && *a->name)
		return pub__strdup(a->name);
	if (a->given && *a->given)
		pub__buf_printf(&b, "%s ", a->given);
	if (a->von && *a->von)
		pub__buf_printf(&b, "%s ", a->von);
	if (a->family)
		pub__buf_puts(&b, a->family);
	if (a->jr && *a->jr)
		pub__buf_printf(&b, ", %s", a->jr);
	return pub__buf_detach(&b);
}

int pub__set_has_equal(const pub__export_set *set)
{
	size_t i, j;
	for (i = 0; i < set->npapers; i++)
		for (j = 0; j < set->papers[i]->nauthors; j++)
			if (set->papers[i]->authors[j].equal)
				return 1;
	return 0;
}

const char *pub__paper_field(const pub_paper *p, const char *name)
{
	size_t i;
	for (i = 0; i < p->nfields; i++)
		if (p->fields[i].name && strcmp(p->fields[i].name, name) == 0 &&
			p->fields[i].value && *p->fields[i].value)
			return p->fields[i].value;
	return NULL;
}

char *pub__name_unique(char *const *taken, size_t n, const char *base)
{
	char *name = pub__strdup(base);
	unsigned dup = 1;
	size_t j;
	for (j = 0; j < n; j++) {
		if (taken[j] && strcmp(taken[j], name) == 0) {
			free(name);
			name = pub__sprintf("%s-%u", base, ++dup);
			j = (size_t)-1; /* check the new name from the start */
		}
	}
	return name;
}
