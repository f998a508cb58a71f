/*
 * repo.c: GitHub repositories: `repo add`, listing with star deltas, and
 * the JSON of one repository (beside the paper JSON of export.c).
 */
#include "store/repo.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "ids/github.h"
#include "store/db.h"
#include "store/links.h"
#include "store/events.h"

#include <stdlib.h>
#include <string.h>

void pub__repo_free(pub_repo *r)
{
	if (!r)
		return;
	free(r->owner);
	free(r->name);
	free(r->url);
	free(r->description);
	free(r->checked);
	free(r->status);
	free(r->display_name);
	free(r->display_description);
	free(r);
}

void pub__repo_list_free(pub_repo **repos, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		pub__repo_free(repos[i]);
	free(repos);
}

int pub__repo_list(pub_repo ***out, size_t *n, pub_db *db, int standalone_only)
{
	static const char *sql =
		"SELECT r.id, r.github_id, r.owner, r.name, r.description, r.stars, r.checked, "
		"r.status, r.standalone, "
		"r.stars - (SELECT h.stars FROM star_history h WHERE h.repo_id = r.id "
		"  AND h.day <= date('now', '-7 days') ORDER BY h.day DESC LIMIT 1), "
		"r.stars - (SELECT h.stars FROM star_history h WHERE h.repo_id = r.id "
		"  AND h.day <= date('now', '-30 days') ORDER BY h.day DESC LIMIT 1), "
		"r.display_name, r.display_description "
		"FROM repos r WHERE (?1 = 0 OR r.standalone) "
		"ORDER BY CASE WHEN ?1 THEN r.id END, r.stars IS NULL, r.stars DESC, r.owner, r.name";
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	/* Not cached: callers may run other cached statements meanwhile. */
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return pub__db_error(db, "listing repositories");
	sqlite3_bind_int(st, 1, standalone_only);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pub_repo *r = pub__calloc(1, sizeof(*r));
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = pub__realloc(*out, cap * sizeof(**out));
		}
		(*out)[(*n)++] = r;
		r->id = sqlite3_column_int64(st, 0);
		r->github_id = sqlite3_column_int64(st, 1);
		r->owner = pub__col_strdup(st, 2);
		r->name = pub__col_strdup(st, 3);
		r->url = pub__sprintf("https://github.com/%s/%s", r->owner, r->name);
		r->description = pub__col_strdup(st, 4);
		r->stars = sqlite3_column_type(st, 5) == SQLITE_NULL ? -1
			: (long)sqlite3_column_int64(st, 5);
		r->checked = pub__col_strdup(st, 6);
		r->status = pub__col_strdup(st, 7);
		r->standalone = sqlite3_column_int(st, 8);
		r->delta_7d = (long)sqlite3_column_int64(st, 9);
		r->delta_30d = (long)sqlite3_column_int64(st, 10);
		r->display_name = pub__col_strdup(st, 11);
		r->display_description = pub__col_strdup(st, 12);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		pub__repo_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return pub__db_error(db, "listing repositories");
	}
	return 0;
}

int pub_repo_foreach(pub_db *db, int standalone_only,
	int (*cb)(const pub_repo *r, void *ctx), void *ctx)
{
	pub_repo **repos;
	size_t n, i;
	int err;
	if ((err = pub__repo_list(&repos, &n, db, standalone_only)) < 0)
		return err;
	for (i = 0; i < n && err == 0; i++)
		err = cb(repos[i], ctx);
	pub__repo_list_free(repos, n);
	return err;
}

int pub_repo_add(pub_db *db, const char *url, const char *description)
{
	sqlite3_stmt *st;
	char *owner = NULL, *name = NULL;
	int64_t id;
	int err, known;
	if ((err = pub__github_parse_url(&owner, &name, url)) < 0)
		return err;
	if ((err = pub__db_begin(db)) < 0)
		goto done;
	if ((err = pub__store_repo(&id, db, owner, name)) < 0)
		goto done;
	if ((err = pub__db_stmt(&st, db,
		     "UPDATE repos SET standalone = 1, "
		     "description = COALESCE(?2, description) WHERE id = ?1")) < 0)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	pub__bind_text(st, 2, description);
	if ((err = pub__db_step_done(db, st, "adding a repository")) < 0)
		goto done;
	/* A repository a paper's link made earlier is news now, once. */
	if ((err = pub__db_stmt(&st, db, "SELECT EXISTS (SELECT 1 FROM events "
		     "WHERE kind = 'repo' AND repo_id = ?1)")) < 0)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	known = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (!known && (err = pub__event_add(db, PUB__EVENT_REPO, 0, id, NULL, "repo add",
		     NULL)) < 0)
		goto done;
	err = pub__db_commit(db);
done:
	if (err < 0)
		pub__db_rollback(db);
	free(owner);
	free(name);
	return err;
}

/* OWNER/NAME as `repo list` prints it, or the repository's URL. */
static int parse_repo(char **owner, char **name, const char *repo)
{
	char *url = strstr(repo, "github.com") ? pub__strdup(repo)
		: pub__sprintf("https://github.com/%s", repo);
	int err = 0;
	if (pub__github_parse_url(owner, name, url) < 0)
		err = pub__error(PUB_EINVAL, "'%s' is not OWNER/NAME or a GitHub repository URL",
			repo);
	free(url);
	return err;
}

