/*
 * stars.c: PLACEHOLDER until the GitHub stars work lands (being written
 * now).
 */
#include "db.h"

int pub_refresh_stars(pub_db *db, const pub_refresh_opts *opts, pub_refresh_stats *stats)
{
	(void)db;
	(void)opts;
	(void)stats;
	return pub__error(PUB_ERROR, "refresh --stars is not built yet");
}

int pub_stars_svg(pub_db *db, FILE *out)
{
	(void)db;
	(void)out;
	return pub__error(PUB_ERROR, "stars --svg is not built yet");
}
