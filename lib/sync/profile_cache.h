/*
 * profile_cache.h: the owner's profile lists (DBLP's person page, the ORCID
 * works, Semantic Scholar's author papers) fetched once per sync session
 * (profile_cache.c): the venues step reads them for badges and ids, the
 * profiles step for new papers, and one `pubdb refresh` asks each once.
 */
#ifndef PUB_SYNC_PROFILE_CACHE_H
#define PUB_SYNC_PROFILE_CACHE_H

#include "pub.h"
#include "net/profile.h"

typedef struct pub__profile_cache pub__profile_cache;
void pub__profile_cache_free(pub__profile_cache *c);

struct pub__sync;

/* The works of profile (kind, id) as the fetch gives them (not merged):
 * fetched on the session's first call, the same list on later ones, or
 * the first call's error again (its message), never a second request.
 * *out belongs to the session (valid until it closes; copy it to change
 * it: pub__work_list_copy). */
int pub__sync_profile(const pub__work_list **out, struct pub__sync *s, pub__profile_kind kind,
	const char *id);

/* The same for the owner's profile of `kind` as its setting names it
 * (owner.dblp, owner.orcid, owner.s2, read as the profiles step reads
 * it): *out NULL (and 0) when the setting is unset; PUB_EINVAL naming the
 * setting when it is no id of its kind. */
int pub__sync_owner_profile(const pub__work_list **out, struct pub__sync *s,
	pub__profile_kind kind);

/* The owner's profile settings, in the order the profiles step asks them. */
#define PUB__OWNER_PROFILES 3
extern const char *const pub__owner_profile_keys[PUB__OWNER_PROFILES]; /* "owner.dblp" ... */

/* The profile setting k of pub__owner_profile_keys names: its kind and id
 * (*id malloc'd; NULL, and 0, when the setting is unset); PUB_EINVAL
 * naming the setting when its value is no id of its kind. */
int pub__owner_profile_id(pub__profile_kind *kind, char **id, pub_db *db, size_t k);

#endif
