/*
 * load.c: a new database from a dump (pub_db_load): the records of
 * dump.c's table read line by line into a temporary database beside the
 * target, in one transaction, and renamed into place only when every
 * line went in.
 */
#include "store/dump.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/db.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/fs.h"

/* Where a record was read, for messages: "dump.jsonl:12". */
typedef struct where {
	const char *name;
	long line;
} where;

/* The id of the row a reference names; PUB_ENOTFOUND when none does. */
static int resolve(int64_t *out, pub_db *db, pub__dump_kind kind, const char *name,
	const where *w, const char *table)
{
	static const struct {
		pub__dump_kind kind;
		const char *what, *sql;
	} refs[] = {
		{PUB__DUMP_PAPER, "paper", "SELECT id FROM papers WHERE lower(citekey) = lower(?1)"},
		{PUB__DUMP_AUTHOR, "author", "SELECT id FROM authors WHERE norm = ?1"},
		{PUB__DUMP_TAG, "tag", "SELECT id FROM tags WHERE name = ?1"},
		{PUB__DUMP_REPO, "repository", "SELECT id FROM repos WHERE owner = ?1 AND name = ?2"},
		{PUB__DUMP_VENUE, "venue", "SELECT id FROM venues WHERE tag = ?1"},
	};
	sqlite3_stmt *st;
	const char *slash = NULL;
	size_t i;
	int err, rc;
	*out = 0;
	for (i = 0; refs[i].kind != kind; i++)
		;
	if ((err = pub__db_stmt(&st, db, refs[i].sql)) < 0)
		return err;
	if (kind == PUB__DUMP_REPO) {
		if (!(slash = strchr(name, '/')))
			return pub__error(PUB_EPARSE, "%s:%ld: %s record: repository '%s' is not "
				"OWNER/NAME", w->name, w->line, table, name);
		sqlite3_bind_text(st, 1, name, (int)(slash - name), SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, slash + 1, -1, SQLITE_TRANSIENT);
	} else {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return pub__db_error(db, "loading a dump");
	return pub__error(PUB_EPARSE, "%s:%ld: %s record names %s '%s', which no earlier "
		"record stores", w->name, w->line, table, refs[i].what, name);
}

/* A record of schema version `schema` as the current version has it.
 * Each version after PUB__DUMP_MIN_SCHEMA that renames or reshapes a
 * column adds its step here (docs/dump.md, "Older dumps"); a member a
 * version added is simply absent from older records (NULL or the
 * column's default). */
static int upgrade(json_t *rec, int schema, const where *w)
{
	/* 4 -> 5 added columns and tables only: nothing to rewrite. */
	(void)rec;
	(void)schema;
	(void)w;
	return 0;
}

static int bind_member(pub_db *db, sqlite3_stmt *st, int i, const pub__dump_col *col,
	json_t *v, const where *w, const char *table)
{
	int64_t id;
	int err;
	if (!v || json_is_null(v))
		return sqlite3_bind_null(st, i) == SQLITE_OK ? 0 : pub__db_error(db, "loading a dump");
	switch (col->kind) {
	case PUB__DUMP_VALUE:
		if (json_is_integer(v))
			sqlite3_bind_int64(st, i, (sqlite3_int64)json_integer_value(v));
		else if (json_is_real(v))
			sqlite3_bind_double(st, i, json_real_value(v));
		else if (json_is_string(v))
			sqlite3_bind_text(st, i, json_string_value(v), (int)json_string_length(v),
				SQLITE_TRANSIENT);
		else
			return pub__error(PUB_EPARSE, "%s:%ld: %s record: '%s' must be a number "
				"or a string", w->name, w->line, table, col->key);
		return 0;
	case PUB__DUMP_JSON:
		if (json_is_string(v)) {
			sqlite3_bind_text(st, i, json_string_value(v), (int)json_string_length(v),
				SQLITE_TRANSIENT);
		} else if (json_is_object(v) || json_is_array(v)) {
			char *text = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER);
			if (!text)
				abort();
			sqlite3_bind_text(st, i, text, -1, free);
		} else {
			return pub__error(PUB_EPARSE, "%s:%ld: %s record: '%s' must be an object, "
				"an array or a string", w->name, w->line, table, col->key);
		}
		return 0;
	default:
		if (!json_is_string(v))
			return pub__error(PUB_EPARSE, "%s:%ld: %s record: '%s' must be a string",
				w->name, w->line, table, col->key);
		if ((err = resolve(&id, db, col->kind, json_string_value(v), w, table)) < 0)
			return err;
		sqlite3_bind_int64(st, i, id);
		return 0;
	}
}

