/*
 * test_citekey.c: citation keys (lib/store/citekey.c, as pub__store_entry()
 * uses it): the default {author}{year}{title} key, stop words, accents and
 * family names of several words, a/b/.../z/aa suffixes for a taken key, the citekey_format
 * setting, and lookups that ignore case.  Real SQLite files in a temp dir.
 */
#include "harness.h"
#include "store_fixture.h"

#include "store/citekey.h"

/* Stores an entry without a key and checks the key it was given. */
static void key_for(pub_db *db, const char *author, const char *year,
	const char *title, const char *want, const char *what)
{
	pub__store_result r;
	pub__bib_entry *e = author
		? entry_new("article", "", "author", author, "year", year, "title", title, NULL)
		: entry_new("article", "", "year", year, "title", title, NULL);
	int rc = store(db, e, &r);
	OK(rc == 0, "%s: store rc %d", what, rc);
	OK(r.merged == 0, "%s: a new paper", what);
	STR_EQ(r.key, want, "%s", what);
}

static void test_default_format(void)
{
	pub_db *db = fixture_open();
	pub_paper *p = NULL;
	key_for(db, "Zhao, Xuanlei and Jin, Xiaolong and Wang, Kai and You, Yang", "2024",
		"Real-Time Video Generation with Pyramid Attention Broadcast",
		"zhao2024realtime", "the README's example");
	OK(pub_paper_get(&p, db, "zhao2024realtime") == 0, "stored under that key");
	STR_EQ(p ? p->key : NULL, "zhao2024realtime", "key column");
	pub_paper_free(p);
	key_for(db, "Xuanlei Zhao and Yang You", "2024",
		"{DSP}: Dynamic Sequence Parallelism for Multi-Dimensional Transformers",
		"zhao2024dsp", "braces dropped, given-first name");
	key_for(db, "Knuth, Donald E.", "1968", "The Art of Computer Programming",
		"knuth1968art", "stop word 'The'");
	key_for(db, "Darwin, Charles", "1859", "On the Origin of Species",
		"darwin1859origin", "stop words 'On' and 'the'");
	key_for(db, "Turing, A. M.", "1950", "Towards a theory of thinking machines",
		"turing1950theory", "stop words 'Towards' and 'a'");
	key_for(db, "M{\\\"u}ller, J{\\\"u}rgen", "2020", "{\\\"U}ber Graphen",
		"muller2020uber", "LaTeX accents folded");
	key_for(db, "J\xC3\xBCrgen M\xC3\xB6" "bius", "2021", "\xC3\x89tude des graphes",
		"mobius2021etude", "Unicode accents folded");
	/* A family name of several words is joined (BibTeX's Last part; von
	 * particles such as "van der" are not part of it today). */
	key_for(db, "De Morgan, Augustus", "1847", "Formal Logic",
		"demorgan1847formal", "two-word family name joined");
	key_for(db, "{Garc\\'{i}a M\\'{a}rquez}, Gabriel", "1967", "Cien a{\\~n}os de soledad",
		"garciamarquez1967cien", "braced family name joined and folded");
	key_for(db, NULL, "2001", "Anonymous work", "anon2001anonymous", "no author");
	fixture_close(db);
}

static void test_taken_key_suffixes(void)
{
	pub_db *db = fixture_open();
	char title[64], want[64];
	int i;
	/* Same author, year and first title word; titles differ, so no merge. */
	key_for(db, "Zhao, Xuanlei", "2024", "Real-Time paper 0", "zhao2024realtime", "free");
	for (i = 0; i < 26; i++) {
		snprintf(title, sizeof(title), "Real-Time paper %d", i + 1);
		snprintf(want, sizeof(want), "zhao2024realtime%c", 'a' + i);
		key_for(db, "Zhao, Xuanlei", "2024", title, want, "single-letter suffix");
	}
	key_for(db, "Zhao, Xuanlei", "2024", "Real-Time paper 27", "zhao2024realtimeaa",
		"after z comes aa");
	key_for(db, "Zhao, Xuanlei", "2024", "Real-Time paper 28", "zhao2024realtimeab",
		"then ab");
	OK(count_papers(db) == 29, "29 papers, got %d", count_papers(db));
	fixture_close(db);
}

