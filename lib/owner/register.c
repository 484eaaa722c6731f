/* register.c - the monthly ownership and rental registers (产权清册,
 * 租赁清册) and the changes within a month */
#include "core/i18n.h"
#include "registers.h"
#include "unit.h"

/* Owner o holds unit u on :day: from since (or always) until the day
 * before until, the day a successor takes over (as import writes it). */
#define OWNS_ON \
	" o.unit_id = u.id AND (o.since IS NULL OR o.since <= :day)" \
	" AND (o.until IS NULL OR o.until > :day)"

/* Lease l is in force on :day (unit.h's rule for today). */
#define LEASED_ON \
	" l.start <= :day AND (l.end_on IS NULL OR l.end_on >= :day)" \
	" AND (l.ended IS NULL OR l.ended > :day)"

/* The order of an outer query over a subquery that carries the unit's
 * building, entrance, floor and room. */
#define OUTER_UNIT_ORDER \
	" CAST(building AS INTEGER), building, CAST(entrance AS INTEGER)," \
	" entrance, floor, CAST(room AS INTEGER), room"

#define UNIT_PARTS " u.building AS building, u.entrance AS entrance, u.floor AS floor, u.room AS room"

static const struct pm_col ownership_cols[] = {
	{"unit", N_("Unit"), PM_COL_CODE, 0},
	{"type", N_("Type"), PM_COL_CODE, 0},
	{"usable_area", N_("Usable area"), PM_COL_DEC, 2},
	{"building_area", N_("Building area"), PM_COL_DEC, 2},
	{"land_area", N_("Land share"), PM_COL_DEC, 2},
	{"status", N_("Status"), PM_COL_CODE, 0},
	{"facilities", N_("Facilities"), PM_COL_TEXT, 0},
	{"parking", N_("Parking"), PM_COL_TEXT, 0},
	{"owners", N_("Owners"), PM_COL_TEXT, 0},
	{"since", N_("Since"), PM_COL_CODE, 0},
};

/* The status is unit.h's rule as of :day (bound as its :today), except
 * for the owners, which that rule takes as of now. */
static const char ownership_sql[] =
    "SELECT code, type, usable_area, building_area, land_area,"
    " CASE WHEN owners IS NULL THEN 'unsold' ELSE status END,"
    " facilities, parking, owners, since FROM ("
    " SELECT u.code AS code, u.type AS type, u.usable_area AS usable_area,"
    "  u.building_area AS building_area, u.land_area AS land_area,"
    "  " PM_UNIT_STATUS_SQL " AS status, u.facilities AS facilities, u.parking AS parking,"
    "  (SELECT group_concat(name, '、') FROM (SELECT p.name FROM ownership o"
    "    JOIN person p ON p.id = o.person_id WHERE" OWNS_ON " ORDER BY o.id)) AS owners,"
    "  (SELECT max(o.since) FROM ownership o WHERE" OWNS_ON ") AS since,"
    UNIT_PARTS " FROM unit u)"
    " ORDER BY" OUTER_UNIT_ORDER;

static const struct pm_col ownership_change_cols[] = {
	{"date", N_("Date"), PM_COL_CODE, 0},
	{"unit", N_("Unit"), PM_COL_CODE, 0},
	{"event", N_("Event"), PM_COL_CODE, 0},
	{"owner", N_("Owner"), PM_COL_TEXT, 0},
	{"how", N_("How"), PM_COL_CODE, 0},
	{"share", N_("Share %"), PM_COL_DEC, 2},
};

/* An owner ceasing ('end') sorts before a successor starting the same day. */
static const char ownership_change_sql[] =
    "SELECT date, code, event, name, how, share FROM ("
    " SELECT o.since AS date, u.code AS code, 'start' AS event, p.name AS name, o.how AS how,"
    "  o.share AS share, o.id AS id," UNIT_PARTS
    " FROM ownership o JOIN unit u ON u.id = o.unit_id JOIN person p ON p.id = o.person_id"
    " WHERE o.since BETWEEN :first AND :day"
    " UNION ALL"
    " SELECT o.until, u.code, 'end', p.name, o.how, o.share, o.id," UNIT_PARTS
    " FROM ownership o JOIN unit u ON u.id = o.unit_id JOIN person p ON p.id = o.person_id"
    " WHERE o.until BETWEEN :first AND :day)"
    " ORDER BY date," OUTER_UNIT_ORDER ", event, id";

