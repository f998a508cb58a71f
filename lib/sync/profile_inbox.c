/*
 * profile_inbox.c: watching the owner's profiles (`refresh --profiles`)
 * and the inbox they fill (`pubdb inbox`, `inbox accept`, `inbox
 * reject`).  Every profile is read before the one transaction that files
 * what is new, so a failure midway leaves the inbox as it was.
 */
#include "net/profile.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "text/latex.h"
#include "store/import.h"
#include "store/db.h"
#include "store/events.h"
#include "store/inbox.h"
#include "store/lock.h"
#include "net/http.h"
#include "net/source.h"
#include "sync/refresh.h"
#include "sync/session.h"
#include "sync/record.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static void ident_of(pub__ident *id, const pub__work *w, const char *title_key)
{
	id->doi = w->doi;
	id->arxiv = w->arxiv;
	id->dblp = w->dblp;
	id->dblp_alt = w->dblp_alt;
	id->title_key = title_key;
	id->year = w->year;
}

static void warn(const pub_refresh_opts *o, const char *msg)
{
	if (o && o->warn)
		o->warn(msg, o->warn_ctx);
}

/* Files one work: 1 in *arrived when it is new to the inbox. */
static int file_work(int *arrived, pub_db *db, const pub__work *w, const char *source,
	pub_refresh_stats *stats)
{
	char *key = pub__fold_ascii(w->title), *json = NULL, *badge = NULL;
	pub__ident id;
	int64_t row;
	int yes, err;
	*arrived = 0;
	ident_of(&id, w, key);
	if ((err = pub__inbox_is_stored(&yes, db, &id)) < 0 || yes) {
		stats->unchanged += yes;
		goto done;
	}
	if ((err = pub__inbox_is_rejected(&yes, db, &id)) < 0 || yes) {
		stats->skipped += yes;
		goto done;
	}
	if ((err = pub__inbox_find(&row, db, &id)) < 0)
		goto done;
	if (row) {
		stats->unchanged++;
		err = pub__inbox_fill(db, row, &id);
		goto done;
	}
	json = pub__work_to_json(w);
	badge = pub__work_badge(w);
	if ((err = pub__inbox_add(&row, db, &id, source, w->title, badge, json)) == 0) {
		*arrived = 1;
		stats->changed++;
	}
done:
	free(key);
	free(json);
	free(badge);
	return err;
}

int pub__refresh_step_profiles(pub__sync *s, const pub_refresh_opts *opts,
	pub_refresh_stats *stats)
{
	pub_db *db = s->db;
	pub__http *h = NULL;
	const pub__work_list *got;
	pub__work_list lists[3];
	pub__profile_kind kinds[3];
	char *ids[3] = {NULL, NULL, NULL};
	int fetched[3] = {0, 0, 0};
	size_t i, j, nset = 0, arrived = 0, pruned;
	int err = 0, failed_net = 0, began = 0;

	memset(lists, 0, sizeof(lists));
	for (i = 0; i < PUB__OWNER_PROFILES; i++) {
		if ((err = pub__owner_profile_id(&kinds[i], &ids[i], db, i)) < 0)
			goto done;
		if (!ids[i])
			continue;
		nset++;
	}
	if (!nset)
		goto done;
	if ((err = pub__sync_http(&h, s)) < 0)
		goto done;
	if (opts && opts->progress)
		opts->progress("profiles", 0, nset, opts->progress_ctx);
	for (i = 0, j = 0; i < 3; i++) {
		if (!ids[i])
			continue;
		/* the venues step of the same run may have read it already */
		err = pub__sync_profile(&got, s, kinds[i], ids[i]);
		if (err == 0)
			pub__work_list_copy(&lists[i], got);
		if (opts && opts->progress)
			opts->progress("profiles", ++j, nset, opts->progress_ctx);
		if (err == PUB_ENONET) {
			failed_net++;
			pub__work_list_free(&lists[i]);
			continue;
		}
		if (err < 0) {
			stats->failed++;
			warn(opts, pub_error_last());
			pub__work_list_free(&lists[i]);
			continue;
		}
		fetched[i] = 1;
		pub__works_merge(&lists[i]);
		stats->checked += lists[i].n;
	}
	if (failed_net == (int)nset) {
		err = pub__error(PUB_ENONET, "profiles: no network");
		goto done;
	}
	stats->failed += (size_t)failed_net;
	if ((err = pub__db_begin(db)) < 0)
		goto done;
	began = 1;
	if ((err = pub__inbox_prune(&pruned, db)) < 0)
		goto done;
	for (i = 0; i < 3; i++) {
		for (j = 0; fetched[i] && j < lists[i].n; j++) {
			int a;
			if ((err = file_work(&a, db, &lists[i].items[j],
				     pub__profile_source(kinds[i]), stats)) < 0)
				goto done;
			arrived += (size_t)a;
		}
	}
	if (arrived) {
		char n[32];
		snprintf(n, sizeof(n), "%zu", arrived);
		if ((err = pub__event_add(db, PUB__EVENT_INBOX, 0, 0, n, "profiles", NULL)) < 0)
			goto done;
	}
	began = 0;
	if ((err = pub__db_commit(db)) < 0)
		goto done;
	if (stats->failed)
		err = pub__error(PUB_EPARTIAL, "profiles: %zu of %zu profiles failed",
			stats->failed, nset);
done:
	if (began)
		pub__db_rollback(db);
	for (i = 0; i < 3; i++) {
		free(ids[i]);
		pub__work_list_free(&lists[i]);
	}
	return err;
}

