/*
 * test_latex.c: LaTeX -> Unicode, Unicode -> LaTeX, ASCII folding and the
 * UTF-8 helpers, by tables of cases plus hostile input (deep nesting,
 * unterminated commands, megabyte strings, invalid UTF-8).
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "text/latex.h"

typedef struct {
	const char *in, *want;
} str_case;

/* LaTeX in, NFC UTF-8 out.  ~ decodes to U+00A0 (no-break space). */
static const str_case to_unicode[] = {
	{"plain ASCII title", "plain ASCII title"},
	{"", ""},
	{"M\\\"uller", "M\xC3\xBCller"},
	{"M{\\\"u}ller", "M\xC3\xBCller"},
	{"M\\\"{u}ller", "M\xC3\xBCller"},
	{"M{\\\"{u}}ller", "M\xC3\xBCller"},
	{"M\\\" uller", "M\xC3\xBCller"},
	{"Mart\\'{\\i}nez", "Mart\xC3\xADnez"},
	{"Mart{\\'\\i}nez", "Mart\xC3\xADnez"},
	{"\\v{S}ediv\\'y", "\xC5\xA0" "ediv\xC3\xBD"},
	{"Gr{\\v{c}}ar", "Gr\xC4\x8D" "ar"},
	{"Fran\\c cois", "Fran\xC3\xA7ois"},
	{"Fran\\c{c}ois", "Fran\xC3\xA7ois"},
	{"\\`a\\'e\\^i\\\"o\\~n\\=a\\.z", "\xC3\xA0\xC3\xA9\xC3\xAE\xC3\xB6\xC3\xB1\xC4\x81\xC5\xBC"},
	{"\\u{g}\\v{c}\\H{o}\\c{s}\\d{s}\\b{b}\\k{a}\\r{u}",
	 "\xC4\x9F\xC4\x8D\xC5\x91\xC5\x9F\xE1\xB9\xA3\xE1\xB8\x87\xC4\x85\xC5\xAF"},
	{"\\t{oo}", "o\xCD\xA1o"},
	{"{\\'{\\^{a}}}", "\xE1\xBA\xA5"},
	{"\\ss{} {\\ss} Stra\\ss e", "\xC3\x9F \xC3\x9F Stra\xC3\x9F" "e"},
	{"\\o\\O\\aa\\AA\\ae\\AE\\oe\\OE",
	 "\xC3\xB8\xC3\x98\xC3\xA5\xC3\x85\xC3\xA6\xC3\x86\xC5\x93\xC5\x92"},
	{"{\\l}{\\L}{\\i}{\\j}{\\dh}{\\th}{\\ng}",
	 "\xC5\x82\xC5\x81\xC4\xB1\xC8\xB7\xC3\xB0\xC3\xBE\xC5\x8B"},
	{"{\\AA}ngstr{\\\"o}m", "\xC3\x85ngstr\xC3\xB6m"},
	{"pages 1--10, 1990---2000", "pages 1\xE2\x80\x93" "10, 1990\xE2\x80\x94" "2000"},
	{"``quoted''", "\xE2\x80\x9Cquoted\xE2\x80\x9D"},
	{"it's `single'", "it's `single'"},
	{"a-b", "a-b"},
	{"Fig.~1", "Fig.\xC2\xA0" "1"},
	{"\\& \\% \\$ \\_ \\# \\{ \\}", "& % $ _ # { }"},
	{"\\textendash\\textemdash\\textquotedblleft x\\textquotedblright",
	 "\xE2\x80\x93\xE2\x80\x94\xE2\x80\x9Cx\xE2\x80\x9D"},
	{"\\textquoteleft x\\textquoteright", "\xE2\x80\x98x\xE2\x80\x99"},
	{"\\emph{x} \\textit{y} \\textbf{z} {\\em w}", "x y z w"},
	{"{GPU}-accelerated {B}ayesian", "GPU-accelerated Bayesian"},
	{"{{{Deep}}}", "Deep"},
	{"$\\alpha$-stable", "$\\alpha$-stable"},
	{"$O(n^{2})$ time", "$O(n^{2})$ time"},
	{"$$x_{i}$$ \\(y^{2}\\) \\[z\\]", "$$x_{i}$$ \\(y^{2}\\) \\[z\\]"},
	{"$a\\$b$ c", "$a\\$b$ c"},
	{"cost $5", "cost $5"},
	{"\\foo{bar} baz", "\\foo{bar} baz"},
	{"\\url{http://x.org/~a}", "\\url{http://x.org/~a}"},
	{"\\href{u}{t}", "\\href{u}{t}"},
	{"line\\\\break", "line\\\\break"},
	{"a\\ b", "a b"},
	{"P.\\,G.", "P.\xE2\x80\x89G."},
	{"hy\\-phen", "hyphen"},
	{"\\~{}user", "\xCB\x9Cuser"}, /* raised tilde, as LaTeX prints it */
	{"\\textasciitilde{}user", "~user"},
	{"\\\"{}", "\xC2\xA8"},
	{"\\\"", "\xC2\xA8"},
	{"x\\", "x\\"},
	{"{\\\"}u", "\xC2\xA8u"},
	{"{\\noopsort{a}}Zeta", "Zeta"},
	{"\\LaTeX{} and \\TeX", "LaTeX and TeX"},
	{"\\ldots{}", "\xE2\x80\xA6"},
	{"u\xCC\x88", "\xC3\xBC"},                /* NFC */
	{"\xFF" "ab\xC3", "\xEF\xBF\xBD" "ab\xEF\xBF\xBD"}, /* invalid UTF-8 */
	{"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"}, /* surrogate */
	{"\\\"\xFF", "\xEF\xBF\xBD\xCC\x88"},
	{"}}}a{{{", "a"},
	{"\\'{\\\"{u}}", "\xC7\x98"},
	{"{\\\"U}ber die {GPU}-Nutzung", "\xC3\x9C" "ber die GPU-Nutzung"},
};

