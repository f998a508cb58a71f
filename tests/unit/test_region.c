/*
 * test_region.c: the region scanner and writer (lib/export/region.c) on
 * the real example page (fixtures/homepage/) and on the odd lines a hand-
 * edited page holds: what is a marker and what is not, line ends, a BOM.
 * Usage: test_region FIXTURES_HOMEPAGE_DIR TMPDIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness.h"
#include "pub.h"
#include "export/region.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long n;
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	s = malloc((size_t)n + 1);
	if (fread(s, 1, (size_t)n, f) != (size_t)n)
		n = 0;
	s[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return s;
}

static int find(pub__region *r, const char *text, const char *name)
{
	return pub__region_find(r, text, strlen(text), name, "p.md");
}

static void page(const char *dir)
{
	char path[4096];
	size_t len;
	char *s;
	pub__region r;
	snprintf(path, sizeof(path), "%s/about.md", dir);
	s = slurp(path, &len);
	OK(s != NULL, "cannot read %s", path);
	if (!s)
		return;
	OK(pub__region_find(&r, s, len, "publications", "about.md") == 0, "%s",
		pub_error_last());
	OK(r.open_line == 32 && r.close_line == 33 && r.start == r.end,
		"publications: lines %zu-%zu, %zu..%zu", r.open_line, r.close_line,
		r.start, r.end);
	OK(strcmp(r.eol, "\n") == 0, "eol");
	OK(pub__region_find(&r, s, len, "projects", "about.md") == 0, "%s", pub_error_last());
	OK(r.open_line == 54, "projects on line %zu", r.open_line);
	free(s);
	snprintf(path, sizeof(path), "%s/example-homepage.md", dir);
	s = slurp(path, &len);
	OK(s && pub__region_find(&r, s, len, "publications", "x.md") == PUB_ENOTFOUND,
		"the hand-written page has no region");
	free(s);
}

static void markers(void)
{
	pub__region r;
	/* spaces, tabs, CRLF and a BOM around markers */
	OK(find(&r, "\xef\xbb\xbf<!--pubdb:a-->\r\nx\r\n \t<!--  /pubdb:a  --> \r\n", "a") == 0,
		"%s", pub_error_last());
	OK(r.start == 19 && strcmp(r.eol, "\r\n") == 0, "start %zu eol", r.start);
	/* not markers: text around, an empty or odd name, another comment */
	OK(find(&r, "x <!-- pubdb:a -->\n<!-- /pubdb:a --> y\n", "a") == PUB_ENOTFOUND,
		"inline markers are text");
	OK(find(&r, "<!-- pubdb: -->\n<!-- pubdb:a b -->\n<!-- pubdb:a\n-->\n", "a") ==
		PUB_ENOTFOUND, "malformed markers are text");
	OK(find(&r, "<!-- PUBDB:a -->\n<!-- /PUBDB:a -->\n", "a") == PUB_ENOTFOUND,
		"the prefix is lower case");
	/* the name is matched exactly */
	OK(find(&r, "<!-- pubdb:A -->\n<!-- /pubdb:A -->\n", "a") == PUB_ENOTFOUND,
		"names are case-sensitive");
	/* another region before and after is fine */
	OK(find(&r, "<!-- pubdb:b -->\n<!-- /pubdb:b -->\n<!-- pubdb:a -->\nz\n"
		    "<!-- /pubdb:a -->\n<!-- pubdb:c -->\n<!-- /pubdb:c -->", "a") == 0,
		"%s", pub_error_last());
	OK(r.open_line == 3 && r.close_line == 5, "lines %zu-%zu", r.open_line, r.close_line);
	OK(find(&r, "<!-- pubdb:a -->\n<!-- /pubdb:a -->\n<!-- /pubdb:a -->\n", "a") ==
		PUB_EPARSE && strstr(pub_error_last(), "p.md:3:"), "%s", pub_error_last());
	OK(!pub__region_name_ok("") && !pub__region_name_ok("a b") &&
		pub__region_name_ok("selected-2024.v1_x"), "names");
}

static void writer(const char *tmp)
{
	char path[4096];
	FILE *f;
	struct stat a, b;
	size_t len;
	char *s;
	pub_region_result res = PUB_REGION_RESULT_INIT;
	snprintf(path, sizeof(path), "%s/region-page.md", tmp);
	f = fopen(path, "wb");
	fputs("top\r\n<!-- pubdb:a -->\r\nold\r\n<!-- /pubdb:a -->\r\nend", f);
	fclose(f);
	OK(pub_region_replace(&res, path, "a", "one\ntwo", 7) == 0, "%s", pub_error_last());
	OK(res.changed && res.old_lines == 1 && res.new_lines == 2 && res.line == 2,
		"result %d %zu %zu", res.changed, res.old_lines, res.new_lines);
	s = slurp(path, &len);
	STR_EQ(s, "top\r\n<!-- pubdb:a -->\r\none\r\ntwo\r\n<!-- /pubdb:a -->\r\nend",
		"CRLF page");
	free(s);
	stat(path, &a);
	OK(pub_region_replace(&res, path, "a", "one\r\ntwo\n", 9) == 0 && !res.changed,
		"the same text is no change");
	stat(path, &b);
	OK(a.st_ino == b.st_ino && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec &&
		a.st_mtime == b.st_mtime, "untouched");
	OK(pub_region_replace(&res, path, "a", "", 0) == 0 && res.changed, "emptied");
	s = slurp(path, &len);
	STR_EQ(s, "top\r\n<!-- pubdb:a -->\r\n<!-- /pubdb:a -->\r\nend", "empty region");
	free(s);
	remove(path);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: test_region FIXTURES_HOMEPAGE_DIR TMPDIR\n");
		return 2;
	}
	page(argv[1]);
	markers();
	writer(argv[2]);
	return test_summary();
}
