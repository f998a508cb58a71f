/*
 * test_ids.c: the identifier grammars of lib/ids/ with real inputs: what
 * each accepts and rejects, the normalised form, and that the user-input
 * and BibTeX-field entry points agree on the id they find.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../harness.h"
#include "pub.h"
#include "ids/arxiv.h"
#include "ids/dblp.h"
#include "ids/doi.h"
#include "ids/github.h"
#include "ids/orcid.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void test_arxiv(void)
{
	static const struct {
		const char *in, *id;
		int v;
	} ok[] = {
		{"2408.12588", "2408.12588", 0},
		{"arXiv:2408.12588v3", "2408.12588", 3},
		{"ARXIV:2403.10266", "2403.10266", 0},
		{"0704.0001v1", "0704.0001", 1},
		{"1412.7062", "1412.7062", 0},
		{"hep-th/9901001", "hep-th/9901001", 0},
		{"hep-th/9901001v12", "hep-th/9901001", 12},
		{"math.GT/0309136", "math/0309136", 0},
		{"math.gt/0309136v2", "math/0309136", 2},
		{"cond-mat.str-el/0501001", "cond-mat/0501001", 0},
		{"https://arxiv.org/abs/2408.12588v2", "2408.12588", 2},
		{"http://www.arxiv.org/pdf/2403.10266v1.pdf", "2403.10266", 1},
		{"https://arxiv.org/pdf/2403.10266.pdf", "2403.10266", 0},
		{"arxiv.org/abs/hep-th/9901001v1", "hep-th/9901001", 1},
		{"https://export.arxiv.org/abs/math.GT/0309136", "math/0309136", 0},
		{"http://arxiv.org/abs/2401.10652v1", "2401.10652", 1}, /* Atom <id> */
	};
	static const char *const bad[] = {"", " ", "arxiv:", "2408.125", "2408.1258812",
		"2413.12345", "240812588", "2408.12588v", "2408.12588v123456",
		"HEP-TH/9901001", "hep-th/990100", "hep-th/99010011", "/9901001",
		"math./0309136x", "2408.12588 [cs.LG]", "https://arxiv.org/list/2408.12588",
		"https://example.org/abs/2408.12588", "10.48550/arXiv.2408.12588"};
	/* field values: what follows a space or brace is not the id's */
	static const struct {
		const char *in, *id;
		int v;
	} field[] = {
		{"2408.12588", "2408.12588", 0},
		{"{2408.12588v3}", "2408.12588", 3},
		{"arXiv:2408.12588 [cs.CV]", "2408.12588", 0},
		{"abs/2403.10266", "2403.10266", 0},   /* dblp's CoRR volume */
		{"hep-th/9901001v2}", "hep-th/9901001", 2},
		{"math.GT/0309136", "math/0309136", 0},
	};
	static const char *const field_bad[] = {"", "2408.12588,", "2408.12588v",
		"https://arxiv.org/abs/2408.12588", "2413.12345", "hep-th/9901001x", "n/a"};
	size_t i;
	for (i = 0; i < N(ok); i++) {
		char *id = NULL, *fid = NULL;
		int v = -1, fv = -1;
		OK(pub__arxiv_normalize(&id, &v, ok[i].in) == 0, "arXiv '%s': %s", ok[i].in,
			pub_error_last());
		STR_EQ(id, ok[i].id, "arXiv id of '%s'", ok[i].in);
		OK(v == ok[i].v, "arXiv version of '%s': %d", ok[i].in, v);
		/* the field entry point (no URLs there) finds the same id */
		if (strncasecmp(ok[i].in, "http", 4) && strncasecmp(ok[i].in, "arxiv.org", 9)) {
			OK(pub__arxiv_id_parse(&fid, &fv, ok[i].in) == 0, "field '%s'", ok[i].in);
			STR_EQ(fid, id, "field and input agree on '%s'", ok[i].in);
			OK(fv == v, "field and input agree on the version of '%s'", ok[i].in);
		}
		free(id);
		free(fid);
	}
	for (i = 0; i < N(bad); i++) {
		char *id = NULL;
		int v;
		OK(pub__arxiv_normalize(&id, &v, bad[i]) == PUB_EINVAL && !id, "reject '%s'",
			bad[i]);
		OK(strstr(pub_error_last(), "not an arXiv id") != NULL, "message for '%s'", bad[i]);
	}
	for (i = 0; i < N(field); i++) {
		char *id = NULL;
		int v = -1;
		OK(pub__arxiv_id_parse(&id, &v, field[i].in) == 0, "field '%s'", field[i].in);
		STR_EQ(id, field[i].id, "field id of '%s'", field[i].in);
		OK(v == field[i].v, "field version of '%s': %d", field[i].in, v);
		free(id);
	}
	for (i = 0; i < N(field_bad); i++) {
		char *id = NULL;
		int v = 7;
		OK(pub__arxiv_id_parse(&id, &v, field_bad[i]) == PUB_EINVAL && !id && v == 0,
			"field reject '%s'", field_bad[i]);
	}
}

