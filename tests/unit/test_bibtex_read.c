/*
 * test_bibtex_read.c: tests of the streaming BibTeX reader (lib/bibtex/reader.c).
 *   test_bibtex_read dump INPUT EXPECTED [ENCODING]
 *       prints a canonical dump of INPUT and compares it with EXPECTED
 *       (BIB_UPDATE=1 in the environment rewrites EXPECTED instead);
 *   test_bibtex_read count FILE [ENTRIES]   entries/errors of one file;
 *   test_bibtex_read tree DIR [EXPECT]      every .bib under DIR: prints
 *       `FILE<TAB>ENTRIES<TAB>ERRORS` per file; with EXPECT (such rows,
 *       tests/expect/corpus_counts.tsv) each file must match its row and
 *       every row must have its file;
 *   test_bibtex_read unit                   generated and API cases.
 * Dump format: `@type{key}`, then `  name = {value}` per field;
 * `ERROR file:line:col: msg` and `WARN file:line:col: msg` with the file's
 * basename.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "util/buf.h"
#include "bibtex/entry.h"
#include "bibtex/reader.h"
#include "../harness.h"

static void warn_dump(const char *msg, void *ctx)
{
	pub__buf *out = ctx;
	pub__buf_printf(out, "WARN %s\n", msg);
}

static void warn_count(const char *msg, void *ctx)
{
	(void)msg;
	(*(size_t *)ctx)++;
}

static const char *base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* Reads all of fp into `out` as a dump; returns the fatal error or 0. */
static int dump(pub__buf *out, FILE *fp, const char *name, const char *enc)
{
	pub__bib_reader *r = NULL;
	pub__bib_entry *e;
	int rc;
	size_t i;
	if ((rc = pub__bib_reader_new(&r, fp, name, enc, warn_dump, out)) < 0) {
		pub__buf_printf(out, "FATAL %s\n", pub_error_last());
		return rc;
	}
	while ((rc = pub__bib_reader_next(&e, r)) != 0) {
		if (rc == PUB_EPARSE) {
			pub__buf_printf(out, "ERROR %s\n", pub_error_last());
			continue;
		}
		if (rc < 0) {
			pub__buf_printf(out, "FATAL %s\n", pub_error_last());
			break;
		}
		pub__buf_printf(out, "@%s{%s}\n", e->type, e->key);
		for (i = 0; i < e->nfields; i++)
			pub__buf_printf(out, "  %s = {%s}\n", e->fields[i].name,
				e->fields[i].value);
		pub__bib_entry_free(e);
	}
	pub__bib_reader_free(r);
	return rc;
}

static char *slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	pub__buf b = PUB__BUF_INIT;
	char tmp[4096];
	size_t got;
	if (!fp)
		return NULL;
	while ((got = fread(tmp, 1, sizeof(tmp), fp)) > 0)
		pub__buf_put(&b, tmp, got);
	fclose(fp);
	*n = b.len;
	return pub__buf_detach(&b);
}

static int cmd_dump(const char *input, const char *expected, const char *enc)
{
	pub__buf out = PUB__BUF_INIT;
	FILE *fp = fopen(input, "rb");
	char *want;
	size_t wn;
	int rc = 0;
	if (!fp) {
		fprintf(stderr, "cannot open '%s'\n", input);
		return 1;
	}
	dump(&out, fp, base(input), enc && *enc ? enc : NULL);
	fclose(fp);
	if (getenv("BIB_UPDATE")) {
		FILE *w = fopen(expected, "wb");
		if (!w || fwrite(out.ptr ? out.ptr : "", 1, out.len, w) != out.len)
			rc = 1;
		if (w)
			fclose(w);
		pub__buf_free(&out);
		return rc;
	}
	want = slurp(expected, &wn);
	if (!want || wn != out.len || memcmp(want, out.ptr ? out.ptr : "", wn) != 0) {
		fprintf(stderr, "dump of '%s' differs from '%s'; got:\n%s", input,
			expected, out.ptr ? out.ptr : "");
		rc = 1;
	} else {
		printf("ok: %s\n", input);
	}
	free(want);
	pub__buf_free(&out);
	return rc;
}

