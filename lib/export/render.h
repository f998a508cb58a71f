/*
 * render.h: text rendering shared by the publication-list writers
 * (html.c, markdown.c, csl.c): LaTeX left in titles and
 * venues to HTML, Markdown or plain text; HTML and Markdown escaping; the
 * URL check that keeps javascript: and friends out of href.  Private to
 * libpub.
 */
#ifndef PUB_RENDER_H
#define PUB_RENDER_H

#include "pub.h"
#include "util/buf.h"

typedef enum pub__render_mode {
	PUB__RENDER_HTML, /* escaped text, <em> <strong> <code> <sup> <sub> */
	PUB__RENDER_MD,   /* Markdown-escaped text, the same inline HTML tags */
	PUB__RENDER_TEXT, /* plain UTF-8, no markup (x^{2} becomes x^2) */
	/* LaTeX: the LaTeX kept, made safe to compile (pub__latex_keep(),
	 * latex.h), after NFC; the CV's list */
	PUB__RENDER_LATEX,
} pub__render_mode;

/* Appends `s` (UTF-8 that may still hold LaTeX: \emph{} \textbf{} \texttt{},
 * {protective braces}, -- and ---, $math$ with ^{} _{} and Greek, accents,
 * \& \% ...) rendered for `mode`.  Unknown commands appear as their name
 * without the backslash; invalid UTF-8 becomes U+FFFD, control characters
 * vanish, runs of spaces collapse, the ends are trimmed, the result is NFC.
 * Every tag written is closed, so the result nests anywhere.  NULL appends
 * nothing. */
void pub__render_latex(pub__buf *b, const char *s, pub__render_mode mode);

/* Appends `s` with & < > " ' escaped (safe in text and in quoted attribute
 * values); invalid UTF-8 becomes U+FFFD and control characters vanish. */
void pub__html_escape(pub__buf *b, const char *s);

/* Appends `s` escaped for Markdown text (GitHub and kramdown): backslash
 * before \ ` * _ [ ] | $ ~ { } # !, entities for & < >. */
void pub__md_escape(pub__buf *b, const char *s);

/* Appends `url` for a Markdown link destination: bytes that would end or
 * confuse it (space, ( ) < > [ ] | " \ `, controls, non-ASCII) are
 * percent-encoded. */
void pub__md_url(pub__buf *b, const char *url);

/* 1 when `url` may go into an href: an absolute http://HOST..., https://HOST...
 * or mailto:X URL (scheme case-insensitive) with no whitespace or control
 * characters anywhere.  Everything else (javascript:, data:, vbscript:,
 * relative URLs, obfuscated schemes) is 0. */
int pub__url_safe(const char *url);

/* Formats n with thousands separators ("2,012") into out. */
void pub__thousands(char *out, size_t size, long n);

/* Appends `s` (NULL: "") as a YAML double-quoted scalar: quotes,
 * backslashes, control bytes and YAML's own line breaks (U+0085, U+2028,
 * U+2029) escaped, so that front matter reads back the same text. */
void pub__yaml_str(pub__buf *b, const char *s);

#endif
