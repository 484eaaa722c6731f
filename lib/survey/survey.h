/*
 * survey.h - the quarterly owner evaluation (业主评议) and butlers' own
 * satisfaction surveys: forms, rounds, sampling, handing out and
 * collecting, answers, and their analysis
 *
 * The seeds' rule (意见征询): every quarter the evaluation form goes to at
 * least survey.ratio_percent (20%) of the moved-in units, nobody twice in
 * a year if it can be helped; it goes out in the middle of the quarter's
 * last month and comes back within survey.collect_days (half a month);
 * the summary goes to head office by the 5th of the next quarter.
 *
 * Butlers also run satisfaction surveys of their own (客服管家: 定期进行客户
 * 满意度调研; 走访客户 ... 做好意见调查): a butler's round, on the units the
 * butler lists, with no ratio; its forms do not count towards "nobody
 * twice in a year".  Everything else (handing out, collecting, answers,
 * score, Pareto, causes) works on either kind of round.
 *
 * A round is named by its key: a quarterly round by its quarter
 * ("2026Q4", also "2026-Q4"), a butler's round by the name it was given
 * ("李强-2026-11").  Functions taking a round key take either; NULL is the
 * latest quarterly round.  Every function that writes does so inside the
 * caller's transaction (pm_db_begin) and records itself in the audit
 * log; none prints.
 *
 * Percentages are computed from whole counts, once, in integers, and
 * kept in tenths of a percent: pct10(a, b) = floor((2000 a + b) / 2b),
 * i.e. 1000 a / b rounded half up (2 of 3 is 66.7, 1 of 8 is 12.5,
 * 1 of 6 is 16.7).  Nothing is ever computed from a rounded figure,
 * except a change between quarters, which is the difference of the two
 * figures as printed.
 */
#ifndef PM_SURVEY_H
#define PM_SURVEY_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/csvin.h"
#include "core/db.h"
#include "core/err.h"
#include "core/keys.h"
#include "core/keyword.h"
#include "core/out.h"

/* Cause classes of the cause-and-effect diagram, in the diagram's order:
 * man 人, machine 机, material 料, method 法, environment 环. */
extern const struct pm_keyword pm_survey_causes[];
/* Cause j as a reader sees it: "人" under Chinese messages, else
 * "人 man". */
#define PM_SURVEY_CAUSE_BUFSZ 48
const char *pm_survey_cause_name(int j, char buf[PM_SURVEY_CAUSE_BUFSZ]);
#define PM_SURVEY_NCAUSES 5

/* Kinds of round: quarterly 季度评议 (the evaluation), butler 管家调研 (a
 * butler's own survey). */
extern const struct pm_keyword pm_survey_kinds[];

/* Scales: three (满意 / 基本满意 / 不满意, stored 3 / 2 / 1) and five
 * (1 worst .. 5 best). */
extern const struct pm_keyword pm_survey_scales[];

/* The bytes of a round's key, with its NUL: a quarter, or a butler's
 * round's name of up to PM_NAME_MAX characters. */
#define PM_SURVEY_KEY_BUFSZ 208

/* 1000 a / b rounded half up (tenths of a percent); -1 when b is 0. */
int64_t pm_survey_pct10(int64_t a, int64_t b);

/*
 * Satisfaction.  Each answer to an item counts as satisfied, fair or
 * dissatisfied:
 *
 *   three-point scale   满意 satisfied, 基本满意 fair, 不满意 dissatisfied
 *   five-point scale    5 and 4 satisfied, 3 fair, 2 and 1 dissatisfied
 *
 * and satisfaction = (satisfied + fair) / answers, as pct10.  The overall
 * figure pools every item's answers (it is not a mean of the items'
 * percentages).  An item left blank is not an answer.
 */
enum pm_survey_level { PM_SURVEY_DISSATISFIED, PM_SURVEY_FAIR, PM_SURVEY_SATISFIED };
enum pm_survey_level pm_survey_level(int five, int score);

