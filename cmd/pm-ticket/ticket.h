/* ticket.h - pm-ticket's verbs and what they share */
#ifndef PM_TICKET_CMD_H
#define PM_TICKET_CMD_H

#include "common/cli.h"
#include "core/i18n.h"
#include "core/keys.h"

int ticket_new(int argc, char **argv);
int ticket_attach(int argc, char **argv);
int ticket_photo(int argc, char **argv);
int ticket_dispatch(int argc, char **argv);
int ticket_accept(int argc, char **argv);
int ticket_start(int argc, char **argv);
int ticket_finish(int argc, char **argv);
int ticket_reply(int argc, char **argv);
int ticket_callback(int argc, char **argv);
int ticket_close(int argc, char **argv);
int ticket_reopen(int argc, char **argv);
int ticket_handover(int argc, char **argv);
int ticket_recheck(int argc, char **argv);
int ticket_show(int argc, char **argv);
int ticket_list(int argc, char **argv);
int ticket_today(int argc, char **argv);
int ticket_due(int argc, char **argv);
int ticket_remind(int argc, char **argv);
int ticket_stats(int argc, char **argv);
int ticket_sample(int argc, char **argv);
int ticket_patrol(int argc, char **argv);
int ticket_patrols(int argc, char **argv);

/* Ticket numbers from the arguments, "-" reading the ticket (or id)
 * column of a CSV on stdin.  0, or the exit status after reporting. */
int ticket_keys(char **args, size_t n, struct pm_strv *keys);

/* Open the database and begin the one write transaction. */

/* Commit (unless failed) and close; 0 or the exit status after reporting. */

/* Run a listing: open, make the writer, call fn, finish.  record names
 * what is listed when it shows phone numbers, so that --reveal is
 * audited; NULL when it shows none. */
int ticket_listing(int (*fn)(struct pm_db *, const void *, struct pm_out *, struct pm_err *),
		   const void *arg, const char *record);

#endif
