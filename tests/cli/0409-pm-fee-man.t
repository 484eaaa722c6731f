#!/bin/sh
# pm-fee(1): the page is clean under mandoc -Tlint, and its EXAMPLES run
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

page=$PM_TOP/man/pm-fee.1
if command -v mandoc > /dev/null; then
	mandoc -Tlint -Wwarning "$page" > "$T/lint" 2>&1
	is "$?:$(cat "$T/lint")" "0:" "mandoc -Tlint -Wwarning is clean"
fi

pm-admin init --estate 阳光花园 > /dev/null
pm-admin staff add 李会计 --dept finance --role finance
sql "INSERT INTO unit(code, building, entrance, floor, room, building_area) VALUES ('1-1-101', '1', '1', 1, '101', 8937);
     INSERT INTO person(name, phone) VALUES ('张三', '13800138000');
     INSERT INTO ownership(unit_id, person_id) VALUES (1, 1);
     INSERT INTO movein(unit_id, date, water) VALUES (1, '2026-01-10', 10000)"

sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' "$page" | sed -n 's/^\$ //p' > "$T/examples"
is "$(wc -l < "$T/examples" | tr -d ' ')" 17 "the page has its examples"
cd "$T" || exit 1
while IFS= read -r cmd; do
	run sh -c "$cmd"
	is_rc 0 "example: $cmd"
done < "$T/examples"
is "$(sql "SELECT count(*) FROM fee_close")" 1 "the examples closed November"
is "$(head -c 3 "$T/letters.csv" | od -An -tx1 | tr -d ' ')" efbbbf "the letters for Excel start with a BOM"

done_testing
