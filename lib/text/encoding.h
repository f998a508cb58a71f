/*
 * encoding.h: the input-decoding layer under the BibTeX reader: turns the
 * bytes of a FILE* (UTF-8, UTF-16, Latin-1 or Windows-1252 itself, any
 * other encoding through the C library's iconv(3)) into a stream of valid
 * UTF-8, chunk by chunk.  Used by bibtex/reader.c.
 */
#ifndef PUB_BIBTEX_ENC_H
#define PUB_BIBTEX_ENC_H

#include <iconv.h>
#include <stdio.h>

#include "pub.h"

typedef enum {
	PUB__ENC_AUTO,
	PUB__ENC_UTF8,
	PUB__ENC_UTF16LE,
	PUB__ENC_UTF16BE,
	PUB__ENC_LATIN1,
	PUB__ENC_CP1252,
	PUB__ENC_ICONV /* any other name iconv_open() accepts (gbk, shift_jis, ...) */
} pub__enc;

/* Raw bytes read from the file per fread(). */
#define PUB__ENC_CHUNK (64u * 1024)

typedef struct pub__bib_dec {
	FILE *fp;
	const char *filename; /* borrowed from the reader */
	pub_warn_fn warn;
	void *warn_ctx;
	pub__enc enc;
	int started, eof;
	unsigned char *raw; /* PUB__ENC_CHUNK bytes */
	size_t rpos, rlen;
	unsigned long long consumed; /* raw bytes before raw[0] */
	unsigned long long first_bad; /* offset of the byte that made us pick cp1252 */
	unsigned line, col;          /* position in the decoded text, for warnings */
	int cr; /* the last character was a CR: drop a following LF */
	int warned_invalid, warned_nul, warned_surrogate;
	iconv_t cd;         /* PUB__ENC_ICONV only, else (iconv_t)-1 */
	const char *ename; /* the name given, for PUB__ENC_ICONV's warnings */
} pub__bib_dec;

/* Parses an encoding name (NULL: detect); a name pubdb does not decode
 * itself is PUB__ENC_ICONV when iconv_open() knows it; PUB_EINVAL for
 * unknown names, with a message that lists what is supported. */
int pub__bib_enc_parse(pub__enc *out, const char *name);

/* `name` (borrowed, may be NULL) is the name given to pub__bib_enc_parse();
 * PUB__ENC_ICONV needs it.  PUB_EINVAL if iconv no longer opens it. */
int pub__bib_dec_init(pub__bib_dec *d, FILE *fp, pub__enc enc,
	const char *name, const char *filename, pub_warn_fn warn, void *warn_ctx);
void pub__bib_dec_free(pub__bib_dec *d);

/* Decodes into `out` (cap >= 16).  *n = bytes written, 0 at end of input.
 * Returns 0, or PUB_ERROR on a read error.  The output never contains NUL
 * bytes (they are dropped with one warning) and is always valid UTF-8. */
int pub__bib_dec_read(pub__bib_dec *d, char *out, size_t cap, size_t *n);

#endif
