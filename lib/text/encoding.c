/*
 * encoding.c: decodes a .bib file's bytes into UTF-8 for the reader,
 * streaming (one raw chunk at a time).  Detection when no encoding is forced:
 * a UTF-8 BOM is skipped; a UTF-16 BOM (or, failing that, the tell-tale NUL
 * pattern of ASCII text in UTF-16) selects UTF-16; otherwise the first chunk
 * decides: valid UTF-8 stays UTF-8, anything else is read as Windows-1252
 * with one warning.  CRLF and lone CR (classic Mac OS) line ends become LF,
 * so the reader counts lines right for all three.  In UTF-8 mode a stray invalid byte later in the file is
 * decoded as Windows-1252 (one warning per file), so output is always valid.
 * Any other encoding a user names (--encoding gbk, shift_jis, iso-8859-15)
 * goes through the C library's iconv(3): part of libc, so no new dependency;
 * pubdb has no tables of its own for the CJK encodings.
 */
#include "text/encoding.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Windows-1252 0x80..0x9F; the five holes map to the C1 controls, as the
 * WHATWG encoding standard does, so no byte is ever lost. */
static const unsigned short cp1252_hi[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

int pub__bib_enc_parse(pub__enc *out, const char *name)
{
	static const struct {
		const char *name;
		pub__enc enc;
	} names[] = {
		{"utf-8", PUB__ENC_UTF8}, {"utf8", PUB__ENC_UTF8},
		{"utf-16le", PUB__ENC_UTF16LE}, {"utf16le", PUB__ENC_UTF16LE},
		{"utf-16be", PUB__ENC_UTF16BE}, {"utf16be", PUB__ENC_UTF16BE},
		{"latin1", PUB__ENC_LATIN1}, {"iso-8859-1", PUB__ENC_LATIN1},
		{"windows-1252", PUB__ENC_CP1252}, {"cp1252", PUB__ENC_CP1252},
	};
	size_t i;
	iconv_t cd;
	if (!name || !*name) {
		*out = PUB__ENC_AUTO;
		return 0;
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcasecmp(name, names[i].name) == 0) {
			*out = names[i].enc;
			return 0;
		}
	}
	if ((cd = iconv_open("UTF-8", name)) != (iconv_t)-1) {
		iconv_close(cd);
		*out = PUB__ENC_ICONV;
		return 0;
	}
	return pub__error(PUB_EINVAL, "unsupported encoding '%s' (use utf-8, "
		"utf-16le, utf-16be, latin1, windows-1252, or a name that "
		"'iconv -l' lists, such as gbk, gb18030, big5, shift_jis, "
		"euc-kr or iso-8859-15)", name);
}

int pub__bib_dec_init(pub__bib_dec *d, FILE *fp, pub__enc enc,
	const char *name, const char *filename, pub_warn_fn warn, void *warn_ctx)
{
	memset(d, 0, sizeof(*d));
	d->cd = (iconv_t)-1;
	if (enc == PUB__ENC_ICONV) {
		if (!name || (d->cd = iconv_open("UTF-8", name)) == (iconv_t)-1)
			return pub__error(PUB_EINVAL, "cannot decode '%s' from "
				"encoding '%s'", filename, name ? name : "");
		d->ename = name;
	}
	d->fp = fp;
	d->enc = enc;
	d->filename = filename;
	d->warn = warn;
	d->warn_ctx = warn_ctx;
	d->raw = pub__malloc(PUB__ENC_CHUNK);
	d->first_bad = (unsigned long long)-1;
	d->line = d->col = 1;
	return 0;
}

void pub__bib_dec_free(pub__bib_dec *d)
{
	if (d->cd != (iconv_t)-1)
		iconv_close(d->cd);
	d->cd = (iconv_t)-1;
	free(d->raw);
	d->raw = NULL;
}

static void dec_warn(pub__bib_dec *d, const char *fmt, ...) PUB__PRINTF(2, 3);

