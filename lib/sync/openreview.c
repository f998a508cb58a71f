/*
 * openreview.c: `pubdb refresh --openreview` (pub_refresh_openreview()):
 * decisions from OpenReview, which publishes them (with the tier and the
 * day) for ICLR, NeurIPS, ICML, COLM and TMLR before any index lists the
 * proceedings.  Each paper without a decision (the owner's, when `owner` is
 * set) whose badge OpenReview may give (none, a preprint's, a workshop's,
 * or one of those venues) is looked up: with OPENREVIEW_USERNAME /
 * OPENREVIEW_PASSWORD and owner.openreview, all of the owner's notes in one
 * request; else a guest's title search per paper.  A note is taken only
 * when it is a venue's own (never a DBLP or CoRR import), its folded title is the paper's and its authors agree (the
 * owner among them, or at least half of the paper's authors).  An accepted
 * note gives the decision and the badge (never over the owner's own), and
 * the acceptance's news item is dated by the decision day.  A paper a
 * guest's search found no note of is not searched again for
 * refresh.unknown_days (unknown.h).  All requests run before the one
 * transaction that stores the results.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "text/latex.h"
#include "store/db.h"
#include "store/decisions.h"
#include "store/events.h"
#include "store/lock.h"
#include "net/http.h"
#include "net/openreview.h"
#include "sync/openreview.h"
#include "sync/refresh.h"
#include "sync/session.h"
#include "sync/venues.h"
#include "sync/unknown.h"
#include "store/venues.h"

/* A paper being looked up. */
typedef struct orpaper {
	int64_t id;
	char *citekey, *title, *title_key;
	char **names;    /* its authors' folded full names */
	char **families; /* and family names */
	size_t nauthors;
	/* the note taken, as stored */
	const char *status; /* accepted, rejected, withdrawn, pending, none */
	char *badge, *ref, day[11];
	const char *tier;
	int asked, failed;
	int none;       /* asked, and OpenReview has no note of it */
	int remembered; /* it said so lately (refresh.unknown_days): a guest
	                   does not search for it again */
	char *error;
} orpaper;

static void orpaper_free(orpaper *p)
{
	size_t i;
	free(p->citekey);
	free(p->title);
	free(p->title_key);
	for (i = 0; i < p->nauthors; i++) {
		free(p->names[i]);
		free(p->families[i]);
	}
	free(p->names);
	free(p->families);
	free(p->badge);
	free(p->ref);
	free(p->error);
}

/* The venues OpenReview publishes decisions of. */
static int hosted(const char *venue)
{
	static const char *const names[] = {"ICLR", "NeurIPS", "NIPS", "ICML", "COLM", "TMLR"};
	size_t i, n;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		n = strlen(names[i]);
		if (strncasecmp(venue, names[i], n) == 0 && (!venue[n] || venue[n] == ' '))
			return 1;
	}
	return 0;
}

static int provisional(const char *v)
{
	static const char *const words[] = {"arxiv", "corr", "preprint", "workshop", " @ "};
	size_t i, j;
	for (i = 0; v[i]; i++)
		for (j = 0; j < sizeof(words) / sizeof(words[0]); j++)
			if (strncasecmp(v + i, words[j], strlen(words[j])) == 0)
				return 1;
	return 0;
}

typedef struct loading {
	orpaper *ps;
	size_t n, cap;
	int only_new;
	char since[21]; /* negative answers of this day or later hold */
} loading;

static int take_row(const pub__decision_row *r, void *ctx)
{
	loading *l = ctx;
	orpaper *p;
	if (l->only_new && r->status)
		return 0;
	if (r->venue && *r->venue && !hosted(r->venue) && !provisional(r->venue))
		return 0; /* a venue OpenReview does not decide for */
	if (r->year > 0 && r->year < 2022)
		return 0; /* before API v2's venues (ICLR 2024, NeurIPS/ICML 2023) */
	if (!r->title || !*r->title)
		return 0;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->ps = pub__realloc(l->ps, l->cap * sizeof(*l->ps));
	}
	p = &l->ps[l->n++];
	memset(p, 0, sizeof(*p));
	p->id = r->id;
	p->citekey = pub__strdup(r->citekey ? r->citekey : "");
	p->title = pub__strdup(r->title);
	p->title_key = pub__vtitle_key(r->title);
	p->remembered = pub__unknown_remembered(r->unknown, "openreview", l->since);
	return 0;
}

static char *fold_name(const char *name)
{
	char *k = pub__vtitle_key(name);
	return k ? k : pub__strdup("");
}

