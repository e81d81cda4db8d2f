#!/usr/bin/env bash
# What one tag costs in swift-mustache 2.1.1, the template engine of Dossier, measured apart
# from it (docs/performance.md, "Why three of the six are not held").
#
#   bench/mustache-tags/run.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
swift build -c release -q
.build/release/mustache-tags
