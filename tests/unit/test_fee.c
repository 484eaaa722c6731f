/* test_fee.c - pm-fee's arithmetic: the rounding rule at its edges, the
 * SQL billing expressions against the C rule, random amounts summed,
 * how lines are explained, amounts in capitals, item periods */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "core/audit.h"
#include "core/money.h"
#include "fee/fee.h"
#include "fee/item.h"
#include "fee/pay.h"

/* A small deterministic generator (xorshift64*), so failures repeat. */
static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static uint64_t
next_u64(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545F4914F6CDD1DULL;
}

static int64_t
rand_range(int64_t lo, int64_t hi)
{
	return lo + (int64_t)(next_u64() % (uint64_t)(hi - lo + 1));
}

/* The rule, spelled out with 128-bit arithmetic: round(a*b / 10^drop)
 * half away from zero. */
static int64_t
reference(int64_t a, int64_t b, int drop)
{
	__int128 p = (__int128)a * b, d = 1, q, r;
	int i;

	for (i = 0; i < drop; i++)
		d *= 10;
	q = p / d;
	r = p % d;
	if (r < 0)
		r = -r;
	if (2 * r >= d)
		q += p < 0 ? -1 : 1;
	return (int64_t)q;
}

static void
rounding_edges(void **state)
{
	static const struct { int64_t a, b, want; } t[] = {
		{8937, 23500, 21002},     /* 89.37 m2 x 2.35 = 210.0195 -> 210.02 */
		{12050, 23500, 28318},    /* 120.50 x 2.35 = 283.175 -> 283.18: half up */
		{1, 5000, 1},             /* 0.01 x 0.50 = 0.005 -> 0.01 */
		{1, 4999, 0},             /* 0.004999 -> 0.00 */
		{-1, 5000, -1},           /* -0.005 -> -0.01: half away from zero */
		{-1, 4999, 0},
		{0, 99999999, 0},
		{100, 10000, 100},        /* 1 x 1.00 = 1.00 */
		{9003, 25000, 22508},     /* 90.03 x 2.50 = 225.075 -> 225.08 */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		int64_t got = 0;

		assert_int_equal(pm_dec_mul(t[i].a, 2, t[i].b, 4, 2, &got), 0);
		assert_int_equal(got, t[i].want);
	}
	{
		int64_t got = 0;

		/* overflow is refused, nothing stored */
		assert_int_equal(pm_dec_mul(INT64_MAX / 2, 2, 3, 4, 2, &got), -1);
		assert_int_equal(got, 0);
		/* pro rata: 250.00 x 11 / 31 = 88.709... -> 88.71; 0.5 fen goes up */
		assert_int_equal(pm_dec_muldiv(25000, 11, 31, &got), 0);
		assert_int_equal(got, 8871);
		assert_int_equal(pm_dec_muldiv(1, 1, 2, &got), 0);
		assert_int_equal(got, 1);
		assert_int_equal(pm_dec_muldiv(22508, 80, 100, &got), 0);
		assert_int_equal(got, 18006);
	}
}

/* pm-fee bills in SQL; the SQL must round exactly as pm_dec_mul does. */
static void
sql_matches_c(void **state)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	int i;

	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h,
	    "SELECT (?1 * ?2 + 5000) / 10000, (?3 * ?4 * 2 + ?5) / (2 * ?5),"
	    " (?3 * (100 - ?6) * 2 + 100) / 200", -1, &st, NULL), SQLITE_OK);
	for (i = 0; i < 100000; i++) {
		int64_t qty = rand_range(0, 100000000), rate = rand_range(0, 100000000);
		int64_t base = rand_range(0, 1000000000), of = rand_range(28, 366);
		int64_t days = rand_range(1, of), disc = rand_range(0, 100), c = 0;

		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, qty);
		sqlite3_bind_int64(st, 2, rate);
		sqlite3_bind_int64(st, 3, base);
		sqlite3_bind_int64(st, 4, days);
		sqlite3_bind_int64(st, 5, of);
		sqlite3_bind_int64(st, 6, disc);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(pm_dec_mul(qty, 2, rate, 4, 2, &c), 0);
		assert_int_equal(sqlite3_column_int64(st, 0), c);
		assert_int_equal(c, reference(qty, rate, 4));
		assert_int_equal(pm_dec_muldiv(base, days, of, &c), 0);
		assert_int_equal(sqlite3_column_int64(st, 1), c);
		assert_int_equal(pm_dec_muldiv(base, 100 - disc, 100, &c), 0);
		assert_int_equal(sqlite3_column_int64(st, 2), c);
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
}

/* Random amounts, written the ways desks write them, parsed and added:
 * the total in fen is the total of what was meant, and printing and
 * parsing back loses nothing. */
