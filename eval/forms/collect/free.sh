#!/bin/bash
# free.sh owner/name ...: print each candidate that is neither in $COLLECT_DIR/used-repos.txt nor claimed (any case).
D=${COLLECT_DIR:?set COLLECT_DIR to the collection folder}
touch "$D/claims.txt"
for r in "$@"; do
  l=$(echo "$r" | tr 'A-Z' 'a-z')
  grep -qxF "$l" "$D/used-repos.txt" && continue
  cut -f1 "$D/claims.txt" | grep -qxF "$l" && continue
  echo "$r"
done
