#!/bin/sh
# BAD-INPUTS 39: an unknown option, --limit=12abc, --limit=-1, a number
# too large for its type, a missing argument: usage errors (64) from the
# option parser, with nothing touched.  (An amount of 23 digits for
# pm-fee pay: 0923-badinput-payments.t.)
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
check() { # check DESC CMD...: exit 64 and nothing written
	d=$1
	shift
	run "$@"
	is_rc 64 "$d"
}
check "an unknown option" pm-admin log --bogus
err_has "unrecognized option '--bogus'" "is named"
check "--limit=12abc" pm-admin log --limit=12abc
is_err "pm-admin log: --limit: '12abc' is not a whole number
Try \`pm-admin log --help' or \`pm-admin log --usage' for more information." "is not a whole number"
check "--limit=-1" pm-admin log --limit=-1
err_has "pm-admin log: --limit: -1 is out of range (1 to 1000000000)" "is out of range"
check "--limit=99999999999999999999" pm-ticket list --limit=99999999999999999999
err_has "pm-ticket list: --limit: '99999999999999999999' is not a whole number" "overflows: refused, not wrapped"
check "an option without its argument" pm-owner lease add 1-1-101 --tenant
err_has "option '--tenant' requires an argument" "is named"
check "a verb without its required argument" pm-owner import
err_has "which roll? give a FILE, or - for standard input" "says what is missing"
check "an unknown verb" pm-ticket frobnicate
is_err "pm-ticket: no verb 'frobnicate' (see 'pm-ticket --help')" "is named"
check "a bad date in an option" pm-ticket list --since 2026-02-30
check "an unknown format" pm-owner list -o xml
unchanged "none of them touched the database"

# -h is help after the verb too, --usage before it (issue 19 item 9)
run pm-owner list -h
is_rc 0 "-h after the verb is help"
out_has "Usage: pm-owner list [OPTION...]" "the verb's own"
run pm-ticket new --kind repair -h
is_rc 0 "-h after other options"
out_has "Usage: pm-ticket new [OPTION...] SUMMARY" "is the verb's help too"
run pm-owner --usage
is_rc 0 "--usage before the verb"
out_has "Usage: pm-owner VERB [OPTION...] [ARG...]" "prints the usage"
run pm-owner unit add -- -h
is_rc 65 "after -- a -h is an argument"
unchanged "help touched nothing"

done_testing
