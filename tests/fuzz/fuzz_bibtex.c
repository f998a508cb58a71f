/*
 * fuzz_bibtex.c: libFuzzer target for the BibTeX reader.  The first byte
 * picks the encoding (detected, or one of the forced ones, gb18030 through
 * iconv among them); the rest is the file, fed through fmemopen() and
 * drained entry by entry.
 */
#include <stdint.h>
#include <stdio.h>

#include "bibtex/entry.h"
#include "bibtex/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const encs[8] = {NULL, NULL, "gb18030", "utf-8",
		"utf-16le", "utf-16be", "latin1", "windows-1252"};
	pub__bib_reader *r = NULL;
	pub__bib_entry *e;
	FILE *fp;
	int rc, guard = 0;
	if (size < 2)
		return 0;
	if (!(fp = fmemopen((void *)(data + 1), size - 1, "rb")))
		return 0;
	if (pub__bib_reader_new(&r, fp, "fuzz.bib", encs[data[0] & 7], NULL, NULL) == 0) {
		while ((rc = pub__bib_reader_next(&e, r)) != 0) {
			if (rc == 1) {
				/* touch the strings so ASan sees bad ones */
				size_t i, n = 0;
				for (i = 0; i < e->nfields; i++)
					n += (unsigned char)e->fields[i].value[0];
				guard += (int)(n & 1);
				pub__bib_entry_free(e);
			} else if (rc != PUB_EPARSE) {
				break;
			}
		}
		pub__bib_reader_free(r);
	}
	fclose(fp);
	return guard < 0;
}
