/*
 * news.c: `pubdb news`: the events table (store/events.c) as dated news
 * lines in the style of an academic homepage's News section
 * ("- *2025.05*: [DSP](URL) is accepted by ICML 2025!"), as Markdown, an
 * HTML list, an Atom feed or JSON.  Rendered into memory, so the caller
 * writes it anywhere (stdout, a file, a marked region of a page).
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/version.h"
#include "store/db.h"
#include "store/events.h"
#include "export/render.h"

static const size_t opts_sizes[] = {sizeof(pub_news_opts)};
static const pub__versions opts_versions = {"pub_news_opts",
	PUB_NEWS_OPTIONS_VERSION, opts_sizes};

int pub_news_options_init(pub_news_opts *opts, unsigned int version)
{
	return pub__versioned_init(opts, version, &opts_versions);
}

/* YYYY, YYYY-MM or YYYY-MM-DD. */
static int valid_day(const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	size_t n = strlen(s), i;
	if (n != 4 && n != 7 && n != 10)
		return 0;
	for (i = 0; i < n; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
			return 0;
	return 1;
}

/* The name news gives a paper: the owner's short= name, else the title
 * before its first colon ("DSP: Dynamic Sequence ..." is "DSP"), else
 * the title, else the key.  Plain text, malloc'd. */
static char *paper_name(const char *shortname, const char *title, const char *key)
{
	pub__buf b = PUB__BUF_INIT;
	char *colon;
	if (shortname && *shortname)
		return pub__strdup(shortname);
	pub__render_latex(&b, title, PUB__RENDER_TEXT);
	if (b.len == 0) {
		pub__buf_free(&b);
		return pub__strdup(key ? key : "");
	}
	if ((colon = strchr(b.ptr, ':')) != NULL && colon != b.ptr) {
		while (colon > b.ptr && colon[-1] == ' ')
			colon--;
		*colon = '\0';
	}
	return pub__buf_detach(&b);
}

typedef struct news_walk {
	int (*cb)(const pub_news_item *item, void *ctx);
	void *ctx;
} news_walk;

/* A stored event as the public item: the paper's or repository's name and
 * link made here. */
static int news_row(const pub__event_row *r, void *ctx)
{
	news_walk *w = ctx;
	pub_news_item it;
	char *name = NULL, *url = NULL, *repo = NULL;
	int err;
	memset(&it, 0, sizeof(it));
	it.id = r->id;
	it.day = r->day;
	it.kind = r->kind;
	it.value = r->value;
	it.source = r->source;
	it.key = r->key;
	if (!strcmp(r->kind, "note")) {
		name = pub__strdup("");
	} else if (it.key) {
		it.venue = r->venue;
		it.arxiv = r->arxiv;
		name = paper_name(r->shortname, r->title, it.key);
		if (r->paper_url)
			url = pub__strdup(r->paper_url);
		else if (r->arxiv)
			url = pub__sprintf("https://arxiv.org/abs/%s", r->arxiv);
		else if (r->doi)
			url = pub__sprintf("https://doi.org/%s", r->doi);
	} else if (r->repo_owner && r->repo_name) {
		repo = pub__sprintf("%s/%s", r->repo_owner, r->repo_name);
		name = pub__strdup(r->repo_display ? r->repo_display : r->repo_name);
		url = pub__sprintf("https://github.com/%s", repo);
	}
	it.repo = repo;
	it.name = name;
	it.url = url;
	err = w->cb(&it, w->ctx);
	free(name);
	free(url);
	free(repo);
	return err;
}

int pub_news_foreach(pub_db *db, const pub_news_opts *given,
	int (*cb)(const pub_news_item *item, void *ctx), void *ctx)
{
	pub_news_opts o;
	const pub_news_opts *opts = &o;
	news_walk w;
	int err;
	if ((err = pub__versioned_in(&o, sizeof(o), given, &opts_versions)) < 0)
		return err;
	if (opts->since && !valid_day(opts->since))
		return pub__error(PUB_EINVAL, "'%s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
			opts->since);
	w.cb = cb;
	w.ctx = ctx;
	return pub__event_rows_foreach(db, opts->since, opts->limit, news_row, &w);
}

/* The sentence around the linked name, plain text: before and after. */
static void sentence(const pub_news_item *it, const char **pre, char **post)
{
	*pre = "";
	if (!strcmp(it->kind, "venue")) {
		*post = pub__sprintf(" is accepted by %s!", it->value ? it->value : "a venue");
	} else if (!strcmp(it->kind, "paper")) {
		*pre = "New paper ";
		*post = pub__strdup(it->arxiv && !it->venue ? " on arXiv!" : "!");
	} else if (!strcmp(it->kind, "repo")) {
		*pre = "Release ";
		*post = pub__strdup("!");
	} else {
		char n[32];
		pub__thousands(n, sizeof(n), it->value ? atol(it->value) : 0);
		*post = pub__sprintf(" reaches %s stars on GitHub!", n);
	}
}

static void note_plain(pub__buf *b, const char *s);

/* The item as one line of plain text. */
static void plain_text(pub__buf *b, const pub_news_item *it)
{
	const char *pre;
	char *post;
	if (!strcmp(it->kind, "note")) {
		note_plain(b, it->value);
		if (!b->ptr)
			pub__buf_puts(b, "");
		return;
	}
	sentence(it, &pre, &post);
	pub__buf_printf(b, "%s%s%s", pre, it->name, post);
	free(post);
}

/* "2025.05" from "2025-05-14" */
static void short_day(char out[8], const char *day)
{
	size_t n = strlen(day);
	memcpy(out, day, n >= 4 ? 4 : n);
	out[n >= 4 ? 4 : n] = '\0';
	if (n >= 7) {
		out[4] = '.';
		out[5] = day[5];
		out[6] = day[6];
		out[7] = '\0';
	}
}

typedef struct render {
	pub__buf *b;
	const pub_news_opts *opts;
	json_t *arr;
} render;

/* Markdown text as the page writes it: "!" stays bare (it means
 * something only before "["), the rest as pub__md_escape() escapes it. */
static void md_text(pub__buf *b, const char *s)
{
	const char *bang;
	while (s && (bang = strchr(s, '!')) != NULL) {
		char *part = pub__strndup(s, (size_t)(bang - s));
		pub__md_escape(b, part);
		free(part);
		pub__buf_puts(b, bang[1] == '[' ? "\\!" : "!");
		s = bang + 1;
	}
	pub__md_escape(b, s);
}

/* A note's Markdown as plain text: link targets, emphasis marks and
 * backslash escapes dropped. */
static void note_plain(pub__buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\\' && s[1]) {
			pub__buf_putc(b, *++s);
		} else if (*s == ']' && s[1] == '(' && strchr(s, ')')) {
			s = strchr(s, ')');
		} else if (*s != '[' && *s != '*' && *s != '`') {
			pub__buf_putc(b, *s);
		}
	}
}

