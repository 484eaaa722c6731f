#!/bin/sh
# pm-fee receipt -o html: a receipt to print and hand over; arrears
# --letters -o html: a reminder letter per household, a page each
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init --estate 阳光花园 > /dev/null
sql "INSERT INTO unit(code, building, entrance, floor, room, building_area) VALUES ('1-1-101', '1', '1', 1, '101', 8937);
     INSERT INTO person(name, phone) VALUES ('张三', '13800138000');
     INSERT INTO ownership(unit_id, person_id) VALUES (1, 1);
     INSERT INTO movein(unit_id, date) VALUES (1, '2026-01-10')"
pm-fee item add mgmt --name 物业费 --basis area --rate 2.35 --since 2026-01
pm-fee bill --period 2026-11 > /dev/null
pm-fee pay 1-1-101 300 --method 现金 --payer 张小三 > /dev/null 2>&1

run pm-fee receipt R2026-000001 -o html
is_rc 0 "receipt -o html"
out_has '<p class="estate">阳光花园</p>' "the estate's name on top"
out_has '<h1>Receipt (收款收据)</h1>' "titled as a receipt"
out_has '<tr><th>Total</th><td class="num">300.00</td></tr>' "the total in figures"
out_has '<tr><th>In words</th><td>叁佰元整</td></tr>' "and in capitals, as receipts write it"
out_has '<tr><td>物业费</td><td>2026-11</td><td class="num">210.02</td></tr>' "each line paid"
out_has '<td>credit</td><td></td><td class="num">89.98</td>' "and what went to credit"
out_has '<div>Cashier</div><div>Paid by</div><div>Date</div>' "signature lines"
run env LC_ALL=zh_CN.UTF-8 pm-fee receipt R2026-000001 -o html
out_has '¥300.00' "under Chinese messages the money is written ¥300.00"
out_has '2026年11月30日' "and the date the Chinese way"
run pm-fee receipt R2026-000009 -o html
is_rc 65 "an unknown receipt"

# two households owe: one letter each, on its own page
sql "INSERT INTO unit(code, building, entrance, floor, room, building_area) VALUES ('1-1-102', '1', '1', 1, '102', 10000);
     INSERT INTO person(name, phone) VALUES ('李四', '13900139000');
     INSERT INTO ownership(unit_id, person_id) VALUES (2, 2);
     INSERT INTO movein(unit_id, date) VALUES (2, '2026-01-10')"
PM_NOW=2026-12-01T08:00 pm-fee bill --period 2026-12 > /dev/null
run pm-fee arrears --letters -o html
is_rc 0 "arrears --letters -o html"
is "$(grep -c '<h1>Reminder of fees owed (催缴通知书)</h1>' "$T/out")" 2 "a letter for each household owing"
is "$(grep -c 'class="page-break"></div>' "$T/out")" 1 "each after the first on a new page"
is "$(grep -c '<p class="estate">阳光花园</p>' "$T/out")" 2 "every page carries the estate's name"
out_has '<p class="note">Dear 李四 (unit 1-1-102):</p>' "addressed to the owner"
out_has '<tr><th>Phone</th><td>139****9000</td></tr>' "the phone masked"
out_has '<div>Property service centre (seal)</div>' "a place for the seal"
out_has 'As of 2026-11-30 our records show' "the letter's date in its prose"
run env LC_ALL=zh_CN.UTF-8 pm-fee arrears --letters -o html
out_has '截至 2026年11月30日，' "under Chinese messages the prose's date is written as the table's"
run pm-fee arrears --letters -o csv --no-header
is "$(wc -l < "$T/out" | tr -d ' ')" 2 "the same letters as csv for mail merge"

done_testing
