#!/usr/bin/env bash
# Scaling benchmark: generated large inputs in every format (md, pdf, book,
# pack; ja and en) from a snapshot, at half and at full size:
#   half: 25 instances' snapshot, 250 requirements, 20 categories
#   full: 50 instances' snapshot, 500 requirements, 40 categories
# (bench/scale_gen.py makes them). Prints median wall, CPU and peak RSS of
# each, per format and for all formats at once, and the full/half ratio
# (linear scaling: at most 2.2).
#   bench/scale.sh [N]    (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-3}
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/scale_gen.py "$work/half" --instances 25 --requirements 250 --categories 20
python3 bench/scale_gen.py "$work/full" --instances 50 --requirements 500 --categories 40
python3 - "$PWD/target/release/shoko" "$work" "$n" <<'PY'
import os, resource, statistics, subprocess, sys, time
bin, work, n = sys.argv[1], sys.argv[2], int(sys.argv[3])

def run(size, formats):
    d = os.path.join(work, size)
    cmd = [bin, "build", "-r", "requirements.yaml", "-a", "answers.yaml",
           "--assets", "assets", "--evidence", "snapshot", "--lang", "ja,en",
           "--format", formats, "--as-of", "2026-11-28", "--out", "out"]
    walls, cpus, rss = [], [], []
    for _ in range(n):
        t = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        walls.append(time.perf_counter() - t)
        assert status == 0, f"shoko failed on {size} {formats}"
        cpus.append(usage.ru_utime + usage.ru_stime)
        rss.append(usage.ru_maxrss / 1024)
    return statistics.median(walls), statistics.median(cpus), max(rss)

print(f"runs: {n} per cell (median wall / median CPU / peak RSS)")
print(f"{'formats':<18}{'half':>32}{'full':>32}{'wall ratio':>12}")
for formats in ["md", "pdf", "book", "pack", "md,pdf,book,pack"]:
    h = run("half", formats)
    f = run("full", formats)
    cell = lambda r: f"{r[0]*1000:7.0f} ms {r[1]*1000:7.0f} ms {r[2]:6.0f} MB"
    print(f"{formats:<18}{cell(h):>32}{cell(f):>32}{f[0]/h[0]:>12.2f}")
PY
