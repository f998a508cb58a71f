/*
 * import.c: `pubdb add FILE.bib`: reads entries with the streaming reader
 * and stores them in one transaction, so a failed or strict import leaves
 * the database as it was.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/import.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "bibtex/entry.h"
#include "bibtex/reader.h"
#include "text/latex.h"
#include "text/names.h"
#include "text/person.h"
#include "store/alias.h"
#include "store/db.h"
#include "store/events.h"
#include "store/links.h"
#include "store/merge.h"
#include "store/owner.h"
#include "store/store.h"

static void warn(const pub_import_opts *o, pub_import_stats *s, const char *msg)
{
	s->warnings++;
	if (o->warn)
		o->warn(msg, o->warn_ctx);
}

static void count_warning(const char *msg, void *ctx)
{
	void **pair = ctx;
	warn(pair[0], pair[1], msg);
}

/* The per-paper extras of `pubdb add`: tags, venue, links, selection. */
static int apply_extras(pub_db *db, int64_t id, const pub_import_opts *o)
{
	sqlite3_stmt *st;
	size_t i;
	int err = 0;
	for (i = 0; i < o->ntags && err == 0; i++)
		err = pub__store_add_tag(db, id, o->tags[i]);
	if (err == 0 && o->code_url)
		err = pub__store_add_link(db, id, "code", o->code_url);
	for (i = 0; i < o->nlinks && err == 0; i++) {
		if (!o->links[i].kind || !*o->links[i].kind || !o->links[i].url)
			return pub__error(PUB_EINVAL, "a link needs a kind and a URL");
		err = pub__store_add_link(db, id, o->links[i].kind, o->links[i].url);
	}
	if (err == 0 && (o->venue || o->selected)) {
		if ((err = pub__db_stmt(&st, db,
			     "UPDATE papers SET venue = COALESCE(?2, venue), "
			     "venue_source = CASE WHEN ?2 IS NULL THEN venue_source "
			     "ELSE 'user' END, "
			     "selected = MAX(selected, ?3) WHERE id = ?1")) < 0)
			return err;
		sqlite3_bind_int64(st, 1, id);
		pub__bind_text(st, 2, o->venue);
		sqlite3_bind_int(st, 3, o->selected ? 1 : 0);
		err = pub__db_step_done(db, st, "setting venue");
	}
	return err;
}

static int store_preamble(pub_db *db, const char *text)
{
	sqlite3_stmt *st;
	int err;
	if ((err = pub__db_stmt(&st, db,
		     "INSERT OR IGNORE INTO preambles(text) VALUES (?1)")) < 0)
		return err;
	sqlite3_bind_text(st, 1, text, -1, SQLITE_TRANSIENT);
	return pub__db_step_done(db, st, "storing a preamble");
}

/* "FILE:LINE", without printf's cost on every entry of a large file. */
static char *source_of(const char *name, unsigned line)
{
	size_t n = strlen(name), k = 0;
	char digits[16], *s = pub__malloc(n + sizeof(digits) + 1);
	do
		digits[k++] = (char)('0' + line % 10);
	while ((line /= 10) > 0);
	memcpy(s, name, n);
	s[n++] = ':';
	while (k > 0)
		s[n++] = digits[--k];
	s[n] = '\0';
	return s;
}

/* ---- pubdb's own fields (README.md, "BibTeX export") ---------------------- */

/* What `export --bibtex` wrote in pubdb-* fields, borrowed from the entry. */
typedef struct own_data {
	const char *venue, *selected, *rank, *arxiv_version, *equal, *corresponding,
		*tags, *links;
} own_data;

/* pubdb's fields, but PUB__ALIAS_OF: that one tells pub__store_entry()
 * that the entry is the copy of a paper under one of its aliases. */
static int is_own(const char *name)
{
	return strncmp(name, "pubdb-", 6) == 0 && strcmp(name, PUB__ALIAS_OF) != 0;
}

