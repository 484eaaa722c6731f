/*
 * import.c - bulk import of an owner roll, in one transaction
 *
 * The roll streams: one row is read, checked, written, forgotten, so
 * memory stays flat whatever the roll's size.  All statements are
 * prepared once.  The common case, a fresh roll into an empty estate,
 * costs one INSERT per table per row: a unit, a person, an ownership and
 * a move-in; lookups happen only when an INSERT finds the row exists.
 *
 * Whether a unit row was already written by this import (a co-owner, or
 * a unit repeated with different data) is known without memory per row:
 * units created by this import have ids above the largest before it,
 * and existing units this import touched go into a temporary table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/validate.h"
#include "roll.h"

enum stmt {
	S_UNIT_INSERT, S_UNIT_GET, S_UNIT_UPDATE, S_SEEN,
	S_PERSON_BY_ID, S_PERSON_BY_PHONE, S_PERSON_BY_OWNER,
	S_PERSON_INSERT, S_PERSON_UPDATE,
	S_OWNER_INSERT, S_OWNER_CURRENT, S_OWNER_END,
	S_MOVEIN_INSERT, S_MOVEIN_GET, S_MOVEIN_ANY, S_MOVEIN_UPDATE,
	S_OWNERS_OF, S_UNSEE,
	S_COUNT
};

static const char *const sqls[S_COUNT] = {
	[S_UNIT_INSERT] =
	    "INSERT INTO unit(code, building, entrance, floor, room, type, building_area,"
	    " usable_area, land_area, use, facilities, parking, remark)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, coalesce(?6, 'residential'), ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
	    " ON CONFLICT(code) DO NOTHING",
	[S_UNIT_GET] =
	    "SELECT id, type, building_area, usable_area, land_area, use, facilities, parking, remark"
	    " FROM unit WHERE code = ?1",
	/* only what the roll gives replaces what is stored */
	[S_UNIT_UPDATE] =
	    "UPDATE unit SET type = coalesce(?2, type), building_area = coalesce(?3, building_area),"
	    " usable_area = coalesce(?4, usable_area), land_area = coalesce(?5, land_area),"
	    " use = coalesce(?6, use), facilities = coalesce(?7, facilities),"
	    " parking = coalesce(?8, parking), remark = coalesce(?9, remark) WHERE id = ?1",
	[S_SEEN] = "INSERT OR IGNORE INTO temp.roll_seen(id) VALUES (?1)",
	[S_PERSON_BY_ID] = "SELECT id, name, phone, landline FROM person WHERE id_no = ?1",
	[S_PERSON_BY_PHONE] =
	    "SELECT id, name, phone, landline, id_no FROM person WHERE name = ?1 AND phone = ?2"
	    " AND id_no IS NULL ORDER BY id LIMIT 1",
	[S_PERSON_BY_OWNER] =
	    "SELECT p.id, p.name, p.phone, p.landline, p.id_no FROM ownership o"
	    " JOIN person p ON p.id = o.person_id"
	    " WHERE o.unit_id = ?1 AND o.until IS NULL AND p.name = ?2 ORDER BY p.id LIMIT 1",
	[S_PERSON_INSERT] = "INSERT INTO person(name, phone, landline, id_no) VALUES (?1, ?2, ?3, ?4)",
	[S_PERSON_UPDATE] =
	    "UPDATE person SET name = ?2, phone = coalesce(?3, phone),"
	    " landline = coalesce(?4, landline), id_no = coalesce(?5, id_no) WHERE id = ?1",
	[S_OWNER_INSERT] =
	    "INSERT INTO ownership(unit_id, person_id, share, how, since) VALUES (?1, ?2, ?3, 'roll', ?4)",
	[S_OWNER_CURRENT] =
	    "SELECT person_id FROM ownership WHERE unit_id = ?1 AND until IS NULL",
	/* ?2: the day the new owners' rows start */
	[S_OWNER_END] =
	    "UPDATE ownership SET until = max(?2, coalesce(since, ?2)) WHERE unit_id = ?1 AND until IS NULL",
	[S_MOVEIN_INSERT] =
	    "INSERT INTO movein(unit_id, date, source, person_id) VALUES (?1, ?2, 'roll', ?3)",
	/* the latest the roll made, walking the index backwards: ordering
	 * by source as well built a temporary b-tree per row */
	[S_MOVEIN_GET] =
	    "SELECT id, date FROM movein WHERE unit_id = ?1 AND source = 'roll' ORDER BY date DESC LIMIT 1",
	[S_MOVEIN_ANY] = "SELECT 1 FROM movein WHERE unit_id = ?1 LIMIT 1",
	[S_MOVEIN_UPDATE] = "UPDATE movein SET date = ?2 WHERE id = ?1",
	/* the unit's current owners other than the roll's person (?2 name,
	 * ?3 ID number): their stated shares and latest since; and whether
	 * the roll's person is among them */
	[S_OWNERS_OF] =
	    "SELECT coalesce(sum(CASE WHEN m THEN 0 ELSE share END), 0),"
	    " max(CASE WHEN m THEN NULL ELSE since END), coalesce(max(m), 0), count(*) FROM"
	    " (SELECT o.share, o.since, CASE WHEN ?3 IS NOT NULL THEN p.id_no IS ?3 ELSE p.name = ?2 END AS m"
	    "  FROM ownership o JOIN person p ON p.id = o.person_id WHERE o.unit_id = ?1 AND o.until IS NULL)",
	[S_UNSEE] = "DELETE FROM temp.roll_seen WHERE id = ?1",
};

