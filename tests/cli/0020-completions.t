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
dump > "$T/before"
PM_DB=$T/none.db pm-owner __complete data UNIT 3 > "$T/out" 2>&1
is "$(cat "$T/out")" "" "completion against a missing database prints nothing"
holds "and creates no database" test ! -e "$T/none.db"

# zsh completion, run for real: an interactive zsh under zpty, compinit,
# the lines typed and <TAB> pressed (tests/cli/comptest.zsh)
if command -v zsh > /dev/null; then
	run timeout 120 zsh "$PM_TOP/tests/cli/comptest.zsh" "$PM_TOP/completions/zsh" \
		'pm-admin sta' 'pm-admin staff ' 'pm-owner show 3-2-15' 'pm-owner show 3-2-1501' \
		'pm-owner movein --by=王' 'pm-owner import --dry'
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
line: pm-owner import --dry-run" "zsh: verbs, unit codes from the database, staff names, options"
else
	ok "# SKIP zsh is not installed"
fi
if command -v fish > /dev/null; then
	run fish -n "$PM_TOP/completions/fish/pm.fish"
	is_rc 0 "fish: the file parses"
	run fish -c "source '$PM_TOP/completions/fish/pm.fish'; complete -C 'pm-owner show 3-2-150'"
	is_out "3-2-1501
3-2-1502" "fish: unit codes from the database"
else
	ok "# SKIP fish is not installed"
fi

done_testing
