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

struct pub_file {
	char *path;   /* as given, for messages */
	char *target; /* path with symlinks followed */
	char *tmp;    /* the temporary file beside the target */
	FILE *f;
};

int pub_file_open(pub_file **out, const char *path)
{
	pub_file *f = pub__calloc(1, sizeof(*f));
	struct stat st;
	int fd = -1, e;
	*out = NULL;
	f->path = pub__strdup(path);
	f->target = pub__resolve_links(path);
	if ((fd = open_temp(&f->tmp, f->target)) < 0)
		goto fail;
	/* an existing file keeps its mode (a web server's 0644, say) */
	if (stat(f->target, &st) == 0 && fchmod(fd, st.st_mode & 07777) < 0)
		goto fail;
	if (!(f->f = fdopen(fd, "w")))
		goto fail;
	*out = f;
	return 0;
fail:
	e = errno;
	if (fd >= 0) {
		close(fd);
		unlink(f->tmp);
	}
	free(f->tmp);
	f->tmp = NULL;
	pub_file_free(f);
	pub__error(PUB_ERROR, "cannot write '%s': %s", path, strerror(e));
	return PUB_ERROR;
}

FILE *pub_file_stream(pub_file *f)
{
	return f ? f->f : NULL;
}

int pub_file_commit(pub_file *f)
{
	int err = 0, e = 0;
	if (!f)
		return pub__error(PUB_EINVAL, "no file to commit");
	if (fflush(f->f) != 0 || ferror(f->f) || fsync(fileno(f->f)) != 0)
		e = errno ? errno : EIO;
	if (fclose(f->f) != 0 && !e)
		e = errno;
	f->f = NULL;
	if (!e && rename(f->tmp, f->target) != 0)
		e = errno;
	if (e) {
		err = pub__error(PUB_ERROR, "cannot write '%s': %s", f->path, strerror(e));
		unlink(f->tmp);
	}
	free(f->tmp);
	f->tmp = NULL; /* renamed, or removed: nothing for pub_file_free to do */
	pub_file_free(f);
	return err;
}

void pub_file_free(pub_file *f)
{
	if (!f)
		return;
	if (f->f)
		fclose(f->f);
	if (f->tmp)
		unlink(f->tmp);
	free(f->tmp);
	free(f->target);
	free(f->path);
	free(f);
}

int pub__write_file_atomic(const char *path, const void *data, size_t len)
{
	pub_file *f;
	int err;
	if ((err = pub_file_open(&f, path)) < 0)
		return err;
	if (len && fwrite(data, 1, len, f->f) != len) {
		err = pub__error(PUB_ERROR, "cannot write '%s': %s", path, strerror(errno));
		pub_file_free(f);
		return err;
	}
	return pub_file_commit(f);
}