static void view_set(pub__bib_entry *v, const char *name, const char *value)
{
	size_t i, j;
	for (i = 0; i < v->nfields; i++)
		if (strcmp(v->fields[i].name, name) == 0)
			break;
	if (!*value) { /* empty: the stored entry had no such field */
		if (i < v->nfields) {
			for (j = i + 1; j < v->nfields; j++)
				v->fields[j - 1] = v->fields[j];
			v->nfields--;
		}
		return;
	}
	if (i == v->nfields) {
		/* the export drops a preprint's month; it stood after the year */
		for (j = 0; strcmp(name, "month") == 0 && j < v->nfields; j++)
			if (strcmp(v->fields[j].name, "year") == 0)
				break;
		i = j < v->nfields && strcmp(name, "month") == 0 ? j + 1 : v->nfields;
		memmove(v->fields + i + 1, v->fields + i, (v->nfields - i) * sizeof(*v->fields));
		v->nfields++;
		v->fields[i].name = (char *)name;
	}
	v->fields[i].value = (char *)value;
}

/* The entry as stored before the export derived the published one from
 * the venue badge, without pubdb's fields, which go to `d`.  `v` borrows
 * every string of `e`; only v->fields is allocated.  0 when `e` has no
 * pubdb-* field (then `v` is unused). */
static int own_split(pub__bib_entry *v, own_data *d, const pub__bib_entry *e)
{
	static const struct {
		const char *name;
		size_t off;
	} known[] = {
		{"pubdb-venue", offsetof(own_data, venue)},
		{"pubdb-selected", offsetof(own_data, selected)},
		{"pubdb-rank", offsetof(own_data, rank)},
		{"pubdb-arxiv-version", offsetof(own_data, arxiv_version)},
		{"pubdb-equal", offsetof(own_data, equal)},
		{"pubdb-corresponding", offsetof(own_data, corresponding)},
		{"pubdb-tags", offsetof(own_data, tags)},
		{"pubdb-links", offsetof(own_data, links)},
	};
	size_t i, k;
	int any = 0;
	for (i = 0; i < e->nfields && !any; i++)
		any = is_own(e->fields[i].name);
	if (!any)
		return 0;
	memset(d, 0, sizeof(*d));
	*v = *e;
	v->fields = pub__calloc(e->nfields + 1, sizeof(*v->fields));
	v->nfields = 0;
	for (i = 0; i < e->nfields; i++)
		if (!is_own(e->fields[i].name))
			v->fields[v->nfields++] = e->fields[i];
	for (i = 0; i < e->nfields; i++) {
		const char *n = e->fields[i].name, *val = e->fields[i].value;
		if (strcmp(n, "pubdb-stored-type") == 0 && *val)
			v->type = (char *)val;
		else if (strncmp(n, "pubdb-stored-", 13) == 0)
			view_set(v, n + 13, val);
		for (k = 0; k < sizeof(known) / sizeof(known[0]); k++)
			if (strcmp(n, known[k].name) == 0)
				*(const char **)((char *)d + known[k].off) = val;
	}
	return 1;
}

