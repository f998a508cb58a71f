/*
 * openreview.h: OpenReview's API v2 (openreview.c): a guest's title search
 * (GET /notes/search?term=TITLE&content=all&source=forum), a login (POST
 * /login with OPENREVIEW_USERNAME / OPENREVIEW_PASSWORD; the token is kept
 * in memory only and never shown) and the owner's notes in one request
 * (GET /notes?content.authorids=~First_Last1).  Notes become parsed
 * records; what a note says (accepted or not, badge, tier, decision day)
 * is read here too.  Since 2026 a guest's /notes meets a bot challenge (a
 * 403 ChallengeRequiredError or a 200 HTML page): that means "this call
 * needs an account", never "not found".
 */
#ifndef PUB_NET_OPENREVIEW_H
#define PUB_NET_OPENREVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "pub.h"
#include "net/http.h"

/* One note (a submission) as the API gives it.  Strings owned, NULL when
 * the note lacks them (absent fields are omitted, not null). */
typedef struct pub__or_note {
	char *id, *forum, *domain;
	char *title;
	char **authors;     /* display names */
	size_t nauthors;
	char **authorids;   /* "~First_Last1" or e-mails; the usernames of the
	                       unified author objects; may be fewer than authors */
	size_t nauthorids;
	char *venue;        /* "ICLR 2025 Poster", "Submitted to ICLR 2024" */
	char *venueid;      /* "ICLR.cc/2025/Conference" */
	int64_t pdate;      /* epoch ms; 0 when absent */
	int64_t odate;      /* epoch ms; 0 when absent (never a decision day) */
} pub__or_note;

void pub__or_notes_free(pub__or_note *notes, size_t n);

/* What a note's venueid says. */
typedef enum pub__or_status {
	PUB__OR_ACCEPTED = 0,  /* bare ".../Conference", "TMLR" */
	PUB__OR_REJECTED,      /* .../Rejected_Submission, TMLR/Rejected */
	PUB__OR_WITHDRAWN,     /* .../Withdrawn_Submission */
	PUB__OR_DESK_REJECTED, /* .../Desk_Rejected_Submission */
	PUB__OR_PENDING,       /* .../Submission, TMLR/Under_Review ... */
	PUB__OR_WORKSHOP,      /* a workshop's venueid (accepted or not) */
	PUB__OR_IMPORT,        /* a DBLP/CoRR or profile import: never a decision */
	PUB__OR_UNKNOWN        /* no venueid, or one not understood */
} pub__or_status;

pub__or_status pub__or_note_status(const pub__or_note *n);

/* The badge of an accepted note: "ICLR 2025", "NeurIPS 2024", "COLM 2026",
 * "TMLR 2024" (TMLR's year from pdate); NULL for any other.  New string. */
char *pub__or_note_badge(const pub__or_note *n);

/* The tier in content.venue, normalised: "Oral", "Spotlight" (also ICML's
 * "spotlightposter"), "Poster"; NULL when the venue names none ("COLM
 * 2026", "ICML 2026 regular") or the note is not accepted.  Static. */
const char *pub__or_note_tier(const pub__or_note *n);

/* The decision day of an accepted note: its pdate as YYYY-MM-DD (UTC);
 * 0, or -1 when it has none (odate is never taken). */
int pub__or_note_day(char out[11], const pub__or_note *n);

/* Parses an answer of /notes or /notes/search: a JSON object with
 * "notes".  *out gets n notes (caller frees with pub__or_notes_free).
 * PUB_EPARSE "OpenReview: PATH: ..." for anything else (an HTML page,
 * invalid JSON, no "notes" list, "searchUnavailable"). */
int pub__or_parse_notes(pub__or_note **out, size_t *n, const char *path,
	const char *body, size_t len);

/* The client: the HTTP client it uses (not owned) and, after a login, the
 * token (owned, wiped when freed; never printed or stored). */
typedef struct pub__or_client {
	pub__http *http;
	char *auth; /* "Authorization: Bearer ..." or NULL */
} pub__or_client;

void pub__or_client_init(pub__or_client *c, pub__http *h);
void pub__or_client_clear(pub__or_client *c);

/* Logs in with OPENREVIEW_USERNAME / OPENREVIEW_PASSWORD when both are
 * set: *logged_in is 1 then.  0 with *logged_in 0 when they are not set;
 * PUB_ERROR when the service refuses them or asks for a second factor;
 * PUB_ENET / PUB_ENONET / PUB_ERATELIMIT for the request. */
int pub__or_login(pub__or_client *c, int *logged_in);

/* The search of a title as a guest (term=TITLE, type=terms, content=all,
 * group=all, source=forum, limit=10).  An empty list when nothing
 * matches.  PUB_ENET "OpenReview: ... needs an account" for the guest
 * challenge, PUB_ERATELIMIT for 429s past the retries. */
int pub__or_search(pub__or_note **out, size_t *n, pub__or_client *c, const char *title);

/* The notes whose authorids hold `profile` ("~First_Last1"), after a
 * login (one request, up to 1000 notes, newest first). */
int pub__or_owner_notes(pub__or_note **out, size_t *n, pub__or_client *c,
	const char *profile);

/* 1 when `profile` is an OpenReview profile id: "~" then a name of
 * letters, '_', '-', '.' and a number. */
int pub__or_profile_valid(const char *profile);

#endif
