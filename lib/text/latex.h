/*
 * latex.h: LaTeX <-> Unicode text, folding and normalisation (latex.c).
 */
#ifndef PUB_TEXT_LATEX_H
#define PUB_TEXT_LATEX_H

#include "pub.h"

/* Whether pub__latex_to_unicode(s) is s itself (no command, brace, tie,
 * math, ligature or non-ASCII byte): callers may then keep s. */
int pub__latex_is_plain(const char *s);

/* LaTeX to Unicode for storage and display, NFC-normalised: accents in
 * every spelling (\"u, {\"u}, \"{u}, {\"{u}}), \ss \o \aa \l \i ..., --,
 * ---, `` '' ~ (nbsp kept as a space), \& \% \$ \_ \# \{ \}; protective
 * braces removed; math ($...$) left intact.  Always returns a new string
 * (malloc'd, caller frees); unknown commands are kept verbatim. */
char *pub__latex_to_unicode(const char *s);

/* Unicode to ASCII LaTeX for `export --ascii`: ü -> {\"u}, – -> --, etc.
 * Characters with no LaTeX spelling are kept as UTF-8.  Returns a new
 * string. */
char *pub__unicode_to_latex(const char *s);

/* Lower-case ASCII folding used for keys and duplicate detection:
 * decode LaTeX, NFKD, drop combining marks, lower-case, map ß->ss,
 * ø->o, æ->ae, ł->l etc., keep [a-z0-9] and single spaces.  New string. */
char *pub__fold_ascii(const char *s);

/* NFC normalisation of UTF-8 (utf8proc); invalid UTF-8 bytes are replaced
 * by U+FFFD.  New string. */
char *pub__nfc(const char *s);

/* 1 when `s` is valid UTF-8. */
int pub__utf8_valid(const char *s, size_t n);

#endif