/* Read one score as typed: on the three-point scale 满意 / 基本满意 /
 * 不满意 (or satisfied / fair / dissatisfied), on the five-point scale 1
 * to 5 (full-width digits too, "4分" too).  NULL with *score set, or a
 * translated reason ("'6' is out of range (1 to 5)").  An empty cell is
 * not a score: the caller skips it. */
const char *pm_survey_score_parse(int five, const char *s, size_t n, int *score);

/* The name of a score: "满意" or "4". */
const char *pm_survey_score_name(int five, int score, char buf[4]);

/* ---- templates ---------------------------------------------------- */

struct pm_survey_itemdef {
	const char *key;    /* ascii letters, digits, '-' and '_' */
	const char *label;  /* what the form says: 客服 */
};

/* Add a version of template name (version 1 when new, else one more than
 * the latest) with scale ("three", "five" or 三级 / 五级; NULL: three) and
 * items, in order; with no items, those of the latest version (a new
 * scale for the same form).  *version gets its number.  65 for a bad
 * scale, a bad, empty or duplicate key or label. */
int pm_survey_template_add(struct pm_db *db, const char *name, const char *scale,
			   const struct pm_survey_itemdef *items, size_t nitems,
			   int *version, struct pm_err *err);

/* Every template version: name, version, scale, items, rounds using it. */
int pm_survey_template_list(struct pm_db *db, struct pm_out *out, struct pm_err *err);

/* The items of template spec ("default", "default:1"; the latest version
 * when none is given; NULL for "default"). */
int pm_survey_template_show(struct pm_db *db, const char *spec, struct pm_out *out,
			    struct pm_err *err);

/* ---- rounds -------------------------------------------------------- */

struct pm_survey_round_opts {
	const char *quarter;   /* a quarterly round: its quarter */
	const char *butler;    /* or a butler's round: the butler (staff) */
	const char *name;      /* its name; NULL: "BUTLER-YYYY-MM" of the issue date */
	const char *issue_on;  /* NULL: the 15th of the quarter's last month; a
				* butler's round: today */
	const char *due_on;    /* NULL: issue_on + survey.collect_days */
	const char *tmpl;      /* NULL: the latest version of "default" */
	int ratio;             /* 0: survey.ratio_percent (quarterly only) */
};

/* Create the round; its key (the quarter or the name) and the dates as
 * stored are written into key, issue_on and due_on.  65 when it exists,
 * the dates are bad or due is before issue; for a butler's round also
 * when the butler is not a current butler (pm_staff_require) or the
 * name is bad (pm_name_normalize) or reads as a period. */
int pm_survey_round_new(struct pm_db *db, const struct pm_survey_round_opts *o,
			char key[PM_SURVEY_KEY_BUFSZ], char issue_on[11], char due_on[11],
			struct pm_err *err);

/* Rounds of both kinds (of year, when not 0; of butler, when not NULL),
 * newest first by issue date, with their kind, butler and counts. */
int pm_survey_round_list(struct pm_db *db, int year, const char *butler, struct pm_out *out,
			 struct pm_err *err);

/* The forms of a round (round: its key, NULL: the latest quarterly
 * round): number, unit, building, who issued it when, who collects it,
 * when it came back. */
int pm_survey_round_show(struct pm_db *db, const char *round, struct pm_out *out,
			 struct pm_err *err);

/* Keys of rounds starting with prefix, newest first, for shell
 * completion of ROUND. */
int pm_survey_round_complete(struct pm_db *db, const char *prefix, struct pm_out *out,
			     struct pm_err *err);

/* ---- sampling ------------------------------------------------------ */

