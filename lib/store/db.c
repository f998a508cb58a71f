/*
 * db.c: opening the SQLite file, applying schema.sql and migrations,
 * transactions, the statement cache and settings.
 */
#include "store/db.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/nearest.h"
#include "bibtex/entry.h"
#include "store/fields.h"
#include "store/lock.h"

#include <errno.h>
#include <stdint.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void pub__store_init(void)
{
	/* Fails harmlessly (SQLITE_MISUSE) once SQLite is initialised. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int pub_db_schema_version(void)
{
	return PUB__SCHEMA_VERSION;
}

int pub__db_error(pub_db *db, const char *what)
{
	int rc = sqlite3_extended_errcode(db->sql);
	int prim = rc & 0xff;
	if (prim == SQLITE_BUSY || prim == SQLITE_LOCKED)
		return pub__error(PUB_EBUSY,
			"database '%s' is locked by another pubdb (%s); try again",
			db->path, what);
	if (prim == SQLITE_READONLY)
		return pub__error(PUB_ERROR, "database '%s' is read-only (%s)",
			db->path, what);
	if (prim == SQLITE_FULL || (prim == SQLITE_IOERR &&
		(sqlite3_system_errno(db->sql) == ENOSPC || sqlite3_system_errno(db->sql) == EFBIG)))
		return pub__error(PUB_ERROR, "disk full while writing '%s' (%s)",
			db->path, what);
	if (prim == SQLITE_CORRUPT || prim == SQLITE_NOTADB)
		return pub__error(PUB_ERROR,
			"database '%s' is corrupt or not a pubdb database (%s)",
			db->path, what);
	return pub__error(PUB_ERROR, "%s: %s", what, sqlite3_errmsg(db->sql));
}

static size_t stmt_slot(const struct pub__stmt_slot *tab, size_t cap,
	const char *sql)
{
	uint64_t h = (uint64_t)(uintptr_t)sql * 0x9E3779B97F4A7C15u;
	size_t i = (size_t)(h >> 32);
	for (i &= cap - 1; tab[i].text && tab[i].text != sql; i = (i + 1) & (cap - 1))
		;
	return i;
}

static int stmt_get(sqlite3_stmt **out, pub_db *db, const char *sql, int clear);

int pub__db_stmt(sqlite3_stmt **out, pub_db *db, const char *sql)
{
	return stmt_get(out, db, sql, 1);
}

int pub__db_stmt_rebind(sqlite3_stmt **out, pub_db *db, const char *sql)
{
	return stmt_get(out, db, sql, 0);
}

static int stmt_get(sqlite3_stmt **out, pub_db *db, const char *sql, int clear)
{
	size_t i;
	if (db->cache_cap) {
		i = stmt_slot(db->cache, db->cache_cap, sql);
		if (db->cache[i].text) {
			sqlite3_reset(db->cache[i].stmt);
			if (clear)
				sqlite3_clear_bindings(db->cache[i].stmt);
			*out = db->cache[i].stmt;
			return 0;
		}
	}
	if (sqlite3_prepare_v2(db->sql, sql, -1, out, NULL) != SQLITE_OK)
		return pub__db_error(db, "preparing a query");
	if ((db->ncache + 1) * 2 > db->cache_cap) {
		size_t cap = db->cache_cap ? db->cache_cap * 2 : 64, j;
		struct pub__stmt_slot *tab = pub__calloc(cap, sizeof(*tab));
		for (j = 0; j < db->cache_cap; j++)
			if (db->cache[j].text)
				tab[stmt_slot(tab, cap, db->cache[j].text)] = db->cache[j];
		free(db->cache);
		db->cache = tab;
		db->cache_cap = cap;
	}
	i = stmt_slot(db->cache, db->cache_cap, sql);
	db->cache[i].text = sql;
	db->cache[i].stmt = *out;
	db->ncache++;
	return 0;
}

int pub__db_exec(pub_db *db, const char *sql)
{
	if (sqlite3_exec(db->sql, sql, NULL, NULL, NULL) != SQLITE_OK)
		return pub__db_error(db, "running a statement");
	return 0;
}

static void end_bulk(pub_db *db);

int pub__db_begin(pub_db *db)
{
	int err = pub__db_exec(db, "BEGIN IMMEDIATE");
	if (err == 0)
		db->in_tx = 1;
	return err;
}

/* A bulk transaction runs without foreign-key checks (an eighth of a large
 * import's time).  Its callers only insert rows whose parents they have
 * just found or made, and delete nothing that has children, so there is
 * nothing for the checks to catch; `doctor` still runs foreign_key_check.
 * The pragma is a no-op inside a transaction, hence before BEGIN. */
int pub__db_begin_bulk(pub_db *db)
{
	int err;
	if ((err = pub__db_exec(db, "PRAGMA foreign_keys = OFF")) < 0)
		return err;
	db->bulk = 1;
	if ((err = pub__db_begin(db)) < 0) {
		end_bulk(db);
		return err;
	}
	/* Into an empty author table (a first import), every author this
	 * transaction stores passes through the cache: a miss is an answer. */
	{
		sqlite3_stmt *st;
		if ((err = pub__db_stmt(&st, db,
			     "SELECT NOT EXISTS (SELECT 1 FROM authors), "
			     "NOT EXISTS (SELECT 1 FROM aliases)")) < 0) {
			pub__db_rollback(db);
			return err;
		}
		if (sqlite3_step(st) == SQLITE_ROW) {
			db->authors_complete = sqlite3_column_int(st, 0);
			db->aliases_empty = sqlite3_column_int(st, 1);
		}
		sqlite3_reset(st);
	}
	/* With no authors there are no author links: the index of links by
	 * author is then built once at the commit (a sort) instead of row by
	 * row (random inserts: a sixth of a first import).  Nothing in an
	 * import reads it. */
	if (db->authors_complete &&
	    (err = pub__db_exec(db, "DROP INDEX paper_authors_author")) < 0) {
		pub__db_rollback(db);
		return err;
	}
	db->index_deferred = db->authors_complete;
	return 0;
}

static size_t author_slot(const struct pub__author_slot *tab, size_t cap,
	const char *norm)
{
	uint64_t h = 1469598103934665603u; /* FNV-1a */
	const unsigned char *p;
	size_t i;
	for (p = (const unsigned char *)norm; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	for (i = (size_t)h & (cap - 1); tab[i].norm && strcmp(tab[i].norm, norm) != 0;
	     i = (i + 1) & (cap - 1))
		;
	return i;
}

int64_t pub__db_author_get(pub_db *db, const char *norm, int *absent)
{
	size_t i;
	*absent = 0;
	if (!db->bulk)
		return 0;
	if (db->authors_cap) {
		i = author_slot(db->authors, db->authors_cap, norm);
		if (db->authors[i].norm)
			return db->authors[i].id;
	}
	*absent = db->authors_complete;
	return 0;
}

void pub__db_author_put(pub_db *db, const char *norm, int64_t id)
{
	size_t i;
	if (!db->bulk)
		return;
	if ((db->nauthors + 1) * 2 > db->authors_cap) {
		size_t cap = db->authors_cap ? db->authors_cap * 2 : 1024, j;
		struct pub__author_slot *tab = pub__calloc(cap, sizeof(*tab));
		for (j = 0; j < db->authors_cap; j++)
			if (db->authors[j].norm)
				tab[author_slot(tab, cap, db->authors[j].norm)] = db->authors[j];
		free(db->authors);
		db->authors = tab;
		db->authors_cap = cap;
	}
	i = author_slot(db->authors, db->authors_cap, norm);
	if (!db->authors[i].norm) {
		db->authors[i].norm = pub__strdup(norm);
		db->nauthors++;
	}
	db->authors[i].id = id;
}

static size_t source_slot(const int64_t *tab, size_t cap, int64_t id)
{
	size_t i = (size_t)(((uint64_t)id * 0x9E3779B97F4A7C15u) >> 32) & (cap - 1);
	while (tab[i] && tab[i] != id)
		i = (i + 1) & (cap - 1);
	return i;
}

void pub__db_source_begin(pub_db *db)
{
	pub__db_source_end(db);
	db->in_source = 1;
}

void pub__db_source_end(pub_db *db)
{
	free(db->source_ids);
	db->source_ids = NULL;
	db->nsource = db->source_cap = 0;
	db->in_source = 0;
}

void pub__db_source_add(pub_db *db, int64_t id)
{
	size_t i;
	if (!db->in_source || id <= 0)
		return;
	if ((db->nsource + 1) * 2 > db->source_cap) {
		size_t cap = db->source_cap ? db->source_cap * 2 : 256, j;
		int64_t *tab = pub__calloc(cap, sizeof(*tab));
		for (j = 0; j < db->source_cap; j++)
			if (db->source_ids[j])
				tab[source_slot(tab, cap, db->source_ids[j])] = db->source_ids[j];
		free(db->source_ids);
		db->source_ids = tab;
		db->source_cap = cap;
	}
	i = source_slot(db->source_ids, db->source_cap, id);
	if (!db->source_ids[i]) {
		db->source_ids[i] = id;
		db->nsource++;
	}
}

int pub__db_source_has(const pub_db *db, int64_t id)
{
	return db->source_cap && db->source_ids[source_slot(db->source_ids,
		db->source_cap, id)] == id;
}

static void authors_clear(pub_db *db)
{
	size_t i;
	db->authors_complete = 0;
	for (i = 0; i < db->authors_cap; i++)
		free(db->authors[i].norm);
	free(db->authors);
	db->authors = NULL;
	db->nauthors = db->authors_cap = 0;
}

static void end_bulk(pub_db *db)
{
	authors_clear(db);
	db->index_deferred = 0;
	db->aliases_empty = 0;
	free(db->bulk_owner);
	free(db->bulk_owner_words);
	db->bulk_owner = db->bulk_owner_words = NULL;
	db->bulk_owner_read = 0;
	if (db->bulk) {
		sqlite3_exec(db->sql, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
		db->bulk = 0;
	}
}

int pub__db_commit(pub_db *db)
{
	int err = 0;
	/* The same text as schema.sql's. */
	if (db->index_deferred &&
	    (err = pub__db_exec(db, "CREATE INDEX paper_authors_author ON "
				     "paper_authors(author_id)")) < 0) {
		pub__db_rollback(db);
		return err;
	}
	err = pub__db_exec(db, "COMMIT");
	if (err < 0) {
		pub__db_rollback(db);
		return err;
	}
	db->in_tx = 0;
	end_bulk(db);
	return 0;
}

void pub__db_rollback(pub_db *db)
{
	if (!sqlite3_get_autocommit(db->sql))
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	db->in_tx = 0;
	end_bulk(db);
}

int pub__db_step_done(pub_db *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return pub__db_error(db, what);
	return 0;
}

int pub__bind_text(sqlite3_stmt *st, int i, const char *s)
{
	return s ? sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT)
		 : sqlite3_bind_null(st, i);
}

char *pub__col_strdup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? pub__strdup((const char *)s) : NULL;
}

void pub__now_iso(char buf[21])
{
	/* Formatted once a second per thread: an import stamps every
	 * paper, and strftime() was a hundredth of it. */
	static _Thread_local time_t last = (time_t)-1;
	static _Thread_local char text[21];
	time_t t = time(NULL);
	if (t != last) {
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &tm);
		last = t;
	}
	memcpy(buf, text, sizeof(text));
}