static void dec_warn(pub__bib_dec *d, const char *fmt, ...)
{
	char msg[512], line[640];
	va_list ap;
	if (!d->warn)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(line, sizeof(line), "%s:%u:%u: %s", d->filename, d->line,
		d->col, msg);
	d->warn(line, d->warn_ctx);
}

/* Keeps the unread tail and tops the raw buffer up; 0 or PUB_ERROR. */
static int fill_raw(pub__bib_dec *d)
{
	size_t keep = d->rlen - d->rpos, got;
	if (d->eof)
		return 0;
	if (keep && d->rpos)
		memmove(d->raw, d->raw + d->rpos, keep);
	d->consumed += d->rpos;
	d->rpos = 0;
	d->rlen = keep;
	got = fread(d->raw + keep, 1, PUB__ENC_CHUNK - keep, d->fp);
	d->rlen += got;
	if (got < PUB__ENC_CHUNK - keep) {
		if (ferror(d->fp))
			return pub__error(PUB_ERROR, "cannot read '%s'", d->filename);
		d->eof = 1;
	}
	return 0;
}

/* Length of the valid UTF-8 sequence at p (n bytes available): >0 valid,
 * 0 invalid, -1 a valid prefix cut short by the end of the buffer. */
static int utf8_len(const unsigned char *p, size_t n)
{
	unsigned char c = p[0], lo = 0x80, hi = 0xBF;
	int len, i;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4;
	else
		return 0;
	if (c == 0xE0)
		lo = 0xA0;
	else if (c == 0xED)
		hi = 0x9F;
	else if (c == 0xF0)
		lo = 0x90;
	else if (c == 0xF4)
		hi = 0x8F;
	for (i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return -1;
		if (p[i] < lo || p[i] > hi)
			return 0;
		lo = 0x80;
		hi = 0xBF;
	}
	return len;
}

static size_t put_cp(char *o, unsigned cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

static unsigned cp1252(unsigned char c)
{
	return c >= 0x80 && c < 0xA0 ? cp1252_hi[c - 0x80] : c;
}

/* Looks at the first chunk (raw holds it) and settles d->enc. */
static void sniff(pub__bib_dec *d)
{
	const unsigned char *p = d->raw;
	size_t n = d->rlen, i, be = 0, le = 0, pairs;
	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
		if (d->enc == PUB__ENC_AUTO || d->enc == PUB__ENC_UTF8) {
			d->rpos = 3;
			d->enc = PUB__ENC_UTF8;
		}
	} else if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
		if (d->enc == PUB__ENC_AUTO || d->enc == PUB__ENC_UTF16LE) {
			d->rpos = 2;
			d->enc = PUB__ENC_UTF16LE;
		}
	} else if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
		if (d->enc == PUB__ENC_AUTO || d->enc == PUB__ENC_UTF16BE) {
			d->rpos = 2;
			d->enc = PUB__ENC_UTF16BE;
		}
	}
	if (d->enc != PUB__ENC_AUTO)
		return;
	/* No BOM: ASCII text in UTF-16 has a NUL in every other byte. */
	pairs = (n < 512 ? n : 512) / 2;
	for (i = 0; i < pairs; i++) {
		be += p[2 * i] == 0 && p[2 * i + 1] != 0;
		le += p[2 * i] != 0 && p[2 * i + 1] == 0;
	}
	if (pairs >= 2 && (be > pairs / 2 || le > pairs / 2)) {
		d->enc = be > le ? PUB__ENC_UTF16BE : PUB__ENC_UTF16LE;
		dec_warn(d, "no byte-order mark; reading as %s",
			be > le ? "UTF-16BE" : "UTF-16LE");
		return;
	}
	for (i = 0; i < n;) {
		int len = utf8_len(p + i, n - i);
		if (len < 0 && !d->eof)
			break;
		if (len <= 0) {
			d->first_bad = i;
			d->enc = PUB__ENC_CP1252;
			return;
		}
		i += (size_t)len;
	}
	d->enc = PUB__ENC_UTF8;
}

