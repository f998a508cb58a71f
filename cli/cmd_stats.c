/*
 * cmd_stats.c: `pubdb stats [--svg FILE]`: papers, citations, h-index,
 * i10-index and stars, as lines, as JSON, or as a badge for a web page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *svg;

const cli_opt_spec cmd_stats_opts[] = {
	{CLI_OPT_VALUE, "svg", 0, &svg, 0, "FILE",
		"write a badge (citations and h-index) as SVG, atomically",
		CLI_OPT_NONEMPTY | CLI_OPT_FILE},
	CLI_OPT_JSON("one JSON object (as the global --json)"),
	CLI_OPT_QUIET,
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb stats`: its help, next to its options. */
const cmd_text cmd_stats_text = {
	.usage =
		"usage: pubdb stats [--svg FILE] [--json]\n",
	.description =
		"Totals over the database: papers, citations (per paper the largest count\n"
		"of any source, summed), h-index, i10-index and GitHub stars.  --svg\n"
		"writes a badge (\"citations | N | h-index | H\") for a web page.\n",
};

int cmd_stats(cli *c)
{
	pub_stats s = PUB_STATS_INIT;
	int err, rc;
	if ((err = pub_stats_get(&s, c->db)) < 0)
		return cli_fail(err);
	if (svg) {
		cli_atomic a;
		if ((rc = cli_atomic_open(&a, svg)) != EXIT_OK)
			return rc;
		if ((err = pub_stats_svg(&s, a.f)) < 0)
			rc = cli_fail(err);
		if ((rc = cli_atomic_close(&a, rc)) != EXIT_OK)
			return rc;
		cli_note(c, "wrote %s", svg);
		return EXIT_OK;
	}
	if (c->json)
		printf("{\"papers\": %ld, \"citations\": %ld, \"h_index\": %ld, "
			"\"i10_index\": %ld, \"stars\": %ld}\n", s.papers, s.citations,
			s.h_index, s.i10_index, s.stars);
	else
		printf("papers     %ld\ncitations  %ld\nh-index    %ld\ni10-index  %ld\n"
			"stars      %ld\n", s.papers, s.citations, s.h_index, s.i10_index,
			s.stars);
	return EXIT_OK;
}
