#!/bin/sh
# 0203-pm-owner-move-order.t - issue 13 item 1: move-ins and move-outs in
# time order.  None is dated after the estate's today; a move-out is no
# earlier than the move-in it ends, a move-in no earlier than the last
# move-out; defects are put right after the move-in and not in the
# future.  Each refusal is 65, names both dates and writes nothing.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh disable=SC1091
. "$(dirname "$0")/badinput.sh"

base_estate   # today is 2026-11-30; 1-1-101 moved in 2021-03-01, 1-1-103 never

run pm-owner movein 1-1-103 --date 2026-12-01
is_rc 65 "a move-in dated tomorrow"
is_err "pm-owner: cannot move in 1-1-103 on 2026-12-01: that is after today (2026-11-30)" \
	"is refused naming the date and today"
unchanged "and writes nothing"
run pm-owner movein 1-1-103 --date 2026年12月5日
is_rc 65 "a second future move-in"
is_err "pm-owner: cannot move in 1-1-103 on 2026-12-05: that is after today (2026-11-30)" \
	"is refused as well, the date as stored"
unchanged "and writes nothing"

run pm-owner movein 1-1-103 --date 2026-11-20 --inspection failed --defects 墙面开裂
is_rc 0 "a back-dated move-in"
run pm-owner movein 1-1-103 --date 2026-11-25
is_rc 65 "a second move-in while it is occupied"
is_err "pm-owner: 1-1-103 is already moved into: record the move-out first, or --amend the move-in" \
	"is refused, as before"
dump > "$T/before"

run pm-owner movein 1-1-103 --amend --rectified 2026-12-01
is_rc 65 "--amend --rectified tomorrow"
is_err "pm-owner: --rectified 2026-12-01 is after today (2026-11-30)" "is refused"
unchanged "and the move-in is not overwritten"
run pm-owner movein 1-1-103 --amend --rectified 2026-11-19
is_rc 65 "--rectified before the move-in"
is_err "pm-owner: --rectified 2026-11-19 is before the move-in (2026-11-20)" "is refused"
unchanged "and writes nothing"
run pm-owner movein 1-1-103 --amend --rectified 2026-11-28
is_rc 0 "--rectified on a past day after the move-in"
is "$(sql "SELECT date, rectify_by, rectified FROM movein WHERE source = 'desk'")" \
	"2026-11-20|2026-12-05|2026-11-28" "is recorded"
dump > "$T/before"

run pm-owner moveout 1-1-101 --date 2026-12-01 --goods 家具
is_rc 65 "a move-out and its goods release permit for tomorrow"
is_err "pm-owner: cannot move out 1-1-101 on 2026-12-01: that is after today (2026-11-30)" "is refused"
unchanged "and writes nothing: no permit"
run pm-owner moveout 1-1-101 --date 2021-02-01
is_rc 65 "a move-out before the move-in it ends"
is_err "pm-owner: cannot move out 1-1-101 on 2021-02-01: it was moved into on 2021-03-01" \
	"is refused naming both"
unchanged "and writes nothing"
run pm-owner moveout 1-1-101 --date 2026-11-29 --goods 家具
is_rc 0 "a back-dated move-out"
is_out "F2026-000001" "takes the first permit number: the refused ones took none"

run pm-owner movein 1-1-101 --date 2026-11-28
is_rc 65 "a move-in before the last move-out"
is_err "pm-owner: cannot move in 1-1-101 on 2026-11-28: it was moved out on 2026-11-29" \
	"is refused naming both"
LC_ALL=zh_CN.UTF-8 run pm-owner movein 1-1-101 --date 2026-11-28
is_err "pm-owner: 1-1-101 无法登记于 2026-11-28 入住：该房屋已于 2026-11-29 迁出" "in Chinese too"
dump > "$T/before"
run pm-owner movein 1-1-101 --date 2026-11-29
is_rc 65 "a move-in on the day of the move-out"
is_err "pm-owner: cannot move in 1-1-101 on 2026-11-29: it was moved out on 2026-11-29" \
	"is refused: a unit's status is by date, and it would not count as moved into"
unchanged "and writes nothing"
run pm-owner movein 1-1-101 --date 2026-11-30
is_rc 0 "a move-in the day after the move-out is in order"
run pm-owner list --status occupied -o csv
out_has "1-1-101," "and the unit is occupied again"

done_testing
