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
#include "store/db.h"
#include "store/fields.h"
#include "store/paper.h"
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

static int export_preambles(pub_db *db, FILE *out, int ascii)
{
	sqlite3_stmt *st;
	pub__buf b = PUB__BUF_INIT;
	int err, rc, any = 0;
	if ((err = pub__db_stmt(&st, db, "SELECT text FROM preambles ORDER BY id")) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pub__bib_format_preamble(&b, (const char *)sqlite3_column_text(st, 0), ascii);
		any = 1;
	}
	sqlite3_reset(st);
	if (any)
		pub__buf_putc(&b, '\n');
	err = rc == SQLITE_DONE ? write_buf(out, &b) : pub__db_error(db, "reading preambles");
	pub__buf_free(&b);
	return err;
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

static const char *column(sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);
	return v && *v ? v : NULL;
}

/* BibTeX straight from papers.fields_json, no paper objects: one scan of
 * the table, or one row per paper when filtered.  pubdb's own data (links,
 * tags, marks, the badge) comes along in pubdb-* fields unless plain. */
/* Each alias of paper `id`, after the paper: the entry merged under it as
 * it was read (or, with no record of it, the paper's fields) and
 * PUB__ALIAS_OF naming the paper, by which an import makes the copy the
 * alias again instead of a paper.  A document citing the alias finds it.
 * --plain leaves PUB__ALIAS_OF out, as it leaves out pubdb's other fields. */
static int write_aliases(pub__buf *b, pub_db *db, int64_t id, const char *type,
	const char *key, const pub_field *f, size_t nf, int ascii, int plain)
{
	sqlite3_stmt *st;
	int err, rc;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT a.key, e.type, e.fields_json FROM aliases a "
		     "LEFT JOIN entry_sources e ON e.paper_id = a.paper_id AND "
		     "lower(e.key) = lower(a.key) AND e.position > 0 "
		     "WHERE a.paper_id = ?1 ORDER BY a.rowid")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pub_field *g = NULL;
		size_t ng = 0, i;
		const char *own = (const char *)sqlite3_column_text(st, 2);
		if (own && pub__fields_decode(&g, &ng, own) < 0) {
			err = pub__error(PUB_ERROR, "database '%s' is corrupt: a merged "
				"entry of '%s' is unreadable", db->path, key);
			break;
		}
		if (!own)
			for (i = 0; i < nf; i++)
				pub__fields_push(&g, &ng, f[i].name, f[i].value);
		if (!plain) /* plain: a copy for LaTeX alone */
			pub__fields_push(&g, &ng, PUB__ALIAS_OF, key);
		pub__buf_putc(b, '\n');
		pub__bib_format_entry(b, own ? (const char *)sqlite3_column_text(st, 1) : type,
			(const char *)sqlite3_column_text(st, 0), g, ng, ascii);
		pub__fields_free(g, ng);
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = pub__db_error(db, "reading aliases");
	sqlite3_reset(st);
	return err;
}

/* BibTeX straight from papers.fields_json, no paper objects: one scan of
 * the table, or one row per paper when filtered. */