static void test_doi(void)
{
	static const char *const ok[][2] = {
		{"10.1145/3627535.3638465", "10.1145/3627535.3638465"},
		{"doi:10.1103/PhysRevA.106.022212", "10.1103/physreva.106.022212"},
		{"DOI:10.1103/PhysRevA.106.022212", "10.1103/physreva.106.022212"},
		{"https://doi.org/10.1103/PhysRevB.85.115117", "10.1103/physrevb.85.115117"},
		{"http://dx.doi.org/10.1007/BF01700692", "10.1007/bf01700692"},
		{"https://www.doi.org/10.5555/iclr.2025.pab", "10.5555/iclr.2025.pab"},
		{"doi.org/10.1126/science.169.3946.635", "10.1126/science.169.3946.635"},
		{" 10.48550/arXiv.2408.12588 ", "10.48550/arxiv.2408.12588"},
		{"10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0",
			"10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0"},
		{"10.1000.10/x/y/", "10.1000.10/x/y/"},
	};
	static const char *const bad[] = {"", "10.", "10./x", "10.1145", "10.1145/",
		"10.1145./x", "11.1145/x", "10.abc/x", "10.1145/a b", "doi:", "https://doi.org/",
		"https://example.org/10.1145/x", "2408.12588"};
	static const char *const field[][2] = {
		{"10.1103/PhysRevA.106.022212", "10.1103/physreva.106.022212"},
		{"{10.1145/3627535.3638465}", "10.1145/3627535.3638465"},
		{"https://doi.org/10.1007/BF01700692 (preprint)", "10.1007/bf01700692"},
		{"doi:10.1/ABC}", "10.1/abc"},
		{"dx.doi.org/10.1/x", "10.1/x"},
	};
	static const char *const field_bad[] = {"", "n/a", "10.1145", "10.1145/ x", "ISBN 10.1/x"};
	size_t i;
	char *d, *ax;
	for (i = 0; i < N(ok); i++) {
		char *f;
		d = NULL;
		OK(pub__doi_normalize(&d, ok[i][0]) == 0, "doi '%s': %s", ok[i][0], pub_error_last());
		STR_EQ(d, ok[i][1], "doi of '%s'", ok[i][0]);
		/* the field reader finds the same canonical DOI */
		f = pub__doi_from_field(ok[i][0]);
		STR_EQ(f, d, "field and input agree on '%s'", ok[i][0]);
		free(f);
		free(d);
	}
	for (i = 0; i < N(bad); i++) {
		d = NULL;
		OK(pub__doi_normalize(&d, bad[i]) == PUB_EINVAL && !d, "reject doi '%s'", bad[i]);
		OK(strstr(pub_error_last(), "not a DOI") != NULL, "message for '%s'", bad[i]);
	}
	for (i = 0; i < N(field); i++) {
		d = pub__doi_from_field(field[i][0]);
		STR_EQ(d, field[i][1], "field doi of '%s'", field[i][0]);
		free(d);
	}
	for (i = 0; i < N(field_bad); i++) {
		d = pub__doi_from_field(field_bad[i]);
		OK(!d, "field reject '%s': %s", field_bad[i], d);
		free(d);
	}
	OK(pub__doi_is_meant("Doi:10.1145") && pub__doi_is_meant("https://doi.org/x") &&
		pub__doi_is_meant(" 10.1145/x") && !pub__doi_is_meant("2408.12588") &&
		!pub__doi_is_meant("arxiv:2408.12588"), "meant as a DOI");
	OK(pub__doi_is_arxiv("10.48550/arxiv.2408.12588") && !pub__doi_is_arxiv("10.1145/x") &&
		!pub__doi_is_arxiv(NULL), "arXiv's DOI prefix");
	OK(pub__doi_arxiv_id(&ax, "10.48550/arXiv.2408.12588") == 1, "arXiv DOI");
	STR_EQ(ax, "2408.12588", "arXiv DOI id");
	free(ax);
	OK(pub__doi_arxiv_id(&ax, "10.48550/arxiv.math.GT/0309136") == 1, "old-style arXiv DOI");
	STR_EQ(ax, "math/0309136", "old-style arXiv DOI id");
	free(ax);
	OK(pub__doi_arxiv_id(&ax, "10.1145/3627535.3638465") == 0 && !ax, "not arXiv");
}

