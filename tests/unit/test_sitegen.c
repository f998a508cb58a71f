/*
 * test_sitegen.c: the small grammars of the site exports: the star
 * milestones news tells about (store/events.c), biblatex's author+an value
 * (export/bibtex.c) and al-folio's "Family*" marks in an author field
 * (export/alfolio.c), including author fields BibTeX allows but nobody
 * writes by hand (braces, "and" inside braces, odd spacing, both name
 * forms, "and others").
 */
#include <stdlib.h>
#include <string.h>

#include "store/events.h"
#include "export/bibtex.h"
#include "harness.h"

#define A(n, g, f, e) {n, g, NULL, f, NULL, e, 0}

static void milestones(void)
{
	static const long cases[][3] = {
		{-1, 5000, 0},   /* a first count crosses nothing */
		{0, 99, 0}, {99, 100, 100}, {100, 101, 0}, {90, 600, 500},
		{450, 598, 500}, {999, 1000, 1000}, {1000, 1999, 0}, {1999, 2000, 2000},
		{4000, 12000, 10000}, {19999, 20000, 20000}, {49999, 50001, 50000},
		{99999, 100000, 100000}, {600, 450, 0}, {500, 500, 0},
		{1, 1000000000, 1000000000},
	};
	size_t i;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		OK(pub__stars_milestone(cases[i][0], cases[i][1]) == cases[i][2],
			"milestone %ld -> %ld: got %ld, want %ld", cases[i][0], cases[i][1],
			pub__stars_milestone(cases[i][0], cases[i][1]), cases[i][2]);
	OK(pub__stars_milestone(0, 9223372036854775807L) > 0, "the largest count");
}

static void annotations(void)
{
	pub_author au[] = {
		A("Xuanlei Zhao", "Xuanlei", "Zhao", 1), A("Xiaolong Jin", "Xiaolong", "Jin", 1),
		A("Kai Wang", "Kai", "Wang", 0), A("Yang You", "Yang", "You", 1),
	};
	pub_paper p;
	char *s;
	memset(&p, 0, sizeof(p));
	p.authors = au;
	p.nauthors = 4;
	s = pub__biblatex_author_an(&p, "Xuanlei Zhao");
	STR_EQ(s, "1=highlight,equal;2=equal;4=equal", "owner and equal");
	free(s);
	s = pub__biblatex_author_an(&p, NULL);
	STR_EQ(s, "1=equal;2=equal;4=equal", "no owner set");
	free(s);
	au[0].equal = au[1].equal = au[3].equal = 0;
	s = pub__biblatex_author_an(&p, "Kai Wang");
	STR_EQ(s, "3=highlight", "owner only");
	free(s);
	OK(pub__biblatex_author_an(&p, "Nobody Here") == NULL, "nothing to mark");
}

static void stars(void)
{
	pub_author au[] = {
		A("a", "a", "a", 1), A("b", "b", "b", 0), A("c", "c", "c", 1), A("d", "d", "d", 1),
	};
	static const char *const cases[][2] = {
		{"Zhao, Xuanlei and Jin, Xiaolong and Wang, Kai and You, Yang",
		 "Zhao*, Xuanlei and Jin, Xiaolong and Wang*, Kai and You*, Yang"},
		{"Xuanlei Zhao and Xiaolong Jin and Kai Wang and Yang You",
		 "Xuanlei Zhao* and Xiaolong Jin and Kai Wang* and Yang You*"},
		/* "and" inside braces is part of a name; braces kept */
		{"{Barnes and Noble} and B, b and {The Team} and d",
		 "{Barnes and Noble}* and B, b and {The Team}* and d*"},
		/* BibTeX splits at "and" between any blanks; "And" too */
		{"von Last , Jr, First\tAND  Q R\nand S T and U",
		 "von Last* , Jr, First\tAND  Q R\nand S T* and U*"},
		{"A B and others", "A B* and others"},
		{"Single", "Single*"},
		{"band, x and Sand y and z and w", "band*, x and Sand y and z* and w*"},
		{"", ""},
	};
	pub_paper p;
	size_t i;
	memset(&p, 0, sizeof(p));
	p.authors = au;
	p.nauthors = 4;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *s = pub__alfolio_authors(cases[i][0], &p);
		STR_EQ(s, cases[i][1], "al-folio authors of '%s'", cases[i][0]);
		free(s);
	}
}

int main(void)
{
	milestones();
	annotations();
	stars();
	return test_summary();
}
