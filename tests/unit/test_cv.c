/*
 * test_cv.c: the text of the LaTeX CV (lib/export/latex.c): titles keep
 * their LaTeX, plain text is escaped, URLs fit \href; each case as
 * pdflatex is to read it.  tests/cli/test_cv.py compiles whole CVs.
 */
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "export/latex.h"
#include "export/render.h"
#include "harness.h"

static char *keep(const char *s)
{
	pub__buf b = PUB__BUF_INIT;
	pub__latex_keep(&b, s);
	return pub__buf_detach(&b);
}

static char *esc(const char *s)
{
	pub__buf b = PUB__BUF_INIT;
	pub__latex_escape(&b, s);
	return pub__buf_detach(&b);
}

static char *url(const char *s)
{
	pub__buf b = PUB__BUF_INIT;
	pub__latex_url(&b, s);
	return pub__buf_detach(&b);
}

static char *rendered(const char *s)
{
	pub__buf b = PUB__BUF_INIT;
	pub__render_latex(&b, s, PUB__RENDER_LATEX);
	return pub__buf_detach(&b);
}

#define KEEP(in, want) do { char *g = keep(in); STR_EQ(g, want, "keep %s", in); free(g); } while (0)
#define ESC(in, want) do { char *g = esc(in); STR_EQ(g, want, "escape %s", in); free(g); } while (0)
#define URL(in, want) do { char *g = url(in); STR_EQ(g, want, "url %s", in); free(g); } while (0)

static void test_keep(void)
{
	/* LaTeX a title holds stays LaTeX */
	KEEP("FastFold: {AlphaFold} with $O(n^2)$ and \\emph{more}",
		"FastFold: {AlphaFold} with $O(n^2)$ and \\emph{more}");
	KEEP("$\\alpha$-Fold", "$\\alpha$-Fold");
	KEEP("\\alpha-Fold", "\\ensuremath{\\alpha}-Fold");
	KEEP("M{\\\"u}ller and \\c{c}a and \\'e", "M{\\\"{u}}ller and \\c{c}a and \\'{e}");
	KEEP("G\xc3\xb6" "del", "G\xc3\xb6" "del");
	/* bare specials of decoded text are escaped */
	KEEP("R&D: 100% of #1 a_b x^y <a> | b", "R\\&D: 100\\% of \\#1 a\\_b "
		"x\\textasciicircum{}y \\textless{}a\\textgreater{} \\textbar{} b");
	KEEP("\\& \\% \\$ \\# \\_ \\{ \\}", "\\& \\% \\$ \\# \\_ \\{ \\}");
	KEEP("a~b -- c --- d", "a~b -- c --- d");
	/* nothing outside the list runs */
	KEEP("\\input{/etc/passwd}", "{/etc/passwd}");
	KEEP("\\write18{rm -rf x}", "write18{rm -rf x}");
	KEEP("\\def\\x{y}", "def{y}");
	KEEP("\\NP-hard", "NP-hard");
	/* amsmath's and the others' as the kernel's */
	KEEP("$\\mathbb{R}^n$ \\textbf{b} $\\text{ab}$", "$\\mathbf{R}^n$ \\textbf{b} $\\mathrm{ab}$");
	KEEP("{\\bf x} {\\em y}", "{\\bfseries x} {\\em y}");
	KEEP("\\ss e and \\ss{}e", "\\ss e and \\ss{}e");
	/* what would not compile is mended */
	KEEP("{a", "{a}");
	KEEP("a}b", "ab");
	KEEP("$x", "$x$");
	KEEP("$$x$$", "x");
	KEEP("\\aa$$s", "\\aa s");
	KEEP("$x$$y$", "$x${}$y$");
	KEEP("{$x}$", "{$x$}");
	KEEP("$x^$", "$x^{}$");
	KEEP("$x^2^3$", "$x^2{}^3$");
	KEEP("$x_i^2$", "$x_i^2$");
	KEEP("$x^{2}_i$", "$x^{2}_i$");
	KEEP("$x^\\bf$", "$x^{}$");
	KEEP("\\(a\\) \\[b\\]", "$a$ $b$");
	KEEP("line\\\\break \\newline", "line break newline");
	KEEP("  two\n\nlines \t ", "two lines");
	KEEP("\x01" "a\x7f" "b\xff", "ab?");
	KEEP("\\", "");
	KEEP("", "");
}

static void test_escape(void)
{
	ESC("\\ & % $ # _ { } ~ ^", "\\textbackslash{} \\& \\% \\$ \\# \\_ \\{ \\} "
		"\\textasciitilde{} \\textasciicircum{}");
	ESC("\\emph{x}", "\\textbackslash{}emph\\{x\\}");
	ESC("J\xc3\xa9r\xc3\xb4me M\xc3\xbcller", "J\xc3\xa9r\xc3\xb4me M\xc3\xbcller");
	ESC("a < b | c > d", "a \\textless{} b \\textbar{} c \\textgreater{} d");
	ESC(" x  y ", "x y");
}

static void test_url(void)
{
	URL("https://github.com/NUS-HPC-AI-Lab/VideoSys", "https://github.com/NUS-HPC-AI-Lab/VideoSys");
	URL("https://e.org/a_b?x=1&y=%20#top", "https://e.org/a_b?x=1&y=\\%20\\#top");
	URL("https://e.org/~u/{x}^\"\\", "https://e.org/\\%7Eu/\\%7Bx\\%7D\\%5E\\%22\\%5C");
	URL("https://e.org/caf\xc3\xa9 x", "https://e.org/caf\\%C3\\%A9\\%20x");
}

static void test_render_mode(void)
{
	/* the renderer's LaTeX mode: NFC first (u + U+0308 is inputenc's ü) */
	char *g = rendered("Mu\xcc\x88ller $x$");
	STR_EQ(g, "M\xc3\xbcller $x$", "PUB__RENDER_LATEX composes");
	free(g);
	g = rendered(NULL);
	STR_EQ(g, "", "NULL writes nothing");
	free(g);
}

int main(void)
{
	test_keep();
	test_escape();
	test_url();
	test_render_mode();
	return test_summary();
}
