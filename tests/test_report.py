"""Reports: segments tile the text, the HTML page keeps every text exactly and loads nothing, the terminal view.

The browser test renders the seeds' report in a real headless Chromium; it is skipped,
naming the install command, only when no browser is installed.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from extractor import extract
from extractor.report import KINDS, fact_spans, render_html, segments, show, span_segments, top_kind
from extractor.types import Fact, Indicator, Period, Region, Value

from .conftest import SEEDS

D = date(2024, 1, 1)


def make_fact(text: str, value: tuple[int, int], *, indicator: tuple[int, int] | None = None,
              region: tuple[int, int] | None = None, period: tuple[int, int] | None = None,
              reference_period: tuple[int, int] | None = None, confidence: float = 0.8,
              number: float = 1.0, unit: str = "person") -> Fact:
    def piece(span):
        return text[span[0]:span[1]]

    return Fact(
        doc_id="t",
        value=Value(piece(value), *value, number=number, unit=unit),
        measure="level", direction=None,
        indicator=Indicator(piece(indicator), *indicator, key="population") if indicator else None,
        region=Region(piece(region), *region, code="KZ", name="Kazakhstan") if region else None,
        period=Period(piece(period), *period, first=D, last=date(2024, 12, 31)) if period else None,
        reference_period=(Period(piece(reference_period), *reference_period, first=date(2023, 1, 1),
                                 last=date(2023, 12, 31)) if reference_period else None),
        confidence=confidence, extractor="rule:test",
    )


def check_segments(text: str, facts: list[Fact], segs) -> None:
    """The segments tile the text, are maximal, and each (fact, kind) covers exactly its span."""
    assert "".join(text[s:e] for s, e, _ in segs) == text
    position = 0
    for start, end, _ in segs:
        assert start == position and start < end
        position = end
    assert position == len(text)
    for (_, _, a), (_, _, b) in zip(segs, segs[1:], strict=False):
        assert a != b
    for i, fact in enumerate(facts):
        for kind, span in fact_spans(fact):
            for start, end, keys in segs:
                inside = span.start <= start and end <= span.end
                assert ((i, kind) in keys) == inside, (i, kind, span, start, end)
                if not inside and span.start < span.end:  # an empty span covers nothing and cuts nothing
                    assert end <= span.start or start >= span.end  # never straddles a boundary
    every = {(i, kind) for i, f in enumerate(facts) for kind, span in fact_spans(f) if span.start < span.end}
    assert set().union(*(keys for _, _, keys in segs)) == every


# --- segments -------------------------------------------------------------------------------


@pytest.mark.parametrize(("length", "spans", "expected"), [
    (0, [], []),
    (0, [(0, 0, (0, "value"))], []),
    (5, [], [(0, 5, set())]),
    (5, [(0, 5, (0, "value"))], [(0, 5, {(0, "value")})]),
    (10, [(2, 6, (0, "period")), (4, 5, (0, "value"))],
     [(0, 2, set()), (2, 4, {(0, "period")}), (4, 5, {(0, "period"), (0, "value")}), (5, 6, {(0, "period")}),
      (6, 10, set())]),
    # one period shared by two facts, as period of one and reference period of the other
    (8, [(0, 4, (0, "period")), (0, 4, (1, "reference_period")), (5, 8, (1, "value"))],
     [(0, 4, {(0, "period"), (1, "reference_period")}), (4, 5, set()), (5, 8, {(1, "value")})]),
    # adjacent spans, partial overlap
    (6, [(0, 3, (0, "value")), (3, 6, (1, "value")), (2, 4, (2, "region"))],
     [(0, 2, {(0, "value")}), (2, 3, {(0, "value"), (2, "region")}), (3, 4, {(1, "value"), (2, "region")}),
      (4, 6, {(1, "value")})]),
    # empty spans cover nothing and cut nothing; out-of-range spans are clamped
    (4, [(2, 2, (0, "value")), (-3, 1, (1, "region")), (3, 99, (1, "value"))],
     [(0, 1, {(1, "region")}), (1, 3, set()), (3, 4, {(1, "value")})]),
    # the same span given twice
    (3, [(0, 2, (0, "value")), (0, 2, (0, "value"))], [(0, 2, {(0, "value")}), (2, 3, set())]),
])
def test_segments_table(length, spans, expected):
    assert [(s, e, set(k)) for s, e, k in segments(length, spans)] == expected


@pytest.mark.parametrize(("keys", "kind"), [
    ([], None),
    ([(0, "reference_period")], "reference_period"),
    ([(0, "period"), (1, "reference_period")], "period"),
    ([(3, "region"), (0, "period")], "region"),
    ([(1, "indicator"), (0, "region"), (2, "period")], "indicator"),
    ([(5, "period"), (0, "value"), (2, "indicator")], "value"),
])
def test_top_kind(keys, kind):
    assert top_kind(keys) == kind


@st.composite
def text_and_facts(draw):
    text = draw(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
    n = len(text)

    def span():
        return st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted).map(tuple)

    facts = []
    for _ in range(draw(st.integers(0, 6))):
        fields = {kind: draw(st.none() | span()) for kind in KINDS[1:]}
        facts.append(make_fact(text, draw(span()), **fields))
    return text, facts


@given(text_and_facts())
def test_span_segments_tile_and_cover(case):
    text, facts = case
    check_segments(text, facts, span_segments(text, facts))


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_span_segments_on_seeds(path):
    text = path.read_text(encoding="utf-8")
    facts = extract(text, doc_id=path.stem)
    assert facts
    check_segments(text, facts, span_segments(text, facts))


# --- HTML -------------------------------------------------------------------------------------


class PageReader(HTMLParser):
    """Collects each document's text block, its fact rows, and every tag's attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, str] = {}
        self.rows: dict[str, list[dict[str, str | None]]] = {}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._text_id: str | None = None
        self._depth = 0
        self._table: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if self._text_id is not None:
            self._depth += 1
        elif tag == "div" and "text" in (attributes.get("class") or "").split():
            self._text_id, self._depth = attributes["id"], 1
            self.texts[self._text_id] = ""
        if tag == "table":
            self._table = attributes.get("id")
            self.rows[self._table] = []
        if tag == "tr" and "fact" in (attributes.get("class") or "").split():
            self.rows[self._table].append(attributes)

    def handle_endtag(self, tag):
        if self._text_id is not None:
            self._depth -= 1
            if self._depth == 0:
                self._text_id = None

    def handle_data(self, data):
        if self._text_id is not None:
            self.texts[self._text_id] += data


