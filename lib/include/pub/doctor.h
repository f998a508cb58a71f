/*
 * pub/doctor.h: the database checked.  Part of pub.h, the one public
 * header: include <pub.h>, not this file.
 */
#ifndef PUB_PUBLIC_DOCTOR_H
#define PUB_PUBLIC_DOCTOR_H

#include "common.h"
#include "db.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- doctor ------------------------------------------------------------ */

/* Runs integrity, foreign-key and search-index checks and looks for
 * duplicate candidates; each finding goes to cb (candidates start with
 * "note: ").  Returns the number of problems (>= 0; candidates are not
 * problems) or an error. */
PUB_EXTERN int pub_doctor(pub_db *db,
	void (*cb)(const char *finding, void *ctx), void *ctx);

#ifdef __cplusplus
}
#endif
#endif
