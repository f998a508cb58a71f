/*
 * person.h: is this author that person? (person.c)
 */
#ifndef PUB_TEXT_PERSON_H
#define PUB_TEXT_PERSON_H

#include "pub.h"

/* 1 when author `a` is the owner: matched through initials, accents and
 * name order ("X. Zhao", "Zhao, Xuanlei", "Xuanlei Zhao", "Zhao X"). */
int pub__author_is_owner(const pub_author *a, const char *owner);
/* `owner` may list several spellings separated by ';' ("Xuanlei Zhao;
 * Zhao Xuan-Lei"): any of them matches. */

#endif
