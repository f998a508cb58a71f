/*
 * latex.c: text for a LaTeX document (latex.h).  Plain text is escaped;
 * text that may hold LaTeX (titles, venues, names as BibTeX left them) is
 * kept as LaTeX through a whitelist of what the LaTeX kernel defines, one
 * pass with counters instead of a parse tree, so that whatever comes in
 * compiles: braces balance, math closes, nothing outside the list runs.
 */
#include <stdlib.h>
#include <string.h>

#include "export/latex.h"

#include "util/buf.h"

#define MAX_DEPTH 64 /* groups kept; deeper ones are dropped, not their text */

typedef struct writer {
	pub__buf *b;
	const char *s; /* the input, at the current position */
	int math;
	size_t math_at;      /* b->len after the opening $ */
	size_t math_depth;   /* depth when the math opened */
	size_t math_closed;  /* b->len after the last closing $ (never "$$") */
	int word_before_math; /* after_word when the math opened */
	size_t depth;        /* groups open in the output */
	size_t skipped;      /* groups beyond MAX_DEPTH, their '}' dropped too */
	int space;           /* a space to write before the next visible thing */
	int started;
	int after_word;      /* a control word was written last */
	size_t script_end;   /* b->len after the last ^ or _ argument */
	int script_mask;     /* 1: ^, 2: _ on the nucleus that ends there */
	size_t script_group; /* depth of the group that is a script's argument */
} writer;

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Length of the valid UTF-8 sequence at s (2..4), 0 when invalid. */
static size_t utf8_len(const unsigned char *s)
{
	size_t n, i;
	unsigned cp;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1fu;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0fu;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07u;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3fu);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

static void emit(writer *w, const char *s)
{
	if (w->space && w->started)
		pub__buf_putc(w->b, ' ');
	else if (w->after_word && is_alpha(s[0]))
		pub__buf_putc(w->b, ' '); /* \ss then "e": not \sse */
	w->space = 0;
	w->started = 1;
	w->after_word = 0;
	pub__buf_puts(w->b, s);
}

/* A control word: the next letter must not join its name. */
static void emit_word(writer *w, const char *s)
{
	emit(w, s);
	w->after_word = 1;
}

static void emit_n(writer *w, const char *s, size_t n)
{
	char tmp[8];
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	emit(w, tmp);
}

/* Plain text outside and inside math: one character (or UTF-8 sequence)
 * at w->s, escaped; returns the bytes used. */
static size_t text_char(writer *w)
{
	const unsigned char *p = (const unsigned char *)w->s;
	size_t len;
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
		w->space = 1;
		return 1;
	}
	if (*p < 0x20 || *p == 0x7f)
		return 1;
	if (*p >= 0x80) {
		if ((len = utf8_len(p)) == 0) {
			emit(w, "?");
			return 1;
		}
		emit_n(w, w->s, len);
		return len;
	}
	switch (*p) {
	case '&': emit(w, "\\&"); return 1;
	case '%': emit(w, "\\%"); return 1;
	case '#': emit(w, "\\#"); return 1;
	default: break;
	}
	if (!w->math) {
		switch (*p) {
		case '_': emit(w, "\\_"); return 1;
		case '^': emit_word(w, "\\textasciicircum"); emit(w, "{}"); return 1;
		case '<': emit_word(w, "\\textless"); emit(w, "{}"); return 1;
		case '>': emit_word(w, "\\textgreater"); emit(w, "{}"); return 1;
		case '|': emit_word(w, "\\textbar"); emit(w, "{}"); return 1;
		default: break;
		}
	}
	emit_n(w, w->s, 1);
	return 1;
}

static void open_group(writer *w, const char *cmd)
{
	if (w->depth >= MAX_DEPTH) {
		w->skipped++;
		return;
	}
	if (cmd && *cmd) {
		emit(w, cmd);
		pub__buf_putc(w->b, '{');
	} else {
		emit(w, "{");
	}
	w->depth++;
}

static void close_group(writer *w)
{
	pub__buf_putc(w->b, '}');
	if (w->script_group && w->depth == w->script_group) {
		w->script_end = w->b->len;
		w->script_group = 0;
	}
	w->depth--;
	w->after_word = 0;
}

static void math_open(writer *w)
{
	if (w->math)
		return;
	if (w->space && w->started) {
		pub__buf_putc(w->b, ' ');
		w->space = 0;
	}
	if (w->b->len > 0 && w->b->len == w->math_closed)
		pub__buf_puts(w->b, "{}"); /* "$x$$y$" would be display math */
	pub__buf_putc(w->b, '$');
	w->started = 1;
	w->word_before_math = w->after_word;
	w->after_word = 0;
	w->math = 1;
	w->math_at = w->b->len;
	w->math_depth = w->depth;
}

