#!/bin/sh
# BAD-INPUTS 1: a UTF-8 BOM is stripped before the header is matched
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
printf '\357\273\277unit,name,phone\n1-2-101,陈静,13700001111\n' > "$T/bom.csv"
run pm-owner import "$T/bom.csv"
is_rc 0 "a UTF-8 roll starting with a BOM imports"
is "$(sql "SELECT p.name FROM unit u JOIN ownership o ON o.unit_id = u.id JOIN person p ON p.id = o.person_id WHERE u.code = '1-2-101'")" \
	陈静 "the first header is 'unit', not BOM+'unit': the row lands"
is "$(sql "SELECT count(*) FROM unit WHERE code LIKE char(65279) || '%'")" 0 "no unit code carries the BOM"

printf '\357\273\277房号,业主姓名\r\n1-2-102,周杰\r\n' > "$T/bomzh.csv"
run pm-owner import "$T/bomzh.csv"
is_rc 0 "a BOM in front of a Chinese header"
is "$(sql "SELECT count(*) FROM unit WHERE code = '1-2-102'")" 1 "is stripped too"

done_testing
