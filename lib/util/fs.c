/*
 * fs.c: file-system helpers.
 */
#include "util/fs.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"

#include <errno.h>
#include <string.h>
#include <stdlib.h>
#include <sys/stat.h>

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
