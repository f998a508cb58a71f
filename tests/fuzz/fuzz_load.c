/*
 * fuzz_load.c: libFuzzer target for the loader of dumps (lib/store/load.c):
 * the input is loaded, as `pubdb load` reads a file, into an in-memory
 * database.  Whatever loads must dump, load and dump again to the same
 * bytes (the round trip docs/dump.md promises).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pub.h"
#include "store/dump.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static pub_db *memory_db(void)
{
	pub_db *db = NULL;
	if (pub_db_open(&db, ":memory:", PUB_OPEN_CREATE) < 0)
		abort();
	return db;
}

static char *dump(pub_db *db, size_t *n)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, n);
	if (!f || pub_db_dump(db, f) < 0)
		abort();
	fclose(f);
	return text;
}

static int load(pub_db *db, const void *data, size_t size)
{
	FILE *f;
	int err;
	if (!(f = fmemopen((void *)data, size, "r")))
		abort();
	err = pub__load_stream(NULL, db, f, "fuzz");
	fclose(f);
	return err;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pub_db *db = memory_db(), *again;
	char *one, *two;
	size_t n1 = 0, n2 = 0;
	/* fmemopen() refuses an empty buffer; an empty dump is an error */
	if (size == 0 || load(db, data, size) < 0) {
		pub_db_free(db);
		return 0;
	}
	one = dump(db, &n1);
	again = memory_db();
	if (load(again, one, n1) < 0) {
		fprintf(stderr, "a dump does not load: %s\n%s", pub_error_last(), one);
		abort();
	}
	two = dump(again, &n2);
	if (n1 != n2 || memcmp(one, two, n1) != 0) {
		fprintf(stderr, "dump, load, dump differs:\n%s---\n%s", one, two);
		abort();
	}
	free(one);
	free(two);
	pub_db_free(again);
	pub_db_free(db);
	return 0;
}
