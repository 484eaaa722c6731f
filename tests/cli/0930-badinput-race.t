#!/bin/sh
# BAD-INPUTS 30: a read-then-write race: six processes record the callback
# of one ticket at once; BEGIN IMMEDIATE serialises them, the state is
# checked after BEGIN, so exactly one wins and the others are refused
# (65) or told to retry (75); no lost update, no double record.  Twenty
# processes taking new tickets at once get twenty distinct numbers.
# (Payments, the row's first example: 0407-pm-fee-concurrent.t.)
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
export PM_USER=张三
t=$(pm-ticket new --unit 1-1-101 --category plumbing 水管)
pm-ticket finish "$t" --done 换管 > /dev/null
i=0
while [ $i -lt 6 ]; do
	( pm-ticket callback "$t" --result satisfied > /dev/null 2> "$T/err$i"; echo $? > "$T/rc$i" ) &
	i=$((i + 1))
done
wait
is "$(cat "$T"/rc? | grep -c '^0$')" 1 "exactly one callback is recorded"
is "$(cat "$T"/rc? | grep -cv '^0$\|^65$\|^75$')" 0 "the others are refused (65) or busy (75)"
is "$(sql 'SELECT count(*) FROM callback')" 1 "one callback row"
is "$(cat "$T"/err? | sort -u | grep -v 'busy')" "pm-ticket: cannot callback $t: it has been called back already" \
	"the refusals say why"

i=0
while [ $i -lt 20 ]; do
	( pm-ticket new --unit 1-1-102 --category leak "漏水 $i" > "$T/new$i" 2>&1 ) &
	i=$((i + 1))
done
wait
is "$(cat "$T"/new* | sort -u | wc -l | tr -d ' ')" 20 "twenty tickets, twenty distinct numbers"
is "$(sql 'SELECT count(DISTINCT no) FROM ticket')" 21 "all in the database"

done_testing
