#!/bin/sh
# stress: concurrent writers for a few seconds -- two importers, two
# ticket clerks, a staff clerk, an impatient writer with a 1 ms busy
# timeout, and a backup loop -- then the invariants: every command ended
# 0 or 75 (busy: nothing written); no ticket number twice; what each
# successful command wrote is there and what each refused one wrote is
# not; pm-admin check is clean; every backup is a consistent snapshot.
# Payments and billing join here when pm-fee lands (worker_*).
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

secs=${PM_STRESS_SECONDS:-4}
pm-admin init > /dev/null
pm-admin staff add 张三 --dept service --role clerk > /dev/null
pm-admin staff add 王师傅 --dept engineering --role repair > /dev/null
python3 "$DATA/gen_roll.py" -n 300 --seed 1 > "$T/roll1.csv"
python3 "$DATA/gen_roll.py" -n 300 --seed 2 | sed '2,$s/^\([0-9]*\)-/\1001-/' > "$T/roll2.csv"
pm-owner import "$T/roll1.csv" > /dev/null
# patient writers (20 s: under ASan on a loaded machine an import holds
# the lock for seconds); the impatient one below waits 1 ms
export PM_USER=张三 PM_BUSY_TIMEOUT=20000
mkdir "$T/log"
end=$(( $(date +%s) + secs ))

# each worker appends "RC WHAT" lines to its log
worker_import() { # roll
	while [ "$(date +%s)" -lt "$end" ]; do
		pm-owner import "$1" > /dev/null 2>> "$T/log/import.err"
		echo "$? import $1"
	done
}
worker_tickets() { # id
	i=0
	while [ "$(date +%s)" -lt "$end" ]; do
		t=$(pm-ticket new --unit 1-1-101 --category leak "漏水 $1-$i" 2>> "$T/log/ticket.err")
		rc=$?
		echo "$rc new $1-$i $t"
		if [ "$rc" = 0 ]; then
			pm-ticket finish "$t" --done 修好 > /dev/null 2>> "$T/log/ticket.err"
			echo "$? finish $t"
		fi
		i=$((i + 1))
	done
}
worker_staff() {
	i=0
	while [ "$(date +%s)" -lt "$end" ]; do
		pm-admin staff add "员工$i" --dept service --role clerk > /dev/null 2>> "$T/log/staff.err"
		echo "$? staff 员工$i"
		i=$((i + 1))
	done
}
worker_impatient() {
	i=0
	while [ "$(date +%s)" -lt "$end" ]; do
		PM_BUSY_TIMEOUT=1 pm-admin staff add "急$i" --dept service --role clerk > /dev/null 2>> "$T/log/impatient.err"
		echo "$? impatient 急$i"
		i=$((i + 1))
	done
}
worker_backup() {
	i=0
	while [ "$(date +%s)" -lt "$end" ]; do
		pm-admin backup "$T/backup$i.db" > /dev/null 2>> "$T/log/backup.err"
		echo "$? backup $T/backup$i.db"
		i=$((i + 1))
	done
}

worker_import "$T/roll1.csv" > "$T/log/w1" &
worker_import "$T/roll2.csv" > "$T/log/w2" &
worker_tickets a > "$T/log/w3" &
worker_tickets b > "$T/log/w4" &
worker_staff > "$T/log/w5" &
worker_impatient > "$T/log/w6" &
worker_backup > "$T/log/w7" &
wait
cat "$T"/log/w? > "$T/all"

is "$(awk '$1 != 0 && $1 != 75' "$T/all" | head -n 5)" "" "every command ended 0 or 75"
for w in import new staff backup; do
	is "$(grep -c "^0 $w " "$T/all" | awk '{ print ($1 > 0) }')" 1 \
		"$w: got through at least once ($(grep -c "^0 $w " "$T/all") of $(grep -c " $w " "$T/all"))"
done
is "$(cat "$T"/log/*.err | grep -v "is busy (another writer holds it): try again" | head -n 3)" "" \
	"the only complaint is 'busy, try again'"

# tickets: one per successful new, numbers unique and gapless
is "$(sql 'SELECT count(*) FROM ticket')" "$(grep -c '^0 new ' "$T/all")" "one ticket per successful pm-ticket new"
is "$(sql 'SELECT count(*) - count(DISTINCT no) FROM ticket')" 0 "no ticket number twice"
is "$(sql "SELECT coalesce(max(CAST(substr(no, 7) AS INTEGER)), 0) FROM ticket")" "$(sql 'SELECT count(*) FROM ticket')" \
	"numbers run 1..N without a gap"
is "$(sql "SELECT count(*) FROM ticket WHERE status = 'finished'")" "$(grep -c '^0 finish ' "$T/all")" \
	"one finished ticket per successful finish"

# staff: exactly the successful adds, none of the refused ones
awk '$1 == 0 && ($2 == "staff" || $2 == "impatient") { print $3 }' "$T/all" | sort > "$T/staff.want"
sql "SELECT name FROM staff WHERE name NOT IN ('张三', '王师傅') ORDER BY name" | sort > "$T/staff.got"
if cmp -s "$T/staff.want" "$T/staff.got"; then ok "the staff register holds exactly the adds that exited 0"; else
	not_ok "the staff register holds exactly the adds that exited 0" "$(diff "$T/staff.want" "$T/staff.got" | head)"; fi
is "$(grep -c '^75 impatient' "$T/all" | awk '{ print ($1 > 0) }')" 1 \
	"the writer with a 1 ms busy timeout was turned away at least once ($(grep -c '^75 impatient' "$T/all") times), writing nothing"

# units: both rolls, nothing twice
units=$(sql 'SELECT count(*) FROM unit')
if grep -q "^0 import $T/roll2.csv" "$T/all"; then want=600; else want=300; fi
is "$units" "$want" "the units of the rolls imported, each once"
is "$(sql 'SELECT count(*) - count(DISTINCT code) FROM unit')" 0 "no unit twice"
is "$(sql 'SELECT count(*) FROM ownership WHERE until IS NULL')" "$want" "one current owner per unit"

run pm-admin check -o csv
is_rc 0 "pm-admin check is clean"

# backups: each a consistent snapshot
nb=0 badb=
awk '$1 == 0 && $2 == "backup" { print $3 }' "$T/all" > "$T/backups"
while read -r b; do
	nb=$((nb + 1))
	r=$(PM_DB=$b pm-admin check -o csv > /dev/null 2>&1; echo $?)
	u=$(sqlite3 "$b" 'SELECT count(*) FROM unit')
	d=$(sqlite3 "$b" 'SELECT count(*) - count(DISTINCT no) FROM ticket')
	case "$r,$u,$d" in
	0,300,0 | 0,600,0) ;;
	*) badb="$badb $b($r,$u,$d)" ;;
	esac
done < "$T/backups"
is "$badb" "" "all $nb backups pass pm-admin check, hold whole rolls and unique ticket numbers"
is "$(awk -v n="$nb" 'BEGIN { print (n > 0) }')" 1 "(at least one backup was taken)"

done_testing
