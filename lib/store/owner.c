/*
 * owner.c: the owner's spellings (owner.h).
 */
#include "store/owner.h"

#include "pub.h"
#include "util/alloc.h"

#include <stdlib.h>

int pub__owner_names(char **out, pub_db *db)
{
	char *owner = NULL, *aliases = NULL;
	int err;
	*out = NULL;
	if ((err = pub_config_get(&owner, db, "owner")) < 0)
		return err;
	if ((err = pub_config_get(&aliases, db, "owner.aliases")) < 0) {
		free(owner);
		return err;
	}
	if (owner && *owner && aliases && *aliases)
		*out = pub__sprintf("%s; %s", owner, aliases);
	else if (owner && *owner)
		*out = pub__strdup(owner);
	else if (aliases && *aliases)
		*out = pub__strdup(aliases);
	free(owner);
	free(aliases);
	return 0;
}