int pub_repo_edit(pub_db *db, const char *repo, const char *display_name,
	const char *display_description)
{
	sqlite3_stmt *st;
	char *owner = NULL, *name = NULL;
	int err;
	if ((err = parse_repo(&owner, &name, repo)) < 0)
		goto out;
	if ((err = pub__db_begin(db)) < 0)
		goto out;
	/* ?3/?5: whether a value was given; an empty one clears */
	if ((err = pub__db_stmt(&st, db,
		     "UPDATE repos SET "
		     "display_name = CASE WHEN ?3 THEN NULLIF(?4, '') ELSE display_name END, "
		     "display_description = CASE WHEN ?5 THEN NULLIF(?6, '') "
		     "ELSE display_description END "
		     "WHERE owner = ?1 AND name = ?2")) < 0)
		goto done;
	sqlite3_bind_text(st, 1, owner, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, display_name != NULL);
	pub__bind_text(st, 4, display_name);
	sqlite3_bind_int(st, 5, display_description != NULL);
	pub__bind_text(st, 6, display_description);
	if ((err = pub__db_step_done(db, st, "editing a repository")) < 0)
		goto done;
	if (sqlite3_changes(db->sql) == 0) {
		err = pub__error(PUB_ENOTFOUND, "no repository '%s/%s'", owner, name);
		goto done;
	}
	err = pub__db_commit(db);
done:
	if (err < 0)
		pub__db_rollback(db);
out:
	free(owner);
	free(name);
	return err;
}

int pub_repo_remove(pub_db *db, const char *repo)
{
	sqlite3_stmt *st;
	char *owner = NULL, *name = NULL, *url = NULL;
	pub__buf keys = PUB__BUF_INIT;
	size_t nkeys = 0;
	int64_t id = 0;
	int err, rc;
	/* OWNER/NAME as `repo list` prints it, or the repository's URL */
	url = strstr(repo, "github.com") ? pub__strdup(repo)
		: pub__sprintf("https://github.com/%s", repo);
	if (pub__github_parse_url(&owner, &name, url) < 0) {
		err = pub__error(PUB_EINVAL, "'%s' is not OWNER/NAME or a GitHub repository URL",
			repo);
		goto out;
	}
	if ((err = pub__db_begin(db)) < 0)
		goto out;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT id FROM repos WHERE owner = ?1 AND name = ?2")) < 0)
		goto done;
	sqlite3_bind_text(st, 1, owner, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE) {
		err = pub__error(PUB_ENOTFOUND, "no repository '%s/%s'", owner, name);
		goto done;
	}
	if (rc != SQLITE_ROW) {
		err = pub__db_error(db, "looking up a repository");
		goto done;
	}
	/* A paper's code link keeps its repository: removing it would drop
	 * the paper's stars behind the user's back.  The links go first. */
	if ((err = pub__db_stmt(&st, db,
		     "SELECT DISTINCT p.citekey FROM links l JOIN papers p ON p.id = l.paper_id "
		     "WHERE l.repo_id = ?1 ORDER BY p.citekey")) < 0)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		pub__buf_printf(&keys, "%s'%s'", nkeys++ ? ", " : "",
			(const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		err = pub__db_error(db, "looking up a repository's papers");
		goto done;
	}
	if (nkeys) {
		err = pub__error(PUB_ERROR, "repository '%s/%s' is linked from %s %s; "
			"remove %s first", owner, name, nkeys == 1 ? "paper" : "papers",
			keys.ptr, nkeys == 1 ? "that link" : "those links");
		goto done;
	}
	/* its star history goes with it (ON DELETE CASCADE) */
	if ((err = pub__db_stmt(&st, db, "DELETE FROM repos WHERE id = ?1")) < 0)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	if ((err = pub__db_step_done(db, st, "removing a repository")) < 0)
		goto done;
	err = pub__db_commit(db);
done:
	if (err < 0)
		pub__db_rollback(db);
out:
	pub__buf_free(&keys);
	free(url);
	free(owner);
	free(name);
	return err;
}

/* The star history, oldest first per repository (export/stars.c draws it). */
int pub_stars_history_foreach(pub_db *db,
	int (*cb)(const char *repo, const char *day, long stars, void *ctx), void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc, err = 0;
	/* Not cached: the callback may use the handle. */
	if (sqlite3_prepare_v2(db->sql,
		    "SELECT r.owner || '/' || r.name, h.day, h.stars FROM star_history h "
		    "JOIN repos r ON r.id = h.repo_id ORDER BY r.owner, r.name, h.day",
		    -1, &st, NULL) != SQLITE_OK)
		return pub__db_error(db, "reading star history");
	while (err == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW)
		err = cb((const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 1),
			(long)sqlite3_column_int64(st, 2), ctx);
	if (err == 0 && rc != SQLITE_DONE)
		err = pub__db_error(db, "reading star history");
	sqlite3_finalize(st);
	return err;
}