/* The first line of the roll that gave an ID number, and a hash of its
 * name: an open-addressing table of 16-byte slots, at most 3/4 full, so
 * 21 to 43 bytes a number (a temporary table cost more, and 25% more
 * time).  key is the number's first 17 digits plus one (0: an empty
 * slot); line 0: a row that was refused after all. */
struct id_slot {
	int64_t key;
	uint32_t name;
	uint32_t line;
};

struct id_table {
	struct id_slot *v;
	size_t cap, n;             /* cap a power of two, n <= 3/4 cap */
};

struct importer {
	struct pm_db *db;
	struct pm_stmt *st[S_COUNT];
	struct pm_roll_stats *stats;
	int64_t max_unit;           /* largest unit id before this import */
	int bulk;                   /* the estate had no people: see bulk_begin() */
	char today[PM_DATE_BUFSZ];
	struct pm_buf change;       /* the unit's changed fields, for the audit */
	struct pm_buf note;         /* the row's one audit text, "changed ...; owner changed to ..." */
	struct id_table ids;        /* the roll's ID numbers so far */
	struct pm_err *err;
};

/* Add a part to the row's audit text: one audit row per roll row keeps
 * a re-import in which every unit changed hands to one INSERT a row. */
static int
note_audit(struct importer *im, const char *what, const char *arg)
{
	if ((im->note.len && pm_buf_adds(&im->note, "; ") < 0) ||
	    pm_buf_addf(&im->note, "%s %s", what, arg) < 0)
		return pm_err_oom(im->err);
	return 0;
}

/* Reset and return statement k. */
static struct pm_stmt *
S(struct importer *im, enum stmt k)
{
	pm_stmt_reset(im->st[k]);
	pm_stmt_clear(im->st[k]);
	return im->st[k];
}

static int
done(struct importer *im, struct pm_stmt *st)
{
	int rc = pm_step(st);

	if (rc == PM_DONE || rc == PM_ROW)
		return 0;
	return pm_db_fail(im->db, im->err, _("import"));
}

/* Step a lookup: 1 row, 0 none, -1 error. */
static int
row_of(struct importer *im, struct pm_stmt *st)
{
	int rc = pm_step(st);

	if (rc == PM_ROW)
		return 1;
	if (rc == PM_DONE)
		return 0;
	return pm_db_fail(im->db, im->err, _("import"));
}

static void
bind_buf(struct pm_stmt *st, int i, const struct pm_buf *b, int has)
{
	if (has && b->len)
		pm_bind_text_ref(st, i, b->s, b->len);
	else
		pm_bind_null(st, i);
}

static void
bind_opt_int(struct pm_stmt *st, int i, int64_t v, int has)
{
	if (has)
		pm_bind_int(st, i, v);
	else
		pm_bind_null(st, i);
}

/* Does the stored column differ from what the roll gives? */
static int
differs_int(struct pm_stmt *st, int col, int64_t v, int has)
{
	return has && (pm_col_null(st, col) ||
	    pm_col_int64(st, col) != v);
}

static int
differs_text(struct pm_stmt *st, int col, const struct pm_buf *b, int has)
{
	return has && strcmp(pm_col_text(st, col), pm_buf_str(b));
}

static void
note(struct importer *im, const char *fmt, const char *what)
{
	if (im->change.len)
		pm_buf_adds(&im->change, ", ");
	pm_buf_addf(&im->change, fmt, what);
}

/*
 * Would the row break the rules of one owner set at a time?  Checked
 * before the row writes anything.  A row that adds a co-owner (repeat)
 * must keep the stated shares at 100% or below; a row that replaces the
 * owners of an existing unit must not say they bought it before the
 * current owners did.  0 fine, 1 refused (*why, *field), -1 error.
 */
