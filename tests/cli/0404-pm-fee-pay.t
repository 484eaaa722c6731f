#!/bin/sh
# pm-fee pay, receipt, void, payments: allocation oldest first, chosen
# items, credit used by the next bill, receipt numbers, money as desks
# write it, references that make a re-run a no-op
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init --estate 阳光花园 > /dev/null
sql "INSERT INTO unit(code, building, entrance, floor, room, building_area) VALUES
      ('1-1-101', '1', '1', 1, '101', 8937), ('1-1-102', '1', '1', 1, '102', 12050);
     INSERT INTO person(name, phone) VALUES ('张三', '13800138000'), ('李四', '13900139000');
     INSERT INTO ownership(unit_id, person_id) VALUES (1, 1), (2, 2);
     INSERT INTO movein(unit_id, date, water) VALUES (1, '2026-01-10', 10000), (2, '2026-01-10', 0)"
pm-fee item add mgmt --name 物业费 --basis area --rate 2.35 --since 2026-01
pm-fee item add water --name 水费 --basis meter --meter water --rate 3.5 --agent --since 2026-01
PM_NOW=2026-10-31T09:00 pm-fee bill --period 2026-10 --item mgmt 1-1-101 > /dev/null
pm-fee reading add 1-1-101 water 123.45 --date 2026-11-25
pm-fee bill --period 2026-11 1-1-101 > /dev/null

run pm-fee pay 1-1-101 300 --method 现金
is_rc 0 "pay in cash, the method in Chinese"
is_out "R2026-000001" "prints the receipt number and where the money went: the number on stdout"
is_err "pm-fee: R2026-000001: 300.00 received, 300.00 to bills, 0.00 credit" "prints the receipt number and where the money went"
is "$(sql "SELECT b.period, i.code, l.amount FROM alloc l JOIN bill b ON b.id = l.bill_id
           JOIN fee_item i ON i.id = b.item_id ORDER BY l.id")" \
"2026-10|mgmt|21002
2026-11|mgmt|8998" "the oldest line first, then the next"

run pm-fee pay 1-1-101 100 --method wechat --item 水费 --payer 张小三
is_rc 0 "pay a chosen item"
is_out "R2026-000002" "the rest is credit: the number on stdout"
is_err "pm-fee: R2026-000002: 100.00 received, 82.08 to bills, 17.92 credit" "the rest is credit"
is "$(sql "SELECT count(*) FROM alloc l JOIN bill b ON b.id = l.bill_id WHERE l.payment_id = 2 AND b.item_id = 1")" 0 \
	"nothing went to the property fee"

run pm-fee receipt R2026-000001
is_rc 0 "receipt"
is_out "阳光花园
RECEIPT R2026-000001
Date:    2026-11-30T09:00:00
Unit:    1-1-101
Owner:   张三
Method:  cash

  物业费         2026-10                210.02
  物业费         2026-11                 89.98
  TOTAL                                 300.00
  In words: 叁佰元整

Clerk:   root" "prints a receipt to hand over, the amount in capitals"
run pm-fee receipt r2026-000002 -o csv
is_out "receipt,date,unit,method,item,name,period,amount,voided
R2026-000002,2026-11-30,1-1-101,wechat,water,水费,2026-11,82.08,
R2026-000002,2026-11-30,1-1-101,wechat,credit,credit,,17.92," "and as rows with --format"
run pm-fee receipt R2026-999999
is_rc 65 "an unknown receipt"
is_err "pm-fee: no receipt 'R2026-999999'" "is named"

# money as desks write it; what is not money is refused, writing nothing
before=$(dump)
for bad in 12.345 -0 1e3 NaN 0x10 1234567890123456789012345 '' abc 1,23,4 -5; do
	run pm-fee pay 1-1-102 "$bad" --method cash
	is_rc 65 "amount '$bad' is refused"
done
is_err "pm-fee: amount '-5': a payment is more than 0.00" "a negative payment says why"
run pm-fee pay 1-1-102 100 --method bitcoin
is_rc 65 "an unknown method is refused"
is_err "pm-fee: unknown payment method 'bitcoin' (one of: cash, transfer, wechat, alipay, card)" "naming the choices"
run pm-fee pay 1-1-102 100
is_rc 64 "--method is required"
run pm-fee pay 9-9-999 100 --method cash
is_rc 65 "an unknown unit is refused"
run pm-fee pay 1-1-102 100 --method cash --date 2026-12-01
is_rc 65 "a payment dated in the future is refused"
run pm-fee pay 1-1-102 10000 --method cash --no-credit
is_rc 65 "--no-credit refuses more than is owed"
is_err "pm-fee: payment 10000.00 is more than the 0.00 owed" "saying how much is owed"
is "$(dump)" "$before" "none of them wrote anything, not even a receipt number"
for good in '1,234.50' '¥1234.5' '1234.5元' '￥0.05' '１０'; do
	run pm-fee pay 1-1-102 "$good" --method transfer
	is_rc 0 "amount '$good' is taken"
