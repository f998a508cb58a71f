/*
 * net.h: libpub's network layer, private to the library.  http.c is a small
 * libcurl client (User-Agent, timeouts, size cap, retries with backoff,
 * per-service pacing, a parallel batch helper); arxiv.c fetches and parses
 * arXiv's Atom API; doi.c speaks doi.org content negotiation and Crossref;
 * github.c asks GitHub's REST and GraphQL APIs about repositories.
 *
 * Wiring notes for the CLI / database side:
 *  - Create one pub__http per command (pub__http_new), free it at the end.
 *  - Persist arXiv's last request time across processes with
 *    pub__http_set_pacing_hook(h, PUB__SVC_ARXIV, get, set, db).
 *  - PUB_ENONET means "no network at all" (cron exit 75); PUB_ENET is any
 *    other network failure; both carry "Service: /path: what happened".
 *  - All parse functions work on memory buffers without network, so the
 *    fuzz targets and tests can call them directly.
 */
#ifndef PUB_NET_H
#define PUB_NET_H

#include <stdint.h>

#include "bibtex.h"
#include "common.h"

/* ---- HTTP ----------------------------------------------------------------- */

/* The services pubdb talks to.  Each has a base URL: the default (https
 * only) or the override from its environment variable, under which plain
 * http is also allowed (for the loopback replay server). */
typedef enum pub__service {
	PUB__SVC_ARXIV = 0, /* PUBDB_ARXIV_URL, https://export.arxiv.org */
	PUB__SVC_GITHUB,    /* PUBDB_GITHUB_URL, https://api.github.com */
	PUB__SVC_DOI,       /* PUBDB_DOI_URL, https://doi.org */
	PUB__SVC_CROSSREF,  /* PUBDB_CROSSREF_URL, https://api.crossref.org */
	PUB__SVC_COUNT
} pub__service;

/* "arXiv", "GitHub", "doi.org", "Crossref": the name used in messages. */
const char *pub__service_name(pub__service svc);

/* Response bodies larger than this fail with "response larger than 8 MiB". */
#define PUB__HTTP_MAX_BODY (8u * 1024 * 1024)
/* At most this many attempts per request (transport errors, 429, 5xx). */
#define PUB__HTTP_MAX_ATTEMPTS 4
/* Retries give up when the waiting would add up to more than this. */
#define PUB__HTTP_MAX_WAIT_MS (120 * 1000)
/* Minimum spacing of request starts; arXiv overridable by
 * PUB_ARXIV_INTERVAL_MS (tests). */
#define PUB__ARXIV_INTERVAL_MS 3000
#define PUB__CROSSREF_INTERVAL_MS 200

typedef struct pub__http pub__http;

/* Creates the client (calls curl_global_init once per process) and reads the
 * environment: base URLs, GITHUB_TOKEN, PUB_HTTP_TIMEOUT (total timeout in
 * seconds, default 60), PUB_HTTP_BACKOFF_MS (base retry delay, default 3000
 * for arXiv and 1000 otherwise), PUB_ARXIV_INTERVAL_MS.  Invalid override
 * URLs give PUB_EINVAL.  Free with pub__http_free (NULL-safe). */
int pub__http_new(pub__http **out);
void pub__http_free(pub__http *h);

/* The base URL of a service without a trailing slash (owned by h). */
const char *pub__http_base(const pub__http *h, pub__service svc);

/* Pacing across processes: before each request to `svc` the client waits
 * until max(in-process last start, get_last(ctx)) + interval, and after
 * starting it calls set_last(now, ctx).  Times are milliseconds since the
 * epoch; get_last returns 0 when unknown.  Only services with an interval
 * (arXiv, Crossref) are paced. */
typedef int64_t (*pub__pace_get_fn)(void *ctx);
typedef void (*pub__pace_set_fn)(int64_t ms, void *ctx);
void pub__http_set_pacing_hook(pub__http *h, pub__service svc,
	pub__pace_get_fn get_last, pub__pace_set_fn set_last, void *ctx);

/* Milliseconds since the epoch (the clock used for pacing). */
int64_t pub__http_now_ms(void);

typedef struct pub__http_request {
	pub__service service;
	const char *method;  /* NULL or "GET"; "POST" sends body */
	const char *path;    /* appended to the base URL; starts with '/', may
	                        carry a query; already percent-encoded */
	const char *const *headers; /* NULL-terminated "Name: value" list or
	                        NULL.  Authorization is added by the client for
	                        GitHub when GITHUB_TOKEN is set: never pass it */
	const char *body;    /* POST body (copied by libcurl) */
	size_t body_len;
	int no_retry;        /* a single attempt whatever happens */
} pub__http_request;

