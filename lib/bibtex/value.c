/*
 * value.c: reading and making BibTeX field values: the year and month a
 * value names, and a value from plain text.
 */
#include "bibtex/value.h"

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

char *pub__bib_value_from_text(const char *s)
{
	pub__buf b = PUB__BUF_INIT;
	int depth = 0;
	size_t i, opens = 0;
	for (i = 0; s[i]; i++) {
		char c = s[i];
		if (c == '\\' && s[i + 1]) {
			pub__buf_put(&b, s + i, 2);
			i++;
			continue;
		}
		if (c == '&' || c == '%' || c == '#') {
			pub__buf_putc(&b, '\\');
		} else if (c == '{') {
			depth++;
			opens++;
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
	(void)opens;
	return pub__buf_detach(&b);
}
