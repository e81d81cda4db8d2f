#!/usr/bin/env bash
# Builds bench/gen.py's report at each size and prints what readers download against the
# budgets of issue "Large reports stay light for readers", each with PASS or FAIL.
#
#   bench/weight.sh [--sizes "10000 100000"] [--dossier PATH] [--templates DIR]
#
# PATH defaults to .build/release/dossier (built with `swift build -c release --product
# dossier` when missing), DIR to the repository's templates/. Inputs are generated once per
# size into /dev/shm/dossier-bench/data/<N>/, as bench/run.sh does (shared with it);
# each site is built into a folder removed at exit. Exit status 1 when a budget fails.
set -euo pipefail

usage() { sed -n '2,10s/^# \{0,1\}//p' "$0"; }

SIZES="10000 100000"
DOSSIER=""
TEMPLATES=""
while [[ $# -gt 0 ]]; do
    case $1 in
        --sizes) SIZES=$2; shift 2 ;;
        --dossier) DOSSIER=$2; shift 2 ;;
        --templates) TEMPLATES=$2; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "weight.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TEMPLATES=${TEMPLATES:-$REPO/templates}
DATA=/dev/shm/dossier-bench/data
WORK=/dev/shm/dossier-weight.$$
mkdir -p "$DATA" "$WORK"
trap 'rm -rf "$WORK"' EXIT

[[ -x /usr/bin/time ]] || apt-get install -y time >/dev/null
if [[ -z $DOSSIER ]]; then
    DOSSIER=$REPO/.build/release/dossier
    if [[ ! -x $DOSSIER ]]; then
        echo "weight.sh: $DOSSIER missing; running swift build -c release --product dossier" >&2
        (cd "$REPO" && swift build -c release --product dossier) >&2
    fi
fi

# generate N: the report's content folder, kept while gen.py is unchanged (as in run.sh).
generate() {
    local n=$1 dir=$DATA/$1 stamp
    stamp=$(sha1sum "$REPO/bench/gen.py" | cut -c1-16)
    [[ -f $dir/.stamp && $(<"$dir/.stamp") == "$stamp" && -d $dir/content ]] && return
    echo "weight.sh: generating N=$n in $dir" >&2
    rm -rf "$dir"
    mkdir -p "$dir"
    python3 "$REPO/bench/gen.py" --events "$n" --out "$dir/content" >/dev/null
    echo "$stamp" >"$dir/.stamp"
}

FAILED=0
echo "Dossier: $DOSSIER (templates: $TEMPLATES), $(nproc) CPUs"
for n in $SIZES; do
    generate "$n"
    out=$WORK/site-$n
    rm -rf "$out"
    if ! /usr/bin/time -v -o "$WORK/time-$n.txt" "$DOSSIER" build -q --content "$DATA/$n/content" \
        --templates "$TEMPLATES" --output "$out" >"$WORK/build-$n.log" 2>&1; then
        echo "weight.sh: build failed at N=$n:" >&2
        tail -n 8 "$WORK/build-$n.log" | sed 's/^/    /' >&2
        FAILED=1
        continue
    fi
    python3 - "$n" "$out" "$WORK/time-$n.txt" <<'EOF' || FAILED=1
import os, re, sys

n, out, timing = int(sys.argv[1]), sys.argv[2], open(sys.argv[3]).read()
failed = False

def row(what, figure, budget, ok):
    global failed
    failed |= ok is False
    verdict = {True: "PASS", False: "FAIL", None: ""}[ok]
    print(f"  {what:<44} {figure:>14} {budget:>16}  {verdict}")

pages = []
for directory, _, names in os.walk(out):
    for name in names:
        if name.endswith(".html"):
            path = os.path.join(directory, name)
            pages.append((os.path.getsize(path), os.path.relpath(path, out)))
pages.sort(reverse=True)
limit = 300 * 1000