/* Everything is owned by the response; free with pub__http_response_free
 * (it may be reused after that).  Headers are from the final response
 * except `location`, the last Location seen (e.g. GitHub's 301). */
typedef struct pub__http_response {
	long status;         /* final HTTP status, 0 when none was received */
	pub__buf body;       /* NUL-terminated, at most PUB__HTTP_MAX_BODY */
	char *etag;          /* verbatim, including W/ and quotes */
	char *location;
	char *retry_after;
	char *content_type;
	char *effective_url; /* after redirects */
	long ratelimit_remaining; /* X-RateLimit-Remaining, -1 when absent */
	int64_t ratelimit_reset;  /* X-RateLimit-Reset (epoch s), 0 when absent */
	int attempts;
	char *error;         /* copy of the error message when the call failed */
} pub__http_response;

#define PUB__HTTP_RESPONSE_INIT {0, PUB__BUF_INIT, NULL, NULL, NULL, NULL, NULL, -1, 0, 0, NULL}
void pub__http_response_free(pub__http_response *r);

/* Performs one request with pacing and retries.  Returns 0 whenever an HTTP
 * response arrived that is not a retryable failure: the caller judges the
 * status (200, 304, 404, 400 ...).  Returns PUB_ENET for transport errors,
 * retryable statuses that persisted ("HTTP 503 after 4 attempts"), timeouts
 * ("timed out after 60 s") and oversized bodies; PUB_ENONET when every
 * attempt failed to resolve or connect.  `res` is filled in any case. */
int pub__http_request_do(pub__http *h, const pub__http_request *req,
	pub__http_response *res);

/* Convenience GET of base+path with optional extra headers. */
int pub__http_get(pub__http *h, pub__service svc, const char *path,
	const char *const *headers, pub__http_response *res);

/* Runs n requests side by side over curl's multi interface, at most `jobs`
 * at a time (jobs 0 means 4), each with the same retry rules as
 * pub__http_request_do.  rcs[i] gets each request's result and res[i] its
 * response (res[i].error holds its message).  Returns 0, or the first
 * negative rcs[i] (PUB_ENONET only when all of them had no network). */
int pub__http_batch(pub__http *h, const pub__http_request *reqs, size_t n,
	unsigned jobs, pub__http_response *res, int *rcs);

/* ---- arXiv ------------------------------------------------------------ */

/* Normalises user input to an arXiv id without version: "arxiv:"/"arXiv:"
 * prefixes, bare new-style (YYMM.NNNN, YYMM.NNNNN) and old-style
 * (hep-th/9901001; math.GT/0309136 becomes math/0309136) ids, a vN suffix
 * and abs/pdf URLs on arxiv.org or export.arxiv.org (http, https or no
 * scheme, with or without www, optional .pdf).  *version is N or 0.  *id is malloc'd.
 * Anything else: PUB_EINVAL "not an arXiv id: 'X'". */
int pub__arxiv_normalize(const char *in, char **id, int *version);

/* One paper from the feed.  Strings are UTF-8 with whitespace collapsed, or
 * NULL when absent. */
typedef struct pub__arxiv_paper {
	char *id;          /* without version: 2408.12588, hep-th/9901001 */
	int version;       /* from the entry id, 0 if none */
	char *title;
	char *abstract;
	char **authors;    /* in order, names as arXiv gives them */
	size_t nauthors;
	char *published;   /* ISO 8601 as sent (v1 date) */
	char *updated;     /* ISO 8601 (this version's date) */
	char *primary_category;
	char *doi;
	char *journal_ref;
	char *comment;
	char *code_url;    /* https://github.com/OWNER/REPO found in abstract or
	                      comment (comment first), or NULL */
} pub__arxiv_paper;

typedef struct pub__arxiv_feed {
	pub__arxiv_paper *entries;
	size_t nentries;
	size_t nghosts;     /* classic "ghost" entries without id (skipped) */
	long total_results; /* opensearch:totalResults, -1 if absent (unreliable) */
} pub__arxiv_feed;

/* Parses an API response held in memory.  `status` is the HTTP status (0 if
 * unknown).  Errors: PUB_ENET "arXiv: <summary>" for arXiv's error feed
 * (sent with 400, e.g. "arXiv: incorrect id format for abc"); PUB_EPARSE for
 * HTML instead of XML, truncated/malformed XML, any DOCTYPE (entities are
 * never declared, expanded or fetched) or a non-Atom root.  `out` is filled
 * only on success; free with pub__arxiv_feed_free. */
int pub__arxiv_parse_feed(pub__arxiv_feed *out, const char *body, size_t n,
	long status);
