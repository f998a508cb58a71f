/*
 * bibtex.c: the BibTeX and biblatex exports.  BibTeX is written straight
 * from the stored fields, row by row, without loading whole papers.
 */
#include "export/bibtex.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "bibtex/entry.h"
#include "bibtex/writer.h"
#include "ids/arxiv.h"
#include "store/alias.h"
#include "store/bib.h"
#include "store/fields.h"
#include "export/export.h"
#include "export/venue.h"
#include "text/person.h"

#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

static int write_buf(FILE *out, pub__buf *b)
{
	if (b->len && fwrite(b->ptr, 1, b->len, out) != b->len)
		return pub__error(PUB_ERROR, "cannot write the export");
	pub__buf_clear(b);
	return 0;
}

/* The fields an entry goes out with: borrowed pointers, and the strings
 * made for this entry, freed together by out_clear(). */
typedef struct out_fields {
	pub_field *f;
	size_t n, cap;
	char **own;
	size_t nown, owncap;
} out_fields;

static void out_put(out_fields *o, const char *name, const char *value)
{
	if (!value)
		return;
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 16;
		o->f = pub__realloc(o->f, o->cap * sizeof(*o->f));
	}
	o->f[o->n].name = (char *)name;
	o->f[o->n++].value = (char *)value;
}

static const char *out_own(out_fields *o, char *s)
{
	if (o->nown == o->owncap) {
		o->owncap = o->owncap ? o->owncap * 2 : 8;
		o->own = pub__realloc(o->own, o->owncap * sizeof(*o->own));
	}
	return o->own[o->nown++] = s;
}

static void out_clear(out_fields *o)
{
	size_t i;
	for (i = 0; i < o->nown; i++)
		free(o->own[i]);
	o->n = o->nown = 0;
}

static const char *get(const pub_field *f, size_t n, const char *name)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (strcmp(f[i].name, name) == 0)
			return f[i].value;
	return NULL;
}

static int contains_ci(const char *s, const char *w)
{
	size_t n = strlen(w);
	for (; *s; s++)
		if (strncasecmp(s, w, n) == 0)
			return 1;
	return 0;
}

/* A preprint's entry, which a venue badge turns into the published one:
 * @misc and its kin, or an @article that names no journal, arXiv as its
 * journal, or an eprint (arXiv's journal_ref is free text). */
static int preprint_like(const char *type, const pub_field *f, size_t n)
{
	const char *j;
	if (!strcmp(type, "misc") || !strcmp(type, "unpublished") || !strcmp(type, "online") ||
		!strcmp(type, "preprint") || !strcmp(type, "electronic"))
		return 1;
	if (strcmp(type, "article") != 0)
		return 0;
	j = get(f, n, "journal");
	return !j || !*j || contains_ci(j, "arxiv") || contains_ci(j, "corr") ||
		get(f, n, "eprint");
}

/* A stored booktitle or journal naming a venue, not a preprint server. */
static int real_venue(const char *v)
{
	return v && *v && !contains_ci(v, "arxiv") && strcasecmp(v, "CoRR") != 0 &&
		strncasecmp(v, "CoRR ", 5) != 0 && !contains_ci(v, "preprint");
}

/* The entry to write: with a published venue badge ("ICLR 2025") a
 * preprint's fields become @inproceedings with booktitle (or @article with
 * journal) and the badge's year, derived here, never stored; the fields it
 * changes are kept in pubdb-stored-NAME (empty: the field was absent) so
 * that `add` restores the stored entry.  Returns the entry type. */
