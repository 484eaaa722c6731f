#!/bin/sh
# pm-fee journal, handover, close, totals, check, deposits: the cash
# journal balances, cash goes to finance, a closed month never changes
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
pm-admin staff add 李会计 --dept finance --role finance
pm-admin staff add 王经理 --dept management --role manager
sql "INSERT INTO unit(code, building, entrance, floor, room, building_area) VALUES ('1-1-101', '1', '1', 1, '101', 8937);
     INSERT INTO movein(unit_id, date) VALUES (1, '2026-01-10')"
pm-fee item add mgmt --name 物业费 --basis area --rate 2.35 --since 2026-01
pm-fee bill --period 2026-11 > /dev/null
pm-fee pay 1-1-101 100 --method cash > /dev/null 2>&1
pm-fee pay 1-1-101 50 --method wechat > /dev/null 2>&1
run pm-fee deposit take 1-1-101 2000 --method 现金 --kind 装修 --payer 某装修公司 --for 装修押金
is_rc 0 "deposit take"
is_out "D2026-000001" "prints the deposit's number"

run pm-fee journal
is_rc 0 "journal of today"
is_out "date,time,entry,ref,unit,detail,cash_in,cash_out,balance
2026-11-30,,opening,,,,,,0.00
2026-11-30,09:00,payment,R2026-000001,1-1-101,,100.00,,100.00
2026-11-30,09:00,deposit,D2026-000001,1-1-101,装修押金,2000.00,,2100.00
2026-11-30,,closing,,,,,,2100.00" "cash only: the wechat payment is not in it; the deposit is"
run pm-fee journal --check
is_rc 1 "--check: cash still at the desk"
is_err "pm-fee: 2100.00 in cash is still at the desk, not handed to finance" "says how much"

before=$(dump)
run pm-fee handover --to 王经理
is_rc 65 "only finance takes the cash"
is_err "pm-fee: taking cash from the desk needs a finance, and '王经理' is a manager" "saying why"
run pm-fee handover --to 李会计 --amount 5000
is_rc 65 "no more than the desk holds"
is_err "pm-fee: 5000.00 is more than the 2100.00 cash at the desk on 2026-11-30" "saying how much it holds"
run pm-fee handover
is_rc 64 "--to is required"
is "$(dump)" "$before" "refused hand-overs wrote nothing"
run pm-fee handover --to 李会计 --amount 100
is_out "H2026-000001: 100.00 handed to 李会计; 2026-11-30: at the desk before the day 0.00, cash receipts 2100.00, voids and refunds 0.00, handed over 100.00, left 2000.00" \
	"part of it"
run pm-fee handover --to 李会计
is_rc 0 "the rest"
is_out "H2026-000002: 2000.00 handed to 李会计; 2026-11-30: at the desk before the day 0.00, cash receipts 2100.00, voids and refunds 0.00, handed over 2100.00, left 0.00" \
	"reconciled against the day's receipts"
run pm-fee journal --check --date 2026-11-30
is_rc 0 "--check passes once all is handed over"
is_out "date,time,entry,ref,unit,detail,cash_in,cash_out,balance
2026-11-30,,opening,,,,,,0.00
2026-11-30,09:00,payment,R2026-000001,1-1-101,,100.00,,100.00
2026-11-30,09:00,deposit,D2026-000001,1-1-101,装修押金,2000.00,,2100.00
2026-11-30,09:00,handover,H2026-000001,,李会计,,100.00,2000.00
2026-11-30,09:00,handover,H2026-000002,,李会计,,2000.00,0.00
2026-11-30,,closing,,,,,,0.00" "closing = opening + receipts - hand-overs"

