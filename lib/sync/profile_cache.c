/*
 * profile_cache.c: the owner's profile lists, once per session
 * (profile_cache.h).
 */
#include <stdlib.h>
#include <string.h>

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "sync/profile_cache.h"
#include "sync/session.h"

typedef struct entry {
	pub__profile_kind kind;
	char *id;
	int err;        /* the fetch's error, 0: `list` holds the works */
	char *msg;      /* its message */
	pub__work_list list;
} entry;

struct pub__profile_cache {
	entry *e;
	size_t n;
};

void pub__profile_cache_free(pub__profile_cache *c)
{
	size_t i;
	if (!c)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->e[i].id);
		free(c->e[i].msg);
		pub__work_list_free(&c->e[i].list);
	}
	free(c->e);
	free(c);
}

int pub__sync_profile(const pub__work_list **out, pub__sync *s, pub__profile_kind kind,
	const char *id)
{
	pub__profile_cache *c;
	pub__http *h;
	entry *e;
	size_t i;
	int err;
	*out = NULL;
	if (!s->profiles)
		s->profiles = pub__calloc(1, sizeof(*s->profiles));
	c = s->profiles;
	for (i = 0; i < c->n; i++) {
		e = &c->e[i];
		if (e->kind != kind || strcmp(e->id, id) != 0)
			continue;
		if (e->err < 0)
			return pub__error(e->err, "%s", e->msg);
		*out = &e->list;
		return 0;
	}
	if ((err = pub__sync_http(&h, s)) < 0)
		return err;
	c->e = pub__realloc(c->e, (c->n + 1) * sizeof(*c->e));
	e = &c->e[c->n++];
	memset(e, 0, sizeof(*e));
	e->kind = kind;
	e->id = pub__strdup(id);
	if ((err = pub__profile_fetch(&e->list, h, kind, id)) < 0) {
		const char *m = pub_error_last();
		e->err = err;
		e->msg = pub__strdup(m ? m : "");
		pub__work_list_free(&e->list);
		return err; /* its message still set */
	}
	*out = &e->list;
	return 0;
}

const char *const pub__owner_profile_keys[PUB__OWNER_PROFILES] = {
	"owner.dblp", "owner.orcid", "owner.s2"};

int pub__owner_profile_id(pub__profile_kind *kind, char **id, pub_db *db, size_t k)
{
	static const char *const prefixes[PUB__OWNER_PROFILES] = {"dblp:", "orcid:", "s2author:"};
	char *v = NULL, *in;
	int err;
	*id = NULL;
	if ((err = pub_config_get(&v, db, pub__owner_profile_keys[k])) < 0)
		return err;
	if (!v || !*v) {
		free(v);
		return 0;
	}
	in = pub__sprintf("%s%s", prefixes[k], v);
	free(v);
	err = pub__profile_parse(kind, id, in);
	free(in);
	if (err < 0) {
		char *msg = pub__sprintf("setting %s: %s", pub__owner_profile_keys[k], pub_error_last());
		err = pub__error(PUB_EINVAL, "%s", msg);
		free(msg);
	}
	return err;
}

int pub__sync_owner_profile(const pub__work_list **out, pub__sync *s, pub__profile_kind kind)
{
	size_t k = kind == PUB__PROFILE_DBLP ? 0 : kind == PUB__PROFILE_ORCID ? 1 : 2;
	pub__profile_kind got;
	char *id = NULL;
	int err;
	*out = NULL;
	if ((err = pub__owner_profile_id(&got, &id, s->db, k)) < 0 || !id)
		return err;
	err = pub__sync_profile(out, s, got, id);
	free(id);
	return err;
}
