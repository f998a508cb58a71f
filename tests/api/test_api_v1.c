/*
 * test_api_v1.c: a program written against version 1 of pub.h's options
 * and result structs keeps working with this libpub (issue 21: structs
 * version as libgit2's do).  The version-1 layouts are written out here,
 * as that program's pub.h declared them; only functions come from pub.h.
 * pub_import_opts is at version 2 (on_dry_run appended), so the library
 * must read only version 1's bytes of it and write nothing past them.
 * pub_refresh_opts is at version 3 (max_time_ms appended): a program built
 * when it was at version 2 keeps working the same way.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pub.h"
#include "../harness.h" /* the tests' tiny harness, not libpub */

/* pub_import_opts, version 1 */
typedef struct v1_import_opts {
	unsigned int version;
	int strict;
	int no_merge;
	int dry_run;
	const char *encoding;
	const char *const *tags;
	size_t ntags;
	int selected;
	const char *venue;
	const char *code_url;
	const pub_link_spec *links;
	size_t nlinks;
	const char *key;
	pub_warn_fn warn;
	void *warn_ctx;
	void (*on_paper)(const char *action, const char *key, const char *title,
		const char *source, void *ctx);
	void *paper_ctx;
	void (*notice)(const char *message, void *ctx);
	void *notice_ctx;
	void (*on_merge)(const pub_merge_info *merge, void *ctx);
} v1_import_opts;

/* pub_import_stats, version 1 */
typedef struct v1_import_stats {
	unsigned int version;
	size_t entries, added, merged, skipped, warnings;
} v1_import_stats;

/* pub_stats, version 1 */
typedef struct v1_stats {
	unsigned int version;
	long papers, citations, h_index, i10_index, stars;
} v1_stats;

/* pub_filter and pub_export_opts, version 1 */
typedef struct v1_filter {
	unsigned int version;
	const char *const *tags;
	size_t ntags;
	const char *author;
	int selected_only;
	const char *query;
	const char *key;
} v1_filter;

typedef struct v1_export_opts {
	unsigned int version;
	pub_format format;
	int ascii;
	v1_filter filter;
	pub_group_by group_by;
	int standalone, repos;
	const char *jekyll_dir, *title;
	int plain, style, static_stars;
	pub_dialect dialect;
	const char *hugo_dir;
	int citations;
	const char *const *highlight;
	size_t nhighlight;
} v1_export_opts;

/* pub_refresh_opts, version 2 */
typedef struct v2_refresh_opts {
	unsigned int version;
	long max_age;
	int jobs;
	pub_progress_fn progress;
	void *progress_ctx;
	pub_warn_fn warn;
	void *warn_ctx;
	void (*on_change)(const char *message, void *ctx);
	void *change_ctx;
	void (*on_step)(unsigned int step, const char *name, int err,
		const pub_refresh_stats *stats, void *ctx);
	void *step_ctx;
} v2_refresh_opts;

/* Each struct with guard bytes after it: the library must not write there. */
#define GUARD 64
#define GUARDED(type) struct { type s; unsigned char guard[GUARD]; }

static int guard_intact(const unsigned char *g)
{
	size_t i;
	for (i = 0; i < GUARD; i++)
		if (g[i] != 0xA5)
			return 0;
	return 1;
}

static const char *bib =
	"@article{one, title = {One}, author = {Doe, Jane}, year = 2020, journal = {J}}\n"
	"@article{two, title = {Two}, author = {Roe, Rick}, year = 2021, journal = {J}}\n";

static int count_paper(const pub_paper *p, void *ctx)
{
	(void)p;
	(*(int *)ctx)++;
	return 0;
}