int pub_refresh_profiles(pub_db *db, const pub_refresh_opts *opts, pub_refresh_stats *stats)
{
	return pub__refresh_one(db, opts, stats, pub__refresh_step_profiles);
}

/* ---- the inbox ------------------------------------------------------------ */

typedef struct inbox_walk {
	int (*cb)(const pub_inbox_item *item, void *ctx);
	void *ctx;
} inbox_walk;

/* A stored row as the public item, with the authors from its work. */
static int inbox_row(const pub__inbox_row *r, void *ctx)
{
	inbox_walk *wk = ctx;
	pub_inbox_item it;
	pub__work w;
	char id[32];
	int err;
	snprintf(id, sizeof(id), "%lld", (long long)r->id);
	if ((err = pub__work_from_json(&w, r->work_json)) < 0)
		return err;
	memset(&it, 0, sizeof(it));
	it.id = id;
	it.title = r->title;
	it.year = r->year;
	it.venue = r->venue;
	it.source = r->source;
	it.arxiv = r->arxiv;
	it.doi = r->doi;
	it.authors = (const char *const *)w.authors;
	it.nauthors = w.nauthors;
	err = wk->cb(&it, wk->ctx);
	pub__work_clear(&w);
	return err;
}

int pub_inbox_foreach(pub_db *db,
	int (*cb)(const pub_inbox_item *item, void *ctx), void *ctx)
{
	inbox_walk wk;
	wk.cb = cb;
	wk.ctx = ctx;
	return pub__inbox_rows_foreach(db, inbox_row, &wk);
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static int item_json(const pub_inbox_item *it, void *ctx)
{
	json_t *o = json_object(), *a = json_array();
	size_t i;
	json_object_set_new(o, "id", json_string(it->id));
	json_object_set_new(o, "title", json_string(it->title));
	for (i = 0; i < it->nauthors; i++)
		json_array_append_new(a, json_string(it->authors[i]));
	json_object_set_new(o, "authors", a);
	json_object_set_new(o, "year", it->year ? json_integer(it->year) : json_null());
	json_object_set_new(o, "venue", str_or_null(it->venue));
	json_object_set_new(o, "source", json_string(it->source));
	json_object_set_new(o, "arxiv", str_or_null(it->arxiv));
	json_object_set_new(o, "doi", str_or_null(it->doi));
	json_array_append_new(ctx, o);
	return 0;
}

int pub_inbox_json(char **out, pub_db *db)
{
	json_t *arr = json_array();
	int err = pub_inbox_foreach(db, item_json, arr);
	*out = NULL;
	if (err == 0 && !(*out = json_dumps(arr, JSON_PRESERVE_ORDER | JSON_INDENT(2))))
		err = pub__error(PUB_ERROR, "cannot write the inbox as JSON");
	json_decref(arr);
	return err;
}

/* The inbox rows `ids` names, each checked; PUB_ENOTFOUND names the first
 * id that is none. */
static int rows_of(int64_t **rows, size_t *nrows, pub_db *db, const char *const *ids,
	size_t n, int all)
{
	size_t i;
	int err = 0;
	if (all)
		return pub__inbox_ids(rows, nrows, db);
	*rows = pub__calloc(n ? n : 1, sizeof(**rows));
	*nrows = n;
	for (i = 0; i < n && err == 0; i++) {
		char *end, *json = NULL, *src = NULL;
		long long v = strtoll(ids[i], &end, 10);
		if (!*ids[i] || *end || v <= 0)
			err = pub__error(PUB_ENOTFOUND, "no paper '%s' in the inbox", ids[i]);
		else if (pub__inbox_get(&json, &src, db, v) < 0)
			err = pub__error(PUB_ENOTFOUND, "no paper '%s' in the inbox", ids[i]);
		(*rows)[i] = v;
		free(json);
		free(src);
	}
	return err;
}

static int inbox_accept(pub_db *db, const char *const *ids, size_t n, int all,
	const pub_import_opts *opts, pub_import_stats *stats)
{
	int64_t *rows = NULL;
	size_t nrows = 0, i, pruned;
	int err, began = 0;
	if ((err = pub__db_begin(db)) < 0)
		return err;
	began = 1;
	if ((err = rows_of(&rows, &nrows, db, ids, n, all)) < 0)
		goto done;
	pub__db_source_begin(db);
	for (i = 0; i < nrows && err == 0; i++) {
		char *json = NULL, *src = NULL, *source;
		pub__work w;
		int64_t paper;
		if ((err = pub__inbox_get(&json, &src, db, rows[i])) < 0)
			break;
		if ((err = pub__work_from_json(&w, json)) == 0) {
			source = pub__sprintf("inbox:%s", src);
			stats->entries++;
			err = pub__work_store(&paper, db, &w, source, opts, stats);
			if (err == 0)
				err = pub__inbox_delete(db, rows[i]);
			free(source);
			pub__work_clear(&w);
		}
		free(json);
		free(src);
	}
	pub__db_source_end(db);
	/* what the accepted papers now make known */
	if (err == 0)
		err = pub__inbox_prune(&pruned, db);
	if (err == 0) {
		began = 0;
		err = pub__db_commit(db);
	}
done:
	if (began)
		pub__db_rollback(db);
	free(rows);
	return err;
}

static int accept_call(pub_db *db, const char *const *ids, size_t n, int all,
	const pub_import_opts *opts, pub_import_stats *stats)
{
	pub__import_call c;
	int err = pub__import_begin(&c, opts, stats);
	if (err == 0)
		err = inbox_accept(db, ids, n, all, &c.opts, &c.stats);
	return pub__import_end(&c, stats, err);
}

int pub_inbox_accept(pub_db *db, const char *const *ids, size_t n,
	const pub_import_opts *opts, pub_import_stats *stats)
{
	return accept_call(db, ids, n, 0, opts, stats);
}

int pub_inbox_accept_all(pub_db *db, const pub_import_opts *opts, pub_import_stats *stats)
{
	return accept_call(db, NULL, 0, 1, opts, stats);
}

int pub_inbox_reject(pub_db *db, const char *const *ids, size_t n)
{
	int64_t *rows = NULL;
	size_t nrows = 0, i;
	int err;
	if ((err = pub__db_begin(db)) < 0)
		return err;
	if ((err = rows_of(&rows, &nrows, db, ids, n, 0)) == 0)
		for (i = 0; i < nrows && err == 0; i++)
			err = pub__inbox_reject_row(db, rows[i]);
	if (err == 0)
		err = pub__db_commit(db);
	else
		pub__db_rollback(db);
	free(rows);
	return err;
}