static int load_authors(pub_db *db, orpaper *p)
{
	char **names;
	size_t n, i;
	int err = pub__decision_authors(&names, &n, db, p->id);
	if (err < 0)
		return err;
	p->names = pub__calloc(n ? n : 1, sizeof(char *));
	p->families = pub__calloc(n ? n : 1, sizeof(char *));
	for (i = 0; i < n; i++) {
		pub__vauthors a;
		pub__vauthors_make(&a, (const char *const *)&names[i], NULL, 1, NULL, NULL);
		p->names[i] = fold_name(names[i]);
		p->families[i] = a.n ? a.families[0] : pub__strdup("");
		if (a.n)
			a.families[0] = NULL;
		pub__vauthors_clear(&a);
		free(names[i]);
	}
	free(names);
	p->nauthors = n;
	return 0;
}

/* The owner's spellings, folded ("xuanlei zhao"). */
typedef struct owner {
	char **names;
	size_t n;
	char *profile; /* owner.openreview, or NULL */
} owner;

static void owner_free(owner *o)
{
	size_t i;
	for (i = 0; i < o->n; i++)
		free(o->names[i]);
	free(o->names);
	free(o->profile);
}

static int owner_load(owner *o, pub_db *db)
{
	char *names = NULL, *aliases = NULL, *both;
	const char *s;
	int err;
	memset(o, 0, sizeof(*o));
	if ((err = pub_config_get(&names, db, "owner")) < 0 && err != PUB_ENOTFOUND)
		return err;
	if ((err = pub_config_get(&aliases, db, "owner.aliases")) < 0 && err != PUB_ENOTFOUND) {
		free(names);
		return err;
	}
	if ((err = pub_config_get(&o->profile, db, "owner.openreview")) < 0 && err != PUB_ENOTFOUND) {
		free(names);
		free(aliases);
		return err;
	}
	if (o->profile && !*o->profile) {
		free(o->profile);
		o->profile = NULL;
	}
	both = pub__sprintf("%s;%s", names ? names : "", aliases ? aliases : "");
	for (s = both; *s;) {
		size_t len = strcspn(s, ";");
		char *one = pub__strndup(s, len), *k = fold_name(one);
		free(one);
		if (*k) {
			o->names = pub__realloc(o->names, (o->n + 1) * sizeof(char *));
			o->names[o->n++] = k;
		} else {
			free(k);
		}
		s += len;
		if (*s)
			s++;
	}
	free(both);
	free(names);
	free(aliases);
	return 0;
}

static int owner_among(const orpaper *p, const owner *o)
{
	size_t i, k;
	for (k = 0; k < o->n; k++)
		for (i = 0; i < p->nauthors; i++)
			if (!strcmp(o->names[k], p->names[i]))
				return 1;
	return 0;
}

/* Do the note's authors agree with the paper's: the owner among them (by
 * profile id or name, when the owner is among the paper's authors too), or
 * at least half of the paper's authors (by family name)? */
static int authors_agree(const orpaper *p, const pub__or_note *n, const owner *o)
{
	size_t i, j, k, common = 0;
	char **nn;
	pub__vauthors na;
	int owner_in_paper = 0, owner_in_note = 0;
	if (!p->nauthors || !n->nauthors)
		return 0;
	nn = pub__calloc(n->nauthors, sizeof(char *));
	for (i = 0; i < n->nauthors; i++)
		nn[i] = fold_name(n->authors[i]);
	pub__vauthors_make(&na, (const char *const *)n->authors, NULL, n->nauthors, NULL, NULL);
	for (k = 0; k < o->n; k++)
		for (i = 0; i < p->nauthors; i++)
			owner_in_paper |= !strcmp(o->names[k], p->names[i]);
	for (k = 0; k < o->n && owner_in_paper; k++)
		for (i = 0; i < n->nauthors; i++)
			owner_in_note |= !strcmp(o->names[k], nn[i]);
	if (owner_in_paper && o->profile)
		for (i = 0; i < n->nauthorids; i++)
			owner_in_note |= n->authorids[i] && !strcmp(n->authorids[i], o->profile);
	for (i = 0; i < p->nauthors; i++) {
		int found = 0;
		for (j = 0; j < na.n && !found; j++)
			found = *p->families[i] && !strcmp(p->families[i], na.families[j]);
		common += found;
	}
	for (i = 0; i < n->nauthors; i++)
		free(nn[i]);
	free(nn);
	pub__vauthors_clear(&na);
	return owner_in_note || common * 2 >= p->nauthors;
}

