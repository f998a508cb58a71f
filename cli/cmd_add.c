/*
 * cmd_add.c: `pubdb add`: BibTeX files and stdin, arXiv ids and DOIs.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

typedef struct add_ctx {
	cli *c;
	int per_paper; /* one line per added paper (small inputs) */
	const char *source;
} add_ctx;

static void on_warning(const char *message, void *ctx)
{
	(void)ctx;
	cli_warn("%s", message);
}

static void on_paper(const char *action, const char *key, const char *title,
	const char *source, void *ctx)
{
	add_ctx *a = ctx;
	if (a->c->quiet)
		return;
	if (strcmp(action, "merged") == 0)
		printf("%s: merged into %s\n", source, key);
	else if (a->per_paper)
		printf("added %s: %s\n", key, title);
}

/* An identifier rather than a BibTeX file: a prefix or URL says so, and
 * anything that is not an existing file or a .bib name is taken as one so
 * that bare ids (2408.12588, hep-th/9901001) work and typos are reported
 * as bad identifiers by the library before any request. */
static int is_identifier(const char *arg)
{
	size_t n = strlen(arg);
	if (strncmp(arg, "arxiv:", 6) == 0 || strncmp(arg, "arXiv:", 6) == 0 ||
	    strncmp(arg, "doi:", 4) == 0 || strstr(arg, "arxiv.org/") ||
	    strstr(arg, "doi.org/"))
		return 1;
	if (strcmp(arg, "-") == 0 || access(arg, F_OK) == 0)
		return 0;
	return !(n >= 4 && strcmp(arg + n - 4, ".bib") == 0);
}

int cmd_add(cli *c, int argc, char **argv)
{
	pub_import_opts o;
	cli_list inputs = {0}, tags = {0}, links = {0}, ids = {0};
	add_ctx actx;
	int i, rc = EXIT_OK, r;
	size_t k;

	memset(&o, 0, sizeof(o));
	for (i = 1; i < argc; i++) {
		const char *v;
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			for (i++; i < argc; i++)
				cli_list_push(&inputs, argv[i]);
			break;
		} else if ((r = cli_opt_value(argc, argv, &i, "--tag", &v)) != 0) {
			if (r < 0 || !*v)
				goto missing;
			cli_list_push(&tags, v);
		} else if ((r = cli_opt_value(argc, argv, &i, "--code", &v)) != 0) {
			if (r < 0)
				goto missing;
			o.code_url = v;
		} else if ((r = cli_opt_value(argc, argv, &i, "--link", &v)) != 0) {
			if (r < 0)
				goto missing;
			if (!strchr(v, '=')) {
				rc = cli_usage_error("add", "--link takes KIND=URL, not '%s'", v);
				goto done;
			}
			cli_list_push(&links, v);
		} else if ((r = cli_opt_value(argc, argv, &i, "--venue", &v)) != 0) {
			if (r < 0)
				goto missing;
			o.venue = v;
		} else if ((r = cli_opt_value(argc, argv, &i, "--key", &v)) != 0) {
			if (r < 0 || !*v)
				goto missing;
			o.key = v;
		} else if ((r = cli_opt_value(argc, argv, &i, "--encoding", &v)) != 0) {
			if (r < 0)
				goto missing;
			o.encoding = v;
		} else if (strcmp(a, "--selected") == 0) {
			o.selected = 1;
		} else if (strcmp(a, "--dry-run") == 0) {
			o.dry_run = 1;
		} else if (strcmp(a, "--no-merge") == 0) {
			o.no_merge = 1;
		} else if (strcmp(a, "--strict") == 0) {
			o.strict = 1;
		} else if (a[0] == '-' && a[1] != '\0') {
			rc = cli_usage_error("add", "unknown option '%s'", a);
			goto done;
		} else {
			cli_list_push(&inputs, a);
		}
	}
	if (inputs.n == 0) {
		rc = cli_usage_error("add", "add needs a .bib file, '-', arxiv:ID or doi:DOI");
		goto done;
	}
	if (o.key && inputs.n > 1) {
		rc = cli_usage_error("add", "--key names one paper; give one input");
		goto done;
	}
	o.tags = tags.items;
	o.ntags = tags.n;
	o.links = links.items;
	o.nlinks = links.n;
	o.warn = on_warning;
	o.on_paper = on_paper;
	actx.c = c;
	o.paper_ctx = &actx;

	for (k = 0; k < inputs.n; k++)
		if (is_identifier(inputs.items[k]))
			cli_list_push(&ids, inputs.items[k]);
	if (ids.n) {
		/* All identifiers in one call: one batched arXiv request and
		 * one transaction. */
		pub_import_stats st;
		int err;
		actx.source = NULL;
		actx.per_paper = 1;
		err = pub_add_ids(c->db, ids.items, ids.n, &o, &st, stdout);
		if (err < 0 && err != PUB_ENOTFOUND) {
			rc = cli_fail(err);
			if (err != PUB_EINVAL)
				cli_note(c, "nothing was stored");
			goto done;
		}
		if (err == PUB_ENOTFOUND)
			rc = cli_fail(err);
		cli_note(c, "%s%zu added, %zu merged, %zu failed",
			o.dry_run ? "dry run, " : "", st.added, st.merged, st.skipped);
	}
	for (k = 0; k < inputs.n; k++) {
		const char *in = inputs.items[k];
		pub_import_stats st;
		int err;
		if (is_identifier(in))
			continue;
		actx.source = in;
		actx.per_paper = 0;
		err = pub_import_bibtex(c->db, in, &o, &st);
		if (err < 0) {
			rc = cli_fail(err);
			if (o.strict || err != PUB_EPARSE)
				cli_note(c, "nothing was stored from '%s'", in);
			goto done;
		}
		cli_note(c, "%s'%s': %zu added, %zu merged, %zu skipped%s",
			o.dry_run ? "dry run, " : "",
			strcmp(in, "-") == 0 ? "<stdin>" : in,
			st.added, st.merged, st.skipped,
			st.skipped ? " (see the warnings above)" : "");
	}
done:
	cli_list_free(&inputs);
	cli_list_free(&ids);
	cli_list_free(&tags);
	cli_list_free(&links);
	return rc;
missing:
	rc = cli_usage_error("add", "%s needs a value", argv[i]);
	goto done;
}
