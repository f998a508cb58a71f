/*
 * cmd_link.c: `pubdb link KEY KIND URL` and `pubdb link --rm KEY KIND [URL]`.
 */
#include "cli.h"

static int rm;
static const char *key, *kind, *url;

const cli_opt_spec cmd_link_opts[] = {
	{CLI_OPT_SWITCH, "rm", 0, &rm, 0, NULL,
		"remove the KIND link to URL (all KIND links without URL)", 0},
	CLI_OPT_QUIET,
	{CLI_OPT_ARG, "KEY", 0, &key, 0, NULL, NULL, 0},
	{CLI_OPT_ARG, "KIND", 0, &kind, 0, NULL, NULL, 0},
	{CLI_OPT_ARG, "URL", 0, &url, 0, NULL, NULL, 0},
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb link`: its help, next to its options. */
const cmd_text cmd_link_text = {
	.usage =
		"usage: pubdb link KEY KIND URL\n"
		"       pubdb link --rm KEY KIND [URL]\n",
	.description =
		"KIND is paper, code, blog, video, slides, project, pdf or another word.\n"
		"A code link to GitHub also registers the repository for star counts.\n"
		"--rm removes the paper's KIND link to URL, or all its KIND links;\n"
		"a repository known only through them goes too.\n",
};

int cmd_link(cli *c)
{
	int err;
	if (rm) {
		if (!kind)
			return cli_usage_error("link", "link --rm takes KEY KIND [URL]");
		if ((err = pub_paper_link_remove(c->db, key, kind, url)) < 0)
			return cli_fail(err);
		cli_note(c, "removed %s link%s of %s", kind, url ? "" : "s", key);
		return EXIT_OK;
	}
	if (!url)
		return cli_usage_error("link", "link takes KEY KIND URL");
	if ((err = pub_paper_link_add(c->db, key, kind, url)) < 0)
		return cli_fail(err);
	return EXIT_OK;
}
