/* test_out.c - the csv, tsv, table and json writers, byte for byte */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/db.h"
#include "core/out.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

static const struct pm_col cols[] = {
	{"unit", "Unit", PM_COL_CODE, 0},
	{"name", "Name", PM_COL_TEXT, 0},
	{"phone", "Phone", PM_COL_PHONE, 0},
	{"id_no", "ID", PM_COL_IDNO, 0},
	{"area", "Area", PM_COL_DEC, 2},
	{"owed", "Owed", PM_COL_MONEY, 0},
	{"n", "N", PM_COL_INT, 0},
};

static const char *const rows[][7] = {
	{"3-2-1501", "张三", "13812345678", "11010519491231002X", "8937", "-12345", "3"},
	{"B2-138", "=HYPERLINK(\"http://x\",\"a,b\")", "0571-88886666", NULL, "10000", "0", "-1"},
	{"1-1-101", "line1\nline2\ttab\\", "", "", NULL, "500", "10"},
	{"-1-2", "+1", NULL, NULL, "-150", "-5", "0"},
	{"9-9-909", "@SUM(A1)", NULL, NULL, NULL, NULL, NULL},
	{"9-9-910", "-x", NULL, NULL, NULL, NULL, NULL},
	{"9-9-911", "\tx", NULL, NULL, NULL, NULL, NULL},
	{"9-9-912", "a=b", NULL, NULL, NULL, NULL, NULL},
};

/* Render every row of the table above with options o; the bytes are
 * malloc'ed, *len their count, *rc pm_out_finish's result. */
