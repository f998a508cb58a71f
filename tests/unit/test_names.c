/*
 * test_names.c: BibTeX name parsing against cases taken from real .bib
 * files (biber's names.bib, pybtex, btparse, bibtex-tidy), with the parts
 * BibTeX's documented rules give.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "util/buf.h"
#include "text/names.h"

typedef struct {
	const char *list;
	size_t count; /* names in the list */
	size_t idx;   /* which name the parts below describe */
	const char *first, *von, *last, *jr;
	int others;
} name_case;

#define N NULL

static const name_case cases[] = {
	/* biber names.bib */
	{"Alfred Adler", 1, 0, "Alfred", N, "Adler", N, 0},
	{"Bertie B. Bull", 1, 0, "Bertie B.", N, "Bull", N, 0},
	{"C. Z. Crop", 1, 0, "C. Z.", N, "Crop", N, 0},
	{"Derek D Decket", 1, 0, "Derek D", N, "Decket", N, 0},
	{"Egbert von Eel", 1, 0, "Egbert", "von", "Eel", N, 0},
	{"Francis van der valt Frome", 1, 0, "Francis", "van der valt", "Frome", N, 0},
	{"Gregory R. van Gloom", 1, 0, "Gregory R.", "van", "Gloom", N, 0},
	{"Ian {Iliad Ipswich}", 1, 0, "Ian", N, "{Iliad Ipswich}", N, 0},
	{"Jolly, III, James", 1, 0, "James", N, "Jolly", "III", 0},
	{"Pimentel, Jr. ,Joseph J.", 1, 0, "Joseph J.", N, "Pimentel", "Jr.", 0},
	{"van Kluster, Jr., Kevin", 1, 0, "Kevin", "van", "Kluster", "Jr.", 0},
	{"Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin", 1, 0,
	 "Charles Louis Xavier Joseph", "de la", "Vall{\\'e}e Poussin", N, 0},
	{"Van de Graaff, R. J.", 1, 0, "R. J.", "Van de", "Graaff", N, 0},
	{"St John-Mollusc, Oliver", 1, 0, "Oliver", N, "St John-Mollusc", N, 0},
	{"Roger P.{\\,}G. van Gompel", 1, 0, "Roger P.{\\,}G.", "van", "Gompel", N, 0},
	{"Roger {P.\\,G.} van Gompel", 1, 0, "Roger {P.\\,G.}", "van", "Gompel", N, 0},
	{"Lovecraft, Bill H.{\\,}P.", 1, 0, "Bill H.{\\,}P.", N, "Lovecraft", N, 0},
	{"Mustermann, Klaus-Peter", 1, 0, "Klaus-Peter", N, "Mustermann", N, 0},
	{"Lam, Ho-Pun", 1, 0, "Ho-Pun", N, "Lam", N, 0},
	{"{John Henry} Ford", 1, 0, "{John Henry}", N, "Ford", N, 0},
	{"{\\v S}omeone Smith", 1, 0, "{\\v S}omeone", N, "Smith", N, 0},
	{"Someone {\\v S}mith", 1, 0, "Someone", N, "{\\v S}mith", N, 0},
	{"\xC5\xA0omeone Smith", 1, 0, "\xC5\xA0omeone", N, "Smith", N, 0},
	{"{American Psychological Association, Task Force on the Sexualization of Girls}",
	 1, 0, N, N,
	 "{American Psychological Association, Task Force on the Sexualization of Girls}", N, 0},
	{"{Sci-Art Publishers}", 1, 0, N, N, "{Sci-Art Publishers}", N, 0},
	{"E. S. El-{M}allah", 1, 0, "E. S.", N, "El-{M}allah", N, 0},
	{"{\\~ Z}elly, Arthur", 1, 0, "Arthur", N, "{\\~ Z}elly", N, 0},
	{"Deutsch, J. A. and Deutsch, Diana", 2, 1, "Diana", N, "Deutsch", N, 0},
	{"Alan Miffed and Russel Beast", 2, 1, "Russel", N, "Beast", N, 0},
	/* bibtex-tidy (bibtex-perl-libs, python-bibtexparser, better-bibtex) */
	{"A. Bar and L.M. M\\\"uller", 2, 1, "L.M.", N, "M\\\"uller", N, 0},
	{"Wall,, Larry", 1, 0, "Larry", N, "Wall", N, 0},
	{"{\\AA}se, Stra{\\ss}e, and {\\o}thers", 2, 0, N, N, "{\\AA}se", "Stra{\\ss}e", 0},
	{"{\\AA}se, Stra{\\ss}e, and {\\o}thers", 2, 1, N, N, "{\\o}thers", N, 0},
	{"Van der Maaten, Laurens and Hinton, Geoffrey", 2, 0, "Laurens", "Van der", "Maaten", N, 0},
	{"Gr{\\v{c}}ar, Miha and Trdin, Nejc", 2, 0, "Miha", N, "Gr{\\v{c}}ar", N, 0},
	{"van der Walt, {S}t\\'efan and {S}ch\\\"onberger, {J}ohannes {L}.", 2, 0,
	 "{S}t\\'efan", "van der", "Walt", N, 0},
	{"van der Walt, {S}t\\'efan and {S}ch\\\"onberger, {J}ohannes {L}.", 2, 1,
	 "{J}ohannes {L}.", N, "{S}ch\\\"onberger", N, 0},
	/* pybtex / btparse */
	{"de Last, Jr., First Middle", 1, 0, "First Middle", "de", "Last", "Jr.", 0},
	{"Jackson, P\\'eter", 1, 0, "P\\'eter", N, "Jackson", N, 0},
	{"Alfred V. Oaho and Jeffrey D. Ullman and Mihalis Yannakakis", 3, 2,
	 "Mihalis", N, "Yannakakis", N, 0},
	{"F. Phidias Phony-Baloney", 1, 0, "F. Phidias", N, "Phony-Baloney", N, 0},
	{"Ulrich {\\\"{U}}nderwood and Ned {\\~N}et and Paul {\\={P}}ot", 3, 2,
	 "Paul", N, "{\\={P}}ot", N, 0},
	{"{\\'{E}}douard Masterly", 1, 0, "{\\'{E}}douard", N, "Masterly", N, 0},
	{"Tom T{\\'{e}}rrific", 1, 0, "Tom", N, "T{\\'{e}}rrific", N, 0},
	{"Joe-Bob Missilany", 1, 0, "Joe-Bob", N, "Missilany", N, 0},
	{"L[eslie] A. Aamport", 1, 0, "L[eslie] A.", N, "Aamport", N, 0},
	/* BibTeX's documented rules (btxdoc, Tame the BeaST) */
	{"Jean de La Fontaine", 1, 0, "Jean", "de", "La Fontaine", N, 0},
	{"jean de la fontaine", 1, 0, N, "jean de la", "fontaine", N, 0},
	{"Leonardo da Vinci", 1, 0, "Leonardo", "da", "Vinci", N, 0},
	{"Ludwig van Beethoven and others", 2, 1, N, N, N, N, 1},
	{"others", 1, 0, N, N, N, N, 1},
	{"Doe, John and {others}", 2, 1, N, N, "{others}", N, 0},
	{"{Barnes and Noble, Inc.}", 1, 0, N, N, "{Barnes and Noble, Inc.}", N, 0},
	{"Plato", 1, 0, N, N, "Plato", N, 0},
	{"  Doe,   John  \n and\tSmith , Jane ", 2, 1, "Jane", N, "Smith", N, 0},
	{"  Doe,   John  \n and\tSmith , Jane ", 2, 0, "John", N, "Doe", N, 0},
	{"A and and B", 2, 1, N, N, "B", N, 0},
	{"Alice AND Bob", 2, 0, N, N, "Alice", N, 0},
	{"Anderson, Sandy and Andy Band", 2, 1, "Andy", N, "Band", N, 0},
	{"Doe, John, Jr, Extra", 1, 0, "Jr Extra", N, "Doe", "John", 0},
	{"Smith, John,", 1, 0, N, N, "Smith", "John", 0},
	{", John", 1, 0, "John", N, N, N, 0},
	{"Ronald Graham-Smith", 1, 0, "Ronald", N, "Graham-Smith", N, 0},
	{"Jean-Pierre Dupont", 1, 0, "Jean-Pierre", N, "Dupont", N, 0},
	{"Charles~Louis de~la Vall\xC3\xA9" "e~Poussin", 1, 0, "Charles~Louis", "de~la",
	 "Vall\xC3\xA9" "e~Poussin", N, 0},
	{"Brinch Hansen, Per", 1, 0, "Per", N, "Brinch Hansen", N, 0},
	{"Alex {\\ae}rlig Smith", 1, 0, "Alex", "{\\ae}rlig", "Smith", N, 0},
	{"{\\relax Ch}ristopher Smith", 1, 0, "{\\relax Ch}ristopher", N, "Smith", N, 0},
	{"Maria {de la} Cruz", 1, 0, "Maria {de la}", N, "Cruz", N, 0},
	{"\xC3\x89mile Zola", 1, 0, "\xC3\x89mile", N, "Zola", N, 0},
	{"Ian {Iliad\n   Ipswich}", 1, 0, "Ian", N, "{Iliad Ipswich}", N, 0},
	{"and Foo Bar and", 1, 0, "Foo", N, "Bar", N, 0},
};

