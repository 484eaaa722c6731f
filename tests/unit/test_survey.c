/* test_survey.c - lib/survey: percentages, quotas, the generator, scores,
 * the Pareto ranking and its tie rule, scopes, charts, the archive section,
 * rounds named by their key */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/db.h"
#include "survey/survey.h"

static void
test_pct10(void **state)
{
	static const struct { int64_t a, b, want; } t[] = {
		{0, 1, 0}, {1, 1, 1000}, {5, 5, 1000}, {1, 3, 333}, {2, 3, 667}, {1, 6, 167},
		{1, 8, 125}, {1, 16, 63} /* 62.5 rounds half up */, {17, 23, 739}, {1, 2000, 1},
		{1, 2001, 0}, {12, 19, 632}, {14, 19, 737}, {1, 0, -1}, {0, 0, -1},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		print_message("# pct10(%lld, %lld)\n", (long long)t[i].a, (long long)t[i].b);
		assert_int_equal(pm_survey_pct10(t[i].a, t[i].b), t[i].want);
	}
}

static void
test_quota(void **state)
{
	static const struct { int64_t n; int ratio; int64_t want; } t[] = {
		{0, 20, 0}, {1, 20, 1}, {5, 20, 1}, {6, 20, 2}, {10, 20, 2}, {11, 20, 3},
		{21, 20, 5}, {46, 20, 10}, {100, 20, 20}, {3, 50, 2}, {7, 100, 7}, {1, 1, 1},
		{99, 1, 1}, {101, 1, 2},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		print_message("# quota(%lld, %d)\n", (long long)t[i].n, t[i].ratio);
		assert_int_equal(pm_survey_quota(t[i].n, t[i].ratio), t[i].want);
		/* the quota always reaches the ratio, and one less would not */
		assert_true(t[i].want * 100 >= t[i].n * t[i].ratio);
		if (t[i].want)
			assert_true((t[i].want - 1) * 100 < t[i].n * t[i].ratio);
	}
}

static void
test_rand(void **state)
{
	/* splitmix64's published sequence from state 0 */
	uint64_t s = 0, u = 42;
	static const uint64_t want[] = {
		UINT64_C(0xe220a8397b1dcdaf), UINT64_C(0x6e789e6aa1b965f4), UINT64_C(0x06c45d188009454f),
	};
	static const uint64_t draws[] = {3, 1, 8, 4, 0, 2, 5, 8, 5, 4};
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++)
		assert_true(pm_survey_rand(&s) == want[i]);
	for (i = 0; i < 10; i++)
		assert_int_equal(pm_survey_uniform(&u, 10), draws[i]);
	for (i = 0, u = 7; i < 10000; i++) {
		assert_true(pm_survey_uniform(&u, 3) < 3);
		assert_int_equal(pm_survey_uniform(&u, 1), 0);
	}
	/* a huge range still works (the rejection threshold is large) */
	u = 1;
	assert_true(pm_survey_uniform(&u, UINT64_C(0x8000000000000001)) < UINT64_C(0x8000000000000001));
}

static void
test_level(void **state)
{
	(void)state;
	assert_int_equal(pm_survey_level(0, 3), PM_SURVEY_SATISFIED);
	assert_int_equal(pm_survey_level(0, 2), PM_SURVEY_FAIR);
	assert_int_equal(pm_survey_level(0, 1), PM_SURVEY_DISSATISFIED);
	assert_int_equal(pm_survey_level(1, 5), PM_SURVEY_SATISFIED);
	assert_int_equal(pm_survey_level(1, 4), PM_SURVEY_SATISFIED);
	assert_int_equal(pm_survey_level(1, 3), PM_SURVEY_FAIR);
	assert_int_equal(pm_survey_level(1, 2), PM_SURVEY_DISSATISFIED);
	assert_int_equal(pm_survey_level(1, 1), PM_SURVEY_DISSATISFIED);
}