static int
check_owners(struct importer *im, struct roll_rec *r, int64_t unit, int repeat, const char **why,
	     enum roll_field *field)
{
	static char reason[256];
	char pct[PM_DEC_BUFSZ];
	struct pm_stmt *st;
	int64_t held;
	int rc;

	/* only a share or a since can break them: most rolls have neither */
	if (!r->has_person || (repeat ? r->share <= 0 : !r->since[0]))
		return 0;
	st = S(im, S_OWNERS_OF);
	pm_bind_int(st, 1, unit);
	bind_buf(st, 2, &r->name, 1);
	bind_buf(st, 3, &r->id_no, 1);
	if ((rc = row_of(im, st)) <= 0)
		return rc;
	/* the roll's person owns it already, or nobody does: nothing to check */
	if (pm_col_int(st, 2) || pm_col_int64(st, 3) == 0)
		return 0;
	held = pm_col_int64(st, 0);
	if (repeat && r->share > 0 && held + r->share > 10000) {
		snprintf(reason, sizeof reason, _("%s: shares would add up to %s%%: at most 100%%"),
		    r->code.s, pm_dec_fmt(held + r->share, 2, pct));
		*why = reason;
		*field = RF_SHARE;
		return 1;
	}
	if (!repeat && r->since[0] && !pm_col_null(st, 1) &&
	    strcmp(r->since, pm_col_text(st, 1)) < 0) {
		snprintf(reason, sizeof reason,
		    _("%s: the current owners hold it since after %s: check the date"), r->code.s,
		    r->since);
		*why = reason;
		*field = RF_SINCE;
		return 1;
	}
	return 0;
}

/*
 * The unit.  *id gets its row; *fresh says this import created it.
 * Returns 0, 1 when the row must be refused (*why set), -1 on error.
 */
static int
write_unit(struct importer *im, struct roll_rec *r, int64_t *id, int *fresh, int *repeat,
	   const char **why, enum roll_field *field)
{
	static const char *const names[] = {N_("building area"), N_("usable area"),
		N_("land share area")};
	struct pm_stmt *st = S(im, S_UNIT_INSERT);
	int changed = 0, k, rc;
	size_t first;

	*repeat = *fresh = 0;
	/* into an estate with units, most rows name one that exists: ask
	 * first; into an empty one, insert and let the rare repeat conflict */
	if (im->max_unit > 0) {
		st = S(im, S_UNIT_GET);
		bind_buf(st, 1, &r->code, 1);
		if ((rc = row_of(im, st)) < 0)
			return -1;
		if (rc)
			goto exists;
		st = S(im, S_UNIT_INSERT);
	}
	bind_buf(st, 1, &r->code, 1);
	/* NOT NULL: a building of one staircase has entrance '' */
	pm_bind_text(st, 2, pm_buf_str(&r->building));
	pm_bind_text(st, 3, pm_buf_str(&r->entrance));
	bind_opt_int(st, 4, r->floor, r->floor > 0);
	bind_buf(st, 5, &r->room, 1);
	if (r->type)
		pm_bind_text(st, 6, r->type);
	for (k = 0; k < 3; k++)
		bind_opt_int(st, 7 + k, r->area[k], r->has_area[k]);
	bind_buf(st, 10, &r->use, r->has_use);
	bind_buf(st, 11, &r->facilities, r->has_facilities);
	bind_buf(st, 12, &r->parking, r->has_parking);
	bind_buf(st, 13, &r->remark, r->has_remark);
	if (done(im, st) < 0)
		return -1;
	if (pm_db_changes(im->db) == 1) {
		*id = pm_db_last_id(im->db);
		*fresh = 1;
		im->stats->units_added++;
		return 0;
	}

	st = S(im, S_UNIT_GET);
	bind_buf(st, 1, &r->code, 1);
	if ((rc = row_of(im, st)) <= 0)
		return rc < 0 ? -1 : pm_err_set(im->err, PM_EXIT_SOFTWARE, _("unit vanished"));
exists:
	*id = pm_col_int64(st, 0);
	/* what differs, the unit's measurements first: a repeated row is
	 * named by the first difference */
	pm_buf_reset(&im->change);
	for (k = 0; k < 3; k++)
		if (differs_int(st, 2 + k, r->area[k], r->has_area[k]))
			note(im, "%s", _(names[k]));
	if (r->type && strcmp(pm_col_text(st, 1), r->type))
		note(im, "%s", _("type"));
	if (differs_text(st, 5, &r->use, r->has_use))
		note(im, "%s", _("use"));
	if (differs_text(st, 6, &r->facilities, r->has_facilities))
		note(im, "%s", _("facilities"));
	if (differs_text(st, 7, &r->parking, r->has_parking))
		note(im, "%s", _("parking"));
	first = im->change.len ? strcspn(im->change.s, ",") : 0;
	/* a co-owner's row may carry its own remark: not a difference */
	if (differs_text(st, 8, &r->remark, r->has_remark))
		note(im, "%s", _("remark"));
	changed = im->change.len > 0;

	/* written earlier by this very import? */
	if (*id > im->max_unit) {
		*repeat = 1;
	} else {
		st = S(im, S_SEEN);
		pm_bind_int(st, 1, *id);
		if (done(im, st) < 0)
			return -1;
		*repeat = pm_db_changes(im->db) == 0;
	}
	if (*repeat) {
		if (first) {
			static char reason[256];

			snprintf(reason, sizeof reason, _("unit repeated with a different %.*s"),
			    (int)first, im->change.s);
			*why = reason;
			return 1;
		}
		return check_owners(im, r, *id, 1, why, field);
	}
	if ((rc = check_owners(im, r, *id, 0, why, field)) != 0) {
		/* refused: a later row of the unit is not a repeat of this one */
		if (rc > 0) {
			st = S(im, S_UNSEE);
			pm_bind_int(st, 1, *id);
			if (done(im, st) < 0)
				return -1;
		}
		return rc;
	}
	if (!changed) {
		im->stats->units_unchanged++;
		return 0;
	}
	st = S(im, S_UNIT_UPDATE);
	pm_bind_int(st, 1, *id);
	if (r->type)
		pm_bind_text(st, 2, r->type);
	for (k = 0; k < 3; k++)
		bind_opt_int(st, 3 + k, r->area[k], r->has_area[k]);
	bind_buf(st, 6, &r->use, r->has_use);
	bind_buf(st, 7, &r->facilities, r->has_facilities);
	bind_buf(st, 8, &r->parking, r->has_parking);
	bind_buf(st, 9, &r->remark, r->has_remark);
	if (done(im, st) < 0)
		return -1;
	im->stats->units_updated++;
	return note_audit(im, "changed", im->change.s);
}