static const char *status_word(pub__or_status st)
{
	switch (st) {
	case PUB__OR_ACCEPTED:
		return "accepted";
	case PUB__OR_REJECTED:
	case PUB__OR_DESK_REJECTED:
		return "rejected";
	case PUB__OR_WITHDRAWN:
		return "withdrawn";
	case PUB__OR_PENDING:
		return "pending";
	default:
		return NULL;
	}
}

/* Picks p's note among `notes`: a venue's own note with p's title and
 * agreeing authors; an accepted one before any other (the latest decision
 * when there are several: a paper rejected at one venue and accepted at
 * the next). */
static void judge(orpaper *p, const pub__or_note *notes, size_t n, const owner *o)
{
	const pub__or_note *best = NULL;
	size_t i;
	p->status = "none";
	p->none = 1;
	for (i = 0; i < n; i++) {
		const pub__or_note *x = &notes[i];
		pub__or_status st = pub__or_note_status(x);
		char *tk;
		int same;
		if (!status_word(st) || !x->title || !p->title_key)
			continue;
		tk = pub__vtitle_key(x->title);
		same = tk && *tk && !strcmp(tk, p->title_key);
		free(tk);
		if (!same || !authors_agree(p, x, o))
			continue;
		if (!best)
			best = x;
		else if (st == PUB__OR_ACCEPTED &&
			 (pub__or_note_status(best) != PUB__OR_ACCEPTED || x->pdate > best->pdate))
			best = x;
	}
	if (!best)
		return;
	p->none = 0;
	p->status = status_word(pub__or_note_status(best));
	p->ref = best->forum ? pub__strdup(best->forum) : best->id ? pub__strdup(best->id) : NULL;
	if (pub__or_note_status(best) == PUB__OR_ACCEPTED) {
		p->badge = pub__or_note_badge(best);
		p->tier = pub__or_note_tier(best);
		if (pub__or_note_day(p->day, best) < 0)
			p->day[0] = '\0';
		if (!p->badge)
			p->status = "none";
	}
}

/* Stores p's lookup; *changed is 1 when the paper gained a badge or a
 * dated acceptance. */
static int apply(pub_db *db, orpaper *p, const pub_refresh_opts *opts, int *changed)
{
	char *old = NULL;
	int err, set = 0;
	*changed = 0;
	if ((err = pub__decision_store(db, p->id, p->status, p->badge, p->tier,
		     p->day[0] ? p->day : NULL, "openreview", p->ref)) < 0 ||
	    /* "no note of it" holds refresh.unknown_days */
	    (err = pub__venue_unknown_set(db, p->id, "openreview", p->none)) < 0 || !p->badge)
		return err;
	if ((err = pub__decision_set_badge(&set, &old, db, p->id, p->badge, "openreview")) < 0)
		return err;
	/* the acceptance's item, dated by the decision day: a new one when the
	 * badge changed, else the item of the same badge re-dated (or written,
	 * for a paper that arrived with it) */
	if (set)
		err = pub__event_add(db, PUB__EVENT_VENUE, p->id, 0, p->badge, "openreview",
			p->day[0] ? p->day : NULL);
	else if (p->day[0] && (err = pub__paper_has_venue(&set, db, p->id, p->badge)) == 0 && set)
		err = pub__event_venue_dated(db, p->id, p->badge, p->day, "openreview");
	if (err == 0 && (set || old)) {
		*changed = 1;
		pub__refresh_say(opts, 0, "%s: %s at %s%s%s%s%s (OpenReview %s)%s%s", p->citekey,
			"accepted", p->badge, p->tier ? " " : "", p->tier ? p->tier : "",
			p->day[0] ? ", " : "", p->day, p->ref ? p->ref : "",
			old ? "; was " : "", old ? old : "");
	}
	free(old);
	return err;
}

static void progress(const pub_refresh_opts *o, size_t done, size_t total)
{
	if (o->progress)
		o->progress("openreview", done, total, o->progress_ctx);
}

