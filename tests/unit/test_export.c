/*
 * test_export.c: the publication-list writers (HTML, Markdown, Jekyll,
 * CSL-JSON), the LaTeX renderer behind them and owner matching, driven with
 * pub_paper structs built here.  The example homepage's five papers and
 * three projects are written in every format and compared with the golden
 * files in fixtures/export/; hostile input checks the escaping.
 *
 * Usage: test_export FIXTURE_DIR OUT_DIR [--update]
 *   --update rewrites the golden files from the current output.
 */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "text/person.h"
#include "ids/github.h"
#include "export/csl.h"
#include "export/export.h"
#include "export/html.h"
#include "export/markdown.h"
#include "export/render.h"
#include "../harness.h"

static const char *fixture_dir, *out_dir;
static int update;

/* ---- the example homepage ----------------------------------------------- */

#define A(n, g, f, e) {n, g, NULL, f, NULL, e, 0}

static pub_author pab_authors[] = {
	A("Xuanlei Zhao", "Xuanlei", "Zhao", 1), A("Xiaolong Jin", "Xiaolong", "Jin", 1),
	A("Kai Wang", "Kai", "Wang", 1), A("Yang You", "Yang", "You", 0),
};
static pub_link pab_links[] = {
	{"paper", "https://arxiv.org/abs/2408.12588", -1, NULL},
	{"code", "https://github.com/NUS-HPC-AI-Lab/VideoSys", 2012, NULL},
	{"blog", "https://oahzxl.github.io/PAB/", -1, NULL},
};
static char *pab_tags[] = {"Efficient Video Generation"};

static pub_author dsp_authors[] = {
	A("Xuanlei Zhao", "Xuanlei", "Zhao", 0), A("Shenggan Cheng", "Shenggan", "Cheng", 0),
	A("Chang Chen", "Chang", "Chen", 0), A("Zangwei Zheng", "Zangwei", "Zheng", 0),
	A("Ziming Liu", "Ziming", "Liu", 0), A("Zheming Yang", "Zheming", "Yang", 0),
	A("Yang You", "Yang", "You", 0),
};
/* the loader fills code-link stars from the repository: VideoSys again */
static pub_link dsp_links[] = {
	{"paper", "https://arxiv.org/abs/2403.10266", -1, NULL},
	{"code", "https://github.com/NUS-HPC-AI-Lab/VideoSys", 2012, NULL},
};

static pub_author autochunk_authors[] = {
	A("Xuanlei Zhao", "Xuanlei", "Zhao", 0), A("Shenggan Cheng", "Shenggan", "Cheng", 0),
	A("Guangyang Lu", "Guangyang", "Lu", 0), A("Jiarui Fang", "Jiarui", "Fang", 0),
	A("Haotian Zhou", "Haotian", "Zhou", 0), A("Bin Jia", "Bin", "Jia", 0),
	A("Ziming Liu", "Ziming", "Liu", 0), A("Yang You", "Yang", "You", 0),
};
/* a deep link into ColossalAI: its stars are not AutoChunk's */
static pub_link autochunk_links[] = {
	{"code", "https://github.com/hpcaitech/ColossalAI/tree/main/colossalai/autochunk", 41234, NULL},
};
static char *memory_tags[] = {"Efficient Memory Cost"};

static pub_author hetegen_authors[] = {
	A("Xuanlei Zhao", "Xuanlei", "Zhao", 1), A("Bin Jia", "Bin", "Jia", 1),
	A("Haotian Zhou", "Haotian", "Zhou", 1), A("Ziming Liu", "Ziming", "Liu", 0),
	A("Shenggan Cheng", "Shenggan", "Cheng", 0), A("Yang You", "Yang", "You", 0),
};