int pub__export_bibtex(FILE *out, pub_db *db, const pub_export_opts *o)
{
#define COLUMNS "p.citekey, p.type, p.fields_json, p.venue, p.selected, p.rank, " \
	"p.arxiv_version, " \
	"(SELECT group_concat(replace(kind || '=' || url, ';', '\\;'), '; ') FROM " \
	"  (SELECT kind, url FROM links WHERE paper_id = p.id ORDER BY id)), " \
	"(SELECT group_concat(replace(name, ';', '\\;'), '; ') FROM (SELECT t.name FROM paper_tags pt " \
	"  JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = p.id ORDER BY t.name)), " \
	"(SELECT group_concat(position, ',') FROM (SELECT position FROM paper_authors " \
	"  WHERE paper_id = p.id AND role = 'author' AND equal ORDER BY position)), " \
	"(SELECT group_concat(position, ',') FROM (SELECT position FROM paper_authors " \
	"  WHERE paper_id = p.id AND role = 'author' AND corresponding ORDER BY position)), " \
	"(SELECT 'venue=' || replace(d.venue, ';', '\\;') || " \
	"  COALESCE('; tier=' || d.tier, '') || COALESCE('; day=' || d.day, '') || " \
	"  '; source=' || d.source || COALESCE('; id=' || replace(d.ref, ';', '\\;'), '') " \
	"  FROM decisions d WHERE d.paper_id = p.id AND d.status = 'accepted' " \
	"  AND d.venue IS NOT NULL) "
#define PLAIN_COLUMNS "p.citekey, p.type, p.fields_json, p.venue, 0, 0, 0, NULL, NULL, NULL, NULL, " \
	"NULL "
	/* Each alias (a key a merge absorbed) follows its paper as a copy
	 * under that key, so a document citing it still finds it.  Without
	 * aliases the scan asks nothing per row (a tenth of the export). */
#define ALIASES ", EXISTS (SELECT 1 FROM aliases WHERE paper_id = p.id), p.id "
#define NO_ALIASES ", 0, p.id "
#define ALL "FROM papers p ORDER BY p.id"
#define ONE "FROM papers p WHERE p.id = ?1"
	/* [one paper][plain][aliases] */
	static const char *const sql[2][2][2] = {
		{{"SELECT " COLUMNS NO_ALIASES ALL, "SELECT " COLUMNS ALIASES ALL},
		 {"SELECT " PLAIN_COLUMNS NO_ALIASES ALL, "SELECT " PLAIN_COLUMNS ALIASES ALL}},
		{{"SELECT " COLUMNS NO_ALIASES ONE, "SELECT " COLUMNS ALIASES ONE},
		 {"SELECT " PLAIN_COLUMNS NO_ALIASES ONE, "SELECT " PLAIN_COLUMNS ALIASES ONE}}};
#undef COLUMNS
#undef PLAIN_COLUMNS
#undef ALIASES
#undef NO_ALIASES
#undef ALL
#undef ONE
	sqlite3_stmt *st;
	int64_t *ids = NULL;
	size_t n = 0, i;
	pub__buf b = PUB__BUF_INIT;
	out_fields of;
	int err = 0, rc = SQLITE_DONE, first = 1;
	int whole = !o->filter.ntags && !o->filter.author && !o->filter.selected_only &&
		    !o->filter.query && !o->filter.key;
	int any_alias = 1;

	memset(&of, 0, sizeof(of));
	if (whole && (err = export_preambles(db, out, o->ascii)) < 0)
		return err;
	if (!whole && (err = pub__paper_ids(&ids, &n, db, &o->filter, 1)) < 0)
		return err;
	if ((err = pub__db_stmt(&st, db, "SELECT EXISTS (SELECT 1 FROM aliases)")) < 0)
		goto done;
	if (sqlite3_step(st) == SQLITE_ROW)
		any_alias = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	for (i = 0; err == 0 && i < (whole ? 1 : n); i++) {
		if ((err = pub__db_stmt(&st, db, sql[!whole][!!o->plain][any_alias])) < 0)
			break;
		if (!whole)
			sqlite3_bind_int64(st, 1, ids[i]);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *key = (const char *)sqlite3_column_text(st, 0);
			const char *venue = column(st, 3), *type;
			pub_field *f;
			size_t nf;
			if (pub__fields_decode(&f,
				    &nf, (const char *)sqlite3_column_text(st, 2)) < 0) {
				err = pub__error(PUB_ERROR, "database '%s' is corrupt: paper "
					"'%s' has unreadable fields", db->path, key);
				break;
			}
			if (!first)
				pub__buf_putc(&b, '\n');
			first = 0;
			type = published(&of, (const char *)sqlite3_column_text(st, 1), f, nf,
				venue, o->plain);
			if (!o->plain) {
				out_put(&of, "pubdb-venue", venue);
				if (sqlite3_column_int(st, 4))
					out_put(&of, "pubdb-selected", "1");
				if (sqlite3_column_int(st, 5))
					out_put(&of, "pubdb-rank", out_own(&of,
						pub__sprintf("%d", sqlite3_column_int(st, 5))));
				if (sqlite3_column_int(st, 6) > 0 &&
					sqlite3_column_int(st, 6) != fields_version(&of))
					out_put(&of, "pubdb-arxiv-version", out_own(&of,
						pub__sprintf("%d", sqlite3_column_int(st, 6))));
				out_put(&of, "pubdb-equal", column(st, 9));
				out_put(&of, "pubdb-corresponding", column(st, 10));
				out_put(&of, "pubdb-tags", column(st, 8));
				out_put(&of, "pubdb-links", column(st, 7));
				out_put(&of, "pubdb-decision", column(st, 11));
			}
			pub__bib_format_entry(&b, type, key, of.f, of.n, o->ascii);
			out_clear(&of);
			if (sqlite3_column_int(st, 12))
				err = write_aliases(&b, db, sqlite3_column_int64(st, 13),
					(const char *)sqlite3_column_text(st, 1), key, f, nf,
					o->ascii, o->plain);
			pub__fields_free(f, nf);
			if (err < 0 || (b.len > 65536 && (err = write_buf(out, &b)) < 0))
				break;
		}
		sqlite3_reset(st);
		if (err == 0 && rc != SQLITE_DONE)
			err = pub__db_error(db, "reading fields");
	}
	if (err == 0)
		err = write_buf(out, &b);
done:
	pub__buf_free(&b);
	free(of.f);
	free(of.own);
	free(ids);
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
