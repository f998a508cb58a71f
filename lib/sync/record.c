/*
 * record.c: a service's record filed in the store (record.h): a source's
 * record or a profile's work stored as `pubdb add` stores an entry, the
 * arXiv extras BibTeX has no field for, and a dry run's report.
 */
#include "sync/record.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "text/latex.h"
#include "text/names.h"
#include "bibtex/entry.h"
#include "bibtex/value.h"
#include "bibtex/writer.h"
#include "ids/arxiv.h"
#include "ids/dblp.h"
#include "ids/doi.h"
#include "store/citations.h"
#include "store/db.h"
#include "store/events.h"
#include "store/import.h"
#include "store/inbox.h"
#include "store/links.h"
#include "store/merge.h"
#include "store/store.h"
#include "net/arxiv.h"
#include "net/http.h"
#include "net/profile.h"
#include "net/source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pub__arxiv_store_extras(pub_db *db, int64_t paper_id,
	const pub__arxiv_paper *p)
{
	char *url;
	int added, err = pub__store_arxiv_meta(db, paper_id, p->version, p->published, p->updated,
		p->primary_category);
	/* a new paper is news of the day it appeared on arXiv */
	if (err == 0)
		err = pub__event_paper_day(db, paper_id, p->published);
	if (err < 0)
		return err;
	url = pub__sprintf("https://arxiv.org/abs/%s", p->id);
	/* found links: a link the user removed is not added back, and the
	 * abstract's code link only to a paper without one */
	err = pub__store_found_link(&added, db, paper_id, "paper", url, "arxiv", 0);
	free(url);
	if (err == 0 && p->code_url)
		err = pub__store_found_link(&added, db, paper_id, "code", p->code_url, "arxiv", 1);
	return err;
}

/* A published version usually carries a later year than its preprint, so
 * the title + year + first author rule misses it.  A DOI entry whose folded
 * title and first author match a stored arXiv paper without a DOI, from
 * the same year or the one before, gets that paper's eprint and so merges
 * into it by arXiv id. */
static int point_at_preprint(pub_db *db, pub__bib_entry *e)
{
	const char *t = pub__bib_entry_get(e, "title");
	const char *y = pub__bib_entry_get(e, "year");
	const char *list = pub__bib_entry_get(e, "author");
	pub__name *names = NULL;
	size_t n = 0;
	char *title = NULL, *title_key = NULL, *author = NULL, *arxiv = NULL;
	int err = 0, year = y ? atoi(y) : 0;
	if (!t || !list || year <= 0 || pub__bib_entry_get(e, "eprint"))
		return 0;
	pub__names_parse(&names, &n, list);
	if (n > 0 && !names[0].others && names[0].last)
		author = pub__fold_ascii(names[0].last);
	pub__names_free(names, n);
	title = pub__latex_to_unicode(t);
	title_key = pub__fold_ascii(title);
	if (!author || !*title_key)
		goto done;
	if ((err = pub__store_preprint_of(&arxiv, db, title_key, author, year)) < 0)
		goto done;
	if (arxiv) {
		pub__bib_entry_add(e, "eprint", arxiv);
		pub__bib_entry_add(e, "archiveprefix", "arXiv");
	}
done:
	free(title);
	free(title_key);
	free(author);
	free(arxiv);
	return err;
}

typedef struct stored {
	const pub_import_opts *user;
	char key[256];
} stored;

static void on_stored(const char *action, const char *key, const char *title,
	const char *source, void *ctx)
{
	stored *s = ctx;
	snprintf(s->key, sizeof(s->key), "%s", key);
	if (s->user->on_paper)
		s->user->on_paper(action, key, title, source, s->user->paper_ctx);
}

static void on_merged(const pub_merge_info *m, void *ctx)
{
	stored *s = ctx;
	if (s->user->on_merge)
		s->user->on_merge(m, s->user->paper_ctx);
}

int pub__record_store(int64_t *paper_id, pub_db *db, const pub__record *r,
	const pub_import_opts *opts, pub_import_stats *stats)
{
	pub_import_opts o = *opts;
	stored s;
	int err;
	*paper_id = 0;
	if (!opts->no_merge && (err = point_at_preprint(db, r->entry)) < 0)
		return err;
	s.user = opts;
	s.key[0] = '\0';
	o.on_paper = on_stored;
	o.on_merge = on_merged;
	o.paper_ctx = &s;
	if ((err = pub__import_entry(db, r->entry, r->source, &o, stats)) < 0)
		return err;
	if ((err = pub__store_paper_id(paper_id, db, s.key)) < 0)
		return err;
	if (r->arxiv && (err = pub__arxiv_store_extras(db, *paper_id, r->arxiv)) < 0)
		return err;
	if (r->has_crossref_count) {
		char now[21];
		pub__now_iso(now);
		if ((err = pub__citation_store(db, *paper_id, "crossref",
			     r->crossref_count, now, NULL)) > 0)
			err = 0;
	}
	return err;
}

void pub__dry_run_entry(const pub_import_opts *o, const pub__bib_entry *e, const char *key)
{
	pub__buf b = PUB__BUF_INIT;
	if (!o->on_dry_run)
		return;
	pub__bib_format_entry(&b, e->type, key, e->fields, e->nfields, 0);
	if (b.ptr)
		o->on_dry_run(b.ptr, o->dry_run_ctx);
	pub__buf_free(&b);
}

/* Stores one work the way `pubdb add` stores a record, after the DBLP key
 * rule the entry merge rules lack: a stored paper with the work's DBLP key
 * is the work.  Then the paper keeps the key and, when it has none, the
 * profile's venue badge. */
int pub__work_store(int64_t *paper_id, pub_db *db, const pub__work *w,
	const char *source, const pub_import_opts *opts, pub_import_stats *stats)
{
	pub__record r;
	char *badge = NULL;
	int64_t known = 0;
	int err;
	pub__work_to_record(&r, w, source);
	if (!opts->no_merge && (err = pub__inbox_stored_by_dblp(&known, db, w->dblp,
		     w->dblp_alt)) < 0)
		goto done;
	if (known) {
		int added = 0, authors = 0;
		if ((err = pub__merge_fill(&added, &authors, db, known, r.entry)) < 0)
			goto done;
		*paper_id = known;
		stats->merged++;
		if (opts->on_paper) {
			char *key = NULL;
			if ((err = pub__store_key_of(&key, db, known)) < 0)
				goto done;
			opts->on_paper("merged", key ? key : "", w->title, source, opts->paper_ctx);
			if (opts->on_merge) {
				pub_merge_info m = {NULL, source, key ? key : "", "same DBLP key", 0};
				opts->on_merge(&m, opts->paper_ctx);
			}
			free(key);
		}
	} else if ((err = pub__record_store(paper_id, db, &r, opts, stats)) < 0) {
		goto done;
	}
	badge = pub__work_badge(w);
	err = pub__store_profile_fill(db, *paper_id, w->dblp, badge, source);
done:
	free(badge);
	pub__record_clear(&r);
	return err;
}

