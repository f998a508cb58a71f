/*
 * pub/import.h: importing BibTeX: options, stats, callbacks.  Part of
 * pub.h, the one public header: include <pub.h>, not this file.
 */
#ifndef PUB_PUBLIC_IMPORT_H
#define PUB_PUBLIC_IMPORT_H

#include "common.h"
#include "db.h"
#include "paper.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- import ------------------------------------------------------------ */

typedef void (*pub_warn_fn)(const char *message, void *ctx);

/* A merge, as pub_import_opts.on_merge reports it.  Strings are valid
 * during the call. */
typedef struct pub_merge_info {
	const char *key;    /* the merged entry's own key, or NULL */
	const char *source; /* where it came from: "FILE:LINE" or the identifier */
	const char *into;   /* the key of the paper it merged into */
	const char *reason; /* "same DOI", "same arXiv id", "same title, year,
			     * first author" or "same key" */
	int alias;          /* 1: `key` is now an alias of `into`, and
			     * pub_paper_unmerge(key) undoes the merge */
} pub_merge_info;

typedef struct pub_import_opts {
	unsigned int version; /* PUB_IMPORT_OPTIONS_VERSION */
	int strict;           /* first error aborts and nothing is stored */
	int no_merge;         /* never merge into an existing paper */
	int dry_run;          /* parse and report only */
	const char *encoding; /* NULL: detect */
	const char *const *tags; /* tags added to every imported paper */
	size_t ntags;
	int selected;
	const char *venue;
	const char *code_url;
	const pub_link_spec *links; /* links added to every imported paper */
	size_t nlinks;
	const char *key; /* citation key for a single added paper; an input
			  * with several entries is PUB_EINVAL */
	pub_warn_fn warn; /* warnings and per-entry errors; may be NULL */
	void *warn_ctx;
	/* Called per stored paper: action is "added" or "merged", key the
	 * stored paper's key, source where the entry came from ("FILE:LINE"
	 * plus the entry's own key, or the identifier). */
	void (*on_paper)(const char *action, const char *key, const char *title,
		const char *source, void *ctx);
	void *paper_ctx;
	/* A wait the user would otherwise sit through in silence, one line
	 * each ("arXiv: HTTP 503 after 1 attempt; trying again in 6 s
	 * (attempt 2 of 4)"), for a progress display; may be NULL.  libpub
	 * prints nothing itself. */
	void (*notice)(const char *message, void *ctx);
	void *notice_ctx;
	/* Called per merge, after on_paper, with paper_ctx: what merged into
	 * what and why.  May be NULL. */
	void (*on_merge)(const pub_merge_info *merge, void *ctx);
	/* Version 2.  With dry_run, pub_add_ids(), pub_add_profiles() and
	 * pub_add() hand each paper's BibTeX entry (as it would be stored,
	 * under the key it would get) to this callback; NULL: nowhere. */
	void (*on_dry_run)(const char *bibtex, void *ctx);
	void *dry_run_ctx;
	/* Version 3.  pub_add(), pub_add_ids(), pub_add_profiles(): the
	 * whole call's time limit in milliseconds (0: none), as
	 * pub_refresh_opts.max_time_ms: the profiles fetched before it are
	 * stored, the call returns PUB_EDEADLINE naming the profiles not
	 * done. */
	long max_time_ms;
} pub_import_opts;

/* Options and result structs version as libgit2's do: each appended field
 * bumps the version, and every call accepts any version from 1 to the
 * current (a program built against an older pub.h keeps working). */
#define PUB_IMPORT_OPTIONS_VERSION 3
#define PUB_IMPORT_OPTIONS_INIT {.version = PUB_IMPORT_OPTIONS_VERSION}

/* Zeroes `opts` and sets its version; PUB_EINVAL for an unknown version. */
PUB_EXTERN int pub_import_options_init(pub_import_opts *opts, unsigned int version);

/* Filled by the call; the caller sets `version` (PUB_IMPORT_STATS_INIT). */
typedef struct pub_import_stats {
	unsigned int version; /* PUB_IMPORT_STATS_VERSION */
	size_t entries; /* entries read */
	size_t added;
	size_t merged;
	size_t skipped;  /* broken entries skipped */
	size_t warnings;
} pub_import_stats;

#define PUB_IMPORT_STATS_VERSION 1
#define PUB_IMPORT_STATS_INIT {.version = PUB_IMPORT_STATS_VERSION}

/* Imports a BibTeX file (`path` "-" reads stdin) in one transaction. */
PUB_EXTERN int pub_import_bibtex(pub_db *db, const char *path,
	const pub_import_opts *opts, pub_import_stats *stats);

#ifdef __cplusplus
}
#endif
#endif