static const char *published(out_fields *o, const char *type, const pub_field *f,
	size_t n, const char *venue, int plain)
{
	char *name = NULL, ys[16];
	int year = 0, year_changed = 0, placed = 0, kept = 0;
	pub__venue_kind kind = pub__venue_parse(&name, &year, venue);
	const char *vfield, *drop, *stored_year;
	size_t i;
	if (kind == PUB__VENUE_NONE || !preprint_like(type, f, n)) {
		for (i = 0; i < n; i++)
			out_put(o, f[i].name, f[i].value);
		free(name);
		return type;
	}
	out_own(o, name);
	vfield = kind == PUB__VENUE_CONFERENCE ? "booktitle" : "journal";
	drop = kind == PUB__VENUE_CONFERENCE ? "journal" : NULL;
	snprintf(ys, sizeof(ys), "%d", year);
	stored_year = get(f, n, "year");
	year_changed = year && (!stored_year || strcmp(stored_year, ys) != 0);
	for (i = 0; i < n; i++) {
		const char *fn = f[i].name;
		if (year_changed && !strcmp(fn, "year")) {
			out_put(o, fn, out_own(o, pub__strdup(ys)));
		} else if (year_changed && !strcmp(fn, "month")) {
			continue; /* the preprint's month, not the publication's */
		} else if (!strcmp(fn, vfield)) {
			/* a full venue name found with the badge (refresh
			 * --venues: DBLP's booktitle) stays; a preprint's
			 * "arXiv preprint ..." gives way to the badge's name */
			if (real_venue(f[i].value)) {
				out_put(o, fn, f[i].value);
				kept = 1;
			} else {
				out_put(o, fn, name);
			}
			placed = 1;
		} else if (drop && !strcmp(fn, drop)) {
			continue;
		} else {
			out_put(o, fn, f[i].value);
		}
	}
	if (!placed)
		out_put(o, vfield, name);
	if (year_changed && !stored_year)
		out_put(o, "year", out_own(o, pub__strdup(ys)));
	if (!plain) {
		const char *v;
		out_put(o, "pubdb-stored-type", type);
		if (year_changed) {
			out_put(o, "pubdb-stored-year", stored_year ? stored_year : "");
			if ((v = get(f, n, "month")))
				out_put(o, "pubdb-stored-month", v);
		}
		v = get(f, n, vfield);
		if (!kept && (!v || strcmp(v, name) != 0))
			out_put(o, kind == PUB__VENUE_CONFERENCE ? "pubdb-stored-booktitle"
								  : "pubdb-stored-journal", v ? v : "");
		if (drop && (v = get(f, n, drop)))
			out_put(o, "pubdb-stored-journal", v);
	}
	return kind == PUB__VENUE_CONFERENCE ? "inproceedings" : "article";
}

const char *pub__bib_published(pub_field **out, size_t *n, char ***own, size_t *nown,
	const pub_paper *p)
{
	out_fields o;
	const char *type;
	memset(&o, 0, sizeof(o));
	type = published(&o, p->type, p->fields, p->nfields, p->venue, 1);
	*out = o.f;
	*n = o.n;
	*own = o.own;
	*nown = o.nown;
	return type;
}

/* The arXiv version the fields themselves name (eprint 2408.12588v3), 0
 * when none: pubdb-arxiv-version is written only when it says more. */
static int fields_version(const out_fields *o)
{
	pub__bib_entry e;
	char *id = NULL;
	int version = 0;
	memset(&e, 0, sizeof(e));
	e.fields = o->f;
	e.nfields = o->n;
	if (!pub__arxiv_of_entry(&id, &version, &e))
		version = 0;
	free(id);
	return version;
}

/* One BibTeX export under way. */
typedef struct bib_run {
	pub_db *db;
	FILE *out;
	const pub_export_opts *o;
	pub__buf b;
	out_fields of;
	int first;
	const pub__bib_row *paper; /* the paper whose aliases are written */
} bib_run;

static int put_preamble(const char *text, void *ctx)
{
	bib_run *R = ctx;
	pub__bib_format_preamble(&R->b, text, R->o->ascii);
	return 0;
}

