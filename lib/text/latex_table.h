/*
 * latex_table.h: the LaTeX spellings latex.c knows, in both directions.
 * Included by latex.c only.
 */
#ifndef PUB_LATEX_TABLE_H
#define PUB_LATEX_TABLE_H

#include "pub.h"

#include <stdint.h>

/* Accent commands: the combining mark they add, the spacing character
 * they stand for with an empty argument (\~{} is a raised tilde U+02DC, as
 * LaTeX prints it; a literal ASCII ~ would read back as a tie). */
typedef struct {
	char cmd;
	int32_t mark;
	int32_t spacing; /* 0: none */
} latex_accent;

static const latex_accent latex_accents[] = {
	{'`', 0x0300, 0x02CB}, {'\'', 0x0301, 0x00B4}, {'^', 0x0302, 0x005E},
	{'"', 0x0308, 0x00A8}, {'~', 0x0303, 0x02DC},  {'=', 0x0304, 0x00AF},
	{'.', 0x0307, 0x02D9}, {'u', 0x0306, 0x02D8},  {'v', 0x030C, 0x02C7},
	{'H', 0x030B, 0x02DD}, {'c', 0x0327, 0x00B8},  {'d', 0x0323, 0},
	{'b', 0x0331, 0},      {'k', 0x0328, 0x02DB},  {'r', 0x030A, 0x02DA},
	{'t', 0x0361, 0},
};

/* Control words that stand for one character (or a short string). */
typedef struct {
	const char *cmd;
	const char *utf8;
} latex_word;

static const latex_word latex_words[] = {
	/* special letters; first so Unicode -> LaTeX prefers them */
	{"ss", "\xC3\x9F"}, {"o", "\xC3\xB8"}, {"O", "\xC3\x98"},
	{"aa", "\xC3\xA5"}, {"AA", "\xC3\x85"}, {"ae", "\xC3\xA6"},
	{"AE", "\xC3\x86"}, {"oe", "\xC5\x93"}, {"OE", "\xC5\x92"},
	{"l", "\xC5\x82"}, {"L", "\xC5\x81"}, {"i", "\xC4\xB1"},
	{"j", "\xC8\xB7"}, {"dh", "\xC3\xB0"}, {"DH", "\xC3\x90"},
	{"th", "\xC3\xBE"}, {"TH", "\xC3\x9E"}, {"ng", "\xC5\x8B"},
	{"NG", "\xC5\x8A"}, {"dj", "\xC4\x91"}, {"DJ", "\xC4\x90"},
	{"SS", "SS"},
#define LATEX_N_LETTERS 21 /* the entries above "SS": written back as {\o} */
	/* punctuation and symbols */
	{"textendash", "\xE2\x80\x93"}, {"textemdash", "\xE2\x80\x94"},
	{"textquotedblleft", "\xE2\x80\x9C"}, {"textquotedblright", "\xE2\x80\x9D"},
	{"textquoteleft", "\xE2\x80\x98"}, {"textquoteright", "\xE2\x80\x99"},
	{"textquotesingle", "'"}, {"textquotedbl", "\""},
	{"ldots", "\xE2\x80\xA6"}, {"dots", "\xE2\x80\xA6"},
	{"textellipsis", "\xE2\x80\xA6"},
	{"guillemotleft", "\xC2\xAB"}, {"guillemotright", "\xC2\xBB"},
	{"guilsinglleft", "\xE2\x80\xB9"}, {"guilsinglright", "\xE2\x80\xBA"},
	{"textexclamdown", "\xC2\xA1"}, {"textquestiondown", "\xC2\xBF"},
	{"S", "\xC2\xA7"}, {"textsection", "\xC2\xA7"},
	{"P", "\xC2\xB6"}, {"textparagraph", "\xC2\xB6"},
	{"copyright", "\xC2\xA9"}, {"textcopyright", "\xC2\xA9"},
	{"textregistered", "\xC2\xAE"}, {"texttrademark", "\xE2\x84\xA2"},
	{"pounds", "\xC2\xA3"}, {"textsterling", "\xC2\xA3"},
	{"euro", "\xE2\x82\xAC"}, {"texteuro", "\xE2\x82\xAC"},
	{"textdegree", "\xC2\xB0"}, {"textbullet", "\xE2\x80\xA2"},
	{"dag", "\xE2\x80\xA0"}, {"textdagger", "\xE2\x80\xA0"},
	{"ddag", "\xE2\x80\xA1"}, {"textdaggerdbl", "\xE2\x80\xA1"},
	{"textperiodcentered", "\xC2\xB7"}, {"textonequarter", "\xC2\xBC"},
	{"textonehalf", "\xC2\xBD"}, {"textthreequarters", "\xC2\xBE"},
	{"texttimes", "\xC3\x97"}, {"textdiv", "\xC3\xB7"},
	{"textmu", "\xC2\xB5"}, {"textordfeminine", "\xC2\xAA"},
	{"textordmasculine", "\xC2\xBA"},
	{"textasciitilde", "~"}, {"textasciicircum", "^"},
	{"textbackslash", "\\"}, {"textunderscore", "_"},
	{"textbraceleft", "{"}, {"textbraceright", "}"},
	{"textless", "<"}, {"textgreater", ">"}, {"textbar", "|"},
	{"textdollar", "$"}, {"textpercent", "%"}, {"textampersand", "&"},
	{"TeX", "TeX"}, {"LaTeX", "LaTeX"}, {"BibTeX", "BibTeX"},
	{"quad", " "}, {"qquad", " "}, {"space", " "},
	{"enspace", "\xE2\x80\x82"}, {"thinspace", "\xE2\x80\x89"},
	{"nobreakspace", "\xC2\xA0"},
};

