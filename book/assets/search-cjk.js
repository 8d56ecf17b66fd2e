// shoko: search for Japanese (and other CJK) text in an mdBook.
//
// mdBook's search (elasticlunr) splits text on spaces and punctuation, so a
// Japanese sentence becomes one long token and a query such as 録音 finds
// nothing. When the query contains CJK characters, this script answers it
// instead, by substring search over the index mdBook already wrote
// (searchindex.js: the stored title, body and breadcrumbs of every section),
// one result per page, ranked by where and how often the terms occur.
// Other queries stay with mdBook's own search.
//
// Offline and deterministic: no network, no randomness, ties broken by the
// order of the book. Results are built from DOM nodes and textContent only,
// never from HTML, so page text cannot inject markup.
(function () {
    'use strict';

    var bar = document.getElementById('mdbook-searchbar');
    var list = document.getElementById('mdbook-searchresults');
    var header = document.getElementById('mdbook-searchresults-header');
    var outer = document.getElementById('mdbook-searchresults-outer');
    if (!bar || !list || !header || !outer) {
        return;
    }

    // Han, Hiragana, Katakana, Hangul, CJK symbols and punctuation, the
    // prolonged sound mark and full-width/half-width forms.
    var CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u3000-\u303f\u30fc\uff00-\uffef]/u;
    var SPACE = /\s/u;
    var TEASER_BEFORE = 30;
    var TEASER_AFTER = 90;

    function hasCJK(s) {
        return CJK.test(s);
    }

    // Fold text for matching: NFKC per character (full-width Latin becomes
    // ASCII, half-width katakana full-width), lower case, and whitespace
    // dropped next to CJK characters (mdBook's index puts spaces where inline
    // elements began, which splits Japanese words). `map[i]` is the offset in
    // the original text of folded character `i`.
    function fold(text) {
        var out = '';
        var map = [];
        var space = -1;
        var prevCJK = false;
        var i = 0;
        while (i < text.length) {
            var ch = String.fromCodePoint(text.codePointAt(i));
            if (SPACE.test(ch)) {
                if (space < 0) {
                    space = i;
                }
                i += ch.length;
                continue;
            }
            var f = ch.normalize('NFKC').toLowerCase();
            var cjk = hasCJK(ch);
            if (space >= 0) {
                if (out.length > 0 && !cjk && !prevCJK) {
                    out += ' ';
                    map.push(space);
                }
                space = -1;
            }
            for (var k = 0; k < f.length; k++) {
                out += f[k];
                map.push(i);
            }
            prevCJK = cjk;
            i += ch.length;
        }
        map.push(text.length);
        return { s: out, map: map };
    }

    function count(hay, term) {
        var n = 0;
        var at = hay.indexOf(term);
        while (at >= 0) {
            n++;
            at = hay.indexOf(term, at + term.length);
        }
        return n;
    }

    // The index as pages: [{url, title, sections: [{ref, anchor, title, body,
    // crumbs, ftitle, fbody}]}] in book order. Built once.
    var pages = null;

    function loadPages() {
        if (pages !== null) {
            return pages;
        }
        var s = window.search || {};
        var store = s.index && s.index.documentStore && s.index.documentStore.docs;
        var urls = s.doc_urls;
        if (!store || !urls) {
            return null;
        }
        pages = [];
        var byUrl = {};
        for (var ref = 0; ref < urls.length; ref++) {
            var doc = store[String(ref)];
            if (!doc) {
                continue;
            }
            var parts = urls[ref].split('#');
            var url = parts[0];
            var page = byUrl[url];
            if (!page) {
                // The page's title: the heading of its first section (the
                // breadcrumbs start with the parent chapters).
                page = { url: url, title: String(doc.title || ''), sections: [] };
                page.ftitle = fold(page.title).s;
                byUrl[url] = page;
                pages.push(page);
            }
            var title = String(doc.title || '');
            var body = String(doc.body || '');
            page.sections.push({
                anchor: parts.length > 1 ? parts.slice(1).join('#') : '',
                title: title,
                body: body,
                crumbs: String(doc.breadcrumbs || title),
                ftitle: fold(title).s,
                fbody: fold(body),
            });
        }
        return pages;
    }

    function terms(query) {
        var seen = {};
        var out = [];
        query.split(/\s+/u).forEach(function (w) {
            var t = fold(w).s;
            if (t !== '' && !seen[t]) {
                seen[t] = true;
                out.push(t);
            }
        });
        return out;
    }

    // Every page that contains every term, scored: a term in a section's
    // heading counts 8, each occurrence in the text 1 (at most 20 a section).
    function rank(ts) {
        var found = [];
        loadPages().forEach(function (page, order) {
            var titled = 0;
            var score = 0;
            var best = null;
            var bestScore = -1;
            for (var i = 0; i < ts.length; i++) {
                var inPage = false;
                if (page.ftitle.indexOf(ts[i]) >= 0) {
                    titled++;
                    inPage = true;
                }
                page.sections.forEach(function (sec) {
                    var inTitle = sec.ftitle.indexOf(ts[i]) >= 0;
                    var n = count(sec.fbody.s, ts[i]);
                    if (inTitle || n > 0) {
                        inPage = true;
                    }
                    score += (inTitle ? 8 : 0) + Math.min(n, 20);
                });
                if (!inPage) {
                    return;
                }
            }
            page.sections.forEach(function (sec) {
                var s = 0;
                ts.forEach(function (t) {
                    s += (sec.ftitle.indexOf(t) >= 0 ? 8 : 0) + Math.min(count(sec.fbody.s, t), 20);
                });
                if (s > bestScore) {
                    bestScore = s;
                    best = sec;
                }
            });
            found.push({ page: page, section: best, titled: titled, score: score, order: order });
        });
        // Pages whose title holds more of the terms first, then the more
        // (and the more prominent) occurrences, then the book's order.
        found.sort(function (a, b) {
            return b.titled - a.titled || b.score - a.score || a.order - b.order;
        });
        return found;
    }

    // The teaser: text around the first match in the section's body, each
    // match in an <em>.
    function teaser(sec, ts) {
        var f = sec.fbody;
        var first = -1;
        ts.forEach(function (t) {
            var at = f.s.indexOf(t);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        });
        var body = sec.body;
        var start = 0;
        if (first >= 0) {
            start = Math.max(0, f.map[first] - TEASER_BEFORE);
            // Start after a space near the cut when there is one, not in
            // the middle of a word.
            var gap = body.slice(start, f.map[first]).search(/\s/u);
            if (start > 0 && gap >= 0 && gap < 12) {
                start += gap + 1;
            }
        }
        var end = Math.min(body.length, start + TEASER_BEFORE + TEASER_AFTER);
        // Matches inside the window, in original offsets, without overlaps.
        var marks = [];
        ts.forEach(function (t) {
            var at = f.s.indexOf(t);
            while (at >= 0) {
                var a = f.map[at];
                var b = f.map[at + t.length - 1] + 1;
                if (a >= start && b <= end) {
                    marks.push([a, b]);
                }
                at = f.s.indexOf(t, at + t.length);
            }
        });
        marks.sort(function (x, y) {
            return x[0] - y[0] || y[1] - x[1];
        });
        var frag = document.createDocumentFragment();
        var pos = start;
        if (start > 0) {
            frag.appendChild(document.createTextNode('…'));
        }
        marks.forEach(function (m) {
            if (m[0] < pos) {
                return;
            }
            frag.appendChild(document.createTextNode(body.slice(pos, m[0])));
            var em = document.createElement('em');
            em.textContent = body.slice(m[0], m[1]);
            frag.appendChild(em);
            pos = m[1];
        });
        frag.appendChild(document.createTextNode(body.slice(pos, end)));
        if (end < body.length) {
            frag.appendChild(document.createTextNode('…'));
        }
        return frag;
    }

    function root() {
        /* global path_to_root */
        return typeof path_to_root === 'string' ? path_to_root : '';
    }

    function limit() {
        var r = window.search && window.search.results_options;
        return r && r.limit_results > 0 ? r.limit_results : 30;
    }

    var shown = null; // [query, header text] of what this script rendered last

    function render(query) {
        if (loadPages() === null) {
            return false;
        }
        var ts = terms(query);
        var found = rank(ts).slice(0, limit());
        while (list.firstChild) {
            list.removeChild(list.firstChild);
        }
        found.forEach(function (hit, i) {
            var li = document.createElement('li');
            var a = document.createElement('a');
            var href = root() + hit.page.url + '?highlight=' + encodeURIComponent(ts.join(' '));
            if (hit.section.anchor) {
                href += '#' + hit.section.anchor;
            }
            a.setAttribute('href', href);
            a.setAttribute('aria-details', 'shoko-teaser-' + i);
            a.textContent = hit.section.crumbs;
            var span = document.createElement('span');
            span.className = 'teaser';
            span.id = 'shoko-teaser-' + i;
            span.appendChild(teaser(hit.section, ts));
            li.appendChild(a);
            li.appendChild(span);
            list.appendChild(li);
        });
        // Language-neutral: the query and the number of pages found.
        var text = query + ' (' + found.length + ')';
        shown = [query, text];
        header.textContent = text;
        outer.classList.remove('hidden');
        return true;
    }

    // mdBook's searcher renders into the header and the list on every search
    // (typing, a ?search= URL, the index finishing loading). Whenever it has,
    // and the query is CJK, show this script's results instead: the observer
    // runs before the page is painted again.
    function after() {
        var query = bar.value.trim();
        if (query === '' || !hasCJK(query)) {
            shown = null;
            return;
        }
        if (shown && shown[0] === query && header.textContent === shown[1]) {
            return;
        }
        render(query);
    }

    new MutationObserver(after).observe(header, {
        childList: true,
        characterData: true,
        subtree: true,
    });
    // Typing the same query again leaves mdBook's header alone (it skips a
    // repeated search); this keeps the results in step all the same.
    bar.addEventListener('keyup', after);
    // The index may have loaded, and mdBook answered a ?search= query, while
    // this script was still on its way.
    after();
})();
