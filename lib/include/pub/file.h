/*
 * pub/file.h: files replaced atomically.  Part of pub.h, the one public
 * header: include <pub.h>, not this file.
 */
#ifndef PUB_PUBLIC_FILE_H
#define PUB_PUBLIC_FILE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- files ------------------------------------------------------------- */

/* A file replaced atomically, as a web server or a site generator expects
 * of it: written to a temporary file beside its target (a symlink is
 * followed to its target and stays a symlink), synced, then renamed over
 * the target, so that a reader sees the old file or the new one, never
 * half of it.  An existing file keeps its mode; a new one gets 0666 less
 * the umask.  The exports with -o and --svg go through it. */
typedef struct pub_file pub_file;

/* Starts writing `path`; `*out` is the caller's until pub_file_commit()
 * or pub_file_free(). */
PUB_EXTERN int pub_file_open(pub_file **out, const char *path);
/* The stream to write to; owned by the handle. */
PUB_EXTERN FILE *pub_file_stream(pub_file *f);
/* Flushes, syncs and renames the file into place, and frees the handle
 * whatever happens; on failure the target is as it was. */
PUB_EXTERN int pub_file_commit(pub_file *f);
/* Discards what was written (the target is as it was) and frees the
 * handle; NULL-safe. */
PUB_EXTERN void pub_file_free(pub_file *f);

#ifdef __cplusplus
}
#endif
#endif
