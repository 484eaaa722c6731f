#!/bin/sh
# pm-fee receipt -o html: a receipt to print and hand over
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

done_testing
