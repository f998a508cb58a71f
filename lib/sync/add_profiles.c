/*
 * add_profiles.c: pub_add_profiles(), `pubdb add dblp:PID orcid:ID
 * s2author:ID`: each profile's works fetched (net/profile*.c) with the
 * sync session's client and deadline, merged, and stored in one
 * transaction.
 */
#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "text/latex.h"
#include "text/names.h"
#include "bibtex/entry.h"
#include "bibtex/value.h"
#include "bibtex/writer.h"
#include "ids/arxiv.h"
#include "ids/dblp.h"
#include "ids/doi.h"
#include "store/citations.h"
#include "store/db.h"
#include "store/events.h"
#include "store/import.h"
#include "store/inbox.h"
#include "store/links.h"
#include "store/merge.h"
#include "store/store.h"
#include "net/arxiv.h"
#include "net/http.h"
#include "net/profile.h"
#include "net/source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sync/add.h"
#include "sync/record.h"
#include "sync/openreview.h"
#include "sync/session.h"

/* The key each stored work got, for the dry run's BibTeX. */
typedef struct keyed {
	const pub_import_opts *user;
	const char *title; /* the work's plain title, not its BibTeX */
	char key[256];
} keyed;

static void on_keyed(const char *action, const char *key, const char *title,
	const char *source, void *ctx)
{
	keyed *k = ctx;
	snprintf(k->key, sizeof(k->key), "%s", key);
	if (!k->user->dry_run && k->user->on_paper)
		k->user->on_paper(action, key, k->title ? k->title : title, source,
			k->user->paper_ctx);
}

static void on_keyed_merge(const pub_merge_info *m, void *ctx)
{
	keyed *k = ctx;
	if (!k->user->dry_run && k->user->on_merge)
		k->user->on_merge(m, k->user->paper_ctx);
}

int pub__add_profiles(pub__sync *s, const char *const *ids, size_t n,
	const pub_import_opts *opts, pub_import_stats *stats)
{
	pub_db *db = s->db;
	pub_import_opts o;
	pub__http *h = NULL;
	pub__profile_kind *kinds = pub__calloc(n ? n : 1, sizeof(*kinds));
	char **norm = pub__calloc(n ? n : 1, sizeof(*norm));
	pub__work_list *lists = pub__calloc(n ? n : 1, sizeof(*lists));
	size_t i, j, fetched = 0;
	int err = 0, began = 0;
	keyed kc;

	if (opts->key) {
		err = pub__error(PUB_EINVAL, "a profile lists many papers; a given citation key names one");
		goto done;
	}
	for (i = 0; i < n; i++)
		if ((err = pub__profile_parse(&kinds[i], &norm[i], ids[i])) < 0)
			goto done;
	if (n == 0)
		goto done;
	if ((err = pub__sync_http(&h, s)) < 0)
		goto done;
	if (opts->notice)
		pub__http_set_notice(h, opts->notice, opts->notice_ctx);
	for (i = 0; i < n; i++) {
		if ((err = pub__profile_fetch(&lists[i], h, kinds[i], norm[i])) < 0) {
			/* at the time limit, the profiles fetched so far are stored */
			if (!pub__sync_expired(s))
				goto done;
			pub__work_list_free(&lists[i]);
			memset(&lists[i], 0, sizeof(lists[i]));
			break; /* err is set again by pub__db_begin below */
		}
		pub__works_merge(&lists[i]);
		stats->entries += lists[i].n;
	}
	fetched = i;
	o = *opts;
	kc.user = opts;
	o.on_paper = on_keyed;
	o.on_merge = on_keyed_merge;
	o.paper_ctx = &kc;
	if ((err = pub__db_begin(db)) < 0)
		goto done;
	began = 1;
	for (i = 0; i < fetched; i++) {
		char *source = pub__sprintf("%s:%s", pub__profile_source(kinds[i]), norm[i]);
		/* One profile is one source: its papers are distinct. */
		pub__db_source_begin(db);
		for (j = 0; j < lists[i].n && err == 0; j++) {
			int64_t id;
			size_t before = stats->added;
			kc.key[0] = '\0';
			kc.title = lists[i].items[j].title;
			err = pub__work_store(&id, db, &lists[i].items[j], source, &o, stats);
			if (err == 0 && opts->dry_run && stats->added > before) {
				pub__record r;
				pub__work_to_record(&r, &lists[i].items[j], source);
				pub__dry_run_entry(opts, r.entry, kc.key);
				pub__record_clear(&r);
			}
		}
		pub__db_source_end(db);
		free(source);
		if (err < 0)
			goto done;
	}
	if (opts->dry_run) {
		pub__db_rollback(db);
	} else if ((err = pub__db_commit(db)) < 0) {
		began = 0;
		goto done;
	}
	began = 0;
	/* The decisions of the papers just stored, from OpenReview: their
	 * acceptances dated by the decision day, not by the import.  A failure
	 * there is a warning; the papers are stored. */
	if (!opts->dry_run && stats->added > 0 && !pub__http_expired(h)) {
		pub_refresh_opts ro = PUB_REFRESH_OPTIONS_INIT;
		pub_refresh_stats rs = PUB_REFRESH_STATS_INIT;
		int rc;
		ro.warn = opts->warn;
		ro.warn_ctx = opts->warn_ctx;
		rc = pub__openreview_decide(db, h, &ro, &rs, 1);
		if (rc < 0 && rc != PUB_EPARTIAL && opts->warn) {
			char *msg = pub__sprintf("decisions not checked: %s", pub_error_last());
			opts->warn(msg, opts->warn_ctx);
			free(msg);
		}
	}
	if (fetched < n) {
		pub__buf left = PUB__BUF_INIT;
		int64_t ms = pub__http_now_ms() - s->started_ms;
		for (i = fetched; i < n; i++)
			pub__buf_printf(&left, "%s%s:%s", left.len ? ", " : "",
				pub__profile_source(kinds[i]), norm[i]);
		err = pub__error(PUB_EDEADLINE, "time limit reached after %lld.%01lld s; "
			"not done: %s", (long long)(ms / 1000), (long long)(ms % 1000 / 100),
			left.ptr);
		pub__buf_free(&left);
	}
done:
	if (began)
		pub__db_rollback(db);
	for (i = 0; i < n; i++) {
		free(norm[i]);
		pub__work_list_free(&lists[i]);
	}
	free(norm);
	free(kinds);
	free(lists);
	return err;
}

int pub_add_profiles(pub_db *db, const char *const *ids, size_t n,
	const pub_import_opts *opts, pub_import_stats *stats)
{
	pub__import_call c;
	pub__sync s;
	int err = pub__import_begin(&c, opts, stats);
	if (err == 0) {
		pub__sync_open(&s, db);
		pub__sync_set_limit(&s, c.opts.max_time_ms);
		err = pub__add_profiles(&s, ids, n, &c.opts, &c.stats);
		pub__sync_close(&s);
	}
	return pub__import_end(&c, stats, err);
}