/* splitmix64: the sample's generator, the same on every machine. */
uint64_t pm_survey_rand(uint64_t *state);
/* A uniform number in [0, n) (n > 0), without modulo bias. */
uint64_t pm_survey_uniform(uint64_t *state, uint64_t n);
/* Units to sample out of n at ratio percent: ceil(n x ratio / 100). */
int64_t pm_survey_quota(int64_t n, int ratio);

struct pm_survey_sample {
	int64_t seed;      /* in: when have_seed; out: the seed used */
	int have_seed;
	int redo;          /* drop an unissued sample and draw again */
	/* out */
	int64_t movedin;   /* moved-in units */
	int64_t sampled;   /* forms made */
	int64_t repeats;   /* of them, units surveyed earlier in the year */
};

/*
 * Draw the round's random sample (a quarterly round's only: 65 for a
 * butler's round, whose units are listed): in every building (in the order of
 * their names), quota(moved-in units of the building, ratio) units, so
 * each building reaches the ratio and so does the whole estate.  A unit
 * is moved in when its status (unit.h) is occupied or rented, and it is
 * not a garage, parking space or storage room.  Units surveyed earlier
 * in the year are left out; when a building has too few others, the
 * shortfall is made up from those surveyed longest ago (s->repeats says
 * how many).  The generator is splitmix64 from the seed; units are drawn
 * from each building's list in code order by a partial Fisher-Yates
 * shuffle, so the same seed on the same records gives the same sample.
 * Forms are numbered in building and code order.  Writes the forms
 * through out.  65 when the round already has forms (unless redo, and
 * none is issued yet) or there is no moved-in unit.
 */
int pm_survey_sample_draw(struct pm_db *db, const char *round, struct pm_survey_sample *s,
			  struct pm_out *out, struct pm_err *err);

/* Add forms for the units listed (a sample chosen elsewhere, or the
 * units of a butler's round).  65 for an unknown unit, one listed twice
 * or already in the round, or, in a quarterly round, one surveyed in an
 * earlier quarterly round of the year unless allow_repeat.  Writes the
 * new forms through out (may be NULL). */
int pm_survey_sample_units(struct pm_db *db, const char *round, const struct pm_strv *units,
			   int allow_repeat, struct pm_out *out, int64_t *added,
			   struct pm_err *err);

/* ---- handing out and collecting ----------------------------------- */

struct pm_survey_hand {
	const char *round;      /* its key; NULL: the latest quarterly round */
	const char *by;         /* staff who hands out / collects (issue: NULL
				 * is the butler of a butler's round) */
	const char *collector;  /* issue: who is to collect (default: by) */
	const char *date;       /* NULL: today */
	int allow_repeat;       /* issue: a listed unit surveyed earlier this year */
};

/* Hand out forms: the units listed (units NULL or empty: every form of
 * the round not yet issued).  A listed unit without a form gets one
 * (pm_survey_sample_units' rules).  65 when a listed form was issued
 * already.  *count gets the number of forms issued. */
int pm_survey_issue(struct pm_db *db, const struct pm_survey_hand *h,
		    const struct pm_strv *units, int64_t *count, struct pm_err *err);

/* Record forms back.  by NULL: the collector named at issue.  65 for a
 * unit without a form in the round, a form not issued or collected
 * already, or a date before the issue. */
int pm_survey_collect(struct pm_db *db, const struct pm_survey_hand *h,
		      const struct pm_strv *units, int64_t *count, struct pm_err *err);

/* Forms not back by their due date (round NULL: every round of either
 * kind), and with all also those out but not yet due.  *late gets the
 * number overdue. */
int pm_survey_due(struct pm_db *db, const char *round, int all, struct pm_out *out,
		  int64_t *late, struct pm_err *err);

/* ---- answers ------------------------------------------------------- */

struct pm_survey_answer {
	const char *round;              /* NULL: the latest quarterly round */
	const char *unit;
	const struct pm_strv *scores;   /* "ITEM=SCORE": 客服=满意, repairs=4 */
	const struct pm_strv *problems; /* "ITEM:CAUSE:DETAIL[:WORDS]" */
	const char *suggestion;
	const char *date;               /* NULL: today */
	int replace;                    /* enter a form again */
};

