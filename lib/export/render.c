/*
 * render.c: titles and venues arrive Unicode-decoded, but authors leave
 * \emph{}, {GPU}, $O(n^2)$ and the odd unknown macro in them.  This file turns
 * that into HTML, Markdown or plain text that never shows raw LaTeX and never
 * lets a byte of outside text become markup.  It is a single pass with an
 * explicit stack of open groups (no recursion: fuzzed input may nest
 * braces arbitrarily deep).
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "export/render.h"

#include "export/latex.h"

#include "util/alloc.h"
#include "util/buf.h"

enum { TAG_EM = 1, TAG_STRONG, TAG_CODE, TAG_SUP, TAG_SUB };

#define FRAME_TAGS 4

typedef struct frame {
	unsigned char tags[FRAME_TAGS];
	unsigned char n;
} frame;

typedef struct renderer {
	pub__buf *out;
	pub__render_mode mode;
	frame *stack;
	size_t depth, cap;
	int math;
	int pending_space; /* a space to write before the next visible thing */
	int started;       /* something visible was written */
} renderer;

static const char *open_tag(int tag, pub__render_mode mode)
{
	static const char *html[] = {"", "<em>", "<strong>", "<code>", "<sup>", "<sub>"};
	if (mode == PUB__RENDER_TEXT)
		return tag == TAG_SUP ? "^" : tag == TAG_SUB ? "_" : "";
	return html[tag];
}

static const char *close_tag(int tag, pub__render_mode mode)
{
	static const char *html[] = {"", "</em>", "</strong>", "</code>", "</sup>", "</sub>"};
	return mode == PUB__RENDER_TEXT ? "" : html[tag];
}

/* Length of the valid UTF-8 sequence at s (1..4), 0 when invalid. */
static size_t utf8_len(const unsigned char *s)
{
	utf8proc_int32_t cp;
	size_t n;
	if (s[0] < 0x80)
		return 1;
	n = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : 2;
	if (strnlen((const char *)s, n) < n)
		return 0;
	if (utf8proc_iterate(s, (utf8proc_ssize_t)n, &cp) != (utf8proc_ssize_t)n)
		return 0;
	return n;
}

static void flush_space(renderer *r)
{
	if (r->pending_space && r->started)
		pub__buf_putc(r->out, ' ');
	r->pending_space = 0;
	r->started = 1;
}

/* Writes one ASCII character of text, escaped for the mode. */
static void put_ascii(pub__buf *b, char c, pub__render_mode mode)
{
	if (mode == PUB__RENDER_TEXT) {
		pub__buf_putc(b, c);
		return;
	}
	switch (c) {
	case '&': pub__buf_puts(b, "&amp;"); return;
	case '<': pub__buf_puts(b, "&lt;"); return;
	case '>': pub__buf_puts(b, "&gt;"); return;
	default: break;
	}
	if (mode == PUB__RENDER_HTML) {
		if (c == '"')
			pub__buf_puts(b, "&quot;");
		else if (c == '\'')
			pub__buf_puts(b, "&#39;");
		else
			pub__buf_putc(b, c);
		return;
	}
	if (strchr("\\`*_[]|$~{}#!", c))
		pub__buf_putc(b, '\\');
	pub__buf_putc(b, c);
}

/* Writes text (any UTF-8, possibly invalid), escaped; spaces go through
 * the pending-space logic. */
static void put_text(renderer *r, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	while (p < end) {
		size_t len;
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			r->pending_space = 1;
			p++;
			continue;
		}
		if (*p < 0x20 || *p == 0x7f) {
			p++;
			continue;
		}
		flush_space(r);
		if (*p < 0x80) {
			put_ascii(r->out, (char)*p, r->mode);
			p++;
			continue;
		}
		len = utf8_len(p);
		if (len == 0 || p + len > end) {
			pub__buf_puts(r->out, "\xef\xbf\xbd");
			p++;
			continue;
		}
		pub__buf_put(r->out, (const char *)p, len);
		p += len;
	}
}

