/* test_reno.c - pm-reno's lib: the order of the steps, the deposit in
 * pm-fee's ledger, the household archive sections of both */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/audit.h"
#include "fee/deposit.h"
#include "fee/fee.h"
#include "reno/reno.h"

struct t {
	char path[64];
	struct pm_db *db;
};

static int
setup(void **state)
{
	static struct t t;
	struct pm_err err = {0, NULL};
	int fd;

	snprintf(t.path, sizeof t.path, "/tmp/test_reno.XXXXXX");
	fd = mkstemp(t.path);
	assert_true(fd >= 0);
	close(fd);
	unlink(t.path);
	setenv("PM_NOW", "2026-11-20T09:00:00", 1);
	pm_audit_actor("test_reno", "test", "desk", NULL);
	assert_int_equal(pm_db_open(t.path, 0, &t.db, &err), 0);
	assert_int_equal(pm_db_exec(t.db,
	    "INSERT INTO staff(name, dept, role, joined) VALUES ('李工', 'engineering', 'engineer', '2026-01-01'),"
	    " ('王经理', 'management', 'manager', '2026-01-01');"
	    "INSERT INTO unit(code, room) VALUES ('1-1-101', '101');"
	    "INSERT INTO person(name) VALUES ('张三');"
	    "INSERT INTO ownership(unit_id, person_id) VALUES (1, 1);", &err), 0);
	*state = &t;
	return 0;
}

static int
teardown(void **state)
{
	struct t *t = *state;
	char side[80];

	pm_db_close(t->db);
	unlink(t->path);
	snprintf(side, sizeof side, "%s-wal", t->path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", t->path);
	unlink(side);
	unsetenv("PM_NOW");
	return 0;
}

static const char *
status(struct pm_db *db)
{
	static char s[16];
	struct pm_err err = {0, NULL};
	struct pm_stmt *st;

	assert_int_equal(pm_db_prepare(db, "SELECT status FROM reno", &st, &err), 0);
	assert_int_equal(pm_step(st), PM_ROW);
	snprintf(s, sizeof s, "%s", pm_col_text(st, 0));
	pm_stmt_free(st);
	return s;
}

/* Run one step in its own transaction, as a command does. */
static int
in_tx(struct pm_db *db, int rc, struct pm_err *err)
{
	if (rc < 0) {
		pm_db_rollback(db);
		return err->code;
	}
	assert_int_equal(pm_db_commit(db, err), 0);
	return 0;
}

static char *
section(struct pm_db *db, int reno)
{
	struct pm_outopts o = {.format = PM_FMT_CSV};
	struct pm_err err = {0, NULL};
	struct pm_out *out;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	out = pm_out_new(fp, &o, &err);
	assert_non_null(out);
	if (reno)
		assert_int_equal(pm_reno_archive(db, 1, out, &err), 0);
	else
		assert_int_equal(pm_fee_archive_deposits(db, 1, out, &err), 0);
	assert_int_equal(pm_out_finish(out, &err), 0);
	fclose(fp);
	return buf;
}

static void
steps_in_order(void **state)
{
	struct t *t = *state;
	struct pm_db *db = t->db;
	struct pm_err err = {0, NULL};
	struct pm_reno_apply a = {0};
	struct pm_reno_paid paid;
	struct pm_deposit_state d;
	char no[PM_SEQ_BUFSZ], pass[PM_SEQ_BUFSZ];
	int64_t id;
	char *text;

	a.unit_id = 1;
	a.applicant = "张三";
	a.contractor = "好家装修";
	a.scope = "厨卫";
	a.start = "2026-12-01";
	a.end = "2026-12-31";
	assert_int_equal(pm_db_begin(db, &err), 0);
	assert_int_equal(in_tx(db, pm_reno_apply(db, &a, no, &err), &err), 0);
	assert_string_equal(no, "Z2026-000001");
	assert_int_equal(pm_reno_find(db, "z2026-000001", &id, &err), 0);

	/* the second review before the first: refused, nothing changed */
	assert_int_equal(pm_db_begin(db, &err), 0);
	assert_int_equal(in_tx(db, pm_reno_review(db, id, 1, 1, NULL, "王经理", &err), &err), 65);
	pm_err_clear(&err);
	assert_string_equal(status(db), "applied");
	/* the first by the wrong role */
	assert_int_equal(pm_db_begin(db, &err), 0);
	assert_int_equal(in_tx(db, pm_reno_review(db, id, 0, 1, NULL, "王经理", &err), &err), 65);
	pm_err_clear(&err);
	assert_int_equal(pm_db_begin(db, &err), 0);
	assert_int_equal(in_tx(db, pm_reno_review(db, id, 0, 1, NULL, "李工", &err), &err), 0);
	assert_string_equal(status(db), "reviewed");
	assert_int_equal(pm_db_begin(db, &err), 0);
	assert_int_equal(in_tx(db, pm_reno_review(db, id, 1, 1, NULL, "王经理", &err), &err), 0);
	assert_string_equal(status(db), "approved");

	/* no pass before payment */
	assert_int_equal(pm_db_begin(db, &err), 0);
	assert_int_equal(in_tx(db, pm_reno_pass_issue(db, id, "赵师傅", pass, &err), &err), 65);
	pm_err_clear(&err);

	/* the deposit goes into pm-fee's ledger */
	assert_int_equal(pm_db_begin(db, &err), 0);
	assert_int_equal(in_tx(db, pm_reno_pay(db, id, 200000, 0, NULL, "cash", &paid, &err), &err), 0);
	assert_string_equal(paid.deposit, "D2026-000001");
	assert_string_equal(paid.receipt, "");
	assert_int_equal(pm_deposit_get(db, 1, &d, &err), 0);
	assert_int_equal(d.amount, 200000);
	assert_int_equal(d.refunded, 0);
	text = section(db, 0);
	assert_non_null(strstr(text, "D2026-000001,2026-11-20,reno,2000.00,,\n"));
	free(text);
	text = section(db, 1);
	assert_string_equal(text, "[renovations]\n"
	    "permit,status,contractor,scope,start,end,violations,deposit,refunded\n"
	    "Z2026-000001,approved,好家装修,厨卫,2026-12-01,2026-12-31,0,D2026-000001,\n");
	free(text);

	/* a refund before the work is accepted is refused, the deposit held */
	assert_int_equal(pm_db_begin(db, &err), 0);
	{
		int64_t back = 0;

		assert_int_equal(in_tx(db, pm_reno_refund(db, id, NULL, 0, "cash", &back, &err), &err), 65);
		pm_err_clear(&err);
		assert_int_equal(back, 0);
	}
	assert_int_equal(pm_deposit_get(db, 1, &d, &err), 0);
	assert_int_equal(d.refunded, 0);
}

static void
keywords(void **state)
{
	(void)state;
	assert_string_equal(pm_keyword_key(pm_reno_violations, "违时施工"), "hours");
	assert_string_equal(pm_keyword_key(pm_reno_violations, "承重墙"), "structure");
	assert_string_equal(pm_keyword_key(pm_reno_statuses, "已批准"), "approved");
	assert_string_equal(pm_keyword_key(pm_deposit_kinds, "装修"), "reno");
	assert_string_equal(pm_keyword_key(pm_fee_methods, "微信"), "wechat");
	assert_string_equal(pm_keyword_key(pm_fee_meters, "燃气"), "gas");
	assert_null(pm_keyword_key(pm_fee_methods, "bitcoin"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(steps_in_order, setup, teardown),
		cmocka_unit_test(keywords),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
