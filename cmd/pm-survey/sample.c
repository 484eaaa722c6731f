/* sample.c - pm-survey sample */
#include <stdio.h>

#include "survey/survey.h"
#include "verbs.h"

int
survey_sample(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"quarter", OPT_QUARTER, N_("QUARTER"), 0, N_("the round (default: the latest)"), 0},
		SV_ROUND_OPTION,
		{"seed", OPT_SEED, N_("N"), 0, N_("draw with this seed (the same seed, the same sample)"), 0},
		{"redo", OPT_REDO, NULL, 0, N_("throw away a sample not yet issued and draw again"), 0},
		{"allow-repeat", OPT_REPEAT, NULL, 0,
		 N_("with UNITs: take units surveyed earlier in the year too"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, sv_parse, N_("UNIT...\n"),
	    N_("Choose the units that get a form: at random, at least the round's ratio of "
	       "moved-in units in every building, leaving out units surveyed earlier in the "
	       "year; or the UNITs given (- reads the unit column of a CSV on stdin), as a "
	       "butler's round always takes them."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct sv_args a = {0};
	struct pm_strv units = PM_STRV_INIT;
	struct pm_survey_sample s = {0};
	struct pm_err err = {0};
	struct sv_mem m;
	struct pm_db *db;
	int64_t added = 0;
	int rc;

	a.max_pos = -1;
	pm_cli_parse(&argp, argc, argv, &a);
	if (a.pos.n && (a.have_seed || a.redo)) {
		sv_args_free(&a);
		pm_cli_warn("%s", _("--seed and --redo are for the random sample, not for UNITs given"));
		return PM_EXIT_USAGE;
	}
	if ((rc = sv_units(&a.pos, &units))) {
		sv_args_free(&a);
		return rc;
	}
	if ((rc = sv_mem_open(&m)))
		goto done;
	if ((rc = pm_cli_begin(&db))) {
		sv_mem_free(&m);
		goto done;
	}
	if (a.pos.n) {
		rc = pm_survey_sample_units(db, SV_ROUND_KEY(&a), &units, a.repeat, m.out, &added,
		    &err);
	} else {
		s.seed = a.seed;
		s.have_seed = a.have_seed;
		s.redo = a.redo;
		rc = pm_survey_sample_draw(db, SV_ROUND_KEY(&a), &s, m.out, &err);
	}
	if ((rc = pm_cli_end(db, rc < 0, 0, &err))) {
		sv_mem_free(&m);
		goto done;
	}
	if ((rc = sv_mem_flush(&m)))
		goto done;
	if (!a.pos.n) {
		pm_cli_warn(_("%lld of %lld moved-in units drawn, seed %lld"), (long long)s.sampled,
		    (long long)s.movedin, (long long)s.seed);
		if (s.repeats)
			pm_cli_warn(_("%lld of them were surveyed earlier this year: too few others "
				      "in their building"), (long long)s.repeats);
	}
done:
	pm_strv_free(&units);
	sv_args_free(&a);
	return rc;
}
