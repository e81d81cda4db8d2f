#!/usr/bin/env bash
# Builds the synthetic report with Dossier and with Hugo, side by side (issue "Speed").
#
#   bench/run.sh [--runs 5] [--sizes "1000 10000"] [--dossier PATH] [--templates DIR]
#
# PATH defaults to .build/release/dossier (built as scripts/build builds it if missing),
# DIR to the repository's templates/.
#
# Everything happens in /dev/shm so that the disk does not enter the figures. Inputs are
# generated once per size by bench/gen.py and cached in /dev/shm/dossier-bench/data/<N>/
# (regenerated when gen.py changes); outputs live in a per-run directory removed at exit.
# For each size, Dossier and Hugo run alternately RUNS times each (alternating spreads any
# background load over both), then the floors run RUNS times each. See bench/README.md.
set -euo pipefail

usage() { sed -n '2,13s/^# \{0,1\}//p' "$0"; }

RUNS=5
SIZES="1000 10000"
DOSSIER=""
TEMPLATES=""
while [[ $# -gt 0 ]]; do
    case $1 in
        --runs) RUNS=$2; shift 2 ;;
        --sizes) SIZES=$2; shift 2 ;;
        --dossier) DOSSIER=$2; shift 2 ;;
        --templates) TEMPLATES=$2; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TEMPLATES=${TEMPLATES:-$REPO/templates}
BENCH=/dev/shm/dossier-bench
DATA=$BENCH/data
WORK=$BENCH/run.$$
RESULTS=$WORK/results.tsv # size, tool, wall µs, peak KiB, cpu s, pages; or size, tool, FAILED
mkdir -p "$DATA" "$WORK"
trap 'rm -rf "$WORK"' EXIT
: >"$RESULTS"

# --- tools ------------------------------------------------------------------------------------

# need COMMAND DEBIAN_PACKAGE: installs the package if the command is missing.
need() {
    if ! command -v "$1" >/dev/null 2>&1; then
        echo "run.sh: installing $2" >&2
        apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }
    fi
}
need /usr/bin/time time
need hugo hugo
need cmark cmark
need python3 python3

if [[ -z $DOSSIER ]]; then
    DOSSIER=$REPO/.build/release/dossier
    if [[ ! -x $DOSSIER ]]; then
        echo "run.sh: $DOSSIER missing; running swift build -c release --static-swift-stdlib" >&2
        if ! (cd "$REPO" && swift build -c release --static-swift-stdlib --product dossier) >"$WORK/swift-build.log" 2>&1; then
            echo "run.sh: swift build failed; Dossier will be reported as FAILED. Last lines:" >&2
            tail -n 5 "$WORK/swift-build.log" | sed 's/^/    /' >&2
        fi
    fi
fi
DOSSIER_OK=1
[[ -x $DOSSIER ]] || { DOSSIER_OK=0; echo "run.sh: no Dossier binary at $DOSSIER" >&2; }

# --- inputs -----------------------------------------------------------------------------------

# generate N: the Dossier tree, the Hugo site and all bodies concatenated (for the cmark floor).
generate() {
    local n=$1 dir=$DATA/$1 stamp
    stamp=$(sha1sum "$REPO/bench/gen.py" | cut -c1-16)
    if [[ -f $dir/.stamp && $(<"$dir/.stamp") == "$stamp" ]]; then
        return
    fi
    echo "run.sh: generating N=$n in $dir" >&2
    rm -rf "$dir"
    mkdir -p "$dir"
    python3 "$REPO/bench/gen.py" --events "$n" --out "$dir/content" --hugo "$dir/hugo"
    # Every body (front matter cut), separated by blank lines: what cmark must render at least.
    python3 - "$dir/content" >"$dir/bodies.md" <<'EOF'
import os, sys
for directory, _, names in sorted(os.walk(sys.argv[1])):
    for name in sorted(n for n in names if n.endswith(".md")):
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            sys.stdout.write(f.read().split("\n---\n", 1)[1] + "\n\n")
EOF
    echo "$stamp" >"$dir/.stamp"
}

# --- measuring --------------------------------------------------------------------------------

# measure N TOOL OUTDIR COMMAND...: runs COMMAND once under /usr/bin/time and appends a row to
# RESULTS (OUTDIR, if not empty, is where the .html pages are counted). Wall time comes from a
# nanosecond clock around the command (GNU time's %e has only 10 ms resolution); peak RSS (%M,
# KiB) and CPU time (%U + %S, all threads) from GNU time. Returns the command's status.
measure() {
    local n=$1 tool=$2 out=$3 log=$WORK/last.log
    shift 3
    local t0 t1 wall rss user sys pages=0
    t0=$(date +%s%N)
    if ! /usr/bin/time -f '%e %M %U %S' -o "$WORK/time.txt" "$@" >"$log" 2>&1; then
        echo "run.sh: $tool failed at N=$n: $*" >&2
        tail -n 8 "$log" | sed 's/^/    /' >&2
        printf '%s\t%s\tFAILED\n' "$n" "$tool" >>"$RESULTS"
        return 1
    fi
    t1=$(date +%s%N)
    read -r wall rss user sys <"$WORK/time.txt"
    [[ -n $out && -d $out ]] && pages=$(find "$out" -name '*.html' | wc -l)
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" $(((t1 - t0) / 1000)) "$rss" \
        "$(python3 -c "print(round($user + $sys, 2))")" "$pages" >>"$RESULTS"
}