def read_page(page: str) -> PageReader:
    reader = PageReader()
    reader.feed(page)
    reader.close()
    return reader


def seed_documents() -> list[tuple[str, str, list[Fact]]]:
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        docs.append((path.stem, text, extract(text, doc_id=path.stem)))
    return docs


EVIL = 'x <script>alert("&amp; \'q\'")</script> & <b>\r\nIn 2024 unemployment fell by 0.3%.\n'


@pytest.fixture(scope="module")
def documents():
    docs = seed_documents()
    docs.append(('evil <script>alert("id")</script>', EVIL, extract(EVIL, doc_id="evil")))
    docs.append(("no facts", "Nothing to see here.\n", []))
    docs.append(("empty", "", []))
    return docs


@pytest.fixture(scope="module")
def page(documents):
    return render_html(documents, title="seeds & <friends>")


def test_html_keeps_every_text_exactly(documents, page):
    reader = read_page(page)
    assert len(reader.texts) == len(documents)
    for index, (_, text, _) in enumerate(documents):
        assert reader.texts[f"d{index}-text"] == text


def test_html_one_row_per_fact(documents, page):
    reader = read_page(page)
    for index, (_, _, facts) in enumerate(documents):
        rows = reader.rows.get(f"d{index}-facts", [])
        assert [row["data-fact"] for row in rows] == [str(n) for n in range(1, len(facts) + 1)]
    assert sum(len(rows) for rows in reader.rows.values()) == sum(len(f) for _, _, f in documents)


def test_html_loads_nothing_from_outside(page):
    reader = read_page(page)
    for tag, attributes in reader.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed", "base")
        assert "src" not in attributes, tag
        assert attributes.get("href") in (None,) or attributes["href"].startswith("#"), tag
    assert "http://" not in page and "https://" not in page
    assert "url(" not in page and "@import" not in page
    assert page.count("<script") == 1 and "<script>" in page  # ours, inline


def test_html_escapes_document_text_and_ids(page):
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;&amp;amp; &#x27;q&#x27;&quot;)&lt;/script&gt;" in page
    assert "& <b>" not in page and "&amp; &lt;b&gt;" in page
    assert "&#13;" in page and "\r" not in page  # a CR survives HTML parsing only as a reference
    assert "seeds &amp; &lt;friends&gt;" in page