static void math_close(writer *w)
{
	if (!w->math)
		return;
	while (w->depth > w->math_depth)
		close_group(w);
	w->math = 0;
	w->after_word = 0;
	if (w->b->len == w->math_at) { /* empty math: "$$" must not be written */
		w->b->len--;
		w->b->ptr[w->b->len] = '\0';
		w->after_word = w->word_before_math; /* "\aa$$s" is not \aas */
		return;
	}
	pub__buf_putc(w->b, '$');
	w->math_closed = w->b->len;
}

typedef enum kind {
	ARG,       /* takes a braced argument: text form, math form ("": a group) */
	DECL,      /* a declaration ({\bf x}): text form; nothing in math */
	SYM_TEXT,  /* a text symbol: as is; in math inside \mbox */
	SYM_BOTH,  /* fine in text and math */
	SYM_MATH,  /* a math symbol: in text inside \ensuremath */
	DROP,      /* nothing to write (\protect, \left ...) */
} kind;

typedef struct cmd {
	const char *name;
	kind k;
	const char *text; /* NULL: \name */
	const char *math; /* ARG: the math form */
} cmd;

/* Every command kept; each one the LaTeX kernel defines (amsmath's and
 * others' mapped to the kernel's). */
static const cmd cmds[] = {
	{"emph", ARG, "\\emph", "\\mathit"}, {"textit", ARG, "\\textit", "\\mathit"},
	{"textsl", ARG, "\\textsl", "\\mathit"}, {"textbf", ARG, "\\textbf", "\\mathbf"},
	{"texttt", ARG, "\\texttt", "\\mathtt"}, {"textsc", ARG, "\\textsc", "\\mathrm"},
	{"textrm", ARG, "\\textrm", "\\mathrm"}, {"textsf", ARG, "\\textsf", "\\mathsf"},
	{"textup", ARG, "\\textup", "\\mathrm"}, {"textmd", ARG, "\\textmd", "\\mathrm"},
	{"textnormal", ARG, "\\textnormal", "\\mathrm"}, {"text", ARG, "\\textrm", "\\mathrm"},
	{"mbox", ARG, "\\mbox", "\\mathrm"}, {"hbox", ARG, "\\mbox", "\\mathrm"},
	{"underline", ARG, "\\underline", "\\underline"},
	{"textsuperscript", ARG, "\\textsuperscript", "\\mathrm"},
	{"textsubscript", ARG, "\\textsubscript", "\\mathrm"},
	{"url", ARG, "\\texttt", "\\mathtt"},
	{"mathbf", ARG, "\\textbf", "\\mathbf"}, {"boldsymbol", ARG, "\\textbf", "\\mathbf"},
	{"bm", ARG, "\\textbf", "\\mathbf"}, {"mathbb", ARG, "\\textbf", "\\mathbf"},
	{"mathit", ARG, "\\textit", "\\mathit"}, {"mathrm", ARG, "\\textrm", "\\mathrm"},
	{"mathsf", ARG, "\\textsf", "\\mathsf"}, {"mathtt", ARG, "\\texttt", "\\mathtt"},
	{"operatorname", ARG, "\\textrm", "\\mathrm"}, {"mathcal", ARG, "", "\\mathcal"},
	{"mathscr", ARG, "", "\\mathcal"}, {"mathfrak", ARG, "", "\\mathrm"},
	{"sqrt", ARG, "", "\\sqrt"}, {"hat", ARG, "", "\\hat"}, {"tilde", ARG, "", "\\tilde"},
	{"bar", ARG, "", "\\bar"}, {"vec", ARG, "", "\\vec"}, {"dot", ARG, "", "\\dot"},
	{"ddot", ARG, "", "\\ddot"}, {"widehat", ARG, "", "\\widehat"},
	{"widetilde", ARG, "", "\\widetilde"}, {"overline", ARG, "", "\\overline"},
	{"ensuremath", ARG, "", ""}, {"NoCaseChange", ARG, "", ""}, {"uppercase", ARG, "", ""},
	{"em", DECL, "\\em", NULL}, {"it", DECL, "\\itshape", NULL},
	{"itshape", DECL, "\\itshape", NULL}, {"sl", DECL, "\\slshape", NULL},
	{"slshape", DECL, "\\slshape", NULL}, {"bf", DECL, "\\bfseries", NULL},
	{"bfseries", DECL, "\\bfseries", NULL}, {"tt", DECL, "\\ttfamily", NULL},
	{"ttfamily", DECL, "\\ttfamily", NULL}, {"sc", DECL, "\\scshape", NULL},
	{"scshape", DECL, "\\scshape", NULL}, {"rm", DECL, "\\rmfamily", NULL},
	{"rmfamily", DECL, "\\rmfamily", NULL}, {"sf", DECL, "\\sffamily", NULL},
	{"sffamily", DECL, "\\sffamily", NULL}, {"upshape", DECL, "\\upshape", NULL},
	{"mdseries", DECL, "\\mdseries", NULL}, {"normalfont", DECL, "\\normalfont", NULL},
	{"protect", DROP, NULL, NULL}, {"relax", DROP, NULL, NULL}, {"left", DROP, NULL, NULL},
	{"right", DROP, NULL, NULL}, {"displaystyle", DROP, NULL, NULL},
	{"allowbreak", DROP, NULL, NULL}, {"nobreak", DROP, NULL, NULL},
	{"nolinebreak", DROP, NULL, NULL}, {"big", DROP, NULL, NULL}, {"Big", DROP, NULL, NULL},
	{"bigl", DROP, NULL, NULL}, {"bigr", DROP, NULL, NULL},
	{"ss", SYM_TEXT, NULL, NULL}, {"o", SYM_TEXT, NULL, NULL}, {"O", SYM_TEXT, NULL, NULL},
	{"aa", SYM_TEXT, NULL, NULL}, {"AA", SYM_TEXT, NULL, NULL}, {"ae", SYM_TEXT, NULL, NULL},
	{"AE", SYM_TEXT, NULL, NULL}, {"oe", SYM_TEXT, NULL, NULL}, {"OE", SYM_TEXT, NULL, NULL},
	{"l", SYM_TEXT, NULL, NULL}, {"L", SYM_TEXT, NULL, NULL}, {"i", SYM_TEXT, NULL, NULL},
	{"j", SYM_TEXT, NULL, NULL}, {"copyright", SYM_TEXT, NULL, NULL},
	{"textregistered", SYM_TEXT, NULL, NULL}, {"texttrademark", SYM_TEXT, NULL, NULL},
	{"textendash", SYM_TEXT, NULL, NULL}, {"textemdash", SYM_TEXT, NULL, NULL},
	{"textquoteright", SYM_TEXT, NULL, NULL}, {"textquoteleft", SYM_TEXT, NULL, NULL},
	{"textbackslash", SYM_TEXT, NULL, NULL}, {"LaTeX", SYM_TEXT, NULL, NULL},
	{"TeX", SYM_TEXT, NULL, NULL}, {"textdegree", SYM_TEXT, NULL, NULL},
	{"euro", SYM_TEXT, "\\texteuro", NULL}, {"texteuro", SYM_TEXT, NULL, NULL},
	{"textbar", SYM_TEXT, NULL, NULL}, {"textless", SYM_TEXT, NULL, NULL},
	{"textgreater", SYM_TEXT, NULL, NULL}, {"textasciitilde", SYM_TEXT, NULL, NULL},
	{"textasciicircum", SYM_TEXT, NULL, NULL}, {"textunderscore", SYM_TEXT, NULL, NULL},
	{"ldots", SYM_BOTH, NULL, NULL}, {"dots", SYM_BOTH, NULL, NULL},
	{"quad", SYM_BOTH, NULL, NULL}, {"qquad", SYM_BOTH, NULL, NULL},
	{"dag", SYM_BOTH, NULL, NULL}, {"ddag", SYM_BOTH, NULL, NULL},
	{"S", SYM_BOTH, NULL, NULL}, {"P", SYM_BOTH, NULL, NULL},
	{"alpha", SYM_MATH, NULL, NULL}, {"beta", SYM_MATH, NULL, NULL},
	{"gamma", SYM_MATH, NULL, NULL}, {"delta", SYM_MATH, NULL, NULL},
	{"epsilon", SYM_MATH, NULL, NULL}, {"varepsilon", SYM_MATH, NULL, NULL},
	{"zeta", SYM_MATH, NULL, NULL}, {"eta", SYM_MATH, NULL, NULL},
	{"theta", SYM_MATH, NULL, NULL}, {"vartheta", SYM_MATH, NULL, NULL},
	{"iota", SYM_MATH, NULL, NULL}, {"kappa", SYM_MATH, NULL, NULL},
	{"lambda", SYM_MATH, NULL, NULL}, {"mu", SYM_MATH, NULL, NULL},
	{"nu", SYM_MATH, NULL, NULL}, {"xi", SYM_MATH, NULL, NULL}, {"pi", SYM_MATH, NULL, NULL},
	{"varpi", SYM_MATH, NULL, NULL}, {"rho", SYM_MATH, NULL, NULL},
	{"varrho", SYM_MATH, NULL, NULL}, {"sigma", SYM_MATH, NULL, NULL},
	{"varsigma", SYM_MATH, NULL, NULL}, {"tau", SYM_MATH, NULL, NULL},
	{"upsilon", SYM_MATH, NULL, NULL}, {"phi", SYM_MATH, NULL, NULL},
	{"varphi", SYM_MATH, NULL, NULL}, {"chi", SYM_MATH, NULL, NULL},
	{"psi", SYM_MATH, NULL, NULL}, {"omega", SYM_MATH, NULL, NULL},
	{"Gamma", SYM_MATH, NULL, NULL}, {"Delta", SYM_MATH, NULL, NULL},
	{"Theta", SYM_MATH, NULL, NULL}, {"Lambda", SYM_MATH, NULL, NULL},
	{"Xi", SYM_MATH, NULL, NULL}, {"Pi", SYM_MATH, NULL, NULL},
	{"Sigma", SYM_MATH, NULL, NULL}, {"Upsilon", SYM_MATH, NULL, NULL},
	{"Phi", SYM_MATH, NULL, NULL}, {"Psi", SYM_MATH, NULL, NULL},
	{"Omega", SYM_MATH, NULL, NULL}, {"times", SYM_MATH, NULL, NULL},
	{"cdot", SYM_MATH, NULL, NULL}, {"cdots", SYM_MATH, NULL, NULL},
	{"pm", SYM_MATH, NULL, NULL}, {"mp", SYM_MATH, NULL, NULL}, {"leq", SYM_MATH, NULL, NULL},
	{"le", SYM_MATH, NULL, NULL}, {"geq", SYM_MATH, NULL, NULL}, {"ge", SYM_MATH, NULL, NULL},
	{"neq", SYM_MATH, NULL, NULL}, {"ne", SYM_MATH, NULL, NULL},
	{"approx", SYM_MATH, NULL, NULL}, {"sim", SYM_MATH, NULL, NULL},
	{"simeq", SYM_MATH, NULL, NULL}, {"equiv", SYM_MATH, NULL, NULL},
	{"propto", SYM_MATH, NULL, NULL}, {"infty", SYM_MATH, NULL, NULL},
	{"partial", SYM_MATH, NULL, NULL}, {"nabla", SYM_MATH, NULL, NULL},
	{"sum", SYM_MATH, NULL, NULL}, {"prod", SYM_MATH, NULL, NULL},
	{"int", SYM_MATH, NULL, NULL}, {"in", SYM_MATH, NULL, NULL},
	{"notin", SYM_MATH, NULL, NULL}, {"subset", SYM_MATH, NULL, NULL},
	{"subseteq", SYM_MATH, NULL, NULL}, {"cup", SYM_MATH, NULL, NULL},
	{"cap", SYM_MATH, NULL, NULL}, {"forall", SYM_MATH, NULL, NULL},
	{"exists", SYM_MATH, NULL, NULL}, {"emptyset", SYM_MATH, NULL, NULL},
	{"to", SYM_MATH, NULL, NULL}, {"rightarrow", SYM_MATH, NULL, NULL},
	{"leftarrow", SYM_MATH, NULL, NULL}, {"Rightarrow", SYM_MATH, NULL, NULL},
	{"leftrightarrow", SYM_MATH, NULL, NULL}, {"mapsto", SYM_MATH, NULL, NULL},
	{"ell", SYM_MATH, NULL, NULL}, {"circ", SYM_MATH, NULL, NULL},
	{"star", SYM_MATH, NULL, NULL}, {"ast", SYM_MATH, NULL, NULL},
	{"log", SYM_MATH, NULL, NULL}, {"exp", SYM_MATH, NULL, NULL},
	{"min", SYM_MATH, NULL, NULL}, {"max", SYM_MATH, NULL, NULL},
	{"backslash", SYM_MATH, NULL, NULL}, {"langle", SYM_MATH, NULL, NULL},
	{"rangle", SYM_MATH, NULL, NULL}, {"mid", SYM_MATH, NULL, NULL},
	{"prime", SYM_MATH, NULL, NULL}, {"surd", SYM_MATH, NULL, NULL},
};

