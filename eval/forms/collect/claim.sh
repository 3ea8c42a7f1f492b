#!/bin/bash
# claim.sh PART owner/name: append a claim to $COLLECT_DIR/claims.txt, re-read it, print OK only when PART holds the
# first claim (USED: in used-repos.txt; TAKEN: another part was first). Parts that collect at once share the file.
D=${COLLECT_DIR:?set COLLECT_DIR to the collection folder}; P=$1; r=$2
l=$(echo "$r" | tr 'A-Z' 'a-z')
if grep -qxF "$l" "$D/used-repos.txt"; then echo "USED $r"; exit 1; fi
( flock 9; printf '%s\t%s\n' "$l" "$P" >> "$D/claims.txt" ) 9>"$D/.lock"
first=$(awk -F'\t' -v r="$l" '$1==r{print $2; exit}' "$D/claims.txt")
if [ "$first" = "$P" ]; then echo "OK $r"; else echo "TAKEN $r by $first"; exit 1; fi
