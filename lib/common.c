/*
 * common.c: allocation, error recording and the growable buffer.
 */
#include "common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static _Thread_local char error_msg[1024];
static _Thread_local int error_code;

static void oom(void)
{
	fputs("pubdb: out of memory\n", stderr);
	abort();
}

void *pub__malloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *pub__calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *pub__realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom();
	return q;
}

char *pub__strdup(const char *s)
{
	return s ? pub__strndup(s, strlen(s)) : NULL;
}

char *pub__strndup(const char *s, size_t n)
{
	char *p = pub__malloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *pub__sprintf(const char *fmt, ...)
{
	va_list ap;
	pub__buf b = PUB__BUF_INIT;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	b.ptr = pub__malloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b.ptr, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return b.ptr;
}

int pub__error(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(error_msg, sizeof(error_msg), fmt, ap);
	va_end(ap);
	error_code = code;
	return code;
}

const char *pub_error_last(void)
{
	return error_msg[0] ? error_msg : "no error";
}

int pub_error_code(void)
{
	return error_code;
}

void pub_error_clear(void)
{
	error_msg[0] = '\0';
	error_code = 0;
}

const char *pub_version(void)
{
	return PUB_VERSION;
}

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

int pub__make_dirs(const char *path, int whole)
{
	char *dir = pub__strdup(path);
	char *p;
	int err = 0;
	for (p = dir + 1; ; p++) {
		int last = *p == '\0';
		if (*p != '/' && !(last && whole)) {
			if (last)
				break;
			continue;
		}
		*p = '\0';
		if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
			err = pub__error(PUB_ERROR, "cannot create directory '%s': %s",
				dir, strerror(errno));
			break;
		}
		if (last)
			break;
		*p = '/';
	}
	free(dir);
	return err;
}
