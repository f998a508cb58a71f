/*
 * refresh_arxiv.c: `pubdb refresh --arxiv`: asks arXiv again about every
 * paper with an arXiv id (batched, paced), then writes what changed in one
 * transaction: version, dates, DOI, journal reference, and the published
 * version (venue, year, DOI) when a preprint gained one.  The arXiv id is
 * kept, so the paper still links to its preprint.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "bibtex/value.h"
#include "store/db.h"
#include "store/derive.h"
#include "store/lock.h"
#include "store/arxiv.h"
#include "net/arxiv.h"
#include "net/http.h"
#include "net/source.h"
#include "sync/refresh.h"
#include "sync/session.h"
#include "sync/record.h"

/* A stored arXiv paper as the step compares it with arXiv's answer. */
typedef pub__arxiv_row known;

static int same(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcasecmp(a, b) == 0;
}

/* A plausible publication year in a journal reference ("ICLR 2025",
 * "Phys. Rev. A 106, 022212 (2022)"): the last 19xx/20xx standing alone. */
static int journal_year(const char *s)
{
	int year = 0;
	size_t i, n = s ? strlen(s) : 0;
	for (i = 0; i + 4 <= n; i++) {
		if ((i > 0 && isdigit((unsigned char)s[i - 1])) ||
		    (i + 4 < n && isdigit((unsigned char)s[i + 4])))
			continue;
		if ((strncmp(s + i, "19", 2) == 0 || strncmp(s + i, "20", 2) == 0) &&
		    isdigit((unsigned char)s[i + 2]) && isdigit((unsigned char)s[i + 3]))
			year = atoi(s + i);
	}
	return year;
}

/* The papers to check, minus those checked within max_age seconds. */
static int load(pub_db *db, long max_age, known **out, size_t *n,
	size_t *skipped)
{
	char cutoff[21];
	pub__refresh_cutoff(cutoff, max_age);
	return pub__arxiv_rows(out, n, skipped, db, cutoff);
}

/* Applies one fresh answer; *changed is set when stored data changed. */
static int apply(pub_db *db, const known *k, const pub__arxiv_paper *p,
	const pub_refresh_opts *o, int *changed)
{
	int err = 0, fields = 0, gained_doi, gained_ref;
	*changed = 0;
	gained_doi = p->doi && !k->doi;
	/* DBLP's "CoRR" and "arXiv preprint ..." name the preprint itself */
	gained_ref = p->journal_ref && (!k->journal || strcasecmp(k->journal, "CoRR") == 0 ||
					  strncasecmp(k->journal, "arXiv", 5) == 0);
	if (p->version > 0 && p->version != k->version) {
		if (k->version > 0)
			pub__refresh_say(o, 0, "%s: v%d -> v%d", k->arxiv, k->version, p->version);
		else
			pub__refresh_say(o, 0, "%s: now v%d", k->arxiv, p->version);
		*changed = 1;
	}
	if ((p->updated && !same(p->updated, k->updated)) ||
	    (p->published && !same(p->published, k->published)))
		*changed = 1;
	if (p->doi && !same(p->doi, k->doi)) {
		char *v = pub__bib_value_from_text(p->doi);
		err = pub__store_set_field(db, k->id, "doi", v);
		free(v);
		if (err < 0)
			return err;
		if (gained_doi)
			pub__refresh_say(o, 0, "%s: published as %s", k->arxiv, p->doi);
		else
			pub__refresh_say(o, 0, "%s: DOI %s -> %s", k->arxiv, k->doi, p->doi);
		fields = *changed = 1;
	}
	if (p->journal_ref && !same(p->journal_ref, k->journal)) {
		char *v = pub__bib_value_from_text(p->journal_ref);
		err = pub__store_set_field(db, k->id, "journal", v);
		free(v);
		if (err < 0)
			return err;
		pub__refresh_say(o, 0, "%s: journal reference %s", k->arxiv, p->journal_ref);
		fields = *changed = 1;
	}
	if (gained_doi || gained_ref) {
		/* The preprint was published: record where, keeping the
		 * eprint fields so the arXiv id stays. */
		int year = journal_year(p->journal_ref);
		if (year) {
			char y[8];
			snprintf(y, sizeof(y), "%d", year);
			if ((err = pub__store_set_field(db, k->id, "year", y)) < 0)
				return err;
		}
		if ((err = pub__store_published_as(db, k->id, p->journal_ref)) < 0)
			return err;
		fields = 1;
	}
	if (fields && (err = pub__store_rederive(db, k->id, 0)) < 0)
		return err;
	return pub__arxiv_store_extras(db, k->id, p);
}

