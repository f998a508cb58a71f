/*
 * pub/news.h: news: dated events as a section of a homepage.  Part of
 * pub.h, the one public header: include <pub.h>, not this file.
 */
#ifndef PUB_PUBLIC_NEWS_H
#define PUB_PUBLIC_NEWS_H

#include "common.h"
#include "db.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- news ------------------------------------------------------------- */

/* Dated events, recorded when they happen (a paper added by identifier, a
 * venue gained by a preprint, a repository added, a star milestone
 * crossed) and told as a homepage's News section tells them:
 * "- *2025.05*: [DSP](URL) is accepted by ICML 2025!".  A paper is named
 * by its `short` (pub_paper_edit() "short=PAB"), else by its title before
 * a colon; its URL is its paper link, else its arXiv abstract page, else
 * its DOI.  Inbox events are not news. */
typedef enum pub_news_format {
	PUB_NEWS_MARKDOWN = 0, /* "- *2025.05*: ..." lines */
	PUB_NEWS_HTML,         /* <ul class="pub-news"> of <li>, escaped */
	PUB_NEWS_ATOM,         /* an Atom 1.0 feed; entry ids stable */
	PUB_NEWS_JSON,         /* an array of {id, day, kind, paper, repo, value,
				* name, url, text} */
} pub_news_format;

typedef struct pub_news_opts {
	unsigned int version; /* PUB_NEWS_OPTIONS_VERSION */
	pub_news_format format;
	const char *since;  /* "YYYY-MM-DD", "YYYY-MM" or "YYYY": events of that
			     * day or later; NULL: all */
	size_t limit;       /* at most this many, newest first; 0: all */
	const char *title;  /* Atom: the feed's title (default "News") */
	const char *author; /* Atom: the feed's author (default "pubdb"); also
			     * makes its default id */
	const char *feed_id; /* Atom: the feed's id (default
			      * urn:pubdb:news:HASH of author) */
} pub_news_opts;

#define PUB_NEWS_OPTIONS_VERSION 1
#define PUB_NEWS_OPTIONS_INIT {.version = PUB_NEWS_OPTIONS_VERSION}

/* Zeroes `opts` and sets its version; PUB_EINVAL for an unknown version. */
PUB_EXTERN int pub_news_options_init(pub_news_opts *opts, unsigned int version);

/* One event as news; strings valid during the callback. */
typedef struct pub_news_item {
	int64_t id;
	const char *day;    /* YYYY-MM-DD or YYYY-MM */
	const char *kind;   /* paper, venue, repo, stars, note */
	const char *value;  /* venue ("ICML 2025"), milestone ("1000"), a note's
			     * Markdown, or NULL */
	const char *source; /* who recorded it: add, edit, refresh, dblp ... */
	const char *key;    /* the paper's key, or NULL */
	const char *repo;   /* "owner/name", or NULL */
	const char *name;   /* the short name shown (plain text) */
	const char *url;    /* the link, or NULL */
	const char *venue;  /* the paper's venue now, or NULL */
	const char *arxiv;  /* the paper's arXiv id, or NULL */
} pub_news_item;

/* Calls cb for each event, newest first (opts->since and opts->limit
 * apply; opts may be NULL); a non-zero return from cb stops the walk and
 * is returned.  PUB_EINVAL for a malformed opts->since. */
PUB_EXTERN int pub_news_foreach(pub_db *db, const pub_news_opts *opts,
	int (*cb)(const pub_news_item *item, void *ctx), void *ctx);

/* Renders the news in opts->format into `*out` (malloc'd, caller frees;
 * "" when there is none), for the caller to write wherever it wants: to
 * stdout, a file, or a marked region of a page. */
PUB_EXTERN int pub_news_render(char **out, pub_db *db, const pub_news_opts *opts);

/* The owner's own news item ("Join Adobe Research as research intern"):
 * `text` is one line of Markdown, written as given; `day` is YYYY-MM or
 * YYYY-MM-DD.  Sorted with the other items by its day; kind "note".
 * *id (may be NULL) gets its id (`news --json`).  PUB_EINVAL for a
 * malformed day or an empty or multi-line text. */
PUB_EXTERN int pub_news_add(int64_t *id, pub_db *db, const char *day, const char *text);

/* Replaces the text of item `id` (an item of pub_news_add; PUB_EINVAL for
 * another kind, PUB_ENOTFOUND for no such item). */
PUB_EXTERN int pub_news_edit(pub_db *db, int64_t id, const char *text);

/* Removes news item `id`, of any kind (PUB_ENOTFOUND for none). */
PUB_EXTERN int pub_news_remove(pub_db *db, int64_t id);

#ifdef __cplusplus
}
#endif
#endif