static int load_record(pub_db *db, json_t *rec, int schema, const where *w)
{
	const pub__dump_table *t = NULL;
	const char *type = json_string_value(json_object_get(rec, "t")), *key;
	sqlite3_stmt *st;
	json_t *v;
	size_t i;
	int err, rc;
	if (!type)
		return pub__error(PUB_EPARSE, "%s:%ld: the record has no \"t\" (its table)",
			w->name, w->line);
	for (i = 0; i < pub__dump_ntables && !t; i++)
		if (strcmp(pub__dump_tables[i].name, type) == 0)
			t = &pub__dump_tables[i];
	if (!t)
		return pub__error(PUB_EPARSE, "%s:%ld: unknown record type '%s'", w->name,
			w->line, type);
	if ((err = upgrade(rec, schema, w)) < 0)
		return err;
	/* A repository is named "owner/name" wherever it is referred to. */
	v = json_object_get(rec, "owner");
	if (strcmp(type, "repos") == 0 && json_is_string(v) && strchr(json_string_value(v), '/'))
		return pub__error(PUB_EPARSE, "%s:%ld: repos record: the owner has a '/'",
			w->name, w->line);
	json_object_foreach(rec, key, v) {
		if (strcmp(key, "t") == 0)
			continue;
		for (i = 0; i < t->ncols && strcmp(t->cols[i].key, key) != 0; i++)
			;
		if (i == t->ncols)
			return pub__error(PUB_EPARSE, "%s:%ld: %s record: unknown member '%s'",
				w->name, w->line, type, key);
	}
	if ((err = pub__db_stmt(&st, db, t->insert)) < 0)
		return err;
	for (i = 0; i < t->ncols; i++)
		if ((err = bind_member(db, st, (int)i + 1, &t->cols[i],
			     json_object_get(rec, t->cols[i].key), w, type)) < 0)
			return err;
	if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
		/* The record's fault (a duplicate, a NULL where none may be),
		 * or the machine's (disk full), said as such. */
		if ((rc & 0xff) == SQLITE_CONSTRAINT || (rc & 0xff) == SQLITE_MISMATCH)
			err = pub__error(PUB_EPARSE, "%s:%ld: %s record: %s", w->name, w->line,
				type, sqlite3_errmsg(db->sql));
		else
			err = pub__db_error(db, "loading a dump");
		sqlite3_reset(st);
		return err;
	}
	sqlite3_reset(st);
	return 0;
}

/* The first line: {"pubdb_dump": 1, "schema": N}. */
static int read_header(int *schema, json_t *rec, const where *w)
{
	json_t *format = json_object_get(rec, "pubdb_dump");
	json_t *version = json_object_get(rec, "schema");
	if (!json_is_integer(format) || !json_is_integer(version))
		return pub__error(PUB_EPARSE, "%s:%ld: not a pubdb dump (its first line must "
			"be {\"pubdb_dump\": %d, \"schema\": N})", w->name, w->line,
			PUB__DUMP_FORMAT);
	if (json_integer_value(format) != PUB__DUMP_FORMAT)
		return pub__error(PUB_EVERSION, "%s:%ld: dump format %lld; this pubdb reads "
			"format %d", w->name, w->line, (long long)json_integer_value(format),
			PUB__DUMP_FORMAT);
	if (json_integer_value(version) > PUB__SCHEMA_VERSION)
		return pub__error(PUB_EVERSION, "%s:%ld: the dump has schema version %lld, "
			"newer than this pubdb understands (%d); upgrade pubdb", w->name,
			w->line, (long long)json_integer_value(version), PUB__SCHEMA_VERSION);
	if (json_integer_value(version) < PUB__DUMP_MIN_SCHEMA)
		return pub__error(PUB_EVERSION, "%s:%ld: the dump has schema version %lld; "
			"this pubdb loads versions %d to %d", w->name, w->line,
			(long long)json_integer_value(version), PUB__DUMP_MIN_SCHEMA,
			PUB__SCHEMA_VERSION);
	*schema = (int)json_integer_value(version);
	return 0;
}

