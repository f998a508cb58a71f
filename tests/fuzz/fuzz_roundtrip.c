/*
 * fuzz_roundtrip.c: libFuzzer target for the BibTeX round trip.  The input
 * is read with the reader (the first byte picks the encoding as in
 * fuzz_bibtex.c), every entry is written back with pub__bib_format_entry
 * (lib/bibtex/writer.c) and the output is read again as UTF-8: it must give
 * the same entries (type, key, fields and values, in order) with no errors.
 * The writer's ASCII mode (bit 3 of the first byte) is only checked to
 * parse again with the same number of entries, since it turns characters
 * into LaTeX escapes on purpose.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "bibtex/entry.h"
#include "bibtex/reader.h"
#include "bibtex/writer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct entries {
	pub__bib_entry **v;
	size_t n, cap;
} entries;

/* Reads every well-formed entry; returns the number of malformed ones. */
static size_t read_all(entries *out, const char *text, size_t len, const char *enc)
{
	pub__bib_reader *r = NULL;
	pub__bib_entry *e;
	FILE *fp;
	size_t bad = 0;
	int rc;
	memset(out, 0, sizeof(*out));
	if (len == 0)
		return 0;
	if (!(fp = fmemopen((void *)text, len, "rb")))
		abort();
	if (pub__bib_reader_new(&r, fp, "fuzz.bib", enc, NULL, NULL) < 0) {
		fclose(fp);
		return 1;
	}
	while ((rc = pub__bib_reader_next(&e, r)) != 0) {
		if (rc == 1) {
			if (out->n == out->cap) {
				out->cap = out->cap ? 2 * out->cap : 8;
				out->v = realloc(out->v, out->cap * sizeof(*out->v));
				if (!out->v)
					abort();
			}
			out->v[out->n++] = e;
		} else if (rc == PUB_EPARSE) {
			bad++;
		} else {
			bad++;
			break;
		}
	}
	pub__bib_reader_free(r);
	fclose(fp);
	return bad;
}

static void free_all(entries *es)
{
	size_t i;
	for (i = 0; i < es->n; i++)
		pub__bib_entry_free(es->v[i]);
	free(es->v);
}

static void write_all(pub__buf *b, const entries *es, int ascii)
{
	size_t i, j;
	for (i = 0; i < es->n; i++) {
		const pub__bib_entry *e = es->v[i];
		pub_field *f;
		if (strcmp(e->type, "preamble") == 0) {
			const char *t = pub__bib_entry_get(e, "preamble");
			pub__bib_format_preamble(b, t ? t : "", ascii);
			continue;
		}
		f = calloc(e->nfields + 1, sizeof(*f));
		if (!f)
			abort();
		for (j = 0; j < e->nfields; j++) {
			f[j].name = e->fields[j].name;
			f[j].value = e->fields[j].value;
		}
		pub__bib_format_entry(b, e->type, e->key, f, e->nfields, ascii);
		free(f);
	}
}

static void fail(const char *what, const pub__buf *out)
{
	fprintf(stderr, "round trip: %s\n--- written ---\n%.*s\n", what,
		(int)(out->len > 4000 ? 4000 : out->len), out->ptr ? out->ptr : "");
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const encs[8] = {NULL, NULL, NULL, "utf-8",
		"utf-16le", "utf-16be", "latin1", "windows-1252"};
	entries first, second;
	pub__buf out = PUB__BUF_INIT;
	size_t i, j, bad;
	int ascii;
	if (size < 2)
		return 0;
	ascii = (data[0] >> 3) & 1;
	read_all(&first, (const char *)data + 1, size - 1, encs[data[0] & 7]);
	write_all(&out, &first, ascii);
	bad = read_all(&second, out.ptr, out.len, "utf-8");
	if (bad)
		fail(pub_error_last() ? pub_error_last() : "the output does not parse", &out);
	if (second.n != first.n)
		fail("a different number of entries", &out);
	for (i = 0; i < first.n && !ascii; i++) {
		const pub__bib_entry *a = first.v[i], *b = second.v[i];
		if (strcmp(a->type, b->type) || strcmp(a->key, b->key))
			fail("an entry changed its type or key", &out);
		if (a->nfields != b->nfields)
			fail("an entry changed its number of fields", &out);
		for (j = 0; j < a->nfields; j++)
			if (strcmp(a->fields[j].name, b->fields[j].name) ||
			    strcmp(a->fields[j].value, b->fields[j].value)) {
				fprintf(stderr, "entry %zu field %s:\n  read   : %s\n  re-read: %s = %s\n",
					i, a->fields[j].name, a->fields[j].value,
					b->fields[j].name, b->fields[j].value);
				fail("a field changed", &out);
			}
	}
	free_all(&first);
	free_all(&second);
	pub__buf_free(&out);
	return 0;
}
