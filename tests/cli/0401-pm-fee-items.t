#!/bin/sh
# pm-fee item: adding fee items, their rates over time, retiring them, refusals
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null

run pm-fee item add mgmt --name 物业费 --basis area --rate 2.35 --since 2026-01
is_rc 0 "an area item with a rate"
run pm-fee item add water --name 水费 --basis 按表 --meter 水 --rate 3.5 --agent --since 2026-01
is_rc 0 "a meter item, keywords in Chinese"
run pm-fee item add tv --name 有线电视 --basis unit --cycle 按季 --rate 75 --types residential,商铺 --since 2026-01
is_rc 0 "a quarterly item for two unit types"
run pm-fee item add heat --name 采暖费 --basis area --cycle season --season 11-3 --rate 22 --since 2026-01
is_rc 0 "a heating season item"
run pm-fee item add reno --name 装修管理费 --basis fixed --rate 300 --since 2026-01
is_rc 0 "a one-off charge item"
is "$(sql "SELECT code, basis, cycle, coalesce(season, ''), coalesce(meter, ''), types, agent FROM fee_item ORDER BY id")" \
"mgmt|area|monthly|||residential|0
water|meter|monthly||water|residential|1
tv|unit|quarterly|||residential,shop|0
heat|area|season|11-03||residential|0
reno|fixed|once|||residential|0" "items are stored with English keys"
is "$(sql "SELECT rate, since FROM fee_rate WHERE item_id = 1")" "23500|2026-01-01" "the rate is yuan x10000 from the month's first day"

run pm-fee item list
is_rc 0 "item list"
is_out "item,name,basis,cycle,season,meter,types,agent,rate,since,retired
mgmt,物业费,area,monthly,,,residential,0,2.3500,2026-01-01,
water,水费,meter,monthly,,water,residential,1,3.5000,2026-01-01,
tv,有线电视,unit,quarterly,,,\"residential,shop\",0,75.0000,2026-01-01,
heat,采暖费,area,season,11-03,,residential,0,22.0000,2026-01-01,
reno,装修管理费,fixed,once,,,residential,0,300.0000,2026-01-01," "item list shows the rate in force"

# rates change over time; the list shows today's, rates shows all
run pm-fee item rate mgmt 2.5 --since 2027-01
is_rc 0 "a new rate from a later month"
run pm-fee item rates 物业费
is_out "item,since,rate
mgmt,2026-01-01,2.3500
mgmt,2027-01-01,2.5000" "rates lists the history, the item named in Chinese"
run pm-fee item list
out_has "mgmt,物业费,area,monthly,,,residential,0,2.3500" "today's rate is still the old one"
PM_NOW=2027-01-05 run pm-fee item list
out_has "mgmt,物业费,area,monthly,,,residential,0,2.5000" "and in 2027 the new one"

# refusals: nothing written
before=$(dump)
run pm-fee item add mgmt --name 另一个 --basis area --rate 1
is_rc 65 "a code in use is refused"
err_has "exists already" "saying so"
run pm-fee item add x1 --name 物业费 --basis area --rate 1
is_rc 65 "a name in use is refused"
run pm-fee item add x2 --name 某费 --basis weight --rate 1
is_rc 65 "an unknown basis is refused"
is_err "pm-fee: unknown basis 'weight' (one of: area, unit, space, meter, fixed)" "naming the choices"
run pm-fee item add x3 --name 某费 --basis area --rate 1.23456
is_rc 65 "a rate with five decimals is refused"
is_err "pm-fee: rate '1.23456': too many decimals" "with the reason"
run pm-fee item add x4 --name 某费 --basis area --rate 1e3
is_rc 65 "1e3 is not a rate"
run pm-fee item add x5 --name 某费 --basis meter --rate 1
is_rc 65 "a meter item needs its meter"
run pm-fee item add x6 --name 某费 --basis area --cycle season --rate 1
is_rc 65 "a season item needs its months"
run pm-fee item add x7 --name 某费 --basis area --cycle once --rate 1
is_rc 65 "only fixed charges are charged once"
run pm-fee item add 'x 8' --name 某费 --basis area --rate 1
is_rc 65 "a code with a space is refused"
run pm-fee item add x9 --name 某费 --basis area --rate 1 --types villa
is_rc 65 "an unknown unit type is refused"
run pm-fee item add x10 --name 某费 --basis area --rate 1 --since 2026-13
is_rc 65 "a month that does not exist is refused"
run pm-fee item rate nosuch 1
is_rc 65 "a rate for an unknown item is refused"
is_err "pm-fee: no fee item 'nosuch' (see pm-fee item list)" "naming it"
is "$(dump)" "$before" "refused commands wrote nothing"

run pm-fee item add
is_rc 64 "item add without a code is a usage error"

# retiring
run pm-fee item retire tv --from 2027-01
is_rc 0 "retire"
PM_NOW=2027-02-01 run pm-fee item list
out_lacks "tv," "a retired item leaves the list"
PM_NOW=2027-02-01 run pm-fee item list --all
out_has "tv,有线电视" "but --all shows it"
is "$(sql "SELECT count(*) FROM audit WHERE prog = 'pm-fee'")" 7 "every write is audited"

done_testing
