/*
 * cmd_config.c: `pubdb config get|set|unset|list`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *action;
static cli_list args;

const cli_opt_spec cmd_config_opts[] = {
	CLI_OPT_QUIET,
	{CLI_OPT_ARG, "ACTION", 0, &action, 0, NULL, NULL, 0},
	/* a VALUE may start with '-' */
	{CLI_OPT_ARGS, "KEY", 0, &args, 0, NULL, NULL, CLI_OPT_LITERAL},
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb config`: its help, next to its options. */
const cmd_text cmd_config_text = {
	.usage =
		"usage: pubdb config get KEY\n"
		"       pubdb config set KEY VALUE\n"
		"       pubdb config unset KEY\n"
		"       pubdb config list\n",
	.description =
		"Settings:\n"
		"  owner           your name, underlined in exports (\"Xuanlei Zhao\")\n"
		"  citekey_format  key format for papers without one;\n"
		"                  default {author}{year}{title} (zhao2024realtime)\n"
		"  email           your e-mail address\n"
		"  owner.aliases   other spellings of your name, comma-separated\n"
		"  owner.dblp      your dblp person id\n"
		"  owner.orcid     your ORCID iD\n"
		"  owner.s2        your Semantic Scholar author id\n"
		"  links.project   the link kind 'refresh --links' files project pages\n"
		"                  under (default project; blog for a page that says so)\n"
		"  owner.openreview your OpenReview profile id (~First_Last1)\n"
		"  refresh.unknown_days  days a source's \"not known\" holds before it is\n"
		"                  asked again (default 30; 0: every run)\n"
		"Any other KEY is refused (with the nearest setting), so a typo never\n"
		"becomes a setting.\n",
};

static int print_setting(const char *key, const char *value, void *ctx)
{
	(void)ctx;
	printf("%s=%s\n", key, value);
	return 0;
}

static int run(cli *c, const char **argv, size_t argc)
{
	int err;
	if (argc == 0 && strcmp(action, "list") == 0) {
		if ((err = pub_config_foreach(c->db, print_setting, NULL)) < 0)
			return cli_fail(err);
		return EXIT_OK;
	}
	if (argc == 1 && strcmp(action, "get") == 0) {
		char *value;
		if ((err = pub_config_get(&value, c->db, argv[0])) < 0)
			return cli_fail(err);
		if (!value) {
			fprintf(stderr, "pubdb: error: '%s' is not set\n", argv[0]);
			return EXIT_ERROR;
		}
		printf("%s\n", value);
		free(value);
		return EXIT_OK;
	}
	if (argc == 2 && strcmp(action, "set") == 0) {
		if ((err = pub_config_set(c->db, argv[0], argv[1])) < 0)
			return cli_fail(err);
		return EXIT_OK;
	}
	if (argc == 1 && strcmp(action, "unset") == 0) {
		if ((err = pub_config_set(c->db, argv[0], NULL)) < 0)
			return cli_fail(err);
		return EXIT_OK;
	}
	return cli_usage_error("config", "use 'config get KEY', 'config set KEY VALUE', "
		"'config unset KEY' or 'config list'");
}

int cmd_config(cli *c)
{
	int rc = action ? run(c, args.items, args.n)
		: cli_usage_error("config", "use 'config get KEY', 'config set KEY VALUE', "
			"'config unset KEY' or 'config list'");
	cli_list_free(&args);
	return rc;
}
