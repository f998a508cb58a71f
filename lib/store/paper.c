/*
 * paper.c: reading papers back (one, or a filtered walk), and the small
 * edits of the CLI: edit, tag, link, remove.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "store/paper.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/version.h"
#include "util/nearest.h"
#include "bibtex/entry.h"
#include "bibtex/fields.h"
#include "bibtex/value.h"
#include "store/alias.h"
#include "store/citations.h"
#include "store/decisions.h"
#include "store/db.h"
#include "store/derive.h"
#include "store/events.h"
#include "store/fields.h"
#include "store/links.h"
#include "store/owner.h"
#include "text/person.h"
#include "store/query.h"
#include "store/store.h"

void pub_paper_free(pub_paper *p)
{
	size_t i;
	if (!p)
		return;
	free(p->key);
	free(p->type);
	free(p->title);
	free(p->venue);
	free(p->arxiv);
	free(p->doi);
	free(p->abstract);
	free(p->added);
	free(p->modified);
	for (i = 0; i < p->nauthors; i++) {
		free(p->authors[i].name);
		free(p->authors[i].given);
		free(p->authors[i].von);
		free(p->authors[i].family);
		free(p->authors[i].jr);
	}
	free(p->authors);
	for (i = 0; i < p->nlinks; i++) {
		free(p->links[i].kind);
		free(p->links[i].url);
		free(p->links[i].source);
	}
	free(p->links);
	for (i = 0; i < p->ntags; i++)
		free(p->tags[i]);
	free(p->tags);
	pub__fields_free(p->fields, p->nfields);
	for (i = 0; i < p->naliases; i++)
		free(p->aliases[i]);
	free(p->aliases);
	pub__citations_free(p->citations, p->ncitations);
	pub__decision_free(p->decision);
	free(p);
}

/* Loads everything about paper `id`. */
int pub__paper_load(pub_paper **out, pub_db *db, int64_t id)
{
	sqlite3_stmt *st;
	pub_paper *p;
	int err, rc;
	size_t cap;
	*out = NULL;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT citekey, type, title, year, month, venue, arxiv, arxiv_version, "
		     "doi, abstract, selected, rank, added, modified FROM papers WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? pub__error(PUB_ENOTFOUND, "no such paper")
					 : pub__db_error(db, "reading a paper");
	}
	p = pub__calloc(1, sizeof(*p));
	p->id = id;
	p->key = pub__col_strdup(st, 0);
	p->type = pub__col_strdup(st, 1);
	p->title = pub__col_strdup(st, 2);
	p->year = sqlite3_column_int(st, 3);
	p->month = sqlite3_column_int(st, 4);
	p->venue = pub__col_strdup(st, 5);
	p->arxiv = pub__col_strdup(st, 6);
	p->arxiv_version = sqlite3_column_int(st, 7);
	p->doi = pub__col_strdup(st, 8);
	p->abstract = pub__col_strdup(st, 9);
	p->selected = sqlite3_column_int(st, 10);
	p->rank = sqlite3_column_int(st, 11);
	p->added = pub__col_strdup(st, 12);
	p->modified = pub__col_strdup(st, 13);
	sqlite3_reset(st);

	if ((err = pub__db_stmt(&st, db,
		     "SELECT a.name, a.given, a.von, a.family, a.jr, pa.equal, pa.corresponding "
		     "FROM paper_authors pa JOIN authors a ON a.id = pa.author_id "
		     "WHERE pa.paper_id = ?1 AND pa.role = 'author' ORDER BY pa.position")) < 0)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	for (cap = 0; (rc = sqlite3_step(st)) == SQLITE_ROW;) {
		pub_author *a;
		if (p->nauthors == cap) {
			cap = cap ? cap * 2 : 8;
			p->authors = pub__realloc(p->authors, cap * sizeof(*p->authors));
		}
		a = &p->authors[p->nauthors++];
		a->name = pub__col_strdup(st, 0);
		a->given = pub__col_strdup(st, 1);
		a->von = pub__col_strdup(st, 2);
		a->family = pub__col_strdup(st, 3);
		a->jr = pub__col_strdup(st, 4);
		a->equal = sqlite3_column_int(st, 5);
		a->corresponding = sqlite3_column_int(st, 6);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		err = pub__db_error(db, "reading authors");
		goto done;
	}

	if ((err = pub__db_stmt(&st, db,
		     "SELECT l.kind, l.url, r.stars, l.source FROM links l "
		     "LEFT JOIN repos r ON r.id = l.repo_id "
		     "WHERE l.paper_id = ?1 ORDER BY l.id")) < 0)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	for (cap = 0; (rc = sqlite3_step(st)) == SQLITE_ROW;) {
		pub_link *l;
		if (p->nlinks == cap) {
			cap = cap ? cap * 2 : 4;
			p->links = pub__realloc(p->links, cap * sizeof(*p->links));
		}
		l = &p->links[p->nlinks++];
		l->kind = pub__col_strdup(st, 0);
		l->url = pub__col_strdup(st, 1);
		l->stars = sqlite3_column_type(st, 2) == SQLITE_NULL ? -1
			: (long)sqlite3_column_int64(st, 2);
		l->source = pub__col_strdup(st, 3);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		err = pub__db_error(db, "reading links");
		goto done;
	}

	if ((err = pub__db_stmt(&st, db,
		     "SELECT t.name FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id "
		     "WHERE pt.paper_id = ?1 ORDER BY t.name")) < 0)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	for (cap = 0; (rc = sqlite3_step(st)) == SQLITE_ROW;) {
		if (p->ntags == cap) {
			cap = cap ? cap * 2 : 4;
			p->tags = pub__realloc(p->tags, cap * sizeof(*p->tags));
		}
		p->tags[p->ntags++] = pub__col_strdup(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		err = pub__db_error(db, "reading tags");
		goto done;
	}

	if ((err = pub__db_stmt(&st, db,
		     "SELECT fields_json FROM papers WHERE id = ?1")) < 0)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    pub__fields_decode(&p->fields, &p->nfields,
		    (const char *)sqlite3_column_text(st, 0)) < 0)
		err = pub__error(PUB_ERROR, "database '%s' is corrupt: paper '%s' has "
			"unreadable fields", db->path, p->key);
	else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		err = pub__db_error(db, "reading fields");
	sqlite3_reset(st);
	if (err == 0)
		err = pub__alias_list(&p->aliases, &p->naliases, db, id);
	if (err == 0)
		err = pub__citations_load(&p->citations, &p->ncitations, db, id);
	if (err == 0)
		err = pub__decision_load(&p->decision, db, id);