def test_html_summary_and_legend(documents, page):
    facts = [f for _, _, fs in documents for f in fs]
    mean = sum(f.confidence for f in facts) / len(facts)
    assert f"documents: <b>{len(documents)}</b>" in page
    assert f"facts: <b>{len(facts)}</b>" in page
    assert f"mean confidence: <b>{mean:.2f}</b>" in page
    for kind in KINDS:
        assert f'class="seg k-{kind}"' in page
    assert "No facts extracted from this document." in page
    assert 'data-type="num" data-col="confidence"' in page and 'data-type="num" data-col="number"' in page


def test_html_marks_low_confidence_and_mismatched_spans():
    text = "In 2024 there were 12 births and 7 deaths."
    good = make_fact(text, (19, 21), period=(3, 7), confidence=0.9)
    low = make_fact(text, (33, 34), period=(3, 7), confidence=0.2)
    bad = Fact("t", Value("99", 0, 2, 99, "person"), "level", None, None, None, None, None, confidence=0.9)
    page = render_html([("d", text, [good, low, bad])])
    rows = read_page(page).rows["d0-facts"]
    assert [row["class"].split() for row in rows] == [["fact"], ["fact", "low"], ["fact", "bad"]]
    assert 'class="seg k-value low"' in page
    assert "low confidence (&lt; 0.5): <b>1</b>" in page
    assert "span text differs from the document" in page


def test_html_many_documents_collapse():
    text = "In 2024 unemployment fell by 0.3%."
    facts = extract(text)
    many = render_html((f"doc{i}", text, facts) for i in range(300))  # any iterable, even a generator
    assert many.count('<details class="doc"') == 300 and "open>" not in many
    assert len(read_page(many).rows) == 300
    few = render_html([("a", text, facts), ("b", text, [])])
    assert few.count('<details class="doc"') == few.count(" open>") == 2


def test_html_no_documents():
    page = render_html([])
    assert "No documents." in page and "documents: <b>0</b>" in page and "mean confidence: <b>\u2014</b>" in page


# --- terminal -------------------------------------------------------------------------------


def test_show_prints_values_and_headers():
    for _, text, facts in seed_documents():
        console = Console(record=True, width=120, file=io.StringIO())
        show(text, facts, console=console, doc_id="seed")
        out = console.export_text()
        for header in ("#", "value", "unit", "measure", "indicator", "region", "period", "confidence"):
            assert re.search(rf"[┃│|]\s*{re.escape(header)}\s", out), header
        for fact in facts:
            assert fact.value.text in out
        assert "seed" in out


def test_show_without_colour_marks_values_and_keeps_markup_literal():
    text = "[bold]Note[/bold]\r\nIn 2024 unemployment fell by 0.3%.\r\nBirths rose by 2% in 2024."
    facts = extract(text)
    assert len(facts) == 2
    console = Console(file=io.StringIO(), width=100, force_terminal=False)
    show(text, facts, console=console)
    out = console.file.getvalue()
    assert "\x1b[" not in out
    assert "[bold]Note[/bold]" in out
    assert "[0.3%]#1" in out and "[2%]#2" in out  # rich drops the CRs: the marks still sit on the values


def test_show_in_colour_keeps_the_text():
    text = "In 2024 unemployment fell by 0.3%."
    console = Console(file=io.StringIO(), width=100, force_terminal=True, color_system="truecolor", record=True)
    show(text, extract(text), console=console)
    assert "\x1b[" in console.file.getvalue()
    assert text in console.export_text()


def test_show_long_text_and_no_facts():
    text = (SEEDS / "003_34052f527fd0f2ed.txt").read_text(encoding="utf-8") * 20
    facts = extract(text)
    console = Console(file=io.StringIO(), width=120, force_terminal=False)
    show(text.replace("\n", " "), facts, console=console)  # one very long line
    assert len(console.file.getvalue()) > len(text)
    console = Console(record=True, width=120, file=io.StringIO())
    show("", [], console=console)
    assert "No facts extracted." in console.export_text()


# --- a real browser ---------------------------------------------------------------------------

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_browser() -> str | None:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    path = find_browser()
    if path is None:
        pytest.skip("no headless browser (chromium or google-chrome) installed; "
                    "install one with `apt-get install -y chromium` to run the browser test")
    profile = tmp_path_factory.mktemp("browser-profile")

    def run(page: Path, *args: str) -> str:
        """The browser's standard output, decoded as it is (a text-mode pipe would turn CR LF into LF)."""
        command = [path, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   f"--user-data-dir={profile}", *args, page.as_uri()]
        done = subprocess.run(command, capture_output=True, timeout=180)
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
        return done.stdout.decode("utf-8")

    return run


