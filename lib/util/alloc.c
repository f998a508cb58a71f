/*
 * alloc.c: allocation that aborts on out of memory (cmark's rule: it is the
 * one failure a caller cannot handle), and formatting into a new string.
 */
#include "util/alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The library prints nothing, not even here: the abort is the message
 * (a core file or the shell's "Aborted"), as with cmark's allocator. */
static void oom(void)
{
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
	char *s;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	s = pub__malloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

int pub__contains_ci(const char *s, const char *w)
{
	size_t n = strlen(w);
	for (; s && *s; s++)
		if (strncasecmp(s, w, n) == 0)
			return 1;
	return 0;
}

int pub__contains_any_ci(const char *s, const char *const *words, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (pub__contains_ci(s, words[i]))
			return 1;
	return 0;
}
