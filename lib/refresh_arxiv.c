/*
 * refresh_arxiv.c: PLACEHOLDER until the network wiring lands (being
 * written now); replaced by the real `refresh --arxiv` and `add arxiv:`.
 */
#include "db.h"

int pub_refresh_arxiv(pub_db *db, const pub_refresh_opts *opts, pub_refresh_stats *stats)
{
	(void)db;
	(void)opts;
	(void)stats;
	return pub__error(PUB_ERROR, "refresh --arxiv is not built yet");
}

int pub_add_ids(pub_db *db, const char *const *ids, size_t n,
	const pub_import_opts *opts, pub_import_stats *stats, FILE *dry_run_out)
{
	(void)db;
	(void)ids;
	(void)n;
	(void)opts;
	(void)stats;
	(void)dry_run_out;
	return pub__error(PUB_ERROR, "adding by identifier is not built yet");
}
