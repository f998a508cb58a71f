/*
 * util.c: file and text helpers the commands share: atomic file writes
 * (export -o, stars --svg, through libpub's pub_file, which --jekyll uses
 * too) and JSON string escaping.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

int cli_atomic_open(cli_atomic *a, const char *path)
{
	int err;
	a->f = NULL;
	if ((err = pub_file_open(&a->file, path)) < 0)
		return cli_fail(err);
	a->f = pub_file_stream(a->file);
	return EXIT_OK;
}

int cli_atomic_close(cli_atomic *a, int rc)
{
	int err;
	if (!a->file)
		return rc;
	if (rc != EXIT_OK) {
		pub_file_free(a->file);
	} else if ((err = pub_file_commit(a->file)) < 0) {
		rc = cli_fail(err);
	}
	a->file = NULL;
	a->f = NULL;
	return rc;
}

void cli_json_string(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\')
			fprintf(out, "\\%c", ch);
		else if (ch < 0x20)
			fprintf(out, "\\u%04x", ch);
		else
			fputc(ch, out);
	}
	fputc('"', out);
}

int cli_write_region(const cli *c, const char *file, const char *region,
	const char *text, size_t len)
{
	pub_region_result res = PUB_REGION_RESULT_INIT;
	int err = pub_region_replace(&res, file, region, text, len);
	if (err < 0)
		return cli_fail(err);
	if (res.changed)
		cli_note(c, "%s: region '%s' (line %zu) rewritten: %zu line%s, was %zu",
			file, region, res.line, res.new_lines, res.new_lines == 1 ? "" : "s",
			res.old_lines);
	return EXIT_OK;
}

int cli_parse_max_time(long *ms, const char *command, const char *value)
{
	char *end;
	long v = strtol(value, &end, 10), unit = 1000;
	if (end != value && value[0] >= '0' && value[0] <= '9') {
		if (*end == 'm')
			unit = 60 * 1000;
		else if (*end == 'h')
			unit = 3600 * 1000;
		else if (*end && *end != 's')
			unit = 0;
		if (unit && (!*end || !end[1]) && v > 0 && v <= 7L * 24 * 3600 * 1000 / unit) {
			*ms = v * unit;
			return EXIT_OK;
		}
	}
	return cli_usage_error(command, "--max-time: invalid duration '%s' "
		"(seconds, or 90s, 10m, 1h; at most a week)", value);
}
