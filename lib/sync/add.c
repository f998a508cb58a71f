/*
 * add.c: `pubdb add arxiv:ID doi:DOI ...`: normalises every identifier
 * first (a typo fails before any request), hands each to its source
 * (source.h: arXiv answers all its ids in one batched request, doi.org one
 * by one) with the sync session's client, and only then stores every record in one transaction, so a
 * network failure leaves the database as it was and no write lock is held
 * while waiting for a server.
 */
#include <stdlib.h>
#include <string.h>

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "bibtex/entry.h"
#include "bibtex/writer.h"
#include "ids/arxiv.h"
#include "ids/doi.h"
#include "store/import.h"
#include "store/db.h"
#include "store/store.h"
#include "net/http.h"
#include "net/source.h"
#include "sync/add.h"
#include "sync/record.h"
#include "sync/session.h"

/* ---- storing ------------------------------------------------------------------ */

typedef struct run {
	const pub_import_opts *user;
	pub_db *db;
	char key[256];
	int dry_run;
} run;

static void on_paper(const char *action, const char *key, const char *title,
	const char *source, void *ctx)
{
	run *r = ctx;
	char *shown = NULL;
	snprintf(r->key, sizeof(r->key), "%s", key);
	if (r->dry_run || !r->user->on_paper)
		return;
	/* The decoded title ("50% & more"), not the BibTeX field ("50\% \&"). */
	if (pub__store_title_of(&shown, r->db, key) < 0)
		pub_error_clear();
	r->user->on_paper(action, key, shown ? shown : title, source, r->user->paper_ctx);
	free(shown);
}

static void on_merge(const pub_merge_info *m, void *ctx)
{
	run *r = ctx;
	if (!r->dry_run && r->user->on_merge)
		r->user->on_merge(m, r->user->paper_ctx);
}

/* ---- identifiers -------------------------------------------------------- */

enum { SRC_ARXIV, SRC_DOI, NSOURCES };

static const pub__source *const sources[NSOURCES] = {&pub__source_arxiv, &pub__source_doi};

/* Where input i went: sources[src]'s lookup number idx. */
typedef struct ref {
	int src;
	size_t idx;
} ref;

/* The source and normalised id of one input. */
static int classify(int *src, char **id, int *version, const char *in)
{
	char *doi = NULL;
	*id = NULL;
	*version = 0;
	if (pub__doi_is_meant(in)) {
		if (pub__doi_normalize(&doi, in) < 0)
			return pub__error(PUB_EINVAL, "not a DOI: '%s'", in);
		/* arXiv's own DataCite DOI: ask arXiv, which knows more. */
		if (pub__doi_arxiv_id(id, doi)) {
			free(doi);
			*src = SRC_ARXIV;
			return 0;
		}
		*id = doi;
		*src = SRC_DOI;
		return 0;
	}
	if (pub__arxiv_normalize(id, version, in) < 0)
		return pub__error(PUB_EINVAL,
			"'%s' is neither an arXiv id nor a DOI (try arxiv:2408.12588 or doi:10.1145/...)",
			in);
	*src = SRC_ARXIV;
	return 0;
}

