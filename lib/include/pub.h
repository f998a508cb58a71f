/*
 * pub.h: the one public header of libpub, the library behind the pubdb
 * command.  It keeps an academic's publications in one SQLite file.
 *
 * Conventions (docs/architecture.md): functions that can fail return 0 or a negative
 * PUB_E* code and leave a message for pub_error_last(); out parameters come
 * first; every constructor has a NULL-safe _free.  Out of memory aborts.
 *
 * One header per subject (lib/include/pub/), as libgit2's git2.h includes
 * its own; a program includes this one.
 */
#ifndef PUB_H
#define PUB_H

#include "pub/common.h"
#include "pub/db.h"
#include "pub/paper.h"
#include "pub/import.h"
#include "pub/repo.h"
#include "pub/export.h"
#include "pub/refresh.h"
#include "pub/news.h"
#include "pub/citations.h"
#include "pub/profile.h"
#include "pub/file.h"
#include "pub/doctor.h"

#endif