/* The search index, as derive.c writes it for each paper. */
static const char rebuild_fts[] =
	"INSERT INTO papers_fts(rowid, title, abstract, authors) "
	"SELECT p.id, p.title, p.abstract, COALESCE((SELECT group_concat(name, ' ') "
	"FROM (SELECT a.name FROM paper_authors pa JOIN authors a ON a.id = pa.author_id "
	"WHERE pa.paper_id = p.id ORDER BY pa.role, pa.position)), '') FROM papers p";

int pub__load_stream(size_t *nrecords, pub_db *db, FILE *in, const char *name)
{
	where w = {name, 0};
	char *line = NULL;
	size_t cap = 0, n = 0;
	ssize_t len;
	json_t *rec = NULL;
	int schema = -1, err;
	if (nrecords)
		*nrecords = 0;
	if ((err = pub__db_begin(db)) < 0)
		return err;
	errno = 0;
	while ((len = getline(&line, &cap, in)) >= 0) {
		json_error_t je;
		w.line++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		if (len == 0)
			continue;
		if (!(rec = json_loadb(line, (size_t)len, 0, &je))) {
			err = pub__error(PUB_EPARSE, "%s:%ld:%d: %s", name, w.line, je.column,
				je.text);
			goto done;
		}
		if (!json_is_object(rec)) {
			err = pub__error(PUB_EPARSE, "%s:%ld: not a JSON object", name, w.line);
			goto done;
		}
		if (schema < 0)
			err = read_header(&schema, rec, &w);
		else if ((err = load_record(db, rec, schema, &w)) == 0)
			n++;
		json_decref(rec);
		rec = NULL;
		if (err < 0)
			goto done;
	}
	if (ferror(in)) {
		err = pub__error(PUB_ERROR, "cannot read '%s': %s", name, strerror(errno ? errno : EIO));
		goto done;
	}
	if (schema < 0) {
		err = pub__error(PUB_EPARSE, "%s: empty: not a pubdb dump", name);
		goto done;
	}
	if ((err = pub__db_exec(db, rebuild_fts)) < 0)
		goto done;
	err = pub__db_commit(db);
done:
	json_decref(rec);
	free(line);
	if (err < 0)
		pub__db_rollback(db);
	else if (nrecords)
		*nrecords = n;
	return err;
}

/* Removes a database file and its companions; ENOENT is fine. */
static void remove_db_files(const char *path)
{
	static const char *const suffix[] = {"", "-journal", "-wal", "-shm"};
	size_t i;
	for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		char *p = pub__sprintf("%s%s", path, suffix[i]);
		unlink(p);
		free(p);
	}
}

int pub_db_load(size_t *nrecords, const char *path, FILE *in, const char *name,
	unsigned flags)
{
	static unsigned counter;
	char *target = NULL, *tmp = NULL;
	pub_db *db = NULL;
	struct stat st;
	int err = 0, exists;
	if (nrecords)
		*nrecords = 0;
	if (!path || !*path)
		return pub__error(PUB_EINVAL, "no database path given");
	target = pub__resolve_links(path);
	exists = stat(target, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		err = pub__error(PUB_EINVAL, "database path '%s' is a directory", path);
		goto done;
	}
	if (exists && !(flags & PUB_LOAD_FORCE)) {
		err = pub__error(PUB_EEXISTS, "database '%s' exists",
			path);
		goto done;
	}
	if ((err = pub__make_dirs(target, 0)) < 0)
		goto done;
	do {
		free(tmp);
		tmp = pub__sprintf("%s.load%ld.%u.%ld", target, (long)getpid(), ++counter,
			(long)time(NULL));
	} while (access(tmp, F_OK) == 0);
	if ((err = pub_db_open(&db, tmp, PUB_OPEN_CREATE)) < 0)
		goto done;
	err = pub__load_stream(nrecords, db, in, name);
	pub_db_free(db); /* closed: WAL on, its log checkpointed and gone */
	db = NULL;
	if (err < 0)
		goto done;
	if (exists) {
		/* The old file's log must not meet the new file. */
		char *p = pub__sprintf("%s-wal", target);
		unlink(p);
		free(p);
		p = pub__sprintf("%s-shm", target);
		unlink(p);
		free(p);
		chmod(tmp, st.st_mode & 07777);
	}
	if (rename(tmp, target) != 0)
		err = pub__error(PUB_ERROR, "cannot write '%s': %s", path, strerror(errno));
done:
	if (err < 0 && tmp) {
		remove_db_files(tmp);
		if (nrecords)
			*nrecords = 0;
	}
	free(tmp);
	free(target);
	return err;
}
