/*
 * stars.c: the star history of the repositories, as rows and as an SVG
 * line chart.
 */
#include "pub.h"
#include "util/alloc.h"
#include "store/db.h"
#include "export/svg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pub_stars_history_foreach(pub_db *db,
	int (*cb)(const char *repo, const char *day, long stars, void *ctx), void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc, err = 0;
	/* Not cached: the callback may use the handle. */
	if (sqlite3_prepare_v2(db->sql,
		    "SELECT r.owner || '/' || r.name, h.day, h.stars FROM star_history h "
		    "JOIN repos r ON r.id = h.repo_id ORDER BY r.owner, r.name, h.day",
		    -1, &st, NULL) != SQLITE_OK)
		return pub__db_error(db, "reading star history");
	while (err == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW)
		err = cb((const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 1),
			(long)sqlite3_column_int64(st, 2), ctx);
	if (err == 0 && rc != SQLITE_DONE)
		err = pub__db_error(db, "reading star history");
	sqlite3_finalize(st);
	return err;
}

static int history_cb(const char *repo, const char *day, long stars, void *ctx)
{
	pub__svg_chart_add(ctx, repo, day, stars);
	return 0;
}

int pub_stars_svg(pub_db *db, FILE *out)
{
	pub__svg_chart c;
	int err;
	memset(&c, 0, sizeof(c));
	if ((err = pub_stars_history_foreach(db, history_cb, &c)) == 0)
		err = pub__svg_chart_write(out, "GitHub stars", &c);
	pub__svg_chart_free(&c);
	return err;
}
