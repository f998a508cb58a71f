/*
 * test_fields.c: the papers.fields_json codec (lib/store/fields.c): what the
 * encoder writes, that every JSON string escape decodes, that anything but
 * an object of strings is refused, and that real fields survive the trip.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "store/fields.h"

typedef struct {
	char text[4096];
	size_t n;
} joined;

/* Collects "name=value;" pairs. */
static int join(const char *name, const char *value, void *ctx)
{
	joined *j = ctx;
	int w = snprintf(j->text + j->n, sizeof(j->text) - j->n, "%s=%s;", name, value);
	if (w > 0)
		j->n += (size_t)w;
	return 0;
}

static int stop_at_second(const char *name, const char *value, void *ctx)
{
	int *seen = ctx;
	(void)name;
	(void)value;
	return ++*seen == 2 ? -42 : 0;
}

static const char *decode(const char *json, int *rc)
{
	static joined j;
	memset(&j, 0, sizeof(j));
	*rc = pub__fields_each(json, join, &j);
	return j.text;
}

static void test_encode(void)
{
	pub_field f[] = {
		{"author", "M\xC3\xBCller, J{\\\"u}rgen and Doe, Jane"},
		{"title", "A \"quoted\" title with \\LaTeX{} and a\ttab"},
		{"note", "line one\nline two\r\x01"},
		{"author", "a repeat is dropped"},
		{"empty", ""},
	};
	char *s = pub__fields_encode(f, 5);
	STR_EQ(s, "{\"author\":\"M\xC3\xBCller, J{\\\\\\\"u}rgen and Doe, Jane\","
		"\"title\":\"A \\\"quoted\\\" title with \\\\LaTeX{} and a\\ttab\","
		"\"note\":\"line one\\nline two\\r\\u0001\",\"empty\":\"\"}", "encoding");
	free(s);
	s = pub__fields_encode(NULL, 0);
	STR_EQ(s, "{}", "no fields");
	free(s);
}

static void test_round_trip(void)
{
	pub_field f[] = {
		{"author", "{\\AA}ngstr{\\\"o}m, Anders and others"},
		{"title", "{TeX}: \"$\\alpha$\" -- \\{braces\\} / slashes \\\\ \x7F \xE2\x80\x94"},
		{"x-custom", "\x1F"},
	};
	char *s = pub__fields_encode(f, 3);
	int rc;
	STR_EQ(decode(s, &rc), "author={\\AA}ngstr{\\\"o}m, Anders and others;"
		"title={TeX}: \"$\\alpha$\" -- \\{braces\\} / slashes \\\\ \x7F \xE2\x80\x94;"
		"x-custom=\x1F;", "round trip");
	OK(rc == 0, "round trip rc %d", rc);
	free(s);
}

static void test_decode_escapes(void)
{
	int rc;
	STR_EQ(decode(" { \"a\" : \"\\/\\b\\f\\n\\r\\t\\\"\\\\\" , \"b\":\"\\u00e9\\u20AC\" } ", &rc),
		"a=/\b\f\n\r\t\"\\;b=\xC3\xA9\xE2\x82\xAC;", "escapes and whitespace");
	OK(rc == 0, "rc %d", rc);
	STR_EQ(decode("{\"s\":\"\\ud83d\\ude00|\\ud83d|\\ude00|x\\u0000y\"}", &rc),
		"s=\xF0\x9F\x98\x80|\xEF\xBF\xBD|\xEF\xBF\xBD|xy;", "surrogates, lone ones, NUL");
	OK(rc == 0, "rc %d", rc);
	STR_EQ(decode("{}", &rc), "", "empty object");
	OK(rc == 0, "rc %d", rc);
}

static void test_decode_refuses(void)
{
	static const char *bad[] = {
		"", "[]", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1}", "{\"a\":\"b\",}",
		"{\"a\":\"b\"", "{\"a\":\"b}", "{\"a\":\"b\"} x", "{\"a\":\"\\x\"}",
		"{\"a\":\"\\u12G4\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"raw\ttab\"}",
		"{a:\"b\"}", "{\"a\":\"b\" \"c\":\"d\"}", "null", NULL,
	};
	size_t i;
	int rc, seen = 0;
	for (i = 0; bad[i]; i++) {
		decode(bad[i], &rc);
		OK(rc == PUB_ERROR, "'%s' refused (rc %d)", bad[i], rc);
	}
	decode(NULL, &rc);
	OK(rc == PUB_ERROR, "NULL refused (rc %d)", rc);
	rc = pub__fields_each("{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}", stop_at_second, &seen);
	OK(rc == -42 && seen == 2, "a callback's error stops the walk (rc %d, seen %d)", rc, seen);
}

int main(void)
{
	test_encode();
	test_round_trip();
	test_decode_escapes();
	test_decode_refuses();
	return test_summary();
}
