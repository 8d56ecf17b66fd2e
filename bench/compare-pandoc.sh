#!/usr/bin/env bash
# shoko against the common alternative, in the same run: the Markdown that
# shoko writes for the built-in example (ja and en) is turned into PDF the
# usual way, pandoc Markdown -> Typst and then the typst compiler, both from
# their PyPI packages (pypandoc-binary, typst), with the same embedded font.
# Prints the median of each and shoko's time as a ratio of the alternative.
#   bench/compare-pandoc.sh [N]    (default 9)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-9}
cargo build --release --quiet
venv=target/bench-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "pypandoc-binary==1.17" "typst==0.15.2"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" - target/release/shoko "$work" "$n" <<'PY'
import os, statistics, subprocess, sys, time
import pypandoc, typst
bin, work, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
fonts = os.path.abspath("templates/fonts")
pandoc = pypandoc.get_pandoc_path()

def shoko():
    subprocess.run([bin, "build", "--example", "--lang", "ja,en", "--format", "md,pdf",
                    "--as-of", "2026-11-28", "--out", os.path.join(work, "out")],
                   check=True, capture_output=True)

def alternative():
    for lang in ("ja", "en"):
        md = os.path.join(work, "out", lang, "nfr.md")
        typ = os.path.join(work, f"{lang}.typ")
        subprocess.run([pandoc, "--from", "gfm", "--to", "typst", "--standalone",
                        "--variable", "mainfont=IPAexGothic", "--variable", f"lang={lang}",
                        "--variable", "papersize=a4", md, "-o", typ],
                       check=True, capture_output=True)
        typst.compile(typ, output=os.path.join(work, f"{lang}.pdf"), font_paths=[fonts])

def timed(f):
    t = time.perf_counter()
    f()
    return time.perf_counter() - t

shoko(); alternative()  # warm up; also checks that both work
a, s = [], []
for _ in range(n):
    s.append(timed(shoko))
    a.append(timed(alternative))
ms, ma = statistics.median(s), statistics.median(a)
print(f"runs: {n}")
print(f"shoko build --example (ja+en, md+pdf, release): median {ms*1000:.0f} ms")
print(f"pandoc md->typst + typst compile (ja+en pdf only): median {ma*1000:.0f} ms")
print(f"shoko takes {ms/ma:.2f}x the alternative's time ({ma/ms:.2f}x faster)")
PY
