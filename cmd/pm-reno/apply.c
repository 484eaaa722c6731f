/* apply.c - pm-reno apply, review, resubmit */
#include <stdio.h>

#include "owner/unit.h"
#include "reno.h"
#include "reno/reno.h"

#define APPLICATION_OPTIONS \
	{"contractor", O_CONTRACTOR, N_("TEXT"), 0, N_("the contractor (装修公司 or foreman)"), 0}, \
	{"phone", O_PHONE, N_("TEXT"), 0, N_("the contractor's phone"), 0}, \
	{"scope", O_SCOPE, N_("TEXT"), 0, N_("the scope of work"), 0}, \
	{"start", O_START, N_("DATE"), 0, N_("planned start"), 0}, \
	{"end", O_END, N_("DATE"), 0, N_("planned end"), 0}, \
	{"consent", O_CONSENT, N_("TEXT"), 0, N_("the owner's consent, for a tenant's application"), 0}, \
	{"attach", O_ATTACH, N_("FILE"), 0, N_("attach drawings or ID copies (repeat for more)"), 0}

int
reno_apply(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"applicant", O_APPLICANT, N_("TEXT"), 0, N_("the owner or tenant applying (by name)"), 0},
		APPLICATION_OPTIONS,
		{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;
	struct pm_reno_apply r = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	char no[PM_SEQ_BUFSZ];
	int rc;

	reno_parse(options, N_("UNIT --applicant TEXT --contractor TEXT --scope TEXT --start DATE --end DATE"),
	    N_("Hand in a renovation application (装修申请表): the applicant must be an owner of "
	       "the unit, or its tenant with the owner's consent.  Prints the permit number."),
	    argc, argv, &a, 1, 1);
	if ((rc = pm_cli_begin(&db)) == 0) {
		r.applicant = a.applicant;
		r.consent = a.consent;
		r.contractor = a.contractor;
		r.phone = a.phone;
		r.scope = a.scope;
		r.start = a.start;
		r.end = a.end;
		r.attach = a.attach;
		r.nattach = a.nattach;
		rc = pm_unit_find(db, a.pos[0], &r.unit_id, NULL, &err) < 0 ||
		    pm_reno_apply(db, &r, no, &err) < 0;
		if ((rc = pm_cli_end(db, rc, 0, &err)) == 0)
			printf("%s\n", no);
	}
	reno_args_free(&a);
	return rc;
}

int
reno_review(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"first", O_FIRST, NULL, 0, N_("the first review, by the equipment supervisor (engineer)"), 0},
		{"second", O_SECOND, NULL, 0, N_("the second review, by the manager"), 0},
		{"approve", O_APPROVE, NULL, 0, N_("approve"), 0},
		{"reject", O_REJECT, N_("TEXT"), 0, N_("reject, saying why"), 0},
		{"by", O_BY, N_("STAFF"), 0, N_("the reviewer"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;
	struct pm_err err = {0};
	struct pm_db *db;
	int64_t id;
	int rc;

	reno_parse(options, N_("PERMIT --first|--second --approve|--reject TEXT --by STAFF"),
	    N_("Review an application: the first review comes before the second."),
	    argc, argv, &a, 1, 1);
	if (a.first == a.second || a.approve == (a.reject != NULL)) {
		fprintf(stderr, _("%s: give one of --first and --second, and one of --approve and --reject\n"),
		    pm_cli.prog);
		reno_args_free(&a);
		return PM_EXIT_USAGE;
	}
	if ((rc = pm_cli_begin(&db)) == 0) {
		rc = pm_reno_find(db, a.pos[0], &id, &err) < 0 ||
		    pm_reno_review(db, id, a.second, a.approve, a.reject, a.by, &err) < 0;
		rc = pm_cli_end(db, rc, 0, &err);
	}
	reno_args_free(&a);
	return rc;
}

int
reno_resubmit(int argc, char **argv)
{
	static const struct argp_option options[] = {APPLICATION_OPTIONS, {NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;
	struct pm_reno_apply r = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int64_t id;
	int rc;

	reno_parse(options, N_("PERMIT [--scope TEXT] [--start DATE] [--end DATE] [--attach FILE]..."),
	    N_("Resubmit a rejected application, amended: it goes through both reviews again."),
	    argc, argv, &a, 1, 1);
	if ((rc = pm_cli_begin(&db)) == 0) {
		r.consent = a.consent;
		r.contractor = a.contractor;
		r.phone = a.phone;
		r.scope = a.scope;
		r.start = a.start;
		r.end = a.end;
		r.attach = a.attach;
		r.nattach = a.nattach;
		rc = pm_reno_find(db, a.pos[0], &id, &err) < 0 ||
		    pm_reno_resubmit(db, id, &r, &err) < 0;
		rc = pm_cli_end(db, rc, 0, &err);
	}
	reno_args_free(&a);
	return rc;
}