print(f"\nN={n:,} events: {len(pages):,} HTML pages")
print(f"  {'figure':<44} {'value':>14} {'budget':>16}  verdict")
over = [p for p in pages if p[0] > limit]
row("HTML pages over 300 KB", f"{len(over):,}", "0", not over)
for size, path in pages[:5]:
    row("  " + path, f"{size / 1000:,.0f} KB", "≤ 300 KB", size <= limit)

feed = os.path.join(out, "feed.xml")
if os.path.exists(feed):
    entries = open(feed, encoding="utf-8").read().count("<entry>")
    row("feed.xml entries", f"{entries:,}", "≤ 50", entries <= 50)
else:
    row("feed.xml entries", "no feed", "≤ 50", None)
for name in sorted(f for f in os.listdir(out) if re.fullmatch(r"sitemap(-\d+)?\.xml", f)):
    text = open(os.path.join(out, name), encoding="utf-8").read()
    urls = text.count("<loc>")
    kind = "sitemaps listed" if "<sitemapindex" in text else "URLs"
    row(f"{name} {kind}", f"{urls:,}", "≤ 50,000", urls <= 50_000)

# A first search, at worst for any one-word query: the page, its script, the entry script,
# the largest term shard (a word loads one) and the document shards of the first 50
# results (at worst 50 different ones, the largest). The filters' options load only when
# their menu is reached: shown apart, without budget.
def sizes(folder):
    path = os.path.join(out, "search", folder)
    return sorted((os.path.getsize(os.path.join(path, f)) for f in os.listdir(path)), reverse=True) \
        if os.path.isdir(path) else []
search = ["search/index.html", "assets/search.js", "search/search-index.js"]
first = sum(os.path.getsize(os.path.join(out, f)) for f in search if os.path.exists(os.path.join(out, f)))
terms, docs = sizes("terms"), sizes("docs")
first += (terms[:1] or [0])[0] + sum(docs[:50])
row("search first load (worst one-word query)", f"{first / 1000:,.0f} KB", "≤ 500 KB", first <= 500 * 1000)
row("  largest term shard", f"{(terms[:1] or [0])[0] / 1000:,.0f} KB", "", None)
row("  filter options (when a menu is reached)", f"{sum(sizes('options')) / 1000:,.0f} KB", "", None)

def field(label):
    match = re.search(r"^\s*" + re.escape(label) + r": (.*)$", timing, re.M)
    return match.group(1).strip() if match else "?"

wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
parts = [float(p) for p in wall.split(":")] if wall != "?" else []
seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
row("build wall time", f"{seconds:.1f} s", "", None)
cpu = sum(float(field(f)) for f in ("User time (seconds)", "System time (seconds)") if field(f) != "?")
row("build CPU time (user + system)", f"{cpu:.1f} s", "", None)
rss = int(field('Maximum resident set size (kbytes)')) / 1024
row("build peak RSS", f"{rss:,.0f} MiB", "", None)
# Kept for the comparison of sizes after the loop.
with open(os.path.join(os.path.dirname(sys.argv[3]), f"figures-{n}"), "w") as out:
    out.write(f"{seconds} {cpu} {rss}\n")
sys.exit(1 if failed else 0)
EOF
    rm -rf "$out"
done

# A linear build: 10 times the events in at most 11 times the time and memory.
if [[ -f $WORK/figures-10000 && -f $WORK/figures-100000 ]]; then
    python3 - "$WORK/figures-10000" "$WORK/figures-100000" <<'EOF' || FAILED=1
import sys
small, large = (list(map(float, open(p).read().split())) for p in sys.argv[1:3])
failed = False
print("\n100,000 events against 10,000")
for i, what in enumerate(["build wall time", "build CPU time", "build peak RSS"]):
    ratio = large[i] / small[i]
    failed |= ratio > 11
    print(f"  {what + ' ratio':<44} {ratio:>13.1f}x {'≤ 11x':>16}  {'PASS' if ratio <= 11 else 'FAIL'}")
sys.exit(1 if failed else 0)
EOF
fi
exit $FAILED