static void put_str(renderer *r, const char *s)
{
	put_text(r, s, strlen(s));
}

static frame *top(renderer *r)
{
	return &r->stack[r->depth - 1];
}

static void push_frame(renderer *r, int tag)
{
	if (r->depth == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->stack = pub__realloc(r->stack, r->cap * sizeof(*r->stack));
	}
	r->stack[r->depth].n = 0;
	r->depth++;
	if (tag) {
		flush_space(r);
		pub__buf_puts(r->out, open_tag(tag, r->mode));
		top(r)->tags[top(r)->n++] = (unsigned char)tag;
	}
}

/* A declaration such as {\em ...}: the tag lasts until the group ends. */
static void add_tag(renderer *r, int tag)
{
	frame *f = top(r);
	if (f->n >= FRAME_TAGS)
		return;
	flush_space(r);
	pub__buf_puts(r->out, open_tag(tag, r->mode));
	f->tags[f->n++] = (unsigned char)tag;
}

static void pop_frame(renderer *r)
{
	frame *f = top(r);
	while (f->n > 0)
		pub__buf_puts(r->out, close_tag(f->tags[--f->n], r->mode));
	r->depth--;
}

typedef struct sym {
	const char *name;
	const char *text;
} sym;

/* Commands that stand for a character (text and math). */
static const sym symbols[] = {
	{"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"},
	{"epsilon", "ε"}, {"varepsilon", "ε"}, {"zeta", "ζ"}, {"eta", "η"},
	{"theta", "θ"}, {"vartheta", "ϑ"}, {"iota", "ι"}, {"kappa", "κ"},
	{"lambda", "λ"}, {"mu", "μ"}, {"nu", "ν"}, {"xi", "ξ"}, {"pi", "π"},
	{"varpi", "ϖ"}, {"rho", "ρ"}, {"varrho", "ϱ"}, {"sigma", "σ"},
	{"varsigma", "ς"}, {"tau", "τ"}, {"upsilon", "υ"}, {"phi", "φ"},
	{"varphi", "φ"}, {"chi", "χ"}, {"psi", "ψ"}, {"omega", "ω"},
	{"Gamma", "Γ"}, {"Delta", "Δ"}, {"Theta", "Θ"}, {"Lambda", "Λ"},
	{"Xi", "Ξ"}, {"Pi", "Π"}, {"Sigma", "Σ"}, {"Upsilon", "Υ"},
	{"Phi", "Φ"}, {"Psi", "Ψ"}, {"Omega", "Ω"},
	{"times", "×"}, {"cdot", "·"}, {"cdots", "⋯"}, {"ldots", "…"},
	{"dots", "…"}, {"pm", "±"}, {"mp", "∓"}, {"leq", "≤"}, {"le", "≤"},
	{"geq", "≥"}, {"ge", "≥"}, {"neq", "≠"}, {"ne", "≠"}, {"approx", "≈"},
	{"sim", "∼"}, {"simeq", "≃"}, {"equiv", "≡"}, {"propto", "∝"},
	{"infty", "∞"}, {"partial", "∂"}, {"nabla", "∇"}, {"sum", "∑"},
	{"prod", "∏"}, {"int", "∫"}, {"sqrt", "√"}, {"in", "∈"},
	{"notin", "∉"}, {"subset", "⊂"}, {"subseteq", "⊆"}, {"cup", "∪"},
	{"cap", "∩"}, {"forall", "∀"}, {"exists", "∃"}, {"emptyset", "∅"},
	{"to", "→"}, {"rightarrow", "→"}, {"leftarrow", "←"},
	{"Rightarrow", "⇒"}, {"leftrightarrow", "↔"}, {"mapsto", "↦"},
	{"ell", "ℓ"}, {"circ", "∘"}, {"star", "⋆"}, {"ast", "∗"},
	{"log", "log"}, {"exp", "exp"}, {"min", "min"}, {"max", "max"},
	{"ss", "ß"}, {"o", "ø"}, {"O", "Ø"}, {"aa", "å"}, {"AA", "Å"},
	{"ae", "æ"}, {"AE", "Æ"}, {"oe", "œ"}, {"OE", "Œ"}, {"l", "ł"},
	{"L", "Ł"}, {"i", "ı"}, {"j", "ȷ"}, {"dag", "†"}, {"ddag", "‡"},
	{"S", "§"}, {"P", "¶"}, {"copyright", "©"}, {"textregistered", "®"},
	{"texttrademark", "™"}, {"textendash", "–"}, {"textemdash", "—"},
	{"textquoteright", "’"}, {"textquoteleft", "‘"}, {"textbackslash", "\\"},
	{"textasciitilde", "~"}, {"textasciicircum", "^"}, {"textunderscore", "_"},
	{"textless", "<"}, {"textgreater", ">"}, {"textbar", "|"},
	{"backslash", "\\"},
	{"LaTeX", "LaTeX"}, {"TeX", "TeX"}, {"BibTeX", "BibTeX"},
	{"quad", " "}, {"qquad", " "}, {"euro", "€"}, {"textdegree", "°"},
};