static void
random_amounts_add_up(void **state)
{
	int round;

	(void)state;
	for (round = 0; round < 200; round++) {
		int64_t want = 0, got = 0, back = 0;
		int i, n = (int)rand_range(1, 200);

		for (i = 0; i < n; i++) {
			int64_t fen = rand_range(1, 9999999999LL), parsed = -1;
			char text[64], num[PM_DEC_BUFSZ];
			int form = (int)rand_range(0, 4);

			pm_money_fmt(fen, num);
			switch (form) {
			case 0: snprintf(text, sizeof text, "%s", num); break;
			case 1: snprintf(text, sizeof text, "¥%s", num); break;
			case 2: snprintf(text, sizeof text, "%s元", num); break;
			case 3: snprintf(text, sizeof text, " ￥%s ", num); break;
			default: {
				/* with thousands commas */
				char *dot = strchr(num, '.');
				size_t intlen = (size_t)(dot - num), k, o = 0;

				for (k = 0; k < intlen; k++) {
					if (k && (intlen - k) % 3 == 0)
						text[o++] = ',';
					text[o++] = num[k];
				}
				snprintf(text + o, sizeof text - o, "%s", dot);
			}
			}
			assert_int_equal(pm_money_parse(text, strlen(text), &parsed), PM_NUM_OK);
			assert_int_equal(parsed, fen);
			want += fen;
			got += parsed;
		}
		{
			char sum[PM_DEC_BUFSZ];

			assert_int_equal(got, want);
			pm_money_fmt(got, sum);
			/* a sum may pass the limit of one amount: read it as a decimal */
			assert_int_equal(pm_dec_parse(sum, strlen(sum), 2, &back), PM_NUM_OK);
			assert_int_equal(back, want);
		}
	}
}

/* The same through the ledger: random payments into a real database;
 * what was received is what was typed, and every fen is either on a
 * bill line or credit. */
static void
random_payments_balance(void **state)
{
	char path[] = "/tmp/test_fee.XXXXXX";
	char dbfile[64];
	struct pm_err err = {0, NULL};
	struct pm_db *db;
	int64_t want = 0, owed = 0, credit = 0, billed = 0;
	int fd, i;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	snprintf(dbfile, sizeof dbfile, "%s.db", path);
	setenv("PM_NOW", "2026-11-30T09:00:00", 1);
	pm_audit_actor("test_fee", "pay", "desk", NULL);
	assert_int_equal(pm_db_open(dbfile, 0, &db, &err), 0);
	assert_int_equal(pm_db_exec(db,
	    "INSERT INTO unit(code, room, building_area) VALUES ('1-1-101', '101', 8937);"
	    "INSERT INTO movein(unit_id, date) VALUES (1, '2026-01-01');"
	    "INSERT INTO fee_item(code, name, basis, cycle) VALUES ('mgmt', 'x', 'area', 'monthly');"
	    "INSERT INTO bill(unit_id, item_id, period, starts, ends, qty, rate, base, amount, raised)"
	    " VALUES (1, 1, '2026-10', '2026-10-01', '2026-10-31', 8937, 23500, 21002, 21002, 'x'),"
	    " (1, 1, '2026-11', '2026-11-01', '2026-11-30', 8937, 23500, 21002, 21002, 'x')", &err), 0);
	billed = 2 * 21002;
	assert_int_equal(pm_db_begin(db, &err), 0);
	for (i = 0; i < 50; i++) {
		struct pm_fee_pay p = {0};
		struct pm_fee_paid r;
		int64_t fen = rand_range(1, 20000);
		char amount[PM_DEC_BUFSZ];

		p.unit_id = 1;
		p.amount = pm_money_fmt(fen, amount);
		p.method = i % 2 ? "现金" : "wechat";
		assert_int_equal(pm_fee_pay(db, &p, &r, &err), 0);
		assert_int_equal(r.amount, fen);
		assert_int_equal(r.allocated + r.credit, fen);
		want += fen;
	}
	assert_int_equal(pm_db_commit(db, &err), 0);
	assert_int_equal(pm_fee_balance(db, 1, &owed, &credit, &err), 0);
	/* every fen received is on a line or credit; lines never go below 0 */
	assert_true(owed >= 0 && credit >= 0);
	assert_int_equal(want - credit, billed - owed);
	assert_true(owed == 0 || credit == 0);
	pm_db_close(db);
	unlink(dbfile);
	{
		char side[80];

		snprintf(side, sizeof side, "%s-wal", dbfile);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", dbfile);
		unlink(side);
	}
	unsetenv("PM_NOW");
}

