/*
 * fs.c: file-system helpers: folders for a new database, files written
 * atomically through symlinks with the mode users expect (--jekyll).
 */
#include "util/fs.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int pub__make_dirs(const char *path, int whole)
{
	char *dir = pub__strdup(path);
	char *p;
	int err = 0;
	for (p = dir + 1; ; p++) {
		int last = *p == '\0';
		if (*p != '/' && !(last && whole)) {
			if (last)
				break;
			continue;
		}
		*p = '\0';
		if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
			err = pub__error(PUB_ERROR, "cannot create directory '%s': %s",
				dir, strerror(errno));
			break;
		}
		if (last)
			break;
		*p = '/';
	}
	free(dir);
	return err;
}

char *pub__resolve_links(const char *path)
{
	char *cur = pub__strdup(path);
	int hops;
	for (hops = 0; hops < 40; hops++) {
		struct stat st;
		char target[4096];
		ssize_t n;
		if (lstat(cur, &st) < 0 || !S_ISLNK(st.st_mode))
			break;
		n = readlink(cur, target, sizeof(target) - 1);
		if (n < 0 || (size_t)n >= sizeof(target) - 1)
			break;
		target[n] = '\0';
		if (target[0] == '/') {
			free(cur);
			cur = pub__strdup(target);
		} else {
			/* relative to the folder holding the link */
			char *slash = strrchr(cur, '/');
			char *next = slash
				? pub__sprintf("%.*s/%s", (int)(slash - cur), cur, target)
				: pub__strdup(target);
			free(cur);
			cur = next;
		}
	}
	return cur;
}

/* A fresh file beside `target`, created with 0666 so the umask applies
 * (mkstemp() would make it 0600). */
static int open_temp(char **tmp_out, const char *target)
{
	static unsigned counter;
	int tries;
	for (tries = 0; tries < 100; tries++) {
		char *tmp = pub__sprintf("%s.tmp%ld.%u.%ld", target, (long)getpid(),
			++counter, (long)time(NULL));
		int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd >= 0) {
			*tmp_out = tmp;
			return fd;
		}
		free(tmp);
		if (errno != EEXIST)
			return -1;
	}
	errno = EEXIST;
	return -1;
}

int pub__write_file_atomic(const char *path, const void *data, size_t len)
{
	char *target = pub__resolve_links(path), *tmp = NULL;
	const char *p = data;
	struct stat st;
	size_t off = 0;
	int fd, err = 0, e;
	if ((fd = open_temp(&tmp, target)) < 0)
		goto fail;
	/* an existing file keeps its mode (a web server's 0644, say) */
	if (stat(target, &st) == 0 && fchmod(fd, st.st_mode & 07777) < 0)
		goto fail;
	while (off < len) {
		ssize_t w = write(fd, p + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		off += (size_t)w;
	}
	if (fsync(fd) < 0)
		goto fail;
	e = close(fd);
	fd = -1;
	if (e < 0 || rename(tmp, target) < 0)
		goto fail;
	goto done;
fail:
	e = errno;
	err = pub__error(PUB_ERROR, "cannot write '%s': %s", path, strerror(e));
	if (fd >= 0)
		close(fd);
	if (tmp)
		unlink(tmp);
done:
	free(tmp);
	free(target);
	return err;
}