/* Counts entries, errors and warnings of one file. */
static int count_file(const char *path, size_t *entries, size_t *errors,
	size_t *warnings, double *secs)
{
	pub__bib_reader *r = NULL;
	pub__bib_entry *e;
	FILE *fp = fopen(path, "rb");
	struct timespec t0, t1;
	int rc;
	*entries = *errors = *warnings = 0;
	if (!fp)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((rc = pub__bib_reader_new(&r, fp, base(path), NULL, warn_count,
			warnings)) < 0) {
		fclose(fp);
		return rc;
	}
	while ((rc = pub__bib_reader_next(&e, r)) != 0) {
		if (rc == PUB_EPARSE) {
			(*errors)++;
			continue;
		}
		if (rc < 0)
			break;
		if (strcmp(e->type, "preamble") != 0)
			(*entries)++;
		pub__bib_entry_free(e);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	*secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	pub__bib_reader_free(r);
	fclose(fp);
	return rc;
}

static int cmd_count(const char *path, const char *want)
{
	size_t entries, errors, warnings;
	double secs = 0;
	int rc = count_file(path, &entries, &errors, &warnings, &secs);
	if (rc < 0) {
		fprintf(stderr, "%s: fatal: %s\n", path, pub_error_last());
		return 1;
	}
	printf("%s: %zu entries, %zu errors, %zu warnings, %.3f s\n", base(path),
		entries, errors, warnings, secs);
	if (want && strtoul(want, NULL, 10) != entries) {
		fprintf(stderr, "expected %s entries\n", want);
		return 1;
	}
	return 0;
}

/* One row of the expectations file: FILE ENTRIES ERRORS ... (tabs). */
struct expect {
	char file[1024];
	size_t entries, errors;
	int seen;
};

static struct expect *expects;
static size_t nexpects;

static int load_expects(const char *path)
{
	FILE *fp = fopen(path, "r");
	char line[4096];
	size_t cap = 0;
	if (!fp) {
		fprintf(stderr, "cannot open '%s'\n", path);
		return -1;
	}
	while (fgets(line, sizeof(line), fp)) {
		char *f = strtok(line, "\t\n"), *en = strtok(NULL, "\t\n"),
			*er = strtok(NULL, "\t\n");
		if (!f || !er || *f == '#' || strcmp(f, "file") == 0)
			continue;
		if (nexpects == cap) {
			cap = cap ? 2 * cap : 256;
			expects = realloc(expects, cap * sizeof(*expects));
		}
		snprintf(expects[nexpects].file, sizeof(expects[nexpects].file), "%s", f);
		expects[nexpects].entries = strtoul(en, NULL, 10);
		expects[nexpects].errors = strtoul(er, NULL, 10);
		expects[nexpects].seen = 0;
		nexpects++;
	}
	fclose(fp);
	return 0;
}

/* Counts every .bib under path; `rel` is its name under the tree's root.
 * With expectations loaded, a file's entries and errors must match its row. */
static int walk(const char *path, const char *rel, unsigned *files,
	size_t *entries, size_t *errors)
{
	struct stat st;
	DIR *d;
	struct dirent *de;
	int rc = 0;
	if (stat(path, &st) < 0)
		return 1;
	if (!S_ISDIR(st.st_mode)) {
		size_t n = strlen(path), en, er, wa, i;
		double secs;
		if (n < 4 || strcmp(path + n - 4, ".bib") != 0)
			return 0;
		if (count_file(path, &en, &er, &wa, &secs) < 0) {
			fprintf(stderr, "%s: fatal: %s\n", path, pub_error_last());
			return 1;
		}
		(*files)++;
		*entries += en;
		*errors += er;
		printf("%s\t%zu\t%zu\n", rel, en, er);
		if (!expects)
			return 0;
		for (i = 0; i < nexpects; i++)
			if (strcmp(expects[i].file, rel) == 0)
				break;
		if (i == nexpects) {
			fprintf(stderr, "FAIL %s: no expected counts (got %zu entries, "
				"%zu errors)\n", rel, en, er);
			return 1;
		}
		expects[i].seen = 1;
		if (expects[i].entries != en || expects[i].errors != er) {
			fprintf(stderr, "FAIL %s: expected %zu entries and %zu errors, "
				"got %zu and %zu\n", rel, expects[i].entries,
				expects[i].errors, en, er);
			return 1;
		}
		return 0;
	}
	if (!(d = opendir(path)))
		return 1;
	while ((de = readdir(d))) {
		char sub[4096], subrel[4096];
		if (de->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name);
		snprintf(subrel, sizeof(subrel), "%s%s%s", rel, *rel ? "/" : "",
			de->d_name);
		rc |= walk(sub, subrel, files, entries, errors);
	}
	closedir(d);
	return rc;
}

static int cmd_tree(const char *dir, const char *expect_path)
{
	unsigned files = 0;
	size_t entries = 0, errors = 0, i;
	int rc;
	if (expect_path && load_expects(expect_path) < 0)
		return 1;
	rc = walk(dir, "", &files, &entries, &errors);
	for (i = 0; i < nexpects; i++)
		if (!expects[i].seen) {
			fprintf(stderr, "FAIL %s: expected but not found\n", expects[i].file);
			rc = 1;
		}
	free(expects);
	printf("%u files, %zu entries, %zu errors\n", files, entries, errors);
	return rc || files == 0;
}

/* ---- generated cases ---- */

static char *dump_mem(const char *data, size_t n, const char *enc)
{
	pub__buf out = PUB__BUF_INIT;
	FILE *fp = fmemopen((void *)data, n, "rb");
	dump(&out, fp, "mem.bib", enc);
	fclose(fp);
	return pub__buf_detach(&out);
}

static void test_deep(void)
{
	pub__buf in = PUB__BUF_INIT;
	char *got;
	int i;
	pub__buf_puts(&in, "@misc{deep,\n  title = ");
	for (i = 0; i < 10000; i++)
		pub__buf_putc(&in, '{');
	pub__buf_puts(&in, "x");
	for (i = 0; i < 10000; i++)
		pub__buf_putc(&in, '}');
	pub__buf_puts(&in, "\n}\n@misc{after, title = {ok}}\n");
	got = dump_mem(in.ptr, in.len, NULL);
	STR_EQ(got, "ERROR mem.bib:2:1011: braces nested deeper than 1000 "
		"(value started at line 2)\n@misc{after}\n  title = {ok}\n",
		"10,000-deep braces");
	free(got);
	pub__buf_free(&in);
}

static void test_huge_value(void)
{
	FILE *fp = tmpfile();
	static char chunk[1 << 16];
	size_t i;
	pub__buf out = PUB__BUF_INIT;
	memset(chunk, 'a', sizeof(chunk));
	fputs("@misc{big,\n  note = {", fp);
	for (i = 0; i <= PUB__BIB_MAX_VALUE / sizeof(chunk); i++)
		fwrite(chunk, 1, sizeof(chunk), fp);
	fputs("}\n}\n@misc{after, title = {ok}}\n", fp);
	rewind(fp);
	dump(&out, fp, "big.bib", NULL);
	fclose(fp);
	STR_EQ(out.ptr, "ERROR big.bib:2:10: value longer than 67108864 bytes\n"
		"@misc{after}\n  title = {ok}\n", "value over the limit");
	pub__buf_free(&out);
}

/* Values and positions across the 64 KiB chunk boundaries. */
static void test_chunks(void)
{
	pub__buf in = PUB__BUF_INIT;
	pub__bib_reader *r;
	pub__bib_entry *e;
	FILE *fp;
	size_t n = 0, i;
	int rc, bad = 0;
	for (i = 0; i < 5000; i++)
		pub__buf_printf(&in, "@article{k%zu,\n  title = {T\xc3\xa9tel %zu {x}},\n"
			"  year = %zu,\n}\n", i, i, 1900 + i % 100);
	fp = fmemopen(in.ptr, in.len, "rb");
	OK(pub__bib_reader_new(&r, fp, "c.bib", NULL, NULL, NULL) == 0, "new");
	while ((rc = pub__bib_reader_next(&e, r)) == 1) {
		char want[64];
		snprintf(want, sizeof(want), "T\xc3\xa9tel %zu {x}", n);
		bad += strcmp(pub__bib_entry_get(e, "title"), want) != 0;
		bad += e->line != 4 * n + 1;
		n++;
		pub__bib_entry_free(e);
	}
	OK(rc == 0 && n == 5000 && bad == 0, "5000 entries across chunks: %zu, %d bad", n, bad);
	pub__bib_reader_free(r);
	fclose(fp);
	pub__buf_free(&in);

	/* The same through iconv: GB18030's two- and four-byte sequences (凯撒
	 * and U+1F600, most of each entry, so the 64 KiB chunk boundaries cut
	 * through them), CRLF line ends. */
	for (i = 0; i < 5000; i++) {
		int k;
		pub__buf_printf(&in, "@article{k%zu,\r\n  title = {", i);
		for (k = 0; k < 12; k++)
			pub__buf_puts(&in, "\xbf\xad\xc8\xf6\x94\x39\xfc\x36");
		pub__buf_printf(&in, " %zu},\r\n  year = %zu,\r\n}\r\n", i, 1900 + i % 100);
	}
	fp = fmemopen(in.ptr, in.len, "rb");
	OK(pub__bib_reader_new(&r, fp, "g.bib", "gb18030", NULL, NULL) == 0, "gb18030");
	n = 0;
	bad = 0;
	while ((rc = pub__bib_reader_next(&e, r)) == 1) {
		char want[256];
		int k;
		for (k = 0; k < 12; k++)
			memcpy(want + 10 * k, "\xe5\x87\xaf\xe6\x92\x92\xf0\x9f\x98\x80", 10);
		snprintf(want + 120, sizeof(want) - 120, " %zu", n);
		bad += strcmp(pub__bib_entry_get(e, "title"), want) != 0;
		bad += e->line != 4 * n + 1;
		n++;
		pub__bib_entry_free(e);
	}
	OK(rc == 0 && n == 5000 && bad == 0, "5000 GB18030 entries across chunks: %zu, %d bad", n, bad);
	pub__bib_reader_free(r);
	fclose(fp);
	pub__buf_free(&in);
}

static void test_api(void)
{
	pub__bib_reader *r = NULL;
	pub__bib_entry *e = NULL;
	const char *src = "@Article{Key1, Title = \"A\", YEAR = 2000}";
	FILE *fp = fmemopen((void *)src, strlen(src), "rb");
	char *got;
	OK(pub__bib_reader_new(&r, fp, "x.bib", "klingon", NULL, NULL) == PUB_EINVAL,
		"unknown encoding");
	OK(strstr(pub_error_last(), "klingon") != NULL, "message names it");
	OK(r == NULL, "no reader");
	OK(pub__bib_reader_new(&r, fp, "x.bib", "UTF-8", NULL, NULL) == 0, "UTF-8 ok");
	OK(pub__bib_reader_next(&e, r) == 1, "entry");
	STR_EQ(e->type, "article", "type lower-cased");
	STR_EQ(e->key, "Key1", "key as written");
	STR_EQ(pub__bib_entry_get(e, "title"), "A", "get");
	STR_EQ(pub__bib_entry_get(e, "year"), "2000", "get number");
	OK(pub__bib_entry_get(e, "Title") == NULL, "names are lower case");
	OK(pub__bib_entry_get(e, "volume") == NULL, "missing field");
	OK(e->line == 1, "line");
	pub__bib_entry_free(e);
	OK(pub__bib_reader_next(&e, r) == 0 && e == NULL, "end");
	OK(pub__bib_reader_next(&e, r) == 0, "end again");
	pub__bib_reader_free(r);
	pub__bib_reader_free(NULL);
	pub__bib_entry_free(NULL);
	fclose(fp);

	got = dump_mem("@misc{a, title = {caf\xe9}}", 24, "latin1");
	STR_EQ(got, "@misc{a}\n  title = {caf\xc3\xa9}\n", "forced latin1");
	free(got);
	got = dump_mem("@misc{a, title = {\x80}}", 21, "cp1252");
	STR_EQ(got, "@misc{a}\n  title = {\xe2\x82\xac}\n", "forced cp1252");
	free(got);
	got = dump_mem("@misc{a, title = {x\0y}}", 23, NULL);
	STR_EQ(got, "WARN mem.bib:1:20: NUL bytes in the input are dropped\n"
		"@misc{a}\n  title = {xy}\n", "NUL dropped with a warning");
	free(got);
	got = dump_mem("", 0, NULL);
	STR_EQ(got, "", "empty input");
	free(got);
}

int main(int argc, char **argv)
{
	if (argc >= 4 && strcmp(argv[1], "dump") == 0)
		return cmd_dump(argv[2], argv[3], argc > 4 ? argv[4] : NULL);
	if (argc >= 3 && strcmp(argv[1], "count") == 0)
		return cmd_count(argv[2], argc > 3 ? argv[3] : NULL);
	if ((argc == 3 || argc == 4) && strcmp(argv[1], "tree") == 0)
		return cmd_tree(argv[2], argc == 4 ? argv[3] : NULL);
	if (argc == 2 && strcmp(argv[1], "unit") == 0) {
		test_api();
		test_chunks();
		test_deep();
		test_huge_value();
		return test_summary();
	}
	fprintf(stderr, "usage: test_bibtex_read dump IN EXPECTED [ENC] | "
		"count FILE [N] | tree DIR [EXPECT.tsv] | unit\n");
	return 2;
}