/* A note's Markdown as HTML: [text](url) links (safe URLs only),
 * **strong**, *em*, `code`, backslash escapes; everything else escaped. */
static void note_html(pub__buf *b, const char *s)
{
	int em = 0, strong = 0, code = 0;
	while (s && *s) {
		if (*s == '\\' && s[1] && !code) {
			char c[2] = {s[1], '\0'};
			pub__html_escape(b, c);
			s += 2;
		} else if (*s == '`') {
			pub__buf_puts(b, code ? "</code>" : "<code>");
			code = !code;
			s++;
		} else if (!code && s[0] == '*' && s[1] == '*') {
			pub__buf_puts(b, strong ? "</strong>" : "<strong>");
			strong = !strong;
			s += 2;
		} else if (!code && *s == '*') {
			pub__buf_puts(b, em ? "</em>" : "<em>");
			em = !em;
			s++;
		} else if (!code && *s == '[' && strstr(s, "](")) {
			const char *close = strstr(s, "](");
			const char *end = strchr(close + 2, ')');
			char *text, *url;
			if (!end) {
				pub__buf_putc(b, '[');
				s++;
				continue;
			}
			text = pub__strndup(s + 1, (size_t)(close - s - 1));
			url = pub__strndup(close + 2, (size_t)(end - close - 2));
			if (pub__url_safe(url)) {
				pub__buf_puts(b, "<a href=\"");
				pub__html_escape(b, url);
				pub__buf_puts(b, "\">");
				note_html(b, text);
				pub__buf_puts(b, "</a>");
			} else {
				note_html(b, text);
			}
			free(text);
			free(url);
			s = end + 1;
		} else {
			size_t n = strcspn(s, "\\`*[");
			char *part = pub__strndup(s, n ? n : 1);
			pub__html_escape(b, part);
			free(part);
			s += n ? n : 1;
		}
	}
	if (em)
		pub__buf_puts(b, "</em>");
	if (strong)
		pub__buf_puts(b, "</strong>");
	if (code)
		pub__buf_puts(b, "</code>");
}

