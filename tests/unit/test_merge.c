/*
 * test_merge.c: duplicates (lib/store/merge.c through pub__store_entry()):
 * an entry merges into the stored paper with the same DOI, the same arXiv
 * id however the entry spells it, or the same folded title, year and first
 * author unless a locator disagrees; re-importing an export under its own
 * key is the same paper; a merge fills missing fields and overwrites none.
 * Real SQLite files in a temp dir; values read back with pub_paper_get().
 */
#include "harness.h"
#include "store_fixture.h"

#include "store/alias.h"
#include "store/citekey.h"
#include "store/merge.h"

/* Stores `e` and checks whether it merged into the paper `want_key`
 * (merge) or became a new paper. */
#define STORE_EXPECT(db, e, merge, want_key, what)                              \
	do {                                                                    \
		pub__store_result r_;                                           \
		int rc_ = store((db), (e), &r_);                                \
		OK(rc_ == 0, "%s: store rc %d", (what), rc_);                   \
		OK(r_.merged == (merge), "%s: merged %d, want %d", (what), r_.merged, (merge)); \
		STR_EQ(r_.key, (want_key), "%s: key", (what));                  \
	} while (0)

static void test_doi(void)
{
	pub_db *db = fixture_open();
	pub_paper *p = NULL;
	STORE_EXPECT(db, entry_new("article", "cheng2024",
		"title", "FastFold: Optimizing AlphaFold Training and Inference on GPU Clusters",
		"author", "Cheng, Shenggan and Zhao, Xuanlei", "year", "2024",
		"doi", "10.1145/3627535.3638465", NULL), 0, "cheng2024", "first");
	/* Other titles and authors: only the DOI can match. */
	STORE_EXPECT(db, entry_new("inproceedings", "other1",
		"title", "A different title", "author", "Nobody, A.", "year", "2023",
		"doi", "10.1145/3627535.3638465", NULL), 1, "cheng2024", "same DOI");
	STORE_EXPECT(db, entry_new("inproceedings", "other2",
		"title", "Another title", "author", "Somebody, B.", "year", "2022",
		"doi", "10.1145/3627535.3638465", NULL), 1, "cheng2024", "same DOI again");
	OK(count_papers(db) == 1, "one paper after DOI merges, got %d", count_papers(db));
	fixture_close(db);

	db = fixture_open();
	STORE_EXPECT(db, entry_new("article", "ppopp",
		"title", "Stored with a mixed-case DOI", "doi", "10.1145/ABC.Def-12", NULL),
		0, "ppopp", "mixed-case DOI");
	STORE_EXPECT(db, entry_new("article", "lower",
		"title", "Lower case", "doi", "10.1145/abc.def-12", NULL),
		1, "ppopp", "DOI case differs");
	STORE_EXPECT(db, entry_new("article", "https",
		"title", "Resolver URL", "doi", "https://doi.org/10.1145/ABC.DEF-12", NULL),
		1, "ppopp", "https://doi.org/ prefix");
	STORE_EXPECT(db, entry_new("article", "dx",
		"title", "Old resolver", "doi", "http://dx.doi.org/10.1145/abc.DEF-12", NULL),
		1, "ppopp", "http://dx.doi.org/ prefix");
	STORE_EXPECT(db, entry_new("article", "scheme",
		"title", "doi: scheme", "doi", "doi:10.1145/Abc.Def-12", NULL),
		1, "ppopp", "doi: prefix");
	STORE_EXPECT(db, entry_new("article", "otherdoi",
		"title", "A different DOI", "doi", "10.1145/abc.def-13", NULL),
		0, "otherdoi", "another DOI is another paper");
	OK(count_papers(db) == 2, "two papers, got %d", count_papers(db));
	OK(pub_paper_get(&p, db, "ppopp") == 0, "ppopp readable");
	STR_EQ(p ? p->doi : NULL, "10.1145/abc.def-12", "stored DOI is folded to lower case");
	STR_EQ(paper_field(p, "doi"), "10.1145/ABC.Def-12", "the doi field stays as written");
	pub_paper_free(p);
	fixture_close(db);
}

