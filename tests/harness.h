/*
 * harness.h: the tiny unit-test harness (after cmark's api_test).
 * OK(cond, msg) and STR_EQ(got, want, msg) count failures; main returns
 * test_summary(), which fails when no check ran.
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

/* A program that made no check proves nothing: it fails, as one whose
 * checks failed does (a test body compiled out, or returning early). */
static inline int test_summary(void)
{
	printf("%d checks, %d failed\n", test_run, test_failed);
	if (test_run == 0) {
		fprintf(stderr, "FAIL: no check ran\n");
		return 1;
	}
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

#ifdef PUB_REPLAY_RUNNER
#include <errno.h>
#include <unistd.h>
/* A network test needs the loopback replay server: started by hand,
 * without one, it runs itself again under tests/run_with_replay.py, so its
 * network checks never depend on how it was started. */
static inline void replay_ensure(char **argv)
{
	char *args[] = {(char *)PUB_PYTHON, (char *)PUB_REPLAY_RUNNER, (char *)"--fixtures",
			(char *)PUB_FIXTURES, (char *)"--", argv[0], NULL};
	if (getenv("PUB_REPLAY_LOG"))
		return;
	fflush(NULL);
	execv(PUB_PYTHON, args);
	fprintf(stderr, "FAIL: cannot start the replay server (%s %s): %s\n", PUB_PYTHON,
		PUB_REPLAY_RUNNER, strerror(errno));
	exit(1);
}
#endif

#endif