done
is "$(sql "SELECT group_concat(amount, ' ') FROM payment WHERE unit_id = 2")" "123450 123450 123450 5 1000" \
	"and stored in fen"
is "$(sql "SELECT group_concat(receipt, ' ') FROM payment")" \
	"R2026-000001 R2026-000002 R2026-000003 R2026-000004 R2026-000005 R2026-000006 R2026-000007" \
	"receipt numbers follow each other, each used once"

# a reference makes a re-run (an import from the bank, cron) a no-op
run pm-fee pay 1-1-102 88 --method transfer --ref BANK-0001
is_out "R2026-000008" "the first time it is taken: the number on stdout"
is_err "pm-fee: R2026-000008: 88.00 received, 0.00 to bills, 88.00 credit" "the first time it is taken"
before=$(dump)
run pm-fee pay 1-1-102 88 --method transfer --ref BANK-0001
is_rc 0 "the same reference again"
is_out "R2026-000008" "is a no-op: the number on stdout"
is_err "pm-fee: R2026-000008: recorded before with this reference; nothing written" "is a no-op"
is "$(dump)" "$before" "that writes nothing"

# credit is used by the next bill
PM_NOW=2026-12-31T09:00 run pm-fee bill --period 2026-12 --item mgmt
is_rc 0 "December's bill"
run pm-fee bills 1-1-102 -o csv
is_out "unit,item,period,amount,adjusted,paid,owed,how
1-1-102,mgmt,2026-12,283.18,0.00,283.18,0.00,120.50 m² × 2.35 = 283.18" \
	"the unit's credit paid its line as soon as it was raised"
is "$(sql "SELECT b.period, l.amount FROM alloc l JOIN bill b ON b.id = l.bill_id
           JOIN payment p ON p.id = l.payment_id WHERE p.unit_id = 1 AND p.receipt = 'R2026-000002' ORDER BY l.id")" \
"2026-11|8208
2026-11|1792" "1-1-101's credit of 17.92 went to the oldest line that still owed"

# voids: kept, with their reason; the lines owe again
run pm-fee void R2026-000001
is_rc 65 "a void needs a reason"
run pm-fee void R2026-000001 --reason 收错户
is_rc 0 "void"
is "$(sql "SELECT voided, void_reason FROM payment WHERE receipt = 'R2026-000001'")" "2026-11-30|收错户" \
	"the payment stays, marked void with its reason"
run pm-fee bills 1-1-101 --open -o csv
is_out "unit,item,period,amount,adjusted,paid,owed,how
1-1-101,mgmt,2026-10,210.02,0.00,0.00,210.02,89.37 m² × 2.35 = 210.02
1-1-101,mgmt,2026-11,210.02,0.00,17.92,192.10,89.37 m² × 2.35 = 210.02
1-1-101,mgmt,2026-12,210.02,0.00,0.00,210.02,89.37 m² × 2.35 = 210.02" "its lines owe again (less the other payment's credit)"
before=$(dump)
run pm-fee void R2026-000001 --reason again
is_rc 65 "a second void is refused"
is_err "pm-fee: receipt 'R2026-000001' is void already" "saying so"
run pm-fee void R2026-000099 --reason x
is_rc 65 "voiding an unknown receipt is refused"
is "$(dump)" "$before" "writing nothing"
run pm-fee receipt R2026-000001
out_has "*** VOID on 2026-11-30: 收错户 ***" "the receipt says it is void"
is "$(sql "SELECT change FROM audit WHERE change LIKE '%void%'")" "receipt R2026-000001 void (300.00): 收错户" \
	"the void is audited"

run pm-fee payments 1-1-101 -o csv
is_out "receipt,date,unit,amount,method,allocated,payer,ref,clerk,voided,void_reason
R2026-000001,2026-11-30,1-1-101,300.00,cash,300.00,,,root,2026-11-30,收错户
R2026-000002,2026-11-30,1-1-101,100.00,wechat,100.00,张小三,,root,," "payments lists them"

# a new year starts the numbers again
PM_NOW=2027-01-02T09:00 run pm-fee pay 1-1-101 10 --method cash
is_out "R2027-000001" "R2027-000001: the number on stdout"
is_err "pm-fee: R2027-000001: 10.00 received, 10.00 to bills, 0.00 credit" "R2027-000001"

done_testing