/* Commands whose braced argument is shown with a tag (0: plain). */
static const struct {
	const char *name;
	int tag;
} formats[] = {
	{"emph", TAG_EM}, {"textit", TAG_EM}, {"textsl", TAG_EM},
	{"mathit", TAG_EM}, {"textbf", TAG_STRONG}, {"mathbf", TAG_STRONG},
	{"boldsymbol", TAG_STRONG}, {"bm", TAG_STRONG}, {"texttt", TAG_CODE},
	{"mathtt", TAG_CODE}, {"textsc", 0}, {"textrm", 0}, {"textsf", 0},
	{"textup", 0}, {"textnormal", 0}, {"textmd", 0}, {"text", 0},
	{"mbox", 0}, {"hbox", 0}, {"mathrm", 0}, {"mathsf", 0}, {"mathcal", 0},
	{"mathbb", 0}, {"mathfrak", 0}, {"mathscr", 0}, {"operatorname", 0},
	{"ensuremath", 0}, {"NoCaseChange", 0}, {"url", 0}, {"uppercase", 0},
};

/* Declarations ({\em ...}) and what they switch on (0: nothing shown). */
static const struct {
	const char *name;
	int tag;
} decls[] = {
	{"em", TAG_EM}, {"it", TAG_EM}, {"itshape", TAG_EM}, {"sl", TAG_EM},
	{"slshape", TAG_EM}, {"bf", TAG_STRONG}, {"bfseries", TAG_STRONG},
	{"tt", TAG_CODE}, {"ttfamily", TAG_CODE}, {"sc", 0}, {"scshape", 0},
	{"rm", 0}, {"sf", 0}, {"normalfont", 0}, {"upshape", 0}, {"mdseries", 0},
	{"protect", 0}, {"relax", 0}, {"left", 0}, {"right", 0}, {"displaystyle", 0},
	{"allowbreak", 0}, {"nobreak", 0}, {"nolinebreak", 0},
};

/* Accents: the command and the combining mark written after the base. */
static const sym accents[] = {
	{"\"", "\xcc\x88"}, {"'", "\xcc\x81"}, {"`", "\xcc\x80"}, {"^", "\xcc\x82"},
	{"~", "\xcc\x83"}, {"=", "\xcc\x84"}, {".", "\xcc\x87"}, {"c", "\xcc\xa7"},
	{"v", "\xcc\x8c"}, {"u", "\xcc\x86"}, {"H", "\xcc\x8b"}, {"k", "\xcc\xa8"},
	{"r", "\xcc\x8a"}, {"d", "\xcc\xa3"}, {"b", "\xcc\xb1"},
};