done:
	if (err < 0) {
		pub_paper_free(p);
		return err;
	}
	*out = p;
	return 0;
}

int pub_paper_get(pub_paper **out, pub_db *db, const char *key)
{
	int64_t id;
	int err;
	*out = NULL;
	if ((err = pub__store_paper_id(&id, db, key)) < 0)
		return err;
	return pub__paper_load(out, db, id);
}

/* A filter's tag that names no tag is a typo, not an empty selection: a
 * cron job must not silently empty a homepage's section.  The message
 * names the tags there are. */
static int check_tags(pub_db *db, const pub_filter *f)
{
	sqlite3_stmt *st;
	pub__buf known = PUB__BUF_INIT;
	size_t i, n = 0;
	int err = 0, rc;
	for (i = 0; i < f->ntags; i++) {
		if (!f->tags[i])
			continue;
		if ((err = pub__db_stmt(&st, db,
			     "SELECT 1 FROM tags WHERE name = ?1 COLLATE NOCASE")) < 0)
			return err;
		sqlite3_bind_text(st, 1, f->tags[i], -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc == SQLITE_ROW)
			continue;
		if (rc != SQLITE_DONE)
			return pub__db_error(db, "looking up a tag");
		if ((err = pub__db_stmt(&st, db, "SELECT name FROM tags ORDER BY name")) < 0)
			return err;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			pub__buf_printf(&known, "%s'%s'", n++ ? ", " : "",
				(const char *)sqlite3_column_text(st, 0));
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			err = pub__db_error(db, "listing tags");
		else if (n)
			err = pub__error(PUB_ENOTFOUND, "no tag '%s' (tags: %s)", f->tags[i],
				known.ptr);
		else
			err = pub__error(PUB_ENOTFOUND, "no tag '%s' (no paper has a tag)",
				f->tags[i]);
		break;
	}
	pub__buf_free(&known);
	return err;
}

