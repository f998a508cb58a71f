/*
 * store.c: turns entries into papers.  papers.fields_json is the truth of
 * a paper's BibTeX; the columns of `papers`, the author rows and the
 * full-text index are derived from it here, so every writer goes through
 * pub__store_rederive() and they never drift apart.
 */
#include "store.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static const char *month_names[] = {"january", "february", "march", "april",
	"may", "june", "july", "august", "september", "october", "november",
	"december"};

/* ---- small parsers ------------------------------------------------------ */

static int parse_year(const char *s)
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

static int parse_month(const char *s)
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

static char *normalize_doi(const char *s)
{
	static const char *prefixes[] = {"https://doi.org/", "http://doi.org/",
		"https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "doi:"};
	size_t i, n;
	char *d;
	if (!s)
		return NULL;
	while (*s == ' ' || *s == '{')
		s++;
	for (i = 0; i < sizeof(prefixes) / sizeof(*prefixes); i++) {
		n = strlen(prefixes[i]);
		if (strncasecmp(s, prefixes[i], n) == 0) {
			s += n;
			break;
		}
	}
	if (strncmp(s, "10.", 3) != 0)
		return NULL;
	d = pub__strdup(s);
	for (i = 0; d[i]; i++) {
		if (d[i] == '}' || d[i] == ' ') {
			d[i] = '\0';
			break;
		}
		d[i] = (char)tolower((unsigned char)d[i]);
	}
	return d;
}

int pub__arxiv_id_parse(const char *s, char **id, int *version)
{
	const char *p, *start;
	size_t n;
	*id = NULL;
	*version = 0;
	if (!s)
		return PUB_EINVAL;
	while (*s == ' ' || *s == '{')
		s++;
	if (strncasecmp(s, "arxiv:", 6) == 0)
		s += 6;
	else if (strncasecmp(s, "abs/", 4) == 0)
		s += 4;
	start = s;
	p = s;
	if (isdigit((unsigned char)p[0])) {
		/* new style YYMM.NNNN(N) */
		n = 0;
		while (isdigit((unsigned char)p[n]))
			n++;
		if (n != 4 || p[4] != '.')
			return PUB_EINVAL;
		p += 5;
		n = 0;
		while (isdigit((unsigned char)p[n]))
			n++;
		if (n != 4 && n != 5)
			return PUB_EINVAL;
		p += n;
	} else {
		/* old style archive(.SUB)/YYMMNNN */
		const char *slash;
		while (islower((unsigned char)*p) || *p == '-')
			p++;
		if (p == start)
			return PUB_EINVAL;
		slash = p;
		if (*p == '.') {
			p++;
			while (isalpha((unsigned char)*p))
				p++;
			slash = p;
		}
		if (*slash != '/')
			return PUB_EINVAL;
		n = 0;
		while (isdigit((unsigned char)slash[1 + n]))
			n++;
		if (n != 7)
			return PUB_EINVAL;
		{
			/* math.GT/0309136 is math/0309136 */
			size_t arch = strcspn(start, "./");
			*id = pub__sprintf("%.*s/%.7s", (int)arch, start, slash + 1);
		}
		p = slash + 8;
	}
	if (*p == 'v' && isdigit((unsigned char)p[1])) {
		*version = atoi(p + 1);
		p++;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p && *p != '}' && *p != ' ') {
		free(*id);
		*id = NULL;
		return PUB_EINVAL;
	}
	if (!*id) {
		const char *v = strchr(start, 'v');
		size_t len = (size_t)(p - start);
		if (*version && v && v < p)
			len = (size_t)(v - start);
		*id = pub__strndup(start, len);
	}
	return 0;
}

/* The arXiv id an entry refers to: eprint (arXiv), the arXiv DOI, dblp's
 * CoRR volume "abs/ID", or an arxiv.org URL. */
static int entry_arxiv(const pub__bib_entry *e, char **id, int *version)
{
	const char *v, *prefix, *u;
	*id = NULL;
	*version = 0;
	if ((v = pub__bib_entry_get(e, "eprint"))) {
		prefix = pub__bib_entry_get(e, "archiveprefix");
		if (!prefix)
			prefix = pub__bib_entry_get(e, "eprinttype");
		if ((!prefix || strcasecmp(prefix, "arxiv") == 0) &&
		    pub__arxiv_id_parse(v, id, version) == 0)
			return 1;
	}
	if ((v = pub__bib_entry_get(e, "doi")) &&
	    strncasecmp(v, "10.48550/arxiv.", 15) == 0 &&
	    pub__arxiv_id_parse(v + 15, id, version) == 0)
		return 1;
	if ((v = pub__bib_entry_get(e, "journal")) && strcasecmp(v, "CoRR") == 0 &&
	    (u = pub__bib_entry_get(e, "volume")) &&
	    pub__arxiv_id_parse(u, id, version) == 0)
		return 1;
	if ((u = pub__bib_entry_get(e, "url")) && (v = strstr(u, "arxiv.org/abs/")) &&
	    pub__arxiv_id_parse(v + 14, id, version) == 0)
		return 1;
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

/* ---- names and keys ------------------------------------------------------ */

static char *join_parts(const char *a, const char *b, const char *c)
{
	const char *part[3] = {a, b, c};
	size_t len[3], n = 1, k;
	char *out, *o;
	for (k = 0; k < 3; k++)
		n += (len[k] = part[k] ? strlen(part[k]) : 0) + 1;
	o = out = pub__malloc(n);
	for (k = 0; k < 3; k++) {
		if (!len[k])
			continue;
		if (o > out)
			*o++ = ' ';
		memcpy(o, part[k], len[k]);
		o += len[k];
	}
	*o = '\0';
	return out;
}

/* Binds text that outlives the statement's next step, or NULL. */
static void bind_static(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static char *decode_or_null(const char *s)
{
	return s && *s ? pub__latex_to_unicode(s) : NULL;
}

/* decode_or_null() of *part, taking *part over when decoding would not
 * change it (most name parts): no copy. */
static char *take_decoded(char **part)
{
	char *s = *part;
	if (!s || !*s)
		return NULL;
	if (pub__latex_is_plain(s)) {
		*part = NULL;
		return s;
	}
	return pub__latex_to_unicode(s);
}

static char *names_key(const pub__name *names, size_t n)
{
	return n > 0 && !names[0].others && names[0].last
		? pub__fold_ascii(names[0].last) : NULL;
}

/* Folded family name of the first author (or editor). */
static char *first_author_key(const pub__bib_entry *e)
{
	const char *list = pub__bib_entry_get(e, "author");
	pub__name *names = NULL;
	size_t n = 0;
	char *key = NULL;
	if (!list)
		list = pub__bib_entry_get(e, "editor");
	if (!list)
		return NULL;
	pub__names_parse(&names, &n, list);
	key = names_key(names, n);
	pub__names_free(names, n);
	return key;
}

static int is_stopword(const char *w)
{
	static const char *stop[] = {"a", "an", "the", "on", "of", "in", "for",
		"to", "and", "with", "towards", "toward", "via", "from", "at",
		"by", "is", "are", "do", "does", "how", "what", "why", "when",
		"into", "about", "as", "or", "le", "la", "les", "der", "die",
		"das", "ein", "eine", "el", "un", "une", NULL};
	size_t i;
	for (i = 0; stop[i]; i++)
		if (strcmp(stop[i], w) == 0)
			return 1;
	return 0;
}

/* First significant title word, folded, without separators:
 * "Real-Time Video ..." gives "realtime". */
static char *title_word(const char *title)
{
	const char *p = title;
	while (p && *p) {
		size_t n;
		char *raw, *folded, *out, *q;
		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (!n)
			break;
		raw = pub__strndup(p, n);
		folded = pub__fold_ascii(raw);
		free(raw);
		for (q = out = folded; *q; q++)
			if (*q != ' ')
				*out++ = *q;
		*out = '\0';
		if (*folded && !is_stopword(folded))
			return folded;
		free(folded);
		p += n;
	}
	return NULL;
}

/* Expands the citekey format: {author} {year} {title}; other text is kept
 * (folded to [a-z0-9_:-]). */
static char *format_key(const char *fmt, const char *author, int year,
	const char *title)
{
	pub__buf b = PUB__BUF_INIT;
	const char *p;
	for (p = fmt; *p; p++) {
		if (strncmp(p, "{author}", 8) == 0) {
			pub__buf_puts(&b, author ? author : "anon");
			p += 7;
		} else if (strncmp(p, "{year}", 6) == 0) {
			if (year)
				pub__buf_printf(&b, "%d", year);
			p += 5;
		} else if (strncmp(p, "{title}", 7) == 0) {
			if (title)
				pub__buf_puts(&b, title);
			p += 6;
		} else if (isalnum((unsigned char)*p) || *p == '_' || *p == '-' ||
			   *p == ':') {
			pub__buf_putc(&b, (char)tolower((unsigned char)*p));
		}
	}
	if (!b.len)
		pub__buf_puts(&b, "paper");
	return pub__buf_detach(&b);
}

/* The id of the paper with citation key `key` in *id, 0 when none. */
static int key_lookup(pub_db *db, const char *key, int64_t *id)
{
	sqlite3_stmt *st;
	int err, rc;
	*id = 0;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT id FROM papers WHERE lower(citekey) = lower(?1)")) < 0)
		return err;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return pub__db_error(db, "looking up a citation key");
	return 0;
}

static int key_exists(pub_db *db, const char *key, int *exists)
{
	int64_t id;
	int err = key_lookup(db, key, &id);
	*exists = id != 0;
	return err;
}

/* `base` if free, else base + a, b, ..., z, aa, ab, ... */
static int unique_key(pub_db *db, const char *base, char out[256])
{
	int exists = 0, err;
	unsigned i;
	snprintf(out, 256, "%.240s", base);
	if ((err = key_exists(db, out, &exists)) < 0 || !exists)
		return err;
	for (i = 0; i < 26 * 27; i++) {
		if (i < 26)
			snprintf(out, 256, "%.240s%c", base, 'a' + i);
		else
			snprintf(out, 256, "%.240s%c%c", base, 'a' + i / 26 - 1,
				'a' + i % 26);
		if ((err = key_exists(db, out, &exists)) < 0 || !exists)
			return err;
	}
	return pub__error(PUB_EEXISTS, "no free citation key for '%s'", base);
}

static int make_key(pub_db *db, const pub__bib_entry *e, char out[256])
{
	char *fmt = NULL, *author, *title_raw, *word, *key;
	const char *t;
	int err;
	if ((err = pub_config_get(&fmt, db, "citekey_format")) < 0)
		return err;
	author = first_author_key(e);
	if (author) {
		/* "van der berg" -> "vanderberg" */
		char *q, *o;
		for (q = o = author; *q; q++)
			if (*q != ' ')
				*o++ = *q;
		*o = '\0';
	}
	t = pub__bib_entry_get(e, "title");
	title_raw = t ? pub__latex_to_unicode(t) : NULL;
	word = title_raw ? title_word(title_raw) : NULL;
	key = format_key(fmt ? fmt : "{author}{year}{title}",
		author && *author ? author : NULL,
		parse_year(pub__bib_entry_get(e, "year") ? pub__bib_entry_get(e, "year")
							 : pub__bib_entry_get(e, "date")),
		word);
	err = unique_key(db, key, out);
	free(fmt);
	free(author);
	free(title_raw);
	free(word);
	free(key);
	return err;
}

/* ---- duplicates --------------------------------------------------------- */

static int load_fields(pub_db *db, int64_t paper_id, pub__bib_entry *e);

/* The stored paper with the entry's own key, when it already holds every
 * field of the entry with the same value: re-importing an export.
 * *key_free tells that no paper has the key at all. */
static int same_entry_by_key(pub_db *db, const pub__bib_entry *e, int64_t *id,
	int *key_free)
{
	pub__bib_entry stored;
	size_t i;
	int err;
	*id = 0;
	if (!e->key || !*e->key)
		return 0;
	if ((err = key_lookup(db, e->key, id)) < 0 || !*id) {
		*key_free = err == 0;
		return err;
	}
	memset(&stored, 0, sizeof(stored));
	if ((err = load_fields(db, *id, &stored)) < 0)
		return err;
	for (i = 0; i < e->nfields; i++) {
		const char *v = pub__bib_entry_get(&stored, e->fields[i].name);
		if (!v || strcmp(v, e->fields[i].value) != 0) {
			*id = 0;
			break;
		}
	}
	pub__fields_free(stored.fields, stored.nfields);
	return 0;
}

/* Same title, year and first author is a duplicate only when no locator
 * disagrees: a journal's recurring column ("Addresses of officers") in two
 * issues is two papers. */
static int conflicts(pub_db *db, int64_t id, const pub__bib_entry *e, int *conflict)
{
	static const char *locators[] = {"volume", "number", "pages", "doi",
		"journal", "booktitle", "chapter", NULL};
	pub__bib_entry stored;
	size_t i;
	int err;
	*conflict = 0;
	memset(&stored, 0, sizeof(stored));
	if ((err = load_fields(db, id, &stored)) < 0)
		return err;
	for (i = 0; locators[i] && !*conflict; i++) {
		const char *a = pub__bib_entry_get(e, locators[i]);
		const char *b = pub__bib_entry_get(&stored, locators[i]);
		if (a && b) {
			char *fa = pub__fold_ascii(a), *fb = pub__fold_ascii(b);
			*conflict = strcmp(fa, fb) != 0;
			free(fa);
			free(fb);
		}
	}
	pub__fields_free(stored.fields, stored.nfields);
	return 0;
}

static int find_duplicate(pub_db *db, const pub__bib_entry *e, const char *doi,
	const char *arxiv, const char *title_key, int year, const char *author_key,
	int64_t *id, int *key_free)
{
	sqlite3_stmt *st;
	int err, rc;
	if ((err = same_entry_by_key(db, e, id, key_free)) < 0 || *id)
		return err;
	if (doi) {
		if ((err = pub__db_stmt(&st, db,
			     "SELECT id FROM papers WHERE doi = ?1 LIMIT 1")) < 0)
			return err;
		sqlite3_bind_text(st, 1, doi, -1, SQLITE_TRANSIENT);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			*id = sqlite3_column_int64(st, 0);
		else if (rc != SQLITE_DONE)
			err = pub__db_error(db, "looking up the DOI");
		sqlite3_reset(st);
		if (err < 0 || *id)
			return err;
	}
	if (arxiv) {
		if ((err = pub__db_stmt(&st, db,
			     "SELECT id FROM papers WHERE arxiv = ?1 LIMIT 1")) < 0)
			return err;
		sqlite3_bind_text(st, 1, arxiv, -1, SQLITE_TRANSIENT);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			*id = sqlite3_column_int64(st, 0);
		else if (rc != SQLITE_DONE)
			err = pub__db_error(db, "looking up the arXiv id");
		sqlite3_reset(st);
		if (err < 0 || *id)
			return err;
	}
	if (title_key && *title_key && year && author_key) {
		/* conflicts() runs other statements, never this one. */
		sqlite3_stmt *q;
		if ((err = pub__db_stmt(&q, db,
			     "SELECT id FROM papers WHERE title_key = ?1 AND year = ?2 "
			     "AND author_key = ?3 ORDER BY id")) < 0)
			return err;
		sqlite3_bind_text(q, 1, title_key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(q, 2, year);
		sqlite3_bind_text(q, 3, author_key, -1, SQLITE_TRANSIENT);
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			int64_t cand = sqlite3_column_int64(q, 0);
			int c = 0;
			if ((err = conflicts(db, cand, e, &c)) < 0)
				break;
			if (!c) {
				*id = cand;
				break;
			}
		}
		if (err == 0 && rc != SQLITE_ROW && rc != SQLITE_DONE)
			err = pub__db_error(db, "looking up the title");
		sqlite3_reset(q);
		if (err < 0)
			return err;
	}
	return 0;
}

/* ---- the fields column --------------------------------------------------- */

static void json_string(pub__buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const char *run = s;
	pub__buf_putc(b, '"');
	for (;; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		pub__buf_put(b, run, (size_t)(s - run));
		if (!c)
			break;
		pub__buf_putc(b, '\\');
		if (c == '"' || c == '\\') {
			pub__buf_putc(b, (char)c);
		} else if (c == '\n') {
			pub__buf_putc(b, 'n');
		} else if (c == '\t') {
			pub__buf_putc(b, 't');
		} else if (c == '\r') {
			pub__buf_putc(b, 'r');
		} else {
			char u[5] = {'u', '0', '0', hex[c >> 4], hex[c & 15]};
			pub__buf_put(b, u, 5);
		}
		run = s + 1;
	}
	pub__buf_putc(b, '"');
}

char *pub__fields_encode(const pub_field *f, size_t n)
{
	pub__buf b = PUB__BUF_INIT;
	size_t i, j, need = 3;
	/* Sized for text without escapes, the usual case: one allocation. */
	for (i = 0; i < n; i++)
		need += strlen(f[i].name) + (f[i].value ? strlen(f[i].value) : 0) + 6;
	b.ptr = pub__malloc(need);
	b.cap = need;
	b.ptr[0] = '\0';
	pub__buf_putc(&b, '{');
	for (i = 0; i < n; i++) {
		for (j = 0; j < i && strcmp(f[j].name, f[i].name) != 0; j++)
			;
		if (j < i)
			continue;
		if (b.len > 1)
			pub__buf_putc(&b, ',');
		json_string(&b, f[i].name);
		pub__buf_putc(&b, ':');
		json_string(&b, f[i].value ? f[i].value : "");
	}
	pub__buf_putc(&b, '}');
	return pub__buf_detach(&b);
}

static const char *json_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

static int hex4(const char *p, unsigned *v)
{
	int i;
	*v = 0;
	for (i = 0; i < 4; i++) {
		int c = (unsigned char)p[i], d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -1;
		*v = *v << 4 | (unsigned)d;
	}
	return 0;
}

static void put_utf8(pub__buf *b, unsigned cp)
{
	char u[4];
	if (cp < 0x80) {
		pub__buf_putc(b, (char)cp);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		pub__buf_put(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		pub__buf_put(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		pub__buf_put(b, u, 4);
	}
}

/* A JSON string at *pp (on its quote) into b; *pp ends past it.  A NUL
 * (\u0000) is dropped: values are C strings. */
static int json_unstring(const char **pp, pub__buf *b)
{
	const char *p = *pp, *run;
	pub__buf_clear(b);
	pub__buf_put(b, "", 0);
	if (*p++ != '"')
		return -1;
	for (;;) {
		run = p;
		while ((unsigned char)*p >= 0x20 && *p != '"' && *p != '\\')
			p++;
		pub__buf_put(b, run, (size_t)(p - run));
		if (*p == '"')
			break;
		if (*p != '\\')
			return -1; /* end of text or a raw control character */
		p++;
		switch (*p++) {
		case '"': pub__buf_putc(b, '"'); break;
		case '\\': pub__buf_putc(b, '\\'); break;
		case '/': pub__buf_putc(b, '/'); break;
		case 'b': pub__buf_putc(b, '\b'); break;
		case 'f': pub__buf_putc(b, '\f'); break;
		case 'n': pub__buf_putc(b, '\n'); break;
		case 'r': pub__buf_putc(b, '\r'); break;
		case 't': pub__buf_putc(b, '\t'); break;
		case 'u': {
			unsigned cp, lo;
			if (hex4(p, &cp) < 0)
				return -1;
			p += 4;
			if (cp >= 0xD800 && cp < 0xDC00 && p[0] == '\\' && p[1] == 'u' &&
			    hex4(p + 2, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				p += 6;
			} else if (cp >= 0xD800 && cp < 0xE000) {
				cp = 0xFFFD; /* a lone surrogate */
			}
			if (cp)
				put_utf8(b, cp);
			break;
		}
		default:
			return -1;
		}
	}
	*pp = p + 1;
	return 0;
}

int pub__fields_each(const char *json,
	int (*cb)(const char *name, const char *value, void *ctx), void *ctx)
{
	pub__buf name = PUB__BUF_INIT, value = PUB__BUF_INIT;
	const char *p = json_ws(json ? json : "");
	int err = PUB_ERROR;
	if (*p++ != '{')
		goto done;
	p = json_ws(p);
	if (*p == '}') {
		err = 0;
		p++;
	}
	while (err == PUB_ERROR) {
		if (json_unstring(&p, &name) < 0)
			goto done;
		p = json_ws(p);
		if (*p++ != ':')
			goto done;
		p = json_ws(p);
		if (json_unstring(&p, &value) < 0)
			goto done;
		if ((err = cb(name.ptr, value.ptr, ctx)) < 0)
			goto done;
		err = PUB_ERROR;
		p = json_ws(p);
		if (*p == '}') {
			err = 0;
			p++;
		} else if (*p++ != ',') {
			goto done;
		} else {
			p = json_ws(p);
		}
	}
	if (*json_ws(p))
		err = PUB_ERROR;
done:
	pub__buf_free(&name);
	pub__buf_free(&value);
	return err;
}

/* Appends a copy of name = value.  The array grows when *n reaches 0, 1,
 * 2, 4, ...: built only here, it always has room for one more. */
static void fields_push(pub_field **f, size_t *n, const char *name,
	const char *value)
{
	if ((*n & (*n - 1)) == 0)
		*f = pub__realloc(*f, (*n ? 2 * *n : 1) * sizeof(**f));
	(*f)[*n].name = pub__strdup(name);
	(*f)[*n].value = pub__strdup(value);
	(*n)++;
}

typedef struct field_array {
	pub_field *f;
	size_t n;
} field_array;

static int push_member(const char *name, const char *value, void *ctx)
{
	field_array *a = ctx;
	fields_push(&a->f, &a->n, name, value);
	return 0;
}

int pub__fields_decode(const char *json, pub_field **out, size_t *n)
{
	field_array a = {NULL, 0};
	int err = pub__fields_each(json, push_member, &a);
	if (err < 0) {
		pub__fields_free(a.f, a.n);
		a.f = NULL;
		a.n = 0;
	}
	*out = a.f;
	*n = a.n;
	return err;
}

/* ---- derivation ---------------------------------------------------------- */

/* paper_id's stored fields, in order, into e (which has none yet). */
static int load_fields(pub_db *db, int64_t paper_id, pub__bib_entry *e)
{
	sqlite3_stmt *st;
	int err = 0, rc;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT fields_json FROM papers WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    pub__fields_decode((const char *)sqlite3_column_text(st, 0), &e->fields,
		    &e->nfields) < 0)
		err = pub__error(PUB_ERROR, "database '%s' is corrupt: paper %lld has "
			"unreadable fields", db->path, (long long)paper_id);
	else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		err = pub__db_error(db, "reading fields");
	sqlite3_reset(st);
	return err;
}

/* Writes e's fields as paper_id's. */
static int save_fields(pub_db *db, int64_t paper_id, const pub__bib_entry *e)
{
	sqlite3_stmt *st;
	char *json;
	int err;
	if ((err = pub__db_stmt(&st, db,
		     "UPDATE papers SET fields_json = ?2 WHERE id = ?1")) < 0)
		return err;
	json = pub__fields_encode(e->fields, e->nfields);
	sqlite3_bind_int64(st, 1, paper_id);
	sqlite3_bind_text(st, 2, json, -1, SQLITE_STATIC);
	err = pub__db_step_done(db, st, "writing fields");
	sqlite3_reset(st);
	free(json);
	return err;
}

/* An author as stored: the decoded parts, the display name and the folded
 * name that identifies the author row.  Computed without the database. */
typedef struct prep_author {
	char *given, *von, *family, *jr, *display, *norm;
} prep_author;

/* The authors of a name list, without "others"; *first_key (when not NULL)
 * gets the folded family name of the first name, as names_key(). */
static prep_author *prep_authors(const char *list, size_t *count, char **first_key)
{
	pub__name *names = NULL;
	prep_author *out;
	size_t n = 0, i;
	pub__names_parse(&names, &n, list);
	if (first_key)
		*first_key = names_key(names, n);
	out = pub__calloc(n ? n : 1, sizeof(*out));
	*count = 0;
	for (i = 0; i < n; i++) {
		prep_author *a = &out[*count];
		if (names[i].others)
			continue;
		a->given = take_decoded(&names[i].first);
		a->von = take_decoded(&names[i].von);
		a->family = take_decoded(&names[i].last);
		a->jr = take_decoded(&names[i].jr);
		a->display = join_parts(a->given, a->von, a->family);
		if (a->jr) {
			char *d = pub__sprintf("%s, %s", a->display, a->jr);
			free(a->display);
			a->display = d;
		}
		a->norm = pub__fold_ascii(a->display);
		if (!*a->norm) {
			free(a->norm);
			a->norm = pub__strdup(a->display);
		}
		(*count)++;
	}
	pub__names_free(names, n);
	return out;
}

static void prep_authors_free(prep_author *a, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		free(a[i].given);
		free(a[i].von);
		free(a[i].family);
		free(a[i].jr);
		free(a[i].display);
		free(a[i].norm);
	}
	free(a);
}

static int store_authors(pub_db *db, int64_t paper_id, const char *role,
	const prep_author *authors, size_t n, pub__buf *names_text)
{
	static const char *sql_find = "SELECT id FROM authors WHERE norm = ?1";
	/* Find, then insert: an UPSERT would open a statement journal per
	 * author, which costs more than the second lookup. */
	static const char *sql_insert =
		"INSERT INTO authors(name, given, von, family, jr, norm) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	static const char *sql_link =
		"INSERT INTO paper_authors(paper_id, role, position, author_id) "
		"VALUES (?1, ?2, ?3, ?4)";
	size_t i;
	int err = 0, pos = 0;
	for (i = 0; i < n; i++) {
		const prep_author *a = &authors[i];
		sqlite3_stmt *st;
		int64_t author_id;
		int absent;
		if (!*a->display)
			continue;
		if (!(author_id = pub__db_author_get(db, a->norm, &absent)) && !absent) {
			if ((err = pub__db_stmt(&st, db, sql_find)) < 0)
				return err;
			sqlite3_bind_text(st, 1, a->norm, -1, SQLITE_STATIC);
			if (sqlite3_step(st) == SQLITE_ROW)
				author_id = sqlite3_column_int64(st, 0);
			sqlite3_reset(st);
			if (author_id)
				pub__db_author_put(db, a->norm, author_id);
		}
		if (!author_id) {
			if ((err = pub__db_stmt(&st, db, sql_insert)) < 0)
				return err;
			bind_static(st, 1, a->display);
			bind_static(st, 2, a->given);
			bind_static(st, 3, a->von);
			bind_static(st, 4, a->family);
			bind_static(st, 5, a->jr);
			bind_static(st, 6, a->norm);
			err = pub__db_step_done(db, st, "storing an author");
			sqlite3_reset(st);
			if (err < 0)
				return err;
			author_id = sqlite3_last_insert_rowid(db->sql);
			pub__db_author_put(db, a->norm, author_id);
		}
		if ((err = pub__db_stmt(&st, db, sql_link)) < 0)
			return err;
		sqlite3_bind_int64(st, 1, paper_id);
		sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, ++pos);
		sqlite3_bind_int64(st, 4, author_id);
		err = pub__db_step_done(db, st, "linking an author");
		sqlite3_reset(st);
		if (err < 0)
			return err;
		if (names_text) {
			if (names_text->len)
				pub__buf_putc(names_text, ' ');
			pub__buf_puts(names_text, a->display);
		}
	}
	return 0;
}

/* What an entry becomes, computed once per entry and without the
 * database: the columns of `papers` and the authors. */
typedef struct derived {
	char *title, *title_key, *abstract, *doi, *arxiv, *author_key;
	int year, month, version;
	prep_author *authors, *editors;
	size_t nauthors, neditors;
} derived;

static void derived_compute(derived *d, const pub__bib_entry *e)
{
	const char *t = pub__bib_entry_get(e, "title");
	const char *y = pub__bib_entry_get(e, "year");
	const char *list;
	memset(d, 0, sizeof(*d));
	if (t) {
		d->title = pub__latex_to_unicode(t);
		d->title_key = pub__fold_ascii(d->title);
	}
	d->abstract = decode_or_null(pub__bib_entry_get(e, "abstract"));
	d->doi = normalize_doi(pub__bib_entry_get(e, "doi"));
	if (d->doi && strncmp(d->doi, "10.48550/arxiv.", 15) == 0) {
		/* The arXiv DOI names the preprint, not a published version. */
		free(d->doi);
		d->doi = NULL;
	}
	entry_arxiv(e, &d->arxiv, &d->version);
	/* author_key: the first author's family name, else the first
	 * editor's. */
	if ((list = pub__bib_entry_get(e, "author")))
		d->authors = prep_authors(list, &d->nauthors, &d->author_key);
	if ((t = pub__bib_entry_get(e, "editor")))
		d->editors = prep_authors(t, &d->neditors, list ? NULL : &d->author_key);
	if (!y)
		y = pub__bib_entry_get(e, "date");
	d->year = parse_year(y);
	d->month = parse_month(pub__bib_entry_get(e, "month"));
	if (!d->month && d->year && strlen(y) >= 7 && y[4] == '-')
		d->month = parse_month(y + 5);
}

static void derived_free(derived *d)
{
	free(d->title);
	free(d->title_key);
	free(d->abstract);
	free(d->doi);
	free(d->arxiv);
	free(d->author_key);
	prep_authors_free(d->authors, d->nauthors);
	prep_authors_free(d->editors, d->neditors);
}

/* Writes the derived columns `d`, authors and index of paper `id` from
 * the field view `e`. */
static int derive(pub_db *db, int64_t id, const pub__bib_entry *e,
	const derived *d, int authors_changed, int is_new)
{
	static const char *sql_update =
		"UPDATE papers SET type = ?2, title = ?3, year = ?4, month = ?5, "
		"doi = ?6, arxiv = COALESCE(?7, arxiv), "
		"arxiv_version = COALESCE(arxiv_version, ?8), abstract = ?9, "
		"title_key = ?10, author_key = ?11, modified = ?12, "
		"arxiv_category = COALESCE(arxiv_category, ?13) WHERE id = ?1";
	sqlite3_stmt *st;
	char now[21];
	int err;
	pub__buf names = PUB__BUF_INIT;
	struct {
		int editor, position, equal, corresponding;
	} *flags = NULL;
	size_t nflags = 0, flags_cap = 0, i;

	if (is_new)
		goto authors; /* pub__store_entry() inserted the columns */
	pub__now_iso(now);
	if ((err = pub__db_stmt(&st, db, sql_update)) < 0)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	pub__bind_text(st, 2, e->type);
	pub__bind_text(st, 3, d->title);
	if (d->year)
		sqlite3_bind_int(st, 4, d->year);
	if (d->month)
		sqlite3_bind_int(st, 5, d->month);
	pub__bind_text(st, 6, d->doi);
	pub__bind_text(st, 7, d->arxiv);
	if (d->version)
		sqlite3_bind_int(st, 8, d->version);
	pub__bind_text(st, 9, d->abstract);
	pub__bind_text(st, 10, d->title_key);
	pub__bind_text(st, 11, d->author_key);
	pub__bind_text(st, 12, now);
	pub__bind_text(st, 13, pub__bib_entry_get(e, "primaryclass"));
	err = pub__db_step_done(db, st, "updating a paper");
	sqlite3_reset(st);
	if (err < 0)
		goto done;

authors:
	if (authors_changed) {
		if (!is_new) {
			/* Equal-contribution and corresponding marks belong to
			 * positions; keep them across a new author list. */
			if ((err = pub__db_stmt(&st, db,
				     "SELECT role, position, equal, corresponding FROM paper_authors "
				     "WHERE paper_id = ?1 AND (equal OR corresponding)")) < 0)
				goto done;
			sqlite3_bind_int64(st, 1, id);
			while (sqlite3_step(st) == SQLITE_ROW) {
				if (nflags == flags_cap) {
					flags_cap = flags_cap ? flags_cap * 2 : 8;
					flags = pub__realloc(flags, flags_cap * sizeof(*flags));
				}
				flags[nflags].editor = strcmp((const char *)sqlite3_column_text(st, 0), "editor") == 0;
				flags[nflags].position = sqlite3_column_int(st, 1);
				flags[nflags].equal = sqlite3_column_int(st, 2);
				flags[nflags].corresponding = sqlite3_column_int(st, 3);
				nflags++;
			}
			sqlite3_reset(st);
			if ((err = pub__db_stmt(&st, db,
				     "DELETE FROM paper_authors WHERE paper_id = ?1")) < 0)
				goto done;
			sqlite3_bind_int64(st, 1, id);
			if ((err = pub__db_step_done(db, st, "replacing authors")) < 0)
				goto done;
		}
		if ((err = store_authors(db, id, "author", d->authors, d->nauthors,
			     &names)) < 0 ||
		    (err = store_authors(db, id, "editor", d->editors, d->neditors,
			     &names)) < 0)
			goto done;
		for (i = 0; i < nflags; i++) {
			if ((err = pub__db_stmt(&st, db,
				     "UPDATE paper_authors SET equal = ?4, corresponding = ?5 "
				     "WHERE paper_id = ?1 AND role = ?2 AND position = ?3")) < 0)
				goto done;
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_text(st, 2, flags[i].editor ? "editor" : "author", -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 3, flags[i].position);
			sqlite3_bind_int(st, 4, flags[i].equal);
			sqlite3_bind_int(st, 5, flags[i].corresponding);
			if ((err = pub__db_step_done(db, st, "keeping author marks")) < 0)
				goto done;
		}
	} else {
		/* The index needs the names even when they did not change. */
		if ((err = pub__db_stmt(&st, db,
			     "SELECT a.name FROM paper_authors pa JOIN authors a ON a.id = pa.author_id "
			     "WHERE pa.paper_id = ?1 ORDER BY pa.role, pa.position")) < 0)
			goto done;
		sqlite3_bind_int64(st, 1, id);
		while (sqlite3_step(st) == SQLITE_ROW) {
			if (names.len)
				pub__buf_putc(&names, ' ');
			pub__buf_puts(&names, (const char *)sqlite3_column_text(st, 0));
		}
		sqlite3_reset(st);
	}

	if (!is_new) {
		if ((err = pub__db_stmt(&st, db,
			     "DELETE FROM papers_fts WHERE rowid = ?1")) < 0)
			goto done;
		sqlite3_bind_int64(st, 1, id);
		if ((err = pub__db_step_done(db, st, "updating the search index")) < 0)
			goto done;
	}
	if ((err = pub__db_stmt(&st, db,
		     "INSERT INTO papers_fts(rowid, title, abstract, authors) "
		     "VALUES (?1, ?2, ?3, ?4)")) < 0)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	pub__bind_text(st, 2, d->title);
	pub__bind_text(st, 3, d->abstract);
	pub__bind_text(st, 4, names.ptr ? names.ptr : "");
	err = pub__db_step_done(db, st, "updating the search index");
	sqlite3_reset(st);
done:
	free(flags);
	pub__buf_free(&names);
	return err;
}

int pub__store_rederive(pub_db *db, int64_t paper_id, int authors_changed)
{
	pub__bib_entry e;
	sqlite3_stmt *st;
	int err;
	memset(&e, 0, sizeof(e));
	if ((err = pub__db_stmt(&st, db, "SELECT type FROM papers WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return pub__error(PUB_ENOTFOUND, "no paper with id %lld",
			(long long)paper_id);
	}
	e.type = pub__col_strdup(st, 0);
	sqlite3_reset(st);
	if ((err = load_fields(db, paper_id, &e)) == 0) {
		derived d;
		derived_compute(&d, &e);
		err = derive(db, paper_id, &e, &d, authors_changed, 0);
		derived_free(&d);
	}
	free(e.type);
	pub__fields_free(e.fields, e.nfields);
	return err;
}

int pub__store_set_field(pub_db *db, int64_t paper_id, const char *name,
	const char *value)
{
	pub__bib_entry e;
	size_t i;
	int err;
	memset(&e, 0, sizeof(e));
	if ((err = load_fields(db, paper_id, &e)) < 0)
		goto done;
	for (i = 0; i < e.nfields && strcmp(e.fields[i].name, name) != 0; i++)
		;
	if (i < e.nfields) {
		free(e.fields[i].value);
		if (value) {
			e.fields[i].value = pub__strdup(value);
		} else {
			free(e.fields[i].name);
			memmove(&e.fields[i], &e.fields[i + 1],
				(e.nfields - i - 1) * sizeof(*e.fields));
			e.nfields--;
		}
	} else if (value) {
		fields_push(&e.fields, &e.nfields, name, value);
	}
	err = save_fields(db, paper_id, &e);
done:
	pub__fields_free(e.fields, e.nfields);
	return err;
}

/* ---- storing ------------------------------------------------------------- */

/* Adds e's fields that paper `id` lacks (a merge: nothing overwritten). */
static int fill_fields(pub_db *db, int64_t id, const pub__bib_entry *e,
	int *added, int *authors_added)
{
	pub__bib_entry stored;
	size_t i;
	int err;
	memset(&stored, 0, sizeof(stored));
	if ((err = load_fields(db, id, &stored)) < 0)
		goto done;
	for (i = 0; i < e->nfields; i++) {
		const char *name = e->fields[i].name;
		if (pub__bib_entry_get(&stored, name))
			continue;
		fields_push(&stored.fields, &stored.nfields, name, e->fields[i].value);
		(*added)++;
		if (strcmp(name, "author") == 0 || strcmp(name, "editor") == 0)
			*authors_added = 1;
	}
	if (*added)
		err = save_fields(db, id, &stored);
done:
	pub__fields_free(stored.fields, stored.nfields);
	return err;
}

int pub__store_entry(pub_db *db, const pub__bib_entry *e,
	const pub__store_opts *o, pub__store_result *res)
{
	sqlite3_stmt *st;
	derived d;
	char *json = NULL;
	int err = 0, added = 0, authors_added = 0, key_free = 0;
	int64_t dup = 0;
	char now[21];

	memset(res, 0, sizeof(*res));
	derived_compute(&d, e);
	if (!o->no_merge &&
	    (err = find_duplicate(db, e, d.doi, d.arxiv, d.title_key, d.year,
		     d.author_key, &dup, &key_free)) < 0)
		goto done;

	if (dup) {
		if ((err = fill_fields(db, dup, e, &added, &authors_added)) < 0)
			goto done;
		if (added && (err = pub__store_rederive(db, dup, authors_added)) < 0)
			goto done;
		if ((err = pub__db_stmt(&st, db,
			     "SELECT citekey FROM papers WHERE id = ?1")) < 0)
			goto done;
		sqlite3_bind_int64(st, 1, dup);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(res->key, sizeof(res->key), "%s",
				(const char *)sqlite3_column_text(st, 0));
		sqlite3_reset(st);
		res->paper_id = dup;
		res->merged = 1;
		goto done;
	}

	/* A new paper: keep the key it came with, else make one. */
	{
		const char *want = o->key ? o->key : e->key;
		if (want && *want && want == e->key && key_free &&
		    strlen(want) < 240) {
			/* find_duplicate() has just seen the key free. */
			snprintf(res->key, sizeof(res->key), "%s", want);
		} else if (want && *want) {
			if ((err = unique_key(db, want, res->key)) < 0)
				goto done;
			if (strcmp(res->key, want) != 0 && o->warn) {
				char *msg = pub__sprintf(
					"%s: citation key '%s' is taken; stored as '%s'",
					o->source ? o->source : "input", want, res->key);
				o->warn(msg, o->warn_ctx);
				free(msg);
			}
		} else if ((err = make_key(db, e, res->key)) < 0) {
			goto done;
		}
	}
	pub__now_iso(now);
	/* The derived columns go in with the row: derive() skips its UPDATE
	 * for a new paper. */
	if ((err = pub__db_stmt(&st, db,
		     "INSERT INTO papers(citekey, type, source, added, modified, title, "
		     "year, month, doi, arxiv, arxiv_version, abstract, title_key, "
		     "author_key, arxiv_category, fields_json) "
		     "VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
		     "?13, ?14, ?15)")) < 0)
		goto done;
	json = pub__fields_encode(e->fields, e->nfields);
	sqlite3_bind_text(st, 15, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 1, res->key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e->type, -1, SQLITE_STATIC);
	bind_static(st, 3, o->source);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	bind_static(st, 5, d.title);
	if (d.year)
		sqlite3_bind_int(st, 6, d.year);
	if (d.month)
		sqlite3_bind_int(st, 7, d.month);
	bind_static(st, 8, d.doi);
	bind_static(st, 9, d.arxiv);
	if (d.version)
		sqlite3_bind_int(st, 10, d.version);
	bind_static(st, 11, d.abstract);
	bind_static(st, 12, d.title_key);
	bind_static(st, 13, d.author_key);
	bind_static(st, 14, pub__bib_entry_get(e, "primaryclass"));
	err = pub__db_step_done(db, st, "storing a paper");
	sqlite3_reset(st);
	if (err < 0)
		goto done;
	res->paper_id = sqlite3_last_insert_rowid(db->sql);
	err = derive(db, res->paper_id, e, &d, 1, 1);
done:
	free(json);
	derived_free(&d);
	return err;
}

int pub__store_paper_id(pub_db *db, const char *key, int64_t *id)
{
	sqlite3_stmt *st;
	int err, rc;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT id FROM papers WHERE lower(citekey) = lower(?1)")) < 0)
		return err;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return pub__error(PUB_ENOTFOUND, "no paper with key '%s'", key);
	return rc == SQLITE_ROW ? 0 : pub__db_error(db, "looking up a paper");
}

int pub__store_add_tag(pub_db *db, int64_t paper_id, const char *tag)
{
	sqlite3_stmt *st;
	int err;
	if ((err = pub__db_stmt(&st, db,
		     "INSERT INTO tags(name) VALUES (?1) ON CONFLICT(name) DO NOTHING")) < 0)
		return err;
	sqlite3_bind_text(st, 1, tag, -1, SQLITE_TRANSIENT);
	if ((err = pub__db_step_done(db, st, "storing a tag")) < 0)
		return err;
	if ((err = pub__db_stmt(&st, db,
		     "INSERT OR IGNORE INTO paper_tags(paper_id, tag_id) "
		     "SELECT ?1, id FROM tags WHERE name = ?2")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	sqlite3_bind_text(st, 2, tag, -1, SQLITE_TRANSIENT);
	err = pub__db_step_done(db, st, "tagging a paper");
	sqlite3_reset(st);
	return err;
}

int pub__github_parse_url(const char *url, char **owner, char **name)
{
	const char *p = url, *o, *n;
	size_t olen, nlen;
	*owner = *name = NULL;
	if (strncasecmp(p, "https://", 8) == 0)
		p += 8;
	else if (strncasecmp(p, "http://", 7) == 0)
		p += 7;
	if (strncasecmp(p, "www.", 4) == 0)
		p += 4;
	if (strncasecmp(p, "github.com/", 11) != 0)
		return pub__error(PUB_EINVAL, "'%s' is not a GitHub repository URL", url);
	o = p + 11;
	olen = strcspn(o, "/");
	if (!olen || o[olen] != '/')
		return pub__error(PUB_EINVAL, "'%s' is not a GitHub repository URL", url);
	n = o + olen + 1;
	nlen = strcspn(n, "/?#");
	if (nlen > 4 && strncmp(n + nlen - 4, ".git", 4) == 0)
		nlen -= 4;
	if (!nlen)
		return pub__error(PUB_EINVAL, "'%s' is not a GitHub repository URL", url);
	{
		size_t i;
		for (i = 0; i < olen; i++)
			if (!isalnum((unsigned char)o[i]) && o[i] != '-')
				return pub__error(PUB_EINVAL, "'%s' is not a GitHub repository URL", url);
		for (i = 0; i < nlen; i++)
			if (!isalnum((unsigned char)n[i]) && n[i] != '-' && n[i] != '_' && n[i] != '.')
				return pub__error(PUB_EINVAL, "'%s' is not a GitHub repository URL", url);
	}
	*owner = pub__strndup(o, olen);
	*name = pub__strndup(n, nlen);
	return 0;
}

int pub__store_repo(pub_db *db, const char *owner, const char *name,
	int64_t *repo_id)
{
	sqlite3_stmt *st;
	int err;
	if ((err = pub__db_stmt(&st, db,
		     "INSERT INTO repos(owner, name) VALUES (?1, ?2) "
		     "ON CONFLICT(owner, name) DO UPDATE SET owner = repos.owner RETURNING id")) < 0)
		return err;
	sqlite3_bind_text(st, 1, owner, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		*repo_id = sqlite3_column_int64(st, 0);
	else
		err = pub__db_error(db, "storing a repository");
	sqlite3_reset(st);
	return err;
}

int pub__store_add_link(pub_db *db, int64_t paper_id, const char *kind,
	const char *url)
{
	sqlite3_stmt *st;
	char *owner = NULL, *name = NULL;
	int64_t repo_id = 0;
	int err = 0;
	if (strncasecmp(url, "https://", 8) != 0 && strncasecmp(url, "http://", 7) != 0)
		return pub__error(PUB_EINVAL,
			"link '%s' must be an http or https URL", url);
	if (pub__github_parse_url(url, &owner, &name) == 0) {
		if ((err = pub__store_repo(db, owner, name, &repo_id)) < 0)
			goto done;
	}
	pub_error_clear();
	if (repo_id && strcmp(kind, "code") == 0) {
		/* One code link per repository: a user's link (often into a
		 * subfolder) replaces the one found in the arXiv abstract. */
		if ((err = pub__db_stmt(&st, db,
			     "UPDATE OR IGNORE links SET url = ?3 WHERE paper_id = ?1 AND kind = 'code' "
			     "AND repo_id = ?2")) < 0)
			goto done;
		sqlite3_bind_int64(st, 1, paper_id);
		sqlite3_bind_int64(st, 2, repo_id);
		sqlite3_bind_text(st, 3, url, -1, SQLITE_TRANSIENT);
		if ((err = pub__db_step_done(db, st, "storing a link")) < 0)
			goto done;
		if (sqlite3_changes(db->sql) > 0)
			goto done;
	}
	if ((err = pub__db_stmt(&st, db,
		     "INSERT INTO links(paper_id, kind, url, repo_id) VALUES (?1, ?2, ?3, ?4) "
		     "ON CONFLICT(paper_id, kind, url) DO UPDATE SET repo_id = excluded.repo_id")) < 0)
		goto done;
	sqlite3_bind_int64(st, 1, paper_id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, url, -1, SQLITE_TRANSIENT);
	if (repo_id)
		sqlite3_bind_int64(st, 4, repo_id);
	err = pub__db_step_done(db, st, "storing a link");
	sqlite3_reset(st);
done:
	free(owner);
	free(name);
	return err;
}
