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

int pub__store_add_link(pub_db *db, int64_t paper_id, const char *kind,
	const char *url)
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
			     "UPDATE OR IGNORE links SET url = ?3 WHERE paper_id = ?1 AND kind = 'code' "
			     "AND repo_id = ?2")) < 0)
			goto done;
		sqlite3_bind_int64(st, 1, paper_id);
		sqlite3_bind_int64(st, 2, repo_id);
		sqlite3_bind_text(st, 3, url, -1, SQLITE_TRANSIENT);
		if ((err = pub__db_step_done(db, st, "storing a link")) < 0)
			goto done;
		if (sqlite3_changes(db->sql) > 0)
			goto done;
	}
	if ((err = pub__db_stmt(&st, db,
		     "INSERT INTO links(paper_id, kind, url, repo_id) VALUES (?1, ?2, ?3, ?4) "
		     "ON CONFLICT(paper_id, kind, url) DO UPDATE SET repo_id = excluded.repo_id")) < 0)
		goto done;
	sqlite3_bind_int64(st, 1, paper_id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, url, -1, SQLITE_TRANSIENT);
	if (repo_id)
		sqlite3_bind_int64(st, 4, repo_id);
	err = pub__db_step_done(db, st, "storing a link");
	sqlite3_reset(st);
done:
	free(owner);
	free(name);
	return err;
}