/* UTF-8 in, ASCII LaTeX out (BibTeX specials are left alone). */
static const str_case to_latex[] = {
	{"plain & 100% ASCII_{x}", "plain & 100% ASCII_{x}"},
	{"M\xC3\xBCller", "M{\\\"u}ller"},
	{"\xC5\xA0" "ediv\xC3\xBD", "{\\v{S}}ediv{\\'y}"},
	{"Mart\xC3\xADnez", "Mart{\\'\\i}nez"},
	{"Fran\xC3\xA7ois", "Fran{\\c{c}}ois"},
	{"Stra\xC3\x9F" "e \xC3\xB8 \xC3\x85 \xC5\x82", "Stra{\\ss}e {\\o} {\\AA} {\\l}"},
	{"1\xE2\x80\x93" "2\xE2\x80\x94" "3", "1--2---3"},
	{"\xE2\x80\x9Cq\xE2\x80\x9D \xE2\x80\x98s\xE2\x80\x99", "``q'' `s'"},
	{"Fig.\xC2\xA0" "1", "Fig.~1"},
	{"\xE2\x80\x93\xE2\x80\x93-\xE2\x80\x9C`", "--{}--{}-``{}`"},
	{"u\xCC\x88", "{\\\"u}"},
	{"q\xCC\x88", "{\\\"q}"},
	{"\xE1\xBA\xA5", "{\\'{\\^{a}}}"},
	{"\xC7\xBF", "{\\'\\o}"},
	{"\xE4\xB8\xAD\xE6\x96\x87", "\xE4\xB8\xAD\xE6\x96\x87"}, /* no LaTeX: kept */
	{"\xCE\xB1", "\xCE\xB1"},
	{"\xE2\x82\xAC", "\xE2\x82\xAC"},
	{"\xFF", "\xEF\xBF\xBD"},
	{"\xC4\xB1", "{\\i}"},
};