static size_t decode_utf8(pub__bib_dec *d, char *out, size_t cap)
{
	const unsigned char *p = d->raw;
	size_t o = 0, i = d->rpos, n = d->rlen;
	while (i < n && o + 4 <= cap) {
		unsigned char c = p[i];
		int len;
		if (c >= 0x20 && c < 0x80) {
			/* A run of printable ASCII, copied at once. */
			size_t j = i + 1, room = cap - o - 3;
			while (j < n && j - i < room && p[j] >= 0x20 && p[j] < 0x80)
				j++;
			memcpy(out + o, p + i, j - i);
			o += j - i;
			d->col += (unsigned)(j - i);
			d->cr = 0;
			i = j;
			continue;
		}
		if (c < 0x80) {
			if (c == '\n' && d->cr) {
				d->cr = 0;
				i++;
				continue;
			}
			d->cr = c == '\r';
			if (c == '\r')
				c = '\n';
			if (c == '\n') {
				d->line++;
				d->col = 1;
			} else if (c == 0) {
				if (!d->warned_nul++)
					dec_warn(d, "NUL bytes in the input are dropped");
				i++;
				continue;
			} else {
				d->col++;
			}
			out[o++] = (char)c;
			i++;
			continue;
		}
		len = utf8_len(p + i, n - i);
		if (len < 0 && !d->eof)
			break; /* finish the sequence after the next fread */
		d->cr = 0;
		if (len > 0) {
			memcpy(out + o, p + i, (size_t)len);
			o += (size_t)len;
			i += (size_t)len;
		} else {
			if (!d->warned_invalid++)
				dec_warn(d, "invalid UTF-8 byte 0x%02X; decoded as "
					"Windows-1252", c);
			o += put_cp(out + o, cp1252(c));
			i++;
		}
		d->col++;
	}
	d->rpos = i;
	return o;
}

/* Line ends and NULs, the same for every decoder but the UTF-8 fast path:
 * a NUL is dropped (one warning, `what` naming bytes or characters), CRLF
 * and a lone CR become LF, and a line end moves the position to the next
 * line.  0: drop *c; 2: a line ended; 1: any other character (the caller
 * counts its column). */
static int line_char(pub__bib_dec *d, unsigned *c, const char *what)
{
	if (*c == 0 || (*c == '\n' && d->cr)) {
		if (*c == 0 && !d->warned_nul++)
			dec_warn(d, "NUL %s in the input are dropped", what);
		d->cr = 0;
		return 0;
	}
	d->cr = *c == '\r';
	if (*c == '\r')
		*c = '\n';
	if (*c != '\n')
		return 1;
	d->line++;
	d->col = 1;
	return 2;
}

static size_t decode_8bit(pub__bib_dec *d, char *out, size_t cap)
{
	const unsigned char *p = d->raw;
	size_t o = 0, i = d->rpos, n = d->rlen;
	int latin1 = d->enc == PUB__ENC_LATIN1;
	while (i < n && o + 4 <= cap) {
		unsigned c = p[i];
		int k = line_char(d, &c, "bytes");
		if (!k) {
			i++;
			continue;
		}
		if (k == 1)
			d->col++;
		if (c >= 0x80 && d->consumed + i == d->first_bad) {
			d->col--; /* report the column of this byte */
			dec_warn(d, "not valid UTF-8 (byte 0x%02X); reading the "
				"file as Windows-1252", c);
			d->col++;
		}
		o += put_cp(out + o, latin1 ? c : cp1252(c));
		i++;
	}
	d->rpos = i;
	return o;
}