/* Each alias of a paper follows it: the entry merged under it as it was
 * read (or, with no record of it, the paper's fields) and PUB__ALIAS_OF
 * naming the paper, by which an import makes the copy the alias again
 * instead of a paper.  A document citing the alias finds it.  --plain
 * leaves PUB__ALIAS_OF out, as it leaves out pubdb's other fields. */
static int put_alias(const pub__bib_alias *a, void *ctx)
{
	bib_run *R = ctx;
	const pub__bib_row *p = R->paper;
	const pub_field *src = a->type ? a->fields : p->fields;
	size_t nsrc = a->type ? a->nfields : p->nfields, ng = 0, i;
	pub_field *g = NULL;
	for (i = 0; i < nsrc; i++)
		pub__fields_push(&g, &ng, src[i].name, src[i].value);
	if (!R->o->plain) /* plain: a copy for LaTeX alone */
		pub__fields_push(&g, &ng, PUB__ALIAS_OF, p->key);
	pub__buf_putc(&R->b, '\n');
	pub__bib_format_entry(&R->b, a->type ? a->type : p->type, a->key, g, ng, R->o->ascii);
	pub__fields_free(g, ng);
	return 0;
}

static int put_paper(const pub__bib_row *r, void *ctx)
{
	bib_run *R = ctx;
	out_fields *of = &R->of;
	const char *type;
	int err = 0;
	if (!R->first)
		pub__buf_putc(&R->b, '\n');
	R->first = 0;
	type = published(of, r->type, r->fields, r->nfields, r->venue, R->o->plain);
	if (!R->o->plain) {
		out_put(of, "pubdb-venue", r->venue);
		if (r->selected)
			out_put(of, "pubdb-selected", "1");
		if (r->rank)
			out_put(of, "pubdb-rank", out_own(of, pub__sprintf("%d", r->rank)));
		if (r->arxiv_version > 0 && r->arxiv_version != fields_version(of))
			out_put(of, "pubdb-arxiv-version", out_own(of,
				pub__sprintf("%d", r->arxiv_version)));
		out_put(of, "pubdb-equal", r->equal);
		out_put(of, "pubdb-corresponding", r->corresponding);
		out_put(of, "pubdb-tags", r->tags);
		out_put(of, "pubdb-links", r->links);
		out_put(of, "pubdb-decision", r->decision);
	}
	pub__bib_format_entry(&R->b, type, r->key, of->f, of->n, R->o->ascii);
	out_clear(of);
	if (r->has_aliases) {
		R->paper = r;
		err = pub__bib_aliases_foreach(R->db, r->id, r->key, put_alias, R);
	}
	if (err == 0 && R->b.len > 65536)
		err = write_buf(R->out, &R->b);
	return err;
}

/* BibTeX straight from papers.fields_json, no paper objects: one scan of
 * the table, or one row per paper when filtered.  pubdb's own data (links,
 * tags, marks, the badge) comes along in pubdb-* fields unless plain. */
int pub__export_bibtex(FILE *out, pub_db *db, const pub_export_opts *o)
{
	bib_run R;
	int err = 0;
	int whole = !o->filter.ntags && !o->filter.author && !o->filter.selected_only &&
		    !o->filter.query && !o->filter.key;

	memset(&R, 0, sizeof(R));
	R.db = db;
	R.out = out;
	R.o = o;
	R.first = 1;
	/* the preambles open a whole export, a blank line after them */
	if (whole && (err = pub__bib_preambles_foreach(db, put_preamble, &R)) == 0 && R.b.len)
		pub__buf_putc(&R.b, '\n');
	if (err == 0)
		err = pub__bib_rows_foreach(db, whole ? NULL : &o->filter, o->plain, put_paper, &R);
	if (err == 0)
		err = write_buf(out, &R.b);
	pub__buf_free(&R.b);
	free(R.of.f);
	free(R.of.own);
	return err;
}

