/*
 * links.c: what hangs off a paper besides its fields: tags and links (a
 * GitHub code link also makes the repository row its stars are kept in).
 */
#include "store/links.h"
#include "store/events.h"

#include "pub.h"
#include "util/error.h"
#include "ids/github.h"
#include "store/db.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

int pub__store_add_tag(pub_db *db, int64_t paper_id, const char *tag)
{
	sqlite3_stmt *st;
	int err;
	/* tags are one regardless of case: "efficient video generation"
	 * reuses "Efficient Video Generation" */
	if ((err = pub__db_stmt(&st, db,
		     "INSERT INTO tags(name) SELECT ?1 WHERE NOT EXISTS "
		     "(SELECT 1 FROM tags WHERE name = ?1 COLLATE NOCASE)")) < 0)
		return err;
	sqlite3_bind_text(st, 1, tag, -1, SQLITE_TRANSIENT);
	if ((err = pub__db_step_done(db, st, "storing a tag")) < 0)
		return err;
	if ((err = pub__db_stmt(&st, db,
		     "INSERT OR IGNORE INTO paper_tags(paper_id, tag_id) "
		     "SELECT ?1, id FROM tags WHERE name = ?2 COLLATE NOCASE ORDER BY id LIMIT 1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	sqlite3_bind_text(st, 2, tag, -1, SQLITE_TRANSIENT);
	err = pub__db_step_done(db, st, "tagging a paper");
	sqlite3_reset(st);
	return err;
}

int pub__store_repo(int64_t *repo_id, pub_db *db, const char *owner,
	const char *name)
{
	sqlite3_stmt *st;
	int err;
	/* Looked up first: only a row made here is news (`pubdb news`). */
	if ((err = pub__db_stmt(&st, db,
		     "SELECT id FROM repos WHERE owner = ?1 AND name = ?2")) < 0)
		return err;
	sqlite3_bind_text(st, 1, owner, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*repo_id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		return 0;
	}
	sqlite3_reset(st);
	if ((err = pub__db_stmt(&st, db,
		     "INSERT INTO repos(owner, name) VALUES (?1, ?2) "
		     "ON CONFLICT(owner, name) DO UPDATE SET owner = repos.owner RETURNING id")) < 0)
		return err;
	sqlite3_bind_text(st, 1, owner, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		*repo_id = sqlite3_column_int64(st, 0);
	else
		err = pub__db_error(db, "storing a repository");
	sqlite3_reset(st);
	/* A file import (a bulk transaction) brings history, not news. */
	if (err == 0 && !db->bulk)
		err = pub__event_add(db, PUB__EVENT_REPO, 0, *repo_id, NULL, "add", NULL);
	return err;
}

/* The one insert of a link, with its source (NULL: the user's). */
static int add_link(pub_db *db, int64_t paper_id, const char *kind,
	const char *url, const char *source)
{
	sqlite3_stmt *st;
	char *owner = NULL, *name = NULL;
	int64_t repo_id = 0;
	int err = 0;
	if (strncasecmp(url, "https://", 8) != 0 && strncasecmp(url, "http://", 7) != 0)
		return pub__error(PUB_EINVAL,
			"link '%s' must be an http or https URL", url);
	if (pub__github_parse_url(&owner, &name, url) == 0) {
		if ((err = pub__store_repo(&repo_id, db, owner, name)) < 0)
			goto done;
	}
	pub_error_clear();
	if (repo_id && strcmp(kind, "code") == 0) {
		/* One code link per repository: a user's link (often into a
		 * subfolder) replaces the one found in the arXiv abstract. */
		if ((err = pub__db_stmt(&st, db,
			     "UPDATE OR IGNORE links SET url = ?3, source = ?4 WHERE paper_id = ?1 "
			     "AND kind = 'code' AND repo_id = ?2")) < 0)
			goto done;
		sqlite3_bind_int64(st, 1, paper_id);
		sqlite3_bind_int64(st, 2, repo_id);
		sqlite3_bind_text(st, 3, url, -1, SQLITE_TRANSIENT);
		pub__bind_text(st, 4, source);
		if ((err = pub__db_step_done(db, st, "storing a link")) < 0)
			goto done;
		if (sqlite3_changes(db->sql) > 0)
			goto done;
	}
	if ((err = pub__db_stmt(&st, db,
		     "INSERT INTO links(paper_id, kind, url, repo_id, source) VALUES (?1, ?2, ?3, ?4, ?5) "
		     "ON CONFLICT(paper_id, kind, url) DO UPDATE SET repo_id = excluded.repo_id, "
		     "source = excluded.source")) < 0)
		goto done;
	sqlite3_bind_int64(st, 1, paper_id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, url, -1, SQLITE_TRANSIENT);
	if (repo_id)
		sqlite3_bind_int64(st, 4, repo_id);
	pub__bind_text(st, 5, source);
	err = pub__db_step_done(db, st, "storing a link");
	sqlite3_reset(st);
done:
	free(owner);
	free(name);
	return err;
}

int pub__store_add_link(pub_db *db, int64_t paper_id, const char *kind,
	const char *url)
{
	sqlite3_stmt *st;
	int err = add_link(db, paper_id, kind, url, NULL);
	if (err < 0)
		return err;
	if ((err = pub__db_stmt(&st, db,
		     "DELETE FROM links_removed WHERE paper_id = ?1 AND url = ?2")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	sqlite3_bind_text(st, 2, url, -1, SQLITE_TRANSIENT);
	return pub__db_step_done(db, st, "storing a link");
}

/* Two URLs of one thing: equal but for case, a trailing slash, or a
 * scheme; two GitHub URLs of one repository when `repo`. */
static int same_target(const char *a, const char *b, int repo)
{
	size_t na, nb;
	if (repo && pub__github_same_repo(a, b))
		return 1;
	if (!strncasecmp(a, "https://", 8))
		a += 8;
	else if (!strncasecmp(a, "http://", 7))
		a += 7;
	if (!strncasecmp(b, "https://", 8))
		b += 8;
	else if (!strncasecmp(b, "http://", 7))
		b += 7;
	na = strlen(a);
	nb = strlen(b);
	while (na && a[na - 1] == '/')
		na--;
	while (nb && b[nb - 1] == '/')
		nb--;
	return na == nb && !strncasecmp(a, b, na);
}

int pub__store_found_link(int *added, pub_db *db, int64_t paper_id,
	const char *kind, const char *url, const char *source, int one_per_kind)
{
	sqlite3_stmt *st;
	int err, rc, skip = 0, code = strcmp(kind, "code") == 0;
	*added = 0;
	/* removed by the user: this URL in any kind, or the repository */
	if ((err = pub__db_stmt(&st, db,
		     "SELECT url, kind FROM links_removed WHERE paper_id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	while (!skip && (rc = sqlite3_step(st)) == SQLITE_ROW)
		skip = same_target((const char *)sqlite3_column_text(st, 0), url,
			code && strcmp((const char *)sqlite3_column_text(st, 1), "code") == 0);
	sqlite3_reset(st);
	if (!skip && rc != SQLITE_DONE)
		return pub__db_error(db, "reading removed links");
	if (skip)
		return 0;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT url, kind FROM links WHERE paper_id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	while (!skip && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *u = (const char *)sqlite3_column_text(st, 0);
		const char *k = (const char *)sqlite3_column_text(st, 1);
		int same_kind = strcmp(k, kind) == 0;
		skip = (one_per_kind && same_kind) || same_target(u, url, code && same_kind);
	}
	sqlite3_reset(st);
	if (!skip && rc != SQLITE_DONE)
		return pub__db_error(db, "reading links");
	if (skip)
		return 0;
	if ((err = add_link(db, paper_id, kind, url, source)) < 0)
		return err;
	*added = 1;
	return 0;
}

int pub__store_links_remember_removed(pub_db *db, int64_t paper_id,
	const char *kind, const char *url)
{
	sqlite3_stmt *st;
	int err;
	if ((err = pub__db_stmt(&st, db,
		     "INSERT OR IGNORE INTO links_removed(paper_id, kind, url) "
		     "SELECT paper_id, kind, url FROM links WHERE paper_id = ?1 AND kind = ?2 "
		     "AND (?3 IS NULL OR url = ?3)")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_TRANSIENT);
	pub__bind_text(st, 3, url);
	return pub__db_step_done(db, st, "remembering a removed link");
}

void pub__link_row_free(pub__link_row *r)
{
	free(r->citekey);
	free(r->arxiv);
	free(r->abstract);
	free(r->comment);
	memset(r, 0, sizeof(*r));
}

int pub__link_rows(pub__link_row **out, size_t *n, size_t *skipped, pub_db *db,
	const char *cutoff, const char *page_kind)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int err, rc;
	*out = NULL;
	*n = 0;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT p.id, p.citekey, p.arxiv, p.abstract, "
		     "json_extract(p.fields_json, '$.comment'), "
		     "EXISTS (SELECT 1 FROM links l WHERE l.paper_id = p.id AND l.kind = 'code'), "
		     "EXISTS (SELECT 1 FROM links l WHERE l.paper_id = p.id AND l.kind = ?2), "
		     "k.checked FROM papers p LEFT JOIN link_lookups k ON k.paper_id = p.id "
		     "ORDER BY p.id")) < 0)
		return err;
	sqlite3_bind_text(st, 2, page_kind, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *checked = (const char *)sqlite3_column_text(st, 7);
		pub__link_row *r;
		if (cutoff && *cutoff && checked && strcmp(checked, cutoff) >= 0) {
			(*skipped)++;
			continue;
		}
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			*out = pub__realloc(*out, cap * sizeof(**out));
		}
		r = &(*out)[(*n)++];
		r->id = sqlite3_column_int64(st, 0);
		r->citekey = pub__col_strdup(st, 1);
		r->arxiv = pub__col_strdup(st, 2);
		r->abstract = pub__col_strdup(st, 3);
		r->comment = pub__col_strdup(st, 4);
		r->has_code = sqlite3_column_int(st, 5);
		r->has_page = sqlite3_column_int(st, 6);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return pub__db_error(db, "reading papers");
	return 0;
}

int pub__store_link_lookup(pub_db *db, int64_t paper_id, const char *when)
{
	sqlite3_stmt *st;
	int err;
	if ((err = pub__db_stmt(&st, db,
		     "INSERT INTO link_lookups(paper_id, checked) VALUES (?1, ?2) "
		     "ON CONFLICT(paper_id) DO UPDATE SET checked = excluded.checked")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	sqlite3_bind_text(st, 2, when, -1, SQLITE_TRANSIENT);
	return pub__db_step_done(db, st, "storing a lookup");
}
