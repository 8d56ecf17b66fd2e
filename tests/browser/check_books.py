#!/usr/bin/env python3
"""Check the built handbook and guide in a real browser (driven by tests/browser.rs).

Opens the mdBook HTML in the system's headless Chromium (Debian's chromium and
chromium-driver, Selenium given the driver's path: nothing is downloaded), over
a local HTTP server on 127.0.0.1, and checks:

- search: Japanese queries list exactly the Japanese pages whose text contains
  them (plus pages that must be there by name), best match first, with the
  match shown in the teaser; an English query still works through mdBook's own
  search; a query holding HTML is shown as text;
- tables: on every Japanese page at 1280 px, every cell of the ID, label,
  priority and status columns is at least three characters wide and on one
  line, and no page scrolls horizontally (at 1280 px and 390 px);
- the guide: a Japanese query finds its handbook chapter's pages.

Screenshots of a summary page and a category page at 1280 px and 390 px go to
--shots. Exits 0 when everything holds, 1 on a failed check, 2 when something
needed is missing (with what to install).
"""

import argparse
import functools
import html
import http.server
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

failures = []


def check(cond, what):
    if cond:
        print(f"ok   {what}")
    else:
        print(f"FAIL {what}")
        failures.append(what)
    return cond


def missing(what):
    print(
        f"error: {what}\n"
        "The browser test needs Debian's chromium and chromium-driver, a Japanese font "
        "(fonts-ipaexfont) and Selenium (pip install selenium); ./scripts/test installs them.",
        file=sys.stderr,
    )
    sys.exit(2)


try:
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError as e:  # pragma: no cover - reported, never skipped
    missing(f"Selenium is not installed ({e})")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory):
    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def browser():
    for p in (CHROMIUM, CHROMEDRIVER):
        if not os.access(p, os.X_OK):
            missing(f"{p} is missing (apt-get install chromium chromium-driver)")
    # Selenium must not look for or download a driver or a browser.
    os.environ["SE_OFFLINE"] = "true"
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--lang=ja",
        "--window-size=1280,900",
    ):
        opts.add_argument(a)
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)


def viewport(driver, width, height=900, mobile=False):
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
    )


def page_text(path):
    """The text of a built page's chapter (what mdBook indexes), folded like
    the search folds it: NFKC, lower case, no whitespace."""
    import unicodedata

    body = Path(path).read_text(encoding="utf-8")
    m = re.search(r"<main>(.*)</main>", body, re.S)
    body = m.group(1) if m else ""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    body = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", body).lower())


def search(driver, base, page, query):
    """Type `query` into the search box of `page`; the header and the results
    as [(link text, path of the href, teaser text, [em texts])]."""
    driver.get(base + page)
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )
    driver.find_element(By.ID, "mdbook-search-toggle").click()
    bar = driver.find_element(By.ID, "mdbook-searchbar")
    WebDriverWait(driver, 10).until(lambda d: bar.is_displayed())
    # The index loads when the search opens; wait for it so the query is
    # answered as typed (the test also types before it is there, below).
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return !!(window.search && window.search.index)")
    )
    bar.clear()
    bar.send_keys(query)
    header = driver.find_element(By.ID, "mdbook-searchresults-header")
    want = query.strip()
    # This script's header is "<query> (<n>)", mdBook's "... for '<query>'...".
    try:
        WebDriverWait(driver, 10).until(
            lambda d: header.get_attribute("textContent").startswith(want + " (")
            or f"'{want}'" in header.get_attribute("textContent")
        )
    except TimeoutException:
        pass  # the checks below report what the header says
    text = header.get_attribute("textContent")
    results = driver.execute_script(
        """
        return Array.from(document.querySelectorAll('#mdbook-searchresults > li')).map(li => {
            const a = li.querySelector('a');
            const t = li.querySelector('.teaser');
            return [a.textContent, new URL(a.href).pathname, t ? t.textContent : '',
                    t ? Array.from(t.querySelectorAll('em')).map(e => e.textContent) : [],
                    li.querySelectorAll('*').length,
                    Array.from(li.querySelectorAll('*')).map(e => e.tagName.toLowerCase())];
        });
        """
    )
    return text, results


def check_japanese_query(driver, base, site, query, must, first=None, prefix="ja/"):
    header, results = search(driver, base, f"{prefix}summary.html", query)
    paths = [r[1].lstrip("/") for r in results]
    print(f"     {query!r}: {header!r} -> {paths}")
    check(header == f"{query} ({len(results)})", f"{query}: header shows the query and the count as text")
    check(len(results) > 0, f"{query}: some results")
    for m in must:
        check(m in paths, f"{query}: {m} is among the results")
    if first:
        check(paths[:1] == [first], f"{query}: {first} ranks first (got {paths[:1]})")
    check(len(paths) == len(set(paths)), f"{query}: one result per page")
    # Exactly the pages whose text holds the query (up to mdBook's limit of 30).
    folded = re.sub(r"\s+", "", query.lower())
    expected = sorted(
        str(p.relative_to(site))
        for p in Path(site).rglob("*.html")
        if p.name not in ("print.html", "toc.html", "404.html")
        and folded in page_text(p)
    )
    if len(expected) <= 30:
        check(sorted(paths) == expected, f"{query}: exactly the {len(expected)} pages containing it")
    for r in results:
        check(
            any(folded in e.lower() for e in r[3]),
            f"{query}: teaser of {r[1]} shows the match ({r[2][:60]!r})",
        )
        check(set(r[5]) <= {"a", "span", "em"}, f"{query}: result {r[1]} is text, links and emphasis only")
    return paths


