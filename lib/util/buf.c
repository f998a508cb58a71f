/*
 * buf.c: the growable buffer with a hard size cap (curl's dynbuf): an
 * oversized HTTP body or BibTeX value fails cleanly instead of growing.
 */
#include "util/buf.h"

#include "pub.h"
#include "util/alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int buf_reserve(pub__buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (b->limit && b->len + extra > b->limit)
		return PUB_ERROR;
	if (need > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < need)
			cap *= 2;
		b->ptr = pub__realloc(b->ptr, cap);
		b->cap = cap;
	}
	return 0;
}

int pub__buf_put(pub__buf *b, const char *s, size_t n)
{
	if (buf_reserve(b, n) < 0)
		return PUB_ERROR;
	if (n)
		memcpy(b->ptr + b->len, s, n);
	b->len += n;
	b->ptr[b->len] = '\0';
	return 0;
}

int pub__buf_puts(pub__buf *b, const char *s)
{
	return pub__buf_put(b, s, strlen(s));
}

int pub__buf_printf(pub__buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return PUB_ERROR;
	if (buf_reserve(b, (size_t)n) < 0)
		return PUB_ERROR;
	va_start(ap, fmt);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void pub__buf_clear(pub__buf *b)
{
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

char *pub__buf_detach(pub__buf *b)
{
	char *p = b->ptr ? b->ptr : pub__strdup("");
	b->ptr = NULL;
	b->len = b->cap = 0;
	return p;
}

void pub__buf_free(pub__buf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
}
