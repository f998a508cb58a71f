/*
 * fs.h: file-system helpers.
 */
#ifndef PUB_UTIL_FS_H
#define PUB_UTIL_FS_H

#include "pub.h"

/* mkdir -p of the folders of `path` (and of `path` itself when `whole`). */
int pub__make_dirs(const char *path, int whole);

/* The file a path names, symlinks followed (a dangling link's target
 * too); malloc'd.  A path that is no symlink comes back as it is. */
char *pub__resolve_links(const char *path);

/* Writes `len` bytes to `path` as users expect of an editor: through a
 * symlink to its target, atomically there (a temporary file beside it,
 * synced, then renamed), keeping the mode of an existing file; a new
 * file gets 0666 less the umask (pub_file_open() and pub_file_commit()). */
int pub__write_file_atomic(const char *path, const void *data, size_t len);

#endif
