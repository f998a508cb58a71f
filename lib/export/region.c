/*
 * region.c: rewrites one marked region of a page (pub_region_replace):
 * only the lines between `<!-- pubdb:NAME -->` and `<!-- /pubdb:NAME -->`
 * change, every other byte stays (CRLF, a BOM, a last line without its
 * newline), and a region that would not change leaves the file untouched,
 * so cron can commit the page only when something happened.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/region.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/version.h"

/* A page bigger than this is no homepage. */
#define REGION_MAX_FILE (64u << 20)

int pub__region_name_ok(const char *name)
{
	size_t n = 0;
	if (!name)
		return 0;
	for (; name[n]; n++) {
		char c = name[n];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-'))
			return 0;
	}
	return n >= 1 && n <= 64;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* A marker line: `s`..`e` is the line without its line end.  Returns 1
 * for an opening marker, 2 for a closing one, 0 for any other line; the
 * name goes to name/nlen. */
static int marker(const char *s, const char *e, const char **name, size_t *nlen)
{
	int kind = 1;
	const char *n;
	while (s < e && is_blank(*s))
		s++;
	while (e > s && (is_blank(e[-1]) || e[-1] == '\r'))
		e--;
	if (e - s < 7 || memcmp(s, "<!--", 4) != 0 || memcmp(e - 3, "-->", 3) != 0)
		return 0;
	s += 4;
	e -= 3;
	while (s < e && is_blank(*s))
		s++;
	while (e > s && is_blank(e[-1]))
		e--;
	if (s < e && *s == '/') {
		kind = 2;
		s++;
	}
	if (e - s < 7 || memcmp(s, "pubdb:", 6) != 0)
		return 0;
	s += 6;
	for (n = s; n < e; n++) {
		char c = *n;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-'))
			return 0;
	}
	if (e - s > 64)
		return 0;
	*name = s;
	*nlen = (size_t)(e - s);
	return kind;
}

int pub__region_find(pub__region *out, const char *text, size_t len,
	const char *name, const char *file)
{
	size_t pos = 0, line = 0, nlen = strlen(name);
	/* the region open now (markers never nest), and the one asked for */
	const char *open_name = NULL;
	size_t open_nlen = 0, open_line = 0, open_start = 0;
	const char *open_eol = "\n";
	int found = 0;

	memset(out, 0, sizeof(*out));
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		pos = 3;
	while (pos < len) {
		const char *s = text + pos;
		const char *nl = memchr(s, '\n', len - pos);
		const char *e = nl ? nl : text + len;
		size_t next = nl ? (size_t)(nl - text) + 1 : len;
		const char *mname;
		size_t mlen;
		int kind = marker(s, e, &mname, &mlen);
		line++;
		if (kind == 1) {
			if (open_name)
				return pub__error(PUB_EPARSE,
					"%s:%zu: region '%.*s' opens inside region '%.*s' "
					"(opened on line %zu); regions do not nest",
					file, line, (int)mlen, mname, (int)open_nlen, open_name,
					open_line);
			if (mlen == nlen && memcmp(mname, name, nlen) == 0 && found)
				return pub__error(PUB_EPARSE,
					"%s:%zu: region '%s' opens a second time (first on line %zu)",
					file, line, name, out->open_line);
			open_name = mname;
			open_nlen = mlen;
			open_line = line;
			open_start = next;
			open_eol = nl && nl > s && nl[-1] == '\r' ? "\r\n" : "\n";
			if (!nl)
				return pub__error(PUB_EPARSE,
					"%s:%zu: region '%.*s' is never closed", file, line,
					(int)mlen, mname);
		} else if (kind == 2) {
			if (!open_name)
				return pub__error(PUB_EPARSE,
					"%s:%zu: <!-- /pubdb:%.*s --> closes no open region",
					file, line, (int)mlen, mname);
			if (mlen != open_nlen || memcmp(mname, open_name, mlen) != 0)
				return pub__error(PUB_EPARSE,
					"%s:%zu: <!-- /pubdb:%.*s --> closes region '%.*s' "
					"(opened on line %zu)", file, line, (int)mlen, mname,
					(int)open_nlen, open_name, open_line);
			if (mlen == nlen && memcmp(mname, name, nlen) == 0) {
				found = 1;
				out->start = open_start;
				out->end = pos;
				out->open_line = open_line;
				out->close_line = line;
				out->eol = open_eol;
			}
			open_name = NULL;
		}
		pos = next;
	}
	if (open_name)
		return pub__error(PUB_EPARSE, "%s:%zu: region '%.*s' is never closed",
			file, open_line, (int)open_nlen, open_name);
	if (!found)
		return pub__error(PUB_ENOTFOUND,
			"%s: no region '%s' (mark it with the lines <!-- pubdb:%s --> and "
			"<!-- /pubdb:%s -->)", file, name, name, name);
	return 0;
}

static int read_file(char **out, size_t *len, const char *path)
{
	pub__buf b = PUB__BUF_INIT;
	char chunk[65536];
	size_t n;
	FILE *f = fopen(path, "rb");
	*out = NULL;
	*len = 0;
	if (!f)
		return pub__error(errno == ENOENT ? PUB_ENOTFOUND : PUB_ERROR,
			"cannot read '%s': %s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (b.len + n > REGION_MAX_FILE) {
			fclose(f);
			pub__buf_free(&b);
			return pub__error(PUB_ERROR, "cannot read '%s': larger than %u MiB",
				path, REGION_MAX_FILE >> 20);
		}
		pub__buf_put(&b, chunk, n);
	}
	if (ferror(f)) {
		int e = errno;
		fclose(f);
		pub__buf_free(&b);
		return pub__error(PUB_ERROR, "cannot read '%s': %s", path, strerror(e));
	}
	fclose(f);
	*len = b.len;
	*out = b.len ? pub__buf_detach(&b) : pub__strdup("");
	pub__buf_free(&b);
	return 0;
}