char *pub_db_default_path(void)
{
	const char *env = getenv("PUBDB_DB");
	const char *home;
	if (env && *env)
		return pub__strdup(env);
	env = getenv("XDG_DATA_HOME");
	if (env && *env == '/')
		return pub__sprintf("%s/pubdb/pubdb.sqlite3", env);
	home = getenv("HOME");
	return pub__sprintf("%s/.local/share/pubdb/pubdb.sqlite3",
		home && *home ? home : ".");
}

/* 1 when nothing this process does can write the database: the file or
 * its folder is read-only (a read-only mount, chattr +i, a mode that
 * excludes us).  SQLite needs the folder too, for its journal or its WAL
 * index. */
static int db_unwritable(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int no;
	if (access(path, W_OK) != 0 && (errno == EACCES || errno == EPERM || errno == EROFS))
		return 1;
	dir = slash ? pub__strndup(path, slash == path ? 1 : (size_t)(slash - path))
		    : pub__strdup(".");
	no = access(dir, W_OK) != 0 && (errno == EACCES || errno == EPERM || errno == EROFS);
	free(dir);
	return no;
}

/* A "file:" URI of `path` with `query`, reserved characters
 * percent-encoded (sqlite.org/uri.html). */
static char *db_uri(const char *path, const char *query)
{
	pub__buf b = PUB__BUF_INIT;
	const char *p;
	pub__buf_puts(&b, "file:");
	for (p = path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			pub__buf_printf(&b, "%%%02X", (unsigned char)*p);
		else
			pub__buf_putc(&b, *p);
	}
	pub__buf_printf(&b, "?%s", query);
	return pub__buf_detach(&b);
}

