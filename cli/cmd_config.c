/*
 * cmd_config.c: `pubdb config get|set|unset|list`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int print_setting(const char *key, const char *value, void *ctx)
{
	(void)ctx;
	printf("%s=%s\n", key, value);
	return 0;
}

int cmd_config(cli *c, int argc, char **argv)
{
	int err;
	if (argc == 2 && strcmp(argv[1], "list") == 0) {
		if ((err = pub_config_foreach(c->db, print_setting, NULL)) < 0)
			return cli_fail(err);
		return EXIT_OK;
	}
	if (argc == 3 && strcmp(argv[1], "get") == 0) {
		char *value;
		if ((err = pub_config_get(&value, c->db, argv[2])) < 0)
			return cli_fail(err);
		if (!value) {
			fprintf(stderr, "pubdb: error: '%s' is not set\n", argv[2]);
			return EXIT_ERROR;
		}
		printf("%s\n", value);
		free(value);
		return EXIT_OK;
	}
	if (argc == 4 && strcmp(argv[1], "set") == 0) {
		if ((err = pub_config_set(c->db, argv[2], argv[3])) < 0)
			return cli_fail(err);
		return EXIT_OK;
	}
	if (argc == 3 && strcmp(argv[1], "unset") == 0) {
		if ((err = pub_config_set(c->db, argv[2], NULL)) < 0)
			return cli_fail(err);
		return EXIT_OK;
	}
	return cli_usage_error("config", "use 'config get KEY', 'config set KEY VALUE', "
		"'config unset KEY' or 'config list'");
}
