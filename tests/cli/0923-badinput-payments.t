#!/bin/sh
# BAD-INPUTS 23: negative payments, payments above what is owed, the same
# payment twice (cron re-running an import of bank transfers): refused or
# an idempotent no-op, never counted twice; whatever happens, what was
# allocated never exceeds what was billed.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
pm-fee item add mgmt --name 物业费 --basis area --rate 2.35 --since 2026-01 > /dev/null
pm-fee bill --period 2026-11 > /dev/null
dump > "$T/before"

for amount in -100 0 -0 12.345 1e3 NaN 0x10 '' 99999999999999999999999; do
	run pm-fee pay 1-1-101 "$amount" --method cash
	case $rc in
	64|65) ok "pay '$amount' is refused ($rc)" ;;
	*) not_ok "pay '$amount' is refused" "$(diag_last)" ;;
	esac
	# (a 23-digit amount is quoted back as typed: that is no phone number)
	[ ${#amount} -lt 11 ] && no_pii "pay '$amount': no phone or ID number in the message"
done
unchanged "refused payments write nothing"

# more than is owed: refused when asked, else the rest is credit
run pm-fee pay 1-1-101 1000 --method cash --no-credit
is_rc 65 "more than is owed, with --no-credit, is refused"
unchanged "and writes nothing"
run pm-fee pay 1-1-101 1000 --method cash
is_rc 0 "more than is owed is taken"
is "$(sql "SELECT sum(amount) FROM alloc")" 21002 "only what was owed is allocated (210.02)"

# the same bank transfer twice: the second is a no-op
run pm-fee pay 1-1-102 100 --method transfer --ref BANK-20261130-0001
is_rc 0 "a transfer with its bank reference"
dump > "$T/once"
run pm-fee pay 1-1-102 100 --method transfer --ref BANK-20261130-0001
is_rc 0 "the same transfer again (cron ran twice)"
err_has "recorded before with this reference; nothing written" "is recognised"
dump > "$T/twice"
holds "and counted once: the database is as after the first" cmp -s "$T/once" "$T/twice"

# money as desks write it (row 22): a currency sign, 元, thousands commas
for amount in '¥1,000.50' '￥20' '35.5元' '１２'; do
	run pm-fee pay 1-1-103 "$amount" --method cash
	is_rc 0 "pay '$amount' is read"
done
is "$(sql "SELECT group_concat(amount, ' ') FROM (SELECT amount FROM payment p JOIN unit u ON u.id = p.unit_id WHERE u.code = '1-1-103' ORDER BY p.id)")" \
	"100050 2000 3550 1200" "to the fen: 1000.50, 20, 35.50, 12"
run pm-fee pay 1-1-103 '1,00' --method cash
is_rc 65 "a comma that does not group thousands is refused"

# the invariant, whatever was paid
is "$(sql "SELECT count(*) FROM bill b WHERE (SELECT coalesce(sum(amount), 0) FROM alloc a WHERE a.bill_id = b.id) > b.amount")" 0 \
	"no bill has more allocated to it than it bills"
run pm-fee check
is_rc 0 "pm-fee check finds the books balanced"

done_testing
