#!/bin/sh
# The books balance for any history: a seeded random script of bills,
# payments in every method, voids, adjustments, credits, hand-overs and
# monthly closes; after every month billed - collected = arrears, the
# cash journal's closing = opening + receipts - paid out - hand-overs,
# every receipt number is used once, and no closed month changes.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
pm-admin staff add 李会计 --dept finance --role finance
sql "INSERT INTO unit(code, building, entrance, floor, room, building_area) VALUES
      ('1-1-101', '1', '1', 1, '101', 8937), ('1-1-102', '1', '1', 1, '102', 12050),
      ('2-1-201', '2', '1', 2, '201', 6633), ('2-1-202', '2', '1', 2, '202', 14411),
      ('3-1-301', '3', '1', 3, '301', 10001);
     INSERT INTO movein(unit_id, date) VALUES (1, '2025-12-01'), (2, '2025-12-01'), (3, '2025-12-01'),
      (4, '2026-02-11'), (5, '2025-12-01')"
PM_NOW=2026-01-01 pm-fee item add mgmt --name 物业费 --basis area --rate 2.35 --since 2026-01
PM_NOW=2026-01-01 pm-fee item add lift --name 电梯费 --basis unit --rate 15.5 --since 2026-01
PM_NOW=2026-01-01 pm-fee item add misc --name 杂费 --basis fixed --rate 12.34 --since 2026-01
PM_NOW=2026-01-01 pm-admin settings set fee.movein_billing days

# fen -> yuan text
yuan() { awk -v f="$1" 'BEGIN { s = f < 0 ? "-" : ""; if (f < 0) f = -f; printf "%s%d.%02d\n", s, int(f / 100), f % 100 }'; }
# yuan text -> fen
fen() { awk -v v="$1" 'BEGIN { neg = v ~ /^-/; sub(/^-/, "", v); split(v, p, "."); f = p[1] * 100 + p[2]; printf "%d\n", neg ? -f : f }'; }
# sum a money column (by name) of CSV on stdin, in fen
sumcol() {
	awk -F, -v c="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; next }
		{ v = $k; neg = v ~ /^-/; sub(/^-/, "", v); split(v, p, "."); f = p[1] * 100 + p[2];
		  t += neg ? -f : f } END { printf "%d\n", t }'
}

awk 'BEGIN {
	srand(20261130)
	units[1] = "1-1-101"; units[2] = "1-1-102"; units[3] = "2-1-201"; units[4] = "2-1-202"; units[5] = "3-1-301"
	methods[1] = "cash"; methods[2] = "transfer"; methods[3] = "wechat"; methods[4] = "alipay"; methods[5] = "card"
	days[1] = 31; days[2] = 28; days[3] = 31; days[4] = 30; days[5] = 31; days[6] = 30
	r = 0
	for (m = 1; m <= 6; m++) {
		mm = sprintf("2026-%02d", m)
		printf "%s-%02dT09:00 bill --period %s\n", mm, days[m], mm
		n = 3 + int(rand() * 5)
		for (i = 0; i < n; i++) {
			u = units[1 + int(rand() * 5)]
			amt = 1 + int(rand() * 60000)
			printf "%s-%02dT10:%02d pay %s %d.%02d --method %s\n", mm, days[m], i, u, amt / 100, amt % 100, methods[1 + int(rand() * 5)]
			r++
			if (rand() < 0.25)
				printf "%s-%02dT11:%02d void R2026-%06d --reason mistake\n", mm, days[m], i, r
		}
		if (rand() < 0.5)
			printf "%s-%02dT12:00 charge %s misc --qty %d\n", mm, days[m], units[1 + int(rand() * 5)], 1 + int(rand() * 3)
		if (rand() < 0.5)
			printf "%s-%02dT12:30 adjust %s mgmt %s -%d.%02d --reason correction\n", mm, days[m], units[1 + int(rand() * 3)], mm, int(rand() * 50), int(rand() * 100)
		if (rand() < 0.7)
			printf "%s-%02dT17:00 handover --to 李会计\n", mm, days[m]
		printf "%s-%02dT18:00 close --month %s\n", mm, days[m], mm
	}
}' > "$T/script"

