/*
 * source.c: the database side every network source shares.
 */
#include "net/source.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "store/db.h"
#include "store/links.h"
#include "net/arxiv.h"
#include "net/http.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int64_t pace_get(void *ctx)
{
	char *v = NULL;
	int64_t ms = 0;
	if (pub_config_get(&v, ctx, PUB__ARXIV_LAST_KEY) == 0 && v)
		ms = strtoll(v, NULL, 10);
	free(v);
	pub_error_clear();
	return ms;
}

static void pace_set(int64_t ms, void *ctx)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%lld", (long long)ms);
	/* Best effort: a locked database must not fail the request. */
	pub_config_set(ctx, PUB__ARXIV_LAST_KEY, buf);
	pub_error_clear();
}

int pub__net_open(pub_db *db, pub__http **out)
{
	int err;
	if ((err = pub__http_new(out)) < 0)
		return err;
	pub__http_set_pacing_hook(*out, PUB__SVC_ARXIV, pace_get, pace_set, db);
	return 0;
}

int pub__net_error(int err)
{
	char *msg;
	if (err != PUB_EPARSE)
		return err;
	msg = pub__strdup(pub_error_last());
	err = pub__error(PUB_ENET, "%s", msg);
	free(msg);
	return err;
}

int pub__arxiv_store_extras(pub_db *db, int64_t paper_id,
	const pub__arxiv_paper *p)
{
	sqlite3_stmt *st;
	char now[21], *url;
	int err;
	pub__now_iso(now);
	if ((err = pub__db_stmt(&st, db,
		     "UPDATE papers SET arxiv_version = COALESCE(?2, arxiv_version), "
		     "published = COALESCE(?3, published), updated = COALESCE(?4, updated), "
		     "arxiv_category = COALESCE(?5, arxiv_category), checked = ?6 "
		     "WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	if (p->version > 0)
		sqlite3_bind_int(st, 2, p->version);
	pub__bind_text(st, 3, p->published);
	pub__bind_text(st, 4, p->updated);
	pub__bind_text(st, 5, p->primary_category);
	pub__bind_text(st, 6, now);
	err = pub__db_step_done(db, st, "storing arXiv data");
	sqlite3_reset(st);
	if (err < 0)
		return err;
	url = pub__sprintf("https://arxiv.org/abs/%s", p->id);
	err = pub__store_add_link(db, paper_id, "paper", url);
	free(url);
	if (err == 0 && p->code_url)
		err = pub__store_add_link(db, paper_id, "code", p->code_url);
	return err;
}