/* Accents that take an argument: \"u, \c{c}. */
static int is_accent(const char *name, size_t n)
{
	static const char *const letters[] = {"c", "v", "u", "H", "k", "r", "d", "b", "t"};
	size_t i;
	if (n == 1 && strchr("\"'`^~=.", name[0]))
		return 1;
	for (i = 0; i < sizeof(letters) / sizeof(letters[0]); i++)
		if (n == 1 && name[0] == letters[i][0])
			return 1;
	return 0;
}

/* An accent at w->s (after the command): \X{arg} with one letter, \i or
 * \j or a UTF-8 character; a braced argument is left to the group code.
 * Dropped in math, where text accents do not work. */
static void accent(writer *w, const char *name, size_t n)
{
	char cs[4] = {'\\', name[0], '\0', '\0'};
	const char *p = w->s;
	size_t len;
	(void)n;
	while (*p == ' ')
		p++;
	if (w->math)
		return;
	if (*p == '{' && w->depth < MAX_DEPTH) {
		emit(w, cs);
		w->s = p;
		return;
	}
	if (*p == '{') { /* too deep for a group: the accent takes the letter */
		p++;
		w->skipped++;
	}
	emit(w, cs);
	pub__buf_putc(w->b, '{');
	if (p[0] == '\\' && (p[1] == 'i' || p[1] == 'j') && !is_alpha(p[2])) {
		pub__buf_put(w->b, p, 2);
		p += 2;
	} else if (is_alpha(*p)) {
		pub__buf_putc(w->b, *p);
		p++;
	} else if ((unsigned char)*p >= 0x80 && (len = utf8_len((const unsigned char *)p)) > 0) {
		pub__buf_put(w->b, p, len);
		p += len;
	}
	pub__buf_putc(w->b, '}');
	w->s = p;
}

