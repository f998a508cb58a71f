/*
 * openreview.c: OpenReview's API v2 (see openreview.h): notes parsed,
 * judged (status, badge, tier, decision day) and fetched.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "net/openreview.h"
#include "net/source.h"

#define OR_NAME "OpenReview"

static void note_clear(pub__or_note *n)
{
	size_t i;
	free(n->id);
	free(n->forum);
	free(n->domain);
	free(n->title);
	for (i = 0; i < n->nauthors; i++)
		free(n->authors[i]);
	free(n->authors);
	for (i = 0; i < n->nauthorids; i++)
		free(n->authorids[i]);
	free(n->authorids);
	free(n->venue);
	free(n->venueid);
	memset(n, 0, sizeof(*n));
}

void pub__or_notes_free(pub__or_note *notes, size_t n)
{
	size_t i;
	for (i = 0; notes && i < n; i++)
		note_clear(&notes[i]);
	free(notes);
}

static char *str_of(json_t *v)
{
	return json_is_string(v) ? pub__strdup(json_string_value(v)) : NULL;
}

/* content.X.value; some notes were seen with a list where a string was
 * expected (venue, venueid): its first string then. */
static json_t *value_of(json_t *content, const char *field)
{
	json_t *f = json_object_get(content, field);
	return json_is_object(f) ? json_object_get(f, "value") : NULL;
}

static char *text_value(json_t *content, const char *field)
{
	json_t *v = value_of(content, field);
	if (json_is_array(v))
		v = json_array_get(v, 0);
	return str_of(v);
}

static int64_t ms_of(json_t *v)
{
	if (json_is_integer(v))
		return (int64_t)json_integer_value(v);
	if (json_is_real(v) && json_real_value(v) > 0 && json_real_value(v) < 9.0e15)
		return (int64_t)json_real_value(v);
	return 0;
}

static void push(char ***arr, size_t *n, char *s)
{
	if (!s)
		return;
	*arr = pub__realloc(*arr, (*n + 1) * sizeof(char *));
	(*arr)[(*n)++] = s;
}

/* authors.value: strings (with authorids.value beside), or the unified
 * objects {"fullname", "username"}. */
static void parse_authors(pub__or_note *n, json_t *content)
{
	json_t *a = value_of(content, "authors"), *ids = value_of(content, "authorids"), *v;
	size_t i;
	if (json_is_array(a)) {
		json_array_foreach(a, i, v) {
			if (json_is_string(v)) {
				push(&n->authors, &n->nauthors, str_of(v));
			} else if (json_is_object(v)) {
				char *u = str_of(json_object_get(v, "username"));
				push(&n->authors, &n->nauthors, str_of(json_object_get(v, "fullname")));
				if (u && *u)
					push(&n->authorids, &n->nauthorids, u);
				else
					free(u);
			}
		}
	}
	if (json_is_array(ids)) {
		json_array_foreach(ids, i, v) {
			push(&n->authorids, &n->nauthorids, str_of(v));
		}
	}
}

static void parse_note(pub__or_note *n, json_t *o)
{
	json_t *content = json_object_get(o, "content");
	memset(n, 0, sizeof(*n));
	n->id = str_of(json_object_get(o, "id"));
	n->forum = str_of(json_object_get(o, "forum"));
	n->domain = str_of(json_object_get(o, "domain"));
	n->pdate = ms_of(json_object_get(o, "pdate"));
	n->odate = ms_of(json_object_get(o, "odate"));
	if (!json_is_object(content))
		return;
	n->title = text_value(content, "title");
	n->venue = text_value(content, "venue");
	n->venueid = text_value(content, "venueid");
	parse_authors(n, content);
}

int pub__or_parse_notes(pub__or_note **out, size_t *n, const char *path,
	const char *body, size_t len)
{
	json_error_t je;
	json_t *root, *notes, *v;
	size_t i, k = 0;
	*out = NULL;
	*n = 0;
	if (!path)
		path = "/notes";
	if (!body || !len)
		return pub__error(PUB_EPARSE, OR_NAME ": %s: empty response", path);
	while (len && isspace((unsigned char)*body))
		body++, len--;
	if (len && *body == '<')
		return pub__error(PUB_EPARSE, OR_NAME ": %s: an HTML page instead of JSON "
			"(the guest challenge: this call needs an account)", path);
	if (!(root = json_loadb(body, len, 0, &je)))
		return pub__error(PUB_EPARSE, OR_NAME ": %s: invalid JSON at line %d, column %d: %s",
			path, je.line, je.column, je.text);
	if (json_is_object(root) && json_is_true(json_object_get(root, "searchUnavailable"))) {
		json_decref(root);
		return pub__error(PUB_EPARSE, OR_NAME ": %s: search is unavailable just now", path);
	}
	notes = json_is_object(root) ? json_object_get(root, "notes") : NULL;
	if (!json_is_array(notes)) {
		json_decref(root);
		return pub__error(PUB_EPARSE, OR_NAME ": %s: the answer has no list of notes", path);
	}
	if (!json_array_size(notes)) {
		json_decref(root);
		return 0;
	}
	*out = pub__calloc(json_array_size(notes), sizeof(**out));
	json_array_foreach(notes, i, v) {
		if (!json_is_object(v))
			continue; /* not a note: nothing to read in it */
		parse_note(&(*out)[k++], v);
	}
	*n = k;
	json_decref(root);
	return 0;
}