static void test_github(void)
{
	static const char *const ok[][3] = {
		{"https://github.com/hpcaitech/FastFold", "hpcaitech", "FastFold"},
		{"http://www.github.com/NUS-HPC-AI-Lab/VideoSys", "NUS-HPC-AI-Lab", "VideoSys"},
		{"https://github.com/hpcaitech/ColossalAI/tree/main/x", "hpcaitech", "ColossalAI"},
		{"https://github.com/a/b.git", "a", "b"},
		{"https://GitHub.com/a/b.js/", "a", "b.js"},
		{"github.com/a/b_c?tab=readme", "a", "b_c"},
		{"https://github.com/a/b#readme", "a", "b"},
	};
	static const char *const bad[] = {"", "https://github.com/", "https://github.com/a",
		"https://github.com/a/", "https://github.com//b", "https://gitlab.com/a/b",
		"https://github.com/a_b/c", "https://github.com/a/b c", "https://xgithub.com/a/b",
		"https://github.com/a/b;c", "ftp://github.com/a/b"};
	static const char *const root[] = {"https://github.com/hpcaitech/FastFold",
		"https://github.com/hpcaitech/FastFold/", "https://github.com/a/b.git",
		"http://github.com/a/b", "http://www.github.com/a/b", "https://www.github.com/a/b/"};
	static const char *const not_root[] = {"https://github.com/hpcaitech/ColossalAI/tree/main/x",
		"https://github.com/hpcaitech", "https://github.com/a/b?x", "https://github.com/a/b#x",
		"github.com/a/b", "https://github.com/a/b//", "https://example.org/a/b", NULL};
	static const char *const text[][2] = {
		{"Code: https://github.com/hpcaitech/FastFold.", "https://github.com/hpcaitech/FastFold"},
		{"see www.github.com/a/b-c_, and more", "https://github.com/a/b-c"},
		{"(github.com/a/b.git)", "https://github.com/a/b"},
		{"xgithub.com/a/b then github.com/c/d", "https://github.com/c/d"},
		{"pages.github.com/a/b", NULL},
		{"no code", NULL},
	};
	size_t i;
	char *o, *n, *u;
	for (i = 0; i < N(ok); i++) {
		OK(pub__github_parse_url(&o, &n, ok[i][0]) == 0, "github '%s'", ok[i][0]);
		STR_EQ(o, ok[i][1], "owner of '%s'", ok[i][0]);
		STR_EQ(n, ok[i][2], "name of '%s'", ok[i][0]);
		free(o);
		free(n);
	}
	for (i = 0; i < N(bad); i++) {
		OK(pub__github_parse_url(&o, &n, bad[i]) == PUB_EINVAL && !o && !n,
			"reject github '%s'", bad[i]);
		OK(!pub__url_is_repo_root(bad[i]), "not a root '%s'", bad[i]);
	}
	/* every root a repository row is made for shows its stars */
	for (i = 0; i < N(root); i++) {
		OK(pub__url_is_repo_root(root[i]), "root '%s'", root[i]);
		OK(pub__github_parse_url(&o, &n, root[i]) == 0, "root parses '%s'", root[i]);
		free(o);
		free(n);
	}
	for (i = 0; not_root[i]; i++)
		OK(!pub__url_is_repo_root(not_root[i]), "not a root '%s'", not_root[i]);
	OK(pub__github_same_repo("http://www.github.com/A/B.git", "https://github.com/a/b/"),
		"same repo");
	OK(!pub__github_same_repo("https://github.com/a/b", "https://github.com/a/bc"),
		"other repo");
	for (i = 0; i < N(text); i++) {
		u = pub__github_find(text[i][0]);
		STR_EQ(u, text[i][1], "found in '%s'", text[i][0]);
		free(u);
	}
	u = pub__github_rename_url("http://www.github.com/old/name.git", "new", "other");
	STR_EQ(u, "http://www.github.com/new/other.git", "rename keeps the rest");
	free(u);
	u = pub__github_rename_url("https://github.com/old/name/tree/main/x", "new", "n");
	STR_EQ(u, "https://github.com/new/n/tree/main/x", "rename a deep link");
	free(u);
	OK(!pub__github_rename_url("https://example.org/a/b", "x", "y"), "rename not GitHub");
}

