/*
 * bibdump.c: prints what libpub's BibTeX reader sees in a file as JSON
 * lines ({"type","key","fields":[[name,value],...]}; errors as
 * {"error": "..."}), so the round-trip test can compare a corpus file with
 * its export entry by entry.  Usage: bibdump FILE; exit 1 on a fatal
 * error (pubtest.bibdump() raises then).  It is pubdb's own reader, so the
 * round trip checks pubdb against pubdb; bibtex_oracle.py is the
 * independent check of what the values mean.
 */
#include <jansson.h>
#include <stdio.h>

#include "bibtex/entry.h"
#include "bibtex/reader.h"

static void on_warn(const char *msg, void *ctx)
{
	(void)msg;
	(void)ctx;
}

int main(int argc, char **argv)
{
	pub__bib_reader *r;
	pub__bib_entry *e;
	FILE *fp;
	int rc;
	if (argc != 2) {
		fputs("usage: bibdump FILE\n", stderr);
		return 2;
	}
	if (!(fp = fopen(argv[1], "rb"))) {
		perror(argv[1]);
		return 1;
	}
	if (pub__bib_reader_new(&r, fp, argv[1], NULL, on_warn, NULL) < 0) {
		fprintf(stderr, "%s\n", pub_error_last());
		return 1;
	}
	while ((rc = pub__bib_reader_next(&e, r)) != 0) {
		json_t *o, *fields;
		size_t i;
		if (rc < 0) {
			if (rc != PUB_EPARSE)
				break;
			o = json_pack("{s:s}", "error", pub_error_last());
		} else {
			fields = json_array();
			for (i = 0; i < e->nfields; i++)
				json_array_append_new(fields, json_pack("[s,s]",
					e->fields[i].name, e->fields[i].value));
			o = json_pack("{s:s, s:s, s:o}", "type", e->type, "key",
				e->key ? e->key : "", "fields", fields);
			pub__bib_entry_free(e);
		}
		json_dumpf(o, stdout, JSON_COMPACT | JSON_ENSURE_ASCII);
		fputc('\n', stdout);
		json_decref(o);
	}
	pub__bib_reader_free(r);
	fclose(fp);
	return rc < 0 ? 1 : 0;
}
