/* archive.c - pm-survey's section of the household archive: the unit's
 * evaluation forms and what they said */
#include "core/i18n.h"
#include "internal.h"

int
pm_survey_archive(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"form", N_("Form"), PM_COL_CODE, 0},
		{"issued_on", N_("Issued"), PM_COL_CODE, 0},
		{"collected_on", N_("Collected"), PM_COL_CODE, 0},
		{"answered_on", N_("Answered"), PM_COL_CODE, 0},
		{"scores", N_("Scores"), PM_COL_TEXT, 0},
		{"problems", N_("Problems"), PM_COL_TEXT, 0},
		{"suggestion", N_("Suggestion"), PM_COL_TEXT, 0},
	};
	/* scores as "客服 满意, 安保 3"; problems as "维修/人: 不准时" */
	static const char sql[] =
	    "SELECT printf('%s-%03d', r.quarter, f.no), f.issued_on, f.collected_on, f.answered_on,"
	    " (SELECT group_concat(label || ' ' || s, ', ') FROM"
	    "   (SELECT i.label, CASE WHEN t.scale = 'five' THEN CAST(a.score AS TEXT)"
	    "     ELSE CASE a.score WHEN 3 THEN '满意' WHEN 2 THEN '基本满意' ELSE '不满意' END END AS s"
	    "    FROM survey_answer a JOIN survey_item i ON i.id = a.item_id"
	    "    WHERE a.form_id = f.id ORDER BY i.pos)),"
	    " (SELECT group_concat(p, '; ') FROM"
	    "   (SELECT i.label || '/' || CASE p.cause WHEN 'man' THEN '人' WHEN 'machine' THEN '机'"
	    "     WHEN 'material' THEN '料' WHEN 'method' THEN '法' ELSE '环' END"
	    "     || ': ' || p.detail AS p"
	    "    FROM survey_problem p JOIN survey_item i ON i.id = p.item_id"
	    "    WHERE p.form_id = f.id ORDER BY p.id)),"
	    " f.suggestion"
	    " FROM survey_form f JOIN survey_round r ON r.id = f.round_id"
	    " JOIN survey_template t ON t.id = r.template_id"
	    " WHERE f.unit_id = ?1 ORDER BY r.issue_on DESC, r.quarter DESC";
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, unit_id);
	pm_out_begin(out, "surveys", cols, sizeof cols / sizeof cols[0], 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	pm_out_end(out);
	return rc;
}