static void test_unique_directly(void)
{
	pub_db *db = fixture_open();
	char out[256];
	key_for(db, "Doe, Jane", "2000", "Keys", "doe2000keys", "stored");
	OK(pub__citekey_unique(out, db, "free2000key") == 0, "unique on a free key");
	STR_EQ(out, "free2000key", "a free key is kept");
	OK(pub__citekey_unique(out, db, "doe2000keys") == 0, "unique on a taken key");
	STR_EQ(out, "doe2000keysa", "a taken key gets 'a'");
	OK(pub__citekey_unique(out, db, "DOE2000Keys") == 0, "unique, other case");
	STR_EQ(out, "DOE2000Keysa", "taken whatever the case; the case given is kept");
	fixture_close(db);
}

static void test_format_setting(void)
{
	pub_db *db = fixture_open();
	OK(pub_config_set(db, "citekey_format", "{year}-{author}") == 0, "set format");
	key_for(db, "Zhao, Xuanlei", "2024", "Real-Time Video Generation",
		"2024-zhao", "{year}-{author}");
	OK(pub_config_set(db, "citekey_format", "{author}_{title}") == 0, "set format 2");
	key_for(db, "Zhao, Xuanlei", "2023", "AutoChunk: Automated Activation Chunk",
		"zhao_autochunk", "{author}_{title}");
	OK(pub_config_set(db, "citekey_format", "Pub:{author}{year}") == 0, "set format 3");
	key_for(db, "Cheng, Shenggan", "2024", "FastFold", "pub:cheng2024",
		"literal text kept, lower-cased");
	OK(pub_config_set(db, "citekey_format", "{year}") == 0, "set format 4");
	key_for(db, "Cheng, Shenggan", "2022", "One", "2022", "year only");
	key_for(db, "Other, Person", "2022", "Two", "2022a", "year only, taken");
	fixture_close(db);
}

static void test_case_insensitive_lookup(void)
{
	pub_db *db = fixture_open();
	pub__store_result r;
	pub_paper *p = NULL;
	int64_t id = -1;
	OK(store(db, entry_new("misc", "Zhao2024RealTime", "title", "Kept as written",
		       "year", "2024", NULL), &r) == 0, "store with a mixed-case key");
	STR_EQ(r.key, "Zhao2024RealTime", "an entry's own key keeps its case");
	OK(pub__citekey_lookup(&id, db, "zhao2024realtime") == 0, "lookup lower case");
	OK(id == r.paper_id, "lower-case lookup finds it: %lld", (long long)id);
	id = -1;
	OK(pub__citekey_lookup(&id, db, "ZHAO2024REALTIME") == 0, "lookup upper case");
	OK(id == r.paper_id, "upper-case lookup finds it: %lld", (long long)id);
	OK(pub__citekey_lookup(&id, db, "zhao2024realtim") == 0, "lookup a prefix");
	OK(id == 0, "a prefix is not the key: %lld", (long long)id);
	OK(pub_paper_get(&p, db, "zHAO2024rEALtIME") == 0, "pub_paper_get ignores case");
	STR_EQ(p ? p->key : NULL, "Zhao2024RealTime", "and returns the stored spelling");
	pub_paper_free(p);
	/* An entry whose own key differs only in case is not given that key. */
	OK(store(db, entry_new("misc", "zhao2024realtime", "title", "Another paper",
		       "year", "2020", NULL), &r) == 0, "store the other-case key");
	OK(r.merged == 0, "another paper");
	STR_EQ(r.key, "zhao2024realtimea", "the other-case key counts as taken");
	OK(count_papers(db) == 2, "two papers, got %d", count_papers(db));
	fixture_close(db);
}

int main(void)
{
	test_default_format();
	test_taken_key_suffixes();
	test_unique_directly();
	test_format_setting();
	test_case_insensitive_lookup();
	return test_summary();
}
