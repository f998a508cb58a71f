/*
 * fuzz_render.c: libFuzzer target for lib/export/render.c.  Whatever the bytes, the
 * HTML rendering of a title must hold no markup but our own balanced tags,
 * only the entities we write, and valid UTF-8; the same for Markdown; and
 * the URL check must never pass anything but http(s)/mailto.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "export/render.h"

static const char *const tags[] = {"em", "strong", "code", "sup", "sub"};

static void utf8_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n, i;
		if (*p < 0x80) {
			p++;
			continue;
		}
		n = *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : *p >= 0xc2 ? 2 : 0;
		if (n == 0 || *p > 0xf4)
			abort();
		for (i = 1; i < n; i++)
			if ((p[i] & 0xc0) != 0x80)
				abort();
		p += n;
	}
}

/* Our tags must nest; anything else starting with '<' is an escape bug. */
static void markup_ok(const char *s, int html)
{
	int *stack = malloc((strlen(s) / 4 + 1) * sizeof(*stack));
	size_t depth = 0, i;
	const char *p = s;
	while (*p) {
		if (*p == '<') {
			int closing = p[1] == '/';
			const char *name = p + 1 + closing;
			for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
				size_t n = strlen(tags[i]);
				if (strncmp(name, tags[i], n) == 0 && name[n] == '>')
					break;
			}
			if (i == sizeof(tags) / sizeof(tags[0]))
				abort(); /* a '<' that is not one of ours */
			if (closing) {
				if (depth == 0 || stack[--depth] != (int)i)
					abort();
			} else {
				stack[depth++] = (int)i; /* "<em>" is 4 bytes at least */
			}
			p = strchr(p, '>') + 1;
			continue;
		}
		if (*p == '>')
			abort();
		if (*p == '&') {
			if (strncmp(p, "&amp;", 5) && strncmp(p, "&lt;", 4) &&
				strncmp(p, "&gt;", 4) && (!html || (strncmp(p, "&quot;", 6) &&
				strncmp(p, "&#39;", 5))))
				abort();
		}
		if (html && (*p == '"' || *p == '\''))
			abort();
		if ((unsigned char)*p < 0x20)
			abort();
		p++;
	}
	if (depth != 0)
		abort();
	free(stack);
}

static int prefix_ci(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++) {
		char c = *s;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != *prefix)
			return 0;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	pub__buf b = PUB__BUF_INIT;
	const char *p;
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';

	pub__render_latex(&b, s, PUB__RENDER_HTML);
	if (b.ptr) {
		utf8_ok(b.ptr);
		markup_ok(b.ptr, 1);
	}
	pub__buf_clear(&b);

	pub__render_latex(&b, s, PUB__RENDER_MD);
	if (b.ptr) {
		utf8_ok(b.ptr);
		markup_ok(b.ptr, 0);
	}
	pub__buf_clear(&b);

	pub__render_latex(&b, s, PUB__RENDER_TEXT);
	if (b.ptr)
		utf8_ok(b.ptr);
	pub__buf_clear(&b);

	pub__html_escape(&b, s);
	if (b.ptr) {
		utf8_ok(b.ptr);
		markup_ok(b.ptr, 1);
	}
	pub__buf_clear(&b);

	pub__md_url(&b, s);
	for (p = b.ptr; p && *p; p++)
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f || strchr("()<>[]\"\\`", *p))
			abort();
	pub__buf_free(&b);

	if (pub__url_safe(s)) {
		if (!prefix_ci(s, "http://") && !prefix_ci(s, "https://") && !prefix_ci(s, "mailto:"))
			abort();
		for (p = s; *p; p++)
			if ((unsigned char)*p <= 0x20 || *p == 0x7f)
				abort();
	}
	free(s);
	return 0;
}
