/*
 * stars.c: the star history of the repositories, as rows and as an SVG
 * line chart.
 */
#include "pub.h"
#include "util/alloc.h"
#include "export/svg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