/* The command after a backslash (w->s just past it). */
static void command(writer *w)
{
	const char *name = w->s, *p = w->s;
	size_t n, i;
	if (!is_alpha(*p)) {
		char c = *p;
		if (c == '\0')
			return;
		w->s++;
		if (strchr("&%$#_{}", c)) {
			char e[3] = {'\\', c, '\0'};
			emit(w, e);
		} else if (c == '\\') {
			w->space = 1;
		} else if (c == ' ') {
			emit(w, "\\ ");
		} else if (c == ',') {
			emit(w, "\\,");
		} else if (c == ';' || c == ':' || c == '!') {
			if (w->math) {
				char e[3] = {'\\', c, '\0'};
				emit(w, e);
			} else if (c != '!') {
				w->space = 1;
			}
		} else if (c == '(' || c == '[') {
			math_open(w);
		} else if (c == ')' || c == ']') {
			math_close(w);
		} else if (c == '-' || c == '/' || c == '@') {
			if (!w->math) {
				char e[3] = {'\\', c, '\0'};
				emit(w, e);
			}
		} else if (is_accent(&c, 1)) {
			accent(w, &c, 1);
		} else {
			w->s--; /* anything else: the backslash goes, the character stays */
		}
		return;
	}
	while (is_alpha(*p))
		p++;
	n = (size_t)(p - name);
	w->s = p;
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		const cmd *c = &cmds[i];
		const char *as;
		if (strlen(c->name) != n || memcmp(c->name, name, n) != 0)
			continue;
		as = c->text ? c->text : NULL;
		switch (c->k) {
		case ARG:
			while (*p == ' ')
				p++;
			if (*p != '{')
				return; /* \emph x: the x as it is */
			w->s = p + 1;
			open_group(w, w->math ? c->math : c->text);
			return;
		case DECL:
			if (!w->math)
				emit_word(w, c->text);
			return;
		case DROP:
			return;
		case SYM_TEXT:
		case SYM_BOTH: {
			char buf[48];
			snprintf(buf, sizeof(buf), "\\%.*s", (int)n, name);
			if (c->k == SYM_TEXT && w->math) {
				emit(w, "\\mbox{");
				pub__buf_puts(w->b, as ? as : buf);
				pub__buf_putc(w->b, '}');
			} else {
				emit_word(w, as ? as : buf);
			}
			return;
		}
		case SYM_MATH: {
			char buf[48];
			snprintf(buf, sizeof(buf), "\\%.*s", (int)n, name);
			if (w->math) {
				emit_word(w, buf);
			} else {
				emit(w, "\\ensuremath{");
				pub__buf_puts(w->b, buf);
				pub__buf_putc(w->b, '}');
			}
			return;
		}
		}
	}
	if (is_accent(name, n)) {
		accent(w, name, n);
		return;
	}
	/* unknown: \foo{bar} shows bar (the group follows); alone, its name */
	while (*p == ' ')
		p++;
	if (*p == '{' && p[1] != '}')
		return;
	{
		const char *save = w->s;
		for (w->s = name; w->s < name + n;)
			w->s += text_char(w);
		w->s = save;
	}
}