def check_search(driver, base, site):
    check_japanese_query(
        driver, base, site, "録音",
        must=["ja/call-recordings.html", "ja/summary.html", "ja/contact-lens-outputs.html"],
        first="ja/call-recordings.html",
    )
    check_japanese_query(
        driver, base, site, "保持期間",
        must=["ja/call-recordings.html", "ja/flow-logs.html", "ja/summary.html"],
    )
    check_japanese_query(
        driver, base, site, "暗号化",
        must=["ja/call-recordings.html", "ja/contact-records.html", "ja/summary.html"],
    )
    check_japanese_query(
        driver, base, site, "カスタマーマネージドキー",
        must=["ja/call-recordings.html", "ja/summary.html"],
    )
    # Two terms: pages holding both.
    header, results = search(driver, base, "ja/summary.html", "S3 ライフサイクル")
    paths = [r[1].lstrip("/") for r in results]
    print(f"     'S3 ライフサイクル': {header!r} -> {paths}")
    check("ja/call-recordings.html" in paths, "S3 ライフサイクル: ja/call-recordings.html found")
    check(all(p.startswith("ja/") for p in paths), "S3 ライフサイクル: only Japanese pages")

    # English stays with mdBook's own search.
    header, results = search(driver, base, "en/summary.html", "lifecycle")
    paths = [r[1].lstrip("/") for r in results]
    print(f"     'lifecycle': {header!r} -> {paths}")
    check("search result" in header and "'lifecycle'" in header, "lifecycle: mdBook's own header")
    for m in ("en/call-recordings.html", "en/summary.html"):
        check(m in paths, f"lifecycle: {m} found")
    check(
        all("lifecycle" in page_text(Path(site) / p) for p in set(paths)),
        "lifecycle: every page found contains it",
    )

    # A query holding markup is text, in the header and everywhere else.
    header, results = search(driver, base, "ja/summary.html", "<b>録音</b>")
    bold = driver.execute_script(
        "return document.querySelectorAll('#mdbook-searchresults-header *, #mdbook-searchresults b').length"
    )
    check(header == "<b>録音</b> (0)" and bold == 0, f"markup in a query stays text ({header!r})")

    # Opened from a ?search= link, before the index has loaded.
    driver.get(base + "ja/summary.html?search=%E9%8C%B2%E9%9F%B3")
    try:
        WebDriverWait(driver, 10).until(
            lambda d: d.find_element(By.ID, "mdbook-searchresults-header").text.startswith("録音 (")
        )
        n = len(driver.find_elements(By.CSS_SELECTOR, "#mdbook-searchresults > li"))
        check(n > 0, f"?search=録音 in the URL lists results ({n})")
    except TimeoutException:
        check(False, "?search=録音 in the URL lists results")

    # The result link highlights the match on the page it opens.
    header, results = search(driver, base, "ja/summary.html", "録音")
    driver.find_element(By.CSS_SELECTOR, "#mdbook-searchresults > li a[href*='call-recordings']").click()
    WebDriverWait(driver, 10).until(lambda d: "call-recordings" in d.current_url)
    marks = driver.execute_script(
        "return Array.from(document.querySelectorAll('main mark')).map(m => m.textContent)"
    )
    check(len(marks) > 0 and all(m == "録音" for m in marks), f"the opened page marks 録音 ({len(marks)})")


def ftl(path):
    out = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([a-z0-9-]+)\s*=\s*(.+)$", line)
        if m:
            out[m.group(1)] = m.group(2).strip()
    return out