static int own_update(pub_db *db, const char *sql, int64_t id, const char *text, int num)
{
	sqlite3_stmt *st;
	int err;
	if ((err = pub__db_stmt(&st, db, sql)) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	if (text)
		sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_int(st, 2, num);
	return pub__db_step_done(db, st, "storing pubdb's fields");
}

/* Author marks "1,3": each position's flag set. */
static int own_marks(pub_db *db, int64_t id, const char *list, const char *column_sql)
{
	const char *p = list;
	int err = 0;
	if (!p)
		return 0;
	while (*p && err == 0) {
		char *end;
		long pos = strtol(p, &end, 10);
		if (end == p)
			break;
		err = own_update(db, column_sql, id, NULL, (int)pos);
		p = end;
		while (*p == ',' || *p == ' ')
			p++;
	}
	return err;
}

/* Items "a; b\\; c" of a pubdb-tags or pubdb-links value ("a" and "b; c"):
 * a ';' inside an item is written "\\;". */
static int own_items(pub_db *db, int64_t id, const char *list, int links)
{
	const char *p = list;
	int err = 0;
	if (!p)
		return 0;
	while (*p && err == 0) {
		char *item = pub__malloc(strlen(p) + 1), *eq;
		size_t n = 0;
		while (*p == ' ')
			p++;
		for (; *p && *p != ';'; p++) {
			if (p[0] == '\\' && p[1] == ';')
				p++;
			item[n++] = *p;
		}
		item[n] = '\0';
		if (*p == ';')
			p++;
		if (!links) {
			if (*item)
				err = pub__store_add_tag(db, id, item);
		} else if ((eq = strchr(item, '=')) && eq > item && eq[1]) {
			*eq = '\0';
			err = pub__store_add_link(db, id, item, eq + 1);
		}
		free(item);
	}
	return err;
}

static int own_apply(pub_db *db, int64_t id, const own_data *d)
{
	int err = 0;
	if (d->venue && *d->venue)
		err = own_update(db, "UPDATE papers SET venue = ?2, "
			"venue_source = 'bibtex' WHERE id = ?1", id, d->venue, 0);
	if (err == 0 && d->selected)
		err = own_update(db, "UPDATE papers SET selected = ?2 WHERE id = ?1", id, NULL,
			atoi(d->selected) ? 1 : 0);
	if (err == 0 && d->rank)
		err = own_update(db, "UPDATE papers SET rank = ?2 WHERE id = ?1", id, NULL,
			atoi(d->rank));
	if (err == 0 && d->arxiv_version && atoi(d->arxiv_version) > 0)
		err = own_update(db, "UPDATE papers SET arxiv_version = ?2 "
			"WHERE id = ?1 AND arxiv IS NOT NULL", id, NULL, atoi(d->arxiv_version));
	if (err == 0)
		err = own_marks(db, id, d->equal, "UPDATE paper_authors SET equal = 1 "
			"WHERE paper_id = ?1 AND role = 'author' AND position = ?2");
	if (err == 0)
		err = own_marks(db, id, d->corresponding, "UPDATE paper_authors SET "
			"corresponding = 1 WHERE paper_id = ?1 AND role = 'author' AND position = ?2");
	if (err == 0)
		err = own_items(db, id, d->tags, 0);
	if (err == 0)
		err = own_items(db, id, d->links, 1);
	return err;
}

/* A paper added by identifier is news (`pubdb news`), dated by its arXiv
 * v1 when known, else by its year and month (a DOI's published date) once
 * they have come, else today but never later than its year (then the year
 * alone: a profile's old papers are not this month's); so is the
 * acceptance it arrives with (a
 * venue badge: add --venue, a record with its venue), dated by its
 * venue's year at the latest.  A file import (a bulk transaction) records
 * only the owner's (bulk_paper_event). */
static int paper_event(pub_db *db, int64_t id)
{
	sqlite3_stmt *st;
	char day[11] = "";
	char *venue = NULL;
	int err;
	/* a past year's paper by its year (and month); this year's by its
	 * month once that has come */
	if ((err = pub__db_stmt(&st, db, "SELECT published, venue, CASE WHEN year > 0 AND "
		     "year < CAST(strftime('%Y', 'now') AS INTEGER) THEN year END, "
		     "CASE WHEN month BETWEEN 1 AND 12 AND year > 0 AND "
		     "printf('%04d-%02d', year, month) <= strftime('%Y-%m', 'now') THEN "
		     "printf('%04d-%02d', year, month) END "
		     "FROM papers WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		if (sqlite3_column_text(st, 0) && sqlite3_column_bytes(st, 0) >= 10)
			memcpy(day, sqlite3_column_text(st, 0), 10);
		else if (sqlite3_column_bytes(st, 3) == 7)
			memcpy(day, sqlite3_column_text(st, 3), 8);
		else if (sqlite3_column_type(st, 2) == SQLITE_INTEGER)
			snprintf(day, sizeof(day), "%04d", sqlite3_column_int(st, 2) % 10000);
		if (sqlite3_column_text(st, 1) && sqlite3_column_bytes(st, 1) > 0)
			venue = pub__strdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	err = pub__event_add(db, PUB__EVENT_PAPER, id, 0, NULL, "add", day[0] ? day : NULL);
	if (err == 0 && venue)
		err = pub__event_add(db, PUB__EVENT_VENUE, id, 0, venue, "add", NULL);
	free(venue);
	return err;
}

/* ---- the owner's papers in a file import ----------------------------------- */

/* Reads the owner once per bulk transaction; 1 when there is one. */
static int bulk_owner(pub_db *db)
{
	int err;
	if (!db->bulk_owner_read) {
		db->bulk_owner_read = 1;
		if ((err = pub__owner_names(&db->bulk_owner, db)) < 0)
			return err;
		if (db->bulk_owner)
			db->bulk_owner_words = pub__fold_ascii(db->bulk_owner);
	}
	return db->bulk_owner != NULL;
}

static int lower_alnum(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : 0;
}

/* 1 when `w` (n folded letters) may start at `t`: letters and digits
 * equal in lower case, marks skipped ("Zh{\'a}o" is "zhao"), and a
 * character beyond ASCII or a LaTeX command by name ("\ss", "\o", "\c")
 * standing for up to three letters, as folding turns them into ("ß" ->
 * "ss").  Past `budget` such characters the answer is "may": a false yes
 * only costs the parse that follows, a false no would lose a paper. */
static int may_start(const char *w, size_t n, const char *t, int budget)
{
	while (n > 0 && *t) {
		unsigned char c = (unsigned char)*t;
		int l;
		if (c >= 0x80 || (c == '\\' && ((t[1] >= 'a' && t[1] <= 'z') ||
						 (t[1] >= 'A' && t[1] <= 'Z')))) {
			const char *e = t + 1;
			size_t k;
			if (budget <= 0)
				return 1;
			if (c >= 0x80)
				while (((unsigned char)*e & 0xC0) == 0x80)
					e++;
			else
				while ((*e >= 'a' && *e <= 'z') || (*e >= 'A' && *e <= 'Z'))
					e++;
			for (k = 0; k <= 3 && k <= n; k++)
				if (may_start(w + k, n - k, e, budget - 1))
					return 1;
			return 0;
		}
		if ((l = lower_alnum(*t)) != 0) {
			if (l != *w)
				return 0;
			w++;
			n--;
		}
		t++;
	}
	return n == 0;
}

/* 1 when some word of two letters or more of `words` (folded, space
 * separated) may be in `text` (may_start). */
static int has_word(const char *text, const char *words)
{
	const char *w = words, *t;
	while (*w) {
		size_t n;
		while (*w == ' ')
			w++;
		for (n = 0; w[n] && w[n] != ' '; n++)
			;
		if (n >= 2)
			for (t = text; *t; t++)
				if ((lower_alnum(*t) == w[0] || (unsigned char)*t >= 0xC0 || *t == '\\') &&
				    may_start(w, n, t, 4))
					return 1;
		w += n;
	}
	return 0;
}

/* 1 when the owner is among the authors of name list `list`.  Most entries
 * of a large file are other people's: the owner's words are looked for in
 * the list as it is first (no folding, no parsing), and only a list that
 * may have one is parsed into names. */
static int owner_among(pub_db *db, const char *list)
{
	pub__name *names = NULL;
	size_t n = 0, i;
	int found = 0;
	if (!list || !db->bulk_owner_words || !*db->bulk_owner_words ||
	    !has_word(list, db->bulk_owner_words))
		return 0;
	pub__names_parse(&names, &n, list);
	for (i = 0; i < n && !found; i++) {
		pub_author a;
		if (names[i].others)
			continue;
		memset(&a, 0, sizeof(a));
		a.given = names[i].first;
		a.von = names[i].von;
		a.family = names[i].last;
		a.jr = names[i].jr;
		/* as written, for the family-first reading ("Zhao Xuanlei") */
		a.name = pub__sprintf("%s%s%s", a.given ? a.given : "", a.given ? " " : "",
			a.family ? a.family : "");
		found = pub__author_is_owner(&a, db->bulk_owner);
		free(a.name);
	}
	pub__names_free(names, n);
	return found;
}

/* A new paper of the owner's in a file import is news, and so is the
 * acceptance it arrives with (pubdb-venue, add --venue), both dated by
 * the entry's own year and month, never by the import (the acceptance by
 * its venue's year alone when that is another: a preprint's entry
 * accepted the year after, an entry dated later; neither later than
 * today); no year: no news.  Other people's papers (most of a
 * bibliography) are history, not news. */
static int bulk_paper_event(pub_db *db, int64_t id, const pub__bib_entry *e)
{
	sqlite3_stmt *st;
	char day[32] = "", vday[32] = "", now[21];
	char *venue = NULL;
	int err, year = 0, month = 0;
	if ((err = bulk_owner(db)) <= 0 || !owner_among(db, pub__bib_entry_get(e, "author")))
		return err < 0 ? err : 0;
	if ((err = pub__db_stmt(&st, db, "SELECT year, month, venue FROM papers "
		     "WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		year = sqlite3_column_int(st, 0);
		month = sqlite3_column_int(st, 1);
		if (sqlite3_column_bytes(st, 2) > 0)
			venue = pub__strdup((const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_reset(st);
	pub__now_iso(now);
	if (year > 0 && year <= 9999) {
		int ty = atoi(now), tm = atoi(now + 5), vy = 0;
		if (year > ty || (year == ty && month > tm)) {
			year = ty; /* a paper "to appear": news by now at the latest */
			month = tm;
		}
		if (month >= 1 && month <= 12)
			snprintf(day, sizeof(day), "%04d-%02d", year, month);
		else
			snprintf(day, sizeof(day), "%04d", year);
		memcpy(vday, day, sizeof(vday));
		if (venue && strlen(venue) >= 5 && venue[strlen(venue) - 5] == ' ')
			vy = atoi(venue + strlen(venue) - 4);
		/* a preprint's entry, or a late one; a venue still to come: the
		 * entry's day */
		if (vy > 1000 && vy != year && vy <= ty)
			snprintf(vday, sizeof(vday), "%04d", vy);
		err = pub__event_add(db, PUB__EVENT_PAPER, id, 0, NULL, "add", day);
		if (err == 0 && venue)
			err = pub__event_add(db, PUB__EVENT_VENUE, id, 0, venue, "add", vday);
	}
	free(venue);
	return err;
}

int pub__import_entry(pub_db *db, const pub__bib_entry *in, const char *source,
	const pub_import_opts *o, pub_import_stats *stats)
{
	pub__store_opts so;
	pub__store_result res;
	pub__bib_entry view;
	own_data own;
	const pub__bib_entry *e = in;
	int err, has_own = own_split(&view, &own, in);
	if (has_own)
		e = &view;
	memset(&so, 0, sizeof(so));
	so.no_merge = o->no_merge;
	so.source = source;
	so.key = o->key;
	so.warn = o->warn;
	so.warn_ctx = o->warn_ctx;
	err = pub__store_entry(&res, db, e, &so);
	if (err == 0 && has_own)
		err = own_apply(db, res.paper_id, &own);
	if (has_own)
		free(view.fields);
	if (err < 0)
		return err;
	if ((err = apply_extras(db, res.paper_id, o)) < 0)
		return err;
	if (res.merged)
		stats->merged++;
	else
		stats->added++;
	if (!res.merged && (err = db->bulk ? bulk_paper_event(db, res.paper_id, in)
					   : paper_event(db, res.paper_id)) < 0)
		return err;
	if (o->on_paper) {
		const char *t = pub__bib_entry_get(in, "title");
		char *src = in->key && *in->key ? pub__sprintf("%s (%s)", source, in->key)
					      : pub__strdup(source);
		o->on_paper(res.merged ? "merged" : "added", res.key, t ? t : "", src,
			o->paper_ctx);
		free(src);
	}
	if (res.merged && o->on_merge) {
		static const char *const reasons[] = {"", "same key", "same DOI",
			"same arXiv id", "same title, year, first author"};
		pub_merge_info m;
		m.key = e->key && *e->key ? e->key : NULL;
		m.source = source;
		m.into = res.key;
		m.reason = reasons[res.reason >= PUB__SAME_KEY && res.reason <= PUB__SAME_TITLE
				   ? res.reason : 0];
		m.alias = res.alias;
		o->on_merge(&m, o->paper_ctx);
	}
	return 0;
}

static const size_t opts_sizes[] = {
	PUB__SIZE_TO(pub_import_opts, on_merge), /* 1 */
	PUB__SIZE_TO(pub_import_opts, dry_run_ctx), /* 2: on_dry_run, dry_run_ctx */
	sizeof(pub_import_opts),                  /* 3: max_time_ms */
};
static const pub__versions opts_versions = {"pub_import_opts",
	PUB_IMPORT_OPTIONS_VERSION, opts_sizes};
static const size_t stats_sizes[] = {sizeof(pub_import_stats)};
static const pub__versions stats_versions = {"pub_import_stats",
	PUB_IMPORT_STATS_VERSION, stats_sizes};

int pub_import_options_init(pub_import_opts *opts, unsigned int version)
{
	return pub__versioned_init(opts, version, &opts_versions);
}

int pub__import_begin(pub__import_call *c, const pub_import_opts *opts,
	const pub_import_stats *stats)
{
	int err;
	memset(&c->stats, 0, sizeof(c->stats));
	c->stats.version = PUB_IMPORT_STATS_VERSION;
	if ((err = pub__versioned_in(&c->opts, sizeof(c->opts), opts, &opts_versions)) < 0)
		return err;
	return pub__versioned_check(stats, &stats_versions);
}

int pub__import_end(const pub__import_call *c, pub_import_stats *stats, int err)
{
	pub__versioned_out(stats, &c->stats, &stats_versions);
	return err;
}

static int import_bibtex(pub_db *db, const char *path, const pub_import_opts *opts,
	pub_import_stats *stats)
{
	pub__bib_reader *r = NULL;
	pub__bib_entry *e = NULL;
	FILE *fp = NULL;
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	void *pair[2];
	int err, rc, began = 0;
	long size = -1;

	pair[0] = (void *)opts;
	pair[1] = stats;

	if (strcmp(path, "-") == 0) {
		fp = stdin;
	} else if (!(fp = fopen(path, "rb"))) {
		return pub__error(PUB_ERROR, "cannot open '%s': %s", path, strerror(errno));
	} else if (fseek(fp, 0, SEEK_END) == 0) {
		size = ftell(fp);
		rewind(fp);
	}
	if ((err = pub__bib_reader_new(&r, fp, name, opts->encoding, count_warning, pair)) < 0)
		goto done;
	if ((err = pub__db_begin_bulk(db)) < 0)
		goto done;
	began = 1;
	/* One file is one source: its keys are distinct entries. */
	pub__db_source_begin(db);
	for (;;) {
		rc = pub__bib_reader_next(&e, r);
		if (rc == 0)
			break;
		if (rc == PUB_EPARSE) {
			if (opts->strict) {
				err = rc;
				goto done;
			}
			stats->skipped++;
			warn(opts, stats, pub_error_last());
			continue;
		}
		if (rc < 0) {
			err = rc;
			goto done;
		}
		stats->entries++;
		if (strcmp(e->type, "preamble") == 0) {
			const char *text = pub__bib_entry_get(e, "preamble");
			err = text ? store_preamble(db, text) : 0;
		} else {
			char *source = source_of(name, e->line);
			if (opts->key && stats->added + stats->merged > 0) {
				err = pub__error(PUB_EINVAL,
					"a given citation key names one paper, but '%s' holds several entries", name);
			} else {
				err = pub__import_entry(db, e, source, opts, stats);
			}
			free(source);
		}
		pub__bib_entry_free(e);
		e = NULL;
		if (err < 0)
			goto done;
	}
	if (ferror(fp)) {
		err = pub__error(PUB_ERROR, "cannot read '%s': %s", name, strerror(errno));
		goto done;
	}
	if (stats->added + stats->merged == 0 && size != 0) {
		err = stats->skipped
			? pub__error(PUB_EPARSE, "nothing imported from '%s': all %zu entries are broken",
				name, stats->skipped)
			: pub__error(PUB_EPARSE, "no BibTeX entries in '%s'", name);
		goto done;
	}
	if (opts->dry_run) {
		pub__db_rollback(db);
		began = 0;
	} else {
		err = pub__db_commit(db);
		began = 0;
	}
done:
	pub__db_source_end(db);
	pub__bib_entry_free(e);
	if (began)
		pub__db_rollback(db);
	pub__bib_reader_free(r);
	if (fp && fp != stdin)
		fclose(fp);
	return err;
}

int pub_import_bibtex(pub_db *db, const char *path, const pub_import_opts *opts,
	pub_import_stats *stats)
{
	pub__import_call c;
	int err = pub__import_begin(&c, opts, stats);
	if (err == 0)
		err = import_bibtex(db, path, &c.opts, &c.stats);
	return pub__import_end(&c, stats, err);
}
