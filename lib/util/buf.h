/*
 * buf.h: the growable, capped buffer.
 */
#ifndef PUB_UTIL_BUF_H
#define PUB_UTIL_BUF_H

#include <stddef.h>

#include "pub.h"
#include "util/alloc.h"

/* A growable byte buffer, always NUL-terminated, with an optional cap. */
typedef struct pub__buf {
	char *ptr;
	size_t len;
	size_t cap;   /* allocated */
	size_t limit; /* 0: no limit; otherwise appends past it fail */
} pub__buf;

#define PUB__BUF_INIT {NULL, 0, 0, 0}

/* Appends; returns 0, or PUB_ERROR when the limit would be passed. */
int pub__buf_put(pub__buf *b, const char *s, size_t n);

int pub__buf_puts(pub__buf *b, const char *s);

/* One byte: inline, since readers and folders append byte by byte. */
static inline int pub__buf_putc(pub__buf *b, char c)
{
	if (b->len + 2 <= b->cap && (!b->limit || b->len + 1 <= b->limit)) {
		b->ptr[b->len++] = c;
		b->ptr[b->len] = '\0';
		return 0;
	}
	return pub__buf_put(b, &c, 1);
}

int pub__buf_printf(pub__buf *b, const char *fmt, ...) PUB__PRINTF(2, 3);

void pub__buf_clear(pub__buf *b);

/* Hands the string to the caller (never NULL) and resets the buffer. */
char *pub__buf_detach(pub__buf *b);

void pub__buf_free(pub__buf *b);

#endif
