#!/bin/sh
# shell completion: generated from the binaries, current, complete, working
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

# the files in completions/ are what the generator makes of these binaries
run python3 "$PM_TOP/tools/gencomp.py" "$PM_BUILD/bin" "$T/comp"
is_rc 0 "the generator runs"
for f in bash/pm zsh/_pm fish/pm.fish; do
	holds "completions/$f is current (make completions)" cmp -s "$T/comp/$f" "$PM_TOP/completions/$f"
done

# every option every verb's --help lists is in each completion file
missing=
for bin in "$PM_BUILD"/bin/pm-*; do
	b=${bin##*/}
	for verb in $("$bin" __complete verbs); do
		subs=$("$bin" __complete verbs "$verb")
		for path in ${subs:+$(for s in $subs; do echo "$verb:$s"; done)} ${subs:-$verb}; do
			# the verb path is words: split it on purpose
			# shellcheck disable=SC2046
			"$bin" $(echo "$path" | tr : ' ') --help > "$T/help" 2>&1
			grep -o -- '--[a-z][a-z-]*' "$T/help" | sort -u > "$T/opts"
			while read -r o; do
				for f in bash/pm zsh/_pm fish/pm.fish; do
					case $f in
					fish/*) pat="-l ${o#--}" ;;
					*) pat=$o ;;
					esac
					grep -qF -- "$pat" "$PM_TOP/completions/$f" || missing="$missing $b:$path:$o:$f"
				done
			done < "$T/opts"
		done
	done
done
is "$missing" "" "every option in --help appears in every completion file"

# bash completion, run for real
pm-admin init > /dev/null
pm-admin staff add 王芳 --dept service --role clerk > /dev/null
pm-owner unit add 3-2-1501 > /dev/null
pm-owner unit add 3-2-1502 > /dev/null
cat > "$T/complete.bash" <<'BASH'
source "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$(( $# - 1 ))
COMPREPLY=()
_pm
printf '%s\n' "${COMPREPLY[@]}"
BASH
run bash "$T/complete.bash" "$PM_TOP/completions/bash/pm" pm-admin st
is_out "staff" "bash: a verb"
run bash "$T/complete.bash" "$PM_TOP/completions/bash/pm" pm-admin staff ""
is_out "add
list
set
leave
help" "bash: the sub-verbs of staff"
run bash "$T/complete.bash" "$PM_TOP/completions/bash/pm" pm-owner show 3-2-15
is_out "3-2-1501
3-2-1502" "bash: unit codes from the database"
run bash "$T/complete.bash" "$PM_TOP/completions/bash/pm" pm-owner movein --by=王
is_out "王芳" "bash: staff names for a STAFF option"
run bash "$T/complete.bash" "$PM_TOP/completions/bash/pm" pm-owner list -o j
is_out "json" "bash: formats"
run bash "$T/complete.bash" "$PM_TOP/completions/bash/pm" pm-owner import --dry
is_out "--dry-run" "bash: options of a verb"
# record numbers: tickets, fee receipts, renovation and move-out permits
printf '%s\n' unit,name,id_no,move_in 1-1-101,王伟,11010519491231002X,2021-03-01 > "$T/owner.csv"
pm-owner import "$T/owner.csv" > /dev/null
PM_USER=王芳 pm-ticket new --unit 1-1-101 --category leak 卫生间渗水 > /dev/null
PM_USER=王芳 pm-ticket new --unit 1-1-101 --category leak 厨房漏水 > /dev/null
PM_USER=王芳 pm-ticket close T2026-000001 --notes 重复 > /dev/null 2>&1
pm-fee pay 1-1-101 300 --method cash > /dev/null 2>&1
pm-owner moveout 1-1-101 --goods 家具一批 --by 王芳 > /dev/null
pm-reno apply 1-1-101 --applicant 王伟 --contractor 好家装修 --scope 厨卫 \
	--start 2026-04-01 --end 2026-05-01 > /dev/null
run pm-ticket __complete data TICKET T
is_out "T2026-000002
T2026-000001" "tickets: the ones not closed first"
run bash "$T/complete.bash" "$PM_TOP/completions/bash/pm" pm-ticket show T
is_out "T2026-000002
T2026-000001" "bash: ticket numbers"
run bash "$T/complete.bash" "$PM_TOP/completions/bash/pm" pm-ticket dispatch T2026-0000
is_out "T2026-000002
T2026-000001" "bash: ticket numbers for dispatch"
run bash "$T/complete.bash" "$PM_TOP/completions/bash/pm" pm-fee void R
is_out "R2026-000001" "bash: receipt numbers"
run bash "$T/complete.bash" "$PM_TOP/completions/bash/pm" pm-fee receipt ""
is_out "R2026-000001" "bash: receipt numbers, nothing typed"
run bash "$T/complete.bash" "$PM_TOP/completions/bash/pm" pm-owner permit ""
is_out "F2026-000001" "bash: pm-owner's permits are move-outs' goods release permits"
run bash "$T/complete.bash" "$PM_TOP/completions/bash/pm" pm-reno log ""
is_out "Z2026-000001" "bash: pm-reno's permits are renovation permits"
run bash "$T/complete.bash" "$PM_TOP/completions/bash/pm" pm-reno passes Z
is_out "Z2026-000001" "bash: an optional [PERMIT] argument"

# more units than the 200 completion used to stop at, all starting 3-:
# every one is offered, the 300th too
printf 'unit\n' > "$T/units.csv"
for e in 4 5 6; do
	for f in $(seq 1 20); do
		for r in 01 02 03 04 05; do echo "3-$e-$f$r"; done
	done
done >> "$T/units.csv"
pm-owner import "$T/units.csv" > /dev/null
run bash "$T/complete.bash" "$PM_TOP/completions/bash/pm" pm-owner show 3-
is "$(wc -l < "$T/out" | tr -d ' ')" 302 "bash: all 302 units starting 3- (past the old cap of 200)"
out_has "3-6-2005" "bash: the last of them"
run bash "$T/complete.bash" "$PM_TOP/completions/bash/pm" pm-owner show 3-6-200
is_out "3-6-2001
3-6-2002
3-6-2003
3-6-2004
3-6-2005" "bash: the prefix narrows in SQL"
run pm-owner __complete data UNIT 3-6-20%
is "$(cat "$T/out")" "" "a % in the word typed is a character, not a wildcard"
run pm-owner __complete data UNIT 3_6
is "$(cat "$T/out")" "" "nor is _"

dump > "$T/before"
PM_DB=$T/none.db pm-owner __complete data UNIT 3 > "$T/out" 2>&1
is "$(cat "$T/out")" "" "completion against a missing database prints nothing"
holds "and creates no database" test ! -e "$T/none.db"

# zsh completion, run for real: an interactive zsh under zpty, compinit,
# the lines typed and <TAB> pressed (tests/cli/comptest.zsh)
if command -v zsh > /dev/null; then
	run timeout 120 zsh "$PM_TOP/tests/cli/comptest.zsh" "$PM_TOP/completions/zsh" \
		'pm-admin sta' 'pm-admin staff ' 'pm-owner show 3-2-15' 'pm-owner show 3-2-1501' \
		'pm-owner movein --by=王' 'pm-owner import --dry' 'pm-ticket show T' \
		'pm-fee void R' 'pm-owner permit ' 'pm-reno log ' 'pm-owner list -o j' \
		'pm-owner movein 1-1-101 --by 王' 'pm-ticket close T2026-000002 --notes '
	is_rc 0 "zsh: the completion harness runs"
	is_out "line: pm-admin staff 
line: pm-admin staff 
match: add
match: leave
match: list
match: set
line: pm-owner show 3-2-150
match: 3-2-1501
match: 3-2-1502
line: pm-owner show 3-2-1501 
line: pm-owner movein --by=王芳 
line: pm-owner import --dry-run
line: pm-ticket show T2026-00000
match: T2026-000001
match: T2026-000002
line: pm-fee void R2026-000001 
line: pm-owner permit F2026-000001 
line: pm-reno log Z2026-000001 
line: pm-owner list -o json 
line: pm-owner movein 1-1-101 --by 王芳 
line: pm-ticket close T2026-000002 --notes " "zsh: verbs, unit codes, staff names, options and their values, ticket, receipt and permit numbers"
	run timeout 120 zsh "$PM_TOP/tests/cli/comptest.zsh" "$PM_TOP/completions/zsh" 'pm-owner show 3-'
	is "$(grep -c '^match: ' "$T/out")" 302 "zsh: all 302 units starting 3- are listed"
	out_has "match: 3-6-2005" "zsh: the last of them too"
else
	ok "# SKIP zsh is not installed"
fi
if command -v fish > /dev/null; then
	run fish -n "$PM_TOP/completions/fish/pm.fish"
	is_rc 0 "fish: the file parses"
	run fish -c "source '$PM_TOP/completions/fish/pm.fish'; complete -C 'pm-owner show 3-2-150'"
	is_out "3-2-1501
3-2-1502" "fish: unit codes from the database"
	run fish -c "source '$PM_TOP/completions/fish/pm.fish'; complete -C 'pm-ticket show T'"
	is_out "T2026-000001
T2026-000002" "fish: ticket numbers (fish sorts them)"
	run fish -c "source '$PM_TOP/completions/fish/pm.fish'; complete -C 'pm-owner permit '"
	is_out "F2026-000001" "fish: move-out permits"
else
	ok "# SKIP fish is not installed"
fi

done_testing