for n in $SIZES; do
    generate "$n"
    content=$DATA/$n/content
    hugo_src=$DATA/$n/hugo
    out_d=$WORK/dossier-$n
    out_h=$WORK/hugo-$n
    dossier_ok=$DOSSIER_OK
    hugo_ok=1
    echo "run.sh: N=$n, $RUNS runs each" >&2
    ((DOSSIER_OK)) || printf '%s\tDossier\tFAILED\n' "$n" >>"$RESULTS"
    for ((run = 1; run <= RUNS; run++)); do
        # The last run's outputs are kept for the cp -r floor; earlier ones are removed first.
        rm -rf "$out_d" "$out_h"
        if ((dossier_ok)); then
            measure "$n" Dossier "$out_d" "$DOSSIER" build --content "$content" \
                --templates "$TEMPLATES" --output "$out_d" || dossier_ok=0
        fi
        if ((hugo_ok)); then
            measure "$n" Hugo "$out_h" hugo --source "$hugo_src" --destination "$out_h" --quiet ||
                hugo_ok=0
        fi
    done

    # Rebuilds: each tool again over its own output of the last run, alternating (Dossier
    # links the files whose bytes did not change, then removes the previous site).
    for ((run = 1; run <= RUNS; run++)); do
        if ((dossier_ok)); then
            measure "$n" "Dossier rebuild" "$out_d" "$DOSSIER" build --content "$content" \
                --templates "$TEMPLATES" --output "$out_d" || dossier_ok=0
        fi
        if ((hugo_ok)); then
            measure "$n" "Hugo rebuild" "$out_h" hugo --source "$hugo_src" --destination "$out_h" --quiet ||
                hugo_ok=0
        fi
    done

    # Floors: the least any generator must do. cp -r copies Dossier's output (Hugo's if
    # Dossier has none), standing for writing the pages.
    copied=$out_d
    copy_label="floor: cp -r output"
    if ((!dossier_ok)) || [[ ! -d $out_d ]]; then
        copied=$out_h
        copy_label="floor: cp -r output (Hugo's)"
    fi
    for ((run = 1; run <= RUNS; run++)); do
        measure "$n" "floor: read inputs" "" bash -c 'cd "$1" && tar cf - . | wc -c' _ "$content"
        measure "$n" "floor: cmark bodies" "" bash -c 'cmark "$1" >/dev/null' _ "$DATA/$n/bodies.md"
        if [[ -d $copied ]]; then
            rm -rf "$WORK/copy"
            measure "$n" "$copy_label" "" cp -r "$copied" "$WORK/copy"
        fi
    done
    rm -rf "$out_d" "$out_h" "$WORK/copy"
done

# --- report -----------------------------------------------------------------------------------

echo
echo "Dossier: $DOSSIER (templates: $TEMPLATES)"
echo "$(hugo version | cut -d' ' -f1-2), $(cmark --version | head -n 1), $(nproc) CPUs, inputs in $DATA"
python3 - "$RESULTS" <<'EOF'
import statistics, sys
from collections import defaultdict

rows = defaultdict(list)  # (size, tool) -> [(wall s, peak MiB, cpu s, pages)] or "FAILED"
order = []
for line in open(sys.argv[1]):
    size, tool, *rest = line.rstrip("\n").split("\t")
    key = (int(size), tool)
    if key not in rows:
        order.append(key)
    if rest == ["FAILED"]:
        rows[key] = "FAILED"
    elif rows[key] != "FAILED":
        wall_us, rss_kib, cpu, pages = rest
        rows[key].append((int(wall_us) / 1e6, int(rss_kib) / 1024, float(cpu), int(pages)))

def median(key, i):
    return statistics.median(r[i] for r in rows[key])

print(f"\n{'size':>6}  {'tool':<32} {'runs':>4} {'wall s':>8} {'cpu s':>8} {'pages':>7} {'pages/s':>9} {'peak MiB':>9}")
for size in sorted({s for s, _ in order}):
    floors = 0.0
    for key in [k for k in order if k[0] == size]:
        tool = key[1]
        if rows[key] == "FAILED" or not rows[key]:
            print(f"{size:>6}  {tool:<32} {'FAILED':>8}")
            continue
        wall, mib, cpu = median(key, 0), median(key, 1), median(key, 2)
        pages = rows[key][-1][3]
        rate = f"{pages / wall:>9.0f}" if pages else f"{'':>9}"
        print(f"{size:>6}  {tool:<32} {len(rows[key]):>4} {wall:>8.3f} {cpu:>8.2f} {pages or '':>7} {rate} {mib:>9.1f}")
        if tool.startswith("floor"):
            floors += wall
    print(f"{size:>6}  {'2 x sum of floors':<32} {'':>4} {2 * floors:>8.3f}")
    for suffix in ["", " rebuild"]:
        d, h = (size, "Dossier" + suffix), (size, "Hugo" + suffix)
        if rows.get(d) and rows[d] != "FAILED" and rows.get(h) and rows[h] != "FAILED":
            print(f"{size:>6}  {'Dossier / Hugo' + suffix:<32} {'':>4} {median(d, 0) / median(h, 0):>8.2f} "
                  f"{median(d, 2) / median(h, 2):>8.2f} {'':>7} {'':>9} {median(d, 1) / median(h, 1):>9.2f}")
            if floors and not suffix:
                print(f"{size:>6}  {'Dossier / (2 x sum of floors)':<32} {'':>4} {median(d, 0) / (2 * floors):>8.2f}")
    print()
EOF