static void check_case(const name_case *c)
{
	pub__name *names = NULL;
	size_t n = 0;
	pub__names_parse(&names, &n, c->list);
	OK(n == c->count, "'%s': %zu names, want %zu", c->list, n, c->count);
	if (c->idx < n) {
		const pub__name *p = &names[c->idx];
		STR_EQ(p->first, c->first, "first of '%s' #%zu", c->list, c->idx);
		STR_EQ(p->von, c->von, "von of '%s' #%zu", c->list, c->idx);
		STR_EQ(p->last, c->last, "last of '%s' #%zu", c->list, c->idx);
		STR_EQ(p->jr, c->jr, "jr of '%s' #%zu", c->list, c->idx);
		OK(p->others == c->others, "others of '%s'", c->list);
	}
	pub__names_free(names, n);
}

static void test_empty(void)
{
	static const char *const empty[] = {"", "   ", "and", " and and ", "\n\t", ","};
	size_t k;
	for (k = 0; k < sizeof(empty) / sizeof(empty[0]); k++) {
		pub__name *names = (pub__name *)1;
		size_t n = 99;
		pub__names_parse(&names, &n, empty[k]);
		if (k < 5)
			OK(n == 0 && names == NULL, "'%s' gives no names", empty[k]);
		pub__names_free(names, n);
	}
	{
		pub__name *names;
		size_t n;
		pub__names_parse(&names, &n, NULL);
		OK(n == 0 && names == NULL, "NULL list");
		pub__names_free(NULL, 0);
	}
}