static void
test_score_parse(void **state)
{
	static const struct { int five; const char *in; int want; } t[] = {
		{0, "满意", 3}, {0, " 基本满意 ", 2}, {0, "不满意", 1}, {0, "satisfied", 3},
		{0, "Fair", 2}, {0, "dissatisfied", 1}, {0, "\xE3\x80\x80满意", 3}, {0, "非常满意", 3},
		{0, "很好", 0}, {0, "3", 0}, {0, "满意 ", 3},
		{1, "1", 1}, {1, "5", 5}, {1, "\xEF\xBC\x95", 5}, {1, "4分", 4}, {1, " 3 ", 3},
		{1, "0", 0}, {1, "6", 0}, {1, "45", 0}, {1, "满意", 0}, {1, "4.5", 0}, {1, "分", 0},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		int score = -1;
		const char *why = pm_survey_score_parse(t[i].five, t[i].in, strlen(t[i].in), &score);

		print_message("# %s '%s'\n", t[i].five ? "five" : "three", t[i].in);
		if (t[i].want) {
			assert_null(why);
			assert_int_equal(score, t[i].want);
		} else {
			assert_non_null(why);
		}
	}
	{
		int score;
		const char *why = pm_survey_score_parse(1, "6", 1, &score);

		assert_string_equal(why, "'6' is out of range (1 to 5)");
	}
}

static void
test_score_name(void **state)
{
	char b[4];

	(void)state;
	assert_string_equal(pm_survey_score_name(0, 3, b), "满意");
	assert_string_equal(pm_survey_score_name(0, 2, b), "基本满意");
	assert_string_equal(pm_survey_score_name(0, 1, b), "不满意");
	assert_string_equal(pm_survey_score_name(1, 4, b), "4");
}

/* A Pareto table from counts and form positions; ranks and checks. */
struct prow { const char *key; int pos; int64_t count; };
struct pwant { const char *key; int64_t share10, cum10; int vital; };

static void
check_pareto(const struct prow *in, size_t n, const struct pwant *want, int64_t total)
{
	struct pm_survey_pareto p;
	size_t i;

	memset(&p, 0, sizeof p);
	p.rows = calloc(n ? n : 1, sizeof *p.rows);
	assert_non_null(p.rows);
	p.n = n;
	for (i = 0; i < n; i++) {
		p.rows[i].key = (char *)in[i].key;
		p.rows[i].label = (char *)in[i].key;
		p.rows[i].pos = in[i].pos;
		p.rows[i].count = in[i].count;
	}
	pm_survey_pareto_rank(&p);
	assert_int_equal(p.total, total);
	for (i = 0; i < n; i++) {
		print_message("# rank %zu\n", i + 1);
		assert_string_equal(p.rows[i].key, want[i].key);
		assert_int_equal(p.rows[i].share10, want[i].share10);
		assert_int_equal(p.rows[i].cum10, want[i].cum10);
		assert_int_equal(p.rows[i].vital, want[i].vital);
	}
	free(p.rows);
}

static void
test_pareto_rank(void **state)
{
	/* the man page's example: 12, then 2 2 2 tied (form order), 1 */
	static const struct prow a[] = {
		{"landscaping", 4, 1}, {"cleaning", 3, 2}, {"repairs", 5, 12}, {"security", 2, 2},
		{"service", 1, 2},
	};
	static const struct pwant aw[] = {
		{"repairs", 632, 632, 1}, {"service", 105, 737, 1}, {"security", 105, 842, 1},
		{"cleaning", 105, 947, 0} /* tied with security, but 80% is reached */,
		{"landscaping", 53, 1000, 0},
	};
	/* 80% reached exactly: 4 2 2 1 1 -> 40 60 80 90 100; the 1s are not
	 * tied with the last vital (2) */
	static const struct prow b[] = {
		{"a", 1, 4}, {"b", 2, 2}, {"c", 3, 2}, {"d", 4, 1}, {"e", 5, 1},
	};
	static const struct pwant bw[] = {
		{"a", 400, 400, 1}, {"b", 200, 600, 1}, {"c", 200, 800, 1}, {"d", 100, 900, 0},
		{"e", 100, 1000, 0},
	};
	/* all equal: the fourth reaches 80%; the fifth, tied, is not needed */
	static const struct prow c[] = {
		{"e", 5, 3}, {"d", 4, 3}, {"c", 3, 3}, {"b", 2, 3}, {"a", 1, 3},
	};
	static const struct pwant cw[] = {
		{"a", 200, 200, 1}, {"b", 200, 400, 1}, {"c", 200, 600, 1}, {"d", 200, 800, 1},
		{"e", 200, 1000, 0},
	};
	/* issue 19: 8/2/2/2 marked all four vital, the last at 100% */
	static const struct prow f[] = {{"m", 1, 8}, {"n", 2, 2}, {"o", 3, 2}, {"p", 4, 2}};
	static const struct pwant fw[] = {
		{"m", 571, 571, 1}, {"n", 143, 714, 1}, {"o", 143, 857, 1}, {"p", 143, 1000, 0},
	};
	/* one category is all of it */
	static const struct prow d[] = {{"only", 7, 5}};
	static const struct pwant dw[] = {{"only", 1000, 1000, 1}};
	/* the vital few is the 80% line, not the rounded figure: 79.96% is
	 * not 80% though it prints as 80.0 */
	static const struct prow e[] = {{"a", 1, 1999}, {"b", 2, 501}};
	static const struct pwant ew[] = {{"a", 800, 800, 1}, {"b", 200, 1000, 1}};

	(void)state;
	check_pareto(a, 5, aw, 19);
	check_pareto(b, 5, bw, 10);
	check_pareto(c, 5, cw, 15);
	check_pareto(d, 1, dw, 5);
	check_pareto(e, 2, ew, 2500);
	check_pareto(f, 4, fw, 14);
	check_pareto(NULL, 0, NULL, 0);
}

