#!/bin/sh
# BAD-INPUTS 24: dates as typed: 2024/1/5, 2024-1-5, 2024年1月5日 and
# 2024.1.5 are read (pm_date_parse documents the forms); an Excel serial
# (45321), 2024-02-30 and free text are row errors; an end before a
# start is refused (a lease here; a renovation permit in 0501-pm-reno-scenario.t)
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
printf 'unit,name,move_in\n1-2-101,甲,2024/1/5\n1-2-102,乙,2024-1-5\n1-2-103,丙,2024年1月5日\n1-2-104,丁,2024.1.5\n1-2-105,戊,２０２４－０１－０５\n' > "$T/good.csv"
run pm-owner import "$T/good.csv"
is_rc 0 "the desk's date forms import"
is "$(sql "SELECT DISTINCT m.date FROM movein m JOIN unit u ON u.id = m.unit_id WHERE u.code LIKE '1-2-%'")" 2024-01-05 \
	"all five are 2024-01-05"

dump > "$T/before"
printf 'unit,name,move_in\n1-2-106,己,45321\n1-2-107,庚,2024-02-30\n1-2-108,辛,上个月\n1-2-109,壬,2024-13-01\n' > "$T/bad.csv"
run pm-owner import "$T/bad.csv"
is_rc 65 "bad dates are refused"
is_err "pm-owner: $T/bad.csv:2: move_in: an Excel date serial number: format the column as a date and export again
pm-owner: $T/bad.csv:3: move_in: no such date
pm-owner: $T/bad.csv:4: move_in: not a date (write 2026-11-30)
pm-owner: $T/bad.csv:5: move_in: no such date" "each with line, column and reason"
unchanged "nothing was imported"

run pm-owner lease add 1-1-104 --tenant 房客 --start 2026-12-01 --end 2026-11-01
is_rc 65 "a lease that ends before it starts"
is_err "pm-owner: the lease ends (2026-11-01) before it starts (2026-12-01)" "is refused, naming both dates"
run pm-owner lease add 1-1-104 --tenant 房客 --start 2026-02-30
is_rc 65 "an impossible --start"
is_err "pm-owner: --start '2026-02-30': no such date" "is refused naming the option"
unchanged "nothing was written"

done_testing