/* ^ or _ in math with its argument, so that "x^$" and "x^2^3" compile:
 * an argument that would write nothing is {}, and a second ^ (or _) on
 * one nucleus gets a nucleus {} of its own. */
static void script(writer *w, char c)
{
	char e[2] = {c, '\0'};
	int bit = c == '^' ? 1 : 2;
	size_t before, depth;
	if (w->b->len != w->script_end)
		w->script_mask = 0;
	if (w->script_mask & bit) {
		emit(w, "{}");
		w->script_mask = 0;
	}
	emit(w, e);
	w->script_mask |= bit;
	while (*w->s == ' ')
		w->s++;
	before = w->b->len;
	depth = w->depth;
	if (*w->s == '{') {
		w->s++;
		open_group(w, NULL);
	} else if (*w->s == '\\' && is_alpha(w->s[1])) {
		w->s++;
		command(w);
	} else if (*w->s == '\\' && w->s[1] && strchr("&%#_{}", w->s[1])) {
		w->s++;
		command(w);
	} else if ((*w->s >= '0' && *w->s <= '9') || is_alpha(*w->s) ||
		   (unsigned char)*w->s >= 0x80 || (*w->s && strchr("+-*/=()[]<>|.,;:!?@\"", *w->s))) {
		w->s += text_char(w);
	}
	if (w->depth > depth) {
		w->script_group = w->depth; /* ends with the group */
		return;
	}
	if (w->b->len == before)
		pub__buf_puts(w->b, "{}");
	w->script_end = w->b->len;
}

