#!/bin/sh
# Long work is not silent, short work is not noisy (issue 19 item 5):
# import shows rows, rate and time on a terminal's stderr and nowhere
# else; -q prints nothing when all is well, so cron mails only on
# trouble, and still reports a refused row.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null || exit 1
python3 "$PM_TOP/tests/data/gen_roll.py" -n 20000 --seed 5 > "$T/roll.csv"

# under a pseudo-terminal: the progress line, then cleared for the summary
python3 - "$T/roll.csv" > "$T/tty" <<'PY'
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execvp('pm-owner', ['pm-owner', 'import', sys.argv[1]])
out = b''
while True:
    try:
        b = os.read(fd, 4096)
    except OSError:
        break
    if not b:
        break
    out += b
_, st = os.waitpid(pid, 0)
sys.stdout.buffer.write(out)
sys.exit(os.waitstatus_to_exitcode(st))
PY
is "$?" 0 "an import on a terminal"
holds "shows the rows and the rate" grep -q "rows/s" "$T/tty"
holds "clears the line before the summary" grep -q "$(printf '\033\\[K')" "$T/tty"
holds "and prints the summary" grep -q "people: 20000 added" "$T/tty"

rm -f "$PM_DB"*
pm-admin init > /dev/null
run pm-owner import "$T/roll.csv"
is_rc 0 "an import in a pipe"
err_lacks "rows/s" "shows no progress there"
out_has "rows" "the summary as before"

rm -f "$PM_DB"*
pm-admin init > /dev/null
run pm-owner import -q "$T/roll.csv"
is_rc 0 "-q"
holds "prints nothing when all is well" [ ! -s "$T/out" ]
holds "not even on stderr" [ ! -s "$T/err" ]
is "$(sql 'SELECT count(*) FROM unit')" 20000 "and imports all the same"
printf 'unit,name\n1-1-101,张三\n101,李四\n' > "$T/bad.csv"
run pm-owner import --quiet "$T/bad.csv"
is_rc 65 "-q with a refused row"
err_has "bad.csv:3: unit" "still reports it"
out_has "nothing was written" "and says nothing was written"

done_testing
