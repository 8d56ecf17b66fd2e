#!/usr/bin/env bash
# How fast does Typst lay out plain Japanese text on this machine, in
# process? Renders a 48-page document of Japanese paragraphs (no tables)
# through shoko's own PDF path (`--assets` swaps the template), and a
# one-page document, and prints the difference per run: the cost of the
# 47 extra pages. The figure bounds what `shoko build --example` can reach.
#   bench/typst-baseline.sh [N]    (default 9)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-9}
cargo build --release --quiet
bin=target/release/shoko
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
page() {
  mkdir -p "$work/$1/templates/pdf"
  cat > "$work/$1/templates/pdf/nfr.typ" <<TYP
#let d = json(bytes(sys.inputs.view))
#set text(font: "IPAexGothic", size: 10.5pt, lang: "ja", region: "JP")
#set page(paper: "a4", margin: 20mm, footer: context [#counter(page).display() / #counter(page).final().first()])
#set par(justify: true)
#set heading(numbering: "1.")
#let para = "Amazon Connect のコンタクトレコードはインスタンス内に24ヶ月間保存され、この期間は変更できません。より長く保存するには Kinesis Data Streams でストリーミングし、お客様自身のストレージに保存します。通話録音はお客様の S3 バケットに保存され、ライフサイクルルールで保持期間を決めます。"
#for i in range($2) [
  = 第#(i + 1)章
  #for j in range($3) [ #para #para #para

  ]
  #pagebreak(weak: true)
]
TYP
}
page big 48 4
page one 1 1
python3 - "$bin" "$work" "$n" <<'PY'
import os, statistics, subprocess, sys, time
bin, work, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
def run(which):
    cmd = [bin, "build", "--example", "--lang", "ja", "--format", "pdf", "--as-of", "2026-11-28",
           "--assets", os.path.join(work, which), "--out", os.path.join(work, "o-" + which)]
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - t
run("big"); run("one")
big, one = [], []
for _ in range(n):
    big.append(run("big")); one.append(run("one"))
pages = subprocess.run(["pdfinfo", os.path.join(work, "o-big", "ja", "nfr.pdf")], capture_output=True, text=True).stdout
pages = next((l.split()[-1] for l in pages.splitlines() if l.startswith("Pages:")), "?")
d = statistics.median(big) - statistics.median(one)
print(f"runs: {n}")
print(f"{pages}-page plain Japanese document: median {statistics.median(big)*1000:.0f} ms wall; one page: {statistics.median(one)*1000:.0f} ms")
print(f"layout and export of the extra pages: {d*1000:.0f} ms ({d*1000/(int(pages)-1) if pages != '?' else 0:.1f} ms per page)")
PY