static void test_arxiv(void)
{
	pub_db *db = fixture_open();
	pub_paper *p = NULL;
	STORE_EXPECT(db, entry_new("misc", "zhao2024realtime",
		"title", "Real-Time Video Generation with Pyramid Attention Broadcast",
		"author", "Zhao, Xuanlei and Jin, Xiaolong and Wang, Kai and You, Yang",
		"year", "2024", "eprint", "2408.12588", "archiveprefix", "arXiv", NULL),
		0, "zhao2024realtime", "preprint");
	/* Each spelling of the id, with a title and author that match nothing. */
	STORE_EXPECT(db, entry_new("misc", "v2eprint", "title", "t1", "author", "A, B",
		"year", "2025", "eprint", "2408.12588v2", NULL),
		1, "zhao2024realtime", "eprint with a version");
	STORE_EXPECT(db, entry_new("misc", "arxivdoi", "title", "t2", "author", "C, D",
		"year", "2025", "doi", "10.48550/arXiv.2408.12588", NULL),
		1, "zhao2024realtime", "arXiv DOI");
	STORE_EXPECT(db, entry_new("article", "DBLP:journals/corr/abs-2408-12588",
		"title", "t3", "author", "E, F", "year", "2024", "journal", "CoRR",
		"volume", "abs/2408.12588", NULL),
		1, "zhao2024realtime", "dblp CoRR volume");
	STORE_EXPECT(db, entry_new("online", "url", "title", "t4", "author", "G, H",
		"year", "2024", "url", "https://arxiv.org/abs/2408.12588v3", NULL),
		1, "zhao2024realtime", "arxiv.org URL");
	STORE_EXPECT(db, entry_new("misc", "neighbour", "title", "t5", "author", "I, J",
		"year", "2024", "eprint", "2408.12589", NULL),
		0, "neighbour", "the next arXiv id is another paper");
	OK(count_papers(db) == 2, "two papers, got %d", count_papers(db));
	OK(pub_paper_get(&p, db, "zhao2024realtime") == 0, "paper readable");
	STR_EQ(p ? p->arxiv : NULL, "2408.12588", "arXiv id column");
	/* The arXiv DOI is the preprint's id, not a published DOI. */
	STR_EQ(p ? p->doi : NULL, NULL, "no DOI column from the arXiv DOI");
	STR_EQ(paper_field(p, "doi"), "10.48550/arXiv.2408.12588", "field filled by the merge");
	STR_EQ(paper_field(p, "title"), "Real-Time Video Generation with Pyramid Attention Broadcast",
		"title kept");
	pub_paper_free(p);
	fixture_close(db);
}

static void test_title_year_author(void)
{
	pub_db *db = fixture_open();
	STORE_EXPECT(db, entry_new("inproceedings", "first",
		"title", "Real-Time Video Generation with Pyramid Attention Broadcast",
		"author", "Zhao, Xuanlei and You, Yang", "year", "2024", NULL),
		0, "first", "first");
	/* Braces, case, LaTeX accents and the name order do not matter. */
	STORE_EXPECT(db, entry_new("inproceedings", "second",
		"title", "{R}eal-time video generation with {P}yramid {A}ttention broadcast",
		"author", "Xuanlei Zhao and Others, Some", "year", "2024", NULL),
		1, "first", "same folded title, year, first author");
	STORE_EXPECT(db, entry_new("article", "nextyear",
		"title", "Real-Time Video Generation with Pyramid Attention Broadcast",
		"author", "Zhao, Xuanlei", "year", "2025", NULL),
		0, "nextyear", "another year");
	STORE_EXPECT(db, entry_new("article", "otherauthor",
		"title", "Real-Time Video Generation with Pyramid Attention Broadcast",
		"author", "You, Yang and Zhao, Xuanlei", "year", "2024", NULL),
		0, "otherauthor", "another first author");
	STORE_EXPECT(db, entry_new("article", "accent1",
		"title", "{\\\"U}ber Graphen", "author", "M{\\\"u}ller, J{\\\"u}rgen",
		"year", "1999", NULL), 0, "accent1", "LaTeX accents");
	STORE_EXPECT(db, entry_new("article", "accent2",
		"title", "\xC3\x9C" "ber Graphen", "author", "J\xC3\xBCrgen M\xC3\xBCller",
		"year", "1999", NULL), 1, "accent1", "Unicode spelling of the same paper");
	OK(count_papers(db) == 4, "four papers, got %d", count_papers(db));
	fixture_close(db);
}