static int name_is(const char *s, size_t n, const char *name)
{
	return strlen(name) == n && memcmp(s, name, n) == 0;
}

static const char *find_accent(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < sizeof(accents) / sizeof(accents[0]); i++)
		if (name_is(s, n, accents[i].name))
			return accents[i].text;
	return NULL;
}

/* An accent's argument: a letter, {letter}, {\i} or \i.  Writes base+mark
 * and returns the bytes consumed, or 0 when the argument is anything else
 * (then the accent is dropped and the text rendered normally). */
static size_t put_accent(renderer *r, const char *s, const char *mark)
{
	const char *p = s;
	int braced = 0;
	size_t len;
	char base[5];
	while (*p == ' ')
		p++;
	if (*p == '{') {
		braced = 1;
		p++;
	}
	if (p[0] == '\\' && (p[1] == 'i' || p[1] == 'j') &&
		!((p[2] >= 'a' && p[2] <= 'z') || (p[2] >= 'A' && p[2] <= 'Z'))) {
		base[0] = p[1];
		len = 1;
		p += 2;
	} else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
		base[0] = *p;
		len = 1;
		p++;
	} else if ((unsigned char)*p >= 0x80 && (len = utf8_len((const unsigned char *)p)) > 0) {
		memcpy(base, p, len);
		p += len;
	} else {
		return 0;
	}
	if (braced) {
		if (*p != '}')
			return 0;
		p++;
	}
	flush_space(r);
	pub__buf_put(r->out, base, len);
	pub__buf_puts(r->out, mark);
	return (size_t)(p - s);
}

/* Handles the command after a backslash at s[0]; returns bytes consumed. */
static size_t command(renderer *r, const char *s)
{
	const char *p = s;
	const char *mark;
	size_t n, i, used;
	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
		if (*p == '\0')
			return 0;
		if (strchr("&%$#_{}", *p)) {
			flush_space(r);
			put_ascii(r->out, *p, r->mode);
			return 1;
		}
		if (*p == '\\' || *p == ' ' || *p == ',' || *p == ';' || *p == ':') {
			r->pending_space = 1;
			return 1;
		}
		if (*p == '(' || *p == '[') {
			r->math = 1;
			return 1;
		}
		if (*p == ')' || *p == ']') {
			r->math = 0;
			return 1;
		}
		if ((mark = find_accent(p, 1)) != NULL) {
			used = put_accent(r, p + 1, mark);
			return 1 + used;
		}
		if (strchr("!-/@", *p))
			return 1; /* spacing and hyphenation hints: nothing to show */
		return 0; /* anything else: drop the backslash, keep the character */
	}
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
		p++;
	n = (size_t)(p - s);
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		if (!name_is(s, n, formats[i].name))
			continue;
		while (*p == ' ')
			p++;
		if (*p == '{') {
			push_frame(r, formats[i].tag);
			p++;
		}
		return (size_t)(p - s);
	}
	for (i = 0; i < sizeof(decls) / sizeof(decls[0]); i++) {
		if (!name_is(s, n, decls[i].name))
			continue;
		if (decls[i].tag)
			add_tag(r, decls[i].tag);
		while (*p == ' ')
			p++;
		return (size_t)(p - s);
	}
	if (n == 1 && (mark = find_accent(s, 1)) != NULL &&
		(used = put_accent(r, p, mark)) > 0)
		return n + used;
	for (i = 0; i < sizeof(symbols) / sizeof(symbols[0]); i++) {
		if (name_is(s, n, symbols[i].name)) {
			put_str(r, symbols[i].text);
			return n;
		}
	}
	if (name_is(s, n, "hyphen")) {
		/* hyphenat's \hyphen: a hyphen that leaves the rest of the word
		 * breakable ("methodology\hyphen independent"); as after any
		 * control word, the spaces after it are TeX's, not the text's */
		put_str(r, "-");
		while (*p == ' ')
			p++;
		return (size_t)(p - s);
	}
	/* unknown: \foo{bar} shows its argument, as pandoc does; alone
	 * (\NP-hard, \NP{}-hard) its name, never the backslash */
	if (*p == '{' && p[1] != '}')
		return n;
	put_text(r, s, n);
	return n;
}