/* Enter one form's answers.  The form must have been issued; if it has
 * not been recorded as collected, it is, on the answer's date, by its
 * collector.  65 for an unknown item, a score out of range, an item
 * given twice, a bad problem, or a form answered already (unless
 * replace). */
int pm_survey_answer(struct pm_db *db, const struct pm_survey_answer *a, struct pm_err *err);

struct pm_survey_import {
	const char *round;          /* NULL: the latest quarterly round */
	const char *path;           /* "-" for stdin */
	struct pm_csvin_opts csv;
	int replace;
	/* each refused row, as "FILE:LINE: column: reason"; the import goes
	 * on to report them all and then fails (65), nothing written */
	void (*report)(void *ctx, const char *message);
	void *ctx;
	/* out */
	int64_t forms, problems, refused;
	struct pm_strv ignored;     /* header names not understood */
};

/*
 * Import answers typed up in Excel.  One row per form: the unit (房号),
 * a column per item (its key, its label on the form, or a common name:
 * 客服服务, 秩序维护, 环境卫生 ...), and optionally the problem raised:
 * category (问题类别), cause (原因类别: 人 机 料 法 环), detail (具体原因),
 * the owner's words (问题描述), a suggestion (建议) and the date (日期).
 * A further row for the same unit with every score blank adds another
 * problem to that form; with a score it is a duplicate.  Errors are
 * "FILE:LINE: column: reason", 65, and nothing is written.
 */
int pm_survey_import_file(struct pm_db *db, struct pm_survey_import *im, struct pm_err *err);
void pm_survey_import_free(struct pm_survey_import *im);

/* ---- analysis ------------------------------------------------------ */

/* The rounds analysed: one quarter, every quarterly round of a year, or
 * one butler's round. */
struct pm_survey_scope {
	char name[PM_SURVEY_KEY_BUFSZ];   /* "2026Q4", "2026" or "李强-2026-11" */
	int year;
	int quarter;     /* 1..4, or 0 for the whole year or a butler's round */
	int butler;      /* the butler's round called name */
};

/* Parse "2026Q4" / "2026-Q4" or "2026". */
int pm_survey_scope_parse(const char *s, struct pm_survey_scope *sc, struct pm_err *err);

/* The scope of one round named by its key (--round): the quarter of a
 * quarterly round, else the butler's round.  65 when there is none. */
int pm_survey_scope_round(struct pm_db *db, const char *key, struct pm_survey_scope *sc,
			  struct pm_err *err);

struct pm_survey_count {
	int64_t answers, satisfied, fair, dissatisfied;
};

struct pm_survey_itemscore {
	char *key, *label;
	struct pm_survey_count c;
	int64_t pct10;        /* -1: no answers */
	int64_t prev10;       /* the previous quarter's, -1: none */
};

struct pm_survey_bldscore {
	char *building;
	int64_t forms, issued, collected;
	struct pm_survey_count c;
};

struct pm_survey_score {
	char quarter[PM_SURVEY_KEY_BUFSZ];  /* the round's key */
	char prev_quarter[16];
	int butler;                 /* a butler's round: no previous quarter */
	int have_prev;              /* a previous round exists */
	int64_t movedin;            /* -1: not sampled at random */
	int64_t forms, issued, collected, answered, problems;
	struct pm_survey_itemscore *items;  /* in form order; last is overall */
	size_t nitems;
	struct pm_survey_bldscore *blds;
	size_t nblds;
};

/* The figures of one round (its key; NULL: the latest quarterly round),
 * against the previous quarter for a quarterly round.  Free with
 * pm_survey_score_free. */
int pm_survey_score_get(struct pm_db *db, const char *round, struct pm_survey_score *s,
			struct pm_err *err);