int pub__add_ids(pub__sync *s, const char *const *ids, size_t n,
	const pub_import_opts *opts, pub_import_stats *stats)
{
	pub_db *db = s->db;
	pub_import_opts o;
	pub__http *h = NULL;
	pub__lookup *looks[NSOURCES] = {NULL, NULL};
	size_t nlooks[NSOURCES] = {0, 0};
	ref *refs = pub__calloc(n ? n : 1, sizeof(*refs));
	size_t i, k, failed = 0;
	int err = 0, began = 0;
	run r;

	if (n == 0)
		goto done;
	if (opts->key && n > 1) {
		err = pub__error(PUB_EINVAL, "a given citation key names one paper, but %zu identifiers were given", n);
		goto done;
	}
	for (k = 0; k < NSOURCES; k++)
		looks[k] = pub__calloc(n, sizeof(*looks[k]));
	/* Every identifier is checked before anything is asked. */
	for (i = 0; i < n; i++) {
		pub__lookup *l;
		int src = SRC_ARXIV;
		char *id;
		int version;
		if ((err = classify(&src, &id, &version, ids[i])) < 0)
			goto done;
		l = &looks[src][nlooks[src]];
		l->input = ids[i];
		l->id = id;
		l->version = version;
		refs[i].src = src;
		refs[i].idx = nlooks[src]++;
	}
	stats->entries = n;

	if ((err = pub__sync_http(&h, s)) < 0)
		goto done;
	if (opts->notice)
		pub__http_set_notice(h, opts->notice, opts->notice_ctx);
	for (k = 0; k < NSOURCES; k++)
		if (nlooks[k] && (err = sources[k]->fetch(looks[k], nlooks[k], h)) < 0) {
			/* past the session's time limit nothing is stored */
			err = pub__sync_expired(s) ? pub__error(PUB_EDEADLINE,
				"time limit reached; not added: %zu identifiers", n)
				: pub__net_error(err);
			goto done;
		}

	o = *opts;
	memset(&r, 0, sizeof(r));
	r.user = opts;
	r.db = db;
	r.dry_run = opts->dry_run;
	o.on_paper = on_paper;
	o.on_merge = on_merge;
	o.paper_ctx = &r;
	if ((err = pub__db_begin(db)) < 0)
		goto done;
	began = 1;
	/* One command's identifiers are one source. */
	pub__db_source_begin(db);
	for (i = 0; i < n; i++) {
		pub__lookup *l = &looks[refs[i].src][refs[i].idx];
		int64_t id;
		if (l->rc < 0) {
			failed++;
			stats->skipped++;
			stats->warnings++;
			if (opts->warn)
				opts->warn(l->error, opts->warn_ctx);
			continue;
		}
		r.key[0] = '\0';
		if ((err = pub__record_store(&id, db, &l->record, &o, stats)) < 0)
			goto done;
		if (r.dry_run)
			pub__dry_run_entry(opts, l->record.entry, r.key);
	}
	if (opts->dry_run) {
		pub__db_rollback(db);
	} else if ((err = pub__db_commit(db)) < 0) {
		began = 0;
		goto done;
	}
	began = 0;
	if (failed)
		err = pub__error(PUB_ENOTFOUND, "%zu of %zu identifiers could not be added",
			failed, n);
done:
	pub__db_source_end(db);
	if (began)
		pub__db_rollback(db);
	for (k = 0; k < NSOURCES; k++) {
		for (i = 0; i < nlooks[k]; i++)
			pub__lookup_clear(&looks[k][i]);
		free(looks[k]);
	}
	free(refs);
	return err;
}

int pub_add_ids(pub_db *db, const char *const *ids, size_t n,
	const pub_import_opts *opts, pub_import_stats *stats)
{
	pub__import_call c;
	pub__sync s;
	int err = pub__import_begin(&c, opts, stats);
	if (err == 0) {
		pub__sync_open(&s, db);
		pub__sync_set_limit(&s, c.opts.max_time_ms);
		err = pub__add_ids(&s, ids, n, &c.opts, &c.stats);
		pub__sync_close(&s);
	}
	return pub__import_end(&c, stats, err);
}

/* `pubdb add` with profiles and identifiers: the profiles' papers, then
 * the identifiers', in one sync session (one client, so each service's
 * pacing holds across both, and one deadline). */
int pub_add(pub_db *db, const char *const *inputs, size_t n, const pub_import_opts *opts,
	pub_add_part_fn on_part, void *ctx)
{
	pub__import_call c;
	pub__sync s;
	const char **part[2];
	size_t npart[2] = {0, 0}, i;
	int err = pub__import_begin(&c, opts, NULL), k;
	if (err < 0)
		return err;
	part[0] = pub__calloc(n ? n : 1, sizeof(*part[0]));
	part[1] = pub__calloc(n ? n : 1, sizeof(*part[1]));
	for (i = 0; i < n; i++) {
		k = pub_profile_id_is(inputs[i]) ? 0 : 1;
		part[k][npart[k]++] = inputs[i];
	}
	pub__sync_open(&s, db);
	pub__sync_set_limit(&s, c.opts.max_time_ms);
	for (k = 0; k < 2 && err == 0; k++) {
		pub_import_stats st;
		if (!npart[k])
			continue;
		memset(&st, 0, sizeof(st));
		st.version = PUB_IMPORT_STATS_VERSION;
		err = k == 0 ? pub__add_profiles(&s, part[k], npart[k], &c.opts, &st)
			     : pub__add_ids(&s, part[k], npart[k], &c.opts, &st);
		err = on_part ? on_part(k == 0 ? PUB_ADD_PROFILES : PUB_ADD_IDS, err, &st, ctx)
			      : err;
	}
	pub__sync_close(&s);
	free(part[0]);
	free(part[1]);
	return err;
}
