/*
 * latex.h: text written into a LaTeX document (latex.c), for the CV's
 * publication list (cv_latex.c) and the author line (authors.c through
 * PUB__RENDER_LATEX).  Private to libpub.
 */
#ifndef PUB_EXPORT_LATEX_H
#define PUB_EXPORT_LATEX_H

#include "util/buf.h"

/* Appends plain text `s` (a name, a tag, a heading) for LaTeX: each of
 * \ & % $ # _ { } ~ ^ and < > | escaped, UTF-8 kept (invalid bytes become
 * '?'), control characters dropped, runs of white space one space, the
 * ends trimmed.  NULL appends nothing. */
void pub__latex_escape(pub__buf *b, const char *s);

/* Appends `s`, UTF-8 that may hold LaTeX (a title or venue as BibTeX left
 * it: \emph{}, {GPU}, $O(n^2)$, \"u, \&), keeping that LaTeX as LaTeX but
 * only what compiles with the LaTeX kernel alone: known commands are kept
 * (math-only ones wrapped in \ensuremath outside math, amsmath's mapped to
 * the kernel's), an unknown \cmd{x} becomes x and a lone \cmd its name;
 * bare & % # escaped, _ ^ < > | escaped outside math; braces balanced
 * and math closed at the end, a group never crossing a $; white space as
 * in pub__latex_escape().  Nothing of `s` can run a command outside that
 * list (no \input, \write, \def, \catcode ...).  NULL appends nothing. */
void pub__latex_keep(pub__buf *b, const char *s);

/* Appends `url` as the first argument of \href: ASCII only, with % and #
 * escaped (\% \#) and bytes hyperref or TeX would read otherwise
 * (\ { } ^ ~ " < > | ` space, controls, non-ASCII) percent-encoded. */
void pub__latex_url(pub__buf *b, const char *url);

#endif