/* Bring a matched person up to date with the roll.  st is the lookup
 * whose row is current: id, name, phone, landline (, id_no). */
static int
refresh_person(struct importer *im, struct roll_rec *r, struct pm_stmt *st, int has_idcol,
	       int64_t *pid)
{
	int changed;

	*pid = pm_col_int64(st, 0);
	changed = strcmp(pm_col_text(st, 1), r->name.s) ||
	    (r->phone.len && strcmp(pm_col_text(st, 2), r->phone.s)) ||
	    (r->landline.len && strcmp(pm_col_text(st, 3), r->landline.s)) ||
	    (has_idcol && r->id_no.len && strcmp(pm_col_text(st, 4), r->id_no.s));
	if (!changed) {
		im->stats->people_unchanged++;
		return 0;
	}
	st = S(im, S_PERSON_UPDATE);
	pm_bind_int(st, 1, *pid);
	bind_buf(st, 2, &r->name, 1);
	bind_buf(st, 3, &r->phone, 1);
	bind_buf(st, 4, &r->landline, 1);
	bind_buf(st, 5, &r->id_no, has_idcol);
	if (done(im, st) < 0)
		return -1;
	im->stats->people_updated++;
	/* the audit names the person, never their numbers */
	return note_audit(im, "updated owner", r->name.s);
}

/* Find or create the roll's person: by ID number, else name and phone,
 * else by name among the unit's current owners. */
static int
write_person(struct importer *im, struct roll_rec *r, int64_t unit, int fresh, int64_t *pid)
{
	struct pm_stmt *st;
	int rc;

	/* no index to ask in a bulk load: duplicates are merged by bulk_end() */
	if (r->id_no.len && im->bulk)
		goto insert;
	if (r->id_no.len) {
		st = S(im, S_PERSON_BY_ID);
		bind_buf(st, 1, &r->id_no, 1);
		if ((rc = row_of(im, st)) < 0)
			return -1;
		if (rc)
			return refresh_person(im, r, st, 0, pid);
		goto insert;
	}
	if (r->phone.len) {
		st = S(im, S_PERSON_BY_PHONE);
		bind_buf(st, 1, &r->name, 1);
		bind_buf(st, 2, &r->phone, 1);
		if ((rc = row_of(im, st)) < 0)
			return -1;
		if (rc)
			return refresh_person(im, r, st, 1, pid);
	}
	if (!fresh) {
		st = S(im, S_PERSON_BY_OWNER);
		pm_bind_int(st, 1, unit);
		bind_buf(st, 2, &r->name, 1);
		if ((rc = row_of(im, st)) < 0)
			return -1;
		if (rc)
			return refresh_person(im, r, st, 1, pid);
	}
insert:
	st = S(im, S_PERSON_INSERT);
	bind_buf(st, 1, &r->name, 1);
	bind_buf(st, 2, &r->phone, 1);
	bind_buf(st, 3, &r->landline, 1);
	bind_buf(st, 4, &r->id_no, 1);
	if (done(im, st) < 0)
		return -1;
	*pid = pm_db_last_id(im->db);
	im->stats->people_added++;
	return 0;
}