static void
how_lines(void **state)
{
	static const struct {
		struct pm_fee_line l;
		const char *want;
	} t[] = {
		{{"area", "", 8937, 23500, 21002, 21002, -1, -1, -1, -1, -1},
		 "89.37 m² × 2.35 = 210.02"},
		{{"area", "", 9003, 25000, 22508, 18006, -1, -1, -1, -1, 20},
		 "90.03 m² × 2.50 = 225.08; vacant −20% = 180.06"},
		{{"area", "", 10000, 25000, 25000, 8871, -1, -1, 11, 31, -1},
		 "100.00 m² × 2.50 = 250.00; 11/31 days = 88.71"},
		{{"meter", "water", 2345, 35000, 8208, 8208, 10000, 12345, -1, -1, -1},
		 "water 100.00 → 123.45 = 23.45 × 3.50 = 82.08"},
		{{"meter", "electricity", 1205, 5283, 637, 637, 12345, 550, -1, -1, -1},
		 "electricity 123.45 → 5.50 (new meter) = 12.05 × 0.5283 = 6.37"},
		{{"space", "", 200, 1500000, 30000, 30000, -1, -1, -1, -1, -1},
		 "2 spaces × 150.00 = 300.00"},
		{{"unit", "", 100, 155000, 1550, 1550, -1, -1, -1, -1, -1},
		 "1 unit × 15.50 = 15.50"},
		{{"fixed", "", 300, 123400, 3702, 3702, -1, -1, -1, -1, -1},
		 "3 × 12.34 = 37.02"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct pm_buf b = PM_BUF_INIT;

		assert_int_equal(pm_fee_how(&t[i].l, &b), 0);
		assert_string_equal(pm_buf_str(&b), t[i].want);
		pm_buf_free(&b);
	}
}

static void
capitals(void **state)
{
	static const struct { int64_t fen; const char *want; } t[] = {
		{0, "零元整"},
		{5, "伍分"},
		{50, "伍角"},
		{100, "壹元整"},
		{1000, "壹拾元整"},
		{21002, "贰佰壹拾元零贰分"},
		{100550, "壹仟零伍元伍角"},
		{10001000, "壹拾万零壹拾元整"},
		{101000000, "壹佰零壹万元整"},
		{10000000000LL, "壹亿元整"},
		{1000100, "壹万零壹元整"},
		{100010000000LL, "壹拾亿零壹拾万元整"},
		{100001000000LL, "壹拾亿零壹万元整"},
		{12345678912LL, "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分"},
		{-300, "负叁元整"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct pm_buf b = PM_BUF_INIT;

		assert_int_equal(pm_fee_capital(t[i].fen, &b), 0);
		assert_string_equal(pm_buf_str(&b), t[i].want);
		pm_buf_free(&b);
	}
}

static void
item_periods(void **state)
{
	struct pm_fee_itemrec it;
	struct pm_fee_period *v;
	struct pm_period span;
	char a[PM_DATE_BUFSZ], b[PM_DATE_BUFSZ];
	struct pm_err err = {0, NULL};
	size_t n;

	(void)state;
	memset(&it, 0, sizeof it);
	snprintf(it.cycle, sizeof it.cycle, "season");
	it.season_from = 11;
	it.season_to = 3;
	assert_int_equal(pm_period_parse("2026-11", &span), 0);
	assert_int_equal(pm_fee_item_periods(&it, span.first, span.last, &v, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].label, "2026-11~2027-03");
	assert_string_equal(pm_date_fmt(v[0].first, a), "2026-11-01");
	assert_string_equal(pm_date_fmt(v[0].last, b), "2027-03-31");
	free(v);
	assert_int_equal(pm_period_parse("2026-12", &span), 0);
	assert_int_equal(pm_fee_item_periods(&it, span.first, span.last, &v, &n, &err), 0);
	assert_int_equal(n, 0);
	free(v);

	snprintf(it.cycle, sizeof it.cycle, "quarterly");
	assert_int_equal(pm_period_parse("2026", &span), 0);
	assert_int_equal(pm_fee_item_periods(&it, span.first, span.last, &v, &n, &err), 0);
	assert_int_equal(n, 4);
	assert_string_equal(v[3].label, "2026Q4");
	free(v);
	assert_int_equal(pm_period_parse("2026-11", &span), 0);
	assert_int_equal(pm_fee_item_periods(&it, span.first, span.last, &v, &n, &err), 0);
	assert_int_equal(n, 0);  /* Q4 starts in October */
	free(v);

	snprintf(it.cycle, sizeof it.cycle, "monthly");
	assert_int_equal(pm_period_parse("2026Q4", &span), 0);
	assert_int_equal(pm_fee_item_periods(&it, span.first, span.last, &v, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_string_equal(v[0].label, "2026-10");
	assert_string_equal(v[2].label, "2026-12");
	free(v);

	snprintf(it.cycle, sizeof it.cycle, "yearly");
	assert_int_equal(pm_period_parse("2026-02", &span), 0);
	assert_int_equal(pm_fee_item_periods(&it, span.first, span.last, &v, &n, &err), 0);
	assert_int_equal(n, 0);
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rounding_edges),
		cmocka_unit_test(sql_matches_c),
		cmocka_unit_test(random_amounts_add_up),
		cmocka_unit_test(random_payments_balance),
		cmocka_unit_test(how_lines),
		cmocka_unit_test(capitals),
		cmocka_unit_test(item_periods),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