static void test_locators(void)
{
	static const char *locator[][3] = {
		{"volume", "12", "13"},
		{"number", "1", "2"},
		{"pages", "1--10", "11--20"},
		{"journal", "TUGboat", "Baskerville"},
		{"booktitle", "Proc. A", "Proc. B"},
		{"chapter", "3", "4"},
		{"doi", "10.1000/one", "10.1000/two"},
	};
	size_t i;
	for (i = 0; i < sizeof(locator) / sizeof(*locator); i++) {
		pub_db *db = fixture_open();
		char what[64];
		snprintf(what, sizeof(what), "%s disagrees", locator[i][0]);
		STORE_EXPECT(db, entry_new("article", "issue1",
			"title", "Addresses of officers", "author", "Beeton, Barbara",
			"year", "1990", locator[i][0], locator[i][1], NULL),
			0, "issue1", what);
		STORE_EXPECT(db, entry_new("article", "issue2",
			"title", "Addresses of officers", "author", "Beeton, Barbara",
			"year", "1990", locator[i][0], locator[i][2], NULL),
			0, "issue2", what);
		OK(count_papers(db) == 2, "%s: two papers, got %d", what, count_papers(db));
		fixture_close(db);
	}

	/* The same locator (folded), or one side without it, is no conflict. */
	{
		pub_db *db = fixture_open();
		STORE_EXPECT(db, entry_new("article", "a",
			"title", "Addresses of officers", "author", "Beeton, Barbara",
			"year", "1990", "journal", "{TUG}boat", "volume", "11", NULL),
			0, "a", "with journal");
		STORE_EXPECT(db, entry_new("article", "b",
			"title", "Addresses of officers", "author", "Beeton, Barbara",
			"year", "1990", "journal", "TUGboat", "pages", "5--6", NULL),
			1, "a", "same journal folded, pages only on one side");
		OK(count_papers(db) == 1, "one paper, got %d", count_papers(db));
		fixture_close(db);
	}
}

static void test_reimport_own_key(void)
{
	pub_db *db = fixture_open();
	pub_paper *p = NULL;
	/* No DOI, arXiv id or year: only the key can find it. */
	STORE_EXPECT(db, entry_new("book", "Knuth:TAOCP",
		"title", "The Art of Computer Programming", "publisher", "Addison-Wesley", NULL),
		0, "Knuth:TAOCP", "first import");
	STORE_EXPECT(db, entry_new("book", "Knuth:TAOCP",
		"title", "The Art of Computer Programming", "publisher", "Addison-Wesley", NULL),
		1, "Knuth:TAOCP", "the export imported again");
	STORE_EXPECT(db, entry_new("book", "knuth:taocp",
		"title", "The Art of Computer Programming", NULL),
		1, "Knuth:TAOCP", "key case and a subset of the fields");
	/* The same key with a field the paper does not hold: another paper. */
	STORE_EXPECT(db, entry_new("book", "Knuth:TAOCP",
		"title", "The Art of Computer Programming", "publisher", "Addison Wesley", NULL),
		0, "Knuth:TAOCPa", "same key, a value differs");
	OK(count_papers(db) == 2, "two papers, got %d", count_papers(db));
	OK(pub_paper_get(&p, db, "Knuth:TAOCP") == 0, "first paper readable");
	STR_EQ(paper_field(p, "publisher"), "Addison-Wesley", "first paper unchanged");
	OK(p && p->nfields == 2, "first paper has 2 fields, got %zu", p ? p->nfields : 0);
	pub_paper_free(p);
	fixture_close(db);
}

