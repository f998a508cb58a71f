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

/* The history as chart series (collected by history_cb). */
typedef struct chart {
	pub__svg_series *s;
	char **labels;
	int64_t **days;
	long **values;
	size_t n, cap, pcap;
} chart;

static int history_cb(const char *repo, const char *day, long stars, void *ctx)
{
	chart *c = ctx;
	pub__svg_series *s;
	int64_t d = pub__svg_day(day);
	if (d < 0)
		return 0;
	if (!c->n || strcmp(c->labels[c->n - 1], repo)) {
		if (c->n == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 8;
			c->s = pub__realloc(c->s, c->cap * sizeof(*c->s));
			c->labels = pub__realloc(c->labels, c->cap * sizeof(*c->labels));
			c->days = pub__realloc(c->days, c->cap * sizeof(*c->days));
			c->values = pub__realloc(c->values, c->cap * sizeof(*c->values));
		}
		c->labels[c->n] = pub__strdup(repo);
		c->days[c->n] = NULL;
		c->values[c->n] = NULL;
		memset(&c->s[c->n], 0, sizeof(c->s[c->n]));
		c->n++;
		c->pcap = 0;
	}
	s = &c->s[c->n - 1];
	/* Rows come grouped by repository, so pcap belongs to this series. */
	if (s->n == c->pcap || !c->days[c->n - 1]) {
		c->pcap = c->pcap ? c->pcap * 2 : 16;
		c->days[c->n - 1] = pub__realloc(c->days[c->n - 1], c->pcap * sizeof(int64_t));
		c->values[c->n - 1] = pub__realloc(c->values[c->n - 1], c->pcap * sizeof(long));
	}
	c->days[c->n - 1][s->n] = d;
	c->values[c->n - 1][s->n] = stars;
	s->n++;
	return 0;
}

int pub_stars_svg(pub_db *db, FILE *out)
{
	chart c;
	size_t i;
	int err;
	memset(&c, 0, sizeof(c));
	if ((err = pub_stars_history_foreach(db, history_cb, &c)) == 0) {
		for (i = 0; i < c.n; i++) {
			c.s[i].label = c.labels[i];
			c.s[i].day = c.days[i];
			c.s[i].value = c.values[i];
		}
		err = pub__svg_line_chart(out, "GitHub stars", c.s, c.n);
	}
	for (i = 0; i < c.n; i++) {
		free(c.labels[i]);
		free(c.days[i]);
		free(c.values[i]);
	}
	free(c.s);
	free(c.labels);
	free(c.days);
	free(c.values);
	return err;
}