month=
failed_ops=0
while read -r now verb rest; do
	# shellcheck disable=SC2086
	PM_NOW=$now run pm-fee $verb $rest
	case $rc in
	0) ;;
	65) # refusals allowed: an adjustment larger than what is owed, a
	    # hand-over with no cash, a void of a number refused before
	    case $verb in adjust|handover|void) ;; *) failed_ops=$((failed_ops + 1)) ;; esac ;;
	*) failed_ops=$((failed_ops + 1)) ;;
	esac
	[ "$verb" = close ] || continue
	month=${now%-*}
	export PM_NOW="$now"
	billed=$(sql "SELECT (SELECT coalesce(sum(amount), 0) FROM bill) + (SELECT coalesce(sum(amount), 0) FROM adjustment)")
	collected=$(sql "SELECT coalesce(sum(l.amount), 0) FROM alloc l JOIN payment p ON p.id = l.payment_id WHERE p.voided IS NULL")
	pm-fee arrears > "$T/arrears"
	arrears=$(sumcol total < "$T/arrears")
	is "$((billed - collected))" "$arrears" "$month: billed - collected = arrears ($(yuan "$arrears"))"
	credit=$(sql "SELECT (SELECT coalesce(sum(amount), 0) FROM payment WHERE voided IS NULL) - $collected")
	if [ "$credit" -ge 0 ]; then
		ok "$month: credit is never negative ($(yuan "$credit"))"
	else
		not_ok "$month: credit $credit"
	fi
	pm-fee journal --month "$month" > "$T/journal"
	opening=$(awk -F, '$3 == "opening" { print $9 }' "$T/journal")
	closing=$(awk -F, '$3 == "closing" { print $9 }' "$T/journal")
	cin=$(sumcol cash_in < "$T/journal")
	cout=$(sumcol cash_out < "$T/journal")
	want=$(sql "SELECT
	  (SELECT coalesce(sum(amount), 0) FROM payment WHERE method = 'cash' AND substr(date, 1, 7) <= '$month')
	- (SELECT coalesce(sum(amount), 0) FROM payment WHERE method = 'cash' AND substr(voided, 1, 7) <= '$month')
	- (SELECT coalesce(sum(amount), 0) FROM handover WHERE substr(date, 1, 7) <= '$month')")
	is "$(yuan "$want")" "$closing" "$month: the journal closes on cash in less cash out less hand-overs"
	is "$(( $(fen "$opening") + cin - cout ))" "$(fen "$closing")" \
		"$month: closing = opening + receipts - paid out and handed over"
	PM_NOW=$now run pm-fee check
	is_rc 0 "$month: pm-fee check passes (receipt numbers once each, closes unchanged)"
done < "$T/script"
is "$failed_ops" 0 "every operation of the script was taken or refused as expected"
is "$(sql "SELECT count(*) FROM fee_close")" 6 "six months closed"
is "$(sql "SELECT count(*) FROM payment")" "$(sql "SELECT last FROM counter WHERE prefix = 'R' AND year = 2026")" \
	"as many payments as receipt numbers given out"
is "$(sql "SELECT count(*) FROM payment WHERE voided IS NOT NULL") -gt 0" \
	"$(sql "SELECT count(*) FROM payment WHERE voided IS NOT NULL") -gt 0" "the script voided some payments"
if [ "$(sql "SELECT count(*) FROM payment WHERE voided IS NOT NULL")" -gt 0 ] &&
	[ "$(sql "SELECT count(*) FROM adjustment")" -gt 0 ] &&
	[ "$(sql "SELECT count(*) FROM payment p WHERE amount > (SELECT coalesce(sum(amount), 0) FROM alloc WHERE payment_id = p.id)")" -gt 0 ]; then
	ok "the history has voids, adjustments and credit"
else
	not_ok "the history has voids, adjustments and credit"
fi

# and afterwards, every closed month's totals are still what was recorded
for m in 01 02 03 04 05 06; do
	pm-fee totals --month 2026-$m > "$T/now"
	pm-fee totals --month 2026-$m --stored > "$T/then"
	holds "2026-$m unchanged since its close" cmp -s "$T/now" "$T/then"
done

done_testing