static void test_orcid(void)
{
	static const char *const ok[][2] = {
		{"0000-0002-1825-0097", "0000-0002-1825-0097"},
		{"0000-0002-1694-233X", "0000-0002-1694-233X"}, /* ORCID's own X example */
		{"0000-0002-1694-233x", "0000-0002-1694-233X"},
		{"https://orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097"},
		{"http://www.orcid.org/0000-0001-8607-8025/", "0000-0001-8607-8025"},
		{"orcid.org/0000-0002-9341-7985", "0000-0002-9341-7985"},
		{"orcid:0000-0003-1620-1408", "0000-0003-1620-1408"},
		{" 0000000218250097 ", "0000-0002-1825-0097"},
		{"0000-0002-0734-2199", "0000-0002-0734-2199"},
	};
	/* 0000-0001-5109-370X looks right but its check character is 0 */
	static const char *const bad[] = {"", "0000-0002-1825-0098", "0000-0001-5109-370X",
		"0000-0002-1694-2330",
		"0000-0002-1825-009", "0000-0002-1825-00977", "0000-0002-18250097",
		"0000-000X-1825-0097", "adfafadf", "https://example.org/0000-0002-1825-0097",
		"https://orcid.org/", "https://orcid.org/0000-0002-1825-0098"};
	size_t i;
	char *id;
	for (i = 0; i < N(ok); i++) {
		id = NULL;
		OK(pub__orcid_normalize(&id, ok[i][0]) == 0, "orcid '%s': %s", ok[i][0],
			pub_error_last());
		STR_EQ(id, ok[i][1], "orcid of '%s'", ok[i][0]);
		free(id);
	}
	for (i = 0; i < N(bad); i++) {
		id = NULL;
		OK(pub__orcid_normalize(&id, bad[i]) == PUB_EINVAL && !id, "reject orcid '%s'",
			bad[i]);
		OK(strstr(pub_error_last(), "not an ORCID iD") != NULL, "message for '%s'", bad[i]);
	}
	OK(pub__orcid_check_char("000000021825009") == '7', "check digit 7");
	OK(pub__orcid_check_char("000000021694233") == 'X', "check digit X");
	OK(pub__orcid_check_char("000000015109370") == '0', "check digit 0");
}