int pub__paper_ids(int64_t **ids, size_t *n, pub_db *db,
	const pub_filter *f, int bibtex_order)
{
	pub__query q;
	sqlite3_stmt *st = NULL;
	int err, rc;
	size_t cap = 0;
	*ids = NULL;
	*n = 0;
	if ((err = check_tags(db, f)) < 0)
		return err;
	/* --author naming the owner (or an alias) matches every spelling */
	if (f->author && *f->author && !strchr(f->author, ';')) {
		char *names = NULL;
		pub_author who;
		memset(&who, 0, sizeof(who));
		who.name = (char *)f->author;
		if ((err = pub__owner_names(&names, db)) < 0)
			return err;
		if (names && pub__author_is_owner(&who, names)) {
			pub_filter g = *f;
			g.author = names;
			err = pub__query_build(&q, &g, bibtex_order);
		} else {
			err = pub__query_build(&q, f, bibtex_order);
		}
		free(names);
		if (err < 0)
			return err;
	} else if ((err = pub__query_build(&q, f, bibtex_order)) < 0) {
		return err;
	}
	if ((err = pub__query_prepare(&st, db, &q)) < 0)
		goto done;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*ids = pub__realloc(*ids, cap * sizeof(**ids));
		}
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	if (rc != SQLITE_DONE)
		err = rc == SQLITE_ERROR && strstr(sqlite3_errmsg(db->sql), "fts5")
			? pub__error(PUB_EINVAL, "invalid search query: %s",
				sqlite3_errmsg(db->sql))
			: pub__db_error(db, "listing papers");
done:
	sqlite3_finalize(st);
	pub__query_free(&q);
	if (err < 0) {
		free(*ids);
		*ids = NULL;
		*n = 0;
	}
	return err;
}

int pub_paper_foreach(pub_db *db, const pub_filter *filter,
	int (*cb)(const pub_paper *p, void *ctx), void *ctx)
{
	int64_t *ids;
	size_t n, i;
	int err;
	pub_filter f;
	if ((err = pub__filter_in(&f, filter)) < 0)
		return err;
	if ((err = pub__paper_ids(&ids, &n, db, &f, 0)) < 0)
		return err;
	for (i = 0; i < n && err == 0; i++) {
		pub_paper *p;
		if ((err = pub__paper_load(&p, db, ids[i])) < 0)
			break;
		err = cb(p, ctx);
		pub_paper_free(p);
	}
	free(ids);
	return err;
}

static const size_t filter_sizes[] = {sizeof(pub_filter)};
static const pub__versions filter_versions = {"pub_filter", PUB_FILTER_VERSION,
	filter_sizes};

int pub_filter_init(pub_filter *f, unsigned int version)
{
	return pub__versioned_init(f, version, &filter_versions);
}

int pub__filter_in(pub_filter *full, const pub_filter *given)
{
	return pub__versioned_in(full, sizeof(*full), given, &filter_versions);
}

int pub_search(pub_db *db, const char *query,
	int (*cb)(const pub_paper *p, void *ctx), void *ctx)
{
	pub_filter f = PUB_FILTER_INIT;
	f.query = query;
	return pub_paper_foreach(db, &f, cb, ctx);
}