static pub_author fastfold_authors[] = {
	A("Shenggan Cheng", "Shenggan", "Cheng", 0), A("Xuanlei Zhao", "Xuanlei", "Zhao", 0),
	A("Guangyang Lu", "Guangyang", "Lu", 0), A("Jiarui Fang", "Jiarui", "Fang", 0),
	A("Tian Zheng", "Tian", "Zheng", 0), A("Ruidong Wu", "Ruidong", "Wu", 0),
	A("Xiwen Zhang", "Xiwen", "Zhang", 0), A("Jian Peng", "Jian", "Peng", 0),
	A("Yang You", "Yang", "You", 0),
};
static pub_link fastfold_links[] = {
	{"paper", "https://dl.acm.org/doi/10.1145/3627535.3638465", -1, NULL},
	{"code", "https://github.com/hpcaitech/FastFold", 582, NULL},
};
static char *science_tags[] = {"Efficient AI for Science"};
static pub_field fastfold_fields[] = {
	{"booktitle", "Proceedings of the 29th {ACM} {SIGPLAN} Annual Symposium on "
		      "Principles and Practice of Parallel Programming"},
	{"pages", "417--430"},
	{"publisher", "Association for Computing Machinery"},
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static pub_paper papers[] = {
	{1, "zhao2024realtime", "inproceedings",
		"Real-Time Video Generation with Pyramid Attention Broadcast", 2024, 8,
		"ICLR 2025", "2408.12588", 3, NULL,
		"We present Pyramid Attention Broadcast (PAB), a real-time, high quality "
		"and training-free approach for DiT-based video generation.",
		1, 0, NULL, NULL, N(pab_authors), pab_authors, N(pab_links), pab_links,
		N(pab_tags), pab_tags, 0, NULL, 0, NULL, 0, NULL},
	{2, "zhao2024dsp", "inproceedings",
		"{DSP}: Dynamic Sequence Parallelism for Multi-Dimensional Transformers",
		2024, 3, "ICML 2025", "2403.10266", 2, NULL, NULL, 1, 1, NULL, NULL,
		N(dsp_authors), dsp_authors, N(dsp_links), dsp_links, N(pab_tags), pab_tags,
		0, NULL, 0, NULL, 0, NULL},
	{3, "zhao2024autochunk", "inproceedings",
		"AutoChunk: Automated Activation Chunk for Memory-Efficient Long Sequence Inference",
		2024, 1, "ICLR 2024", "2401.10652", 1, NULL, NULL, 1, 0, NULL, NULL,
		N(autochunk_authors), autochunk_authors, N(autochunk_links), autochunk_links,
		N(memory_tags), memory_tags, 0, NULL, 0, NULL, 0, NULL},
	{4, "zhao2024hetegen", "inproceedings",
		"HeteGen: Heterogeneous Parallel Inference for Large Language Models on "
		"Resource-Constrained Devices",
		2024, 3, "MLSys 2024", "2403.01164", 1, NULL, NULL, 1, 1, NULL, NULL,
		N(hetegen_authors), hetegen_authors, 0, NULL, N(memory_tags), memory_tags, 0, NULL, 0, NULL, 0, NULL},
	{5, "cheng2024fastfold", "inproceedings",
		"FastFold: Optimizing AlphaFold Training and Inference on {GPU} Clusters",
		2024, 3, "PPoPP 2024", "2203.00854", 3, "10.1145/3627535.3638465", NULL, 1, 0,
		NULL, NULL, N(fastfold_authors), fastfold_authors, N(fastfold_links),
		fastfold_links, N(science_tags), science_tags, N(fastfold_fields), fastfold_fields, 0, NULL, 0, NULL},
};

static pub_repo repos[] = {
	{1, 0, "NUS-HPC-AI-Lab", "VideoSys", "https://github.com/NUS-HPC-AI-Lab/VideoSys",
		"An Easy and Efficient System for Video Generation", 2012, 0, 0, NULL, "ok", 1, NULL, NULL},
	{2, 0, "hpcaitech", "ColossalAI", "https://github.com/hpcaitech/ColossalAI",
		"Making large AI models cheaper, faster and more accessible", 41234, 0, 0,
		NULL, "ok", 1, NULL, NULL},
	{3, 0, "hpcaitech", "FastFold", "https://github.com/hpcaitech/FastFold",
		"Optimizing AlphaFold Training and Inference on GPU Clusters", 582, 0, 0,
		NULL, "ok", 1, NULL, NULL},
};

static const char *home_tags[] = {
	"Efficient Video Generation", "Efficient Memory Cost", "Efficient AI for Science",
};

/* ---- a preprint with LaTeX left in it --------------------------------------- */

static pub_author pre_authors[] = {
	{"Jan van der Berg", "Jan", "van der", "Berg", NULL, 0, 0},
	{"José García", "José", NULL, "García", "Jr.", 0, 0},
	{"Zhao, X.", "X.", NULL, "Zhao", NULL, 0, 0},
};
static pub_link pre_links[] = {
	{"slides", "https://example.com/slides.pdf", -1, NULL},
	{"code", "https://github.com/example/alpha-nets", 1234567, NULL},
	{"video", "https://youtu.be/x", -1, NULL},
};
static pub_paper preprint[] = {
	{7, "berg2025scaling", "misc",
		"Scaling $\\alpha$-Nets to {GPU}s with \\emph{Sparse} Attention --- a Study of $O(n^{2})$ Cost",
		2025, 2, NULL, "2502.01234", 1, NULL, "We study \\textbf{sparse} attention.", 0, 0,
		NULL, NULL, N(pre_authors), pre_authors, N(pre_links), pre_links, 0, NULL, 0, NULL, 0, NULL, 0, NULL},
};

/* ---- hostile input -------------------------------------------------------- */

static pub_author evil_authors[] = {
	A("<img src=x onerror=alert(1)>", NULL, NULL, 1),
	A("Tom & \"Jerry\" O'Neil", "Tom", "O'Neil", 0),
	A("Xuanlei <b>Zhao</b>", NULL, NULL, 0),
};
static pub_link evil_links[] = {
	{"paper", "javascript:alert(1)", -1, NULL},
	{"code", " JaVaScRiPt:alert(1)", 5, NULL},
	{"blog", "data:text/html;base64,PHNjcmlwdD4=", -1, NULL},
	{"video", "https://example.com/watch?a=1&b=\"2\"'><script>x</script>", -1, NULL},
	{"slides", "java\tscript:alert(1)", -1, NULL},
	{"project", "&#106;avascript:alert(1)", -1, NULL},
	{"pdf", "VBScript:msgbox(1)", -1, NULL},
	{"<i>kind</i>", "https://example.com/k", -1, NULL},
	{"code", "https://github.com/evil/repo\"onmouseover=\"x", 12, NULL},
};
static char *evil_tags[] = {"<script>alert('tag')</script>"};
static pub_field evil_fields[] = {{"journal", "J. of <script>"}};

static pub_paper evil[] = {
	{9, "../evil\"<x>/../../key", "article",
		"<script>alert(1)</script> & \"quotes\" 'single' \\emph{ok} [x](y) *a* _b_ | `c` $x$",
		2023, 13, NULL, "2301.00001\"><script>", 1, NULL,
		"Abstract with \"quotes\", \\backslash, <tags> and a\nnewline.", 0, 0, NULL,
		NULL, N(evil_authors), evil_authors, N(evil_links), evil_links, N(evil_tags),
		evil_tags, N(evil_fields), evil_fields, 0, NULL, 0, NULL},
};

static pub_repo evil_repos[] = {
	{1, 0, "x", "<script>", "javascript:alert(1)", "a & b <c>", 1000000, 0, 0,
		NULL, "ok", 1, NULL, NULL},
};

/* ---- helpers -------------------------------------------------------------- */

static char *read_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	pub__buf b = PUB__BUF_INIT;
	char chunk[4096];
	size_t n;
	if (!fp)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		pub__buf_put(&b, chunk, n);
	fclose(fp);
	return pub__buf_detach(&b);
}