/* Control words dropped with no trace: font switches and TeX glue whose
 * argument, if any, is ordinary text (braces around it are dropped like
 * all protective braces).  Formatting is the HTML exporter's business. */
static const char *const latex_dropped[] = {
	"emph", "textit", "textbf", "textrm", "textsf", "texttt", "textsc",
	"textsl", "textup", "textmd", "textnormal", "mbox", "hbox", "text",
	"em", "it", "bf", "sc", "rm", "sf", "tt", "sl", "itshape", "bfseries",
	"scshape", "upshape", "slshape", "mdseries", "normalfont", "rmfamily",
	"sffamily", "ttfamily", "relax", "protect", "xspace", "ignorespaces",
	"nocorr", "unskip", "null",
};

/* Control words dropped together with their one braced argument
 * ({\noopsort{a}} only steers BibTeX's sorting). */
static const char *const latex_dropped_arg[] = {
	"noopsort", "SortNoop", "sortnoop", "NOOPSORT",
};

/* Unicode -> LaTeX for characters better spelled directly than as base
 * plus accent (beyond the special letters above). */
typedef struct {
	int32_t cp;
	const char *latex;
} latex_out;

static const latex_out latex_outs[] = {
	{0x00A0, "~"},           {0x2013, "--"},          {0x2014, "---"},
	{0x201C, "``"},          {0x201D, "''"},          {0x2018, "`"},
	{0x2019, "'"},           {0x2026, "\\ldots{}"},   {0x00AB, "\\guillemotleft{}"},
	{0x00BB, "\\guillemotright{}"}, {0x2039, "\\guilsinglleft{}"},
	{0x203A, "\\guilsinglright{}"}, {0x00A1, "!`"},  {0x00BF, "?`"},
	{0x00A7, "\\S{}"},       {0x00B6, "\\P{}"},       {0x00A9, "\\textcopyright{}"},
	{0x00AE, "\\textregistered{}"}, {0x2122, "\\texttrademark{}"},
	{0x00A3, "\\pounds{}"},  {0x00B0, "\\textdegree{}"}, {0x2022, "\\textbullet{}"},
	{0x2020, "\\dag{}"},     {0x2021, "\\ddag{}"},    {0x00B7, "\\textperiodcentered{}"},
	{0x00BC, "\\textonequarter{}"}, {0x00BD, "\\textonehalf{}"},
	{0x00BE, "\\textthreequarters{}"}, {0x00D7, "\\texttimes{}"},
	{0x00F7, "\\textdiv{}"}, {0x00B5, "\\textmu{}"}, {0x00AA, "\\textordfeminine{}"},
	{0x00BA, "\\textordmasculine{}"}, {0x2009, "\\,"}, {0x00AD, "\\-"},
	{0x00A8, "\\\"{}"},      {0x00B4, "\\'{}"},       {0x00AF, "\\={}"},
	{0x00B8, "\\c{}"},       {0x02DC, "\\~{}"},       {0x02CB, "\\`{}"},
	{0x02D9, "\\.{}"},       {0x02D8, "\\u{}"},       {0x02C7, "\\v{}"},
	{0x02DD, "\\H{}"},       {0x02DB, "\\k{}"},       {0x02DA, "\\r{}"},       {0x2002, "\\enspace{}"},
};

#endif
