#!/bin/sh
# fuzz regressions: every input a fuzzer ever crashed, and the seed
# corpora, fed through the same harness code (tests/fuzz/fuzz_*.c) built
# with replay.c as main(): in the ASan+UBSan build a finding aborts again
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

fuzz=$PM_TOP/tests/fuzz
for h in "$PM_BUILD"/tests/fuzz-replay-*; do
	[ -x "$h" ] || continue
	t=${h##*/fuzz-replay-}
	set --
	for f in "$fuzz/regressions/$t"/* "$fuzz/seeds/$t"/*; do
		[ -f "$f" ] && set -- "$@" "$f"
	done
	if [ $# = 0 ]; then
		ok "$t: no inputs yet"
		continue
	fi
	run "$h" "$@"
	is_rc 0 "$t: $# regression and seed inputs replay clean"
	is "$(grep -c '^ok ' "$T/out")" "$#" "$t: every input was run"
done
# the harnesses are all there: a build that lost one would pass silently
is "$(find "$PM_BUILD/tests" -name 'fuzz-replay-*' ! -name '*.d' | wc -l | tr -d ' ')" \
	"$(find "$fuzz" -name 'fuzz_*.c' ! -name fuzz_file.c | wc -l | tr -d ' ')" \
	"one replay binary per harness"

done_testing