static void test_fill_only_missing(void)
{
	pub_db *db = fixture_open();
	pub_paper *p = NULL;
	STORE_EXPECT(db, entry_new("inproceedings", "cheng2024fastfold",
		"title", "FastFold: Optimizing AlphaFold Training and Inference on GPU Clusters",
		"author", "Cheng, Shenggan and Zhao, Xuanlei", "year", "2024",
		"booktitle", "PPoPP", "doi", "10.1145/3627535.3638465", NULL),
		0, "cheng2024fastfold", "first");
	STORE_EXPECT(db, entry_new("article", "dup",
		"title", "FastFold: a DIFFERENT title", "author", "Somebody, Else",
		"year", "2023", "booktitle", "Another venue", "doi", "10.1145/3627535.3638465",
		"pages", "417--430", "abstract", "Protein structure prediction ...", NULL),
		1, "cheng2024fastfold", "merge by DOI");
	OK(pub_paper_get(&p, db, "cheng2024fastfold") == 0, "paper readable");
	if (p) {
		STR_EQ(paper_field(p, "title"),
			"FastFold: Optimizing AlphaFold Training and Inference on GPU Clusters",
			"title not overwritten");
		STR_EQ(p->title, "FastFold: Optimizing AlphaFold Training and Inference on GPU Clusters",
			"title column not overwritten");
		STR_EQ(paper_field(p, "author"), "Cheng, Shenggan and Zhao, Xuanlei",
			"authors not overwritten");
		OK(p->nauthors == 2, "two authors, got %zu", p->nauthors);
		STR_EQ(p->nauthors ? p->authors[0].family : NULL, "Cheng", "first author");
		STR_EQ(paper_field(p, "year"), "2024", "year not overwritten");
		OK(p->year == 2024, "year column %d", p->year);
		STR_EQ(paper_field(p, "booktitle"), "PPoPP", "booktitle not overwritten");
		STR_EQ(p->type, "inproceedings", "type not overwritten");
		STR_EQ(paper_field(p, "pages"), "417--430", "pages filled");
		STR_EQ(paper_field(p, "abstract"), "Protein structure prediction ...", "abstract filled");
		STR_EQ(p->abstract, "Protein structure prediction ...", "abstract column derived");
		OK(p->nfields == 7, "7 fields after the merge, got %zu", p->nfields);
		/* Filled fields come after the stored ones. */
		STR_EQ(p->nfields == 7 ? p->fields[5].name : NULL, "pages", "order: pages sixth");
		STR_EQ(p->nfields == 7 ? p->fields[6].name : NULL, "abstract", "order: abstract last");
	}
	pub_paper_free(p);
	fixture_close(db);
}

static void test_no_merge(void)
{
	pub_db *db = fixture_open();
	pub__store_opts o;
	pub__store_result r;
	pub__bib_entry *e;
	STORE_EXPECT(db, entry_new("misc", "one", "title", "T", "doi", "10.1000/x", NULL),
		0, "one", "first");
	e = entry_new("misc", "two", "title", "T", "doi", "10.1000/x", NULL);
	memset(&o, 0, sizeof(o));
	o.no_merge = 1;
	OK(pub__db_begin(db) == 0, "begin");
	OK(pub__store_entry(&r, db, e, &o) == 0, "store with no_merge");
	OK(pub__db_commit(db) == 0, "commit");
	OK(r.merged == 0, "no_merge never merges");
	STR_EQ(r.key, "two", "own key");
	OK(count_papers(db) == 2, "two papers, got %d", count_papers(db));
	pub__bib_entry_free(e);
	fixture_close(db);
}

