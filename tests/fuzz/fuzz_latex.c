/*
 * fuzz_latex.c: libFuzzer target for LaTeX <-> Unicode.  All outputs must
 * be valid UTF-8; folding yields only [a-z0-9] and single spaces; decoding
 * is idempotent on the encoder's output; and for ASCII LaTeX built from
 * accents (the second half of the input picks accents and letters) the
 * round trip to_unicode(to_latex(to_unicode(x))) == to_unicode(x) holds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/latex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_utf8(const char *s)
{
	if (!s || !pub__utf8_valid(s, strlen(s)))
		abort();
}

static void check_fold(const char *f)
{
	size_t i, n = strlen(f);
	if (n && (f[0] == ' ' || f[n - 1] == ' '))
		abort();
	for (i = 0; i < n; i++) {
		char c = f[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' '))
			abort();
		if (c == ' ' && f[i + 1] == ' ')
			abort();
	}
}

/* Builds "\X{b}" sequences from the fuzzer's bytes and checks that the
 * encoder's output decodes to the same text. */
static void accent_round_trip(const uint8_t *data, size_t size)
{
	static const char accents[] = "`'^\"~=.uvHcdbkr";
	static const char *const bases[] = {
		"a", "e", "i", "\\i", "o", "u", "y", "c", "s", "z", "n", "g", "A", "E",
		"O", "U", "S", "Z", "\\o", "\\j", "q", "\\ss", "\\AA", "\\ae", "\\l",
		" ", "--", "x", "{\\O}", "\\OE", "\\th", "\\ng"};
	char buf[4096];
	size_t k, len = 0;
	char *u, *l, *u2;

	for (k = 0; k + 1 < size && len + 16 < sizeof(buf); k += 2) {
		const char *b = bases[data[k + 1] % (sizeof(bases) / sizeof(bases[0]))];
		if (data[k] & 0x80)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, "{%s}", b);
		else
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, "\\%c{%s}",
						accents[data[k] % (sizeof(accents) - 1)], b);
	}
	buf[len] = '\0';
	u = pub__latex_to_unicode(buf);
	l = pub__unicode_to_latex(u);
	u2 = pub__latex_to_unicode(l);
	check_utf8(u);
	check_utf8(l);
	if (strcmp(u, u2) != 0) {
		fprintf(stderr, "round trip: '%s' -> '%s' -> '%s' -> '%s'\n", buf, u, l, u2);
		abort();
	}
	free(u);
	free(l);
	free(u2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *u, *l, *f, *u2, *l2;

	memcpy(s, data, size);
	s[size] = '\0';
	u = pub__latex_to_unicode(s);
	l = pub__unicode_to_latex(s);
	f = pub__fold_ascii(s);
	check_utf8(u);
	check_utf8(l);
	check_utf8(f);
	check_fold(f);
	/* encoding the decoded text, then decoding again, is stable */
	l2 = pub__unicode_to_latex(u);
	check_utf8(l2);
	u2 = pub__nfc(u);
	if (strcmp(u, u2) != 0) /* decoder output is already NFC */
		abort();
	free(u2);
	free(l2);
	free(u);
	free(l);
	free(f);
	free(s);
	accent_round_trip(data, size);
	return 0;
}