static int put_markdown(const pub_news_item *it, void *ctx)
{
	render *r = ctx;
	const char *pre;
	char *post, d[8];
	short_day(d, it->day);
	if (!strcmp(it->kind, "note")) {
		pub__buf_printf(r->b, "- *%s*: %s\n", d, it->value ? it->value : "");
		return 0;
	}
	sentence(it, &pre, &post);
	pub__buf_printf(r->b, "- *%s*: ", d);
	md_text(r->b, pre);
	if (it->url && pub__url_safe(it->url)) {
		pub__buf_putc(r->b, '[');
		md_text(r->b, it->name);
		pub__buf_puts(r->b, "](");
		pub__md_url(r->b, it->url);
		pub__buf_putc(r->b, ')');
	} else {
		md_text(r->b, it->name);
	}
	md_text(r->b, post);
	pub__buf_putc(r->b, '\n');
	free(post);
	return 0;
}

/* The sentence as HTML: escaped text, the name a link. */
static void html_sentence(pub__buf *b, const pub_news_item *it)
{
	const char *pre;
	char *post;
	if (!strcmp(it->kind, "note")) {
		note_html(b, it->value);
		return;
	}
	sentence(it, &pre, &post);
	pub__html_escape(b, pre);
	if (it->url && pub__url_safe(it->url)) {
		pub__buf_puts(b, "<a href=\"");
		pub__html_escape(b, it->url);
		pub__buf_puts(b, "\">");
		pub__html_escape(b, it->name);
		pub__buf_puts(b, "</a>");
	} else {
		pub__html_escape(b, it->name);
	}
	pub__html_escape(b, post);
	free(post);
}

static int put_html(const pub_news_item *it, void *ctx)
{
	render *r = ctx;
	char d[8];
	short_day(d, it->day);
	pub__buf_puts(r->b, "  <li><em>");
	pub__html_escape(r->b, d);
	pub__buf_puts(r->b, "</em>: ");
	html_sentence(r->b, it);
	pub__buf_puts(r->b, "</li>\n");
	return 0;
}

/* 64-bit FNV-1a: a feed id that stays the same for the same event, also
 * in a database rebuilt from the same history. */
static uint64_t fnv(uint64_t h, const char *s)
{
	for (; s && *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h * 0x100000001b3ULL; /* separates "ab","c" from "a","bc" */
}

/* An Atom date from "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
static void atom_date(pub__buf *b, const char *day)
{
	size_t n = strlen(day);
	pub__buf_printf(b, "%.4s-%.2s-%.2sT00:00:00Z", day, n >= 7 ? day + 5 : "01",
		n >= 10 ? day + 8 : "01");
}

static int put_atom(const pub_news_item *it, void *ctx)
{
	render *r = ctx;
	pub__buf text = PUB__BUF_INIT;
	uint64_t h = 0xcbf29ce484222325ULL;
	h = fnv(fnv(fnv(h, it->kind), it->key ? it->key : it->repo), it->value);
	if (!strcmp(it->kind, "note")) { /* a note's text may change: its day and id */
		char idtext[24];
		snprintf(idtext, sizeof(idtext), "%lld", (long long)it->id);
		h = fnv(fnv(fnv(0xcbf29ce484222325ULL, it->kind), it->day), idtext);
	}
	plain_text(&text, it);
	pub__buf_puts(r->b, "  <entry>\n    <id>urn:pubdb:event:");
	pub__buf_printf(r->b, "%016llx</id>\n    <title type=\"text\">", (unsigned long long)h);
	pub__html_escape(r->b, text.ptr);
	pub__buf_puts(r->b, "</title>\n    <updated>");
	atom_date(r->b, it->day);
	pub__buf_puts(r->b, "</updated>\n");
	if (it->url && pub__url_safe(it->url)) {
		pub__buf_puts(r->b, "    <link rel=\"alternate\" href=\"");
		pub__html_escape(r->b, it->url);
		pub__buf_puts(r->b, "\"/>\n");
	}
	pub__buf_puts(r->b, "    <content type=\"html\">");
	{
		pub__buf html = PUB__BUF_INIT;
		html_sentence(&html, it);
		pub__html_escape(r->b, html.ptr ? html.ptr : "");
		pub__buf_free(&html);
	}
	pub__buf_puts(r->b, "</content>\n  </entry>\n");
	pub__buf_free(&text);
	return 0;
}

