/*
 * util.c: file and text helpers the commands share: atomic file writes
 * (export -o, stars --svg) and JSON string escaping.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static int io_error(const char *path)
{
	fprintf(stderr, "pubdb: error: cannot write '%s': %s\n", path, strerror(errno));
	return EXIT_ERROR;
}

int cli_atomic_open(cli_atomic *a, const char *path)
{
	size_t n = strlen(path) + 16;
	int fd;
	a->path = path;
	a->f = NULL;
	a->tmp = malloc(n);
	if (!a->tmp) {
		fputs("pubdb: out of memory\n", stderr);
		abort();
	}
	/* beside the target, so that rename() stays on one file system */
	snprintf(a->tmp, n, "%s.tmpXXXXXX", path);
	if ((fd = mkstemp(a->tmp)) < 0 || !(a->f = fdopen(fd, "w"))) {
		int rc = io_error(path);
		if (fd >= 0) {
			close(fd);
			unlink(a->tmp);
		}
		free(a->tmp);
		a->tmp = NULL;
		return rc;
	}
	return EXIT_OK;
}

int cli_atomic_close(cli_atomic *a, int rc)
{
	if (!a->f)
		return rc;
	if (rc == EXIT_OK && (fflush(a->f) != 0 || ferror(a->f) || fsync(fileno(a->f)) != 0))
		rc = io_error(a->path);
	if (fclose(a->f) != 0 && rc == EXIT_OK)
		rc = io_error(a->path);
	a->f = NULL;
	if (rc == EXIT_OK && rename(a->tmp, a->path) != 0)
		rc = io_error(a->path);
	if (rc != EXIT_OK)
		unlink(a->tmp);
	free(a->tmp);
	a->tmp = NULL;
	return rc;
}

void cli_json_string(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\')
			fprintf(out, "\\%c", ch);
		else if (ch < 0x20)
			fprintf(out, "\\u%04x", ch);
		else
			fputc(ch, out);
	}
	fputc('"', out);
}