int main(void)
{
	char dir[64], dbpath[128], bibpath[128], outpath[128];
	const char *tmp = getenv("TMPDIR");
	const char *tags[] = {"old-caller"};
	GUARDED(v1_import_opts) io;
	GUARDED(v1_import_stats) is;
	GUARDED(v1_stats) st;
	GUARDED(v1_export_opts) eo;
	GUARDED(v2_refresh_opts) ro;
	pub_db *db = NULL;
	pub_paper *p = NULL;
	FILE *fp;
	int rc, n = 0;

	_Static_assert(sizeof(v1_import_opts) < sizeof(pub_import_opts),
		"pub_import_opts grew since version 1");
	OK(PUB_IMPORT_OPTIONS_VERSION >= 2, "pub_import_opts is past version 1");
	snprintf(dir, sizeof(dir), "%s/pubv1-XXXXXX", tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return 2;
	snprintf(dbpath, sizeof(dbpath), "%s/pub.sqlite3", dir);
	snprintf(bibpath, sizeof(bibpath), "%s/in.bib", dir);
	snprintf(outpath, sizeof(outpath), "%s/out.bib", dir);
	if (!(fp = fopen(bibpath, "w")))
		return 2;
	fputs(bib, fp);
	fclose(fp);
	pub_init();
	OK(pub_db_open(&db, dbpath, PUB_OPEN_CREATE) == 0, "open: %s", pub_error_last());
	if (!db)
		return test_summary();

	/* init of version 1 writes version 1's bytes only */
	memset(&io, 0xA5, sizeof(io));
	OK(pub_import_options_init((pub_import_opts *)&io.s, 1) == 0, "init v1: %s",
		pub_error_last());
	OK(io.s.version == 1 && io.s.strict == 0 && io.s.on_merge == NULL, "init v1 zeroes v1");
	OK(guard_intact(io.guard), "init v1 writes nothing past version 1");
	OK(pub_import_options_init((pub_import_opts *)&io.s, 0) == PUB_EINVAL, "version 0 refused");
	OK(pub_import_options_init((pub_import_opts *)&io.s, PUB_IMPORT_OPTIONS_VERSION + 1)
		== PUB_EINVAL, "a version from the future refused");

	/* an import with version-1 options and stats */
	pub_import_options_init((pub_import_opts *)&io.s, 1);
	io.s.tags = tags;
	io.s.ntags = 1;
	memset(&is, 0xA5, sizeof(is));
	memset(&is.s, 0, sizeof(is.s));
	is.s.version = 1;
	rc = pub_import_bibtex(db, bibpath, (const pub_import_opts *)&io.s,
		(pub_import_stats *)&is.s);
	OK(rc == 0, "import with v1 options: %d %s", rc, pub_error_last());
	OK(is.s.version == 1 && is.s.entries == 2 && is.s.added == 2,
		"v1 stats filled: %zu entries, %zu added", is.s.entries, is.s.added);
	OK(guard_intact(is.guard), "nothing written past v1 stats");
	OK(pub_paper_get(&p, db, "two") == 0 && p && p->ntags == 1 &&
		strcmp(p->tags[0], "old-caller") == 0, "v1 options applied (tags)");
	pub_paper_free(p);
	is.s.version = 0;
	OK(pub_import_bibtex(db, bibpath, NULL, (pub_import_stats *)&is.s) == PUB_EINVAL,
		"stats of version 0 refused");

	/* a result struct of version 1 */
	memset(&st, 0xA5, sizeof(st));
	st.s.version = 1;
	OK(pub_stats_get((pub_stats *)&st.s, db) == 0 && st.s.papers == 2, "v1 pub_stats: %ld",
		st.s.papers);
	OK(guard_intact(st.guard), "nothing written past v1 pub_stats");

	/* export and filter of version 1 */
	_Static_assert(sizeof(v1_export_opts) < sizeof(pub_export_opts),
		"pub_export_opts grew since version 1");
	memset(&eo, 0, sizeof(eo));
	eo.s.version = 1;
	eo.s.filter.version = 1;
	eo.s.format = PUB_FORMAT_BIBTEX;
	eo.s.filter.key = "one";
	if ((fp = fopen(outpath, "w"))) {
		rc = pub_export(db, (const pub_export_opts *)&eo.s, fp);
		OK(rc == 0, "export with v1 options: %s", pub_error_last());
		OK(ftell(fp) > 0, "something written");
		fclose(fp);
	}
	{
		v1_filter f;
		memset(&f, 0, sizeof(f));
		f.version = 1;
		OK(pub_paper_foreach(db, (const pub_filter *)&f, count_paper, &n) == 0 && n == 2,
			"foreach with a v1 filter: %d", n);
	}
	/* refresh options of version 2: nothing past them read or written */
	_Static_assert(sizeof(v2_refresh_opts) < sizeof(pub_refresh_opts),
		"pub_refresh_opts grew since version 2");
	memset(&ro, 0xA5, sizeof(ro));
	OK(pub_refresh_options_init((pub_refresh_opts *)&ro.s, 2) == 0, "refresh init v2: %s",
		pub_error_last());
	OK(ro.s.version == 2 && ro.s.on_step == NULL && ro.s.step_ctx == NULL,
		"refresh init v2 zeroes v2");
	OK(guard_intact(ro.guard), "refresh init v2 writes nothing past version 2");
	OK(pub_refresh_options_init((pub_refresh_opts *)&ro.s, PUB_REFRESH_OPTIONS_VERSION + 1)
		== PUB_EINVAL, "a refresh version from the future refused");
	pub_refresh_options_init((pub_refresh_opts *)&ro.s, 2);
	OK(pub_refresh(db, 0, (const pub_refresh_opts *)&ro.s) == 0,
		"pub_refresh with v2 options: %s", pub_error_last());
	OK(guard_intact(ro.guard), "pub_refresh wrote nothing past v2 options");
	pub_db_free(db);
	unlink(bibpath);
	unlink(outpath);
	unlink(dbpath);
	rmdir(dir);
	return test_summary();
}
