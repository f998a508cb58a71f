/*
 * svg.c: a small SVG writer for line charts (the star history): escaped
 * text, axes with "nice" count steps and date labels, one polyline per
 * series, a legend.  Plain fprintf into a FILE; no library.
 */
#include "export/svg.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>

#define W 820
#define H 420
#define LEFT 70   /* plot area */
#define RIGHT 590
#define TOP 50
#define BOTTOM 360
#define TICKS 5
/* the widest a character of the legend's 12px sans-serif gets, about
 * (W, M and digits of system-ui are narrower than this) */
#define LEGEND_EM 7.5

static const char *const colors[] = {
	"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
	"#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
};
#define NCOLORS (sizeof(colors) / sizeof(colors[0]))

/* Howard Hinnant's days_from_civil / civil_from_days. */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int *y, unsigned *m, unsigned *d)
{
	int64_t era;
	unsigned doe, yoe, doy, mp;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)((int64_t)yoe + era * 400 + (*m <= 2));
}

int64_t pub__svg_day(const char *iso)
{
	int y, m, d, i;
	if (!iso || strlen(iso) < 10 || iso[4] != '-' || iso[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (iso[i] < '0' || iso[i] > '9'))
			return -1;
	y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
	m = (iso[5] - '0') * 10 + (iso[6] - '0');
	d = (iso[8] - '0') * 10 + (iso[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	return days_from_civil(y, (unsigned)m, (unsigned)d);
}

/* Text content or attribute value: markup characters escaped, control
 * characters (not allowed in XML) dropped. */
static void put_escaped(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&apos;", out); break;
		default:
			if ((unsigned char)*s >= 0x20 || *s == '\t')
				fputc(*s, out);
		}
	}
}

static void text(FILE *out, double x, double y, const char *anchor,
	const char *cls, const char *s)
{
	fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" class=\"%s\">",
		x, y, anchor, cls);
	put_escaped(out, s);
	fputs("</text>\n", out);
}

/* A step of 1, 2 or 5 times a power of ten giving at most TICKS steps. */
static long nice_step(long range)
{
	long step = 1;
	for (;;) {
		if (range <= step * TICKS)
			return step;
		if (range <= step * 2 * TICKS)
			return step * 2;
		if (range <= step * 5 * TICKS)
			return step * 5;
		step *= 10;
	}
}

/* 12345 -> "12,345" */
static void thousands(char *buf, size_t size, long v)
{
	char tmp[32];
	size_t n, i, j = 0;
	snprintf(tmp, sizeof(tmp), "%ld", v < 0 ? -v : v);
	n = strlen(tmp);
	if (v < 0 && j + 1 < size)
		buf[j++] = '-';
	for (i = 0; i < n && j + 1 < size; i++) {
		if (i && (n - i) % 3 == 0 && j + 2 < size)
			buf[j++] = ',';
		buf[j++] = tmp[i];
	}
	buf[j] = '\0';
}

/* The width of a legend's text: characters (not UTF-8 bytes) at the
 * widest a character gets. */
static double legend_width(const char *s)
{
	size_t chars = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			chars++;
	return (double)chars * LEGEND_EM;
}