/* pub__merge_find() on its own: the id it names, and *key_free. */
static void test_merge_find(void)
{
	pub_db *db = fixture_open();
	pub__bib_entry *e;
	pub__store_result r;
	int64_t id = -1;
	int key_free = -1, reason = 0;
	OK(store(db, entry_new("misc", "stored", "title", "T", "doi", "10.1000/x", NULL), &r) == 0,
		"store");
	e = entry_new("misc", "fresh", "title", "U", NULL);
	OK(pub__merge_find(&id, &reason, &key_free, db, e, "10.1000/x", NULL, NULL, 0, NULL) == 0, "find");
	OK(id == r.paper_id, "found by DOI: %lld, want %lld", (long long)id, (long long)r.paper_id);
	OK(key_free == 1, "key 'fresh' is free");
	OK(reason == PUB__SAME_DOI, "the reason is the DOI: %d", reason);
	id = -1;
	OK(pub__merge_find(&id, &reason, &key_free, db, e, "10.1000/y", "2408.12588", "u", 2020,
		   "nobody") == 0, "find nothing");
	OK(id == 0, "no duplicate: %lld", (long long)id);
	pub__bib_entry_free(e);
	e = entry_new("misc", "STORED", "title", "other", NULL);
	key_free = 0; /* set only when the key is free */
	OK(pub__merge_find(&id, &reason, &key_free, db, e, NULL, NULL, NULL, 0, NULL) == 0, "find by key");
	OK(id == 0, "a key whose fields differ is no duplicate");
	OK(key_free == 0, "but the key is taken (case-insensitively)");
	pub__bib_entry_free(e);
	fixture_close(db);
}


/* One source (pub__db_source_begin(), as an import does): two keys are two
 * papers unless a DOI or arXiv id joins them. */
static void test_same_source(void)
{
	pub_db *db = fixture_open();
	pub__db_source_begin(db);
	STORE_EXPECT(db, entry_new("article", "article-minimal",
		"author", "L[eslie] A. Aamport",
		"title", "The Gnats and Gnus Document Preparation System",
		"journal", "G-Animal's Journal", "year", "1986", NULL),
		0, "article-minimal", "first entry of the file");
	STORE_EXPECT(db, entry_new("article", "article-full",
		"author", "L[eslie] A. Aamport",
		"title", "The Gnats and Gnus Document Preparation System",
		"journal", "G-Animal's Journal", "year", "1986", "volume", "41", NULL),
		0, "article-full", "another key of the same file: another paper");
	STORE_EXPECT(db, entry_new("article", "with-doi",
		"title", "X", "doi", "10.1/x", NULL), 0, "with-doi", "a DOI");
	STORE_EXPECT(db, entry_new("article", "same-doi",
		"title", "Y", "doi", "10.1/X", NULL), 1, "with-doi", "the same DOI still merges");
	pub__db_source_end(db);
	/* A later source: the title rule applies again. */
	STORE_EXPECT(db, entry_new("article", "later",
		"author", "Aamport, Leslie A.",
		"title", "The Gnats and Gnus Document Preparation System",
		"year", "1986", NULL),
		1, "article-minimal", "a later source merges by title");
	OK(count_papers(db) == 3, "three papers, got %d", count_papers(db));
	fixture_close(db);
}

/* Different entry types veto the title rule; a @misc preprint does not. */
static void test_type_veto(void)
{
	pub_db *db = fixture_open();
	STORE_EXPECT(db, entry_new("mastersthesis", "thesis", "author", "Doe, Jane",
		"title", "On Things", "year", "1990", "school", "S", NULL), 0, "thesis", "thesis");
	STORE_EXPECT(db, entry_new("techreport", "report", "author", "Doe, Jane",
		"title", "On Things", "year", "1990", "institution", "I", NULL),
		0, "report", "the report of the same title is another work");
	STORE_EXPECT(db, entry_new("book", "book", "author", "Doe, Jane",
		"title", "On Things", "year", "1990", NULL), 0, "book", "a book too");
	STORE_EXPECT(db, entry_new("misc", "preprint", "author", "Doe, Jane",
		"title", "On Things", "year", "1990", NULL), 1, "thesis", "a @misc agrees with any");
	STORE_EXPECT(db, entry_new("TechReport", "report2", "author", "Jane Doe",
		"title", "On things", "year", "1990", NULL), 1, "report", "the same type merges");
	fixture_close(db);
}

/* The absorbed key is an alias: looked up, listed, not taken by a new
 * paper, gone with the paper. */