void pub__arxiv_feed_free(pub__arxiv_feed *f);
void pub__arxiv_paper_free(pub__arxiv_paper *p); /* contents only */

/* Result for one requested id. */
typedef struct pub__arxiv_result {
	int rc;                  /* 0, PUB_ENOTFOUND, or the batch's error */
	pub__arxiv_paper *paper; /* malloc'd when rc == 0; caller frees with
	                            pub__arxiv_paper_free + free */
	char *error;             /* message when rc < 0 */
} pub__arxiv_result;

/* Most ids sent in one request. */
#define PUB__ARXIV_BATCH 50

/* Fetches n normalised ids (versions[i] > 0 asks for that version; versions
 * may be NULL) in requests of up to PUB__ARXIV_BATCH ids:
 * GET {base}/api/query?id_list=a,b&max_results=N, paced at one request per
 * 3 s.  Results map back by id (order is not guaranteed by arXiv); ids that
 * do not come back are retried once in a second request and then reported
 * as PUB_ENOTFOUND "arXiv: no such paper: ID".  Returns 0 when every request
 * went through (individual ids may still be not found), else the error of
 * the failing request (also stored in each affected result).  Free results
 * with pub__arxiv_results_free. */
int pub__arxiv_fetch(pub__http *h, const char *const *ids, const int *versions,
	size_t n, pub__arxiv_result *results);
void pub__arxiv_results_free(pub__arxiv_result *r, size_t n);

/* Converts a paper into a BibTeX entry (allocated with pub__malloc, so
 * pub__bib_entry_free releases it): type "article" when there is a
 * journal_ref, else "misc"; key ""; fields title, author ("A and B"), year,
 * month (English name), eprint, archiveprefix "arXiv", primaryclass, doi,
 * journal, abstract, url (abs page without version), comment. */
pub__bib_entry *pub__arxiv_to_bib(const pub__arxiv_paper *p);

/* ---- DOI, Crossref ---------------------------------------------------- */

/* Normalises "doi:10.x/y", "https://doi.org/10.x/y", "http://dx.doi.org/…"
 * or a bare "10.x/y" (prefix 10.NNNN, a '/', a non-empty suffix without
 * spaces) to "10.x/y" (malloc'd; case kept).  Otherwise PUB_EINVAL. */
int pub__doi_normalize(const char *in, char **doi);

/* 1 when the DOI is arXiv's DataCite DOI 10.48550/arXiv.ID (case-insensitive)
 * and sets *arxiv_id (malloc'd, normalised); 0 otherwise. */
int pub__doi_arxiv_id(const char *doi, char **arxiv_id);

/* Metadata from CSL-JSON or Crossref's /works message.  Strings UTF-8 or
 * NULL.  Authors are "Family, Given", or the literal name. */
typedef struct pub__csl {
	char *type;       /* as sent: paper-conference, journal-article ... */
	char *title;
	char **authors;
	size_t nauthors;
	char *container;  /* container-title (first when an array) */
	int year, month, day; /* from issued (or published) date-parts; 0 unknown */
	char *volume, *issue, *page, *publisher, *doi, *url;
} pub__csl;

void pub__csl_free(pub__csl *c); /* contents only */

/* Parses a CSL-JSON object (doi.org content negotiation). */
int pub__csl_parse(pub__csl *out, const char *body, size_t n);
/* Parses Crossref's {"status":"ok","message":{...}} envelope (or a bare
 * message object): title and container-title are arrays there. */
int pub__crossref_parse(pub__csl *out, const char *body, size_t n);

/* BibTeX type for a CSL or Crossref type: paper-conference and
 * proceedings-article -> inproceedings, article-journal and journal-article
 * -> article, chapter/book-chapter -> incollection, book -> book, thesis ->
 * phdthesis, report -> techreport, everything else -> misc. */
const char *pub__csl_bibtex_type(const char *type);

/* BibTeX entry (pub__bib_entry_free) from the metadata: title, author,
 * journal or booktitle (by type), year, month, volume, number, pages,
 * publisher, doi, url.  Key "". */
pub__bib_entry *pub__csl_to_bib(const pub__csl *c);

/* GET {doi}/{doi} with Accept: application/vnd.citationstyles.csl+json
 * (redirects followed).  404 -> PUB_ENOTFOUND "no such DOI: 10.x/y". */
int pub__doi_fetch_csl(pub__http *h, const char *doi, pub__csl *out);
/* Same with Accept: application/x-bibtex; *bibtex is the raw text
 * (malloc'd) for the BibTeX reader. */