int pub_paper_remove(pub_db *db, const char *key)
{
	return pub_papers_remove(db, &key, 1);
}

int pub_papers_remove(pub_db *db, const char *const *keys, size_t n)
{
	sqlite3_stmt *st;
	int64_t *ids = pub__calloc(n ? n : 1, sizeof(*ids));
	pub__buf missing = PUB__BUF_INIT;
	size_t i, nmissing = 0;
	int err;
	if ((err = pub__db_begin(db)) < 0)
		goto done;
	/* every key first: a typo among them removes nothing */
	for (i = 0; i < n; i++) {
		if ((err = pub__store_paper_id(&ids[i], db, keys[i])) == PUB_ENOTFOUND) {
			pub__buf_printf(&missing, "%s'%s'", nmissing++ ? ", " : "", keys[i]);
			ids[i] = -1;
		} else if (err < 0) {
			goto done;
		}
	}
	if (nmissing) {
		err = pub__error(PUB_ENOTFOUND, "no paper with key %s; nothing removed",
			missing.ptr);
		goto done;
	}
	for (i = 0; i < n; i++) {
		if ((err = pub__db_stmt(&st, db, "DELETE FROM papers_fts WHERE rowid = ?1")) < 0)
			goto done;
		sqlite3_bind_int64(st, 1, ids[i]);
		if ((err = pub__db_step_done(db, st, "removing a paper")) < 0)
			goto done;
		if ((err = pub__db_stmt(&st, db, "DELETE FROM papers WHERE id = ?1")) < 0)
			goto done;
		sqlite3_bind_int64(st, 1, ids[i]);
		if ((err = pub__db_step_done(db, st, "removing a paper")) < 0)
			goto done;
	}
	/* Authors, tags and repositories nobody refers to any more go too. */
	if ((err = pub__db_exec(db,
		     "DELETE FROM authors WHERE id NOT IN (SELECT author_id FROM paper_authors); "
		     "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM paper_tags); "
		     "DELETE FROM repos WHERE standalone = 0 AND "
		     "id NOT IN (SELECT repo_id FROM links WHERE repo_id IS NOT NULL)")) < 0)
		goto done;
	err = pub__db_commit(db);
done:
	if (err < 0)
		pub__db_rollback(db);
	pub__buf_free(&missing);
	free(ids);
	return err;
}

