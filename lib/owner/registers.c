/* registers.c - what the register files share: days, codes, free text */
#include <string.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "core/validate.h"
#include "registers.h"

int
pm_reg_day(const struct pm_date *d, int past_only, char buf[PM_DATE_BUFSZ], struct pm_err *err)
{
	struct pm_date today;

	if (pm_today(&today, err) < 0)
		return -1;
	if (!d) {
		pm_date_fmt(today, buf);
		return 0;
	}
	pm_date_fmt(*d, buf);
	if (past_only && pm_date_cmp(*d, today) > 0)
		return pm_err_set(err, PM_EXIT_DATA, _("date %s is in the future"), buf);
	return 0;
}

int
pm_reg_until(int days, char buf[PM_DATE_BUFSZ], struct pm_err *err)
{
	struct pm_date today;

	if (pm_today(&today, err) < 0)
		return -1;
	pm_date_fmt(pm_date_add(today, days), buf);
	return 0;
}

const char *
pm_reg_code(const char *s, struct pm_buf *out)
{
	size_t i;

	if (pm_text_clean(out, s, strlen(s)) < 0)
		return _("out of memory");
	if (!out->len)
		return _("empty");
	if (pm_utf8_check(out->s, out->len, NULL) != 0 || pm_text_has_control(out->s, out->len, 0))
		return _("holds a control character");
	if (out->len > PM_REG_CODE_MAX)
		return _("too long");
	for (i = 0; i < out->len; i++)
		if (out->s[i] >= 'a' && out->s[i] <= 'z')
			out->s[i] = (char)(out->s[i] - 'a' + 'A');
	return NULL;
}

int
pm_reg_text(const char *what, const char *s, int name, struct pm_buf *out, struct pm_err *err)
{
	const char *why;
	size_t n;

	pm_buf_reset(out);
	if (!s)
		return 0;
	n = strlen(s);
	pm_text_trim(&s, &n);
	if (!n)
		return 0;
	why = name ? pm_name_normalize(s, n, out) : pm_text_normalize(s, n, out);
	if (why)
		return pm_err_set(err, PM_EXIT_DATA, "%s: %s", what, why);
	return 0;
}
