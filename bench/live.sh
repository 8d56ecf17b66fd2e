#!/usr/bin/env bash
# Benchmark: `shoko collect` against local endpoints (moto + Connect fixtures,
# bench/live_server.py) with injected latency per call, for 1 and 20
# instances. Reports wall time, calls, peak RSS, and the critical path that
# pacing and latency impose: (Connect calls - 1) / rate for the paced Connect
# calls, plus the dependency chain after the last one (storage config →
# bucket location → bucket settings → KMS key → rotation: 5 round trips).
#   bench/live.sh [--debug]
#
# Figures (issue 15, after ListAnalyticsDataAssociations and Customer
# Profiles' ListAccountIntegrations + GetDomain; 2026-11-30, debug build,
# BIN=target/debug/shoko bench/live.sh --debug, 2 shared cores, defaults:
# rate 2/s, latency 50 ms, concurrency 8):
#    1 instance:  wall  12.11 s, 37 calls (24 Connect, 0 failed),
#                 critical path  11.75 s (ratio 1.03), peak RSS 34.3 MB
#   20 instances: wall 232.03 s, 722 calls (462 Connect, 0 failed),
#                 critical path 230.75 s (ratio 1.01), peak RSS 37.4 MB
#   per instance: 36 calls, 23 of them paced Connect calls (the data lake
#   adds one, 0.5 s at 2/s); the 2 Customer Profiles calls are not paced
#   and run beside the storage chain, off the critical path. Memory
#   growth 167 KB per instance. Wall is the pacing critical path.
# Object types (issue 15: ListProfileObjectTypes, then GetProfileObjectType
# per type; the fixture serves 2 types), SIZES=1, same settings:
#    1 instance:  wall  11.94 s, 41 calls (24 Connect, 0 failed),
#                 critical path  11.75 s (ratio 1.02), peak RSS 36.3 MB
#   against 38 calls for the binary without them (same server): +3 calls
#   per instance with 2 types (1 list page + 1 per type), not paced, after
#   GetDomain and beside the storage chain: wall unchanged.
#   env: RATE (Connect calls per second, default 2), LATENCY_MS (50),
#        CONCURRENCY (8), SIZES ("1 20"), BIN (a built shoko: skips the build)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=release
[ "${1:-}" = "--debug" ] && profile=debug
if [ -n "${BIN:-}" ]; then
  bin="$BIN"
else
  if [ "$profile" = release ]; then cargo build --release --quiet; else cargo build --quiet; fi
  bin="${CARGO_TARGET_DIR:-target}/$profile/shoko"
fi
python3 -c "import moto.server" 2>/dev/null || { echo "bench/live.sh needs moto's server: pip install \"moto[server]\"" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$bin" "$work" "${RATE:-2}" "${LATENCY_MS:-50}" "${CONCURRENCY:-8}" "${SIZES:-1 20}" <<'PY'
import json, os, socket, subprocess, sys, time
bin, work, rate, lat, conc, sizes = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6].split()
here = os.path.join(os.getcwd(), "bench", "live_server.py")
print(f"binary: {bin}, connect rate {rate}/s, latency {lat} ms, concurrency {conc}")
rows = []
for n in map(int, sizes):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
    srv = subprocess.Popen([sys.executable, here, str(n), str(port), str(lat)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert srv.stdout.readline().strip() == "ready", "fixture server did not start"
        env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                   AWS_REGION="ap-northeast-1", AWS_ENDPOINT_URL=f"http://127.0.0.1:{port}",
                   AWS_EC2_METADATA_DISABLED="true", AWS_CONFIG_FILE="/dev/null",
                   AWS_SHARED_CREDENTIALS_FILE="/dev/null")
        env.pop("AWS_PROFILE", None)
        out = os.path.join(work, f"snap-{n}")
        cmd = [bin, "collect", "--region", "ap-northeast-1", "--instance", "all", "--out", out,
               "--progress", "quiet", "--connect-rate", str(rate), "--concurrency", conc]
        t = time.perf_counter()
        p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        err = p.stderr.read()
        assert status == 0, err
        m = json.load(open(os.path.join(out, "snapshot.json")))
        obs = m["observations"]
        connect = sum(1 for o in obs if o["service"] == "connect")
        critical = (connect - 1) / rate + 5 * lat / 1000
        rss = usage.ru_maxrss / 1024
        rows.append((n, wall, len(obs), m["summary"]["failed"], connect, critical, rss))
        print(f"{n:>3} instance(s): wall {wall:6.2f} s | calls {len(obs)} ({connect} Connect, {m['summary']['failed']} failed) "
              f"| critical path {critical:6.2f} s | ratio {wall/critical:.2f} | peak RSS {rss:.1f} MB")
        print("     " + err.strip().splitlines()[-1])
    finally:
        srv.terminate(); srv.wait()
if len(rows) >= 2:
    (n1, *_, r1), (n2, *_, r2) = rows[0], rows[-1]
    print(f"memory growth: {(r2 - r1) / (n2 - n1) * 1024:.0f} KB per instance")
PY