static int parse_int(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;
	if (!*s)
		return -1;
	v = strtol(s, &end, 10);
	if (*end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* equal=1,2,3: author positions with equal contribution (empty clears). */
/* The equal contributors become exactly the authors at `pos` (1-based). */
static int set_equal(pub_db *db, int64_t id, const unsigned int *pos, size_t n)
{
	sqlite3_stmt *st;
	size_t i;
	int err;
	if ((err = pub__db_stmt(&st, db,
		     "UPDATE paper_authors SET equal = 0 WHERE paper_id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	if ((err = pub__db_step_done(db, st, "clearing equal contribution")) < 0)
		return err;
	for (i = 0; i < n; i++) {
		if ((err = pub__db_stmt(&st, db,
			     "UPDATE paper_authors SET equal = 1 WHERE paper_id = ?1 "
			     "AND role = 'author' AND position = ?2")) < 0)
			return err;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, pos[i]);
		if ((err = pub__db_step_done(db, st, "marking equal contribution")) < 0)
			return err;
		if (sqlite3_changes(db->sql) == 0)
			return pub__error(PUB_EINVAL, "equal contribution: the paper has no author %u",
				pos[i]);
	}
	return 0;
}

static int update_column(pub_db *db, int64_t id, const char *sql,
	const char *text, long num, int is_num)
{
	sqlite3_stmt *st;
	int err;
	if ((err = pub__db_stmt(&st, db, sql)) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	if (is_num)
		sqlite3_bind_int64(st, 2, num);
	else
		pub__bind_text(st, 2, text);
	return pub__db_step_done(db, st, "editing a paper");
}

int pub__paper_touch(pub_db *db, int64_t id)
{
	sqlite3_stmt *st;
	int err;
	if ((err = pub__db_stmt(&st, db,
		     "UPDATE papers SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
		     "WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	return pub__db_step_done(db, st, "editing a paper");
}

static int valid_field_name(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-' && *s != '.' &&
		    *s != ':' && *s != '+')
			return 0;
	return 1;
}

static int valid_key(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || strchr(",{}()\"#%'=\\", *s))
			return 0;
	return 1;
}

/* A paper without a venue gaining one (a preprint accepted) is news: an
 * event for `pubdb news`, dated today. */
static int venue_gained(pub_db *db, int64_t id, const char *venue)
{
	sqlite3_stmt *st;
	int err, had;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT venue IS NOT NULL AND venue != '' FROM papers WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	had = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 1;
	sqlite3_reset(st);
	return had ? 0 : pub__event_add(db, PUB__EVENT_VENUE, id, 0, venue, "edit", NULL);
}

static int edit_one(pub_db *db, int64_t id, const pub_assignment *a, int *rederive,
	int *authors_changed)
{
	char name[64];
	const char *value = a->value ? a->value : "";
	size_t n, i;
	long num;
	n = a->field ? strlen(a->field) : 0;
	if (n == 0 || n >= sizeof(name))
		return pub__error(PUB_EINVAL, "'%s' is not a field name",
			a->field ? a->field : "");
	for (i = 0; i < n; i++)
		name[i] = (char)tolower((unsigned char)a->field[i]);
	name[n] = '\0';
	if (!valid_field_name(name))
		return pub__error(PUB_EINVAL, "'%s' is not a field name", name);

	if (strcmp(name, "key") == 0) {
		int64_t other;
		if (!valid_key(value))
			return pub__error(PUB_EINVAL, "'%s' is not a valid citation key", value);
		if (pub__store_paper_id(&other, db, value) == 0 && other != id)
			return pub__error(PUB_EEXISTS, "citation key '%s' is taken", value);
		pub_error_clear();
		{
			/* Its own alias becomes its key: one name, not two. */
			sqlite3_stmt *st;
			int err;
			if ((err = pub__db_stmt(&st, db, "DELETE FROM aliases WHERE "
				     "paper_id = ?1 AND lower(key) = lower(?2)")) < 0)
				return err;
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
			if ((err = pub__db_step_done(db, st, "renaming a paper")) < 0)
				return err;
		}
		return update_column(db, id, "UPDATE papers SET citekey = ?2 WHERE id = ?1",
			value, 0, 0);
	}
	if (strcmp(name, "venue") == 0) {
		/* the user's venue is never overwritten by discovery; an
		 * empty one clears it and lets discovery run again */
		int err;
		if (*value && (err = venue_gained(db, id, value)) < 0)
			return err;
		err = update_column(db, id, "UPDATE papers SET venue = ?2, "
			"venue_source = CASE WHEN ?2 IS NULL THEN NULL ELSE 'user' END "
			"WHERE id = ?1", *value ? value : NULL, 0, 0);
		if (err == 0 && !*value)
			err = update_column(db, id, "DELETE FROM venue_lookups "
				"WHERE paper_id = ?1 AND ?2 IS NULL", NULL, 0, 0);
		return err;
	}
	if (strcmp(name, "short") == 0)
		return update_column(db, id, "UPDATE papers SET short = ?2 WHERE id = ?1",
			*value ? value : NULL, 0, 0);
	if (strcmp(name, "selected") == 0 || strcmp(name, "equal") == 0)
		return pub__error(PUB_EINVAL, "'%s' is a mark, not a field: set it through "
			"pub_paper_marks", name);
	if (strcmp(name, "rank") == 0) {
		if (parse_int(value, -1000000, 1000000, &num) < 0)
			return pub__error(PUB_EINVAL, "rank= takes a number, not '%s'", value);
		return update_column(db, id, "UPDATE papers SET rank = ?2 WHERE id = ?1",
			NULL, num, 1);
	}
	if (strcmp(name, "type") == 0) {
		char *t;
		int err;
		if (!valid_field_name(value))
			return pub__error(PUB_EINVAL, "'%s' is not an entry type", value);
		t = pub__strdup(value);
		for (i = 0; t[i]; i++)
			t[i] = (char)tolower((unsigned char)t[i]);
		err = update_column(db, id, "UPDATE papers SET type = ?2 WHERE id = ?1", t, 0, 0);
		free(t);
		*rederive = 1;
		return err;
	}
	if (strcmp(name, "year") == 0 && *value &&
	    parse_int(value, -9999, 9999, &num) < 0)
		return pub__error(PUB_EINVAL, "year= takes a year, not '%s'", value);

	/* Everything else is a BibTeX field; the columns follow from it. */
	*rederive = 1;
	if (strcmp(name, "author") == 0 || strcmp(name, "editor") == 0)
		*authors_changed = 1;
	if (!*value)
		return pub__store_set_field(db, id, name, NULL);
	{
		char *v = pub__bib_value_from_text(value);
		int err = pub__store_set_field(db, id, name, v);
		free(v);
		return err;
	}
}

/* What edit_one() takes besides BibTeX's fields. */
static const char *const own_fields[] = {
	"key", "venue", "selected", "rank", "equal", "arxiv", "short", NULL,
};

int pub_field_known(const char **nearest, const char *name)
{
	const char *a, *b;
	*nearest = NULL;
	if (pub__bib_name_in(own_fields, name) || pub__bib_name_in(pub__bib_field_names, name))
		return 1;
	a = pub__nearest(name, pub__bib_field_names);
	b = pub__nearest(name, own_fields);
	*nearest = !a ? b : !b ? a : pub__distance(name, b) < pub__distance(name, a) ? b : a;
	return 0;
}

int pub_entry_type_known(const char **nearest, const char *type)
{
	*nearest = NULL;
	if (pub__bib_name_in(pub__bib_type_names, type))
		return 1;
	*nearest = pub__nearest(type, pub__bib_type_names);
	return 0;
}

static const size_t marks_sizes[] = {sizeof(pub_paper_marks)};
static const pub__versions marks_versions = {"pub_paper_marks", PUB_PAPER_MARKS_VERSION,
	marks_sizes};

int pub_paper_change(pub_db *db, const char *key, const pub_assignment *assignments,
	size_t n, const pub_paper_marks *given)
{
	pub_paper_marks m;
	int64_t id;
	int err, rederive = 0, authors_changed = 0;
	size_t i;
	if ((err = pub__versioned_in(&m, sizeof(m), given, &marks_versions)) < 0)
		return err;
	if (!given)
		m.selected = -1;
	if (m.selected < -1 || m.selected > 1)
		return pub__error(PUB_EINVAL, "selected is 0 or 1, not %d", m.selected);
	if ((err = pub__db_begin(db)) < 0)
		return err;
	if ((err = pub__store_paper_id(&id, db, key)) < 0)
		goto done;
	for (i = 0; i < n; i++)
		if ((err = edit_one(db, id, &assignments[i], &rederive, &authors_changed)) < 0)
			goto done;
	if (m.selected >= 0 && (err = update_column(db, id,
		    "UPDATE papers SET selected = ?2 WHERE id = ?1", NULL, m.selected, 1)) < 0)
		goto done;
	if (m.set_equal && (err = set_equal(db, id, m.equal, m.nequal)) < 0)
		goto done;
	if (rederive && (err = pub__store_rederive(db, id, authors_changed)) < 0)
		goto done;
	if ((err = pub__paper_touch(db, id)) < 0)
		goto done;
	err = pub__db_commit(db);
done:
	if (err < 0)
		pub__db_rollback(db);
	return err;
}

int pub_paper_edit(pub_db *db, const char *key, const pub_assignment *assignments,
	size_t n)
{
	return pub_paper_change(db, key, assignments, n, NULL);
}

int pub_paper_set(pub_db *db, const char *key, const char *field, const char *value)
{
	pub_assignment a;
	a.field = field;
	a.value = value;
	return pub_paper_change(db, key, &a, 1, NULL);
}

int pub_paper_set_selected(pub_db *db, const char *key, int selected)
{
	pub_paper_marks m = PUB_PAPER_MARKS_INIT;
	m.selected = selected;
	return pub_paper_change(db, key, NULL, 0, &m);
}

int pub_paper_set_equal(pub_db *db, const char *key, const unsigned int *positions,
	size_t n)
{
	pub_paper_marks m = PUB_PAPER_MARKS_INIT;
	m.set_equal = 1;
	m.equal = positions;
	m.nequal = n;
	return pub_paper_change(db, key, NULL, 0, &m);
}

static int check_kind(const char *kind)
{
	const char *k;
	for (k = kind; *k; k++)
		if (!islower((unsigned char)*k) && *k != '-' && *k != '_')
			return pub__error(PUB_EINVAL,
				"link kind '%s' must be a lower-case word such as paper, code, blog", kind);
	if (!*kind)
		return pub__error(PUB_EINVAL, "empty link kind");
	return 0;
}

int pub_paper_link_add(pub_db *db, const char *key, const char *kind, const char *url)
{
	int64_t id;
	int err;
	if ((err = check_kind(kind)) < 0)
		return err;
	if ((err = pub__db_begin(db)) < 0)
		return err;
	if ((err = pub__store_paper_id(&id, db, key)) < 0)
		goto done;
	if ((err = pub__store_add_link(db, id, kind, url)) < 0)
		goto done;
	if ((err = pub__paper_touch(db, id)) < 0)
		goto done;
	err = pub__db_commit(db);
done:
	if (err < 0)
		pub__db_rollback(db);
	return err;
}

int pub_paper_link_remove(pub_db *db, const char *key, const char *kind,
	const char *url)
{
	sqlite3_stmt *st;
	int64_t id;
	int err;
	if ((err = check_kind(kind)) < 0)
		return err;
	if ((err = pub__db_begin(db)) < 0)
		return err;
	if ((err = pub__store_paper_id(&id, db, key)) < 0)
		goto done;
	/* remembered, so that no refresh adds it back */
	if ((err = pub__store_links_remember_removed(db, id, kind, url)) < 0)
		goto done;
	if ((err = pub__db_stmt(&st, db,
		     "DELETE FROM links WHERE paper_id = ?1 AND kind = ?2 "
		     "AND (?3 IS NULL OR url = ?3)")) < 0)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_TRANSIENT);
	pub__bind_text(st, 3, url);
	if ((err = pub__db_step_done(db, st, "removing a link")) < 0)
		goto done;
	if (sqlite3_changes(db->sql) == 0) {
		err = url ? pub__error(PUB_ENOTFOUND, "'%s' has no %s link '%s'", key, kind, url)
			  : pub__error(PUB_ENOTFOUND, "'%s' has no %s link", key, kind);
		goto done;
	}
	/* A repository only a link knew about goes with it, as with `rm`;
	 * one added with `repo add` stays. */
	if ((err = pub__db_exec(db,
		     "DELETE FROM repos WHERE standalone = 0 AND "
		     "id NOT IN (SELECT repo_id FROM links WHERE repo_id IS NOT NULL)")) < 0)
		goto done;
	if ((err = pub__paper_touch(db, id)) < 0)
		goto done;
	err = pub__db_commit(db);
done:
	if (err < 0)
		pub__db_rollback(db);
	return err;
}
