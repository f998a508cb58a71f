/*
 * source.c: the database side every network source shares.
 */
#include "net/source.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "text/latex.h"
#include "text/names.h"
#include "bibtex/entry.h"
#include "bibtex/writer.h"
#include "util/buf.h"
#include "net/arxiv.h"
#include "net/http.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pub__net_error(int err)
{
	char *msg;
	if (err != PUB_EPARSE)
		return err;
	msg = pub__strdup(pub_error_last());
	err = pub__error(PUB_ENET, "%s", msg);
	free(msg);
	return err;
}

void pub__record_clear(pub__record *r)
{
	pub__bib_entry_free(r->entry);
	free(r->source);
	if (r->arxiv) {
		pub__arxiv_paper_free(r->arxiv);
		free(r->arxiv);
	}
	memset(r, 0, sizeof(*r));
}

void pub__lookup_clear(pub__lookup *l)
{
	free(l->id);
	free(l->error);
	pub__record_clear(&l->record);
}