static int put_json(const pub_news_item *it, void *ctx)
{
	render *r = ctx;
	pub__buf text = PUB__BUF_INIT;
	if (!strcmp(it->kind, "note"))
		pub__buf_puts(&text, it->value ? it->value : "");
	else
		plain_text(&text, it);
	json_array_append_new(r->arr, json_pack("{s:I, s:s, s:s, s:s?, s:s?, s:s?, s:s, s:s?, s:s}",
		"id", (json_int_t)it->id, "day", it->day, "kind", it->kind, "paper", it->key,
		"repo", it->repo, "value", it->value, "name", it->name, "url", it->url,
		"text", text.ptr ? text.ptr : ""));
	pub__buf_free(&text);
	return 0;
}

/* The newest event's day, for the feed's <updated>. */
static int newest(const pub_news_item *it, void *ctx)
{
	pub__buf *b = ctx;
	atom_date(b, it->day);
	return 1;
}

int pub_news_render(char **out, pub_db *db, const pub_news_opts *given)
{
	pub__buf b = PUB__BUF_INIT;
	pub_news_opts o;
	const pub_news_opts *opts = &o;
	render r;
	int err = 0;
	*out = NULL;
	if (!given)
		return pub__version_error("pub_news_opts", 0);
	if ((err = pub__versioned_in(&o, sizeof(o), given, &opts_versions)) < 0)
		return err;
	memset(&r, 0, sizeof(r));
	r.b = &b;
	r.opts = opts;
	switch (opts->format) {
	case PUB_NEWS_MARKDOWN:
		err = pub_news_foreach(db, opts, put_markdown, &r);
		break;
	case PUB_NEWS_HTML:
		pub__buf_puts(&b, "<ul class=\"pub-news\">\n");
		if ((err = pub_news_foreach(db, opts, put_html, &r)) == 0)
			pub__buf_puts(&b, "</ul>\n");
		break;
	case PUB_NEWS_ATOM: {
		pub__buf upd = PUB__BUF_INIT;
		const char *who = opts->author && *opts->author ? opts->author : "pubdb";
		uint64_t h = fnv(0xcbf29ce484222325ULL, opts->author);
		if ((err = pub_news_foreach(db, opts, newest, &upd)) == 1)
			err = 0;
		if (err == 0 && upd.len == 0)
			pub__buf_puts(&upd, "1970-01-01T00:00:00Z");
		pub__buf_puts(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
			"<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
		if (opts->feed_id && *opts->feed_id) {
			pub__buf_puts(&b, "  <id>");
			pub__html_escape(&b, opts->feed_id);
			pub__buf_puts(&b, "</id>\n");
		} else {
			pub__buf_printf(&b, "  <id>urn:pubdb:news:%016llx</id>\n",
				(unsigned long long)h);
		}
		pub__buf_puts(&b, "  <title type=\"text\">");
		pub__html_escape(&b, opts->title && *opts->title ? opts->title : "News");
		pub__buf_printf(&b, "</title>\n  <updated>%s</updated>\n  <author><name>",
			upd.ptr ? upd.ptr : "");
		pub__html_escape(&b, who);
		pub__buf_puts(&b, "</name></author>\n  <generator>pubdb</generator>\n");
		pub__buf_free(&upd);
		if (err == 0 && (err = pub_news_foreach(db, opts, put_atom, &r)) == 0)
			pub__buf_puts(&b, "</feed>\n");
		break;
	}
	case PUB_NEWS_JSON: {
		char *s;
		r.arr = json_array();
		if ((err = pub_news_foreach(db, opts, put_json, &r)) == 0) {
			s = json_dumps(r.arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
			if (!s)
				abort();
			pub__buf_puts(&b, s);
			pub__buf_putc(&b, '\n');
			free(s);
		}
		json_decref(r.arr);
		break;
	}
	default:
		err = pub__error(PUB_EINVAL, "unknown news format");
	}
	if (err < 0) {
		pub__buf_free(&b);
		return err;
	}
	*out = b.ptr ? pub__buf_detach(&b) : pub__strdup("");
	return 0;
}
