/*
 * fs.h: file-system helpers.
 */
#ifndef PUB_UTIL_FS_H
#define PUB_UTIL_FS_H

#include "pub.h"

/* mkdir -p of the folders of `path` (and of `path` itself when `whole`). */
int pub__make_dirs(const char *path, int whole);

#endif
