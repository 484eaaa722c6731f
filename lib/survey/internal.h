/*
 * internal.h - what the files of lib/survey share and nobody else needs:
 * a round with its form's items, dates, the form-making rule
 */
#ifndef PM_SURVEY_INTERNAL_H
#define PM_SURVEY_INTERNAL_H

#include "core/time.h"
#include "survey.h"

struct sv_item {
	int64_t id;
	int pos;
	char *key, *label;
};

struct sv_round {
	int64_t id;
	char quarter[PM_SURVEY_KEY_BUFSZ];  /* the key: quarter or butler's round name */
	int butler;               /* a butler's round */
	int64_t butler_id;        /* and its butler */
	char butler_name[PM_SURVEY_KEY_BUFSZ];
	int year, num;            /* num: the quarter, 0 for a butler's round */
	int64_t template_id;
	int five;                 /* the five-point scale */
	char issue_on[PM_DATE_BUFSZ], due_on[PM_DATE_BUFSZ];
	int ratio;
	struct sv_item *items;    /* in form order */
	size_t nitems;
};

/* The template id of spec: "name" (its latest version) or "name:version";
 * NULL is "default". */
int sv_template_find(struct pm_db *db, const char *spec, int64_t *id, struct pm_err *err);

/* The round of key, with its items: the round whose key it is ("2026Q4",
 * "李强-2026-11"), else the quarterly round of the quarter it reads as
 * ("2026-Q4"); NULL: the latest quarterly round.  65 when there is no
 * such round. */
int sv_round_get(struct pm_db *db, const char *key, struct sv_round *r, struct pm_err *err);
void sv_round_free(struct sv_round *r);

/* The item of the round named s: its key (any case), its label, or a
 * common name for the key (客服服务 for service ...).  NULL if none. */
const struct sv_item *sv_item_match(const struct sv_round *r, const char *s, size_t n);

/* "2026Q4" from s (64 unless a quarter). */
int sv_quarter_norm(const char *s, char out[16], struct pm_period *p, struct pm_err *err);

/* A date argument as stored (NULL: today).  65 with the reason. */
int sv_date_arg(const char *s, char out[PM_DATE_BUFSZ], struct pm_err *err);

/* The quarter ("2026Q2") the unit was surveyed in, in an earlier
 * quarterly round of the round's year, malloc'ed in *quarter, or NULL
 * when it was not (a butler's forms do not count). */
int sv_surveyed_before(struct pm_db *db, const struct sv_round *r, int64_t unit_id,
		       char **quarter, struct pm_err *err);

/* Make a form for the unit: the next number of the round. */
int sv_form_add(struct pm_db *db, const struct sv_round *r, int64_t unit_id, const char *how,
		int64_t *form_id, int64_t *no, struct pm_err *err);

/* The form of unit_id in the round: 1 with *form_id and *no, 0 when it
 * has none. */
int sv_form_of(struct pm_db *db, const struct sv_round *r, int64_t unit_id, int64_t *form_id,
	       int64_t *no, struct pm_err *err);

/* A form for a unit listed by hand: in a quarterly round refused (65)
 * when the unit was surveyed earlier in the year, unless allow_repeat;
 * *before gets that quarter (malloc'ed) or NULL.  A butler's round takes
 * any unit. */
int sv_form_listed(struct pm_db *db, const struct sv_round *r, int64_t unit_id, const char *code,
		   int allow_repeat, int64_t *form_id, int64_t *no, char **before,
		   struct pm_err *err);

/* Record form fid (of unit code) back on date, by who (0: the collector
 * named at issue).  65 when it was not issued, is back already, or date
 * is before the issue. */
int sv_form_collect(struct pm_db *db, const struct sv_round *r, int64_t fid, const char *code,
		    const char *date, int64_t who, struct pm_err *err);

/* "2026Q4-007", "李强-2026-11-003" */
#define SV_FORMNO_BUFSZ (PM_SURVEY_KEY_BUFSZ + 24)
char *sv_formno(const char *quarter, int64_t no, char buf[SV_FORMNO_BUFSZ]);

/* The WHERE condition of a scope's rounds, on survey_round r, with
 * parameters :scope_one, :scope_name, :scope_year (sv_scope_bind): the
 * round of that key, or every quarterly round of the year. */
#define SV_SCOPE_SQL \
	"(CASE WHEN :scope_one THEN r.quarter = :scope_name" \
	" ELSE r.kind = 'quarterly' AND r.year = :scope_year END)"
void sv_scope_bind(struct pm_stmt *st, const struct pm_survey_scope *sc);

/* Resolve the scope's rounds: *ids malloc'ed, oldest first. */
int sv_scope_rounds(struct pm_db *db, const struct pm_survey_scope *sc, int64_t **ids,
		    size_t *n, struct pm_err *err);

/* The columns of score's sections, and one row of each as strings:
 * bufs holds the numbers, v gets the values (NULL for none).  Shared by
 * score and the report so that they print the same figures. */
extern const struct pm_col sv_response_cols[9], sv_item_cols[9], sv_bld_cols[7];
int sv_response_row(const struct pm_survey_score *s, char bufs[][24], const char **v);
int sv_item_row(const struct pm_survey_itemscore *it, char bufs[][24], const char **v);
int sv_bld_row(const struct pm_survey_bldscore *b, char bufs[][24], const char **v);

/* Pareto's columns and one row as strings (bufs for the numbers). */
extern const struct pm_col sv_pareto_cols[7];
int sv_pareto_row(const struct pm_survey_pareto_row *r, size_t rank, char bufs[][24],
		  const char **v);

/* The latest round of the scope, with its items. */
int sv_scope_last(struct pm_db *db, const struct pm_survey_scope *sc, struct sv_round *r,
		  struct pm_err *err);

/* Bind v to the named parameter (":round") of st.  Statements that use
 * :today name their other parameters too: a ?1 after :today in the text
 * would be :today itself. */
void sv_bind_named(struct pm_stmt *st, const char *name, int64_t v);

/* XML-escape s into b (for SVG and HTML). */
int sv_xml_escape(struct pm_buf *b, const char *s);

#endif
