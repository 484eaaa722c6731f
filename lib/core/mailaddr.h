/*
 * mailaddr.h - the parts of a mail address that go into a header
 *
 * pm-ticket remind writes From: and To: headers for `sendmail -t`, which
 * takes every recipient it finds there: a line break or a comma in a
 * setting would add a Bcc or a second To.  So the settings that become
 * addresses are held to the RFC 5321 forms, narrowed to what a desk
 * needs: a local part is a dot-atom of letters, digits and
 * !#$%&'*+-/=?^_`{|}~ (no quoted strings), at most 64 bytes; a domain is
 * dot-separated labels of letters, digits and inner hyphens, each 1-63
 * bytes, at most 253 in all (no address literals, no trailing dot).
 * Each returns NULL when the value is one, else a short reason.
 */
#ifndef PM_MAILADDR_H
#define PM_MAILADDR_H

const char *pm_mail_local_check(const char *s);
const char *pm_mail_domain_check(const char *s);

#endif
