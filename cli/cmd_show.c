/*
 * cmd_show.c: `pubdb show KEY`: everything stored about one paper.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static const char *key;

const cli_opt_spec cmd_show_opts[] = {
	CLI_OPT_JSON("one JSON object (as the global --json)"),
	CLI_OPT_QUIET,
	{CLI_OPT_ARG, "KEY", 0, &key, 0, NULL, NULL, 0},
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb show`: its help, next to its options. */
const cmd_text cmd_show_text = {
	.usage =
		"usage: pubdb show [--json] KEY\n",
	.description =
		"Shows everything stored about a paper (--json: one JSON object).\n",
};

static void print_text(const pub_paper *p)
{
	size_t i;
	printf("key:      %s\n", p->key);
	if (p->naliases) {
		/* Keys merges absorbed: pubdb unmerge ALIAS splits one off. */
		printf("aliases: ");
		for (i = 0; i < p->naliases; i++)
			printf(" %s%s", p->aliases[i], i + 1 < p->naliases ? "," : "");
		printf("\n");
	}
	printf("type:     %s\n", p->type);
	printf("title:    %s\n", p->title ? p->title : "");
	if (p->year)
		printf("year:     %d\n", p->year);
	if (p->venue)
		printf("venue:    %s\n", p->venue);
	if (p->arxiv) {
		if (p->arxiv_version)
			printf("arxiv:    %sv%d\n", p->arxiv, p->arxiv_version);
		else
			printf("arxiv:    %s\n", p->arxiv);
	}
	if (p->doi)
		printf("doi:      %s\n", p->doi);
	if (p->decision) {
		printf("decision: %s%s%s", p->decision->venue ? p->decision->venue : "",
			p->decision->tier ? " " : "", p->decision->tier ? p->decision->tier : "");
		if (p->decision->day)
			printf(", %s", p->decision->day);
		printf(" (%s%s%s)\n", p->decision->source ? p->decision->source : "",
			p->decision->id ? " " : "", p->decision->id ? p->decision->id : "");
	}
	printf("selected: %s\n", p->selected ? "yes" : "no");
	if (p->nauthors) {
		printf("authors:\n");
		for (i = 0; i < p->nauthors; i++)
			printf("  %zu. %s%s%s\n", i + 1, p->authors[i].name,
				p->authors[i].equal ? " (equal contribution)" : "",
				p->authors[i].corresponding ? " (corresponding)" : "");
	}
	if (p->ntags) {
		printf("tags:    ");
		for (i = 0; i < p->ntags; i++)
			printf(" %s%s", p->tags[i], i + 1 < p->ntags ? "," : "");
		printf("\n");
	}
	for (i = 0; i < p->nlinks; i++) {
		printf("link:     [%s] %s", p->links[i].kind, p->links[i].url);
		if (p->links[i].stars >= 0)
			printf(" (%ld stars)", p->links[i].stars);
		if (p->links[i].source)
			printf(" (found by %s)", p->links[i].source);
		printf("\n");
	}
	if (p->nfields) {
		printf("fields:\n");
		for (i = 0; i < p->nfields; i++)
			printf("  %s = {%s}\n", p->fields[i].name, p->fields[i].value);
	}
	printf("added:    %s\n", p->added);
}

int cmd_show(cli *c)
{
	pub_paper *p;
	int err;
	if (!key)
		return cli_usage_error("show", "show takes one citation key");
	if ((err = pub_paper_get(&p, c->db, key)) < 0)
		return cli_fail(err);
	if (c->json) {
		char *json;
		if ((err = pub_paper_json(&json, c->db, p)) < 0) {
			pub_paper_free(p);
			return cli_fail(err);
		}
		printf("%s\n", json);
		free(json);
	} else {
		print_text(p);
	}
	pub_paper_free(p);
	return EXIT_OK;
}
