#!/usr/bin/env bash
# Counts the instructions of one build of the synthetic report under valgrind's callgrind:
# the same count to within about 0.2% on every run (threads and hash seeds vary), unlike wall
# time on a shared machine, so a change of 1% shows.
#
#   bench/count.sh [--events 1000] [BINARY...]
#
# BINARY defaults to .build/release/dossier. With several binaries, each is counted on the
# same input (for before/after). The input is run.sh's in /dev/shm/dossier-bench/data/<N>/
# when current, else one generated beside it. Instructions are not time: memory and the
# kernel weigh more at 10,000 events, so a claim of speed still needs bench/run.sh.
set -euo pipefail

EVENTS=1000
BINARIES=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --events) EVENTS=$2; shift 2 ;;
        -h | --help) sed -n '2,11s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) BINARIES+=("$1"); shift ;;
    esac
done
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[[ ${#BINARIES[@]} -gt 0 ]] || BINARIES=("$REPO/.build/release/dossier")
command -v valgrind >/dev/null || apt-get install -y valgrind >/dev/null

# run.sh's inputs when they are current (its stamp is gen.py's hash); else a fresh content
# tree of our own, which run.sh will replace with its full set when it next runs.
DATA=/dev/shm/dossier-bench/data/$EVENTS
stamp=$(sha1sum "$REPO/bench/gen.py" | cut -c1-16)
if [[ ! -f $DATA/.stamp || $(<"$DATA/.stamp") != "$stamp" ]]; then
    DATA=/dev/shm/dossier-bench/count-$EVENTS-$stamp
    [[ -d $DATA/content ]] || python3 "$REPO/bench/gen.py" --events "$EVENTS" --out "$DATA/content" >/dev/null
fi
WORK=$(mktemp -d /dev/shm/dossier-count.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

for binary in "${BINARIES[@]}"; do
    # valgrind refuses the debug information of a release build: a stripped copy is counted.
    strip -o "$WORK/dossier" "$binary"
    rm -rf "$WORK/out"
    count=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$WORK/dossier" build -q \
        --content "$DATA/content" --templates "$REPO/templates" --output "$WORK/out" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
    [[ -n $count ]] || { echo "count.sh: no count for $binary" >&2; exit 1; }
    printf '%s\t%s instructions (%s events)\n' "$binary" "$count" "$EVENTS"
done
