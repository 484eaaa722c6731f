/* complete.h - the hidden __complete verb (see complete.c) */
#ifndef PM_COMPLETE_H
#define PM_COMPLETE_H

#include <argp.h>

#include "cli.h"

enum { PM_COMPLETE_NONE, PM_COMPLETE_VERBS, PM_COMPLETE_OPTIONS };

/* Run "prog __complete ..." (argv[0] is prog, argv[1] the mode). */
int pm_complete_main(int argc, char **argv, const struct pm_verb *verbs,
		     int (*dispatch)(int, char **, const struct pm_verb *));

/* Called by pm_cli_parse when completing: prints and exits. */
int pm_complete_parse(const struct argp *argp) __attribute__((noreturn));

/* Print verb names, one a line. */
void pm_complete_verbs(const struct pm_verb *verbs);

#endif
