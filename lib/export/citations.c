/*
 * citations.c: citation history as an SVG line chart (`citations --svg`)
 * and the shields-style badge of `stats --svg`.  The counts themselves are
 * lib/store/citations.c.
 */
#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "store/citations.h"
#include "export/svg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_source(const char *key, const char *source, const char *day,
	long count, void *ctx)
{
	(void)key;
	pub__svg_chart_add(ctx, source, day, count);
	return 0;
}

static int add_point(const char *key, const char *day, long count, void *ctx)
{
	pub__svg_chart_add(ctx, key, day, count);
	return 0;
}

int pub_citations_svg(pub_db *db, const char *key, FILE *out)
{
	pub__svg_chart c;
	int err;
	char *title = NULL;
	memset(&c, 0, sizeof(c));
	if (key)
		err = pub_citations_history_foreach(db, key, by_source, &c);
	else
		err = pub__citations_best_by_day(db, add_point, &c);
	if (err == 0) {
		title = key ? pub__sprintf("Citations of %s", key) : pub__strdup("Citations");
		err = pub__svg_chart_write(out, title, &c);
	}
	free(title);
	pub__svg_chart_free(&c);
	return err;
}

/* ---- the badge ---------------------------------------------------------- */

/* Width of text in 11 px Verdana, roughly, as shields.io lays it out:
 * digits and most lower-case letters are about 7 px. */
static int text_width(const char *s)
{
	int w = 0;
	for (; *s; s++)
		w += (*s == 'i' || *s == 'l' || *s == 't' || *s == '-' || *s == ' ') ? 4 : 7;
	return w;
}

static void segment(FILE *out, int x, int w, const char *fill)
{
	fprintf(out, "    <rect x=\"%d\" width=\"%d\" height=\"20\" fill=\"%s\"/>\n", x, w, fill);
}

static void label(FILE *out, int x, int w, const char *text)
{
	int mid = x + w / 2;
	/* the shadow first, then the text, as shields does */
	fprintf(out, "    <text x=\"%d\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\">%s</text>\n",
		mid, text);
	fprintf(out, "    <text x=\"%d\" y=\"14\">%s</text>\n", mid, text);
}

int pub_stats_svg(const pub_stats *s, FILE *out)
{
	/* only digits and fixed words: nothing here needs escaping */
	char cites[32], h[32];
	const char *names[4];
	const char *fills[4] = {"#555", "#007ec6", "#555", "#97ca00"};
	int widths[4], x[4], total = 0, i;
	snprintf(cites, sizeof(cites), "%ld", s->citations);
	snprintf(h, sizeof(h), "%ld", s->h_index);
	names[0] = "citations";
	names[1] = cites;
	names[2] = "h-index";
	names[3] = h;
	for (i = 0; i < 4; i++) {
		widths[i] = text_width(names[i]) + 12;
		x[i] = total;
		total += widths[i];
	}
	fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"20\" "
		"viewBox=\"0 0 %d 20\" role=\"img\" aria-label=\"citations: %s, h-index: %s\">\n"
		"  <title>citations: %s, h-index: %s</title>\n"
		"  <linearGradient id=\"pub-s\" x2=\"0\" y2=\"100%%\">\n"
		"    <stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/>\n"
		"    <stop offset=\"1\" stop-opacity=\".1\"/>\n"
		"  </linearGradient>\n"
		"  <clipPath id=\"pub-r\"><rect width=\"%d\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>\n"
		"  <g clip-path=\"url(#pub-r)\">\n",
		total, total, cites, h, cites, h, total);
	for (i = 0; i < 4; i++)
		segment(out, x[i], widths[i], fills[i]);
	fprintf(out, "    <rect width=\"%d\" height=\"20\" fill=\"url(#pub-s)\"/>\n"
		"  </g>\n"
		"  <g fill=\"#fff\" text-anchor=\"middle\" "
		"font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\">\n", total);
	for (i = 0; i < 4; i++)
		label(out, x[i], widths[i], names[i]);
	fputs("  </g>\n</svg>\n", out);
	if (ferror(out))
		return pub__error(PUB_ERROR, "cannot write the badge");
	return 0;
}
