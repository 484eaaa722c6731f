/* invariants.c - the rules across records, one query each (pm-admin check --invariants) */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/time.h"
#include "fee/journal.h"
#include "fee/ledger.h"
#include "invariants.h"

/* today, from ?1 (now) */
#define TODAY "substr(?1, 1, 10)"

/* A new owner set began while an old one still ran: co-owners of one
 * set share their start day, a transfer ends the old set the day the
 * new one begins.  A NULL since (the roll did not say) is open from the
 * beginning; a NULL until is current. */
static const char ownership_overlap_sql[] =
    "SELECT u.code, a.since IS NULL, pa.name, coalesce(a.since, pb.name),"
    "  CASE WHEN a.since IS NULL THEN b.since ELSE pb.name END, b.since"
    " FROM ownership a JOIN ownership b ON b.unit_id = a.unit_id AND b.id <> a.id"
    " JOIN unit u ON u.id = a.unit_id"
    " JOIN person pa ON pa.id = a.person_id JOIN person pb ON pb.id = b.person_id"
    " WHERE b.since IS NOT NULL AND (a.since IS NULL OR a.since < b.since)"
    "  AND (a.until IS NULL OR a.until > b.since)"
    " ORDER BY u.code, a.id, b.id";

/* Shares current on each day an ownership begins (the total can only
 * rise on such a day); '' stands for the beginning (NULL since). */
#define PCT "printf('%d.%02d', s.total / 100, s.total % 100)"
static const char ownership_shares_sql[] =
    "WITH p AS (SELECT DISTINCT unit_id, coalesce(since, '') AS d FROM ownership),"
    " s AS (SELECT p.unit_id, p.d, sum(o.share) AS total FROM p JOIN ownership o"
    "  ON o.unit_id = p.unit_id AND coalesce(o.since, '') <= p.d"
    "  AND (o.until IS NULL OR o.until > p.d)"
    "  GROUP BY p.unit_id, p.d HAVING sum(o.share) > 10000)"
    " SELECT u.code, s.d = '', coalesce(nullif(s.d, ''), " PCT "), " PCT
    " FROM s JOIN unit u ON u.id = s.unit_id ORDER BY u.code, s.d";

/* lib/owner/unit.h: a unit is occupied while its last move-in is later
 * than any move-out (a move-out on the day of a move-in ends it), and
 * pm-owner movein refuses an occupied unit: two move-ins in a row with
 * no move-out on or between their days are two households at once. */
static const char occupancy_sql[] =
    "WITH m AS (SELECT unit_id, date, lead(date) OVER"
    "  (PARTITION BY unit_id ORDER BY date, id) AS next FROM movein)"
    " SELECT u.code, 0, m.date, m.next FROM m JOIN unit u ON u.id = m.unit_id"
    " WHERE m.next IS NOT NULL AND NOT EXISTS (SELECT 1 FROM moveout x"
    "  WHERE x.unit_id = m.unit_id AND x.date BETWEEN m.date AND m.next)"
    " ORDER BY u.code, m.date";

/* As PM_UNIT_STATUS_SQL reads a lease: in force from start through
 * end_on, and no longer on the day it ended. */
static const char lease_overlap_sql[] =
    "SELECT u.code, 0, pa.name, a.start, pb.name, b.start"
    " FROM lease a JOIN lease b ON b.unit_id = a.unit_id"
    "  AND (b.start > a.start OR (b.start = a.start AND b.id > a.id))"
    " JOIN unit u ON u.id = a.unit_id"
    " JOIN person pa ON pa.id = a.person_id JOIN person pb ON pb.id = b.person_id"
    " WHERE (a.end_on IS NULL OR a.end_on >= b.start) AND (a.ended IS NULL OR a.ended > b.start)"
    " ORDER BY u.code, a.start, b.start";

/* A ticket's timeline in the order it was written (event id) goes
 * forward in time, and no step is later than now. */
static const char ticket_order_sql[] =
    "WITH e AS (SELECT ticket_id, id, what, at, lag(what) OVER w AS pwhat, lag(at) OVER w AS pat"
    "  FROM ticket_event WINDOW w AS (PARTITION BY ticket_id ORDER BY id))"
    " SELECT t.no, e.at > ?1, e.what, e.at, e.pwhat, e.pat FROM e JOIN ticket t ON t.id = e.ticket_id"
    " WHERE e.at < e.pat OR e.at > ?1 ORDER BY t.no, e.id";

