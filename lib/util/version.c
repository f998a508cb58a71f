/*
 * version.c: libgit2's rule for options and result structs (version.h):
 * any version from 1 to the current, each with its own size.
 */
#include "util/version.h"

#include <string.h>

#include "util/error.h"

static int known(unsigned int version, const pub__versions *v)
{
	return version >= 1 && version <= v->current;
}

int pub__versioned_in(void *full, size_t size, const void *given, const pub__versions *v)
{
	unsigned int version = v->current;
	memset(full, 0, size);
	if (given) {
		memcpy(&version, given, sizeof(version));
		if (!known(version, v))
			return pub__version_error(v->type, version);
		memcpy(full, given, v->sizes[version - 1]);
	}
	memcpy(full, &version, sizeof(version));
	return 0;
}

int pub__versioned_check(const void *out, const pub__versions *v)
{
	unsigned int version;
	if (!out)
		return 0;
	memcpy(&version, out, sizeof(version));
	return known(version, v) ? 0 : pub__version_error(v->type, version);
}

void pub__versioned_out(void *out, const void *full, const pub__versions *v)
{
	unsigned int version;
	if (!out)
		return;
	memcpy(&version, out, sizeof(version));
	if (!known(version, v))
		return;
	memcpy((char *)out + sizeof(version), (const char *)full + sizeof(version),
		v->sizes[version - 1] - sizeof(version));
}

int pub__versioned_init(void *s, unsigned int version, const pub__versions *v)
{
	if (!known(version, v))
		return pub__version_error(v->type, version);
	memset(s, 0, v->sizes[version - 1]);
	memcpy(s, &version, sizeof(version));
	return 0;
}
