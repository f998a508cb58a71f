/*
 * orcid.h: ORCID iDs (orcid.c).
 */
#ifndef PUB_IDS_ORCID_H
#define PUB_IDS_ORCID_H

#include "pub.h"

/* Normalises an ORCID iD as typed: "0000-0002-1825-0097", the same
 * without hyphens, with an "orcid:" prefix, or as an orcid.org URL
 * (http, https or none, www. allowed, a trailing slash) to the hyphenated
 * 19-character form with an upper-case X (*id malloc'd).  The last
 * character is the ISO 7064 mod 11-2 check digit and must match.
 * Otherwise PUB_EINVAL "not an ORCID iD: 'X'". */
int pub__orcid_normalize(char **id, const char *in);

/* The ISO 7064 mod 11-2 check character ('0'-'9' or 'X') of the first 15
 * digits of an ORCID iD. */
char pub__orcid_check_char(const char digits[15]);

#endif
