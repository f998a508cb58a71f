/*
 * value.c: reading and making BibTeX field values: the year and month a
 * value names, a value from plain text or an identifier, and the entry
 * builders of the service clients.
 */
#include "bibtex/value.h"

#include "util/alloc.h"
#include "util/buf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *month_names[] = {"january", "february", "march", "april",
	"may", "june", "july", "august", "september", "october", "november",
	"december"};

int pub__bib_year(const char *s)
{
	/* The first run of four digits: "2024", "{2024}", "2024-05-01". */
	for (; s && *s; s++) {
		if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
		    isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) &&
		    !isdigit((unsigned char)s[4]))
			return (s[0] - '0') * 1000 + (s[1] - '0') * 100 +
			       (s[2] - '0') * 10 + (s[3] - '0');
		while (isdigit((unsigned char)*s))
			s++;
		if (!*s)
			break;
	}
	return 0;
}

int pub__bib_month(const char *s)
{
	char word[16];
	size_t n = 0, i;
	if (!s)
		return 0;
	while (*s == ' ' || *s == '{')
		s++;
	if (isdigit((unsigned char)*s)) {
		int m = atoi(s);
		return m >= 1 && m <= 12 ? m : 0;
	}
	while (isalpha((unsigned char)*s) && n < sizeof(word) - 1)
		word[n++] = (char)tolower((unsigned char)*s++);
	word[n] = '\0';
	if (n < 3)
		return 0;
	for (i = 0; i < 12; i++)
		if (strncmp(month_names[i], word, n) == 0)
			return (int)i + 1;
	return 0;
}

/* The one rule: backslash sequences kept, stray '}' escaped, open '{'
 * closed at the end; `escape` also escapes & % # (free text). */
static char *value_of(const char *s, int escape)
{
	pub__buf b = PUB__BUF_INIT;
	int depth = 0;
	size_t i;
	for (i = 0; s[i]; i++) {
		char c = s[i];
		if (c == '\\' && s[i + 1]) {
			pub__buf_put(&b, s + i, 2);
			i++;
			continue;
		}
		if (escape && (c == '&' || c == '%' || c == '#')) {
			pub__buf_putc(&b, '\\');
		} else if (c == '{') {
			depth++;
		} else if (c == '}') {
			if (depth == 0) {
				pub__buf_puts(&b, "\\}");
				continue;
			}
			depth--;
		}
		pub__buf_putc(&b, c);
	}
	while (depth-- > 0)
		pub__buf_putc(&b, '}');
	return pub__buf_detach(&b);
}

char *pub__bib_value_from_text(const char *s)
{
	return value_of(s, 1);
}

char *pub__bib_value_verbatim(const char *s)
{
	return value_of(s, 0);
}

pub__bib_entry *pub__bib_entry_new(const char *type)
{
	pub__bib_entry *e = pub__calloc(1, sizeof(*e));
	e->type = pub__strdup(type);
	e->key = pub__strdup("");
	return e;
}

static void add(pub__bib_entry *e, const char *name, const char *value, int escape)
{
	char *v;
	if (!value || !*value)
		return;
	v = value_of(value, escape);
	pub__bib_entry_add(e, name, v);
	free(v);
}

void pub__bib_add_text(pub__bib_entry *e, const char *name, const char *text)
{
	add(e, name, text, 1);
}

void pub__bib_add_verbatim(pub__bib_entry *e, const char *name, const char *value)
{
	add(e, name, value, 0);
}

void pub__bib_add_authors(pub__bib_entry *e, char *const *names, size_t n)
{
	pub__buf b = PUB__BUF_INIT;
	size_t i;
	for (i = 0; i < n; i++) {
		if (i)
			pub__buf_puts(&b, " and ");
		pub__buf_puts(&b, names[i]);
	}
	if (b.len)
		add(e, "author", b.ptr, 1);
	pub__buf_free(&b);
}
