#!/bin/sh
# BAD-INPUTS 10: a quote never closed is an error at the line it opened
# on (CSV_STRICT_FINI), not one giant field swallowing the rest
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
printf 'unit,name,remark\n1-2-101,陈静,"开了引号\n1-2-102,周杰,\n1-2-103,吴磊,\n' > "$T/open.csv"
run pm-owner import "$T/open.csv"
is_rc 65 "an unterminated quote is refused"
is_err "pm-owner: $T/open.csv:2: quoted field never closed" "at the line the quote opened"
unchanged "nothing was imported"
printf 'unit,name\n1-2-101,"abc' > "$T/eof.csv"
run pm-owner import "$T/eof.csv"
is_rc 65 "a quote open at the end of the file without a newline"
is_err "pm-owner: $T/eof.csv:2: quoted field never closed" "is refused too"
unchanged "nothing was imported"

done_testing