/* The size of `path`-SUFFIX, or 0 when there is none. */
static off_t companion_size(const char *path, const char *suffix)
{
	char *f = pub__sprintf("%s%s", path, suffix);
	struct stat st;
	off_t n = stat(f, &st) == 0 ? st.st_size : 0;
	free(f);
	return n;
}

/* Opens a database nothing can write, for reading.  A WAL database there
 * has no WAL index (-shm) and cannot get one: SQLite then reads it only as
 * an immutable file, which is right when no WAL holds changes; a WAL that
 * does cannot be read from here, and that is the error. */
static int db_open_unwritable(pub_db *db)
{
	char *uri;
	int rc;
	if (sqlite3_open_v2(db->path, &db->sql, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
		    NULL) != SQLITE_OK)
		return db->sql ? pub__db_error(db, "opening")
			       : pub__error(PUB_ERROR, "cannot open database '%s'", db->path);
	rc = sqlite3_exec(db->sql, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
	if ((rc & 0xff) != SQLITE_CANTOPEN)
		return 0; /* readable as it is (or an error the caller reports) */
	if (companion_size(db->path, "-wal") > 0)
		return pub__error(PUB_ERROR,
			"database '%s' is read-only and its write-ahead log '%s-wal' holds "
			"changes that cannot be read from here; open it once where it can be "
			"written", db->path, db->path);
	sqlite3_close(db->sql);
	db->sql = NULL;
	uri = db_uri(db->path, "immutable=1");
	rc = sqlite3_open_v2(uri, &db->sql,
		SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	free(uri);
	if (rc != SQLITE_OK)
		return db->sql ? pub__db_error(db, "opening")
			       : pub__error(PUB_ERROR, "cannot open database '%s'", db->path);
	return 0;
}

int pub_db_open(pub_db **out, const char *path, unsigned flags)
{
	pub_db *db = NULL;
	int err = 0, oflags;
	struct stat stbuf;
	int fresh = 0;
	*out = NULL;
	if (!path || !*path)
		return pub__error(PUB_EINVAL, "no database path given");
	if (stat(path, &stbuf) < 0) {
		if (!(flags & PUB_OPEN_CREATE))
			return pub__error(PUB_ENOTFOUND,
				"no database at '%s'", path);
		if ((err = pub__make_dirs(path, 0)) < 0)
			return err;
		fresh = 1;
	} else if (S_ISDIR(stbuf.st_mode)) {
		return pub__error(PUB_EINVAL, "database path '%s' is a directory", path);
	}
	db = pub__calloc(1, sizeof(*db));
	db->path = pub__strdup(path);
	db->refresh_fd = PUB__LOCK_NONE;
	/* A database nothing can write (a read-only mount, chattr +i) is
	 * read: every write then fails as read-only, and reading works, WAL
	 * or not. */
	if (!fresh && !(flags & PUB_OPEN_READONLY) && db_unwritable(path))
		flags |= PUB_OPEN_READONLY;
	if (flags & PUB_OPEN_READONLY) {
		if ((err = db_open_unwritable(db)) < 0)
			goto done;
	} else {
		oflags = SQLITE_OPEN_READWRITE | ((flags & PUB_OPEN_CREATE) ? SQLITE_OPEN_CREATE : 0);
		if (sqlite3_open_v2(path, &db->sql, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
			err = db->sql ? pub__db_error(db, "opening")
				      : pub__error(PUB_ERROR, "cannot open database '%s'", path);
			goto done;
		}
	}
	sqlite3_extended_result_codes(db->sql, 1);
	/* cron and the user may work at once: wait rather than fail.
	 * PUBDB_BUSY_TIMEOUT_MS shortens the wait (tests). */
	{
		const char *t = getenv("PUBDB_BUSY_TIMEOUT_MS");
		int ms = t && *t ? atoi(t) : 10000;
		sqlite3_busy_timeout(db->sql, ms >= 0 ? ms : 10000);
	}
	/* 16 KiB pages for a new file (a no-op on an existing one): a large
	 * import makes a quarter of the system calls it makes with 4 KiB.
	 * A file this call creates keeps a rollback journal until
	 * pub_db_free(): the first import into it (nobody else has the file
	 * yet) then writes each page once, into the file, where WAL writes
	 * it twice, to the log and again at the checkpoint; the journal of
	 * a new file is a few pages.  Synchronous FULL, as a rollback
	 * journal needs.  Every other open, and pub_db_free(), turns WAL
	 * on. */
	db->fresh = fresh && !(flags & PUB_OPEN_READONLY);
	if (!(flags & PUB_OPEN_READONLY) &&
	    ((err = pub__db_exec(db, "PRAGMA page_size = 16384")) < 0 ||
	     (err = pub__db_exec(db, db->fresh ? "PRAGMA journal_mode = DELETE"
						: "PRAGMA journal_mode = WAL")) < 0))
		goto done;
	if ((err = pub__db_exec(db, db->fresh ? "PRAGMA synchronous = FULL"
					      : "PRAGMA synchronous = NORMAL")) < 0 ||
	    (err = pub__db_exec(db, "PRAGMA foreign_keys = ON; "
			/* 4 MiB: a first import of 11,927 entries ran 0.38 s
			 * with 32 MiB and 0.35 s with this (fewer pages to
			 * fault in; the spills go to the OS cache). */
			"PRAGMA cache_size = -4096")) < 0)
		goto done;
	if (flags & PUB_OPEN_READONLY) {
		sqlite3_stmt *st = NULL;
		int v = -1;
		if (sqlite3_prepare_v2(db->sql, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		else
			err = pub__db_error(db, "reading the schema version");
		sqlite3_finalize(st);
		if (err == 0 && v > PUB__SCHEMA_VERSION)
			err = pub__error(PUB_EVERSION,
				"database '%s' has schema version %d, newer than this pubdb "
				"understands (%d); upgrade pubdb", path, v, PUB__SCHEMA_VERSION);
		else if (err == 0 && v != PUB__SCHEMA_VERSION)
			err = pub__error(PUB_ERROR,
				"database '%s' is read-only and has schema version %d; this "
				"pubdb needs %d, an upgrade it cannot write", path, v,
				PUB__SCHEMA_VERSION);
	} else {
		err = pub__db_migrate(db);
	}
done:
	if (err < 0) {
		pub_db_free(db);
		return err;
	}
	*out = db;
	return 0;
}

void pub_db_free(pub_db *db)
{
	size_t i;
	if (!db)
		return;
	for (i = 0; i < db->cache_cap; i++)
		if (db->cache[i].text)
			sqlite3_finalize(db->cache[i].stmt);
	free(db->cache);
	authors_clear(db);
	pub__db_source_end(db);
	if (db->sql) {
		if (db->in_tx)
			pub__db_rollback(db);
		/* Best effort: when another connection holds the file, the
		 * next pub_db_open() turns WAL on instead. */
		if (db->fresh)
			sqlite3_exec(db->sql, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
		sqlite3_close(db->sql);
	}
	pub_refresh_unlock(db);
	free(db->path);
	free(db);
}

int pub_config_get(char **out, pub_db *db, const char *key)
{
	sqlite3_stmt *st;
	int err, rc;
	*out = NULL;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT value FROM settings WHERE key = ?1")) < 0)
		return err;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = pub__col_strdup(st, 0);
	else if (rc != SQLITE_DONE)
		return pub__db_error(db, "reading a setting");
	sqlite3_reset(st);
	return 0;
}

int pub__config_write(pub_db *db, const char *key, const char *value)
{
	sqlite3_stmt *st;
	int err;
	if (value) {
		if ((err = pub__db_stmt(&st, db,
			     "INSERT INTO settings(key, value) VALUES (?1, ?2) "
			     "ON CONFLICT(key) DO UPDATE SET value = excluded.value")) < 0)
			return err;
		sqlite3_bind_text(st, 2, value, -1, SQLITE_TRANSIENT);
	} else if ((err = pub__db_stmt(&st, db,
			    "DELETE FROM settings WHERE key = ?1")) < 0) {
		return err;
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	err = pub__db_step_done(db, st, "writing a setting");
	sqlite3_reset(st);
	return err;
}

/* The settings a user sets (docs/pubdb.1, config); others, such as
 * arxiv_last_request, belong to libpub and are written with
 * pub__config_write(). */
static const char *const user_settings[] = {
	"citekey_format", "email", "links.project", "owner", "owner.aliases",
	"owner.dblp", "owner.openreview", "owner.orcid", "owner.s2",
	"refresh.unknown_days", NULL,
};

int pub_config_set(pub_db *db, const char *key, const char *value)
{
	const char *const *k;
	const char *near;
	char *stored = NULL;
	pub__buf known = PUB__BUF_INIT;
	int err;
	if (value && strcmp(key, "links.project") == 0) {
		const char *c;
		for (c = value; *c; c++)
			if (!islower((unsigned char)*c) && *c != '-' && *c != '_')
				return pub__error(PUB_EINVAL, "links.project must be a lower-case "
					"link kind such as project or blog, not '%s'", value);
	}
	for (k = user_settings; *k; k++)
		if (strcmp(*k, key) == 0)
			return pub__config_write(db, key, value);
	/* unsetting what an older version left behind is fine */
	if (!value) {
		if ((err = pub_config_get(&stored, db, key)) < 0)
			return err;
		if (stored) {
			free(stored);
			return pub__config_write(db, key, NULL);
		}
	}
	for (k = user_settings; *k; k++)
		pub__buf_printf(&known, "%s%s", k == user_settings ? "" : ", ", *k);
	if ((near = pub__nearest(key, user_settings)))
		err = pub__error(PUB_EINVAL, "unknown setting '%s'; did you mean '%s'?", key, near);
	else
		err = pub__error(PUB_EINVAL, "unknown setting '%s' (settings: %s)", key, known.ptr);
	pub__buf_free(&known);
	return err;
}

int pub_config_foreach(pub_db *db,
	int (*cb)(const char *key, const char *value, void *ctx), void *ctx)
{
	sqlite3_stmt *st;
	int err, rc;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT key, value FROM settings ORDER BY key")) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((err = cb((const char *)sqlite3_column_text(st, 0),
			     (const char *)sqlite3_column_text(st, 1), ctx)) != 0) {
			sqlite3_reset(st);
			return err;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : pub__db_error(db, "reading settings");
}

/* Binds text that outlives the statement's next step, or NULL. */
void pub__bind_static(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}
