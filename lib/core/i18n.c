/* i18n.c - locale and message catalogue set-up */
#include <locale.h>
#include <stdlib.h>

#include "i18n.h"

#ifndef PM_LOCALEDIR
#define PM_LOCALEDIR "/usr/local/share/locale"
#endif

void
pm_i18n_init(void)
{
	const char *dir = getenv("PM_LOCALEDIR");

	/* A missing locale (cron's LANG=C, an ungenerated zh_CN) is not an
	 * error: messages stay in English. */
	setlocale(LC_ALL, "");
	bindtextdomain(PM_TEXTDOMAIN, dir && *dir ? dir : PM_LOCALEDIR);
	bind_textdomain_codeset(PM_TEXTDOMAIN, "UTF-8");
}
