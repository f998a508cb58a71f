/*
 * unknown.c: negative answers remembered, for every step (unknown.h).
 */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "pub.h"
#include "store/lock.h"
#include "sync/unknown.h"

int pub__unknown_since(char since[21], pub_db *db)
{
	char *days = NULL;
	long nd = PUB__UNKNOWN_DAYS;
	int err;
	if ((err = pub_config_get(&days, db, "refresh.unknown_days")) < 0)
		return err;
	if (days) {
		char *end;
		long v = strtol(days, &end, 10);
		nd = !*end && v >= 0 && v <= 3650 ? v : nd;
		free(days);
	}
	pub__refresh_cutoff(since, nd * 86400);
	since[nd > 0 ? 10 : 0] = '\0';
	return 0;
}

int pub__unknown_remembered(const char *unknown, const char *source, const char *since)
{
	json_t *o;
	const char *day;
	int yes;
	if (!unknown || !since || !*since || !(o = json_loads(unknown, 0, NULL)))
		return 0;
	day = json_string_value(json_object_get(o, source));
	yes = day && strcmp(day, since) >= 0;
	json_decref(o);
	return yes;
}