static int
add_owner(struct importer *im, struct roll_rec *r, int64_t unit, int64_t pid, const char *since)
{
	struct pm_stmt *st = S(im, S_OWNER_INSERT);

	pm_bind_int(st, 1, unit);
	pm_bind_int(st, 2, pid);
	bind_opt_int(st, 3, r->share, r->share > 0);
	if (since && since[0])
		pm_bind_text(st, 4, since);
	return done(im, st);
}

/* Make pid an owner of the unit.  A repeat row adds a co-owner; on an
 * existing unit a different owner is a change of ownership, which ends
 * the old rows the day the new start: the roll's since, else its
 * move-in, else today (never before the old rows' own since). */
static int
write_ownership(struct importer *im, struct roll_rec *r, int64_t unit, int64_t pid,
		int fresh, int repeat)
{
	struct pm_stmt *st;
	int rc, found = 0, any = 0;

	if (fresh && !repeat)
		return add_owner(im, r, unit, pid, r->since);
	st = S(im, S_OWNER_CURRENT);
	pm_bind_int(st, 1, unit);
	while ((rc = row_of(im, st)) > 0) {
		any = 1;
		if (pm_col_int64(st, 0) == pid)
			found = 1;
	}
	if (rc < 0)
		return -1;
	if (found)
		return 0;
	if (any && !repeat) {
		/* the new owners start the day the old ones end: an undated
		 * new owner would read as owner all along, beside the old */
		const char *day = r->since[0] ? r->since : r->move_in[0] ? r->move_in : im->today;

		st = S(im, S_OWNER_END);
		pm_bind_int(st, 1, unit);
		pm_bind_text(st, 2, day);
		if (done(im, st) < 0)
			return -1;
		if (note_audit(im, "owner changed to", r->name.s) < 0)
			return -1;
		return add_owner(im, r, unit, pid, day);
	}
	return add_owner(im, r, unit, pid, r->since);
}

static int
write_movein(struct importer *im, struct roll_rec *r, int64_t unit, int64_t pid, int fresh)
{
	struct pm_stmt *st;
	int rc;

	if (!r->move_in[0])
		return 0;
	if (!fresh) {
		st = S(im, S_MOVEIN_GET);
		pm_bind_int(st, 1, unit);
		if ((rc = row_of(im, st)) < 0)
			return -1;
		if (rc) {
			int64_t mid = pm_col_int64(st, 0);

			if (!strcmp(pm_col_text(st, 1), r->move_in))
				return 0;
			st = S(im, S_MOVEIN_UPDATE);
			pm_bind_int(st, 1, mid);
			pm_bind_text(st, 2, r->move_in);
			return done(im, st);
		}
		/* a desk move-in has its own record: the roll does not touch it */
		st = S(im, S_MOVEIN_ANY);
		pm_bind_int(st, 1, unit);
		if ((rc = row_of(im, st)) < 0)
			return -1;
		if (rc)
			return 0;
	}
	st = S(im, S_MOVEIN_INSERT);
	pm_bind_int(st, 1, unit);
	pm_bind_text(st, 2, r->move_in);
	if (pid)
		pm_bind_int(st, 3, pid);
	return done(im, st);
}

/* The key of a normalized ID number (18 characters, the last a check
 * digit that the first 17 determine): its first 17 digits, plus one. */
static int64_t
id_key(const struct roll_rec *r)
{
	int64_t k = 0;
	size_t i;

	for (i = 0; i < 17 && i < r->id_no.len; i++)
		k = k * 10 + (r->id_no.s[i] - '0');
	return k + 1;
}

static uint64_t
mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return x;
}

