#!/bin/sh
# 0031-table-width.t - tables fit COLUMNS (issue 19 item 6): the widest
# free-text columns are cut with "…", a single record is "Label: value"
# lines, a record's empty sections are named on one line; in a pipe
# without COLUMNS every row stays whole, for scripts
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

# the widest line of $T/out in terminal columns: East Asian Wide and
# Fullwidth are two, combining marks none
widest() {
	python3 -c '
import sys, unicodedata
def w(l):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l)
print(max((w(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")), default=0))
' "$T/out"
}

pm-admin init --estate 阳光花园 > /dev/null
python3 "$DATA/gen_roll.py" -n 40 --zh --seed 7 > "$T/roll.csv"
pm-owner import "$T/roll.csv" > /dev/null 2>&1

LC_ALL=zh_CN.UTF-8
export LC_ALL

run pm-owner list -o table
is_rc 0 "the Chinese owner list"
holds "without COLUMNS, in a pipe, its rows are whole (wider than 80)" test "$(widest)" -gt 80
out_has "入住日期" "with the move-in date's header"

COLUMNS=80 run pm-owner list -o table
is_rc 0 "the list at COLUMNS=80"
holds "no line wider than 80" test "$(widest)" -le 80
out_has "1-1-101 " "unit codes are whole"
out_lacks "…" "codes, areas and phones are never cut (only blanks narrowed)"

run pm-admin settings list -o table
holds "settings: whole rows in a pipe" test "$(widest)" -gt 200
COLUMNS=80 run pm-admin settings list -o table
is_rc 0 "settings at COLUMNS=80"
holds "no settings line wider than 80" test "$(widest)" -le 80
out_has "fee.vacant_discount_percent  " "setting names are codes: never cut"
out_has "…" "the descriptions are cut"
COLUMNS=300 run pm-admin settings list -o table
holds "a wide terminal gets whole rows" test "$(widest)" -gt 200
COLUMNS=abc run pm-admin settings list -o table
holds "COLUMNS that is no number is ignored" test "$(widest)" -gt 200

COLUMNS=80 run pm-owner show 1-1-102 -o table
is_rc 0 "the household archive at 80"
holds "no archive line wider than 80" test "$(widest)" -le 80
out_has "[房屋]
房号:     1-1-102
楼栋:     1" "the unit is a record: label: value lines"
out_has "备注:     钥匙托管于客服中心" "down to its remark"
out_lacks "[车辆]" "no empty section is printed"
out_has "无记录：租户、住户、车辆、宠物、钥匙、走访、工单、评议、账单、收款、押金、装修" \
	"the empty ones are named on one line"
run pm-owner show 1-1-102 -o json
out_has '"vehicles": []' "json keeps every section"
run pm-owner show 1-1-102 -o csv
out_has "[vehicles]" "and so does csv"

LC_ALL=C.UTF-8
run pm-owner show 1-1-102 -o table
out_has "Unit:          1-1-102" "in English too"
out_has "Empty: tenants, residents, vehicles" "and the empty sections' line"

done_testing