static size_t decode_utf16(pub__bib_dec *d, char *out, size_t cap)
{
	const unsigned char *p = d->raw;
	size_t o = 0, i = d->rpos, n = d->rlen;
	int be = d->enc == PUB__ENC_UTF16BE;
	while (o + 4 <= cap) {
		unsigned u, cp;
		int k;
		if (n - i < 2) {
			if (n - i == 1 && d->eof) {
				/* odd trailing byte */
				o += put_cp(out + o, 0xFFFD);
				i++;
			}
			break;
		}
		u = be ? (unsigned)p[i] << 8 | p[i + 1] : (unsigned)p[i + 1] << 8 | p[i];
		cp = u;
		if (u >= 0xD800 && u <= 0xDBFF) {
			unsigned v;
			if (n - i < 4 && !d->eof)
				break;
			v = n - i >= 4 ? (be ? (unsigned)p[i + 2] << 8 | p[i + 3]
					: (unsigned)p[i + 3] << 8 | p[i + 2]) : 0;
			if (v >= 0xDC00 && v <= 0xDFFF) {
				cp = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
				i += 2;
			} else {
				cp = 0xFFFD;
			}
		} else if (u >= 0xDC00 && u <= 0xDFFF) {
			cp = 0xFFFD;
		}
		i += 2;
		if (cp == 0xFFFD && u != 0xFFFD && !d->warned_surrogate++)
			dec_warn(d, "unpaired UTF-16 surrogate replaced by U+FFFD");
		k = line_char(d, &cp, "characters");
		if (!k)
			continue;
		if (k == 1)
			d->col++;
		o += put_cp(out + o, cp);
	}
	d->rpos = i;
	return o;
}

/* Line ends, NULs and the position for the UTF-8 that iconv wrote to
 * out[from..to): compacted in place to out[*w..] (it only shrinks). */
static void iconv_post(pub__bib_dec *d, char *out, size_t from, size_t to,
	size_t *w)
{
	size_t i;
	for (i = from; i < to; i++) {
		unsigned c = (unsigned char)out[i];
		int k = line_char(d, &c, "characters");
		if (!k)
			continue;
		if (k == 1 && (c & 0xC0) != 0x80) /* a character's first byte */
			d->col++;
		out[(*w)++] = (char)c;
	}
}

static size_t decode_iconv(pub__bib_dec *d, char *out, size_t cap)
{
	char *in = (char *)d->raw + d->rpos, *o = out;
	size_t inleft = d->rlen - d->rpos, oleft = cap - 3, w = 0, done = 0;
	while (inleft > 0) {
		size_t r = iconv(d->cd, &in, &inleft, &o, &oleft);
		int e = errno;
		iconv_post(d, out, done, (size_t)(o - out), &w);
		if (r != (size_t)-1 || e == E2BIG || (e == EINVAL && !d->eof))
			break;
		/* EILSEQ, or a sequence the end of the file cut short: U+FFFD
		 * for the byte (cap - 3 kept room for it), then go on. */
		if (!d->warned_invalid++)
			dec_warn(d, "byte 0x%02X is not valid %s; replaced by U+FFFD",
				(unsigned char)*in, d->ename);
		memcpy(out + w, "\xEF\xBF\xBD", 3);
		w += 3;
		d->col++;
		in++;
		inleft--;
		/* the U+FFFD took the 3 bytes kept in reserve; keep them again */
		o = out + w;
		done = w;
		if (cap - w < 3 + 4)
			break;
		oleft = cap - w - 3;
	}
	d->rpos = (size_t)((unsigned char *)in - d->raw);
	return w;
}

int pub__bib_dec_read(pub__bib_dec *d, char *out, size_t cap, size_t *n)
{
	int err;
	*n = 0;
	if (!d->started) {
		d->started = 1;
		if ((err = fill_raw(d)) < 0)
			return err;
		sniff(d);
	}
	for (;;) {
		size_t before = d->rpos;
		switch (d->enc) {
		case PUB__ENC_UTF16LE:
		case PUB__ENC_UTF16BE:
			*n = decode_utf16(d, out, cap);
			break;
		case PUB__ENC_LATIN1:
		case PUB__ENC_CP1252:
			*n = decode_8bit(d, out, cap);
			break;
		case PUB__ENC_ICONV:
			*n = decode_iconv(d, out, cap);
			break;
		default:
			*n = decode_utf8(d, out, cap);
			break;
		}
		if (*n > 0)
			return 0;
		if (d->eof && (d->rpos == d->rlen || d->rpos == before))
			return 0;
		/* Only dropped NULs, or an incomplete sequence: read on. */
		if (d->rpos == before || d->rlen - d->rpos < 4) {
			if ((err = fill_raw(d)) < 0)
				return err;
		}
	}
}
