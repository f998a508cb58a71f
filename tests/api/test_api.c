/*
 * test_api.c: libpub through its public header alone (after cmark's
 * api_test).  Built with lib/include as the only library include dir and
 * linked against the shared library, which exports pub_* and nothing else,
 * so anything used here is public API.  A temp dir holds the database and
 * the .bib file; expectations are written here, not computed by libpub.
 */
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "pub.h"
#include "../harness.h" /* the tests' tiny harness, not libpub */

static char dir[64], dbpath[128], bibpath[128];

static const char *bib =
	"% three papers, a duplicate of one, and a broken entry\n"
	"@inproceedings{zhao2024realtime,\n"
	"  title = {Real-Time Video Generation with Pyramid Attention Broadcast},\n"
	"  author = {Zhao, Xuanlei and Jin, Xiaolong and Wang, Kai and You, Yang},\n"
	"  booktitle = {ICLR},\n"
	"  year = 2024,\n"
	"  eprint = {2408.12588}, archiveprefix = {arXiv},\n"
	"}\n"
	"@inproceedings{cheng2024fastfold,\n"
	"  title = {{FastFold}: Optimizing {AlphaFold} Training and Inference on {GPU} Clusters},\n"
	"  author = {Cheng, Shenggan and Zhao, Xuanlei and Lu, Guangyang},\n"
	"  booktitle = {PPoPP},\n"
	"  year = {2024},\n"
	"  doi = {10.1145/3627535.3638465},\n"
	"}\n"
	"@book{knuth1968art,\n"
	"  title = {The Art of Computer Programming},\n"
	"  author = {Knuth, Donald E.},\n"
	"  publisher = {Addison-Wesley},\n"
	"  year = {1968},\n"
	"}\n"
	"@misc{fastfold-again,\n"
	"  title = {FastFold, as a preprint listed it},\n"
	"  doi = {https://doi.org/10.1145/3627535.3638465},\n"
	"  pages = {417--430},\n"
	"}\n"
	"@article{broken,\n"
	"  title = {a missing comma} author = {Nobody}\n"
	"}\n";

typedef struct {
	char text[2048];
	int n;
} collected;

static int collect_setting(const char *key, const char *value, void *ctx)
{
	collected *c = ctx;
	size_t len = strlen(c->text);
	snprintf(c->text + len, sizeof(c->text) - len, "%s=%s;", key, value);
	c->n++;
	return 0;
}

static int collect_key(const pub_paper *p, void *ctx)
{
	collected *c = ctx;
	size_t len = strlen(c->text);
	snprintf(c->text + len, sizeof(c->text) - len, "%s;", p->key);
	c->n++;
	return 0;
}

static int stop_after_one(const pub_paper *p, void *ctx)
{
	(void)p;
	(void)ctx;
	return 42;
}

static int count_repo(const pub_repo *r, void *ctx)
{
	collected *c = ctx;
	size_t len = strlen(c->text);
	snprintf(c->text + len, sizeof(c->text) - len, "%s/%s %s;", r->owner, r->name,
		r->url);
	c->n++;
	return 0;
}

static void count_finding(const char *finding, void *ctx)
{
	collected *c = ctx;
	size_t len = strlen(c->text);
	snprintf(c->text + len, sizeof(c->text) - len, "%s\n", finding);
	c->n++;
}