/* FNV-1a: two names of one number hash apart but once in 2^32 */
static uint32_t
name_hash(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* The slot of key, or the empty one where it goes; NULL out of memory. */
static struct id_slot *
id_slot(struct id_table *t, int64_t key)
{
	size_t i;

	if (4 * (t->n + 1) > 3 * t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 1024, j;
		struct id_slot *v = calloc(cap, sizeof *v);

		if (!v)
			return NULL;
		for (j = 0; j < t->cap; j++)
			if (t->v[j].key) {
				for (i = mix((uint64_t)t->v[j].key) & (cap - 1); v[i].key; i = (i + 1) & (cap - 1))
					;
				v[i] = t->v[j];
			}
		free(t->v);
		t->v = v;
		t->cap = cap;
	}
	for (i = mix((uint64_t)key) & (t->cap - 1); t->v[i].key && t->v[i].key != key;
	     i = (i + 1) & (t->cap - 1))
		;
	return &t->v[i];
}

/* Is the row's ID number on an earlier line of the roll under another
 * name?  1 refused (why), 0 not, -1 error; *first says this row is the
 * first to give the number. */
static int
check_id(struct importer *im, struct roll_rec *r, long line, int *first, const char **why)
{
	static char reason[128];
	struct id_slot *e;
	uint32_t name;
	int64_t key;

	*first = 0;
	if (!r->has_person || !r->id_no.len)
		return 0;
	key = id_key(r);
	name = name_hash(r->name.s);
	if (!(e = id_slot(&im->ids, key)))
		return pm_err_oom(im->err);
	if (e->key && e->line) {
		if (e->name == name)
			return 0;
		/* never the number itself: the report goes to screens and files */
		snprintf(reason, sizeof reason, _("the same ID number is on line %lld under another name"),
		    (long long)e->line);
		*why = reason;
		return 1;
	}
	if (!e->key)
		im->ids.n++;
	e->key = key;
	e->name = name;
	e->line = line > 0 && line <= (long)UINT32_MAX ? (uint32_t)line : UINT32_MAX;
	*first = 1;
	return 0;
}

/* Write one good row.  0 written, 1 refused (why, field), -1 error. */
static int
write_row(struct importer *im, struct roll_rec *r, long line, const char **why,
	  enum roll_field *field)
{
	int64_t unit = 0, pid = 0;
	int fresh, repeat, first, rc;

	pm_buf_reset(&im->note);
	*field = RF_UNIT;
	if ((rc = check_id(im, r, line, &first, why)) != 0) {
		*field = RF_ID_NO;
		return rc;
	}
	rc = write_unit(im, r, &unit, &fresh, &repeat, why, field);
	if (rc > 0 && first) {
		/* refused: the number's first line is a later one */
		struct id_slot *e = id_slot(&im->ids, id_key(r));

		if (e && e->key)
			e->line = 0;
	}
	if (rc)
		return rc;
	if (r->has_person) {
		if (write_person(im, r, unit, fresh && !repeat, &pid) < 0 ||
		    write_ownership(im, r, unit, pid, fresh, repeat) < 0)
			return -1;
	}
	if (!repeat && write_movein(im, r, unit, pid, fresh) < 0)
		return -1;
	/* the audit names the person, never their numbers */
	if (im->note.len &&
	    pm_auditf(im->db, r->code.s, im->err, "roll import %s", im->note.s) < 0)
		return -1;
	return 0;
}

/*
 * The first import into an estate with nobody in it is a bulk load: a
 * million ID numbers arrive in random order, and keeping their unique
 * index up to date row by row costs a random page per row.  So the index
 * is dropped for the load (inside the transaction: a failed import gets
 * it back with everything else), people are inserted without looking
 * them up, and bulk_end() merges the rows that share an ID number -- as
 * the row-by-row path would have -- before building the index once,
 * by sorting.
 */
static int
bulk_begin(struct importer *im)
{
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(im->db, "SELECT EXISTS (SELECT 1 FROM person)", &st, im->err) < 0)
		return -1;
	rc = pm_step(st);
	im->bulk = rc == PM_ROW && pm_col_int(st, 0) == 0;
	pm_stmt_free(st);
	if (rc != PM_ROW)
		return pm_db_fail(im->db, im->err, _("import"));
	if (im->bulk && pm_db_exec(im->db, "DROP INDEX person_id_no", im->err) < 0)
		return -1;
	return 0;
}

