/*
 * region.h: marked regions of a page (region.c): the scanner that finds
 * `<!-- pubdb:NAME -->` ... `<!-- /pubdb:NAME -->` and checks that every
 * marker in the page pairs up, so a rewrite never eats hand-written text.
 */
#ifndef PUB_EXPORT_REGION_H
#define PUB_EXPORT_REGION_H

#include <stddef.h>

/* Where one region's text lies: [start, end) is what a rewrite replaces
 * (from just after the opening marker's line end to the first byte of the
 * closing marker's line); eol is "\r\n" when the opening marker's line
 * ends so, else "\n". */
typedef struct pub__region {
	size_t start, end;
	size_t open_line, close_line; /* 1-based */
	const char *eol;
} pub__region;

/* Scans `text` (`len` bytes, any content, NUL bytes included) for the
 * region `name`.  A marker is a line holding only `<!-- pubdb:NAME -->`
 * or `<!-- /pubdb:NAME -->` (spaces and tabs around it and inside the
 * comment's ends allowed; a UTF-8 BOM before the first line skipped).
 * Every marker of any name must pair up: no region inside another, no
 * closing marker without its opening one, no region left open, no name
 * twice.  PUB_EPARSE with "FILE:LINE: ..." (`file` names the page in
 * messages) when they do not, PUB_ENOTFOUND when `name` has no region. */
int pub__region_find(pub__region *out, const char *text, size_t len,
	const char *name, const char *file);

/* 1 when `name` can name a region: 1 to 64 of [A-Za-z0-9_.-]. */
int pub__region_name_ok(const char *name);

#endif
