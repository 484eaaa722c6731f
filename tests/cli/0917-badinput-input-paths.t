#!/bin/sh
# BAD-INPUTS 17: the roll is a directory, a FIFO, unreadable, missing, or
# '-' (stdin): a clear error (66), or it is read
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
run pm-owner import "$T"
is_rc 66 "a directory"
is_err "pm-owner: cannot open '$T': Is a directory" "is named with the reason"
run pm-owner import "$T/nope.csv"
is_rc 66 "a missing file"
is_err "pm-owner: cannot open '$T/nope.csv': No such file or directory" "is named with the reason"
unchanged "neither wrote anything"

printf 'unit,name\n1-2-101,陈静\n' > "$T/roll.csv"
mkfifo "$T/fifo"
cat "$T/roll.csv" > "$T/fifo" &
run pm-owner import "$T/fifo"
wait
is_rc 0 "a FIFO is read like a file"
is "$(sql "SELECT count(*) FROM unit WHERE code = '1-2-101'")" 1 "its row lands"

printf 'unit,name\n1-2-102,周杰\n' > "$T/stdin.csv"
run_in "$T/stdin.csv" pm-owner import -
is_rc 0 "- reads standard input"
is "$(head -n 1 "$T/out")" "-: 1 rows" "and is called '-' in the summary"

# unreadable: root reads anything, so drop to nobody when we are root
chmod 000 "$T/roll.csv"
dump > "$T/before"
if [ "$(id -u)" != 0 ]; then
	run pm-owner import "$T/roll.csv"
	is_rc 66 "an unreadable file"
	is_err "pm-owner: cannot open '$T/roll.csv': Permission denied" "is named with the reason"
elif command -v setpriv > /dev/null; then
	chmod 777 "$T"
	chmod 666 "$PM_DB"*
	run setpriv --reuid=65534 --regid=65534 --clear-groups pm-owner import "$T/roll.csv"
	is_rc 66 "an unreadable file"
	is_err "pm-owner: cannot open '$T/roll.csv': Permission denied" "is named with the reason"
else
	ok "# SKIP root and no setpriv to drop privileges"
	ok "# SKIP root and no setpriv to drop privileges"
fi
unchanged "nothing was written"

done_testing
