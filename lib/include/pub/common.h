/*
 * pub/common.h: the export macro, the version, error codes, process set-
 * up.  Part of pub.h, the one public header: include <pub.h>, not this
 * file.
 */
#ifndef PUB_PUBLIC_COMMON_H
#define PUB_PUBLIC_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#if defined(PUB_STATIC)
#define PUB_EXTERN
#elif defined(_WIN32)
#ifdef PUB_BUILDING
#define PUB_EXTERN __declspec(dllexport)
#else
#define PUB_EXTERN __declspec(dllimport)
#endif
#else
#define PUB_EXTERN __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define PUB_VERSION "0.1.0"

/* Error codes: 0 is success, everything else is negative. */
enum {
	PUB_OK = 0,
	PUB_ERROR = -1,     /* generic failure */
	PUB_ENOTFOUND = -2, /* no such paper, key, repository ... */
	PUB_EEXISTS = -3,   /* a unique thing already exists */
	PUB_EPARSE = -4,    /* malformed input; message has file:line:col */
	PUB_ENET = -5,      /* network failure; message names service and path */
	PUB_EBUSY = -6,     /* database locked beyond the busy timeout */
	PUB_EINVAL = -7,    /* invalid argument from the user */
	PUB_EVERSION = -8,  /* database written by a newer pubdb */
	PUB_ENONET = -9,    /* no network at all (cron may retry: exit 75) */
	PUB_EPARTIAL = -10, /* some items of a batch failed (refresh: exit 3) */
	PUB_ERATELIMIT = -11, /* a service's rate limit ran out (exit 75) */
	PUB_EDEADLINE = -12, /* the run's time limit (max_time_ms) came first;
	                      * what was stored stays (refresh: exit 3) */
};

/* The message of the last error on this thread; never NULL, owned by libpub,
 * valid until the next failing call on the same thread. */
PUB_EXTERN const char *pub_error_last(void);
/* The code of the last error on this thread (0 when none). */
PUB_EXTERN int pub_error_code(void);
PUB_EXTERN void pub_error_clear(void);

/* Set-up for programs: call once at start, before any other thread runs.
 * It initialises libcurl (curl_global_init) and turns off SQLite's global
 * memory statistics, which take a mutex on every allocation (7% of a large
 * import).  Libraries embedding libpub need not call it: the first network
 * client initialises libcurl then (once, thread-safely), and everything
 * else works without it. */
PUB_EXTERN void pub_init(void);

/* Edit distance (insertions, deletions, substitutions, compared without
 * case) between the first `na` bytes of `a` and the string `b`; 99 when
 * either has 63 bytes or more.  For "did you mean" (libpub's own messages
 * use it too). */
PUB_EXTERN size_t pub_edit_distance(const char *a, size_t na, const char *b);

/* The library version string (PUB_VERSION of the built library). */
PUB_EXTERN const char *pub_version(void);

#ifdef __cplusplus
}
#endif
#endif
