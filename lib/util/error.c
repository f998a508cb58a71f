/*
 * error.c: the last error of each thread: its code and its message, read by
 * pub_error_last() and pub_error_code().
 */
#include "util/error.h"

#include "pub.h"

#include <stdarg.h>
#include <stdio.h>

static _Thread_local char error_msg[1024];
static _Thread_local int error_code;

int pub__error(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(error_msg, sizeof(error_msg), fmt, ap);
	va_end(ap);
	error_code = code;
	return code;
}

const char *pub_error_last(void)
{
	return error_msg[0] ? error_msg : "no error";
}

int pub_error_code(void)
{
	return error_code;
}

void pub_error_clear(void)
{
	error_msg[0] = '\0';
	error_code = 0;
}

const char *pub_version(void)
{
	return PUB_VERSION;
}

int pub__version_error(const char *type, unsigned int version)
{
	return pub__error(PUB_EINVAL, "%s version %u is not supported", type, version);
}
