/*
 * util.c: file and text helpers the commands share: atomic file writes
 * (export -o, stars --svg) and JSON string escaping.  The atomic write
 * does what libpub's pub__write_file_atomic() (lib/util/fs.c) does for
 * --jekyll: through a symlink to its target, an existing file's mode kept,
 * a new file's from the umask.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static int io_error(const char *path)
{
	fprintf(stderr, "pubdb: error: cannot write '%s': %s\n", path, strerror(errno));
	return EXIT_ERROR;
}

static char *xstrdup(const char *s)
{
	char *d = strdup(s);
	if (!d) {
		fputs("pubdb: out of memory\n", stderr);
		abort();
	}
	return d;
}

/* The file `path` names, symlinks followed (a dangling link's target too),
 * so that the rename replaces the target and the link stays. */
static char *resolve_links(const char *path)
{
	char *cur = xstrdup(path);
	int hops;
	for (hops = 0; hops < 40; hops++) {
		struct stat st;
		char target[4096], *next, *slash;
		ssize_t n;
		size_t len;
		if (lstat(cur, &st) < 0 || !S_ISLNK(st.st_mode))
			break;
		n = readlink(cur, target, sizeof(target) - 1);
		if (n < 0 || (size_t)n >= sizeof(target) - 1)
			break;
		target[n] = '\0';
		slash = strrchr(cur, '/');
		if (target[0] == '/' || !slash) {
			next = xstrdup(target);
		} else {
			/* relative to the folder holding the link */
			len = (size_t)(slash - cur) + 1 + strlen(target) + 1;
			next = malloc(len);
			if (!next)
				abort();
			snprintf(next, len, "%.*s/%s", (int)(slash - cur), cur, target);
		}
		free(cur);
		cur = next;
	}
	return cur;
}

int cli_atomic_open(cli_atomic *a, const char *path)
{
	static unsigned counter;
	struct stat st;
	size_t n;
	int fd = -1, tries;
	a->path = path;
	a->f = NULL;
	a->tmp = NULL;
	a->target = resolve_links(path);
	n = strlen(a->target) + 64;
	/* beside the target, so that rename() stays on one file system;
	 * created 0666 so that the umask applies (mkstemp() gives 0600) */
	for (tries = 0; fd < 0 && tries < 100; tries++) {
		free(a->tmp);
		a->tmp = malloc(n);
		if (!a->tmp)
			abort();
		snprintf(a->tmp, n, "%s.tmp%ld.%u.%ld", a->target, (long)getpid(),
			++counter, (long)time(NULL));
		fd = open(a->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0
		/* an existing file keeps its mode (a web server's 0644, say) */
		|| (stat(a->target, &st) == 0 && fchmod(fd, st.st_mode & 07777) < 0)
		|| !(a->f = fdopen(fd, "w"))) {
		int rc = io_error(path);
		if (fd >= 0) {
			close(fd);
			unlink(a->tmp);
		}
		free(a->tmp);
		free(a->target);
		a->tmp = a->target = NULL;
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
	if (rc == EXIT_OK && rename(a->tmp, a->target) != 0)
		rc = io_error(a->path);
	if (rc != EXIT_OK)
		unlink(a->tmp);
	free(a->tmp);
	free(a->target);
	a->tmp = a->target = NULL;
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
