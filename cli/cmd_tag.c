/*
 * cmd_tag.c: `pubdb tag KEY +T -T...`: every argument after KEY is a
 * change, never an option, so `tag KEY -q` removes the tag q.  `pubdb
 * tag --rename OLD NEW` renames a tag on every paper.
 */
#include <stdlib.h>

#include "cli.h"

static const char *key;
static cli_list changes;
static int rename_tag;

const cli_opt_spec cmd_tag_opts[] = {
	CLI_OPT_QUIET,
	{CLI_OPT_SWITCH, "rename", 0, &rename_tag, 0, NULL,
		"rename tag OLD to NEW on every paper (pubdb tag --rename OLD NEW)", 0},
	{CLI_OPT_ARG, "KEY", 0, &key, 0, NULL, NULL, 0},
	{CLI_OPT_ARGS, "CHANGE", 0, &changes, 0, NULL, NULL, CLI_OPT_LITERAL},
	{CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0},
};

/* `pubdb tag`: its help, next to its options. */
const cmd_text cmd_tag_text = {
	.usage =
		"usage: pubdb tag KEY +TAG -TAG...\n"
		"       pubdb tag --rename OLD NEW\n",
	.description =
		"+TAG (or TAG) adds a tag, -TAG removes it, in one transaction.  Tags\n"
		"are one regardless of case: a tag another paper has in another case\n"
		"is that tag.  Tags group the HTML and Markdown exports.  A --tag of\n"
		"list or export that matches no tag is an error naming the tags there\n"
		"are.  Every argument after KEY is a\n"
		"change, never an option: 'pubdb tag KEY -q' removes the tag q.\n"
		"--rename renames tag OLD on every paper (two tags become one when NEW\n"
		"exists).  A tag's name is its group heading, so this is how a heading\n"
		"gets an emoji: pubdb tag --rename \"Efficient Memory Cost\" \"\xf0\x9f\xa7\xb9 Efficient Memory Cost\".\n",
};

int cmd_tag(cli *c)
{
	pub_tag_change *t = NULL;
	size_t i;
	int err, rc = EXIT_OK;
	if (rename_tag) {
		if (!key || changes.n != 1)
			rc = cli_usage_error("tag", "use 'tag --rename OLD NEW'");
		else if ((err = pub_tag_rename(c->db, key, changes.items[0])) < 0)
			rc = cli_fail(err);
		else
			cli_note(c, "renamed tag '%s' to '%s'", key, changes.items[0]);
		goto done;
	}
	if (!key || changes.n == 0) {
		rc = cli_usage_error("tag", "tag needs a key and +TAG or -TAG");
		goto done;
	}
	t = calloc(changes.n, sizeof(*t));
	if (!t)
		abort();
	for (i = 0; i < changes.n; i++) {
		const char *s = changes.items[i];
		t[i].remove = *s == '-';
		t[i].tag = *s == '-' || *s == '+' ? s + 1 : s;
	}
	if ((err = pub_paper_tag(c->db, key, t, changes.n)) < 0)
		rc = cli_fail(err);
done:
	free(t);
	cli_list_free(&changes);
	return rc;
}