/* x^2, x^{10}, x^\alpha: the exponent after ^ or _ in math. */
static size_t script(renderer *r, const char *s, int tag)
{
	size_t len, i;
	const char *q;
	if (*s == '{') {
		push_frame(r, tag);
		return 1;
	}
	if (*s == '\\') {
		for (q = s + 1; (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'); q++)
			;
		for (i = 0; i < sizeof(symbols) / sizeof(symbols[0]); i++) {
			if (q > s + 1 && name_is(s + 1, (size_t)(q - s - 1), symbols[i].name)) {
				flush_space(r);
				pub__buf_puts(r->out, open_tag(tag, r->mode));
				pub__buf_puts(r->out, symbols[i].text);
				pub__buf_puts(r->out, close_tag(tag, r->mode));
				return (size_t)(q - s);
			}
		}
		return 0; /* anything else: drop the ^ and render on */
	}
	if (*s == '\0' || *s == '}' || *s == '$' || *s == ' ')
		return 0;
	len = (unsigned char)*s < 0x80 ? 1 : utf8_len((const unsigned char *)s);
	if (len == 0)
		return 0;
	flush_space(r);
	pub__buf_puts(r->out, open_tag(tag, r->mode));
	put_text(r, s, len);
	pub__buf_puts(r->out, close_tag(tag, r->mode));
	return len;
}

static void render(renderer *r, const char *s)
{
	const char *p = s;
	push_frame(r, 0); /* the root group, for declarations outside braces */
	while (*p) {
		const char *run = p;
		switch (*p) {
		case '{':
			push_frame(r, 0);
			p++;
			continue;
		case '}':
			if (r->depth > 1)
				pop_frame(r);
			p++;
			continue;
		case '$':
			r->math = !r->math;
			p++;
			continue;
		case '\\':
			p++;
			p += command(r, p);
			continue;
		case '~':
			put_str(r, "\xc2\xa0");
			p++;
			continue;
		case '-':
			if (!r->math && p[1] == '-') {
				put_str(r, p[2] == '-' ? "—" : "–");
				p += p[2] == '-' ? 3 : 2;
				continue;
			}
			break;
		case '`':
			if (p[1] == '`') {
				put_str(r, "“");
				p += 2;
				continue;
			}
			break;
		case '\'':
			if (p[1] == '\'') {
				put_str(r, "”");
				p += 2;
				continue;
			}
			break;
		case '^':
		case '_':
			if (r->math) {
				p++;
				p += script(r, p, p[-1] == '^' ? TAG_SUP : TAG_SUB);
				continue;
			}
			break;
		default:
			break;
		}
		/* a run of ordinary text up to the next special character */
		p++;
		while (*p && !strchr("{}$\\~-`'^_", *p))
			p++;
		put_text(r, run, (size_t)(p - run));
	}
	while (r->depth > 0)
		pop_frame(r);
}

void pub__render_latex(pub__buf *b, const char *s, pub__render_mode mode)
{
	renderer r;
	pub__buf tmp = PUB__BUF_INIT;
	utf8proc_uint8_t *nfc = NULL;
	if (!s)
		return;
	if (mode == PUB__RENDER_LATEX) {
		/* decomposed accents (u + U+0308) are unknown to inputenc */
		if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &nfc,
				UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE) >= 0) {
			pub__latex_keep(b, (const char *)nfc);
			free(nfc);
		} else {
			pub__latex_keep(b, s);
		}
		return;
	}
	memset(&r, 0, sizeof(r));
	r.out = &tmp;
	r.mode = mode;
	render(&r, s);
	free(r.stack);
	if (tmp.len == 0)
		goto done;
	/* compose the combining marks the accents wrote (u + U+0308 -> ü) */
	if (utf8proc_map((const utf8proc_uint8_t *)tmp.ptr, (utf8proc_ssize_t)tmp.len,
			&nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE) >= 0) {
		pub__buf_puts(b, (const char *)nfc);
		free(nfc);
	} else {
		pub__buf_put(b, tmp.ptr, tmp.len);
	}
done:
	pub__buf_free(&tmp);
}