/* The whole of `fp` (rewound) as a malloc'd string. */
static char *slurp(FILE *fp)
{
	long n;
	char *s;
	fflush(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	s = calloc(1, (size_t)(n > 0 ? n : 0) + 1);
	if (s && n > 0 && fread(s, 1, (size_t)n, fp) != (size_t)n)
		s[0] = '\0';
	return s;
}

static const char *field(const pub_paper *p, const char *name)
{
	size_t i;
	for (i = 0; p && i < p->nfields; i++)
		if (strcmp(p->fields[i].name, name) == 0)
			return p->fields[i].value;
	return NULL;
}

static void test_version(void)
{
	pub_init();
	STR_EQ(pub_version(), PUB_VERSION, "pub_version() is the header's PUB_VERSION");
	OK(pub_db_schema_version() >= 3, "schema version %d", pub_db_schema_version());
}

static void test_open(void)
{
	pub_db *db = (pub_db *)1;
	int rc = pub_db_open(&db, dbpath, PUB_OPEN_READONLY);
	OK(rc == PUB_ENOTFOUND, "read-only open of a missing file: %d", rc);
	OK(db == NULL, "no handle on failure");
	OK(pub_error_code() == PUB_ENOTFOUND, "pub_error_code() %d", pub_error_code());
	OK(strstr(pub_error_last(), "no database at") != NULL, "message: %s", pub_error_last());
	OK(strstr(pub_error_last(), dbpath) != NULL, "message names the path: %s",
		pub_error_last());
	OK(access(dbpath, F_OK) != 0, "a failed open creates no file");
	pub_error_clear();
	OK(pub_error_code() == 0, "cleared");
	rc = pub_db_open(&db, "", PUB_OPEN_CREATE);
	OK(rc == PUB_EINVAL, "empty path: %d", rc);
	rc = pub_db_open(&db, dir, PUB_OPEN_CREATE);
	OK(rc == PUB_EINVAL, "a directory: %d", rc);
	pub_db_free(NULL);
}

static void test_config(pub_db *db)
{
	collected c;
	char *v = (char *)1;
	OK(pub_config_get(&v, db, "owner") == 0, "get unset");
	OK(v == NULL, "unset is NULL");
	OK(pub_config_set(db, "owner", "Xuanlei Zhao") == 0, "set owner");
	OK(pub_config_set(db, "email", "x@example.org") == 0, "set email");
	OK(pub_config_set(db, "email", "zhao@example.org") == 0, "set again replaces");
	OK(pub_config_get(&v, db, "owner") == 0, "get owner");
	STR_EQ(v, "Xuanlei Zhao", "owner");
	free(v);
	OK(pub_config_get(&v, db, "email") == 0, "get email");
	STR_EQ(v, "zhao@example.org", "email replaced");
	free(v);
	memset(&c, 0, sizeof(c));
	OK(pub_config_foreach(db, collect_setting, &c) == 0, "foreach");
	/* Key order: email before owner. */
	OK(strstr(c.text, "email=zhao@example.org;owner=Xuanlei Zhao;") != NULL,
		"foreach in key order: %s", c.text);
	OK(pub_config_set(db, "email", NULL) == 0, "unset");
	OK(pub_config_get(&v, db, "email") == 0 && v == NULL, "unset reads NULL");
	free(v);
}

static void test_import(pub_db *db)
{
	pub_import_opts opts;
	pub_import_stats st = PUB_IMPORT_STATS_INIT;
	FILE *fp = fopen(bibpath, "w");
	int rc;
	OK(fp != NULL, "write the .bib");
	if (!fp)
		return;
	fputs(bib, fp);
	fclose(fp);
	OK(pub_import_options_init(&opts, PUB_IMPORT_OPTIONS_VERSION) == 0, "import options init");
	rc = pub_import_bibtex(db, bibpath, &opts, &st);
	OK(rc == 0, "import: %d %s", rc, pub_error_last());
	OK(st.entries == 4, "4 entries read, got %zu", st.entries);
	OK(st.added == 3, "3 added, got %zu", st.added);
	OK(st.merged == 1, "1 merged, got %zu", st.merged);
	OK(st.skipped == 1, "1 skipped, got %zu", st.skipped);
	OK(st.warnings >= 1, "the broken entry warns, got %zu", st.warnings);

	/* --strict: the broken entry aborts and nothing changes. */
	opts.strict = 1;
	rc = pub_import_bibtex(db, bibpath, &opts, &st);
	OK(rc == PUB_EPARSE, "strict import of a broken file: %d", rc);
	OK(strstr(pub_error_last(), ":") != NULL, "message has a position: %s", pub_error_last());

	rc = pub_import_bibtex(db, "/nonexistent/x.bib", NULL, NULL);
	OK(rc < 0, "a missing file fails: %d", rc);
	OK(strstr(pub_error_last(), "/nonexistent/x.bib") != NULL, "and names it: %s",
		pub_error_last());
}

static void test_get(pub_db *db)
{
	pub_paper *p = NULL;
	int rc = pub_paper_get(&p, db, "zhao2024realtime");
	OK(rc == 0 && p, "get: %d", rc);
	if (p) {
		STR_EQ(p->key, "zhao2024realtime", "key");
		STR_EQ(p->type, "inproceedings", "type");
		STR_EQ(p->title, "Real-Time Video Generation with Pyramid Attention Broadcast", "title");
		OK(p->year == 2024, "year %d", p->year);
		STR_EQ(p->arxiv, "2408.12588", "arxiv id");
		STR_EQ(p->doi, NULL, "no DOI");
		OK(p->nauthors == 4, "4 authors, got %zu", p->nauthors);
		if (p->nauthors == 4) {
			STR_EQ(p->authors[0].given, "Xuanlei", "first author given");
			STR_EQ(p->authors[0].family, "Zhao", "first author family");
			STR_EQ(p->authors[0].name, "Xuanlei Zhao", "first author display name");
			STR_EQ(p->authors[3].family, "You", "last author");
		}
		STR_EQ(field(p, "booktitle"), "ICLR", "booktitle field");
		STR_EQ(field(p, "year"), "2024", "year field");
		OK(p->nfields == 6, "6 fields, got %zu", p->nfields);
		OK(p->added && strlen(p->added) == 20 && p->added[19] == 'Z', "added is ISO UTC: %s",
			p->added ? p->added : "(null)");
	}
	pub_paper_free(p);
	p = NULL;

	OK(pub_paper_get(&p, db, "cheng2024fastfold") == 0, "get the merged paper");
	if (p) {
		STR_EQ(p->title, "FastFold: Optimizing AlphaFold Training and Inference on GPU Clusters",
			"braces dropped from the title");
		STR_EQ(p->doi, "10.1145/3627535.3638465", "doi");
		STR_EQ(field(p, "pages"), "417--430", "pages filled by the merge");
		STR_EQ(field(p, "title"),
			"{FastFold}: Optimizing {AlphaFold} Training and Inference on {GPU} Clusters",
			"title field as written, not overwritten");
		OK(p->nauthors == 3, "3 authors, got %zu", p->nauthors);
	}
	pub_paper_free(p);
	p = NULL;

	/* The duplicate's key is an alias: it names the merged paper. */
	OK(pub_paper_get(&p, db, "fastfold-again") == 0, "the duplicate's key still resolves");
	STR_EQ(p ? p->key : NULL, "cheng2024fastfold", "to the merged paper");
	OK(p && p->naliases == 1 && strcmp(p->aliases[0], "fastfold-again") == 0,
		"listed as its alias");
	pub_paper_free(p);
	p = (pub_paper *)1;
	OK(pub_paper_get(&p, db, "no-such-key") == PUB_ENOTFOUND, "an unknown key");
	OK(p == NULL, "no paper on failure");
	OK(pub_paper_get(&p, db, "KNUTH1968ART") == 0, "keys compare without case");
	STR_EQ(p ? p->key : NULL, "knuth1968art", "stored spelling");
	pub_paper_free(p);
	pub_paper_free(NULL);
}

static void test_foreach_and_search(pub_db *db)
{
	pub_filter f;
	collected c;
	int rc;
	pub_filter_init(&f, PUB_FILTER_VERSION);
	memset(&c, 0, sizeof(c));
	OK(pub_paper_foreach(db, &f, collect_key, &c) == 0, "foreach all");
	OK(c.n == 3, "3 papers, got %d (%s)", c.n, c.text);
	OK(strstr(c.text, "knuth1968art;") == c.text + strlen(c.text) - strlen("knuth1968art;"),
		"newest first, 1968 last: %s", c.text);

	memset(&c, 0, sizeof(c));
	f.author = "Xuanlei Zhao";
	OK(pub_paper_foreach(db, &f, collect_key, &c) == 0, "foreach by author");
	OK(c.n == 2, "2 papers by Zhao, got %d (%s)", c.n, c.text);
	OK(strstr(c.text, "zhao2024realtime;") && strstr(c.text, "cheng2024fastfold;"),
		"both of his: %s", c.text);

	memset(&c, 0, sizeof(c));
	pub_filter_init(&f, PUB_FILTER_VERSION);
	f.query = "year:1960-1970";
	OK(pub_paper_foreach(db, &f, collect_key, &c) == 0, "foreach by query");
	STR_EQ(c.text, "knuth1968art;", "year range");

	memset(&c, 0, sizeof(c));
	pub_filter_init(&f, PUB_FILTER_VERSION);
	f.key = "cheng2024fastfold";
	OK(pub_paper_foreach(db, &f, collect_key, &c) == 0, "foreach by key");
	STR_EQ(c.text, "cheng2024fastfold;", "one key");

	pub_filter_init(&f, PUB_FILTER_VERSION);
	rc = pub_paper_foreach(db, &f, stop_after_one, NULL);
	OK(rc == 42, "a callback's non-zero return stops the walk: %d", rc);

	memset(&c, 0, sizeof(c));
	OK(pub_search(db, "pyramid", collect_key, &c) == 0, "search a title word");
	STR_EQ(c.text, "zhao2024realtime;", "full-text hit");
	memset(&c, 0, sizeof(c));
	OK(pub_search(db, "author:knuth", collect_key, &c) == 0, "search by author");
	STR_EQ(c.text, "knuth1968art;", "author filter");
	memset(&c, 0, sizeof(c));
	OK(pub_search(db, "nosuchwordanywhere", collect_key, &c) == 0, "search misses");
	OK(c.n == 0, "no hits, got %d", c.n);
	memset(&c, 0, sizeof(c));
	OK(pub_search(db, "\"unbalanced AND (", collect_key, &c) >= 0 || pub_error_last()[0],
		"FTS5 syntax from the user is no crash");
}

static void test_export(pub_db *db)
{
	pub_export_opts o;
	FILE *fp = tmpfile();
	char *s;
	int rc;
	OK(fp != NULL, "tmpfile");
	if (!fp)
		return;
	pub_export_options_init(&o, PUB_EXPORT_OPTIONS_VERSION);
	o.format = PUB_FORMAT_BIBTEX;
	rc = pub_export(db, &o, fp);
	OK(rc == 0, "BibTeX export: %d %s", rc, pub_error_last());
	s = slurp(fp);
	OK(s && strstr(s, "@inproceedings{zhao2024realtime,"), "BibTeX entry head");
	OK(s && strstr(s, "{Real-Time Video Generation with Pyramid Attention Broadcast}"),
		"title value");
	OK(s && strstr(s, "@book{knuth1968art,"), "the book");
	OK(s && strstr(s, "{Addison-Wesley}"), "publisher");
	OK(s && strstr(s, "{417--430}"), "the merged field");
	OK(s && strstr(s, "@misc{fastfold-again,\n  title = {FastFold, as a preprint listed it},") &&
		strstr(s, "pubdb-alias-of = {cheng2024fastfold}"),
		"the alias stays citable: the entry as read, naming its paper");
	free(s);
	fclose(fp);

	fp = tmpfile();
	if (!fp)
		return;
	pub_export_options_init(&o, PUB_EXPORT_OPTIONS_VERSION);
	o.format = PUB_FORMAT_JSON;
	o.filter.key = "knuth1968art";
	rc = pub_export(db, &o, fp);
	OK(rc == 0, "JSON export: %d %s", rc, pub_error_last());
	s = slurp(fp);
	OK(s && s[strspn(s, " \n")] == '[', "a JSON array");
	OK(s && strstr(s, "\"knuth1968art\""), "the key");
	OK(s && strstr(s, "\"The Art of Computer Programming\""), "the title");
	OK(s && strstr(s, "1968"), "the year");
	OK(s && !strstr(s, "zhao2024realtime"), "the filter holds");
	{
		/* the same export as text, as news gives its own */
		char *text = NULL;
		size_t len = 0;
		rc = pub_export_text(&text, &len, db, &o);
		OK(rc == 0 && text && s && len == strlen(s) && strcmp(text, s) == 0,
			"pub_export_text() is pub_export()'s bytes: %d %s", rc, pub_error_last());
		free(text);
	}
	/* one check of what goes with what, before anything is written */
	OK(pub_export_check(&o) == 0, "JSON with a filter goes");
	o.plain = 1;
	OK(pub_export_check(&o) == PUB_EINVAL && strstr(pub_error_last(), "'plain'"),
		"plain is BibTeX's: %s", pub_error_last());
	o.plain = 0;
	o.format = PUB_FORMAT_MARKDOWN;
	o.style = PUB_STYLE_ACAD_HOMEPAGE;
	o.jekyll_dir = "site";
	OK(pub_export_check(&o) == PUB_EINVAL, "acad-homepage into a Jekyll folder: %s",
		pub_error_last());
	o.jekyll_dir = NULL;
	o.static_stars = 1;
	OK(pub_export_check(&o) == 0, "acad-homepage with static stars: %s", pub_error_last());
	o.style = PUB_STYLE_PUBDB;
	OK(pub_export_check(&o) == PUB_EINVAL, "static stars are acad-homepage's");
	o.static_stars = 0;
	o.dialect = PUB_DIALECT_AL_FOLIO;
	OK(pub_export_check(&o) == PUB_EINVAL, "a dialect is BibTeX's");
	o.format = PUB_FORMAT_BIBTEX;
	OK(pub_export_check(&o) == 0, "al-folio's BibTeX");
	free(s);
	fclose(fp);

	/* the CV (version 2: since) */
	fp = tmpfile();
	if (!fp)
		return;
	pub_export_options_init(&o, PUB_EXPORT_OPTIONS_VERSION);
	o.format = PUB_FORMAT_CV_LATEX;
	o.since = 2000;
	rc = pub_export(db, &o, fp);
	OK(rc == 0, "CV export: %d %s", rc, pub_error_last());
	s = slurp(fp);
	OK(s && strstr(s, "\\providecommand{\\pubdbme}"), "the CV's markup");
	OK(s && strstr(s, "Real-Time Video Generation"), "a paper since 2000");
	OK(s && !strstr(s, "Art of Computer Programming"), "no paper of 1968");
	OK(s && !strstr(s, "\\documentclass"), "a fragment");
	free(s);
	fclose(fp);
	fp = tmpfile();
	if (!fp)
		return;
	pub_export_options_init(&o, PUB_EXPORT_OPTIONS_VERSION);
	o.format = PUB_FORMAT_CV_JSON_RESUME;
	rc = pub_export(db, &o, fp);
	OK(rc == 0, "JSON Resume export: %d %s", rc, pub_error_last());
	s = slurp(fp);
	OK(s && strstr(s, "\"publications\"") && strstr(s, "\"releaseDate\": \"1968\""),
		"JSON Resume publications");
	free(s);
	fclose(fp);
	pub_export_options_init(&o, PUB_EXPORT_OPTIONS_VERSION);
	o.format = PUB_FORMAT_HTML;
	o.since = 2000;
	OK(pub_export(db, &o, stdout) == PUB_EINVAL, "since takes a CV format");
	o.format = PUB_FORMAT_CV_LATEX;
	o.since = 99;
	OK(pub_export(db, &o, stdout) == PUB_EINVAL, "since is a year");
}

static void test_repo(pub_db *db)
{
	collected c;
	int rc = pub_repo_add(db, "https://example.org/not/github", NULL);
	OK(rc == PUB_EINVAL, "a URL that is not GitHub: %d", rc);
	OK(strstr(pub_error_last(), "https://example.org/not/github") != NULL,
		"message quotes the URL: %s", pub_error_last());
	OK(strstr(pub_error_last(), "GitHub") != NULL, "and says why: %s", pub_error_last());
	rc = pub_repo_add(db, "https://github.com/hpcaitech/FastFold", "protein folding");
	OK(rc == 0, "a GitHub URL: %d %s", rc, pub_error_last());
	memset(&c, 0, sizeof(c));
	OK(pub_repo_foreach(db, 1, count_repo, &c) == 0, "repo foreach");
	STR_EQ(c.text, "hpcaitech/FastFold https://github.com/hpcaitech/FastFold;",
		"the standalone repository");
}

static int count_news(const pub_news_item *it, void *ctx)
{
	collected *c = ctx;
	snprintf(c->text + strlen(c->text), sizeof(c->text) - strlen(c->text), "%s %s %s;",
		it->kind, it->repo ? it->repo : "-", it->url ? it->url : "-");
	return 0;
}

/* The news so far: the repository test_repo() added (today), and the two
 * papers of the owner's the .bib import stored (of 2024; Knuth's is none). */
static void test_news(pub_db *db)
{
	pub_news_opts o = PUB_NEWS_OPTIONS_INIT;
	collected c;
	char *text = NULL;
	OK(pub_news_options_init(&o, 99) == PUB_EINVAL, "news init of an unknown version");
	OK(pub_news_options_init(&o, PUB_NEWS_OPTIONS_VERSION) == 0, "news init");
	memset(&c, 0, sizeof(c));
	OK(pub_news_foreach(db, NULL, count_news, &c) == 0, "news foreach: %s", pub_error_last());
	STR_EQ(c.text, "repo hpcaitech/FastFold https://github.com/hpcaitech/FastFold;"
		"paper - https://doi.org/10.1145/3627535.3638465;"
		"paper - https://arxiv.org/abs/2408.12588;", "the repository added, the owner's papers");
	OK(pub_news_render(&text, db, &o) == 0, "news render: %s", pub_error_last());
	OK(text && strstr(text, "Release [FastFold](https://github.com/hpcaitech/FastFold)!\n"),
		"Markdown news: %s", text ? text : "(null)");
	free(text);
	o.since = "someday";
	OK(pub_news_render(&text, db, &o) == PUB_EINVAL, "a malformed --since");
	OK(text == NULL, "nothing rendered then");
}

static int has_tag(const pub_paper *p, const char *tag)
{
	size_t i;
	for (i = 0; p && i < p->ntags; i++)
		if (strcmp(p->tags[i], tag) == 0)
			return 1;
	return 0;
}

static const char *link_url(const pub_paper *p, const char *kind)
{
	size_t i;
	for (i = 0; p && i < p->nlinks; i++)
		if (strcmp(p->links[i].kind, kind) == 0)
			return p->links[i].url;
	return NULL;
}

/* The typed calls that replaced "FIELD=VALUE", "+T"/"-T" and "KIND=URL". */
static void test_typed_changes(pub_db *db)
{
	const pub_assignment edits[] = {{"venue", "ICLR 2025"}, {"note", "an extra field"}};
	const pub_assignment as_string[] = {{"equal", "1,2"}};
	const unsigned int equal[] = {1, 2}, no_author[] = {1, 99};
	pub_paper_marks marks = PUB_PAPER_MARKS_INIT;
	const pub_assignment bad[] = {{"venue", "PPoPP 2024"}, {"year", "not a year"}};
	const pub_tag_change tags[] = {{"Efficient Video Generation", 0}, {"-q", 0},
		{"q", 0}, {"q", 1}};
	pub_filter f;
	pub_export_opts eo;
	pub_import_opts io;
	pub_paper *p = NULL;
	int rc;

	marks.selected = 1;
	marks.set_equal = 1;
	marks.equal = equal;
	marks.nequal = 2;
	rc = pub_paper_change(db, "zhao2024realtime", edits, 2, &marks);
	OK(rc == 0, "edit: %d %s", rc, pub_error_last());
	OK(pub_paper_get(&p, db, "zhao2024realtime") == 0, "get after edit");
	STR_EQ(p ? p->venue : NULL, "ICLR 2025", "venue set");
	OK(p && p->selected == 1, "selected set");
	OK(p && p->nauthors >= 2 && p->authors[0].equal && p->authors[1].equal,
		"equal contribution on positions 1 and 2");
	OK(p && p->nauthors >= 3 && !p->authors[2].equal, "not on position 3");
	pub_paper_free(p);
	p = NULL;

	/* All or nothing: a bad year undoes the venue before it. */
	rc = pub_paper_edit(db, "zhao2024realtime", bad, 2);
	OK(rc == PUB_EINVAL, "a bad year is refused: %d %s", rc, pub_error_last());
	OK(pub_paper_get(&p, db, "zhao2024realtime") == 0, "get after a refused edit");
	STR_EQ(p ? p->venue : NULL, "ICLR 2025", "the venue before the bad year is not applied");
	pub_paper_free(p);
	p = NULL;

	/* The marks are typed: no "1,2" string, and all or nothing too. */
	OK(pub_paper_edit(db, "zhao2024realtime", as_string, 1) == PUB_EINVAL,
		"equal is a mark, not an assignment");
	OK(pub_paper_set_equal(db, "zhao2024realtime", no_author, 2) == PUB_EINVAL,
		"an author the paper lacks is refused");
	OK(pub_paper_set_selected(db, "zhao2024realtime", 0) == 0, "selected cleared");
	OK(pub_paper_get(&p, db, "zhao2024realtime") == 0, "get after the marks");
	OK(p && p->selected == 0 && p->authors[0].equal && p->authors[1].equal,
		"selection cleared, the refused equal changed nothing");
	pub_paper_free(p);
	p = NULL;
	OK(pub_paper_set_selected(db, "zhao2024realtime", 1) == 0, "selected again");

	rc = pub_paper_set(db, "zhao2024realtime", "note", NULL);
	OK(rc == 0, "set NULL removes a field: %d %s", rc, pub_error_last());

	/* Tags are data, whatever they look like: "-q" is a tag, not an option. */
	rc = pub_paper_tag(db, "zhao2024realtime", tags, 4);
	OK(rc == 0, "tag changes: %d %s", rc, pub_error_last());
	OK(pub_paper_tag_remove(db, "zhao2024realtime", "absent") == 0,
		"removing a tag the paper lacks is fine");
	OK(pub_paper_tag_add(db, "nosuchkey", "x") == PUB_ENOTFOUND, "tag of a missing paper");
	OK(pub_paper_get(&p, db, "zhao2024realtime") == 0, "get after tags");
	OK(has_tag(p, "Efficient Video Generation"), "tag added");
	OK(has_tag(p, "-q"), "a tag that looks like an option");
	OK(!has_tag(p, "q"), "q added then removed");
	pub_paper_free(p);
	p = NULL;

	rc = pub_paper_link_add(db, "zhao2024realtime", "blog", "https://oahzxl.github.io/PAB/");
	OK(rc == 0, "link add: %d %s", rc, pub_error_last());
	rc = pub_paper_link_add(db, "zhao2024realtime", "blog", "javascript:alert(1)");
	OK(rc == PUB_EINVAL, "a link that is not http(s) is refused: %d", rc);
	OK(pub_paper_get(&p, db, "zhao2024realtime") == 0, "get after link");
	STR_EQ(link_url(p, "blog"), "https://oahzxl.github.io/PAB/", "the blog link");
	pub_paper_free(p);
	p = NULL;
	rc = pub_paper_link_remove(db, "zhao2024realtime", "blog", NULL);
	OK(rc == 0, "link remove: %d %s", rc, pub_error_last());
	rc = pub_paper_link_remove(db, "zhao2024realtime", "blog", NULL);
	OK(rc == PUB_ENOTFOUND, "removing it again: %d", rc);
	OK(pub_paper_get(&p, db, "zhao2024realtime") == 0, "get after unlink");
	OK(link_url(p, "blog") == NULL, "the blog link is gone");
	pub_paper_free(p);

	/* Options structs carry a version; an unknown one is refused. */
	pub_filter_init(&f, PUB_FILTER_VERSION);
	f.version = 999;
	rc = pub_paper_foreach(db, &f, stop_after_one, NULL);
	OK(rc == PUB_EINVAL, "a filter of an unknown version: %d", rc);
	OK(pub_filter_init(&f, 999) == PUB_EINVAL, "filter init of an unknown version");
	OK(pub_export_options_init(&eo, 999) == PUB_EINVAL, "export init of an unknown version");
	pub_export_options_init(&eo, PUB_EXPORT_OPTIONS_VERSION);
	eo.version = 0;
	OK(pub_export(db, &eo, stdout) == PUB_EINVAL, "export of an unknown version");
	OK(pub_import_options_init(&io, PUB_IMPORT_OPTIONS_VERSION + 1) == PUB_EINVAL, "import init of an unknown version");
}

/* pub_file: a symlink is written through, an existing file keeps its mode,
 * a discarded file leaves the target as it was. */
static void test_file(void)
{
	char target[300], link[300], buf[64] = "";
	pub_file *f = NULL;
	struct stat st;
	FILE *fp;
	snprintf(target, sizeof(target), "%s/page.html", dir);
	snprintf(link, sizeof(link), "%s/link.html", dir);
	fp = fopen(target, "w");
	OK(fp != NULL, "write the target");
	if (!fp)
		return;
	fputs("old", fp);
	fclose(fp);
	OK(chmod(target, 0644) == 0 && symlink("page.html", link) == 0, "mode and symlink");
	OK(pub_file_open(&f, link) == 0, "open through the link: %s", pub_error_last());
	fputs("new", pub_file_stream(f));
	pub_file_free(f); /* discarded */
	fp = fopen(target, "r");
	OK(fp && fgets(buf, sizeof(buf), fp) && strcmp(buf, "old") == 0, "discarded: old text kept");
	if (fp)
		fclose(fp);
	OK(pub_file_open(&f, link) == 0, "open again: %s", pub_error_last());
	fputs("new", pub_file_stream(f));
	OK(pub_file_commit(f) == 0, "commit: %s", pub_error_last());
	fp = fopen(target, "r");
	OK(fp && fgets(buf, sizeof(buf), fp) && strcmp(buf, "new") == 0, "committed: new text in the target");
	if (fp)
		fclose(fp);
	OK(lstat(link, &st) == 0 && S_ISLNK(st.st_mode), "the link is still a link");
	OK(stat(target, &st) == 0 && (st.st_mode & 07777) == 0644, "the mode is kept: %o",
		(unsigned)(st.st_mode & 07777));
	OK(pub_file_open(&f, "/nonexistent-dir/x.html") < 0 && f == NULL, "a folder that is missing");
	OK(strstr(pub_error_last(), "/nonexistent-dir/x.html") != NULL, "the message names the file: %s",
		pub_error_last());
	pub_file_free(NULL);
}

static void test_remove_and_doctor(pub_db *db)
{
	pub_paper *p = NULL;
	collected c;
	int rc;
	OK(pub_paper_remove(db, "knuth1968art") == 0, "remove");
	OK(pub_paper_get(&p, db, "knuth1968art") == PUB_ENOTFOUND, "gone");
	OK(p == NULL, "no paper");
	OK(pub_paper_remove(db, "knuth1968art") == PUB_ENOTFOUND, "remove twice");
	memset(&c, 0, sizeof(c));
	rc = pub_doctor(db, count_finding, &c);
	OK(rc == 0, "doctor finds no problem: %d\n%s", rc, c.text);
}

/* Citation counts through the public header: none stored yet, so the
 * totals count papers only; the h-index on its own. */
static void test_citations(pub_db *db)
{
	static const long counts[] = {10, 10, 3, 1};
	pub_stats s = PUB_STATS_INIT;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;
	OK(pub_stats_get(&s, db) == 0, "stats: %s", pub_error_last());
	OK(s.papers > 0 && s.citations == 0 && s.h_index == 0 && s.i10_index == 0,
		"no counts yet");
	OK(pub_h_index(counts, 4) == 3, "h-index 3");
	s.citations = 345;
	s.h_index = 5;
	fp = open_memstream(&buf, &len);
	OK(fp && pub_stats_svg(&s, fp) == 0, "badge");
	if (fp)
		fclose(fp);
	OK(buf && strstr(buf, "<title>citations: 345, h-index: 5</title>"), "badge text");
	free(buf);
	OK(pub_citations_history_foreach(db, "no-such-key", NULL, NULL) == PUB_ENOTFOUND,
		"history of an unknown key");
}

static void test_readonly(void)
{
	pub_db *db = NULL;
	pub_paper *p = NULL;
	int rc = pub_db_open(&db, dbpath, PUB_OPEN_READONLY);
	OK(rc == 0, "read-only open of an existing file: %d %s", rc, pub_error_last());
	if (!db)
		return;
	OK(pub_paper_get(&p, db, "zhao2024realtime") == 0, "reading works");
	pub_paper_free(p);
	OK(pub_config_set(db, "owner", "Someone Else") < 0, "writing fails");
	pub_db_free(db);
}

int main(void)
{
	pub_db *db = NULL;
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof(dir), "%s/pubapi-XXXXXX", tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 2;
	}
	snprintf(dbpath, sizeof(dbpath), "%s/sub/pub.sqlite3", dir);
	snprintf(bibpath, sizeof(bibpath), "%s/in.bib", dir);

	test_version();
	test_open();
	OK(pub_db_open(&db, dbpath, PUB_OPEN_CREATE) == 0, "create (and its directory): %s",
		pub_error_last());
	if (!db)
		return test_summary();
	test_config(db);
	test_import(db);
	test_get(db);
	test_foreach_and_search(db);
	test_export(db);
	test_repo(db);
	test_news(db);
	test_typed_changes(db);
	test_citations(db);
	test_file();
	test_remove_and_doctor(db);
	pub_db_free(db);
	test_readonly();

	{
		char cmd[160];
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", dir);
	}
	return test_summary();
}