/* Hostile input: deep nesting, unbalanced braces, huge lists. */
static void test_hostile(void)
{
	size_t big = 10000, k, n;
	char *s = malloc(2 * big + 16);
	pub__name *names;

	memset(s, '{', big);
	strcpy(s + big, "x");
	pub__names_parse(&names, &n, s);
	OK(n == 1 && names[0].last && strlen(names[0].last) == big + 1, "unclosed braces");
	pub__names_free(names, n);

	memset(s, '{', big);
	memset(s + big, '}', big);
	s[2 * big] = '\0';
	pub__names_parse(&names, &n, s);
	OK(n == 1, "10000 nested braces");
	pub__names_free(names, n);

	memset(s, '}', big);
	strcpy(s + big, " a b");
	pub__names_parse(&names, &n, s);
	OK(n == 1, "stray closing braces");
	pub__names_free(names, n);
	free(s);

	/* 20,000 names, one megabyte of words */
	{
		pub__buf b = PUB__BUF_INIT;
		for (k = 0; k < 20000; k++)
			pub__buf_printf(&b, "%sAuthor%zu von Name%zu", k ? " and " : "", k, k);
		pub__names_parse(&names, &n, b.ptr);
		OK(n == 20000, "20000 names, got %zu", n);
		if (n == 20000)
			STR_EQ(names[19999].last, "Name19999", "last of the last name");
		pub__names_free(names, n);
		pub__buf_free(&b);
	}
	{
		char *words = malloc(1 << 20);
		for (k = 0; k + 2 < (1 << 20); k += 2) {
			words[k] = 'w';
			words[k + 1] = ' ';
		}
		words[k] = '\0';
		pub__names_parse(&names, &n, words);
		OK(n == 1 && names[0].von, "one name of half a million words");
		pub__names_free(names, n);
		free(words);
	}
	/* invalid UTF-8 is carried, not interpreted */
	pub__names_parse(&names, &n, "\xff\xfe Smith, \xc3");
	OK(n == 1 && names[0].last && strcmp(names[0].last, "\xff\xfe Smith") == 0,
	   "invalid UTF-8");
	pub__names_free(names, n);
}

int main(void)
{
	size_t k;
	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
		check_case(&cases[k]);
	printf("%zu name cases\n", sizeof(cases) / sizeof(cases[0]));
	test_empty();
	test_hostile();
	return test_summary();
}
