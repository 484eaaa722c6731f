/*
 * i18n.h - gettext for every user-facing string
 *
 * _("text") translates now; N_("text") marks a string that is translated
 * later (column headers, keyword descriptions in static tables).  The
 * message catalogue is "pm-tools"; LC_MESSAGES=zh_CN.UTF-8 gives Chinese.
 */
#ifndef PM_I18N_H
#define PM_I18N_H

#include <libintl.h>

#define PM_TEXTDOMAIN "pm-tools"
#define _(s) dgettext(PM_TEXTDOMAIN, s)
#define N_(s) (s)

/* Bind the text domain.  The catalogue directory is $PM_LOCALEDIR when
 * set (tests run uninstalled binaries), else the one compiled in. */
void pm_i18n_init(void);

#endif
