#!/bin/sh
# BAD-INPUTS 8: a 0-byte file, a file holding only a BOM, and one of
# blank lines: "no header", exit 65
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
: > "$T/empty.csv"
printf '\357\273\277' > "$T/bom.csv"
printf '\r\n\r\n\n' > "$T/lines.csv"
for f in empty bom lines; do
	run pm-owner import "$T/$f.csv"
	is_rc 65 "$f: refused"
	is_err "pm-owner: $T/$f.csv: no header (the file is empty)" "$f: no header"
	unchanged "$f: nothing written"
done

done_testing