int pub__svg_line_chart(FILE *out, const char *title,
	const pub__svg_series *series, size_t n)
{
	int64_t dmin = 0, dmax = 0;
	long vmin = 0, vmax = 0, step, lo, hi, v;
	size_t i, j, shown = 0;
	int first = 1, k, width = W, height = H;
	char buf[64];

	for (i = 0; i < n; i++)
		for (j = 0; j < series[i].n; j++) {
			int64_t d = series[i].day[j];
			long y = series[i].value[j];
			if (first || d < dmin)
				dmin = d;
			if (first || d > dmax)
				dmax = d;
			if (first || y < vmin)
				vmin = y;
			if (first || y > vmax)
				vmax = y;
			first = 0;
		}
	if (first) { /* nothing recorded yet: an empty chart with today's frame */
		dmin = dmax = 0;
		vmin = 0;
		vmax = 10;
	}
	if (dmin == dmax) {
		dmin--;
		dmax++;
	}
	if (vmin == vmax) {
		vmin = vmin > 0 ? vmin - 1 : 0;
		vmax++;
	}
	step = nice_step(vmax - vmin);
	lo = vmin / step * step;
	hi = (vmax + step - 1) / step * step;
	if (lo == hi)
		hi = lo + step;

	/* The legend sits right of the plot: the picture grows to hold its
	 * longest line and all its lines, never cutting one off. */
	for (i = 0, shown = 0; i < n; i++) {
		double wlen;
		if (!series[i].n)
			continue;
		thousands(buf, sizeof(buf), series[i].value[series[i].n - 1]);
		wlen = legend_width(series[i].label) + legend_width(buf) + 3 * LEGEND_EM;
		if (RIGHT + 46 + wlen + 12 > width)
			width = (int)(RIGHT + 46 + wlen + 12 + 0.5);
		shown++;
	}
	if (TOP + 8 + 18 * (double)shown + 10 > height)
		height = TOP + 8 + 18 * (int)shown + 10;
	shown = 0;

#define X(d) (LEFT + (double)((d) - dmin) * (RIGHT - LEFT) / (double)(dmax - dmin))
#define Y(v) (BOTTOM - (double)((v) - lo) * (BOTTOM - TOP) / (double)(hi - lo))
	fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		"viewBox=\"0 0 %d %d\" role=\"img\">\n", width, height, width, height);
	fputs("<title>", out);
	put_escaped(out, title);
	fputs("</title>\n<style>\n"
		"text { font-family: system-ui, sans-serif; font-size: 12px; fill: #333; }\n"
		".title { font-size: 16px; font-weight: 600; }\n"
		".axis { stroke: #333; stroke-width: 1; }\n"
		".grid { stroke: #ddd; stroke-width: 1; }\n"
		".series { fill: none; stroke-width: 2; stroke-linejoin: round; }\n"
		"</style>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n", out);
	text(out, LEFT, 28, "start", "title", title);

	/* y axis: counts */
	for (v = lo; v <= hi; v += step) {
		thousands(buf, sizeof(buf), v);
		fprintf(out, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>\n",
			LEFT, Y(v), RIGHT, Y(v));
		text(out, LEFT - 8, Y(v) + 4, "end", "tick", buf);
	}
	/* x axis: dates */
	for (k = 0; k <= TICKS; k++) {
		int64_t d = dmin + (dmax - dmin) * k / TICKS;
		int yy;
		unsigned mm, dd;
		if (k && d == dmin + (dmax - dmin) * (k - 1) / TICKS)
			continue;
		civil_from_days(d, &yy, &mm, &dd);
		snprintf(buf, sizeof(buf), "%04d-%02u-%02u", yy, mm, dd);
		fprintf(out, "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>\n",
			X(d), BOTTOM, X(d), BOTTOM + 5);
		text(out, X(d), BOTTOM + 20, "middle", "tick", buf);
	}
	fprintf(out, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
		LEFT, TOP, LEFT, BOTTOM);
	fprintf(out, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
		LEFT, BOTTOM, RIGHT, BOTTOM);
	text(out, (LEFT + RIGHT) / 2.0, BOTTOM + 45, "middle", "label", "date (UTC)");
	fprintf(out, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" class=\"label\" "
		"transform=\"rotate(-90 16 %.1f)\">stars</text>\n",
		(TOP + BOTTOM) / 2.0, (TOP + BOTTOM) / 2.0);

	/* the lines and their legend */
	for (i = 0; i < n; i++) {
		const pub__svg_series *s = &series[i];
		const char *color = colors[shown % NCOLORS];
		double ly = TOP + 8 + 18.0 * (double)shown;
		if (!s->n)
			continue;
		fputs("<g class=\"repo\"><title>", out);
		put_escaped(out, s->label);
		fprintf(out, "</title>\n<polyline class=\"series\" stroke=\"%s\" points=\"", color);
		for (j = 0; j < s->n; j++)
			fprintf(out, "%s%.1f,%.1f", j ? " " : "", X(s->day[j]), Y(s->value[j]));
		fputs("\"/>\n", out);
		for (j = 0; j < s->n; j++)
			fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>\n",
				X(s->day[j]), Y(s->value[j]), color);
		fputs("</g>\n", out);
		{
			fprintf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
				"stroke=\"%s\" stroke-width=\"3\"/>\n",
				RIGHT + 20, ly, RIGHT + 40, ly, color);
			thousands(buf, sizeof(buf), s->value[s->n - 1]);
			fprintf(out, "<text x=\"%d\" y=\"%.1f\" class=\"legend\">", RIGHT + 46, ly + 4);
			put_escaped(out, s->label);
			fprintf(out, " (%s)</text>\n", buf);
		}
		shown++;
	}
#undef X
#undef Y
	fputs("</svg>\n", out);
	if (fflush(out) != 0 || ferror(out))
		return pub__error(PUB_ERROR, "cannot write the chart");
	return 0;
}

void pub__svg_chart_add(pub__svg_chart *c, const char *label, const char *day,
	long value)
{
	pub__svg_series *s;
	int64_t d = pub__svg_day(day);
	if (d < 0)
		return;
	if (!c->n || strcmp(c->labels[c->n - 1], label)) {
		if (c->n == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 8;
			c->s = pub__realloc(c->s, c->cap * sizeof(*c->s));
			c->labels = pub__realloc(c->labels, c->cap * sizeof(*c->labels));
			c->days = pub__realloc(c->days, c->cap * sizeof(*c->days));
			c->values = pub__realloc(c->values, c->cap * sizeof(*c->values));
		}
		c->labels[c->n] = pub__strdup(label);
		c->days[c->n] = NULL;
		c->values[c->n] = NULL;
		memset(&c->s[c->n], 0, sizeof(c->s[c->n]));
		c->n++;
		c->pcap = 0;
	}
	s = &c->s[c->n - 1];
	/* Rows come grouped by label, so pcap belongs to this series. */
	if (s->n == c->pcap || !c->days[c->n - 1]) {
		c->pcap = c->pcap ? c->pcap * 2 : 16;
		c->days[c->n - 1] = pub__realloc(c->days[c->n - 1], c->pcap * sizeof(int64_t));
		c->values[c->n - 1] = pub__realloc(c->values[c->n - 1], c->pcap * sizeof(long));
	}
	c->days[c->n - 1][s->n] = d;
	c->values[c->n - 1][s->n] = value;
	s->n++;
}

int pub__svg_chart_write(FILE *out, const char *title, pub__svg_chart *c)
{
	size_t i;
	for (i = 0; i < c->n; i++) {
		c->s[i].label = c->labels[i];
		c->s[i].day = c->days[i];
		c->s[i].value = c->values[i];
	}
	return pub__svg_line_chart(out, title, c->s, c->n);
}

void pub__svg_chart_free(pub__svg_chart *c)
{
	size_t i;
	for (i = 0; i < c->n; i++) {
		free(c->labels[i]);
		free(c->days[i]);
		free(c->values[i]);
	}
	free(c->s);
	free(c->labels);
	free(c->days);
	free(c->values);
	memset(c, 0, sizeof(*c));
}
