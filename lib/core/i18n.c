/* i18n.c - locale and message catalogue set-up */
#include <locale.h>
#include <stdlib.h>

#include "i18n.h"

#ifndef PM_LOCALEDIR
#define PM_LOCALEDIR "/usr/local/share/locale"
#endif

/* What argp prints of its own, looked up in the default domain: listed
 * here so that xgettext puts them in po/pm-tools.pot.  Never used. */
static const char *const argp_strings[] __attribute__((unused)) = {
	N_("Usage:"),
	N_("  or: "),
	N_(" [OPTION...]"),
	N_("Give this help list"),
	N_("Give a short usage message"),
	N_("Print program version"),
	N_("Mandatory or optional arguments to long options are also mandatory or optional "
	   "for any corresponding short options."),
	N_("Report bugs to %s.\n"),
	N_("Try `%s --help' or `%s --usage' for more information.\n"),
	N_("(PROGRAM ERROR) No version known!?"),
	N_("(PROGRAM ERROR) Option should have been recognized!?"),
};

void
pm_i18n_init(void)
{
	const char *dir = getenv("PM_LOCALEDIR");

	/* A missing locale (cron's LANG=C, an ungenerated zh_CN) is not an
	 * error: messages stay in English. */
	setlocale(LC_ALL, "");
	bindtextdomain(PM_TEXTDOMAIN, dir && *dir ? dir : PM_LOCALEDIR);
	bind_textdomain_codeset(PM_TEXTDOMAIN, "UTF-8");
	/* argp looks up the option help, "Usage:" and its own options in the
	 * default domain (the top-level argp it builds has none), so ours
	 * must be the default, and our catalogue carries argp's own strings
	 * (argp_strings above). */
	textdomain(PM_TEXTDOMAIN);
}