/* LaTeX or UTF-8 in, folded ASCII out. */
static const str_case folds[] = {
	{"{\\\"U}ber die {GPU}-Nutzung", "uber die gpu nutzung"},
	{"  Hello,   World!  ", "hello world"},
	{"Stra\\ss e", "strasse"},
	{"Stra\xC3\x9F" "e", "strasse"},
	{"\xC3\x98ystein \xC3\x86sir \xC5\x92uvre", "oystein aesir oeuvre"},
	{"\xC5\x81\xC3\xB3" "d\xC5\xBA \xC4\x90or\xC4\x91" "e \xC3\x9E" "orn", "lodz dorde thorn"},
	{"\\'{E}cole Normale Sup\\'{e}rieure", "ecole normale superieure"},
	{"\xEF\xAC\x81" "ne \xE2\x91\xA0", "fine 1"}, /* NFKD: ligature, circled */
	{"---", ""},
	{"", ""},
	{"C++ \\& C#", "c c"},
	{"\xFF" "x", "x"},
	{"2024 Zhao", "2024 zhao"},
};

static void run_table(const str_case *t, size_t n, char *(*fn)(const char *), const char *what)
{
	size_t k;
	for (k = 0; k < n; k++) {
		char *got = fn(t[k].in);
		STR_EQ(got, t[k].want, "%s of '%s'", what, t[k].in);
		OK(got && pub__utf8_valid(got, strlen(got)), "%s output valid UTF-8", what);
		free(got);
	}
}

/* For ASCII LaTeX made of accents, decoding what the encoder wrote gives
 * back the same Unicode. */
static void test_round_trip(void)
{
	static const char accents[] = "`'^\"~=.uvHcdbkr";
	static const char *const bases[] = {"a", "e", "i", "\\i", "o", "u", "y", "c", "s",
					    "z", "n", "g", "A", "E", "O", "U", "S", "Z",
					    "\\o", "\\j", "q"};
	static const char *const extras[] = {
		"\\ss", "{\\o}", "\\AA", "\\ae", "\\OE", "\\l", "\\L", "\\dh", "\\th", "\\ng",
		"a--b", "a---b", "``x''", "a~b", "{\\'{\\^{a}}}", "{\\\"{\\=u}}"};
	size_t a, k, count = 0, bad = 0;
	char in[64];
	for (a = 0; a < sizeof(accents) - 1; a++)
		for (k = 0; k < sizeof(bases) / sizeof(bases[0]); k++) {
			char *u, *l, *u2;
			snprintf(in, sizeof(in), "x\\%c{%s}y", accents[a], bases[k]);
			u = pub__latex_to_unicode(in);
			l = pub__unicode_to_latex(u);
			u2 = pub__latex_to_unicode(l);
			count++;
			if (strcmp(u, u2) != 0) {
				bad++;
				fprintf(stderr, "round trip '%s' -> '%s' -> '%s' -> '%s'\n", in, u, l, u2);
			}
			free(u);
			free(l);
			free(u2);
		}
	for (k = 0; k < sizeof(extras) / sizeof(extras[0]); k++) {
		char *u = pub__latex_to_unicode(extras[k]);
		char *l = pub__unicode_to_latex(u);
		char *u2 = pub__latex_to_unicode(l);
		count++;
		STR_EQ(u2, u, "round trip of '%s' via '%s'", extras[k], l);
		free(u);
		free(l);
		free(u2);
	}
	OK(bad == 0, "%zu of %zu accent round trips differ", bad, count);
}