int pub__doi_fetch_bibtex(pub__http *h, const char *doi, char **bibtex);
/* GET {crossref}/works/{doi}.  404 -> PUB_ENOTFOUND "no such DOI: …". */
int pub__crossref_fetch(pub__http *h, const char *doi, pub__csl *out);

/* Tries CSL-JSON, then BibTeX, then Crossref: on success exactly one of
 * *csl (filled, returns 0) or *bibtex (set, returns 1) is the result.
 * PUB_ENOTFOUND as soon as doi.org says 404. */
int pub__doi_fetch(pub__http *h, const char *doi, pub__csl *csl, char **bibtex);

/* ---- GitHub ------------------------------------------------------------ */

/* The fields of GET /repos/{o}/{r} that pubdb stores. */
typedef struct pub__github_repo {
	int64_t id;        /* stable across renames */
	char *full_name;   /* owner/name */
	long stars;        /* stargazers_count */
	int archived;
	char *description; /* NULL when null */
} pub__github_repo;

/* Parses the REST repository object.  PUB_EPARSE when it is not JSON or
 * lacks id/full_name/stargazers_count. */
int pub__github_parse_repo(pub__github_repo *out, const char *body, size_t n);
void pub__github_repo_free(pub__github_repo *r); /* contents only */

/* What GitHub said about one repository. */
typedef enum pub__github_result {
	PUB__GH_PENDING = 0, /* not asked: the run stopped first */
	PUB__GH_OK,          /* `repo` is filled (REST 200 or GraphQL) */
	PUB__GH_UNCHANGED,   /* REST 304: the stored data stands */
	PUB__GH_MISSING,     /* 404, or GraphQL NOT_FOUND: gone or private */
	PUB__GH_FAILED       /* `error` says why */
} pub__github_result;

/* One repository to ask about (owner, name, etag are the caller's) and the
 * answer (owned by the item; pub__github_item_clear frees it). */
typedef struct pub__github_item {
	const char *owner, *name;
	const char *etag;      /* stored ETag sent as If-None-Match, or NULL */
	pub__github_result result;
	pub__github_repo repo; /* PUB__GH_OK */
	char *new_etag;        /* ETag of a REST 200, or NULL */
	char *error;           /* PUB__GH_FAILED */
} pub__github_item;

void pub__github_item_clear(pub__github_item *it);

/* Waits GitHub asks for: the primary limit's reset is waited for only when
 * it is at most PUB_GITHUB_MAX_WAIT seconds away (default 60), and every
 * wait GitHub names (reset, Retry-After, 60 s without one) lasts
 * PUB_GITHUB_WAIT_UNIT_MS per second (default 1000; tests shrink it). */
#define PUB__GITHUB_MAX_WAIT_S 60
/* Most repositories in one GraphQL query (GitHub's node and CPU limits). */
#define PUB__GITHUB_GRAPHQL_BATCH 100

/* Asks GitHub about n repositories: REST GET /repos/{o}/{r} with
 * If-None-Match (redirects of renamed repositories followed), or, with
 * `graphql`, POST /graphql with up to PUB__GITHUB_GRAPHQL_BATCH aliased
 * lookups per query.  `jobs` requests run at once (0 or 1: serial).  5xx
 * and transport errors are retried with backoff, limits waited for as
 * described above.  Returns 0 when every item got a result (each may still
 * be MISSING or FAILED); PUB_ERATELIMIT when a limit ran out (the message
 * says when to retry; unasked items stay PENDING), PUB_ENONET when GitHub
 * could not be reached at all, PUB_ERROR for bad credentials (401). */
int pub__github_fetch(pub__http *h, pub__github_item *items, size_t n,
	int graphql, unsigned jobs);

/* ---- wiring into the database (add_ids.c, refresh_arxiv.c) ---------- */

/* The settings key holding arXiv's last request start (ms since the epoch),
 * so separate pubdb processes keep arXiv's pacing together. */
#define PUB__ARXIV_LAST_KEY "arxiv_last_request"

/* A client for one command on `db`, with arXiv's pacing kept in the
 * database (written outside any transaction, so a failed command still
 * remembers that it asked).  Free with pub__http_free. */
int pub__net_open(pub_db *db, pub__http **out);

/* A service's malformed answer (PUB_EPARSE: HTML, truncated XML, a
 * DOCTYPE) is a failure of that service for the caller: PUB_ENET with the
 * same message.  Other codes pass through. */
int pub__net_error(int err);

/* Stores what the BibTeX fields do not carry: arXiv version, published
 * and updated dates, primary category, checked time, the abstract page as
 * the `paper` link and a GitHub URL as the `code` link. */
int pub__arxiv_store_extras(pub_db *db, int64_t paper_id,
	const pub__arxiv_paper *p);

#endif
