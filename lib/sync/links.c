/*
 * links.c: the links step (pub_refresh_links()): code and project links
 * found, not typed.  The arXiv abstract and comments (stored by the arXiv
 * step: a GitHub or GitLab URL is the code), then Hugging Face's paper
 * page of each arXiv paper (githubRepo is the code, projectPage the
 * project page, filed under the kind the setting links.project names).
 * A found link goes in only where the user has not removed it and the
 * paper has no link of its kind yet (store/links.c); each remembers its
 * source.  Papers are asked about in chunks, each chunk's answers filed
 * in one transaction, so a run cut short keeps what it learnt.
 */
#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "ids/github.h"
#include "store/db.h"
#include "store/links.h"
#include "store/lock.h"
#include "net/hf.h"
#include "net/http.h"
#include "sync/refresh.h"
#include "sync/session.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Papers per chunk: one batch of requests, one transaction. */
#define CHUNK 50

typedef struct run {
	pub_db *db;
	const pub_refresh_opts *opts;
	pub_refresh_stats *stats;
	const char *page_kind;
	char now[21];
} run;

/* A paper needs Hugging Face when it has an arXiv id and lacks a code
 * link or a project page. */
static int wants_hf(const pub__link_row *r)
{
	return r->arxiv && *r->arxiv && (!r->has_code || !r->has_page);
}

static int file_one(run *R, const pub__link_row *r, const char *kind,
	const char *url, const char *source, int *changed)
{
	int added, err;
	if (!url)
		return 0;
	if ((err = pub__store_found_link(&added, R->db, r->id, kind, url, source, 1)) < 0)
		return err;
	if (added) {
		*changed = 1;
		pub__refresh_say(R->opts, 0, "%s: %s %s (found by %s)", r->citekey, kind, url,
			source);
	}
	return 0;
}

/* The code URL of the comments, else of the abstract. */
static char *text_code_url(const pub__link_row *r)
{
	char *u = pub__code_url_find(r->comment, NULL);
	return u ? u : pub__code_url_find(r->abstract, NULL);
}

/* Files what was found for one paper; `it` is NULL when Hugging Face was
 * not asked about it. */
static int file_row(run *R, const pub__link_row *r, const pub__hf_item *it)
{
	char *code = text_code_url(r);
	int err, changed = 0;
	err = file_one(R, r, "code", code, "arxiv", &changed);
	free(code);
	if (err < 0)
		return err;
	if (it && it->result == PUB__HF_FAILED) {
		R->stats->checked++;
		R->stats->failed++;
		pub__refresh_say(R->opts, 1, "%s: %s", r->citekey,
			it->error ? it->error : "failed");
		return 0;
	}
	if (it && it->result == PUB__HF_OK) {
		const char *page = it->paper.project_page;
		if ((err = file_one(R, r, "code", it->paper.github_repo, "huggingface",
			     &changed)) < 0)
			return err;
		/* a project page that is a repository is the code */
		if (page && pub__url_is_repo_root(page))
			err = file_one(R, r, "code", page, "huggingface", &changed);
		else
			err = file_one(R, r, R->page_kind, page, "huggingface", &changed);
		if (err < 0)
			return err;
	}
	R->stats->checked++;
	if (changed)
		R->stats->changed++;
	else
		R->stats->unchanged++;
	return pub__store_link_lookup(R->db, r->id, R->now);
}

static void progress(const run *R, size_t done, size_t total)
{
	if (R->opts->progress)
		R->opts->progress("links", done, total, R->opts->progress_ctx);
}

/* The kind project pages are filed under: the setting links.project, a
 * lower-case word ("project" when unset). */
static int page_kind(char **out, pub_db *db)
{
	const char *k;
	int err;
	if ((err = pub_config_get(out, db, "links.project")) < 0)
		return err;
	if (!*out || !**out) {
		free(*out);
		*out = pub__strdup("project");
		return 0;
	}
	for (k = *out; *k; k++)
		if (!islower((unsigned char)*k) && *k != '-' && *k != '_')
			return pub__error(PUB_EINVAL, "setting links.project is '%s', not a "
				"lower-case link kind such as project or blog", *out);
	return 0;
}

int pub__refresh_step_links(pub__sync *s, const pub_refresh_opts *opts,
	pub_refresh_stats *stats)
{
	run R;
	pub__link_row *rows = NULL;
	pub__hf_item items[CHUNK];
	size_t idx[CHUNK];
	size_t n = 0, at, i;
	pub__http *h = NULL;
	char cutoff[21], *kind = NULL, *ferr_msg = NULL;
	unsigned jobs = opts->jobs > 1 ? (unsigned)opts->jobs : 1;
	int err, ferr = 0;

	memset(&R, 0, sizeof(R));
	R.db = s->db;
	R.opts = opts;
	R.stats = stats;
	if ((err = page_kind(&kind, s->db)) < 0)
		goto done;
	R.page_kind = kind;
	pub__refresh_cutoff(cutoff, opts->max_age);
	if ((err = pub__link_rows(&rows, &n, &stats->skipped, s->db, cutoff, kind)) < 0)
		goto done;
	progress(&R, 0, n);
	for (at = 0; at < n && err == 0 && ferr == 0; at += CHUNK) {
		size_t m = n - at < CHUNK ? n - at : CHUNK, k = 0;
		memset(items, 0, sizeof(items));
		for (i = 0; i < m; i++)
			if (wants_hf(&rows[at + i])) {
				idx[i] = k;
				items[k++].arxiv = rows[at + i].arxiv;
			} else {
				idx[i] = (size_t)-1;
			}
		if (k && !h && (err = pub__sync_http(&h, s)) < 0)
			break;
		if (k && (ferr = pub__hf_fetch(h, items, k, jobs)) < 0)
			ferr_msg = pub__strdup(pub_error_last());
		pub__now_iso(R.now);
		/* whatever came back is filed, even when the run stops here;
		 * after a failure of the whole service, only what it answered */
		if ((err = pub__db_begin(s->db)) == 0) {
			for (i = 0; i < m && err == 0; i++) {
				const pub__hf_item *it = idx[i] == (size_t)-1 ? NULL : &items[idx[i]];
				if (ferr < 0 && it && it->result == PUB__HF_FAILED)
					continue;
				err = file_row(&R, &rows[at + i], it);
			}
			err = err < 0 ? (pub__db_rollback(s->db), err) : pub__db_commit(s->db);
		}
		for (i = 0; i < k; i++)
			pub__hf_item_clear(&items[i]);
		progress(&R, at + m, n);
		if (pub__sync_expired(s))
			break;
	}
done:
	for (i = 0; i < n; i++)
		pub__link_row_free(&rows[i]);
	free(rows);
	free(kind);
	if (err == 0 && ferr < 0)
		err = pub__error(ferr, "%s", ferr_msg);
	else if (err == 0 && stats->failed)
		err = pub__error(PUB_EPARTIAL, "%zu of %zu papers failed", stats->failed,
			stats->checked);
	free(ferr_msg);
	return err;
}

int pub_refresh_links(pub_db *db, const pub_refresh_opts *opts, pub_refresh_stats *stats)
{
	return pub__refresh_one(db, opts, stats, pub__refresh_step_links);
}