static void test_utf8(void)
{
	char *s;
	OK(pub__utf8_valid("", 0), "empty is valid");
	OK(pub__utf8_valid("\xC3\xBC", 2), "u-umlaut valid");
	OK(!pub__utf8_valid("\xC3", 1), "truncated invalid");
	OK(!pub__utf8_valid("\xC0\x80", 2), "overlong invalid");
	OK(!pub__utf8_valid("\xED\xA0\x80", 3), "surrogate invalid");
	OK(!pub__utf8_valid("\xF4\x90\x80\x80", 4), "beyond U+10FFFF invalid");
	OK(pub__utf8_valid("\xF0\x9F\x98\x80", 4), "emoji valid");
	s = pub__nfc("e\xCC\x81\xFF");
	STR_EQ(s, "\xC3\xA9\xEF\xBF\xBD", "nfc composes and repairs");
	free(s);
	s = pub__nfc(NULL);
	STR_EQ(s, "", "nfc of NULL");
	free(s);
}

static char *repeat(const char *unit, size_t times, const char *tail)
{
	size_t ul = strlen(unit), tl = strlen(tail), k;
	char *s = malloc(ul * times + tl + 1);
	for (k = 0; k < times; k++)
		memcpy(s + k * ul, unit, ul);
	memcpy(s + ul * times, tail, tl + 1);
	return s;
}

static void check_all(const char *in, const char *what)
{
	char *u = pub__latex_to_unicode(in), *l = pub__unicode_to_latex(in);
	char *f = pub__fold_ascii(in);
	OK(pub__utf8_valid(u, strlen(u)), "%s: to_unicode valid", what);
	OK(pub__utf8_valid(l, strlen(l)), "%s: to_latex valid", what);
	OK(pub__utf8_valid(f, strlen(f)), "%s: fold valid", what);
	free(u);
	free(l);
	free(f);
}

static void test_hostile(void)
{
	char *s, *u;
	size_t k;

	s = repeat("{", 10000, "x");
	u = pub__latex_to_unicode(s);
	STR_EQ(u, "x", "10000 unclosed braces");
	free(u);
	free(s);

	s = repeat("{", 10000, "");
	{
		char *t = malloc(20001 + 1);
		memcpy(t, s, 10000);
		t[10000] = 'y';
		memset(t + 10001, '}', 10000);
		t[20001] = '\0';
		u = pub__latex_to_unicode(t);
		STR_EQ(u, "y", "10000 nested braces");
		free(u);
		check_all(t, "nested");
		free(t);
	}
	free(s);

	s = repeat("\\\"{", 10000, "u");
	check_all(s, "10000 nested accents");
	free(s);
	s = repeat("\\foo{", 10000, "");
	check_all(s, "10000 unclosed unknown commands");
	free(s);
	s = repeat("$", 10001, "");
	check_all(s, "dollars");
	free(s);

	/* 1 MB strings */
	s = repeat("M\\\"uller -- ", 1 << 17, "");
	u = pub__latex_to_unicode(s);
	OK(u && strlen(u) == (size_t)(1 << 17) * strlen("M\xC3\xBCller \xE2\x80\x93 "),
	   "1 MB of accents");
	free(u);
	check_all(s, "1 MB");
	free(s);
	s = repeat("plain ", 200000, "");
	u = pub__latex_to_unicode(s);
	OK(u && strcmp(u, s) == 0, "1 MB plain copy");
	free(u);
	free(s);
	s = repeat("\xC3\xBC\xFF", 400000, "");
	check_all(s, "1 MB invalid UTF-8");
	free(s);

	for (k = 0; k < 256; k++) {
		char one[3] = {'\\', (char)k, '\0'};
		if (k == 0)
			continue;
		check_all(one, "backslash + byte");
	}
}

int main(void)
{
	run_table(to_unicode, sizeof(to_unicode) / sizeof(to_unicode[0]), pub__latex_to_unicode,
		  "to_unicode");
	run_table(to_latex, sizeof(to_latex) / sizeof(to_latex[0]), pub__unicode_to_latex,
		  "to_latex");
	run_table(folds, sizeof(folds) / sizeof(folds[0]), pub__fold_ascii, "fold");
	test_round_trip();
	test_utf8();
	test_hostile();
	return test_summary();
}
