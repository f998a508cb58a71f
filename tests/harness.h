/*
 * harness.h: the tiny unit-test harness (after cmark's api_test).
 * OK(cond, msg) and STR_EQ(got, want, msg) count failures; main returns
 * test_summary().
 */
#ifndef PUB_TEST_HARNESS_H
#define PUB_TEST_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int test_run, test_failed;

#define OK(cond, ...)                                                     \
	do {                                                              \
		test_run++;                                               \
		if (!(cond)) {                                            \
			test_failed++;                                    \
			fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
			fprintf(stderr, __VA_ARGS__);                     \
			fputc('\n', stderr);                              \
		}                                                         \
	} while (0)

#define STR_EQ(got, want, ...)                                            \
	do {                                                              \
		const char *g_ = (got), *w_ = (want);                     \
		test_run++;                                               \
		if (!(g_ == w_ || (g_ && w_ && strcmp(g_, w_) == 0))) {   \
			test_failed++;                                    \
			fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
			fprintf(stderr, __VA_ARGS__);                     \
			fprintf(stderr, "\n  got:  '%s'\n  want: '%s'\n", \
				g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
		}                                                         \
	} while (0)

static inline int test_summary(void)
{
	printf("%d checks, %d failed\n", test_run, test_failed);
	return test_failed ? 1 : 0;
}

#ifdef PUB_FIXTURES
/* The whole of fixture file `rel` (under PUB_FIXTURES), NUL-terminated,
 * its length in *n; exits when it cannot be read. */
static inline char *slurp(const char *rel, size_t *n)
{
	char path[1024];
	FILE *fp;
	char *buf;
	long len;
	snprintf(path, sizeof(path), "%s/%s", PUB_FIXTURES, rel);
	if (!(fp = fopen(path, "rb"))) {
		fprintf(stderr, "cannot open %s\n", path);
		exit(1);
	}
	fseek(fp, 0, SEEK_END);
	len = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = malloc((size_t)len + 1);
	if (fread(buf, 1, (size_t)len, fp) != (size_t)len)
		exit(1);
	buf[len] = '\0';
	fclose(fp);
	*n = (size_t)len;
	return buf;
}
#endif

#endif
