/*
 * owner.h: the owner as a person (owner.c): the name of `config owner` and
 * the other spellings of `config owner.aliases`.
 */
#ifndef PUB_STORE_OWNER_H
#define PUB_STORE_OWNER_H

#include "pub.h"

/* "Name; Alias; Alias": the owner's spellings as one ';'-separated list
 * (text/person.h matches any of them), or NULL when neither setting is
 * there (malloc'd).  owner.aliases is itself a ';'-separated list. */
int pub__owner_names(char **out, pub_db *db);

#endif
