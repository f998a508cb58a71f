/*
 * lock.c: what every refresh shares: its options (pub_refresh_opts) and
 * the refresh lock.  The lock is flock() on a file beside the database: the
 * kernel drops it when the process ends, however it ends, so a killed cron
 * job never blocks the next one.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "store/lock.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/version.h"
#include "store/db.h"

int pub_refresh_lock(pub_db *db)
{
	char *path;
	int fd;
	if (db->refresh_fd != PUB__LOCK_NONE)
		return 0;
	path = pub__sprintf("%s-refresh.lock", db->path);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		int err = pub__error(PUB_ERROR, "cannot open the refresh lock '%s': %s",
			path, strerror(errno));
		free(path);
		return err;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		int busy = errno == EWOULDBLOCK;
		int err = busy
			? pub__error(PUB_EBUSY, "another refresh is running on '%s'", db->path)
			: pub__error(PUB_ERROR, "cannot lock '%s': %s", path, strerror(errno));
		close(fd);
		free(path);
		return err;
	}
	free(path);
	db->refresh_fd = fd;
	return 0;
}

void pub_refresh_unlock(pub_db *db)
{
	if (db && db->refresh_fd != PUB__LOCK_NONE) {
		close(db->refresh_fd);
		db->refresh_fd = PUB__LOCK_NONE;
	}
}

static const size_t opts_sizes[] = {
	PUB__SIZE_TO(pub_refresh_opts, change_ctx), /* 1 */
	PUB__SIZE_TO(pub_refresh_opts, step_ctx),    /* 2: on_step, step_ctx */
	sizeof(pub_refresh_opts),                    /* 3: max_time_ms */
};
static const pub__versions opts_versions = {"pub_refresh_opts",
	PUB_REFRESH_OPTIONS_VERSION, opts_sizes};
static const size_t stats_sizes[] = {sizeof(pub_refresh_stats)};
static const pub__versions stats_versions = {"pub_refresh_stats",
	PUB_REFRESH_STATS_VERSION, stats_sizes};

int pub_refresh_options_init(pub_refresh_opts *opts, unsigned int version)
{
	return pub__versioned_init(opts, version, &opts_versions);
}

int pub__refresh_begin(pub__refresh_call *c, const pub_refresh_opts *opts,
	const pub_refresh_stats *stats)
{
	int err;
	memset(&c->stats, 0, sizeof(c->stats));
	c->stats.version = PUB_REFRESH_STATS_VERSION;
	if ((err = pub__versioned_in(&c->opts, sizeof(c->opts), opts, &opts_versions)) < 0)
		return err;
	return pub__versioned_check(stats, &stats_versions);
}

int pub__refresh_end(const pub__refresh_call *c, pub_refresh_stats *stats, int err)
{
	pub__versioned_out(stats, &c->stats, &stats_versions);
	return err;
}

void pub__refresh_cutoff(char out[21], long max_age)
{
	time_t t;
	struct tm tm;
	out[0] = '\0';
	if (max_age <= 0)
		return;
	t = time(NULL) - (time_t)max_age;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void pub__refresh_say(const pub_refresh_opts *opts, int warn, const char *fmt, ...)
{
	va_list ap;
	char *m;
	int len;
	if (warn ? !opts->warn : !opts->on_change)
		return;
	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	m = pub__malloc((size_t)(len > 0 ? len : 0) + 1);
	va_start(ap, fmt);
	vsnprintf(m, (size_t)(len > 0 ? len : 0) + 1, fmt, ap);
	va_end(ap);
	if (warn)
		opts->warn(m, opts->warn_ctx);
	else
		opts->on_change(m, opts->change_ctx);
	free(m);
}