void pm_survey_score_free(struct pm_survey_score *s);

/* Write them: sections "response", "items" and "buildings".  The first
 * column of "response" is "quarter", or "round" for a butler's round. */
int pm_survey_score_write(const struct pm_survey_score *s, struct pm_out *out);

struct pm_survey_pareto_row {
	char *key, *label;
	int pos;           /* position on the form: the tie-break */
	int64_t count;
	int64_t share10, cum10;
	int vital;
};

struct pm_survey_pareto {
	struct pm_survey_scope scope;
	int64_t total;
	struct pm_survey_pareto_row *rows;
	size_t n;
};

/*
 * Rank rows (count and pos set): by count, most first; equal counts in
 * form order (pos).  Share and cumulative share are pct10 of the counts.
 * The vital few: the shortest run from the top whose count reaches 80%
 * of the total (cumulative count x 100 >= total x 80, exactly), and
 * every category with the same count as the last of them: a tie at the
 * line is never broken by form order.
 */
void pm_survey_pareto_rank(struct pm_survey_pareto *p);

/* Problems of the scope by category (only categories with problems). */
int pm_survey_pareto_get(struct pm_db *db, const struct pm_survey_scope *sc,
			 struct pm_survey_pareto *p, struct pm_err *err);
void pm_survey_pareto_free(struct pm_survey_pareto *p);

/* rank, item, label, count, share, cumulative, vital; in the table
 * format a bar column too. */
int pm_survey_pareto_write(const struct pm_survey_pareto *p, struct pm_out *out);

/* The Pareto chart as an SVG document: bars, the cumulative line against
 * a right-hand percentage axis, the 80% line, the vital few coloured. */
int pm_survey_pareto_svg(const struct pm_survey_pareto *p, const char *title,
			 struct pm_buf *svg);

struct pm_survey_detail {
	char *detail;
	int64_t count;
};

struct pm_survey_cause {
	int64_t count;
	struct pm_survey_detail *details;  /* most first, then by name */
	size_t n;
};

struct pm_survey_effect {
	char *key, *label;
	int64_t count;
	struct pm_survey_cause causes[PM_SURVEY_NCAUSES];  /* pm_survey_causes order */
};

struct pm_survey_causes {
	struct pm_survey_scope scope;
	struct pm_survey_effect *effects;  /* in Pareto order */
	size_t n;
};

/* The cause-and-effect tree of the scope's problems: of one category
 * (item: key or label), or of every category with problems. */
int pm_survey_causes_get(struct pm_db *db, const struct pm_survey_scope *sc, const char *item,
			 struct pm_survey_causes *c, struct pm_err *err);
void pm_survey_causes_free(struct pm_survey_causes *c);

/* level, item, cause, detail, count: one row per category (level 1),
 * cause class (2) and specific cause (3).  In the table format an
 * indented tree. */
int pm_survey_causes_write(const struct pm_survey_causes *c, struct pm_out *out);

/* The fishbone diagram of one effect as an SVG document. */
int pm_survey_fishbone_svg(const struct pm_survey_effect *e, const char *title,
			   struct pm_buf *svg);

/* ---- reports ------------------------------------------------------- */

enum pm_survey_doc { PM_SURVEY_MARKDOWN, PM_SURVEY_HTML };

/* The quarterly summary analysis for head office (scope a quarter) or
 * the annual review of the year's rounds and of how the techniques
 * worked (scope a year), with the charts embedded.  Every figure is the
 * one score and pareto print.  65 for a butler's round: the report is of
 * the quarterly evaluation. */
int pm_survey_report(struct pm_db *db, const struct pm_survey_scope *sc, enum pm_survey_doc kind,
		     struct pm_buf *doc, struct pm_err *err);

/* ---- the household archive ---------------------------------------- */

/* The unit's survey forms and answers, section "surveys" (archive.h). */
int pm_survey_archive(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err);

#endif