static int
bulk_end(struct importer *im)
{
	static const char merge[] =
	    /* the ID numbers held by more than one row, and their first row:
	     * one sort, where a window over id_no costs as much again in
	     * clearing its partition table once per person */
	    "CREATE TEMP TABLE roll_dupno(id_no TEXT PRIMARY KEY, keep INTEGER NOT NULL) WITHOUT ROWID;"
	    "INSERT INTO temp.roll_dupno SELECT id_no, min(id) FROM person"
	    " WHERE id_no IS NOT NULL GROUP BY id_no HAVING count(*) > 1;"
	    /* every row after the first with its ID number, and the first:
	     * one pass over person, looking each up in the (small) set */
	    "CREATE TEMP TABLE roll_dup AS SELECT p.id, d.keep FROM person p"
	    " CROSS JOIN temp.roll_dupno d ON d.id_no = p.id_no WHERE p.id <> d.keep;"
	    "CREATE INDEX temp.roll_dup_keep ON roll_dup(keep);"
	    /* the first takes the name and numbers of the last, as updates would */
	    "UPDATE person SET (name, phone, landline) ="
	    " (SELECT q.name, coalesce(q.phone, person.phone), coalesce(q.landline, person.landline)"
	    "  FROM person q WHERE q.id = (SELECT max(d.id) FROM temp.roll_dup d WHERE d.keep = person.id))"
	    " WHERE id IN (SELECT keep FROM temp.roll_dup);"
	    "UPDATE ownership SET person_id = (SELECT keep FROM temp.roll_dup WHERE id = ownership.person_id)"
	    " WHERE person_id IN (SELECT id FROM temp.roll_dup);"
	    "UPDATE movein SET person_id = (SELECT keep FROM temp.roll_dup WHERE id = movein.person_id)"
	    " WHERE person_id IN (SELECT id FROM temp.roll_dup);"
	    "DELETE FROM person WHERE id IN (SELECT id FROM temp.roll_dup);"
	    "CREATE UNIQUE INDEX person_id_no ON person(id_no);";
	struct pm_stmt *st;
	long dups = 0;

	if (!im->bulk)
		return 0;
	if (pm_db_exec(im->db, merge, im->err) < 0)
		return -1;
	if (pm_db_prepare(im->db, "SELECT count(*) FROM temp.roll_dup", &st, im->err) < 0)
		return -1;
	if (pm_step(st) == PM_ROW)
		dups = pm_col_int64(st, 0);
	pm_stmt_free(st);
	/* a merged row counts as the update it would have been */
	im->stats->people_added -= dups;
	im->stats->people_updated += dups;
	return pm_db_exec(im->db, "DROP TABLE temp.roll_dup; DROP TABLE temp.roll_dupno", im->err);
}

/*
 * CHECK constraints off while the rows are written, on again before
 * bulk_end().  SQLite codes a CHECK's "x IN (list)" of more than two
 * values (unit.type, ownership.how) as a temporary b-tree that it builds
 * again for every row: two per row, a third of the import's CPU.  The
 * checks cannot fail for what the import writes, which is checked
 * before it gets there:
 *   unit       type is a key of pm_unit_types or NULL ('residential' or
 *              unchanged); roll_parse() refuses negative areas;
 *   ownership  share is refused outside (0, 100%] by roll_parse(); how
 *              is the literal 'roll'; until is NULL on insert, and
 *              S_OWNER_END sets it to max(start, since), never < since;
 *   movein     source is the literal 'roll'; batch, keys_signed and
 *              inspection keep their defaults; an update sets only date;
 *   person, audit, temp.roll_seen have no CHECK.
 * The pragma is a compile-time switch: setting it expires the prepared
 * statements, so the import's are prepared after it and finalized
 * before it is set back.
 */
static int
checks(struct pm_db *db, int on, struct pm_err *err)
{
	return pm_db_exec(db, on ? "PRAGMA ignore_check_constraints = OFF"
	    : "PRAGMA ignore_check_constraints = ON", err);
}

static int
prepare(struct importer *im)
{
	struct pm_stmt *st;
	int k;

	if (pm_db_exec(im->db, "CREATE TEMP TABLE IF NOT EXISTS roll_seen(id INTEGER PRIMARY KEY);"
	    "DELETE FROM temp.roll_seen", im->err) < 0)
		return -1;
	if (bulk_begin(im) < 0)
		return -1;
	if (checks(im->db, 0, im->err) < 0)
		return -1;
	for (k = 0; k < S_COUNT; k++)
		if (pm_db_prepare(im->db, sqls[k], &im->st[k], im->err) < 0)
			return -1;
	if (pm_db_prepare(im->db, "SELECT coalesce(max(id), 0) FROM unit", &st, im->err) < 0)
		return -1;
	if (pm_step(st) == PM_ROW)
		im->max_unit = pm_col_int64(st, 0);
	pm_stmt_free(st);
	return 0;
}

static void
finish(struct importer *im)
{
	int k;

	for (k = 0; k < S_COUNT; k++)
		pm_stmt_free(im->st[k]);
	pm_buf_free(&im->change);
	pm_buf_free(&im->note);
	free(im->ids.v);
	im->ids.v = NULL;
	im->ids.cap = im->ids.n = 0;
}

static int
report_row(pm_roll_report report, void *ctx, struct pm_csvin *in, const struct pm_header *h,
	   const struct pm_row *row, enum roll_field f, int has_field, const char *reason)
{
	struct pm_roll_problem p = {0};

	p.file = pm_csvin_name(in);
	p.line = row->line;
	p.column = has_field && h->col[f] >= 0 ? h->names.v[h->col[f]]
	    : has_field ? pm_roll_fields[f].name : NULL;
	p.reason = reason;
	p.row = row;
	p.header = h;
	return report(ctx, &p);
}

