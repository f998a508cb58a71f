/*
 * fuzz_cv_latex.c: libFuzzer target for lib/export/latex.c, the text of
 * the LaTeX CV.  Whatever the bytes, what pub__latex_keep() writes must
 * compile: braces balanced and never closed past their math, $ paired and
 * never "$$", no bare & % #, no _ ^ outside math, no control word outside
 * the list latex.c may write (so nothing runs \input or \def); what
 * pub__latex_escape() writes holds no LaTeX of the input at all; what
 * pub__latex_url() writes is ASCII with no TeX special but \% and \#.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "export/latex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every control word latex.c writes. */
static const char *const words[] = {
	"emph", "textit", "textsl", "textbf", "texttt", "textsc", "textrm", "textsf",
	"textup", "textmd", "textnormal", "mbox", "underline", "textsuperscript",
	"textsubscript", "mathit", "mathbf", "mathtt", "mathrm", "mathsf", "mathcal",
	"sqrt", "hat", "tilde", "bar", "vec", "dot", "ddot", "widehat", "widetilde",
	"overline", "em", "itshape", "slshape", "bfseries", "ttfamily", "scshape",
	"rmfamily", "sffamily", "upshape", "mdseries", "normalfont", "ss", "o", "O",
	"aa", "AA", "ae", "AE", "oe", "OE", "l", "L", "i", "j", "copyright",
	"textregistered", "texttrademark", "textendash", "textemdash", "textquoteright",
	"textquoteleft", "textbackslash", "LaTeX", "TeX", "textdegree", "texteuro",
	"textbar", "textless", "textgreater", "textasciitilde", "textasciicircum",
	"textunderscore", "ldots", "dots", "quad", "qquad", "dag", "ddag", "S", "P",
	"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta",
	"theta", "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "varpi",
	"rho", "varrho", "sigma", "varsigma", "tau", "upsilon", "phi", "varphi", "chi",
	"psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma",
	"Upsilon", "Phi", "Psi", "Omega", "times", "cdot", "cdots", "pm", "mp", "leq",
	"le", "geq", "ge", "neq", "ne", "approx", "sim", "simeq", "equiv", "propto",
	"infty", "partial", "nabla", "sum", "prod", "int", "in", "notin", "subset",
	"subseteq", "cup", "cap", "forall", "exists", "emptyset", "to", "rightarrow",
	"leftarrow", "Rightarrow", "leftrightarrow", "mapsto", "ell", "circ", "star",
	"ast", "log", "exp", "min", "max", "backslash", "langle", "rangle", "mid",
	"prime", "surd", "ensuremath", "c", "v", "u", "H", "k", "r", "d", "b", "t",
};

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int word_ok(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strlen(words[i]) == n && memcmp(words[i], s, n) == 0)
			return 1;
	return 0;
}

static void utf8_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n, i;
		if (*p < 0x20 || *p == 0x7f)
			abort();
		if (*p < 0x80) {
			p++;
			continue;
		}
		n = *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : *p >= 0xc2 ? 2 : 0;
		if (n == 0 || *p > 0xf4)
			abort();
		for (i = 1; i < n; i++)
			if ((p[i] & 0xc0) != 0x80)
				abort();
		p += n;
	}
}

/* The structure of pub__latex_keep()'s output. */
static void keep_ok(const char *s)
{
	size_t depth = 0, math_depth = 0;
	int math = 0;
	const char *p = s;
	utf8_ok(s);
	while (*p) {
		if (*p == '\\') {
			const char *q = p + 1;
			if (is_alpha(*q)) {
				while (is_alpha(*q))
					q++;
				if (!word_ok(p + 1, (size_t)(q - p - 1)))
					abort();
			} else if (*q && strchr("&%$#_{} ,;:!-/@\"'`^~=.", *q)) {
				q++;
			} else {
				abort(); /* "\\" or a backslash at the end */
			}
			p = q;
			continue;
		}
		switch (*p) {
		case '{':
			depth++;
			break;
		case '}':
			if (depth == 0 || (math && depth == math_depth))
				abort();
			depth--;
			break;
		case '$':
			if (p[1] == '$')
				abort();
			if (math && depth != math_depth)
				abort();
			math = !math;
			math_depth = depth;
			break;
		case '&':
		case '%':
		case '#':
			abort();
		case '_':
		case '^':
			if (!math)
				abort();
			if (p[1] == '$' || p[1] == '}' || p[1] == '\0')
				abort();
			break;
		default:
			break;
		}
		p++;
	}
	if (depth != 0 || math)
		abort();
}

/* pub__latex_escape(): only the escapes it writes. */
static void escape_ok(const char *s)
{
	const char *p = s;
	utf8_ok(s);
	while (*p) {
		if (*p == '\\') {
			const char *q = p + 1;
			if (is_alpha(*q)) {
				while (is_alpha(*q))
					q++;
				if (!word_ok(p + 1, (size_t)(q - p - 1)) || strncmp(p + 1, "text", 4))
					abort();
				if (q[0] != '{' || q[1] != '}')
					abort();
				q += 2;
			} else if (*q && strchr("&%$#_{}", *q)) {
				q++;
			} else {
				abort();
			}
			p = q;
			continue;
		}
		if (strchr("{}$&%#_^~<>|", *p))
			abort();
		p++;
	}
}

static void url_ok(const char *s)
{
	const char *p;
	for (p = s; *p; p++) {
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f)
			abort();
		if (*p == '\\') {
			if (p[1] != '%' && p[1] != '#')
				abort();
			p++;
			continue;
		}
		if (strchr("{}^~\"<>|`%#", *p))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	pub__buf b = PUB__BUF_INIT;
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	pub__latex_keep(&b, s);
	if (b.ptr)
		keep_ok(b.ptr);
	pub__buf_clear(&b);
	pub__latex_escape(&b, s);
	if (b.ptr)
		escape_ok(b.ptr);
	pub__buf_clear(&b);
	pub__latex_url(&b, s);
	if (b.ptr)
		url_ok(b.ptr);
	pub__buf_free(&b);
	free(s);
	return 0;
}