/* The renovation log likewise; and work is started on the permit's
 * days, not before its planned start (lib/reno/site.c). */
static const char reno_order_sql[] =
    "WITH e AS (SELECT reno_id, id, event, at, lag(event) OVER w AS pevent, lag(at) OVER w AS pat"
    "  FROM reno_event WINDOW w AS (PARTITION BY reno_id ORDER BY id))"
    " SELECT no, which, a, b, c, d FROM ("
    "  SELECT r.no, e.at > ?1 AS which, e.event AS a, e.at AS b, e.pevent AS c, e.pat AS d, e.id AS k"
    "  FROM e JOIN reno r ON r.id = e.reno_id WHERE e.at < e.pat OR e.at > ?1"
    "  UNION ALL SELECT no, 2, started, planned_start, NULL, NULL, 0 FROM reno"
    "  WHERE started IS NOT NULL AND substr(started, 1, 10) < planned_start) AS x"
    " ORDER BY no, k";

/* Records dated after today. */
static const char future_records_sql[] =
    "SELECT u.code, 0, m.date FROM movein m JOIN unit u ON u.id = m.unit_id WHERE m.date > " TODAY
    " UNION ALL SELECT permit, 1, date FROM moveout WHERE date > " TODAY
    " UNION ALL SELECT receipt, 2, date FROM payment WHERE date > " TODAY
    " UNION ALL SELECT receipt, 3, voided FROM payment WHERE voided > " TODAY
    " UNION ALL SELECT no, 4, date FROM deposit WHERE date > " TODAY
    " UNION ALL SELECT no, 5, refunded FROM deposit WHERE refunded > " TODAY
    " UNION ALL SELECT no, 6, date FROM handover WHERE date > " TODAY;

/* lib/core/seq.c gives out PYYYY-NNNNNN, counter.last the latest per
 * prefix and year.  Every number 1 .. last has its record, none is above
 * last.  A sentinel last + 1 per counter finds the gap at the end. */
#define NUMBERED \
	"SELECT no FROM ticket UNION ALL SELECT permit FROM moveout" \
	" UNION ALL SELECT receipt FROM payment UNION ALL SELECT no FROM deposit" \
	" UNION ALL SELECT no FROM handover UNION ALL SELECT no FROM reno" \
	" UNION ALL SELECT no FROM reno_notice UNION ALL SELECT no FROM reno_pass"
#define NO(n) "printf('%s%04d-%06d', prefix, year, " n ")"
static const char sequence_gaps_sql[] =
    "WITH n AS (SELECT substr(no, 1, 1) AS prefix, CAST(substr(no, 2, 4) AS INTEGER) AS year,"
    "  CAST(substr(no, 7) AS INTEGER) AS num, 0 AS sentinel FROM (" NUMBERED ")"
    "  UNION ALL SELECT prefix, year, last + 1, 1 FROM counter"
    "  WHERE prefix IN ('T', 'F', 'R', 'D', 'H', 'Z', 'W', 'L')),"
    " g AS (SELECT n.prefix, n.year, n.num, n.sentinel, coalesce(c.last, 0) AS last,"
    "  lag(n.num, 1, 0) OVER (PARTITION BY n.prefix, n.year ORDER BY n.num, n.sentinel) AS prev"
    "  FROM n LEFT JOIN counter c ON c.prefix = n.prefix AND c.year = n.year)"
    " SELECT " NO("prev + 1") ", num - prev > 2, " NO("num - 1") " FROM g"
    "  WHERE num > prev + 1 AND num <= last + 1"
    " UNION ALL SELECT " NO("num") ", CASE WHEN last = 0 THEN 3 ELSE 2 END, " NO("last") " FROM g"
    "  WHERE sentinel = 0 AND num > last"
    " ORDER BY 1";

/* The cash journal's balance at the end of each day with cash moving. */
static const char cash_negative_sql[] =
    "WITH c AS (SELECT d, sum(cin - cout) AS v FROM (" PM_FEE_CASH_SQL ") GROUP BY d),"
    " r AS (SELECT d, sum(v) OVER (ORDER BY d ROWS UNBOUNDED PRECEDING) AS bal FROM c)"
    " SELECT d, 0, printf('-%d.%02d', -bal / 100, -bal % 100) FROM r WHERE bal < 0 ORDER BY d";

