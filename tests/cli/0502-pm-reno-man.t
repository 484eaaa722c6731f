#!/bin/sh
# pm-reno(1): the page is clean under mandoc -Tlint, and its EXAMPLES run
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

page=$PM_TOP/man/pm-reno.1
if command -v mandoc > /dev/null; then
	mandoc -Tlint -Wwarning "$page" > "$T/lint" 2>&1
	is "$?:$(cat "$T/lint")" "0:" "mandoc -Tlint -Wwarning is clean"
fi

pm-admin init --estate 阳光花园 > /dev/null
pm-admin staff add 李工 --dept engineering --role engineer
pm-admin staff add 王经理 --dept management --role manager
pm-admin staff add 保安甲 --dept security --role security
sql "INSERT INTO unit(code, building, entrance, floor, room, building_area) VALUES ('1-1-101', '1', '1', 1, '101', 8937);
     INSERT INTO person(name, phone) VALUES ('张三', '13800138000');
     INSERT INTO ownership(unit_id, person_id) VALUES (1, 1);
     INSERT INTO movein(unit_id, date) VALUES (1, '2026-01-01')"
pm-fee item add reno --name 装修管理费 --basis fixed --rate 300 --since 2026-01
printf 'drawing' > "$T/drawing.pdf"

sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' "$page" | sed -n 's/^\$ //p' > "$T/examples"
is "$(wc -l < "$T/examples" | tr -d ' ')" 17 "the page has its examples"
cd "$T" || exit 1
while IFS= read -r cmd; do
	case $cmd in
	*" start "*) export PM_NOW=2026-12-01T08:00 ;;
	*" rectified "*) export PM_NOW=2026-12-02T09:00 ;;
	esac
	run sh -c "$cmd"
	is_rc 0 "example: $cmd"
done < "$T/examples"
is "$(sql "SELECT status FROM reno")" refunded "the examples took the renovation to its refund"
is "$(sed -n 2p "$T/gate.csv" | cut -d, -f1,2,9)" "L2026-000001,赵师傅,2026-12-31" "the gate's list was written"

done_testing