static void test_aliases(void)
{
	pub_db *db = fixture_open();
	pub_paper *p = NULL;
	pub__store_result r;
	int64_t id = 0;
	int alias = -1;
	STORE_EXPECT(db, entry_new("article", "a", "title", "T", "doi", "10.1/t", NULL),
		0, "a", "first");
	OK(store(db, entry_new("article", "B", "title", "T2", "doi", "10.1/t", NULL), &r) == 0,
		"merge");
	OK(r.merged && r.alias && r.reason == PUB__SAME_DOI, "merged by DOI, alias made");
	OK(pub__citekey_resolve(&id, &alias, db, "b") == 0 && id == r.paper_id && alias == 1,
		"the alias resolves, in any case");
	OK(pub_paper_get(&p, db, "b") == 0, "get by alias");
	STR_EQ(p ? p->key : NULL, "a", "the paper's key");
	OK(p && p->naliases == 1, "one alias");
	STR_EQ(p && p->naliases ? p->aliases[0] : NULL, "B", "as written");
	pub_paper_free(p);
	/* A new paper does not take the alias; the merge again adds none. */
	STORE_EXPECT(db, entry_new("misc", "b", "title", "Other", NULL), 0, "ba", "key taken");
	OK(store(db, entry_new("article", "B", "title", "T2", "doi", "10.1/t", NULL), &r) == 0 &&
		r.merged && !r.alias && r.reason == PUB__SAME_KEY, "the same entry again: same key");
	OK(pub_paper_remove(db, "B") == 0, "rm by alias");
	OK(pub__citekey_resolve(&id, &alias, db, "b") == 0 && id == 0, "the alias went with it");
	fixture_close(db);
}

/* unmerge gives back the entry as read and the paper as it was, keeping
 * an edit made after the merge. */
static void test_unmerge(void)
{
	pub_db *db = fixture_open();
	pub_paper *p = NULL;
	STORE_EXPECT(db, entry_new("article", "kept", "author", "Doe, Jane",
		"title", "On {Things}", "year", "2001", "journal", "J", NULL), 0, "kept", "first");
	STORE_EXPECT(db, entry_new("article", "absorbed", "title", "On things",
		"author", "Jane Doe", "year", "2001", "note", "Oral", "pages", "1--2", NULL),
		1, "kept", "merged by title");
	OK(pub_paper_set(db, "kept", "pages", "3--4") == 0, "an edit after the merge");
	OK(pub_paper_unmerge(db, "kept") == PUB_EINVAL, "a paper's own key is no alias");
	OK(pub_paper_unmerge(db, "nothing") == PUB_ENOTFOUND, "no such key");
	OK(pub_paper_unmerge(db, "ABSORBED") == 0, "unmerge: %s", pub_error_last());
	OK(count_papers(db) == 2, "two papers, got %d", count_papers(db));
	OK(pub_paper_get(&p, db, "kept") == 0 && p, "the paper");
	OK(p && p->naliases == 0, "no alias left");
	OK(!paper_field(p, "note"), "the merged field is gone");
	STR_EQ(paper_field(p, "pages"), "3--4", "the edit is kept");
	STR_EQ(paper_field(p, "title"), "On {Things}", "its own title");
	pub_paper_free(p);
	p = NULL;
	OK(pub_paper_get(&p, db, "absorbed") == 0 && p, "the entry is a paper again");
	STR_EQ(p ? p->key : NULL, "absorbed", "under its key");
	STR_EQ(p ? p->type : NULL, "article", "its type");
	OK(p && p->nfields == 5, "its 5 fields, got %zu", p ? p->nfields : 0);
	STR_EQ(p && p->nfields == 5 ? p->fields[0].name : NULL, "title", "in order");
	STR_EQ(paper_field(p, "author"), "Jane Doe", "as written");
	STR_EQ(paper_field(p, "pages"), "1--2", "its own pages");
	STR_EQ(paper_field(p, "note"), "Oral", "its note");
	OK(p && p->nauthors == 1, "its author rows");
	pub_paper_free(p);
	OK(pub_paper_unmerge(db, "absorbed") == PUB_EINVAL, "once only");
	fixture_close(db);
}

int main(void)
{
	test_doi();
	test_arxiv();
	test_title_year_author();
	test_locators();
	test_reimport_own_key();
	test_fill_only_missing();
	test_no_merge();
	test_merge_find();
	test_same_source();
	test_type_veto();
	test_aliases();
	test_unmerge();
	return test_summary();
}