void pub__latex_keep(pub__buf *b, const char *s)
{
	writer w;
	if (!s)
		return;
	memset(&w, 0, sizeof(w));
	w.b = b;
	/* what the buffer held before this call is no $ or script of ours */
	w.math_closed = w.script_end = (size_t)-1;
	w.s = s;
	while (*w.s) {
		char c = *w.s;
		switch (c) {
		case '{':
			w.s++;
			open_group(&w, NULL);
			continue;
		case '}':
			w.s++;
			if (w.skipped > 0)
				w.skipped--;
			else if (w.math && w.depth == w.math_depth) {
				math_close(&w); /* {$x}$: the math ends with its group */
				if (w.depth > 0)
					close_group(&w);
			} else if (w.depth > 0)
				close_group(&w);
			continue;
		case '$':
			w.s++;
			if (w.math)
				math_close(&w);
			else
				math_open(&w);
			continue;
		case '\\':
			w.s++;
			command(&w);
			continue;
		case '^':
		case '_':
			if (w.math) {
				w.s++;
				script(&w, c);
				continue;
			}
			break;
		default:
			break;
		}
		w.s += text_char(&w);
	}
	math_close(&w);
	while (w.depth > 0)
		close_group(&w);
}

void pub__latex_escape(pub__buf *b, const char *s)
{
	writer w;
	if (!s)
		return;
	memset(&w, 0, sizeof(w));
	w.b = b;
	for (w.s = s; *w.s;) {
		switch (*w.s) {
		case '\\': emit_word(&w, "\\textbackslash"); emit(&w, "{}"); break;
		case '{': emit(&w, "\\{"); break;
		case '}': emit(&w, "\\}"); break;
		case '$': emit(&w, "\\$"); break;
		case '~': emit_word(&w, "\\textasciitilde"); emit(&w, "{}"); break;
		default: w.s += text_char(&w); continue;
		}
		w.s++;
	}
}

void pub__latex_url(pub__buf *b, const char *url)
{
	const unsigned char *p = (const unsigned char *)url;
	for (; p && *p; p++) {
		if (*p == '%' || *p == '#')
			pub__buf_printf(b, "\\%c", *p);
		else if (*p <= 0x20 || *p >= 0x7f || strchr("\\{}^~\"<>|`", *p))
			pub__buf_printf(b, "\\%%%02X", *p);
		else
			pub__buf_putc(b, (char)*p);
	}
}