/* ---- what a note says ------------------------------------------------- */

static const char *last_part(const char *venueid)
{
	const char *s = strrchr(venueid, '/');
	return s ? s + 1 : venueid;
}

static int has_part(const char *venueid, const char *part)
{
	size_t n = strlen(part);
	const char *p = venueid;
	while ((p = strstr(p, part)) != NULL) {
		if ((p == venueid || p[-1] == '/') && (p[n] == '/' || p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

pub__or_status pub__or_note_status(const pub__or_note *n)
{
	const char *v = n->venueid, *last;
	if (!v || !*v)
		return PUB__OR_UNKNOWN;
	if ((n->domain && strcasecmp(n->domain, "DBLP.org") == 0) ||
	    strncasecmp(v, "dblp.org/", 9) == 0 || strncmp(v, "OpenReview.net/", 15) == 0)
		return PUB__OR_IMPORT;
	last = last_part(v);
	if (has_part(v, "Workshop"))
		return PUB__OR_WORKSHOP;
	if (!strcmp(last, "Rejected_Submission") || !strcmp(last, "Rejected"))
		return PUB__OR_REJECTED;
	if (!strcmp(last, "Withdrawn_Submission") || !strcmp(last, "Withdrawn") ||
	    !strcmp(last, "Retracted_Acceptance"))
		return PUB__OR_WITHDRAWN;
	if (!strcmp(last, "Desk_Rejected_Submission") || !strcmp(last, "Desk_Rejected"))
		return PUB__OR_DESK_REJECTED;
	if (!strcmp(v, "TMLR"))
		return PUB__OR_ACCEPTED;
	if (!strncmp(v, "TMLR/", 5))
		return PUB__OR_PENDING;
	if (!strcmp(last, "Submission") || !strcmp(last, "Under_Review") ||
	    !strcmp(last, "Submitted") || !strcmp(last, "Decision_Pending"))
		return PUB__OR_PENDING;
	if (!strcmp(last, "Conference"))
		return PUB__OR_ACCEPTED;
	return PUB__OR_UNKNOWN;
}

/* The UTC year of epoch milliseconds, 0 for none. */
static int year_of_ms(int64_t ms)
{
	time_t t;
	struct tm tm;
	if (ms <= 0)
		return 0;
	t = (time_t)(ms / 1000);
	if (!gmtime_r(&t, &tm))
		return 0;
	return tm.tm_year + 1900;
}

char *pub__or_note_badge(const pub__or_note *n)
{
	const char *v = n->venueid, *p, *year = NULL, *org = NULL;
	size_t orglen = 0;
	if (pub__or_note_status(n) != PUB__OR_ACCEPTED)
		return NULL;
	if (!strcmp(v, "TMLR")) {
		int y = year_of_ms(n->pdate);
		return y ? pub__sprintf("TMLR %d", y) : pub__strdup("TMLR");
	}
	/* ORG/YEAR/Conference, or HOST/ORG/YEAR/Conference (colmweb.org/COLM) */
	for (p = v; *p; p = strchr(p, '/') ? strchr(p, '/') + 1 : p + strlen(p)) {
		size_t len = strcspn(p, "/");
		if (len == 4 && isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
		    isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3])) {
			year = p;
			break;
		}
		org = p;
		orglen = len;
	}
	if (!year || !org || !orglen)
		return NULL;
	if (orglen > 3 && !strncmp(org + orglen - 3, ".cc", 3))
		orglen -= 3;
	return pub__sprintf("%.*s %.4s", (int)orglen, org, year);
}

const char *pub__or_note_tier(const pub__or_note *n)
{
	const char *v = n->venue, *w;
	size_t len;
	if (!v || pub__or_note_status(n) != PUB__OR_ACCEPTED)
		return NULL;
	/* the last word: "ICLR 2025 Poster", "ICML 2025 spotlightposter",
	 * "NeurIPS 2025 Datasets and Benchmarks Track poster" */
	len = strlen(v);
	while (len && v[len - 1] == ' ')
		len--;
	for (w = v + len; w > v && w[-1] != ' '; w--)
		;
	len = (size_t)(v + strlen(v) - w);
	while (len && w[len - 1] == ' ')
		len--;
	if (w == v)
		return NULL; /* one word: no tier */
	if ((len == 4 && !strncasecmp(w, "oral", 4)))
		return "Oral";
	if ((len == 9 && !strncasecmp(w, "spotlight", 9)) ||
	    (len == 15 && !strncasecmp(w, "spotlightposter", 15)))
		return "Spotlight";
	if (len == 6 && !strncasecmp(w, "poster", 6))
		return "Poster";
	return NULL;
}

int pub__or_note_day(char out[11], const pub__or_note *n)
{
	time_t t;
	struct tm tm;
	out[0] = '\0';
	if (n->pdate <= 0)
		return -1;
	t = (time_t)(n->pdate / 1000);
	if (!gmtime_r(&t, &tm) || tm.tm_year + 1900 < 1970 || tm.tm_year + 1900 > 9999)
		return -1;
	strftime(out, 11, "%Y-%m-%d", &tm);
	return 0;
}

int pub__or_profile_valid(const char *p)
{
	size_t i;
	int digits = 0;
	if (!p || p[0] != '~' || !p[1] || strlen(p) > 200)
		return 0;
	for (i = 1; p[i]; i++) {
		unsigned char c = (unsigned char)p[i];
		if (isdigit(c))
			digits = 1;
		else if (digits || !(isalpha(c) || c == '_' || c == '-' || c == '.' || c >= 0x80))
			return 0;
	}
	return digits;
}

/* ---- the client ----------------------------------------------------- */

void pub__or_client_init(pub__or_client *c, pub__http *h)
{
	memset(c, 0, sizeof(*c));
	c->http = h;
}

void pub__or_client_clear(pub__or_client *c)
{
	if (c->auth) {
		memset(c->auth, 0, strlen(c->auth));
		free(c->auth);
	}
	memset(c, 0, sizeof(*c));
}

static void url_encode(pub__buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
			pub__buf_putc(b, (char)c);
		else
			pub__buf_printf(b, "%%%c%c", hex[c >> 4], hex[c & 15]);
	}
}

/* OpenReview's own words for a failed request: {name, message}. */
static char *error_words(const pub__http_response *r, int *challenge)
{
	json_t *root;
	char *m = NULL;
	*challenge = 0;
	if (r->body.ptr && r->body.len &&
	    (root = json_loadb(r->body.ptr, r->body.len, 0, NULL))) {
		if (json_is_object(root)) {
			const char *name = json_string_value(json_object_get(root, "name"));
			*challenge = name && !strcmp(name, "ChallengeRequiredError");
			m = str_of(json_object_get(root, "message"));
		}
		json_decref(root);
	}
	if (m && strlen(m) > 200)
		m[200] = '\0';
	return m ? m : pub__strdup("");
}

static int is_json(const pub__http_response *r)
{
	const char *ct = r->content_type ? r->content_type : "";
	return strncasecmp(ct, "application/json", 16) == 0 || !*ct;
}

#define NEEDS_ACCOUNT "needs an account (OpenReview's guest challenge): set " \
	"OPENREVIEW_USERNAME and OPENREVIEW_PASSWORD"

/* One request: 0 with a 200 JSON answer in *res (the caller frees it).
 * `shown` is the path as messages name it (no query: a title or an id is
 * not an error's subject). */
static int request(pub__http_response *res, pub__or_client *c, const char *method,
	const char *path, const char *shown, const char *body)
{
	pub__http_request req;
	const char *headers[4];
	size_t k = 0;
	int err, challenge;
	headers[k++] = "Accept: application/json";
	if (body)
		headers[k++] = "Content-Type: application/json";
	if (c->auth)
		headers[k++] = c->auth;
	headers[k] = NULL;
	memset(&req, 0, sizeof(req));
	req.service = PUB__SVC_OPENREVIEW;
	req.method = method;
	req.path = path;
	req.headers = headers;
	req.body = body;
	req.body_len = body ? strlen(body) : 0;
	err = pub__http_request_do(res, c->http, &req);
	if (err < 0) {
		if (res->status == 429)
			err = pub__error(PUB_ERATELIMIT, "%s; try again later",
				res->error ? res->error : OR_NAME ": rate limited");
		pub__http_response_free(res);
		return err;
	}
	if (res->status != 200) {
		char *words = error_words(res, &challenge);
		if (challenge || (res->status == 403 && !is_json(res)))
			err = pub__error(PUB_ENET, OR_NAME ": %s: " NEEDS_ACCOUNT, shown);
		else if (res->status == 429)
			err = pub__error(PUB_ERATELIMIT, OR_NAME ": %s: HTTP 429: %s", shown, words);
		else if (*words)
			err = pub__error(PUB_ENET, OR_NAME ": %s: HTTP %ld: %s", shown, res->status,
				words);
		else
			err = pub__error(PUB_ENET, OR_NAME ": %s: HTTP %ld", shown, res->status);
		free(words);
		pub__http_response_free(res);
		return err;
	}
	if (!is_json(res)) {
		pub__http_response_free(res);
		return pub__error(PUB_ENET, OR_NAME ": %s: an HTML page instead of JSON: "
			NEEDS_ACCOUNT, shown);
	}
	return 0;
}

/* One request, its answer parsed as notes. */
static int ask(pub__or_note **out, size_t *n, pub__or_client *c, const char *path,
	const char *shown)
{
	pub__http_response res = PUB__HTTP_RESPONSE_INIT;
	int err;
	*out = NULL;
	*n = 0;
	if ((err = request(&res, c, NULL, path, shown, NULL)) < 0)
		return err;
	err = pub__or_parse_notes(out, n, shown, res.body.ptr, res.body.len);
	pub__http_response_free(&res);
	return err < 0 ? pub__net_error(err) : 0;
}

int pub__or_login(pub__or_client *c, int *logged_in)
{
	const char *user = getenv("OPENREVIEW_USERNAME"), *pass = getenv("OPENREVIEW_PASSWORD");
	pub__http_response res = PUB__HTTP_RESPONSE_INIT;
	json_t *req, *root;
	char *body;
	int err;
	*logged_in = 0;
	if (!user || !*user || !pass || !*pass)
		return 0;
	req = json_pack("{s:s, s:s, s:i}", "id", user, "password", pass, "expiresIn", 3600);
	body = req ? json_dumps(req, JSON_COMPACT) : NULL;
	json_decref(req);
	if (!body)
		return pub__error(PUB_ERROR, OR_NAME ": out of memory");
	err = request(&res, c, "POST", "/login", "/login", body);
	memset(body, 0, strlen(body));
	free(body);
	if (err < 0) {
		/* a refusal is the credentials', not the network's */
		if (err == PUB_ENET && strstr(pub_error_last(), "HTTP 4")) {
			char *why = pub__strdup(pub_error_last());
			err = pub__error(PUB_ERROR, "%s (OPENREVIEW_USERNAME / OPENREVIEW_PASSWORD)", why);
			free(why);
		}
		return err;
	}
	root = json_loadb(res.body.ptr ? res.body.ptr : "", res.body.len, 0, NULL);
	if (res.body.ptr)
		memset(res.body.ptr, 0, res.body.len);
	pub__http_response_free(&res);
	if (json_is_object(root) && json_is_true(json_object_get(root, "mfaPending"))) {
		json_decref(root);
		return pub__error(PUB_ERROR, OR_NAME ": /login: the account asks for a second "
			"factor, which pubdb cannot give; use an account without one");
	}
	if (!json_is_object(root) || !json_is_string(json_object_get(root, "token")) ||
	    !*json_string_value(json_object_get(root, "token"))) {
		json_decref(root);
		return pub__error(PUB_ENET, OR_NAME ": /login: the answer has no token");
	}
	if (c->auth) {
		memset(c->auth, 0, strlen(c->auth));
		free(c->auth);
	}
	c->auth = pub__sprintf("Authorization: Bearer %s",
		json_string_value(json_object_get(root, "token")));
	json_decref(root);
	*logged_in = 1;
	return 0;
}

int pub__or_search(pub__or_note **out, size_t *n, pub__or_client *c, const char *title)
{
	pub__buf path = PUB__BUF_INIT;
	int err;
	pub__buf_puts(&path, "/notes/search?term=");
	url_encode(&path, title ? title : "");
	pub__buf_puts(&path, "&type=terms&content=all&group=all&source=forum&limit=10");
	err = ask(out, n, c, path.ptr, "/notes/search");
	pub__buf_free(&path);
	return err;
}

int pub__or_owner_notes(pub__or_note **out, size_t *n, pub__or_client *c,
	const char *profile)
{
	pub__buf path = PUB__BUF_INIT;
	int err;
	*out = NULL;
	*n = 0;
	if (!pub__or_profile_valid(profile))
		return pub__error(PUB_EINVAL, "'%s' is not an OpenReview profile id (~First_Last1)",
			profile ? profile : "");
	pub__buf_puts(&path, "/notes?content.authorids=");
	url_encode(&path, profile);
	pub__buf_puts(&path, "&sort=cdate:desc&limit=1000");
	err = ask(out, n, c, path.ptr, "/notes");
	pub__buf_free(&path);
	return err;
}
