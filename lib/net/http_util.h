/*
 * http_util.h: helpers of the HTTP client (http_util.c), private to net/.
 */
#ifndef PUB_NET_HTTP_UTIL_H
#define PUB_NET_HTTP_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* A number from the environment variable `name`; `def` when unset or
 * outside [min, max]. */
long pub__env_long(const char *name, long def, long min, long max);
/* The value of header `name` in one header line of n bytes, or NULL
 * (malloc'd). */
char *pub__http_header_value(const char *line, size_t n, const char *name);
/* Milliseconds from a Retry-After value (delta-seconds or an HTTP date);
 * -1 when absent or unreadable. */
int64_t pub__http_retry_after_ms(const char *v);
/* The wait of a `RateLimit: "api";r=0;t=55` header (t s when r=0), else -1. */
int64_t pub__http_ratelimit_wait_ms(const char *v);

#endif
