/*
 * tags.c: a paper's tags (pub_paper_tag and its two shorthands) and tags
 * as a whole (pub_tag_rename).  A tag's name is its group heading, so renaming it
 * is how a heading gets its emoji ("📽️ Efficient Video Generation").
 */
#include "pub.h"
#include "util/error.h"
#include "store/db.h"
#include "store/links.h"
#include "store/paper.h"
#include "store/store.h"

static int tag_id(int64_t *out, pub_db *db, const char *name, int64_t not_id)
{
	sqlite3_stmt *st;
	int err, rc;
	*out = 0;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT id FROM tags WHERE name = ?1 COLLATE NOCASE AND id != ?2 "
		     "ORDER BY name = ?1 DESC, id LIMIT 1")) < 0)
		return err;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, not_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return pub__db_error(db, "looking up a tag");
	return 0;
}

static int run(pub_db *db, const char *sql, int64_t a, int64_t b, const char *text)
{
	sqlite3_stmt *st;
	int err;
	if ((err = pub__db_stmt(&st, db, sql)) < 0)
		return err;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	if (text)
		sqlite3_bind_text(st, 3, text, -1, SQLITE_TRANSIENT);
	return pub__db_step_done(db, st, "renaming a tag");
}

int pub_tag_rename(pub_db *db, const char *from, const char *to)
{
	int64_t from_id, to_id;
	int err;
	if (!to || !*to)
		return pub__error(PUB_EINVAL, "a tag's new name cannot be empty");
	if ((err = pub__db_begin(db)) < 0)
		return err;
	if ((err = tag_id(&from_id, db, from ? from : "", 0)) < 0)
		goto done;
	if (!from_id) {
		err = pub__error(PUB_ENOTFOUND, "no tag '%s'", from ? from : "");
		goto done;
	}
	if ((err = tag_id(&to_id, db, to, from_id)) < 0)
		goto done;
	if (to_id) {
		/* the two tags become one, under the new spelling */
		if ((err = run(db, "INSERT OR IGNORE INTO paper_tags (paper_id, tag_id) "
			       "SELECT paper_id, ?2 FROM paper_tags WHERE tag_id = ?1",
			       from_id, to_id, NULL)) < 0 ||
		    (err = run(db, "DELETE FROM paper_tags WHERE tag_id = ?1 AND ?2 = ?2",
			       from_id, to_id, NULL)) < 0 ||
		    (err = run(db, "DELETE FROM tags WHERE id = ?1 AND ?2 = ?2",
			       from_id, to_id, NULL)) < 0)
			goto done;
		from_id = to_id;
	}
	if ((err = run(db, "UPDATE tags SET name = ?3 WHERE id = ?1 AND ?2 = ?2",
		       from_id, 0, to)) < 0)
		goto done;
	err = pub__db_commit(db);
done:
	if (err < 0)
		pub__db_rollback(db);
	return err;
}

int pub_paper_tag(pub_db *db, const char *key, const pub_tag_change *changes,
	size_t n)
{
	int64_t id;
	int err;
	size_t i;
	if ((err = pub__db_begin(db)) < 0)
		return err;
	if ((err = pub__store_paper_id(&id, db, key)) < 0)
		goto done;
	for (i = 0; i < n; i++) {
		const char *c = changes[i].tag ? changes[i].tag : "";
		if (changes[i].remove) {
			sqlite3_stmt *st;
			if ((err = pub__db_stmt(&st, db,
				     "DELETE FROM paper_tags WHERE paper_id = ?1 AND "
				     "tag_id IN (SELECT id FROM tags WHERE name = ?2 COLLATE NOCASE)")) < 0)
				goto done;
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_text(st, 2, c, -1, SQLITE_TRANSIENT);
			if ((err = pub__db_step_done(db, st, "untagging")) < 0)
				goto done;
			continue;
		}
		if (!*c) {
			err = pub__error(PUB_EINVAL, "empty tag name");
			goto done;
		}
		if ((err = pub__store_add_tag(db, id, c)) < 0)
			goto done;
	}
	if ((err = pub__db_exec(db,
		     "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM paper_tags)")) < 0)
		goto done;
	if ((err = pub__paper_touch(db, id)) < 0)
		goto done;
	err = pub__db_commit(db);
done:
	if (err < 0)
		pub__db_rollback(db);
	return err;
}

int pub_paper_tag_add(pub_db *db, const char *key, const char *tag)
{
	pub_tag_change c;
	c.tag = tag;
	c.remove = 0;
	return pub_paper_tag(db, key, &c, 1);
}

int pub_paper_tag_remove(pub_db *db, const char *key, const char *tag)
{
	pub_tag_change c;
	c.tag = tag;
	c.remove = 1;
	return pub_paper_tag(db, key, &c, 1);
}
