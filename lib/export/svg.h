/*
 * svg.h: our small SVG writer (svg.c): line charts such as the star
 * history.  Private to libpub.
 */
#ifndef PUB_SVG_H
#define PUB_SVG_H

#include "pub.h"

#include <stdint.h>
#include <stdio.h>

/* One line of the chart: points (day, value) with days as counted by
 * pub__svg_day ("YYYY-MM-DD"), in increasing day order. */
typedef struct pub__svg_series {
	const char *label; /* UTF-8, escaped when written */
	const int64_t *day;
	const long *value;
	size_t n;
} pub__svg_series;

/* Days since 1970-01-01 for "YYYY-MM-DD"; -1 when malformed. */
int64_t pub__svg_day(const char *iso);

/* Writes a whole SVG document: a title, a y axis of counts and an x axis
 * of dates with gridlines, one <polyline> per series (a marker per point)
 * and a legend.  Series without points are left out.  Returns 0, or
 * PUB_ERROR when writing to `out` failed. */
int pub__svg_line_chart(FILE *out, const char *title,
	const pub__svg_series *series, size_t n);

/* Series collected row by row from a history grouped by label with days
 * increasing (the star history by repository, citations by source or
 * paper); zero it to start, free with pub__svg_chart_free. */
typedef struct pub__svg_chart {
	pub__svg_series *s;
	char **labels;
	int64_t **days;
	long **values;
	size_t n, cap, pcap;
} pub__svg_chart;

/* Adds the point (day "YYYY-MM-DD", value) to the series `label`, a new
 * one when it differs from the last row's; a malformed day is skipped. */
void pub__svg_chart_add(pub__svg_chart *c, const char *label, const char *day,
	long value);

/* pub__svg_line_chart() of the collected series. */
int pub__svg_chart_write(FILE *out, const char *title, pub__svg_chart *c);

void pub__svg_chart_free(pub__svg_chart *c);

#endif