struct books {
	int (*report)(void *, const char *, const char *);
	void *arg;
	int failed;
};

static int
books_row(void *arg, const char *check, const char *result, int bad)
{
	struct books *b = arg;

	if (bad && b->report(b->arg, check, result) < 0)
		b->failed = 1;
	return 0;
}

/* pm-fee check: every finding of it is one of this rule's. */
static int
books_balance(struct pm_db *db, int (*report)(void *, const char *, const char *), void *arg,
	      struct pm_err *err)
{
	struct books b = {report, arg, 0};
	long problems = 0;

	if (pm_fee_check_each(db, books_row, &b, &problems, err) < 0)
		return -1;
	if (b.failed)
		return pm_err_oom(err);
	return 0;
}

const struct pm_invariant pm_invariants[] = {
	{"books_balance", N_("the books balance: pm-fee check finds nothing"), NULL, {NULL},
	    books_balance},
	{"sequence_gaps", N_("every record number given out has its record, and none is above the last given out"),
	    sequence_gaps_sql, {N_("given out, but no record has it"),
	    N_("given out up to %s, but no record has them"),
	    N_("above %s, the last number given out"),
	    N_("no number of its year was given out")}, NULL},
	{"ownership_overlap", N_("a unit's new owners begin when the old ones end"),
	    ownership_overlap_sql, {N_("%s, owner since %s, still owned it when %s became owner on %s"),
	    N_("%s, owner from before the roll, still owned it when %s became owner on %s")}, NULL},
	{"ownership_shares", N_("the stated shares of a unit's owners add up to the whole unit at most"),
	    ownership_shares_sql, {N_("the shares of its owners on %s add up to %s%%"),
	    N_("the shares of its first owners add up to %s%%")}, NULL},
	{"occupancy", N_("one household at a time: no move-in without a move-out after the one before"),
	    occupancy_sql, {N_("moved into on %s and again on %s with no move-out between")}, NULL},
	{"lease_overlap", N_("a unit's leases do not overlap"),
	    lease_overlap_sql, {N_("%s's lease from %s still runs when %s's lease begins on %s")}, NULL},
	{"cash_negative", N_("the cash at the desk is never below nothing at the end of a day"),
	    cash_negative_sql, {N_("the desk holds %s in cash at the end of the day")}, NULL},
	{"ticket_order", N_("a ticket's steps are in time order, none of them later than now"),
	    ticket_order_sql, {N_("%s at %s is earlier than the step before it, %s at %s"),
	    N_("%s at %s is later than now")}, NULL},
	{"reno_order", N_("a renovation's log is in time order, none of it later than now"),
	    reno_order_sql, {N_("%s at %s is earlier than the step before it, %s at %s"),
	    N_("%s at %s is later than now"), N_("started at %s, before its planned start %s")}, NULL},
	{"future_records", N_("no move-in, move-out, payment, void, deposit, refund or hand-over is dated after today"),
	    future_records_sql, {N_("a move-in dated %s, after today"),
	    N_("a move-out dated %s, after today"), N_("a payment dated %s, after today"),
	    N_("a void dated %s, after today"), N_("a deposit dated %s, after today"),
	    N_("a refund dated %s, after today"), N_("a hand-over dated %s, after today")}, NULL},
};
const size_t pm_ninvariants = sizeof pm_invariants / sizeof pm_invariants[0];

int
pm_invariant_format(struct pm_buf *b, const char *fmt, const char *const *args, size_t n)
{
	size_t next = 0;
	const char *p;

	for (p = fmt; *p; p++) {
		size_t i;

		if (*p != '%') {
			if (pm_buf_addc(b, *p) < 0)
				return -1;
			continue;
		}
		if (p[1] == '%') {
			if (pm_buf_addc(b, '%') < 0)
				return -1;
			p++;
			continue;
		}
		if (p[1] >= '1' && p[1] <= '9' && p[2] == '$' && p[3] == 's') {
			i = (size_t)(p[1] - '1');
			p += 3;
		} else if (p[1] == 's') {
			i = next++;
			p++;
		} else {
			return -1;
		}
		if (i >= n)
			return -1;
		if (pm_buf_adds(b, args[i] ? args[i] : "?") < 0)
			return -1;
	}
	return 0;
}