/* biblatex's data annotations of the author list (biblatex manual, "Data
 * Annotations"): "1=highlight,equal;3=equal", items by position separated
 * by ";", the annotations of one item by ",".  highlight marks the owner
 * (`config owner`), equal an equal contribution; NULL when neither. */
char *pub__biblatex_author_an(const pub_paper *p, const char *owner)
{
	pub__buf b = PUB__BUF_INIT;
	size_t i;
	for (i = 0; i < p->nauthors; i++) {
		int me = owner && *owner && pub__author_is_owner(&p->authors[i], owner);
		if (!me && !p->authors[i].equal)
			continue;
		pub__buf_printf(&b, "%s%zu=%s%s%s", b.len ? ";" : "", i + 1,
			me ? "highlight" : "", me && p->authors[i].equal ? "," : "",
			p->authors[i].equal ? "equal" : "");
	}
	return b.len ? pub__buf_detach(&b) : NULL;
}

/* biblatex: the same fields, with arXiv papers as eprint/eprinttype/
 * eprintclass and journal as journaltitle; the owner and equal
 * contributors marked in author+an (a stored author+an is kept). */
int pub__export_biblatex(FILE *out, const pub__export_set *set)
{
	pub__buf b = PUB__BUF_INIT;
	size_t i, j;
	int err = 0;
	for (i = 0; i < set->npapers && err == 0; i++) {
		const pub_paper *p = set->papers[i];
		pub_field *f = pub__calloc(p->nfields + 5, sizeof(*f));
		char *ids, *an = NULL;
		size_t n = 0;
		const char *category = NULL;
		for (j = 0; j < p->nfields; j++) {
			const char *name = p->fields[j].name;
			if (strcmp(name, "primaryclass") == 0) {
				category = p->fields[j].value;
				continue;
			}
			if (p->arxiv && (strcmp(name, "archiveprefix") == 0 ||
					 strcmp(name, "eprint") == 0 ||
					 strcmp(name, "eprinttype") == 0 ||
					 strcmp(name, "eprintclass") == 0))
				continue;
			f[n].name = strcmp(name, "journal") == 0 ? "journaltitle" : p->fields[j].name;
			f[n].value = p->fields[j].value;
			n++;
		}
		if (p->arxiv) {
			f[n].name = "eprint";
			f[n++].value = p->arxiv;
			f[n].name = "eprinttype";
			f[n++].value = "arxiv";
			if (category) {
				f[n].name = "eprintclass";
				f[n++].value = (char *)category;
			}
		}
		for (j = 0; j < n && strcmp(f[j].name, "author+an") != 0; j++)
			;
		if (j == n && (an = pub__biblatex_author_an(p, set->owner)) != NULL) {
			f[n].name = "author+an";
			f[n++].value = an;
		}
		if (i)
			pub__buf_putc(&b, '\n');
		ids = NULL;
		if (p->naliases) {
			/* biblatex's own way: other keys of this entry, which
			 * biber resolves to it. */
			pub__buf a = PUB__BUF_INIT;
			const char *old = NULL;
			for (j = 0; j < n; j++)
				if (strcmp(f[j].name, "ids") == 0)
					old = f[j].value;
			if (old)
				pub__buf_puts(&a, old);
			for (j = 0; j < p->naliases; j++) {
				if (a.len)
					pub__buf_putc(&a, ',');
				pub__buf_puts(&a, p->aliases[j]);
			}
			ids = pub__buf_detach(&a);
			for (j = 0; j < n && strcmp(f[j].name, "ids") != 0; j++)
				;
			if (j == n) {
				f[n].name = "ids";
				n++;
			}
			f[j].value = ids;
		}
		pub__bib_format_entry(&b, p->type, p->key, f, n, set->opts->ascii);
		free(ids);
		free(an);
		free(f);
		if (b.len > 65536)
			err = write_buf(out, &b);
	}
	if (err == 0)
		err = write_buf(out, &b);
	pub__buf_free(&b);
	return err;
}