static void test_dblp(void)
{
	static const struct {
		const char *in, *id;
		pub__dblp_kind kind;
	} ok[] = {
		{"74/5295", "74/5295", PUB__DBLP_PID},
		{"95/7448-1", "95/7448-1", PUB__DBLP_PID},
		{"h/GeoffreyEHinton", "h/GeoffreyEHinton", PUB__DBLP_PID},
		{"s/JSmith-1", "s/JSmith-1", PUB__DBLP_PID},
		{"https://dblp.org/pid/95/7448-1.xml", "95/7448-1", PUB__DBLP_PID},
		{"https://dblp.org/pid/74/5295.html", "74/5295", PUB__DBLP_PID},
		{"dblp.uni-trier.de/pid/74/5295", "74/5295", PUB__DBLP_PID},
		{"homepages/95/7448", "95/7448", PUB__DBLP_PID},
		{"conf/iclr/ZhaoJWY25", "conf/iclr/ZhaoJWY25", PUB__DBLP_KEY},
		{"journals/corr/abs-2408-12588", "journals/corr/abs-2408-12588", PUB__DBLP_KEY},
		{"DBLP:conf/3dtv/Coria-MendozaXN12", "conf/3dtv/Coria-MendozaXN12", PUB__DBLP_KEY},
		{"https://dblp.org/rec/series/sci/2023-1062.bib", "series/sci/2023-1062",
			PUB__DBLP_KEY},
		{"https://dblp.org/rec/conf/cidr/0001NZLGN21.html?view=bibtex",
			"conf/cidr/0001NZLGN21", PUB__DBLP_KEY},
		{"http://dblp.uni-trier.de/rec/bib/journals/tcas/GarridoKKG16",
			"journals/tcas/GarridoKKG16", PUB__DBLP_KEY},
		{"https://dblp.org/rec/journals/tvcg/XuDN11", "journals/tvcg/XuDN11", PUB__DBLP_KEY},
	};
	static const char *const bad[] = {"", "74", "74/", "/5295", "74/5295-", "74/52x95",
		"H/GeoffreyEHinton", "h/", "conf/iclr", "Conf/iclr/X", "conf//X", "conf/iclr/X/",
		"https://dblp.org/pid/conf/iclr/ZhaoJWY25", "https://dblp.org/rec/74/5295",
		"https://dblp.org/search?q=x", "https://example.org/pid/74/5295",
		"conf/iclr/ZhaoJWY25.pdf", "0000-0002-1825-0097"};
	size_t i;
	char *id;
	pub__dblp_kind k;
	for (i = 0; i < N(ok); i++) {
		id = NULL;
		OK(pub__dblp_normalize(&id, &k, ok[i].in) == 0, "dblp '%s': %s", ok[i].in,
			pub_error_last());
		STR_EQ(id, ok[i].id, "dblp id of '%s'", ok[i].in);
		OK(k == ok[i].kind, "dblp kind of '%s': %d", ok[i].in, (int)k);
		free(id);
	}
	for (i = 0; i < N(bad); i++) {
		id = NULL;
		OK(pub__dblp_normalize(&id, &k, bad[i]) == PUB_EINVAL && !id && !k,
			"reject dblp '%s'", bad[i]);
		OK(strstr(pub_error_last(), "not a dblp id") != NULL, "message for '%s'", bad[i]);
	}
}

int main(void)
{
	test_arxiv();
	test_doi();
	test_github();
	test_orcid();
	test_dblp();
	return test_summary();
}
