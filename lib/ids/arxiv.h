/*
 * arxiv.h: arXiv identifiers (arxiv.c).
 */
#ifndef PUB_IDS_ARXIV_H
#define PUB_IDS_ARXIV_H

#include "pub.h"
#include "bibtex/entry.h"

/* Normalises user input to an arXiv id without version: "arxiv:"/"arXiv:"
 * prefixes, bare new-style (YYMM.NNNN, YYMM.NNNNN) and old-style
 * (hep-th/9901001; math.GT/0309136 becomes math/0309136) ids, a vN suffix
 * and abs/pdf URLs on arxiv.org or export.arxiv.org (http, https or no
 * scheme, with or without www, optional .pdf).  *version is N or 0.  *id is malloc'd.
 * Anything else: PUB_EINVAL "not an arXiv id: 'X'". */
int pub__arxiv_normalize(char **id, int *version, const char *in);

/* Version-less arXiv id and version from an identifier-like field value
 * ("2408.12588v3", "arXiv:hep-th/9901001", "abs/1234.5678"): the grammar
 * of pub__arxiv_normalize(), but leading braces and spaces are skipped and
 * anything after a space or '}' is ignored; no URLs.  0 or PUB_EINVAL (no
 * message) when it is not one.  *id is malloc'd. */
int pub__arxiv_id_parse(char **id, int *version, const char *s);

/* The arXiv id an entry refers to: eprint (arXiv), the arXiv DOI, dblp's
 * CoRR volume "abs/ID", or an arxiv.org URL.  1 when found (*id malloc'd),
 * else 0. */
int pub__arxiv_of_entry(char **id, int *version, const pub__bib_entry *e);

#endif