static char *
render(const struct pm_outopts *o, size_t nrows, size_t *len, int *rc)
{
	struct pm_err err = {0, NULL};
	struct pm_out *out;
	char *buf = NULL;
	size_t i;
	FILE *fp = open_memstream(&buf, len);

	assert_non_null(fp);
	out = pm_out_new(fp, o, &err);
	assert_non_null(out);
	assert_int_equal(pm_out_begin(out, NULL, cols, N(cols), 0), 0);
	for (i = 0; i < nrows; i++)
		assert_int_equal(pm_out_row(out, rows[i]), 0);
	assert_int_equal(pm_out_end(out), 0);
	*rc = pm_out_finish(out, &err);
	assert_int_equal(err.code, 0);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

static void
expect(const struct pm_outopts *o, size_t nrows, const char *want, size_t wantlen)
{
	size_t len;
	int rc;
	char *got = render(o, nrows, &len, &rc);

	assert_int_equal(rc, 0);
	if (len != wantlen || memcmp(got, want, len)) {
		print_error("got %zu bytes:\n%.*s\nwant %zu bytes:\n%s\n", len, (int)len, got,
		    wantlen, want);
		free(got);
		fail();
	}
	free(got);
}
#define EXPECT(o, n, lit) expect(o, n, lit, sizeof lit - 1)

static void
test_csv(void **state)
{
	struct pm_outopts o = {.format = PM_FMT_CSV, .no_header = 0, .excel = 0, .reveal = 0};

	(void)state;
	EXPECT(&o, 4,
	    "unit,name,phone,id_no,area,owed,n\n"
	    "3-2-1501,张三,138****5678,110105********002X,89.37,-123.45,3\n"
	    "B2-138,\"=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\",0571-****6666,,100.00,0.00,-1\n"
	    "1-1-101,\"line1\nline2\ttab\\\",,,,5.00,10\n"
	    "-1-2,+1,,,-1.50,-0.05,0\n");
	o.no_header = 1;
	EXPECT(&o, 1, "3-2-1501,张三,138****5678,110105********002X,89.37,-123.45,3\n");
	/* no rows: the header alone, or nothing */
	EXPECT(&o, 0, "");
	o.no_header = 0;
	EXPECT(&o, 0, "unit,name,phone,id_no,area,owed,n\n");
	/* the default on anything but a terminal is csv */
	o.format = PM_FMT_DEFAULT;
	EXPECT(&o, 1,
	    "unit,name,phone,id_no,area,owed,n\n"
	    "3-2-1501,张三,138****5678,110105********002X,89.37,-123.45,3\n");
}

static void
test_reveal(void **state)
{
	struct pm_outopts o = {.format = PM_FMT_CSV, .no_header = 1, .excel = 0, .reveal = 1};

	(void)state;
	EXPECT(&o, 2,
	    "3-2-1501,张三,13812345678,11010519491231002X,89.37,-123.45,3\n"
	    "B2-138,\"=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\",0571-88886666,,100.00,0.00,-1\n");
}

/* --excel: BOM, CRLF, text cells starting = + - @ tab CR guarded with ',
 * numbers and codes left alone */
static void
test_excel_csv(void **state)
{
	struct pm_outopts o = {.format = PM_FMT_CSV, .no_header = 0, .excel = 1, .reveal = 0};

	(void)state;
	EXPECT(&o, N(rows),
	    "\xEF\xBB\xBF"
	    "unit,name,phone,id_no,area,owed,n\r\n"
	    "3-2-1501,张三,138****5678,110105********002X,89.37,-123.45,3\r\n"
	    "B2-138,\"'=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\",0571-****6666,,100.00,0.00,-1\r\n"
	    "1-1-101,\"line1\nline2\ttab\\\",,,,5.00,10\r\n"
	    "-1-2,\"'+1\",,,-1.50,-0.05,0\r\n"
	    "9-9-909,\"'@SUM(A1)\",,,,,\r\n"
	    "9-9-910,\"'-x\",,,,,\r\n"
	    "9-9-911,\"'\tx\",,,,,\r\n"
	    "9-9-912,a=b,,,,,\r\n");
	/* --excel on anything but a terminal: csv even when not asked */
	o.format = PM_FMT_DEFAULT;
	o.no_header = 1;
	EXPECT(&o, 1,
	    "\xEF\xBB\xBF"
	    "3-2-1501,张三,138****5678,110105********002X,89.37,-123.45,3\r\n");
}

static void
test_tsv(void **state)
{
	struct pm_outopts o = {.format = PM_FMT_TSV, .no_header = 0, .excel = 0, .reveal = 0};

	(void)state;
	EXPECT(&o, 4,
	    "unit\tname\tphone\tid_no\tarea\towed\tn\n"
	    "3-2-1501\t张三\t138****5678\t110105********002X\t89.37\t-123.45\t3\n"
	    "B2-138\t\"=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\"\t0571-****6666\t\t100.00\t0.00\t-1\n"
	    "1-1-101\t\"line1\nline2\ttab\\\"\t\t\t\t5.00\t10\n"
	    "-1-2\t+1\t\t\t-1.50\t-0.05\t0\n");
	o.excel = 1;
	o.no_header = 1;
	EXPECT(&o, N(rows),
	    "\xEF\xBB\xBF"
	    "3-2-1501\t张三\t138****5678\t110105********002X\t89.37\t-123.45\t3\r\n"
	    "B2-138\t\"'=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\"\t0571-****6666\t\t100.00\t0.00\t-1\r\n"
	    "1-1-101\t\"line1\nline2\ttab\\\"\t\t\t\t5.00\t10\r\n"
	    "-1-2\t\"'+1\"\t\t\t-1.50\t-0.05\t0\r\n"
	    "9-9-909\t\"'@SUM(A1)\"\t\t\t\t\t\r\n"
	    "9-9-910\t\"'-x\"\t\t\t\t\t\r\n"
	    "9-9-911\t\"'\tx\"\t\t\t\t\t\r\n"
	    "9-9-912\ta=b\t\t\t\t\t\r\n");
}

static void
test_json(void **state)
{
	struct pm_outopts o = {.format = PM_FMT_JSON, .no_header = 0, .excel = 0, .reveal = 0};

	(void)state;
	EXPECT(&o, 3,
	    "[\n"
	    "  {\"unit\": \"3-2-1501\", \"name\": \"张三\", \"phone\": \"138****5678\", "
	    "\"id_no\": \"110105********002X\", \"area\": 89.37, \"owed\": -123.45, \"n\": 3},\n"
	    "  {\"unit\": \"B2-138\", \"name\": \"=HYPERLINK(\\\"http://x\\\",\\\"a,b\\\")\", "
	    "\"phone\": \"0571-****6666\", \"id_no\": null, \"area\": 100.00, \"owed\": 0.00, \"n\": -1},\n"
	    "  {\"unit\": \"1-1-101\", \"name\": \"line1\\nline2\\ttab\\\\\", \"phone\": \"\", "
	    "\"id_no\": \"\", \"area\": null, \"owed\": 5.00, \"n\": 10}\n"
	    "]\n");
	/* --excel and --no-header change nothing in json */
	o.excel = 1;
	o.no_header = 1;
	EXPECT(&o, 0, "[]\n");
}

static void
test_json_escapes_and_single(void **state)
{
	static const struct pm_col c[] = {{"k", "K", PM_COL_TEXT, 0}, {"v", "V", PM_COL_INT, 0}};
	const char *r1[] = {"a\x01" "b\x1f\r\"\\/中", "7"};
	const char *r2[] = {"x", ""};
	struct pm_outopts o = {.format = PM_FMT_JSON, .no_header = 0, .excel = 0, .reveal = 0};
	struct pm_err err = {0, NULL};
	struct pm_out *out;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	(void)state;
	fp = open_memstream(&buf, &len);
	out = pm_out_new(fp, &o, &err);
	pm_out_begin(out, NULL, c, 2, 1);
	pm_out_row(out, r1);
	pm_out_end(out);
	pm_out_begin(out, NULL, c, 2, 1);
	pm_out_end(out);
	pm_out_begin(out, NULL, c, 2, 0);
	pm_out_row(out, r2);
	pm_out_end(out);
	assert_int_equal(pm_out_finish(out, &err), 0);
	fclose(fp);
	assert_string_equal(buf,
	    "{\"k\": \"a\\u0001b\\u001f\\r\\\"\\\\/中\", \"v\": 7}\n"
	    "null\n"
	    "[\n  {\"k\": \"x\", \"v\": \"\"}\n]\n");
	free(buf);
}

static void
test_sections(void **state)
{
	static const struct pm_col a[] = {{"unit", "Unit", PM_COL_CODE, 0}, {"name", "Name", PM_COL_TEXT, 0}};
	static const struct pm_col b[] = {{"plate", "Plate", PM_COL_CODE, 0}};
	const char *ra[] = {"3-2-1501", "张三"};
	const char *rb1[] = {"沪A12345"};
	const char *rb2[] = {"京B67890"};
	static const struct {
		enum pm_format f;
		int excel;
		const char *want;
	} t[] = {
		{PM_FMT_JSON, 0,
		 "{\n"
		 "\"owner\": {\"unit\": \"3-2-1501\", \"name\": \"张三\"},\n"
		 "\"vehicles\": [\n  {\"plate\": \"沪A12345\"},\n  {\"plate\": \"京B67890\"}\n],\n"
		 "\"pets\": []\n"
		 "}\n"},
		{PM_FMT_CSV, 0,
		 "[owner]\nunit,name\n3-2-1501,张三\n"
		 "\n[vehicles]\nplate\n沪A12345\n京B67890\n"
		 "\n[pets]\nplate\n"},
		{PM_FMT_CSV, 1,
		 "\xEF\xBB\xBF[owner]\r\nunit,name\r\n3-2-1501,张三\r\n"
		 "\r\n[vehicles]\r\nplate\r\n沪A12345\r\n京B67890\r\n"
		 "\r\n[pets]\r\nplate\r\n"},
		/* a table reads a record down the page, and names the
		 * sections with nothing in them on one line at the end */
		{PM_FMT_TABLE, 0,
		 "[owner]\nUnit: 3-2-1501\nName: 张三\n"
		 "\n[vehicles]\nPlate\n--------\n沪A12345\n京B67890\n"
		 "\nEmpty: pets\n"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(t); i++) {
		struct pm_outopts o = {.format = t[i].f, .excel = t[i].excel};
		struct pm_err err = {0, NULL};
		struct pm_out *out;
		char *buf = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&buf, &len);

		out = pm_out_new(fp, &o, &err);
		pm_out_begin(out, "owner", a, 2, 1);
		pm_out_row(out, ra);
		pm_out_end(out);
		pm_out_begin(out, "vehicles", b, 1, 0);
		pm_out_row(out, rb1);
		pm_out_row(out, rb2);
		pm_out_end(out);
		pm_out_begin(out, "pets", b, 1, 0);
		/* no pm_out_end: pm_out_finish closes the last table */
		assert_int_equal(pm_out_finish(out, &err), 0);
		fclose(fp);
		if (strcmp(buf, t[i].want))
			fail_msg("format %d excel %d:\n%s", (int)t[i].f, t[i].excel, buf);
		free(buf);
	}
}

/* Table columns line up by display width: a Chinese character is two
 * columns, numbers are right-aligned, no trailing blanks. */
static void
test_table(void **state)
{
	static const struct pm_col c[] = {
		{"unit", "Unit", PM_COL_CODE, 0},
		{"name", "Name", PM_COL_TEXT, 0},
		{"owed", "Owed", PM_COL_MONEY, 0},
		{"note", "Note", PM_COL_TEXT, 0},
	};
	const char *r[][4] = {
		{"3-2-1501", "张三", "-12345", "漏水\n已修"},
		{"B2-138", "Ann Lee", "500", NULL},
		{"1-1-101", "欧阳娜娜", "100000", "x"},
	};
	static const char want[] =
	    "Unit      Name      Owed     Note\n"
	    "--------  --------  -------  ---------\n"
	    "3-2-1501  张三      -123.45  漏水 已修\n"
	    "B2-138    Ann Lee      5.00\n"
	    "1-1-101   欧阳娜娜  1000.00  x\n";
	static const char want_nohdr[] =
	    "3-2-1501  张三      -123.45  漏水 已修\n"
	    "B2-138    Ann Lee      5.00\n"
	    "1-1-101   欧阳娜娜  1000.00  x\n";
	int pass;

	(void)state;
	for (pass = 0; pass < 2; pass++) {
		struct pm_outopts o = {.format = PM_FMT_TABLE, .no_header = pass, .excel = pass};
		struct pm_err err = {0, NULL};
		struct pm_out *out;
		char *buf = NULL;
		size_t len = 0, i;
		FILE *fp = open_memstream(&buf, &len);

		out = pm_out_new(fp, &o, &err);
		pm_out_begin(out, NULL, c, 4, 0);
		for (i = 0; i < N(r); i++)
			pm_out_row(out, r[i]);
		pm_out_end(out);
		assert_int_equal(pm_out_finish(out, &err), 0);
		fclose(fp);
		/* --excel changes nothing in a table; --no-header drops the
		 * header and its rule */
		if (strcmp(buf, pass ? want_nohdr : want))
			fail_msg("%s:\n%s", pass ? "--no-header" : "table", buf);
		free(buf);
	}
}

/* Render rows r (nrows of 4) of c in a table, COLUMNS set to columns
 * (NULL: unset), single as pm_out_begin takes it. */
static char *
render_table(const struct pm_col *c, const char *const (*r)[4], size_t nrows,
	     const char *columns, int single)
{
	struct pm_outopts o = {.format = PM_FMT_TABLE};
	struct pm_err err = {0, NULL};
	struct pm_out *out;
	char *buf = NULL;
	size_t len = 0, i;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	if (columns)
		assert_int_equal(setenv("COLUMNS", columns, 1), 0);
	else
		assert_int_equal(unsetenv("COLUMNS"), 0);
	out = pm_out_new(fp, &o, &err);
	assert_non_null(out);
	assert_int_equal(pm_out_begin(out, NULL, c, 4, single), 0);
	for (i = 0; i < nrows; i++)
		assert_int_equal(pm_out_row(out, r[i]), 0);
	assert_int_equal(pm_out_end(out), 0);
	assert_int_equal(pm_out_finish(out, &err), 0);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(unsetenv("COLUMNS"), 0);
	return buf;
}

static const struct pm_col fit_cols[] = {
	{"unit", "Unit", PM_COL_CODE, 0},
	{"name", "Name", PM_COL_TEXT, 0},
	{"note", "Note", PM_COL_TEXT, 0},
	{"owed", "Owed", PM_COL_MONEY, 0},
};

static const char *const fit_rows[][4] = {
	{"BLDG-A-1501", "欧阳娜娜", "卫生间渗水，楼下天花板有水印", "-12345"},
	{"B2-138", "Ann Lee", "call after 6pm please, the door code is 1234", "500"},
	/* é as e and a combining acute: thirteen columns */
	{"1-1-101", "Zoë", "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81"
	 "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81"
	 "e\xCC\x81" "e\xCC\x81", "0"},
};

/* With COLUMNS set a table fits it: the widest text column gives way,
 * cut by display width with "…", never inside a character and keeping
 * a combining mark with its letter; codes, names narrower than eight
 * and money stay whole.  Unset, or not a positive number: whole rows. */
static void
test_table_fit(void **state)
{
	static const char want44[] =
	    "Unit         Name      Note          Owed\n"
	    "-----------  --------  ------------  -------\n"
	    "BLDG-A-1501  欧阳娜娜  卫生间渗水…   -123.45\n"
	    "B2-138       Ann Lee   call after …     5.00\n"
	    "1-1-101      Zoë       "
	    "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81"
	    "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "…     0.00\n";
	static const char want_full[] =
	    "Unit         Name      Note                                          Owed\n"
	    "-----------  --------  --------------------------------------------  -------\n"
	    "BLDG-A-1501  欧阳娜娜  卫生间渗水，楼下天花板有水印                  -123.45\n"
	    "B2-138       Ann Lee   call after 6pm please, the door code is 1234     5.00\n"
	    "1-1-101      Zoë       "
	    "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81"
	    "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81"
	    "e\xCC\x81" "                                    0.00\n";
	/* too narrow even with the note at eight: one blank between */
	static const char want20[] =
	    "Unit        Name     Note     Owed\n"
	    "----------- -------- -------- -------\n"
	    "BLDG-A-1501 欧阳娜娜 卫生间…  -123.45\n"
	    "B2-138      Ann Lee  call af…    5.00\n"
	    "1-1-101     Zoë      "
	    "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81"
	    "e\xCC\x81" "…    0.00\n";
	static const char *const ignored[] = {NULL, "", "0", "-5", "80x", "wide"};
	char *buf;
	size_t i;

	(void)state;
	buf = render_table(fit_cols, fit_rows, N(fit_rows), "44", 0);
	if (strcmp(buf, want44))
		fail_msg("COLUMNS=44:\n%s", buf);
	free(buf);
	buf = render_table(fit_cols, fit_rows, N(fit_rows), "20", 0);
	if (strcmp(buf, want20))
		fail_msg("COLUMNS=20:\n%s", buf);
	free(buf);
	for (i = 0; i < N(ignored); i++) {
		buf = render_table(fit_cols, fit_rows, N(fit_rows), ignored[i], 0);
		if (strcmp(buf, want_full))
			fail_msg("COLUMNS=%s:\n%s", ignored[i] ? ignored[i] : "(unset)", buf);
		free(buf);
	}
}

/* A single record is "Label: value" lines, the values lined up; with a
 * width a long value goes on under itself, broken at a blank. */
static void
test_table_record(void **state)
{
	static const char want[] =
	    "Unit: B2-138\n"
	    "Name: Ann Lee\n"
	    "Note: call after 6pm please, the door code is 1234\n"
	    "Owed: 5.00\n";
	static const char want30[] =
	    "Unit: B2-138\n"
	    "Name: Ann Lee\n"
	    "Note: call after 6pm please,\n"
	    "      the door code is 1234\n"
	    "Owed: 5.00\n";
	static const char want_zh[] =
	    "Unit: BLDG-A-1501\n"
	    "Name: 欧阳娜娜\n"
	    "Note: 卫生间渗水，楼下天\n"
	    "      花板有水印\n"
	    "Owed: -123.45\n";
	char *buf;

	(void)state;
	buf = render_table(fit_cols, fit_rows + 1, 1, NULL, 1);
	if (strcmp(buf, want))
		fail_msg("record:\n%s", buf);
	free(buf);
	buf = render_table(fit_cols, fit_rows + 1, 1, "30", 1);
	if (strcmp(buf, want30))
		fail_msg("record at 30:\n%s", buf);
	free(buf);
	buf = render_table(fit_cols, fit_rows, 1, "25", 1);
	if (strcmp(buf, want_zh))
		fail_msg("record at 25:\n%s", buf);
	free(buf);
	/* single, but two rows: a table after all */
	buf = render_table(fit_cols, fit_rows, 2, NULL, 1);
	if (strncmp(buf, "Unit         Name", 17))
		fail_msg("two rows:\n%s", buf);
	free(buf);
}

static void
test_stmt(void **state)
{
	static const struct pm_col c[] = {
		{"unit", "Unit", PM_COL_CODE, 0},
		{"owed", "Owed", PM_COL_MONEY, 0},
		{"rate", "Rate", PM_COL_DEC, 4},
		{"phone", "Phone", PM_COL_PHONE, 0},
	};
	struct pm_outopts o = {.format = PM_FMT_CSV, .no_header = 0, .excel = 0, .reveal = 0};
	struct pm_err err = {0, NULL};
	struct pm_out *out;
	struct pm_db *db;
	struct pm_stmt *st;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	(void)state;
	assert_int_equal(pm_db_open(":memory:", 0, &db, &err), 0);
	assert_int_equal(pm_db_prepare(db,
	    "SELECT '3-2-1501', 123450, 23500, '13812345678'"
	    " UNION ALL SELECT 'B2-138', -5, NULL, NULL"
	    " UNION ALL SELECT 'x', 0, 1, ''", &st, &err), 0);
	fp = open_memstream(&buf, &len);
	out = pm_out_new(fp, &o, &err);
	pm_out_begin(out, NULL, c, 4, 0);
	assert_int_equal(pm_out_stmt_all(out, st, &err), 0);
	pm_out_end(out);
	assert_int_equal(pm_out_finish(out, &err), 0);
	fclose(fp);
	assert_string_equal(buf,
	    "unit,owed,rate,phone\n"
	    "3-2-1501,1234.50,2.3500,138****5678\n"
	    "B2-138,-0.05,,\n"
	    "x,0.00,0.0001,\n");
	free(buf);
	pm_stmt_free(st);
	pm_db_close(db);
}

/* A write that fails is an error at the end, not a short file and 0 */
static void
test_full_disk(void **state)
{
	struct pm_outopts o = {.format = PM_FMT_CSV, .no_header = 0, .excel = 0, .reveal = 0};
	struct pm_err err = {0, NULL};
	struct pm_out *out;
	FILE *fp = fopen("/dev/full", "w");
	int i;

	(void)state;
	if (!fp)
		skip();
	out = pm_out_new(fp, &o, &err);
	pm_out_begin(out, NULL, cols, N(cols), 0);
	for (i = 0; i < 3; i++)
		pm_out_row(out, rows[0]);
	pm_out_end(out);
	assert_int_equal(pm_out_finish(out, &err), -1);
	assert_int_equal(err.code, PM_EXIT_IO);
	assert_string_equal(pm_err_msg(&err), "write error: No space left on device");
	pm_err_clear(&err);
	fclose(fp);

	/* unbuffered: the first write fails, and pm_out_failed says so */
	fp = fopen("/dev/full", "w");
	setvbuf(fp, NULL, _IONBF, 0);
	out = pm_out_new(fp, &o, &err);
	assert_int_equal(pm_out_begin(out, NULL, cols, N(cols), 0), -1);
	assert_true(pm_out_failed(out));
	assert_int_equal(pm_out_row(out, rows[0]), -1);
	assert_int_equal(pm_out_finish(out, &err), -1);
	assert_int_equal(err.code, PM_EXIT_IO);
	pm_err_clear(&err);
	fclose(fp);
}

static void
test_format_parse(void **state)
{
	enum pm_format f = PM_FMT_DEFAULT;

	(void)state;
	assert_int_equal(pm_format_parse("csv", &f), 0);
	assert_int_equal(f, PM_FMT_CSV);
	assert_int_equal(pm_format_parse("tsv", &f), 0);
	assert_int_equal(f, PM_FMT_TSV);
	assert_int_equal(pm_format_parse("json", &f), 0);
	assert_int_equal(f, PM_FMT_JSON);
	assert_int_equal(pm_format_parse("table", &f), 0);
	assert_int_equal(f, PM_FMT_TABLE);
	f = PM_FMT_DEFAULT;
	assert_int_equal(pm_format_parse("表格", &f), 0);
	assert_int_equal(f, PM_FMT_TABLE);
	f = PM_FMT_CSV;
	assert_int_equal(pm_format_parse("xml", &f), -1);
	assert_int_equal(pm_format_parse("", &f), -1);
	assert_int_equal(pm_format_parse("CSV ", &f), -1);
	assert_int_equal(f, PM_FMT_CSV);
}

int
main(void)
{
	/* a COLUMNS from the caller's shell would narrow every table */
	unsetenv("COLUMNS");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_reveal),
		cmocka_unit_test(test_excel_csv),
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_json_escapes_and_single),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_table_fit),
		cmocka_unit_test(test_table_record),
		cmocka_unit_test(test_stmt),
		cmocka_unit_test(test_full_disk),
		cmocka_unit_test(test_format_parse),
	};

	return cmocka_run_group_tests_name("out", tests, NULL, NULL);
}
