#!/bin/sh
# BAD-INPUTS 32: a full disk under the database, stdout on /dev/full, a
# closed pipe.  The database refuses the write with 74 and keeps its data;
# output that cannot be written is exit 74 with "write error".  A closed
# pipe (reader gone, as under "| head -1") ends the program quietly by
# SIGPIPE, like every Unix filter (exit status 141 in sh); with SIGPIPE
# ignored it is exit 74 "write error: Broken pipe".
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

# --- a database on a 2 MiB file system that fills up
small=$T/small
mkdir -p "$small"
trap 'umount "$small" 2> /dev/null; rm -rf "$T"' EXIT
if mount -t tmpfs -o size=2m tmpfs "$small" 2> /dev/null; then
	PM_DB=$small/pm.db
	base_estate
	python3 "$DATA/gen_roll.py" -n 20000 --seed 32 > "$T/big.csv"
	run pm-owner import "$T/big.csv"
	is_rc 74 "an import that does not fit on the disk exits 74"
	is_err "pm-owner: import: disk full, nothing written ('$PM_DB')" "saying the disk is full and nothing was written"
	unchanged "the database keeps exactly its data"
	run pm-admin check -o csv
	is_rc 0 "and passes pm-admin check"
	dd if=/dev/zero of="$small/fill" bs=4096 2> /dev/null
	run pm-ticket new --by 张三 --unit 1-1-101 --category leak 漏水
	is_rc 74 "with the disk full to the last byte, even a ticket is refused"
	rm -f "$small/fill"
	unchanged "and nothing was written"
	run pm-ticket new --by 张三 --unit 1-1-101 --category leak 漏水
	is_rc 0 "with room again, it goes in"
	PM_DB=$T/pm.db
else
	i=0
	while [ $i -lt 7 ]; do ok "# SKIP cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN)"; i=$((i + 1)); done
fi

# --- stdout on /dev/full
base_estate
pm-owner import "$DATA/roll-clean.csv" > /dev/null
for cmd in "pm-owner export" "pm-owner list -o csv" "pm-ticket list -o csv" "pm-admin log -o csv"; do
	# shellcheck disable=SC2086
	$cmd > /dev/full 2> "$T/err"
	rc=$?
	is_rc 74 "$cmd > /dev/full exits 74"
	is_err "${cmd%% *}: write error: No space left on device" "$cmd says why"
done

# --- a closed pipe: the reader takes one line and goes
mkfifo "$T/fifo"
head -n 1 < "$T/fifo" > "$T/head" &
pm-owner export --reveal -o csv > "$T/fifo" 2> "$T/err"
rc=$?
wait
is_rc 141 "the reader gone, the writer dies of SIGPIPE like any filter (documented)"
is "$(cat "$T/err")" "" "quietly"
is "$(cat "$T/head")" "unit,building_area,usable_area,land_area,type,use,facilities,parking,name,phone,id_no,move_in,since,share,remark" \
	"after the reader had its line"
head -n 1 < "$T/fifo" > /dev/null &
(trap '' PIPE; exec pm-owner export --reveal -o csv > "$T/fifo" 2> "$T/err")
rc=$?
wait
is_rc 74 "with SIGPIPE ignored, a closed pipe is exit 74"
is_err "pm-owner: write error: Broken pipe" "with the reason"

done_testing