static void escape_with(pub__buf *b, const char *s, pub__render_mode mode)
{
	const unsigned char *p = (const unsigned char *)s;
	if (!s)
		return;
	while (*p) {
		size_t len;
		if (*p < 0x80) {
			if (*p >= 0x20 && *p != 0x7f)
				put_ascii(b, (char)*p, mode);
			else if (*p == '\t' || *p == '\n' || *p == '\r')
				pub__buf_putc(b, ' ');
			p++;
			continue;
		}
		if ((len = utf8_len(p)) == 0) {
			pub__buf_puts(b, "\xef\xbf\xbd");
			p++;
			continue;
		}
		pub__buf_put(b, (const char *)p, len);
		p += len;
	}
}

void pub__html_escape(pub__buf *b, const char *s)
{
	escape_with(b, s, PUB__RENDER_HTML);
}

void pub__md_escape(pub__buf *b, const char *s)
{
	escape_with(b, s, PUB__RENDER_MD);
}

void pub__md_url(pub__buf *b, const char *url)
{
	const unsigned char *p = (const unsigned char *)url;
	for (; p && *p; p++) {
		if (*p <= 0x20 || *p >= 0x7f || strchr("()<>[]|\"\\`'", *p))
			pub__buf_printf(b, "%%%02X", *p);
		else
			pub__buf_putc(b, (char)*p);
	}
}

static int prefix_ci(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++) {
		char c = *s;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != *prefix)
			return 0;
	}
	return 1;
}

int pub__url_safe(const char *url)
{
	const unsigned char *p;
	const char *rest;
	if (!url)
		return 0;
	for (p = (const unsigned char *)url; *p; p++)
		if (*p <= 0x20 || *p == 0x7f)
			return 0;
	if (prefix_ci(url, "http://"))
		rest = url + 7;
	else if (prefix_ci(url, "https://"))
		rest = url + 8;
	else if (prefix_ci(url, "mailto:"))
		return url[7] != '\0';
	else
		return 0;
	/* a host must follow: "http:///x" or "https://" alone is not a URL */
	return *rest != '\0' && *rest != '/' && *rest != '\\';
}

void pub__thousands(char *out, size_t size, long n)
{
	char digits[32];
	char tmp[48];
	size_t len, i, o = 0;
	unsigned long v = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;
	snprintf(digits, sizeof(digits), "%lu", v);
	len = strlen(digits);
	if (n < 0)
		tmp[o++] = '-';
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			tmp[o++] = ',';
		tmp[o++] = digits[i];
	}
	tmp[o] = '\0';
	snprintf(out, size, "%s", tmp);
}

void pub__yaml_str(pub__buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	pub__buf_putc(b, '"');
	for (; *p; p++) {
		if (*p == '"' || *p == '\\')
			pub__buf_printf(b, "\\%c", *p);
		else if (*p == '\n')
			pub__buf_puts(b, "\\n");
		else if (*p == '\t')
			pub__buf_puts(b, "\\t");
		else if (*p < 0x20 || *p == 0x7f)
			pub__buf_printf(b, "\\x%02x", *p);
		else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
			/* U+2028/2029 are line breaks to YAML */
			pub__buf_puts(b, p[2] == 0xa8 ? "\\u2028" : "\\u2029");
			p += 2;
		} else if (p[0] == 0xc2 && p[1] == 0x85) {
			pub__buf_puts(b, "\\u0085");
			p++;
		} else
			pub__buf_putc(b, (char)*p);
	}
	pub__buf_putc(b, '"');
}