static void
test_scope(void **state)
{
	struct pm_survey_scope sc;
	struct pm_err err = {0};

	(void)state;
	assert_int_equal(pm_survey_scope_parse("2026Q4", &sc, &err), 0);
	assert_string_equal(sc.name, "2026Q4");
	assert_int_equal(sc.year, 2026);
	assert_int_equal(sc.quarter, 4);
	assert_int_equal(pm_survey_scope_parse("2027-Q1", &sc, &err), 0);
	assert_string_equal(sc.name, "2027Q1");
	assert_int_equal(pm_survey_scope_parse("2026", &sc, &err), 0);
	assert_string_equal(sc.name, "2026");
	assert_int_equal(sc.quarter, 0);
	assert_int_equal(pm_survey_scope_parse("2026-11", &sc, &err), -1);
	assert_int_equal(err.code, PM_EXIT_USAGE);
	pm_err_clear(&err);
	assert_int_equal(pm_survey_scope_parse("2026Q5", &sc, &err), -1);
	pm_err_clear(&err);
	assert_int_equal(pm_survey_scope_parse(NULL, &sc, &err), -1);
	pm_err_clear(&err);
}

static void
test_pareto_svg(void **state)
{
	struct pm_survey_pareto_row rows[2] = {
		{(char *)"a<b", (char *)"维修 & <保洁>", 1, 3, 750, 750, 1},
		{(char *)"c", (char *)"\"绿化\"", 2, 1, 250, 1000, 0},
	};
	struct pm_survey_pareto p;
	struct pm_buf b = PM_BUF_INIT;

	(void)state;
	memset(&p, 0, sizeof p);
	p.rows = rows;
	p.n = 2;
	p.total = 4;
	assert_int_equal(pm_survey_pareto_svg(&p, "T & <t>", &b), 0);
	assert_non_null(strstr(b.s, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
	assert_non_null(strstr(b.s, "<title>T &amp; &lt;t&gt;</title>"));
	assert_non_null(strstr(b.s, ">维修 &amp; &lt;保洁&gt;</text>"));
	assert_non_null(strstr(b.s, ">&quot;绿化&quot;</text>"));
	assert_non_null(strstr(b.s, "Noto Sans CJK SC"));
	assert_non_null(strstr(b.s, "stroke-dasharray"));
	assert_non_null(strstr(b.s, ">75.0%</text>"));
	assert_null(strstr(b.s, "<b"));
	assert_string_equal(b.s + b.len - 7, "</svg>\n");
	pm_buf_free(&b);

	/* no problems at all still draws a chart that says so */
	p.n = 0;
	p.total = 0;
	assert_int_equal(pm_survey_pareto_svg(&p, "empty", &b), 0);
	assert_non_null(strstr(b.s, ">no problems</text>"));
	pm_buf_free(&b);
}

static void
test_fishbone_svg(void **state)
{
	struct pm_survey_detail man[2] = {
		{(char *)"维修工上门不准时而且总是不打招呼就来了还把地板弄脏了又不收拾", 3},
		{(char *)"态度差", 1},
	};
	struct pm_survey_effect e;
	struct pm_buf b = PM_BUF_INIT;

	(void)state;
	memset(&e, 0, sizeof e);
	e.key = (char *)"repairs";
	e.label = (char *)"维修";
	e.count = 4;
	e.causes[0].count = 4;
	e.causes[0].details = man;
	e.causes[0].n = 2;
	assert_int_equal(pm_survey_fishbone_svg(&e, "fishbone", &b), 0);
	assert_non_null(strstr(b.s, ">人 man (4)</text>"));
	assert_non_null(strstr(b.s, ">环 environment (0)</text>"));
	assert_non_null(strstr(b.s, ">态度差 (1)</text>"));
	/* a long cause is cut to fit between the bones, with an ellipsis */
	assert_non_null(strstr(b.s, "\xE2\x80\xA6 (3)</text>"));
	assert_null(strstr(b.s, "又不收拾"));
	assert_non_null(strstr(b.s, ">维修</text>"));
	pm_buf_free(&b);
}

/* The archive section, on a real database. */
static void
test_archive(void **state)
{
	char path[] = "/tmp/test_survey.XXXXXX", *db_path = NULL, *text = NULL;
	struct pm_outopts o = {.format = PM_FMT_CSV};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	size_t len = 0;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(path));
	assert_true(asprintf(&db_path, "%s/pm.db", path) > 0);
	setenv("PM_NOW", "2026-12-20", 1);
	assert_int_equal(pm_db_open(db_path, 0, &db, &err), 0);
	assert_int_equal(pm_db_exec(db,
	    "INSERT INTO unit (id, code, building, room) VALUES (1, '1-1-101', '1', '101');"
	    "INSERT INTO staff (id, name, dept, role, joined) VALUES (1, '王芳', 'service', 'butler', '2020-01-01');"
	    "INSERT INTO survey_round (id, quarter, year, template_id, issue_on, due_on, ratio, created)"
	    " VALUES (1, '2026Q4', 2026, 1, '2026-12-15', '2026-12-30', 20, '2026-11-30T09:00:00');"
	    "INSERT INTO survey_form (id, round_id, no, unit_id, year, how, issued_on, issued_by,"
	    " collector, collected_on, answered_on, suggestion) VALUES (1, 1, 7, 1, 2026, 'random',"
	    " '2026-12-15', 1, 1, '2026-12-18', '2026-12-19', '多组织活动');"
	    "INSERT INTO survey_answer (form_id, item_id, score) VALUES (1, 1, 3), (1, 5, 1), (1, 2, 2);"
	    "INSERT INTO survey_problem (form_id, item_id, cause, detail) VALUES (1, 5, 'man', '不准时'),"
	    " (1, 5, 'material', '缺备件');", &err), 0);
	fp = open_memstream(&text, &len);
	assert_non_null(fp);
	out = pm_out_new(fp, &o, &err);
	assert_non_null(out);
	assert_int_equal(pm_survey_archive(db, 1, out, &err), 0);
	assert_int_equal(pm_out_finish(out, &err), 0);
	fclose(fp);
	assert_string_equal(text,
	    "[surveys]\n"
	    "form,issued_on,collected_on,answered_on,scores,problems,suggestion\n"
	    "2026Q4-007,2026-12-15,2026-12-18,2026-12-19,\"客服 满意, 安保 基本满意, 维修 不满意\","
	    "维修/人: 不准时; 维修/料: 缺备件,多组织活动\n");
	free(text);
	pm_db_close(db);
	unlink(db_path);
	{
		char *wal = NULL, *shm = NULL;

		assert_true(asprintf(&wal, "%s-wal", db_path) > 0);
		assert_true(asprintf(&shm, "%s-shm", db_path) > 0);
		unlink(wal);
		unlink(shm);
		free(wal);
		free(shm);
	}
	rmdir(path);
	free(db_path);
}

/* A round named by its key: a quarter (either spelling) is the quarterly
 * round, a name a butler's round; no key is the latest quarterly round
 * although a butler's round's name sorts after every quarter. */
static void
test_scope_round(void **state)
{
	static const struct {
		const char *key;
		int rc;
		const char *name;
		int year, quarter, butler;
	} t[] = {
		{"2026Q4", 0, "2026Q4", 2026, 4, 0},
		{"2026-Q3", 0, "2026Q3", 2026, 3, 0},
		{"李强-2026-11", 0, "李强-2026-11", 2026, 0, 1},
		{"李强-2026", -1, NULL, 0, 0, 0},
		{"2025Q4", -1, NULL, 0, 0, 0},
	};
	char path[] = "/tmp/test_survey.XXXXXX", *db_path = NULL, *wal = NULL, *shm = NULL;
	struct pm_survey_scope sc;
	struct pm_survey_score s;
	struct pm_err err = {0};
	struct pm_db *db;
	size_t i;

	(void)state;
	assert_non_null(mkdtemp(path));
	assert_true(asprintf(&db_path, "%s/pm.db", path) > 0);
	assert_int_equal(pm_db_open(db_path, 0, &db, &err), 0);
	assert_int_equal(pm_db_exec(db,
	    "INSERT INTO staff (id, name, dept, role, joined) VALUES (1, '李强', 'service', 'butler', '2020-01-01');"
	    "INSERT INTO survey_round (quarter, year, template_id, issue_on, due_on, ratio, created)"
	    " VALUES ('2026Q3', 2026, 1, '2026-09-15', '2026-09-30', 20, '2026-09-01T09:00:00'),"
	    " ('2026Q4', 2026, 1, '2026-12-15', '2026-12-30', 20, '2026-11-30T09:00:00');"
	    "INSERT INTO survey_round (quarter, year, template_id, issue_on, due_on, ratio, created,"
	    " kind, butler_id) VALUES ('李强-2026-11', 2026, 1, '2026-11-30', '2026-12-15', 100,"
	    " '2026-11-30T09:00:00', 'butler', 1);", &err), 0);
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		pm_err_clear(&err);
		assert_int_equal(pm_survey_scope_round(db, t[i].key, &sc, &err), t[i].rc);
		if (t[i].rc < 0) {
			assert_int_equal(err.code, PM_EXIT_DATA);
			continue;
		}
		assert_string_equal(sc.name, t[i].name);
		assert_int_equal(sc.year, t[i].year);
		assert_int_equal(sc.quarter, t[i].quarter);
		assert_int_equal(sc.butler, t[i].butler);
	}
	/* no key: the latest quarterly round */
	assert_int_equal(pm_survey_score_get(db, NULL, &s, &err), 0);
	assert_string_equal(s.quarter, "2026Q4");
	assert_int_equal(s.butler, 0);
	assert_int_equal(s.have_prev, 1);
	pm_survey_score_free(&s);
	/* a butler's round: no previous quarter */
	assert_int_equal(pm_survey_score_get(db, "李强-2026-11", &s, &err), 0);
	assert_int_equal(s.butler, 1);
	assert_int_equal(s.have_prev, 0);
	assert_int_equal(s.movedin, -1);
	pm_survey_score_free(&s);
	/* the database refuses a butler's round without its butler */
	assert_int_equal(pm_db_exec(db,
	    "INSERT INTO survey_round (quarter, year, template_id, issue_on, due_on, ratio, created,"
	    " kind) VALUES ('x', 2026, 1, '2026-11-30', '2026-12-15', 100, '2026-11-30', 'butler')",
	    &err), -1);
	pm_err_clear(&err);
	pm_db_close(db);
	assert_true(asprintf(&wal, "%s-wal", db_path) > 0);
	assert_true(asprintf(&shm, "%s-shm", db_path) > 0);
	unlink(db_path);
	unlink(wal);
	unlink(shm);
	rmdir(path);
	free(wal);
	free(shm);
	free(db_path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pct10),
		cmocka_unit_test(test_quota),
		cmocka_unit_test(test_rand),
		cmocka_unit_test(test_level),
		cmocka_unit_test(test_score_parse),
		cmocka_unit_test(test_score_name),
		cmocka_unit_test(test_pareto_rank),
		cmocka_unit_test(test_scope),
		cmocka_unit_test(test_pareto_svg),
		cmocka_unit_test(test_fishbone_svg),
		cmocka_unit_test(test_archive),
		cmocka_unit_test(test_scope_round),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