def test_browser_runs_the_page(browser, documents, page, tmp_path):
    # The page's script, then a test script that sorts the first table by confidence and hovers a row.
    probe = """<script>
    document.querySelector('#d0 th[data-col="confidence"]').click();
    document.querySelector('#d0 tr.fact[data-fact="2"]').dispatchEvent(new MouseEvent("mouseenter"));
    </script></body>"""
    file = tmp_path / "report.html"
    file.write_text(page.replace("</body>", probe), encoding="utf-8")
    dom = browser(file, "--dump-dom")
    reader = read_page(dom)
    body = dict(next(a for t, a in reader.tags if t == "body"))
    assert body.get("data-ready") == "1", "the page's script did not finish"
    assert body.get("data-rows") == str(sum(len(f) for _, _, f in documents))
    rows = reader.rows["d0-facts"]
    assert len(rows) == len(documents[0][2])
    by_number = {str(n): f.confidence for n, f in enumerate(documents[0][2], start=1)}
    shown = [by_number[row["data-fact"]] for row in rows]
    assert shown == sorted(shown), "clicking the confidence header did not sort the rows"
    highlighted = [a for t, a in reader.tags if t == "span" and "hl" in (a.get("class") or "").split()]
    assert highlighted and all(re.search(r"(^| )2[virpq]( |$)", a["data-fk"]) for a in highlighted)
    assert {"hl-v", "hl-p"} <= {c for a in highlighted for c in a["class"].split()}
    for index, (_, text, _) in enumerate(documents):  # the browser read every text exactly
        assert reader.texts[f"d{index}-text"] == text


def test_browser_screenshot(browser, page, tmp_path):
    file = tmp_path / "report.html"
    file.write_text(page, encoding="utf-8")
    shot = tmp_path / "shot.png"
    browser(file, f"--screenshot={shot}", "--window-size=1280,2000")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 2000)
    assert len(data) > 50_000  # a rendered page, not a blank one


def _move_slider(page: str, to: float) -> str:
    """The page with a script that moves the threshold slider to ``to`` as a user would."""
    probe = f"""<script>
    var s = document.getElementById("threshold");
    s.value = "{to}";
    s.dispatchEvent(new Event("input"));
    </script></body>"""
    return page.replace("</body>", probe)


@pytest.mark.issue(10)
def test_browser_threshold_slider_hides_facts_below_it(browser, documents, page, tmp_path):
    confidences = sorted(f.confidence for _, _, facts in documents for f in facts)
    to = round(confidences[len(confidences) // 2], 2)  # the median: some facts on each side
    expected = sum(round(c, 4) >= to for c in confidences)  # the page holds confidences to 4 places
    assert 0 < expected < len(confidences)
    file = tmp_path / "report.html"
    file.write_text(_move_slider(page, to), encoding="utf-8")
    dom = browser(file, "--dump-dom")
    reader = read_page(dom)
    body = dict(next(a for t, a in reader.tags if t == "body"))
    assert body.get("data-shown") == str(expected)
    assert f"{expected} of {len(confidences)} facts shown" in dom
    for index, (_, _, facts) in enumerate(documents):
        for row in reader.rows.get(f"d{index}-facts", []):
            fact = facts[int(row["data-fact"]) - 1]
            assert ("below" in row["class"].split()) == (round(fact.confidence, 4) < to), (index, row)
    faded = [a for t, a in reader.tags if t == "span" and "below" in (a.get("class") or "").split()]
    assert faded and all(a.get("data-fk") for a in faded)


@pytest.mark.issue(10)
def test_browser_screenshot_with_the_slider_moved(browser, page, tmp_path):
    file = tmp_path / "report.html"
    file.write_text(_move_slider(page, 0.85), encoding="utf-8")
    shot = tmp_path / "slider.png"
    browser(file, f"--screenshot={shot}", "--window-size=1280,1400")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000
    keep = os.environ.get("EXTRACTOR_KEEP_SCREENSHOT")  # to look at it: EXTRACTOR_KEEP_SCREENSHOT=path
    if keep:
        shutil.copyfile(shot, keep)