int pub__openreview_decide(pub_db *db, pub__http *h, const pub_refresh_opts *opts,
	pub_refresh_stats *stats, int only_new)
{
	loading l;
	owner o;
	pub__or_client c;
	pub__or_note *mine = NULL;
	size_t nmine = 0, i;
	char cutoff[21];
	char *stopmsg = NULL;
	int err, began = 0, logged_in = 0, stop = 0;

	memset(&l, 0, sizeof(l));
	l.only_new = only_new;
	pub__or_client_init(&c, h);
	if ((err = owner_load(&o, db)) < 0)
		return err;
	pub__refresh_cutoff(cutoff, only_new ? 0 : opts->max_age);
	if ((err = pub__unknown_since(l.since, db)) < 0)
		goto done;
	if ((err = pub__decision_rows_foreach(db, cutoff, &stats->skipped, take_row, &l)) < 0)
		goto done;
	for (i = 0; i < l.n; i++)
		if ((err = load_authors(db, &l.ps[i])) < 0)
			goto done;
	/* With an owner set, only the owner's papers: a bibliography also
	 * holds other people's papers, whose acceptances are not the owner's
	 * news (and each would cost a guest's search). */
	if (o.n) {
		size_t k = 0;
		for (i = 0; i < l.n; i++) {
			if (owner_among(&l.ps[i], &o))
				l.ps[k++] = l.ps[i];
			else
				orpaper_free(&l.ps[i]);
		}
		l.n = k;
	}
	if (l.n == 0)
		goto done;
	/* the network part, before the transaction */
	if ((err = pub__or_login(&c, &logged_in)) < 0)
		goto done;
	if (logged_in && o.profile) {
		if ((err = pub__or_owner_notes(&mine, &nmine, &c, o.profile)) < 0)
			goto done;
		for (i = 0; i < l.n; i++) {
			judge(&l.ps[i], mine, nmine, &o);
			l.ps[i].asked = 1;
		}
	} else {
		progress(opts, 0, l.n);
		for (i = 0; i < l.n && !stop; i++) {
			pub__or_note *ns = NULL;
			size_t n = 0;
			orpaper *p = &l.ps[i];
			if (p->remembered) {
				/* it had no note of it lately: not searched again */
				stats->skipped++;
				progress(opts, i + 1, l.n);
				continue;
			}
			err = pub__or_search(&ns, &n, &c, p->title);
			if (err == PUB_ERATELIMIT || err == PUB_ENONET || pub__http_expired(h)) {
				stop = err < 0 ? err : PUB_EDEADLINE;
				stopmsg = pub__strdup(pub__http_expired(h) ? "openreview: time limit reached"
									   : pub_error_last());
				break;
			}
			if (err < 0 && strstr(pub_error_last(), "needs an account")) {
				/* the guest challenge on search: every other search meets
				 * it too; the step's error says so once */
				stop = PUB_ENET;
				stopmsg = pub__strdup(pub_error_last());
			} else if (err < 0) {
				p->failed = 1;
				p->error = pub__strdup(pub_error_last());
			} else {
				judge(p, ns, n, &o);
				p->asked = 1;
			}
			pub__or_notes_free(ns, n);
			progress(opts, i + 1, l.n);
		}
	}
	if ((err = pub__db_begin(db)) < 0)
		goto done;
	began = 1;
	for (i = 0; i < l.n; i++) {
		orpaper *p = &l.ps[i];
		int changed = 0;
		if (p->failed) {
			char *msg = pub__sprintf("%s: %s", p->citekey, p->error);
			stats->checked++;
			stats->failed++;
			if (opts->warn)
				opts->warn(msg, opts->warn_ctx);
			free(msg);
			continue;
		}
		if (!p->asked)
			continue;
		stats->checked++;
		if ((err = apply(db, p, opts, &changed)) < 0)
			goto done;
		if (changed)
			stats->changed++;
		else
			stats->unchanged++;
	}
	err = pub__db_commit(db);
	began = 0;
	if (err == 0 && stop)
		err = pub__error(stop, "%s", stopmsg);
	else if (err == 0 && stats->failed)
		err = pub__error(PUB_EPARTIAL, "%zu of %zu papers could not be checked",
			stats->failed, stats->checked);
done:
	if (began)
		pub__db_rollback(db);
	for (i = 0; i < l.n; i++)
		orpaper_free(&l.ps[i]);
	free(l.ps);
	pub__or_notes_free(mine, nmine);
	free(stopmsg);
	pub__or_client_clear(&c);
	owner_free(&o);
	return err;
}

int pub__refresh_step_openreview(pub__sync *s, const pub_refresh_opts *opts,
	pub_refresh_stats *stats)
{
	pub__http *h;
	int err = pub__sync_http(&h, s);
	if (err < 0)
		return err;
	/* OpenReview unreachable or out of guest requests ends this step, not
	 * the run: pub_refresh() goes on with the next step and counts it as a
	 * source that could not be reached (exit 3, 75 when none could) */
	err = pub__openreview_decide(s->db, h, opts, stats, 0);
	return err;
}

int pub_refresh_openreview(pub_db *db, const pub_refresh_opts *opts, pub_refresh_stats *stats)
{
	return pub__refresh_one(db, opts, stats, pub__refresh_step_openreview);
}
