#!/usr/bin/env bash
# Benchmark: `shoko build --example` for ja+en, md+pdf on the release build.
# Prints median wall time, median CPU time and peak RSS over N runs.
#   bench/example.sh [N]        (default 20)
#   FORMAT=pack bench/example.sh   other formats (default md,pdf)
#   SHOKO_PDF_PARALLEL=1 bench/example.sh   ja and en laid out in parallel
#                                  (default: one after the other)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
export FORMAT=${FORMAT:-md,pdf}
cargo build --release --quiet
bin=target/release/shoko
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 - "$bin" "$out" "$n" <<'PY'
import os, resource, statistics, subprocess, sys, time
bin, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
cmd = [bin, "build", "--example", "--lang", "ja,en", "--format", os.environ["FORMAT"], "--as-of", "2026-11-28", "--out", os.path.join(out, "o")]
subprocess.run(cmd, check=True, capture_output=True)  # warm the page cache
walls, cpus, rss = [], [], []
for _ in range(n):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    walls.append(time.perf_counter() - t)
    assert status == 0, "shoko failed"
    cpus.append(usage.ru_utime + usage.ru_stime)
    rss.append(usage.ru_maxrss / 1024)
print(f"runs: {n}")
print(f"wall  median {statistics.median(walls)*1000:.0f} ms  (min {min(walls)*1000:.0f}, max {max(walls)*1000:.0f})")
print(f"cpu   median {statistics.median(cpus)*1000:.0f} ms")
print(f"peak RSS  max {max(rss):.1f} MB  (median {statistics.median(rss):.1f})")
PY
