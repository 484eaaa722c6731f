/* err.c - error values passed from lib to cmd */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "i18n.h"

int
pm_err_vset(struct pm_err *err, int code, const char *fmt, va_list ap)
{
	char *msg;

	if (!err)
		return -1;
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	free(err->msg);
	err->msg = msg;
	err->code = msg ? code : PM_EXIT_OSERR;
	return -1;
}

int
pm_err_set(struct pm_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	pm_err_vset(err, code, fmt, ap);
	va_end(ap);
	return -1;
}

int
pm_err_oom(struct pm_err *err)
{
	if (err) {
		free(err->msg);
		err->msg = NULL;
		err->code = PM_EXIT_OSERR;
	}
	return -1;
}

int
pm_err_prefix(struct pm_err *err, const char *fmt, ...)
{
	va_list ap;
	char *prefix, *msg;

	if (!err || !err->msg)
		return -1;
	va_start(ap, fmt);
	if (vasprintf(&prefix, fmt, ap) < 0)
		prefix = NULL;
	va_end(ap);
	if (!prefix)
		return -1;
	if (asprintf(&msg, "%s: %s", prefix, err->msg) >= 0) {
		free(err->msg);
		err->msg = msg;
	}
	free(prefix);
	return -1;
}

const char *
pm_err_msg(const struct pm_err *err)
{
	if (err && err->msg)
		return err->msg;
	if (err && err->code == PM_EXIT_OSERR)
		return _("out of memory");
	return _("unknown error");
}

void
pm_err_clear(struct pm_err *err)
{
	if (!err)
		return;
	free(err->msg);
	err->msg = NULL;
	err->code = 0;
}
