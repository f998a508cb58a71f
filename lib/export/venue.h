/*
 * venue.h: what a venue badge ("ICLR 2025") says about the published
 * entry (venue.c): the venue's name, the publication year, and whether it
 * is a conference or a journal.
 */
#ifndef PUB_EXPORT_VENUE_H
#define PUB_EXPORT_VENUE_H

#include "pub.h"

typedef enum pub__venue_kind {
	PUB__VENUE_NONE = 0,   /* no badge, or a preprint's ("arXiv 2024") */
	PUB__VENUE_CONFERENCE, /* @inproceedings, booktitle */
	PUB__VENUE_JOURNAL,    /* @article, journal */
} pub__venue_kind;

/* Splits badge `venue`: `*name` (malloc'd, NULL for PUB__VENUE_NONE) is the
 * badge without its year, `*year` the year it names (0 when none).  A
 * journal is a known journal's short name (TPAMI, JMLR, Nature ...) or a
 * name with Journal, Transactions, Letters or Magazine in it; any other
 * badge is a conference, as most badges on a homepage are. */
pub__venue_kind pub__venue_parse(char **name, int *year, const char *venue);

/* The year of the published version the badge names, else 0. */
int pub__venue_year(const char *venue);

#endif