# the close
run pm-fee close --month 2026-12
is_rc 65 "a month that has not ended cannot be closed"
is_err "pm-fee: 2026-12 has not ended: a month is closed on its last day (2026-12-31) or later" "saying when it can"
nov="month,what,key,amount
2026-11,bills,billed,210.02
2026-11,bills,adjusted,0.00
2026-11,method,cash,100.00
2026-11,method,transfer,0.00
2026-11,method,wechat,50.00
2026-11,method,alipay,0.00
2026-11,method,card,0.00
2026-11,method,total,150.00
2026-11,item,mgmt,150.00
2026-11,item,total,150.00
2026-11,credit,change,0.00
2026-11,cash,opening,0.00
2026-11,cash,receipts,2100.00
2026-11,cash,paid_out,0.00
2026-11,cash,handed_over,2100.00
2026-11,cash,closing,0.00
2026-11,deposit,taken,2000.00
2026-11,deposit,refunded,0.00
2026-11,deposit,deducted,0.00
2026-11,deposit,held,2000.00"
before=$(dump)
PM_NOW=2026-11-30T18:00 run pm-fee close --month 2026-11 --dry-run
is_out "$nov" "--dry-run shows the totals"
is "$(dump)" "$before" "and locks nothing"
PM_NOW=2026-11-30T18:00 run pm-fee close --month 2026-11
is_rc 0 "close on the month's last day"
is_out "$nov" "by method, item, cash and deposits"
run pm-fee close --month 2026-11
is_rc 65 "a month is closed once"
is_err "pm-fee: 2026-11 is closed already" "saying so"

# the lock: nothing dated in the closed month, by pm-fee or behind its back
before=$(dump)
run pm-fee pay 1-1-101 10 --method cash
is_rc 65 "a payment today, in the closed month, is refused"
is_err "pm-fee: month 2026-11 is closed: record it in an open month (a correction goes into the month it is made in)" \
	"saying where it goes"
PM_NOW=2026-12-01T10:00 run pm-fee pay 1-1-101 10 --method cash --date 2026-11-29
is_rc 65 "so is one back-dated into it"
PM_NOW=2026-12-01T10:00 run pm-fee pay 1-1-101 10 --method cash --date 2026-10-01
is_rc 65 "and one dated in an earlier month"
PM_NOW=2026-12-01T10:00 run pm-fee deposit take 1-1-101 10 --method cash --date 2026-11-29
is_rc 65 "a deposit back-dated into it too"
PM_NOW=2026-12-01T10:00 run pm-fee handover --to 李会计 --date 2026-11-30
is_rc 65 "a hand-over too"
sqlite3 "$PM_DB" "INSERT INTO payment(receipt, unit_id, amount, method, date, at, clerk)
                  VALUES ('X', 1, 1, 'cash', '2026-11-15', 'x', 'x')" 2> "$T/err"
is "$?" 19 "the database itself refuses a row dated in a closed month"
err_has "the month is closed" "with the trigger's message"
sqlite3 "$PM_DB" "UPDATE fee_close_total SET amount = 0" 2> "$T/err"
is "$?" 19 "a close's totals cannot be changed"
sqlite3 "$PM_DB" "DELETE FROM payment" 2> "$T/err"
is "$?" 19 "payments cannot be deleted"
is "$(dump)" "$before" "nothing changed"

