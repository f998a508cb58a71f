/*
 * cv.h: the publication list of a CV (cv.c: what both CV writers share;
 * cv_latex.c: LaTeX; cv_json.c: JSON Resume).
 */
#ifndef PUB_EXPORT_CV_H
#define PUB_EXPORT_CV_H

#include <stdio.h>

#include "pub.h"
#include "export/export.h"
#include "export/list.h"

/* The year a CV gives a paper: the year its venue badge names ("ICLR
 * 2025"), else its own; 0 when unknown.  export.since compares with it. */
int pub__cv_year(const pub_paper *p);

/* The CV's sections: by default Conference Papers, Journal Articles,
 * Preprints and Other (in that order, empty ones left out, each in export
 * order); with opts->group_by the groups of pub__groups_make().  Free with
 * pub__groups_free(). */
void pub__cv_groups(pub__group **out, size_t *n, const pub__export_set *set);

/* The full name of the venue as the published BibTeX entry gives it
 * (booktitle or journal), NULL when none or when it says no more than the
 * badge `name` (pub__venue_parse).  New string. */
char *pub__cv_venue_full(const pub_paper *p, const char *badge_name);

/* PUB_FORMAT_CV_LATEX and PUB_FORMAT_CV_JSON_RESUME. */
int pub__export_cv_latex(FILE *out, const pub__export_set *set);
int pub__export_cv_json(FILE *out, const pub__export_set *set);

#endif
