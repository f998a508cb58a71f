/*
 * writer.c: the BibTeX writer.  Stored values are BibTeX already
 * (balanced braces, macros expanded), so each is written as {value}; the
 * writer only guards against values that would not survive that.
 */
#include <stdlib.h>
#include <string.h>

#include "bibtex/writer.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "text/latex.h"

static const char *months[] = {"January", "February", "March", "April", "May",
	"June", "July", "August", "September", "October", "November", "December"};

/* 1 when braces balance and never go negative (so {value} is safe).  A
 * backslash does not escape a brace here: BibTeX and our reader count
 * every brace, so `\}` inside a value closes a group like any other. */
static int balanced(const char *s)
{
	int depth = 0;
	for (; *s; s++) {
		if (*s == '{')
			depth++;
		else if (*s == '}' && --depth < 0)
			return 0;
	}
	return depth == 0;
}

/* Writes `value` with each brace that has no partner spelt as the LaTeX
 * command \textbraceleft{} or \textbraceright{}: no BibTeX value can hold
 * a lone brace, and a backslash does not escape one. */
static void put_unbalanced(pub__buf *b, const char *value)
{
	size_t n = strlen(value), i, top = 0;
	size_t *open = pub__calloc(n + 1, sizeof(*open));
	char *lone = pub__calloc(n + 1, 1);
	for (i = 0; i < n; i++) {
		if (value[i] == '{')
			open[top++] = i;
		else if (value[i] == '}' && top > 0)
			top--;
		else if (value[i] == '}')
			lone[i] = 1;
	}
	while (top > 0)
		lone[open[--top]] = 1;
	for (i = 0; i < n; i++) {
		/* `\}` meant as an escaped brace (as pub_paper_edit() writes
		 * it) becomes the command alone, not `\\textbraceright{}` */
		if (value[i] == '\\' && lone[i + 1])
			continue;
		if (lone[i])
			pub__buf_puts(b, value[i] == '{' ? "\\textbraceleft{}" : "\\textbraceright{}");
		else
			pub__buf_putc(b, value[i]);
	}
	free(open);
	free(lone);
}

static void put_value(pub__buf *b, const char *name, const char *value, int ascii)
{
	size_t i;
	char *conv = NULL;
	if (strcmp(name, "month") == 0) {
		for (i = 0; i < 12; i++) {
			if (strcmp(value, months[i]) == 0) {
				char abbr[4] = {0};
				abbr[0] = (char)(months[i][0] | 0x20);
				abbr[1] = months[i][1];
				abbr[2] = months[i][2];
				pub__buf_puts(b, abbr);
				return;
			}
		}
	}
	if (ascii)
		value = conv = pub__unicode_to_latex(value);
	pub__buf_putc(b, '{');
	if (balanced(value)) {
		pub__buf_puts(b, value);
	} else {
		/* Never emit a value that would swallow the rest of the file. */
		put_unbalanced(b, value);
	}
	pub__buf_putc(b, '}');
	free(conv);
}

void pub__bib_format_entry(pub__buf *b, const char *type, const char *key,
	const pub_field *fields, size_t n, int ascii)
{
	size_t i;
	/* puts, not printf: this runs for every field of every export. */
	pub__buf_putc(b, '@');
	pub__buf_puts(b, type);
	pub__buf_putc(b, '{');
	pub__buf_puts(b, key);
	pub__buf_puts(b, ",\n");
	for (i = 0; i < n; i++) {
		pub__buf_puts(b, "  ");
		pub__buf_puts(b, fields[i].name);
		pub__buf_puts(b, " = ");
		put_value(b, fields[i].name, fields[i].value, ascii);
		pub__buf_puts(b, i + 1 < n ? ",\n" : "\n");
	}
	pub__buf_puts(b, "}\n");
}

void pub__bib_format_preamble(pub__buf *b, const char *text, int ascii)
{
	pub__buf_puts(b, "@preamble{");
	put_value(b, "preamble", text, ascii);
	pub__buf_puts(b, "}\n");
}