static void write_file(const char *path, const char *s)
{
	FILE *fp = fopen(path, "wb");
	OK(fp != NULL, "cannot write '%s'", path);
	if (!fp)
		return;
	fputs(s, fp);
	fclose(fp);
}

/* Compares `got` with fixtures/export/NAME (or rewrites it with --update);
 * the output also lands in OUT_DIR/NAME for a diff. */
static void golden(const char *name, const char *got)
{
	char *fix = pub__sprintf("%s/%s", fixture_dir, name);
	char *out = pub__sprintf("%s/%s", out_dir, name);
	char *want;
	write_file(out, got);
	if (update)
		write_file(fix, got);
	want = read_file(fix);
	OK(want != NULL, "missing golden file '%s' (run with --update)", fix);
	if (want && strcmp(want, got) != 0)
		OK(0, "%s differs from the golden file: diff %s %s", name, fix, out);
	free(want);
	free(fix);
	free(out);
}

typedef int (*writer)(FILE *out, const pub__export_set *set);

static char *run(writer w, const pub__export_set *set)
{
	char *s = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&s, &n);
	int err = w(fp, set);
	OK(err == 0, "writer failed: %s", pub_error_last());
	fclose(fp);
	return s;
}

static void set_of(pub__export_set *set, const pub_paper *const *pp, size_t n,
	const pub_export_opts *opts)
{
	memset(set, 0, sizeof(*set));
	set->papers = pp;
	set->npapers = n;
	set->repos = NULL;
	set->owner = "Xuanlei Zhao";
	set->opts = opts;
}

