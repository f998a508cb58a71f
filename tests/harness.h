/*
 * harness.h: the tiny unit-test harness (after cmark's api_test).
 * OK(cond, msg) and STR_EQ(got, want, msg) count failures; main returns
 * test_summary().
 */
#ifndef PUB_TEST_HARNESS_H
#define PUB_TEST_HARNESS_H

#include <stdio.h>
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

#endif