MEASURE = """
const names = arguments[0];
const out = {cells: [], scroll: [document.documentElement.scrollWidth, document.documentElement.clientWidth], tables: 0};
// mdBook clips the body horizontally (overflow-x: clip/hidden), so a page
// never scrolls: what overflowed would be cut off instead. So also: nothing
// in <main> reaches past the content area (the page beside the sidebar),
// except inside a box that scrolls it (the tables' .table-wrapper).
const main = document.querySelector('main');
const area = document.getElementById('mdbook-content');
const box = area.getBoundingClientRect();
out.main = [Math.round(box.left), Math.round(box.right)];
out.outside = [];
out.wrapped = 0;
for (const el of main.querySelectorAll('*')) {
    let inner = false;
    for (let p = el.parentElement; p && p !== main; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') { inner = true; break; }
    }
    if (inner) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (el.classList.contains('table-wrapper')) out.wrapped++;
    if (r.right > box.right + 1 || r.left < box.left - 1) {
        out.outside.push([el.tagName, el.textContent.slice(0, 40), Math.round(r.left), Math.round(r.right)]);
    }
}
for (const table of document.querySelectorAll('main table')) {
    out.tables++;
    const heads = Array.from(table.querySelectorAll('thead th')).map(th => th.textContent.trim());
    heads.forEach((h, i) => {
        if (!names.includes(h)) return;
        for (const row of table.querySelectorAll('tr')) {
            const cell = row.children[i];
            if (!cell) continue;
            const cs = getComputedStyle(cell);
            const fs = parseFloat(cs.fontSize);
            const width = cell.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
            const range = document.createRange();
            range.selectNodeContents(cell);
            const tops = new Set();
            for (const r of range.getClientRects()) {
                if (r.width > 0) tops.add(Math.round(r.bottom / 4));
            }
            out.cells.push({column: h, text: cell.textContent.trim(), width: width, font: fs, lines: tops.size});
        }
    });
}
return out;
"""


def check_layout(driver, base, site, names):
    pages = sorted(p.name for p in (Path(site) / "ja").glob("*.html"))
    check(len(pages) >= 10, f"{len(pages)} Japanese pages to measure")
    measured = 0
    for width, mobile in ((1280, False), (390, True)):
        viewport(driver, width, 900, mobile)
        for name in pages:
            driver.get(f"{base}ja/{name}")
            WebDriverWait(driver, 10).until(
                lambda d: d.execute_script("return document.readyState") == "complete"
            )
            m = driver.execute_script(MEASURE, names)
            sw, cw = m["scroll"]
            check(sw <= cw, f"{width}px ja/{name}: no horizontal page scroll ({sw} <= {cw})")
            check(
                not m["outside"],
                f"{width}px ja/{name}: nothing overflows the content area {m['main']}"
                + ("" if not m["outside"] else f": {m['outside'][:4]}"),
            )
            check(m["wrapped"] == m["tables"], f"{width}px ja/{name}: each of {m['tables']} tables scrolls in its wrapper")
            if width != 1280:
                continue
            bad = [c for c in m["cells"] if c["width"] + 0.5 < 3 * c["font"] or c["lines"] != 1]
            measured += len(m["cells"])
            check(
                not bad,
                f"1280px ja/{name}: {len(m['cells'])} ID/label/priority/status cells >= 3 characters, one line"
                + ("" if not bad else f": {bad[:4]}"),
            )
    check(measured > 100, f"{measured} cells measured")
    viewport(driver, 1280)


def screenshots(driver, base, shots):
    shots.mkdir(parents=True, exist_ok=True)
    for width, mobile in ((1280, False), (390, True)):
        for page, anchor in (("summary", "要件別の判定"), ("call-recordings", "確認事項")):
            viewport(driver, width, 1400 if width == 1280 else 1600, mobile)
            driver.get(f"{base}ja/{page}.html#{anchor}")
            WebDriverWait(driver, 10).until(
                lambda d: d.execute_script("return document.readyState") == "complete"
            )
            time.sleep(0.3)
            path = shots / f"ja-{page}-{width}.png"
            driver.save_screenshot(str(path))
            print(f"     screenshot {path}")
    viewport(driver, 1280)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--handbook", required=True, help="the handbook's built HTML folder")
    ap.add_argument("--guide", required=True, help="the guide's built HTML folder")
    ap.add_argument("--ftl", required=True, help="locales/ja/main.ftl (column names)")
    ap.add_argument("--shots", default="/tmp/shots")
    args = ap.parse_args()
    started = time.time()
    try:
        ja_fonts = subprocess.run(
            ["fc-list", ":lang=ja", "family"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as e:
        missing(f"fc-list failed ({e})")
    if not ja_fonts:
        missing("no Japanese font is installed (apt-get install fonts-ipaexfont)")
    print(f"     Japanese fonts: {ja_fonts.splitlines()[0]}")
    t = ftl(args.ftl)
    names = [t[k] for k in ("col-id", "col-property", "col-priority", "col-status")]
    print(f"     columns measured: {names}")

    hb_server, hb = serve(args.handbook)
    guide_server, guide = serve(args.guide)
    driver = browser()
    try:
        check_search(driver, hb, args.handbook)
        check_layout(driver, hb, args.handbook, names)
        screenshots(driver, hb, Path(args.shots))
        # The guide: its Japanese handbook chapter is found.
        check_japanese_query(
            driver, guide, args.guide, "保持期間",
            must=["handbook/ja/call-recordings.html", "handbook/ja/summary.html"],
            prefix="handbook/ja/",
        )
    finally:
        driver.quit()
        hb_server.shutdown()
        guide_server.shutdown()
    print(f"{len(failures)} failed checks, {time.time() - started:.1f}s")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
