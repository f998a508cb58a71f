/*
 * cmd_export.c: `pubdb export FORMAT [filters] [-o FILE]`.  With -o the
 * output goes to a temporary file renamed into place, so a failed export
 * never leaves a half-written page behind.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const struct {
	const char *flag;
	pub_format format;
} formats[] = {
	{"--bibtex", PUB_FORMAT_BIBTEX}, {"--biblatex", PUB_FORMAT_BIBLATEX},
	{"--json", PUB_FORMAT_JSON}, {"--csl-json", PUB_FORMAT_CSL_JSON},
	{"--html", PUB_FORMAT_HTML}, {"--markdown", PUB_FORMAT_MARKDOWN},
};

static int parse_group(const char *v, pub_group_by *out)
{
	if (strcmp(v, "tag") == 0)
		*out = PUB_GROUP_TAG;
	else if (strcmp(v, "year") == 0)
		*out = PUB_GROUP_YEAR;
	else if (strcmp(v, "venue") == 0)
		*out = PUB_GROUP_VENUE;
	else if (strcmp(v, "none") == 0)
		*out = PUB_GROUP_NONE;
	else
		return -1;
	return 0;
}

int cmd_export(cli *c, int argc, char **argv)
{
	pub_export_opts o;
	cli_list tags = {0};
	const char *outfile = NULL;
	int i, r, rc = EXIT_OK, have_format = 0, err;
	size_t k;
	FILE *out = stdout;
	char *tmp = NULL;

	memset(&o, 0, sizeof(o));
	if (c->json) {
		/* main.c took --json as the global flag; here it names the format. */
		o.format = PUB_FORMAT_JSON;
		have_format = 1;
	}
	for (i = 1; i < argc; i++) {
		const char *v, *a = argv[i];
		int matched = 0;
		for (k = 0; k < sizeof(formats) / sizeof(*formats); k++) {
			if (strcmp(a, formats[k].flag) == 0) {
				if (have_format && o.format != formats[k].format) {
					rc = cli_usage_error("export", "give one format, not several");
					goto done;
				}
				o.format = formats[k].format;
				have_format = matched = 1;
			}
		}
		if (matched)
			continue;
		if ((r = cli_opt_value(argc, argv, &i, "--tag", &v)) != 0) {
			if (r < 0)
				goto missing;
			cli_list_push(&tags, v);
		} else if ((r = cli_opt_value(argc, argv, &i, "--author", &v)) != 0) {
			if (r < 0)
				goto missing;
			o.filter.author = v;
		} else if ((r = cli_opt_value(argc, argv, &i, "--group-by", &v)) != 0) {
			if (r < 0)
				goto missing;
			if (parse_group(v, &o.group_by) < 0) {
				rc = cli_usage_error("export", "--group-by takes tag, year, venue or none");
				goto done;
			}
		} else if ((r = cli_opt_value(argc, argv, &i, "--jekyll", &v)) != 0) {
			if (r < 0)
				goto missing;
			o.jekyll_dir = v;
		} else if ((r = cli_opt_value(argc, argv, &i, "-o", &v)) != 0 ||
			   (r = cli_opt_value(argc, argv, &i, "--output", &v)) != 0) {
			if (r < 0)
				goto missing;
			outfile = v;
		} else if (strcmp(a, "--selected") == 0) {
			o.filter.selected_only = 1;
		} else if (strcmp(a, "--ascii") == 0) {
			o.ascii = 1;
		} else if (strcmp(a, "--standalone") == 0) {
			o.standalone = 1;
		} else if (strcmp(a, "--repos") == 0) {
			o.repos = 1;
		} else {
			rc = cli_usage_error("export", "unexpected argument '%s'", a);
			goto done;
		}
	}
	if (!have_format) {
		rc = cli_usage_error("export",
			"export needs a format: --bibtex, --biblatex, --json, --csl-json, --html or --markdown");
		goto done;
	}
	if (o.ascii && o.format != PUB_FORMAT_BIBTEX && o.format != PUB_FORMAT_BIBLATEX) {
		rc = cli_usage_error("export", "--ascii applies to --bibtex and --biblatex");
		goto done;
	}
	o.filter.tags = tags.items;
	o.filter.ntags = tags.n;

	if (outfile) {
		size_t n = strlen(outfile) + 16;
		int fd;
		tmp = malloc(n);
		if (!tmp)
			abort();
		snprintf(tmp, n, "%s.tmpXXXXXX", outfile);
		if ((fd = mkstemp(tmp)) < 0 || !(out = fdopen(fd, "w"))) {
			fprintf(stderr, "pubdb: error: cannot write '%s': %s\n", outfile,
				strerror(errno));
			if (fd >= 0)
				close(fd);
			free(tmp);
			tmp = NULL;
			rc = EXIT_ERROR;
			goto done;
		}
	}
	err = pub_export(c->db, &o, out);
	if (err < 0) {
		rc = cli_fail(err);
	} else if (out != stdout) {
		if (fflush(out) != 0 || ferror(out) || fsync(fileno(out)) != 0) {
			fprintf(stderr, "pubdb: error: cannot write '%s': %s\n", outfile,
				strerror(errno));
			rc = EXIT_ERROR;
		}
	}
	if (out != stdout) {
		if (fclose(out) != 0 && rc == EXIT_OK) {
			fprintf(stderr, "pubdb: error: cannot write '%s': %s\n", outfile,
				strerror(errno));
			rc = EXIT_ERROR;
		}
		if (rc == EXIT_OK && rename(tmp, outfile) != 0) {
			fprintf(stderr, "pubdb: error: cannot write '%s': %s\n", outfile,
				strerror(errno));
			rc = EXIT_ERROR;
		}
		if (rc != EXIT_OK)
			unlink(tmp);
	}
done:
	free(tmp);
	cli_list_free(&tags);
	return rc;
missing:
	rc = cli_usage_error("export", "%s needs a value", argv[i]);
	goto done;
}