# corrections go into the month they are made in
export PM_NOW=2026-12-01T10:00
run pm-fee void R2026-000001 --reason 收错户
is_rc 0 "a void of a closed month's payment, in December"
run pm-fee adjust 1-1-101 mgmt 2026-11 -10 --reason 面积更正
is_rc 0 "an adjustment of a closed month's line, in December"
run pm-fee adjust 1-1-101 mgmt 2026-11 -500 --reason 太多
is_rc 65 "an adjustment below what is owed is refused"
run pm-fee deposit refund D2026-000001 --method cash --deduct 150 --reason 墙面损坏 --deduct 50 --reason 垃圾清运
is_rc 0 "the deposit refunded less two deductions"
is_out "D2026-000001: 1800.00 refunded, 200.00 deducted" "says what went back"
run pm-fee deposit refund D2026-000001 --method cash
is_rc 65 "a deposit is refunded once"
run pm-fee deposit deductions D2026-000001
is_out "deposit,amount,reason
D2026-000001,150.00,墙面损坏
D2026-000001,50.00,垃圾清运" "with the reasons"
run pm-fee journal
is_out "date,time,entry,ref,unit,detail,cash_in,cash_out,balance
2026-12-01,,opening,,,,,,0.00
2026-12-01,10:00,void,R2026-000001,1-1-101,收错户,,100.00,-100.00
2026-12-01,10:00,refund,D2026-000001,1-1-101,装修押金,,1800.00,-1900.00
2026-12-01,,closing,,,,,,-1900.00" "the void and the refund are December's (finance returns the cash)"
run pm-fee totals --month 2026-11
is_out "$nov" "November's totals recomputed are what the close recorded"
run pm-fee totals --month 2026-11 --stored
is_out "$nov" "and what it stored"
run pm-fee totals --month 2026-12
is_out "month,what,key,amount
2026-12,bills,billed,0.00
2026-12,bills,adjusted,-10.00
2026-12,method,cash,-100.00
2026-12,method,transfer,0.00
2026-12,method,wechat,0.00
2026-12,method,alipay,0.00
2026-12,method,card,0.00
2026-12,method,total,-100.00
2026-12,item,mgmt,-100.00
2026-12,item,total,-100.00
2026-12,credit,change,0.00
2026-12,cash,opening,0.00
2026-12,cash,receipts,0.00
2026-12,cash,paid_out,1900.00
2026-12,cash,handed_over,0.00
2026-12,cash,closing,-1900.00
2026-12,deposit,taken,0.00
2026-12,deposit,refunded,1800.00
2026-12,deposit,deducted,200.00
2026-12,deposit,held,0.00" "December carries the corrections"
run pm-fee totals --month 2026-12 --stored
is_rc 65 "an open month has no stored totals"
run pm-fee check
is_rc 0 "the books check out"
is_out "check,result
amounts,ok
sums,ok
lines,ok
payments,ok
numbers,ok
deposits,ok
books,ok
close 2026-11,ok" "every check, and the closed month"

# closes go in order
PM_NOW=2027-02-28T18:00 run pm-fee close --month 2027-02
is_rc 65 "a month cannot be closed while an earlier one with entries is open"
is_err "pm-fee: close 2026-12 first: it has entries and is still open" "naming it"
PM_NOW=2027-02-28T18:00 run pm-fee close --month 2026-12
is_rc 0 "December"
PM_NOW=2027-02-28T18:00 run pm-fee close --month 2027-02
is_rc 0 "then February (January had nothing)"
PM_NOW=2027-02-28T18:00 run pm-fee close --month 2027-01
is_rc 65 "January is locked with it"
run pm-fee check
is_rc 0 "still balanced"

# a tampered close is found (bypassing the triggers on purpose)
sqlite3 "$PM_DB" "DROP TRIGGER fee_close_total_fixed; UPDATE fee_close_total SET amount = 1 WHERE month = '2026-11' AND key = 'cash' AND what = 'method'"
run pm-fee check
is_rc 1 "check finds a close that no longer agrees"
out_has "close 2026-11,the books no longer agree with the close" "and names it"

# the hand-over message adds up: opening + receipts - voids - handed = left
export PM_DB=$T/cash.db PM_NOW=2026-11-30T17:00:00
pm-admin init > /dev/null
pm-admin staff add 李会计 --dept finance --role finance > /dev/null
sql "INSERT INTO unit(code, building, entrance, floor, room, building_area) VALUES ('1-1-101', '1', '1', 1, '101', 8937)"
PM_NOW=2026-11-29T10:00:00 pm-fee pay 1-1-101 100 --method cash > /dev/null 2>&1
pm-fee pay 1-1-101 905 --method cash > /dev/null 2>&1
pm-fee pay 1-1-101 50 --method cash > /dev/null 2>&1
pm-fee void R2026-000003 --reason 收错户 > /dev/null
run pm-fee handover --to 李会计
is_rc 0 "a hand-over after a day that began with cash and had a void"
is_out "H2026-000001: 1005.00 handed to 李会计; 2026-11-30: at the desk before the day 100.00, cash receipts 955.00, voids and refunds 50.00, handed over 1005.00, left 0.00" \
	"names the opening and the void, so the figures add up"

done_testing