static const struct pm_col rental_cols[] = {
	{"tenant", N_("Tenant"), PM_COL_TEXT, 0},
	{"phone", N_("Phone"), PM_COL_PHONE, 0},
	{"start", N_("From"), PM_COL_CODE, 0},
	{"end", N_("To"), PM_COL_CODE, 0},
	{"unit", N_("Unit"), PM_COL_CODE, 0},
	{"decoration", N_("Decoration"), PM_COL_TEXT, 0},
};

static const char rental_sql[] =
    "SELECT p.name, coalesce(p.phone, p.landline), l.start, l.end_on, u.code, l.decoration"
    " FROM lease l JOIN unit u ON u.id = l.unit_id JOIN person p ON p.id = l.person_id"
    " WHERE" LEASED_ON
    " ORDER BY" PM_REG_UNIT_ORDER ", l.start, l.id";

static const struct pm_col rental_change_cols[] = {
	{"date", N_("Date"), PM_COL_CODE, 0},
	{"unit", N_("Unit"), PM_COL_CODE, 0},
	{"event", N_("Event"), PM_COL_CODE, 0},
	{"tenant", N_("Tenant"), PM_COL_TEXT, 0},
	{"start", N_("From"), PM_COL_CODE, 0},
	{"end", N_("To"), PM_COL_CODE, 0},
};

/* A lease starts, runs out on its last day (end), or is ended early on
 * the day it stops (ended).  A lease that ends and starts again the same
 * day sorts end first. */
static const char rental_change_sql[] =
    "SELECT date, code, event, name, start, end_on FROM ("
    " SELECT l.start AS date, u.code AS code, 'start' AS event, p.name AS name,"
    "  l.start AS start, l.end_on AS end_on, 1 AS k, l.id AS id," UNIT_PARTS
    " FROM lease l JOIN unit u ON u.id = l.unit_id JOIN person p ON p.id = l.person_id"
    " WHERE l.start BETWEEN :first AND :day"
    " UNION ALL"
    " SELECT l.end_on, u.code, 'end', p.name, l.start, l.end_on, 0, l.id," UNIT_PARTS
    " FROM lease l JOIN unit u ON u.id = l.unit_id JOIN person p ON p.id = l.person_id"
    " WHERE l.ended IS NULL AND l.end_on BETWEEN :first AND :day"
    " UNION ALL"
    " SELECT l.ended, u.code, 'ended', p.name, l.start, l.end_on, 0, l.id," UNIT_PARTS
    " FROM lease l JOIN unit u ON u.id = l.unit_id JOIN person p ON p.id = l.person_id"
    " WHERE l.ended BETWEEN :first AND :day)"
    " ORDER BY date," OUTER_UNIT_ORDER ", k, id";

int
pm_register_write(struct pm_db *db, enum pm_register which, const struct pm_period *month,
		  int changes, struct pm_out *out, struct pm_err *err)
{
	static const struct {
		const struct pm_col *cols;
		size_t ncols;
		const char *sql;
	} queries[2][2] = {
		[PM_REGISTER_OWNERSHIP] = {
			{ownership_cols, sizeof ownership_cols / sizeof ownership_cols[0], ownership_sql},
			{ownership_change_cols, sizeof ownership_change_cols / sizeof ownership_change_cols[0],
			 ownership_change_sql},
		},
		[PM_REGISTER_RENTAL] = {
			{rental_cols, sizeof rental_cols / sizeof rental_cols[0], rental_sql},
			{rental_change_cols, sizeof rental_change_cols / sizeof rental_change_cols[0],
			 rental_change_sql},
		},
	};
	char first[PM_DATE_BUFSZ], last[PM_DATE_BUFSZ];
	struct pm_stmt *st;
	int rc, q = changes ? 1 : 0;

	if (pm_db_prepare(db, queries[which][q].sql, &st, err) < 0)
		return -1;
	pm_date_fmt(month->first, first);
	pm_date_fmt(month->last, last);
	/* as of the month's last day: unit.h's :today is that day */
	pm_bind_text(st, pm_param_index(st, ":today"), last);
	pm_bind_text(st, pm_param_index(st, ":day"), last);
	pm_bind_text(st, pm_param_index(st, ":first"), first);
	pm_out_begin(out, NULL, queries[which][q].cols, queries[which][q].ncols, 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}