/* The DESIGN.md JSON of the papers, for tests/check_html.py. */
static char *papers_json(const pub_paper *const *pp, size_t n, const char *owner)
{
	json_t *arr = json_array();
	size_t i, j;
	char *s;
	for (i = 0; i < n; i++) {
		const pub_paper *p = pp[i];
		json_t *o = json_object(), *au = json_array(), *li = json_array();
		json_t *tags = json_array(), *fields = json_object();
		json_object_set_new(o, "key", json_string(p->key));
		json_object_set_new(o, "type", json_string(p->type));
		json_object_set_new(o, "title", json_string(p->title));
		json_object_set_new(o, "year", json_integer(p->year));
		json_object_set_new(o, "venue", p->venue ? json_string(p->venue) : json_null());
		json_object_set_new(o, "arxiv", p->arxiv ? json_string(p->arxiv) : json_null());
		json_object_set_new(o, "doi", p->doi ? json_string(p->doi) : json_null());
		for (j = 0; j < p->nauthors; j++)
			json_array_append_new(au, json_pack("{s:s,s:b,s:b}", "name",
				p->authors[j].name, "equal", p->authors[j].equal, "me",
				pub__author_is_owner(&p->authors[j], owner)));
		json_object_set_new(o, "authors", au);
		for (j = 0; j < p->nlinks; j++) {
			json_t *l = json_pack("{s:s,s:s}", "kind", p->links[j].kind, "url",
				p->links[j].url);
			if (p->links[j].stars >= 0)
				json_object_set_new(l, "stars", json_integer(p->links[j].stars));
			json_array_append_new(li, l);
		}
		json_object_set_new(o, "links", li);
		for (j = 0; j < p->ntags; j++)
			json_array_append_new(tags, json_string(p->tags[j]));
		json_object_set_new(o, "tags", tags);
		for (j = 0; j < p->nfields; j++)
			json_object_set_new(fields, p->fields[j].name, json_string(p->fields[j].value));
		json_object_set_new(o, "fields", fields);
		json_array_append_new(arr, o);
	}
	s = json_dumps(arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(arr);
	{
		char *r = pub__sprintf("%s\n", s);
		free(s);
		return r;
	}
}

/* ---- tests ---------------------------------------------------------------- */

static char *html_of(const char *s)
{
	pub__buf b = PUB__BUF_INIT;
	pub__render_latex(&b, s, PUB__RENDER_HTML);
	return pub__buf_detach(&b);
}

static char *md_of(const char *s)
{
	pub__buf b = PUB__BUF_INIT;
	pub__render_latex(&b, s, PUB__RENDER_MD);
	return pub__buf_detach(&b);
}

static char *text_of(const char *s)
{
	pub__buf b = PUB__BUF_INIT;
	pub__render_latex(&b, s, PUB__RENDER_TEXT);
	return pub__buf_detach(&b);
}

#define RENDER(fn, in, want)                                   \
	do {                                                   \
		char *got_ = fn(in);                           \
		STR_EQ(got_, want, "%s(%s)", #fn, in);         \
		free(got_);                                    \
	} while (0)

static void test_render(void)
{
	RENDER(html_of, "Plain title", "Plain title");
	RENDER(html_of, "\\emph{Fast} and \\textit{slow}", "<em>Fast</em> and <em>slow</em>");
	RENDER(html_of, "\\textbf{Bold} \\texttt{code}", "<strong>Bold</strong> <code>code</code>");
	RENDER(html_of, "Training on {GPU} Clusters", "Training on GPU Clusters");
	RENDER(html_of, "A--B and A---B", "A\xe2\x80\x93" "B and A\xe2\x80\x94" "B");
	RENDER(html_of, "$O(n^2)$ and $x_{i}^{10}$", "O(n<sup>2</sup>) and x<sub>i</sub><sup>10</sup>");
	RENDER(html_of, "$\\alpha$-Net with $\\Sigma\\beta$", "α-Net with Σβ");
	/* an unknown macro: its argument, or its name when it has none */
	RENDER(html_of, "\\foo{bar} \\LaTeX{} rocks", "bar LaTeX rocks");
	RENDER(html_of, "\\NP-hard and \\NP{}-complete", "NP-hard and NP-complete");
	/* a LaTeX symbol, not a name: \backslash is the character */
	RENDER(text_of, "a\\backslash{}b, $\\backslash$", "a\\b, \\");
	RENDER(html_of, "methodology\\hyphen independent", "methodology-independent");
	RENDER(text_of, "non\\hyphen{}linear, line\\allowbreak{}break", "non-linear, linebreak");
	RENDER(html_of, "<script>alert('x')</script> & \"q\"",
		"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
	RENDER(html_of, "Caf\\'e M{\\\"u}ller \\c{c}a {\\o}", "Café Müller ça ø");
	RENDER(html_of, "\\& \\% \\$ \\_ \\# \\{x\\}", "&amp; % $ _ # {x}");
	RENDER(html_of, "{\\em emphasised} rest", "<em>emphasised</em> rest");
	RENDER(html_of, "unbalanced {\\bf bold", "unbalanced <strong>bold</strong>");
	RENDER(html_of, "stray } brace and \\", "stray brace and");
	RENDER(html_of, "  spaces   collapse\n\there  ", "spaces collapse here");
	RENDER(html_of, "bad \xff utf8 \xc3", "bad \xef\xbf\xbd utf8 \xef\xbf\xbd");
	RENDER(html_of, "ctrl\x01\x7f chars", "ctrl chars");
	RENDER(html_of, "x^2 outside math", "x^2 outside math");
	RENDER(md_of, "*a* _b_ [c](d) | `e` $f$ \\$ # ! <g> & ~",
		"\\*a\\* \\_b\\_ \\[c\\](d) \\| \\`e\\` f \\$ \\# \\! &lt;g&gt; &amp; \xc2\xa0");
	RENDER(md_of, "\\emph{x} $n^2$", "<em>x</em> n<sup>2</sup>");
	RENDER(text_of, "\\emph{Fast} {GPU} $O(n^{2})$ \\& x", "Fast GPU O(n^2) & x");
	RENDER(text_of, "", "");
}

static void test_urls(void)
{
	char num[48];
	OK(pub__url_safe("https://arxiv.org/abs/2408.12588"), "https");
	OK(pub__url_safe("HTTP://example.com"), "HTTP upper case");
	OK(pub__url_safe("mailto:me@example.com"), "mailto");
	OK(!pub__url_safe("javascript:alert(1)"), "javascript");
	OK(!pub__url_safe(" javascript:alert(1)"), "leading space");
	OK(!pub__url_safe("JaVaScRiPt:alert(1)"), "mixed case");
	OK(!pub__url_safe("java\tscript:alert(1)"), "tab inside");
	OK(!pub__url_safe("&#106;avascript:alert(1)"), "entity");
	OK(!pub__url_safe("data:text/html,x"), "data");
	OK(!pub__url_safe("vbscript:x"), "vbscript");
	OK(!pub__url_safe("/relative/path"), "relative");
	OK(!pub__url_safe("//example.com/x"), "scheme-relative");
	OK(!pub__url_safe("https:///x"), "no host");
	OK(!pub__url_safe("https://exa mple.com"), "space");
	OK(!pub__url_safe(NULL), "NULL");
	OK(pub__url_is_repo_root("https://github.com/hpcaitech/FastFold"), "repo root");
	OK(pub__url_is_repo_root("https://github.com/hpcaitech/FastFold/"), "repo root /");
	OK(!pub__url_is_repo_root("https://github.com/hpcaitech/ColossalAI/tree/main/x"), "deep");
	OK(!pub__url_is_repo_root("https://github.com/hpcaitech"), "owner only");
	pub__thousands(num, sizeof(num), 2012);
	STR_EQ(num, "2,012", "thousands");
	pub__thousands(num, sizeof(num), 1234567);
	STR_EQ(num, "1,234,567", "millions");
	pub__thousands(num, sizeof(num), 999);
	STR_EQ(num, "999", "hundreds");
	pub__thousands(num, sizeof(num), 0);
	STR_EQ(num, "0", "zero");
}

static int owner_is(const char *name, const char *given, const char *family,
	const char *owner)
{
	pub_author a = {(char *)name, (char *)given, NULL, (char *)family, NULL, 0, 0};
	return pub__author_is_owner(&a, owner);
}

static void test_owner(void)
{
	const char *o = "Xuanlei Zhao";
	OK(owner_is("Xuanlei Zhao", "Xuanlei", "Zhao", o), "same");
	OK(owner_is("Zhao, Xuanlei", "Xuanlei", "Zhao", o), "comma form, parsed");
	OK(owner_is("Zhao, Xuanlei", NULL, NULL, o), "comma form, unparsed");
	OK(owner_is("X. Zhao", "X.", "Zhao", o), "initial");
	OK(owner_is("X Zhao", NULL, NULL, o), "initial without dot");
	OK(owner_is("Zhao X", "Zhao", "X", o), "family first, parsed wrongly");
	OK(owner_is("Zhao Xuanlei", NULL, NULL, o), "family first");
	OK(owner_is("Xuanlei ZHAO", "Xuanlei", "ZHAO", o), "upper case");
	OK(owner_is("José García", "José", "García", "Jose Garcia"), "accents");
	OK(owner_is("Jose Garcia", "Jose", "Garcia", "José García"), "accents, other way");
	OK(owner_is("J. A. Smith", NULL, NULL, "John Smith"), "middle initial");
	OK(!owner_is("Xiaolong Zhao", "Xiaolong", "Zhao", o), "other given name");
	OK(!owner_is("Yang You", "Yang", "You", o), "someone else");
	OK(!owner_is("Zhao", NULL, "Zhao", o), "family only");
	OK(!owner_is("Xuanlei Zhang", "Xuanlei", "Zhang", o), "other family");
	OK(!owner_is("Xuanlei Zhao", "Xuanlei", "Zhao", NULL), "no owner");
	OK(!owner_is("Xuanlei Zhao", "Xuanlei", "Zhao", ""), "empty owner");
	OK(!owner_is(NULL, NULL, NULL, o), "empty author");
}

static void test_homepage(void)
{
	const pub_paper *pp[N(papers)];
	const pub_repo *rp[N(repos)];
	pub_export_opts opts;
	pub__export_set set;
	char *s, *json;
	size_t i;

	for (i = 0; i < N(papers); i++)
		pp[i] = &papers[i];
	for (i = 0; i < N(repos); i++)
		rp[i] = &repos[i];
	pub_export_options_init(&opts, PUB_EXPORT_OPTIONS_VERSION);
	opts.filter.tags = home_tags;
	opts.filter.ntags = N(home_tags);
	set_of(&set, pp, N(papers), &opts);

	opts.format = PUB_FORMAT_HTML;
	s = run(pub__export_html, &set);
	golden("homepage.html", s);
	/* the example's pieces, literally */
	OK(strstr(s, "<h2 class=\"pub-group\">Efficient Memory Cost</h2>"), "group heading");
	OK(strstr(s, "<code class=\"pub-venue\">PPoPP 2024</code>"), "venue");
	/* italics and the star mark in the markup: the fragment has no CSS */
	OK(strstr(s, "<div class=\"pub-authors\"><em><u class=\"pub-me\">Xuanlei Zhao</u><sup>*</sup>, "
		     "Xiaolong Jin<sup>*</sup>, Kai Wang<sup>*</sup>, Yang You</em></div>"), "PAB authors");
	OK(strstr(s, "<a href=\"https://arxiv.org/abs/2401.10652\">[paper]</a> <a href=\"https://github.com/"
		     "hpcaitech/ColossalAI/tree/main/colossalai/autochunk\">[code]</a>"), "arXiv fallback");
	OK(strstr(s, "<a href=\"https://dl.acm.org/doi/10.1145/3627535.3638465\">[paper]</a>"), "FastFold");
	OK(strstr(s, "title=\"GitHub stars\">\xe2\x98\x85 2,012</span>") &&
		!strstr(strstr(s, "2,012</span>") + 5, "2,012"),
		"VideoSys stars once");
	OK(!strstr(s, "41,234"), "no monorepo stars on a deep link");
	OK(strstr(s, "FastFold: Optimizing AlphaFold Training and Inference on GPU Clusters"), "braces");
	OK(strstr(s, "<p class=\"pub-legend\"><sup>*</sup> Equal contribution</p>"), "legend");
	free(s);
	json = papers_json(pp, N(papers), set.owner);
	golden("homepage.json", json);
	free(json);

	opts.standalone = 1;
	s = run(pub__export_html, &set);
	golden("homepage-standalone.html", s);
	OK(strncmp(s, "<!DOCTYPE html>", 15) == 0, "doctype");
	OK(strstr(s, "prefers-color-scheme: dark") && strstr(s, "name=\"viewport\""), "page");
	free(s);
	opts.standalone = 0;

	opts.format = PUB_FORMAT_MARKDOWN;
	s = run(pub__export_markdown, &set);
	golden("homepage.md", s);
	OK(strstr(s, "- `ICLR 2025` **Real-Time Video Generation with Pyramid Attention Broadcast** "
		     "[\\[paper\\]](https://arxiv.org/abs/2408.12588) "
		     "[\\[code\\]](https://github.com/NUS-HPC-AI-Lab/VideoSys) "
		     "[\\[blog\\]](https://oahzxl.github.io/PAB/) \xe2\x98\x85 2,012<br>"
		     "<u>Xuanlei Zhao</u>\\*, Xiaolong Jin\\*, Kai Wang\\*, Yang You\n"), "PAB line");
	free(s);

	opts.format = PUB_FORMAT_CSL_JSON;
	s = run(pub__export_csl_json, &set);
	golden("homepage.csl.json", s);
	{
		json_error_t jerr;
		json_t *j = json_loads(s, 0, &jerr);
		OK(json_is_array(j) && json_array_size(j) == N(papers), "CSL-JSON parses");
		OK(j && !strcmp(json_string_value(json_object_get(json_array_get(j, 4), "page")),
			"417-430"), "pages");
		json_decref(j);
	}
	free(s);

	/* other groupings */
	opts.format = PUB_FORMAT_HTML;
	opts.group_by = PUB_GROUP_YEAR;
	s = run(pub__export_html, &set);
	golden("homepage-year.html", s);
	free(s);
	opts.group_by = PUB_GROUP_VENUE;
	opts.format = PUB_FORMAT_MARKDOWN;
	s = run(pub__export_markdown, &set);
	golden("homepage-venue.md", s);
	OK(strstr(s, "## ICLR\n"), "venue group without year");
	free(s);
	opts.group_by = PUB_GROUP_TAG;
	opts.filter.ntags = 0;
	s = run(pub__export_markdown, &set);
	golden("homepage-alltags.md", s);
	OK(strstr(s, "## Efficient AI for Science") < strstr(s, "## Efficient Memory Cost"),
		"tags alphabetical without a filter");
	free(s);
	opts.group_by = PUB_GROUP_DEFAULT;
	s = run(pub__export_markdown, &set);
	OK(!strstr(s, "## "), "no headings by default without tags");
	free(s);

	/* repositories */
	opts.repos = 1;
	set.repos = rp;
	set.nrepos = N(repos);
	opts.format = PUB_FORMAT_HTML;
	s = run(pub__export_html, &set);
	golden("repos.html", s);
	OK(strstr(s, "<li class=\"pub-repo\"><a href=\"https://github.com/NUS-HPC-AI-Lab/VideoSys\">"
		     "<strong>VideoSys</strong></a>: An Easy and Efficient System for Video Generation "
		     "<span class=\"pub-stars\" title=\"GitHub stars\">\xe2\x98\x85 2,012</span></li>"), "repo line");
	free(s);
	opts.format = PUB_FORMAT_MARKDOWN;
	s = run(pub__export_markdown, &set);
	golden("repos.md", s);
	OK(strstr(s, "- **[VideoSys](https://github.com/NUS-HPC-AI-Lab/VideoSys)**: An Easy and "
		     "Efficient System for Video Generation \xe2\x98\x85 2,012\n"), "repo md line");
	free(s);
}

static void test_jekyll(void)
{
	const pub_paper *pp[N(papers) + N(evil)];
	pub_export_opts opts;
	pub__export_set set;
	char *dir = pub__sprintf("%s/jekyll", out_dir);
	char *trap_dir = pub__sprintf("%s/jekyll-trap", out_dir);
	char *outside = pub__sprintf("%s/outside.txt", out_dir);
	char *link = pub__sprintf("%s/2024-08-01-zhao2024realtime.md", trap_dir);
	static const char *names[] = {
		"2024-08-01-zhao2024realtime.md", "2024-03-01-zhao2024dsp.md",
		"2024-01-01-zhao2024autochunk.md", "2024-03-01-zhao2024hetegen.md",
		"2024-03-01-cheng2024fastfold.md", "2023-01-01-.._evil__x__.._.._key.md",
	};
	size_t i;
	int err;
	char *s;

	for (i = 0; i < N(papers); i++)
		pp[i] = &papers[i];
	pp[N(papers)] = &evil[0];
	pub_export_options_init(&opts, PUB_EXPORT_OPTIONS_VERSION);
	opts.format = PUB_FORMAT_MARKDOWN;
	opts.jekyll_dir = dir;
	set_of(&set, pp, N(papers) + N(evil), &opts);
	err = pub__export_jekyll(dir, &set);
	OK(err == 0, "jekyll export: %s", pub_error_last());
	for (i = 0; i < N(names); i++) {
		char *path = pub__sprintf("%s/%s", dir, names[i]);
		char *fix = pub__sprintf("jekyll/%s", names[i]);
		s = read_file(path);
		OK(s != NULL, "missing '%s'", path);
		if (s)
			golden(fix, s);
		free(s);
		free(fix);
		free(path);
	}

	/* a symlink at a page's name is written through, as export -o does
	 * (issue 12): its target gets the page, the link stays */
	mkdir(trap_dir, 0755);
	write_file(outside, "old\n");
	unlink(link);
	OK(symlink(outside, link) == 0, "symlink: %s", strerror(errno));
	err = pub__export_jekyll(trap_dir, &set);
	OK(err == 0, "export through a symlink: %s", pub_error_last());
	s = read_file(outside);
	OK(s && strncmp(s, "---\n", 4) == 0, "the symlink's target has the page");
	free(s);
	{
		struct stat st;
		OK(lstat(link, &st) == 0 && S_ISLNK(st.st_mode), "the symlink stays");
	}
	free(link);
	free(outside);
	free(trap_dir);
	free(dir);
}

static void test_preprint(void)
{
	const pub_paper *pp[] = {&preprint[0]};
	pub_export_opts opts;
	pub__export_set set;
	char *s, *json;

	pub_export_options_init(&opts, PUB_EXPORT_OPTIONS_VERSION);
	set_of(&set, pp, 1, &opts);
	s = run(pub__export_html, &set);
	golden("preprint.html", s);
	OK(strstr(s, "<code class=\"pub-venue\">arXiv 2025</code>"), "arXiv badge");
	OK(strstr(s, "Scaling α-Nets to GPUs with <em>Sparse</em> Attention \xe2\x80\x94 a Study of "
		     "O(n<sup>2</sup>) Cost"), "LaTeX title");
	OK(strstr(s, "[paper]</a> <a href=\"https://github.com/example/alpha-nets\">[code]</a> "
		     "<a href=\"https://example.com/slides.pdf\">[slides]</a> "
		     "<a href=\"https://youtu.be/x\">[video]</a>"), "link order");
	OK(strstr(s, "1,234,567"), "millions");
	OK(strstr(s, "<u class=\"pub-me\">Zhao, X.</u>"), "owner by initial");
	OK(!strstr(s, "pub-legend"), "no legend without equal marks");
	free(s);
	s = run(pub__export_markdown, &set);
	golden("preprint.md", s);
	free(s);
	s = run(pub__export_csl_json, &set);
	golden("preprint.csl.json", s);
	OK(strstr(s, "\"type\": \"article\"") && strstr(s, "\"number\": \"arXiv:2502.01234\"") &&
		strstr(s, "\"non-dropping-particle\": \"van der\"") && strstr(s, "\"suffix\": \"Jr.\""),
		"CSL preprint");
	free(s);
	json = papers_json(pp, 1, "Xuanlei Zhao");
	golden("preprint.json", json);
	free(json);
}

static void test_hostile(void)
{
	const pub_paper *pp[] = {&evil[0]};
	const pub_repo *rp[] = {&evil_repos[0]};
	const char *bad[] = {"<script", "<img", "<b>", "<i>", "javascript", "JaVaScRiPt",
		"data:", "VBScript", "\"onmouseover", NULL};
	pub_export_opts opts;
	pub__export_set set;
	char *html, *md, *json, *csl, *repos_html, *repos_md;
	size_t i;

	pub_export_options_init(&opts, PUB_EXPORT_OPTIONS_VERSION);
	opts.group_by = PUB_GROUP_TAG;
	set_of(&set, pp, 1, &opts);
	html = run(pub__export_html, &set);
	md = run(pub__export_markdown, &set);
	csl = run(pub__export_csl_json, &set);
	opts.repos = 1;
	set.repos = rp;
	set.nrepos = 1;
	repos_html = run(pub__export_html, &set);
	repos_md = run(pub__export_markdown, &set);
	golden("hostile.html", html);
	golden("hostile.md", md);
	golden("hostile.csl.json", csl);
	json = papers_json(pp, 1, "Xuanlei Zhao");
	golden("hostile.json", json);
	for (i = 0; bad[i]; i++) {
		OK(!strstr(html, bad[i]), "HTML holds '%s'", bad[i]);
		OK(!strstr(repos_html, bad[i]), "repos HTML holds '%s'", bad[i]);
		OK(!strstr(md, bad[i]), "Markdown holds '%s'", bad[i]);
		OK(!strstr(repos_md, bad[i]), "repos Markdown holds '%s'", bad[i]);
	}
	OK(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; "
			"&#39;single&#39; <em>ok</em>"), "title escaped");
	OK(strstr(html, "href=\"https://example.com/watch?a=1&amp;b=&quot;2&quot;&#39;&gt;"
			"&lt;script&gt;x&lt;/script&gt;\""), "attribute escaped");
	OK(strstr(html, "id=\"../evil&quot;&lt;x&gt;/../../key\""), "id escaped");
	OK(strstr(html, "[&lt;i&gt;kind&lt;/i&gt;]"), "link kind escaped");
	OK(strstr(html, "<code class=\"pub-venue\">arXiv 2023</code>"), "arXiv badge");
	OK(!strstr(html, "pub-me"), "nobody is the owner");
	OK(strstr(md, "\\*a\\* \\_b\\_"), "Markdown escapes");
	free(html);
	free(md);
	free(csl);
	free(json);
	free(repos_html);
	free(repos_md);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: %s FIXTURE_DIR OUT_DIR [--update]\n", argv[0]);
		return 2;
	}
	fixture_dir = argv[1];
	out_dir = argv[2];
	update = argc > 3 && strcmp(argv[3], "--update") == 0;
	mkdir(out_dir, 0755);
	if (update) {
		char *j = pub__sprintf("%s/jekyll", fixture_dir);
		mkdir(fixture_dir, 0755);
		mkdir(j, 0755);
		free(j);
	}
	test_render();
	test_urls();
	test_owner();
	test_homepage();
	test_jekyll();
	test_preprint();
	test_hostile();
	return test_summary();
}
