#!/usr/bin/env zsh
# comptest.zsh COMPDIR LINE...: for each LINE, type it and <TAB> into an
# interactive zsh (zsh -f under zsh/zpty, compinit, COMPDIR first in
# fpath) and print what completion did:
#   line: the command line after <TAB>
#   match: each candidate listed (marked out with list-colors, the way
#          zsh's own Test/comptest reads listings)
# The markers are written split ('<RE''ADY>') so that the terminal's
# echo of a command never matches what we wait for; each line is typed
# at a fresh <PROMPT> (PS1), when zle is reading.
zmodload zsh/zpty || exit 70
compdir=$1
shift
zpty z zsh -f -i || exit 70
send() { zpty -w z "$1" || exit 71 }
send "PS1='<PR''OMPT>' PS2='' RPS1=''; TERM=dumb; LISTMAX=100000"
send "unsetopt zle_bracketed_paste beep list_ambiguous"
send "fpath=(${(q)compdir} \$fpath); autoload -Uz compinit; compinit -u -D"
send "zstyle ':completion:*:default' list-colors 'no=<NO>' 'lc=<LC>' 'rc=' 'ec=<EC>'"
send "zle-finish() { local m=LINE; print -r -- \"<\$m>\$BUFFER</\$m>\"; BUFFER=; zle accept-line }"
send "zle -N zle-finish; bindkey '^Z' zle-finish; print '<RE''ADY>'"
zpty -r z out '*<READY>*' || exit 72
for line; do
	# type only at a fresh prompt: zle is reading, nothing is lost
	zpty -r z out '*<PROMPT>*' || exit 72
	zpty -n -w z "$line"$'\t'$'\C-z' || exit 71
	out=
	zpty -r z out '*</LINE>*' || exit 72
	out=${out//$'\r'/}
	print -r -- "line: ${${out##*<LINE>}%%</LINE>*}"
	for m in ${(s:<LC>:)out}; do
		# a candidate is <LC><NO>word<EC>; the padding between columns is not
		[[ $m == '<NO>'*'<EC>'* ]] || continue
		m=${m#<NO>}
		print -r -- "match: ${m%%<EC>*}"
	done
done
zpty -d z