int
pm_roll_import(struct pm_db *db, const struct pm_roll_opts *o, struct pm_roll_stats *stats,
	       pm_roll_report report, void *ctx, struct pm_err *err)
{
	struct pm_csvin_opts copts = {o->encoding, o->delim, 0};
	struct importer im = {0};
	struct roll_rec rec = {0};
	struct roll_problem probs[RF_COUNT];
	struct pm_header h = {0};
	struct pm_csvin *in;
	struct pm_row *row;
	struct pm_date today;
	char ratio[96];
	size_t i;
	int rc, ret = -1, began = 0;

	memset(stats, 0, sizeof *stats);
	im.db = db;
	im.stats = stats;
	im.err = err;
	if (pm_today(&today, err) < 0)
		return -1;
	pm_date_fmt(today, im.today);
	if (!(in = pm_csvin_open(o->path, &copts, err)))
		return -1;
	rc = pm_csvin_read(in, &row, err);
	if (rc < 0)
		goto out;
	if (rc == 0) {
		pm_err_set(err, PM_EXIT_DATA, _("%s: no header (the file is empty)"), pm_csvin_name(in));
		goto out;
	}
	if (pm_header_map(row, pm_roll_fields, o->maps, pm_csvin_name(in), &h, err) < 0)
		goto out;
	for (i = 0; i < h.unknown.n; i++) {
		struct pm_roll_problem p = {pm_csvin_name(in), 1, h.unknown.v[i],
		    _("unknown column, ignored (name it with --map 'header=field')"), 1, NULL, &h};

		if (report(ctx, &p) < 0)
			goto out;
	}
	/* temporary tables and statement journals in memory: on a file,
	 * a re-import that ends every unit's ownership spent its time in
	 * growing and trimming the heap for them, and grew quadratically
	 * (BAD-INPUTS 60); what they hold is a few bytes per touched unit */
	if (pm_db_exec(db, "PRAGMA temp_store = MEMORY", err) < 0)
		goto out;
	if (pm_db_begin(db, err) < 0)
		goto out;
	began = 1;
	if (prepare(&im) < 0)
		goto out;
	while ((rc = pm_csvin_read(in, &row, err)) > 0) {
		int np, k;
		const char *why = NULL;
		enum roll_field field = RF_UNIT;

		stats->rows++;
		if (o->progress && !(stats->rows & 4095))
			o->progress(o->progress_ctx, stats->rows);
		if (row->n != h.ncols) {
			snprintf(ratio, sizeof ratio, _("row has %zu fields, the header %zu"), row->n, h.ncols);
			if (report_row(report, ctx, in, &h, row, RF_UNIT, 0, ratio) < 0)
				goto out;
			stats->rejected++;
			continue;
		}
		np = roll_parse(&h, row, &rec, probs);
		for (k = 0; k < np; k++)
			if (pm_why_is_oom(probs[k].reason)) {
				pm_err_oom(err);  /* the machine's failure, not the row's */
				goto out;
			}
		for (k = 0; k < np; k++)
			if (report_row(report, ctx, in, &h, row, probs[k].field, 1, probs[k].reason) < 0)
				goto out;
		if (np) {
			stats->rejected++;
			continue;
		}
		rc = write_row(&im, &rec, row->line, &why, &field);
		if (rc < 0)
			goto out;
		if (rc > 0) {
			if (report_row(report, ctx, in, &h, row, field, 1, why) < 0)
				goto out;
			stats->rejected++;
		}
	}
	if (rc < 0)
		goto out;
	stats->blank = pm_csvin_blank_rows(in);
	finish(&im);
	memset(im.st, 0, sizeof im.st);
	if (checks(db, 1, err) < 0 || bulk_end(&im) < 0)
		goto out;
	if (o->dry_run || (stats->rejected && !o->skip_bad)) {
		pm_db_rollback(db);
		began = 0;
	} else {
		if (pm_auditf(db, pm_csvin_name(in), err,
		    "roll import: %ld rows, %ld rejected; units %ld added %ld updated;"
		    " people %ld added %ld updated", stats->rows, stats->rejected,
		    stats->units_added, stats->units_updated, stats->people_added,
		    stats->people_updated) < 0)
			goto out;
		if (pm_db_commit(db, err) < 0) {
			began = 0;
			goto out;
		}
		began = 0;
	}
	ret = stats->rejected ? 1 : 0;
out:
	finish(&im);
	/* an import that failed half way must not leave the checks off */
	if (began)
		checks(db, 1, NULL);
	if (began)
		pm_db_rollback(db);
	pm_header_free(&h);
	roll_rec_free(&rec);
	pm_csvin_close(in);
	return ret;
}