struct run {
	struct pm_out *out;
	const char *name;
	long found;
	struct pm_err *err;
};

static int
report(void *arg, const char *record, const char *message)
{
	struct run *r = arg;
	struct pm_buf b = PM_BUF_INIT;
	const char *v[2] = {r->name, NULL};

	if (pm_buf_addf(&b, "%s: %s", record, message) < 0) {
		pm_buf_free(&b);
		return pm_err_oom(r->err);
	}
	v[1] = pm_buf_str(&b);
	pm_out_row(r->out, v);
	pm_buf_free(&b);
	r->found++;
	return 0;
}

static int
run_sql(struct pm_db *db, const struct pm_invariant *inv, const char *now, struct run *r,
	struct pm_err *err)
{
	struct pm_buf msg = PM_BUF_INIT;
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, inv->sql, &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, now);
	while ((rc = pm_step(st)) == PM_ROW) {
		const char *args[PM_INVARIANT_ARGS] = {NULL};
		int nc = pm_col_count(st), k;
		int64_t which = pm_col_int64(st, 1);

		for (k = 2; k < nc && k - 2 < PM_INVARIANT_ARGS; k++)
			if (!pm_col_null(st, k))
				args[k - 2] = pm_col_text(st, k);
		pm_buf_reset(&msg);
		if (which < 0 || which >= PM_INVARIANT_MSGS || !inv->msg[which] ||
		    pm_invariant_format(&msg, _(inv->msg[which]), args, PM_INVARIANT_ARGS) < 0) {
			pm_stmt_free(st);
			pm_buf_free(&msg);
			return pm_err_set(err, PM_EXIT_SOFTWARE, "invariant %s: no message %lld",
			    inv->name, (long long)which);
		}
		if (report(r, pm_col_text(st, 0), pm_buf_str(&msg)) < 0) {
			pm_stmt_free(st);
			pm_buf_free(&msg);
			return -1;
		}
	}
	pm_buf_free(&msg);
	if (rc != PM_DONE && (pm_db_error(db) == PM_DBE_OVERFLOW)) {
		const char *v[2] = {inv->name, "not checked: a total overflows"};

		pm_stmt_free(st);
		pm_out_row(r->out, v);
		r->found++;
		return 0;
	}
	pm_stmt_free(st);
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("checking the invariants"));
	return 0;
}

int
pm_invariants_check(struct pm_db *db, struct pm_out *out, long *problems, struct pm_err *err)
{
	char now[PM_TIME_BUFSZ];
	pm_time t;
	size_t i;
	int version;

	if (pm_now(&t, err) < 0 || pm_db_schema_version(db, &version, err) < 0)
		return -1;
	if (version < pm_db_schema_latest()) {
		/* check does not migrate: the rules read tables a file
		 * this old may lack */
		struct pm_buf b = PM_BUF_INIT;
		const char *v[2] = {"invariants", NULL};

		if (pm_buf_addf(&b, "not checked: schema version %d of %d; run pm-admin migrate",
		    version, pm_db_schema_latest()) < 0) {
			pm_buf_free(&b);
			return pm_err_oom(err);
		}
		v[1] = pm_buf_str(&b);
		pm_out_row(out, v);
		pm_buf_free(&b);
		(*problems)++;
		return 0;
	}
	pm_time_fmt(t, now);
	for (i = 0; i < pm_ninvariants; i++) {
		const struct pm_invariant *inv = &pm_invariants[i];
		struct run r = {out, inv->name, 0, err};
		int rc;

		rc = inv->sql ? run_sql(db, inv, now, &r, err) : inv->fn(db, report, &r, err);
		if (rc < 0) {
			const char *v[2] = {inv->name, "not checked: the file is damaged"};

			/* as pm_db_check: damage found already is reported, not died on */
			if (!*problems || err->code != PM_EXIT_CONFIG)
				return -1;
			pm_err_clear(err);
			pm_out_row(out, v);
			(*problems)++;
			return 0;
		}
		if (!r.found) {
			const char *v[2] = {inv->name, "ok"};

			pm_out_row(out, v);
		}
		*problems += r.found;
	}
	return 0;
}