static size_t count_lines(const char *s, size_t n)
{
	size_t i, lines = 0;
	for (i = 0; i < n; i++)
		lines += s[i] == '\n';
	if (n > 0 && s[n - 1] != '\n')
		lines++;
	return lines;
}

/* The region's new text in the page's line ends, ending with one so the
 * closing marker keeps its own line. */
static void region_text(pub__buf *b, const char *text, size_t len, const char *eol)
{
	size_t i;
	for (i = 0; i < len; i++) {
		if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
			continue;
		if (text[i] == '\n')
			pub__buf_puts(b, eol);
		else
			pub__buf_putc(b, text[i]);
	}
	if (len > 0 && text[len - 1] != '\n')
		pub__buf_puts(b, eol);
}

static const size_t result_sizes[] = {sizeof(pub_region_result)};
static const pub__versions result_versions = {"pub_region_result",
	PUB_REGION_RESULT_VERSION, result_sizes};

static int region_replace(pub_region_result *res, const char *path, const char *name,
	const char *text, size_t len)
{
	pub__buf page = PUB__BUF_INIT, fresh = PUB__BUF_INIT;
	pub__region r;
	char *old = NULL;
	size_t oldlen;
	int err;

	if (!pub__region_name_ok(name))
		return pub__error(PUB_EINVAL,
			"'%s' cannot name a region: use letters, digits, '_', '.' and '-'",
			name ? name : "");
	if ((err = read_file(&old, &oldlen, path)) < 0)
		return err;
	if ((err = pub__region_find(&r, old, oldlen, name, path)) < 0)
		goto done;
	region_text(&fresh, text ? text : "", text ? len : 0, r.eol);
	res->line = r.open_line;
	res->old_lines = count_lines(old + r.start, r.end - r.start);
	res->new_lines = count_lines(fresh.ptr ? fresh.ptr : "", fresh.len);
	if (fresh.len == r.end - r.start &&
	    (fresh.len == 0 || (fresh.ptr && memcmp(fresh.ptr, old + r.start, fresh.len) == 0)))
		goto done; /* nothing to write: the file keeps its bytes and mtime */
	pub__buf_put(&page, old, r.start);
	if (fresh.len)
		pub__buf_put(&page, fresh.ptr, fresh.len);
	pub__buf_put(&page, old + r.end, oldlen - r.end);
	if ((err = pub__write_file_atomic(path, page.ptr ? page.ptr : "", page.len)) < 0)
		goto done;
	res->changed = 1;
done:
	pub__buf_free(&page);
	pub__buf_free(&fresh);
	free(old);
	return err;
}

int pub_region_replace(pub_region_result *res, const char *path, const char *name,
	const char *text, size_t len)
{
	pub_region_result full;
	int err;
	if ((err = pub__versioned_check(res, &result_versions)) < 0)
		return err;
	memset(&full, 0, sizeof(full));
	full.version = PUB_REGION_RESULT_VERSION;
	err = region_replace(&full, path, name, text, len);
	pub__versioned_out(res, &full, &result_versions);
	return err;
}