int pub__refresh_step_arxiv(pub__sync *s, const pub_refresh_opts *opts,
	pub_refresh_stats *stats)
{
	pub_db *db = s->db;
	known *ks = NULL;
	size_t n = 0, nids = 0, i, ok = 0, *slot = NULL;
	const char **ids = NULL;
	pub__arxiv_result *res = NULL;
	pub__http *h = NULL;
	int err, fetch_err, began = 0;

	if ((err = load(db, opts->max_age, &ks, &n, &stats->skipped)) < 0 || n == 0)
		goto done;
	/* Each id is asked once even when several papers carry it
	 * (added with --no-merge); slot[i] is where paper i's answer is. */
	ids = pub__calloc(n, sizeof(*ids));
	slot = pub__calloc(n, sizeof(*slot));
	for (i = 0; i < n; i++) {
		size_t j;
		for (j = 0; j < nids && strcmp(ids[j], ks[i].arxiv) != 0; j++)
			;
		if (j == nids)
			ids[nids++] = ks[i].arxiv;
		slot[i] = j;
	}
	res = pub__calloc(nids, sizeof(*res));
	if ((err = pub__sync_http(&h, s)) < 0)
		goto done;
	/* The network part runs before the transaction: no write lock is held
	 * while arXiv is slow or paced. */
	fetch_err = pub__arxiv_fetch(res, h, ids, NULL, nids);
	for (i = 0; i < nids; i++)
		if (res[i].rc == 0)
			ok++;
	if (fetch_err < 0 && ok == 0) {
		err = pub__net_error(fetch_err);
		goto done;
	}
	if ((err = pub__db_begin(db)) < 0)
		goto done;
	began = 1;
	for (i = 0; i < n; i++) {
		const pub__arxiv_result *a = &res[slot[i]];
		int changed;
		stats->checked++;
		if (a->rc < 0) {
			char *msg = a->error && strstr(a->error, ks[i].arxiv)
				? pub__strdup(a->error)
				: pub__sprintf("%s: %s", ks[i].arxiv, a->error ? a->error : "failed");
			stats->failed++;
			if (opts->warn)
				opts->warn(msg, opts->warn_ctx);
			free(msg);
			continue;
		}
		if ((err = apply(db, &ks[i], a->paper, opts, &changed)) < 0)
			goto done;
		if (changed)
			stats->changed++;
		else
			stats->unchanged++;
	}
	err = pub__db_commit(db);
	began = 0;
	if (err == 0 && stats->failed)
		err = pub__error(PUB_EPARTIAL, "%zu of %zu arXiv papers could not be checked",
			stats->failed, stats->checked);
done:
	if (began)
		pub__db_rollback(db);
	for (i = 0; i < n; i++)
		pub__arxiv_row_clear(&ks[i]);
	free(ks);
	free(ids);
	free(slot);
	if (res)
		pub__arxiv_results_free(res, nids);
	free(res);
	return err;
}

int pub_refresh_arxiv(pub_db *db, const pub_refresh_opts *opts, pub_refresh_stats *stats)
{
	return pub__refresh_one(db, opts, stats, pub__refresh_step_arxiv);
}
