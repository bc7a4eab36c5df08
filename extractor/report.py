"""Human-facing reports: facts highlighted in their text, as one HTML page or in a terminal.

``render_html(documents)`` builds one self-contained page (inline CSS and JavaScript,
nothing fetched) with, for each document, its text with every fact's spans
highlighted by kind and a sortable table of its facts; hovering or clicking a row
shows that fact's spans. ``show(text, facts)`` prints the same in a terminal with
``rich``.

Spans of different facts overlap (one period serves many values), so the text is
cut at every span boundary into segments, each carrying the set of
``(fact index, kind)`` it belongs to; a segment is coloured by its most specific
kind (value > indicator > region > period > reference_period):

>>> from extractor import extract
>>> text = "In 2024 unemployment fell by 0.3%."
>>> [(text[s:e], sorted(keys)) for s, e, keys in span_segments(text, extract(text))]  # doctest: +NORMALIZE_WHITESPACE
[('In ', []), ('2024', [(0, 'period')]), (' ', []), ('unemployment', [(0, 'indicator')]),
 (' fell by ', []), ('0.3%', [(0, 'value')]), ('.', [])]
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from . import __version__
from .types import Fact, Indicator, Period, Region, Value

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["KINDS", "LOW_CONFIDENCE", "fact_spans", "render_html", "segments", "show", "span_segments", "top_kind"]

#: The kinds of span a fact has, most specific first: a segment shows the first kind it carries.
KINDS: tuple[str, ...] = ("value", "indicator", "region", "period", "reference_period")
#: Facts below this confidence are marked as low-confidence in both reports.
LOW_CONFIDENCE = 0.5

_PRIORITY = {kind: rank for rank, kind in enumerate(KINDS)}
_CODE = {"value": "v", "indicator": "i", "region": "r", "period": "p", "reference_period": "q"}
_LABEL = {"value": "value", "indicator": "indicator", "region": "region", "period": "period",
          "reference_period": "reference period"}
_HTML_COLOUR = {"value": "#ffd54f", "indicator": "#81d4fa", "region": "#a5d6a7", "period": "#d1a3e0",
                "reference_period": "#ffab91"}
_RICH_STYLE = {"value": "bold black on gold1", "indicator": "black on sky_blue1", "region": "black on pale_green1",
               "period": "black on plum2", "reference_period": "black on light_salmon1"}

Span = Value | Indicator | Region | Period
Key = tuple[int, str]
Segment = tuple[int, int, frozenset[Key]]


# --- segments: pure ---------------------------------------------------------------------


def fact_spans(fact: Fact) -> list[tuple[str, Span]]:
    """``(kind, span)`` for each field of the fact that points into the text, in ``KINDS`` order."""
    fields = (fact.value, fact.indicator, fact.region, fact.period, fact.reference_period)
    return [(kind, span) for kind, span in zip(KINDS, fields, strict=True) if span is not None]


def segments(length: int, spans: Iterable[tuple[int, int, Key]]) -> list[Segment]:
    """Cut ``range(length)`` at every span boundary: ``(start, end, keys)`` tiling it in order.

    Each segment is non-empty and carries the keys of exactly the spans that cover it;
    neighbouring segments carry different key sets. Spans are clamped to ``[0, length]``;
    an empty span covers nothing.

    >>> [(s, e, sorted(keys)) for s, e, keys in segments(10, [(2, 6, (0, "period")), (4, 5, (0, "value"))])]
    [(0, 2, []), (2, 4, [(0, 'period')]), (4, 5, [(0, 'period'), (0, 'value')]), (5, 6, [(0, 'period')]), (6, 10, [])]
    """
    if length <= 0:
        return []
    opens: dict[int, list[Key]] = {}
    closes: dict[int, list[Key]] = {}
    for start, end, key in spans:
        start, end = max(0, min(start, length)), max(0, min(end, length))  # as _clamp
        if start < end:
            opens.setdefault(start, []).append(key)
            closes.setdefault(end, []).append(key)
    bounds = sorted({0, length, *opens, *closes})
    active: dict[Key, int] = {}  # a key may come twice (the same span given twice): count it
    out: list[Segment] = []
    for here, following in pairwise(bounds):
        for key in closes.get(here, ()):
            active[key] -= 1
            if not active[key]:
                del active[key]
        for key in opens.get(here, ()):
            active[key] = active.get(key, 0) + 1
        keys = frozenset(active)
        if out and out[-1][2] == keys:
            out[-1] = (out[-1][0], following, keys)
        else:
            out.append((here, following, keys))
    return out


def span_segments(text: str, facts: Sequence[Fact]) -> list[Segment]:
    """The text cut at every span boundary of the facts: ``(start, end, {(fact index, kind)})``.

    ``"".join(text[s:e] for s, e, _ in span_segments(text, facts)) == text``, and the
    segments carrying ``(i, kind)`` are exactly those inside that span of ``facts[i]``.
    """
    return segments(len(text), ((span.start, span.end, (i, kind))
                                for i, fact in enumerate(facts) for kind, span in fact_spans(fact)))


def top_kind(keys: Iterable[Key]) -> str | None:
    """The most specific kind among the keys (value > indicator > region > period > reference_period)."""
    return min((kind for _, kind in keys), key=_PRIORITY.__getitem__, default=None)


def _clamp(offset: int, text: str) -> int:
    return max(0, min(offset, len(text)))


def _span_ok(text: str, span: Span) -> bool:
    return 0 <= span.start <= span.end <= len(text) and text[span.start:span.end] == span.text


def _mismatches(text: str, fact: Fact) -> list[str]:
    return [kind for kind, span in fact_spans(fact) if not _span_ok(text, span)]


# --- formatting shared by both reports ------------------------------------------------------


def _number(value: Value) -> str:
    number = value.to_dict()["number"]
    return str(number)


def _period(period: Period | None) -> str:
    if period is None:
        return ""
    if period.first == period.last:
        return period.first.isoformat()
    return f"{period.first.isoformat()}..{period.last.isoformat()}"


def _breakdown(fact: Fact) -> str:
    return "; ".join(f"{k}={v}" for k, v in fact.breakdown)


def _measure(fact: Fact) -> str:
    return f"{fact.measure} ({fact.direction})" if fact.direction else fact.measure


# --- HTML -----------------------------------------------------------------------------------


def _esc(text: str) -> str:
    """Escape for HTML text and attributes; a CR is written as a reference so parsers keep it."""
    return html.escape(text, quote=True).replace("\r", "&#13;")


_CSS = """
:root { --value: %(value)s; --indicator: %(indicator)s; --region: %(region)s; --period: %(period)s;
        --reference_period: %(reference_period)s; --low: #c62828; --muted: #666; --line: #ddd; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
       margin: 0; color: #222; background: #fafafa; }
header { position: sticky; top: 0; z-index: 5; background: #fff; border-bottom: 1px solid var(--line);
         padding: 10px 18px; box-shadow: 0 1px 3px rgba(0,0,0,.06); }
header h1 { font-size: 18px; margin: 0 0 4px; }
main { padding: 12px 18px 40px; }
.stats { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 0; padding: 0; list-style: none; }
.stats b { font-variant-numeric: tabular-nums; }
.legend { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-top: 6px; }
.legend .seg { padding: 1px 6px; border-radius: 3px; }
.legend .note { color: var(--muted); font-size: 12px; }
.tools button { font: inherit; font-size: 12px; padding: 1px 8px; margin-left: 4px; cursor: pointer; }
.warn { color: var(--low); font-weight: 600; }
details.doc { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 10px 0; }
details.doc > summary { cursor: pointer; padding: 8px 12px; font-weight: 600; display: flex; gap: 14px;
                        flex-wrap: wrap; align-items: baseline; }
details.doc > summary .id { font-family: ui-monospace, Menlo, Consolas, monospace; }
details.doc > summary .meta { font-weight: 400; color: var(--muted); }
details.doc[open] > summary { border-bottom: 1px solid var(--line); }
.body { padding: 10px 12px; }
.text { position: relative; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 15px; line-height: 1.75;
        max-height: 32em; overflow: auto; resize: vertical; padding: 8px 10px; background: #fff;
        border: 1px solid var(--line); border-radius: 4px; }
.seg { border-radius: 2px; cursor: pointer; }
.k-value { background: rgba(255, 193, 7, calc(0.12 + 0.88 * var(--c, 1))); font-weight: 600; }
.k-indicator { background: var(--indicator); }
.k-region { background: var(--region); }
.k-period { background: var(--period); }
.k-reference_period { background: var(--reference_period); }
.seg.low { outline: 2px dashed var(--low); outline-offset: 0; }
.focusing .text .seg:not(.hl) { background: transparent; font-weight: inherit; outline: none;
                                border-bottom: 1px dotted #aaa; }
.seg.hl { box-shadow: 0 0 0 2px #222; }
.seg.hl-v { background: var(--value); } .seg.hl-i { background: var(--indicator); }
.seg.hl-r { background: var(--region); } .seg.hl-p { background: var(--period); }
.seg.hl-q { background: var(--reference_period); }
.none { color: var(--muted); font-style: italic; }
.tablewrap { overflow-x: auto; margin-top: 10px; }
table.facts { border-collapse: collapse; width: 100%%; font-size: 12.5px; }
.nw { white-space: nowrap; }
table.facts th, table.facts td { border-bottom: 1px solid var(--line); padding: 3px 5px; text-align: left;
                                 vertical-align: top; }
table.facts th { background: #f0f0f0; cursor: pointer; user-select: none;
                 position: sticky; top: 0; }
table.facts th::after { content: "\\2195"; color: #bbb; font-size: 10px; margin-left: 2px; }
table.facts th[aria-sort=ascending]::after { content: "\\25B2"; color: #222; }
table.facts th[aria-sort=descending]::after { content: "\\25BC"; color: #222; }
table.facts td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.facts td .sub { display: block; color: var(--muted); font-size: 11.5px; }
table.facts td.val { white-space: nowrap; }
table.facts td.val span { background: var(--value); padding: 0 3px; border-radius: 2px; font-weight: 600; }
table.facts tr.fact { cursor: pointer; }
table.facts tr.fact:hover, table.facts tr.fact.on { background: #fff8d6; }
table.facts tr.fact.pinned { background: #ffeb99; }
table.facts tr.fact.low { background: #fff1f1; }
table.facts tr.fact.low td.conf { color: var(--low); font-weight: 700; }
table.facts tr.fact.low td:first-child { border-left: 4px solid var(--low); }
table.facts tr.fact.bad td { background: #ffe0e0; }
.mono { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
table.facts td.conf { background: rgba(255, 193, 7, calc(0.12 + 0.88 * var(--c, 1))); }
table.facts tr.fact.below { display: none; }
.text .seg.below { background: transparent; font-weight: inherit; outline: none; border-bottom: 1px dotted #ccc; }
.threshold { display: flex; gap: 8px; align-items: center; margin-top: 6px; font-size: 13px; }
.threshold input { width: 220px; }
.threshold output { font-variant-numeric: tabular-nums; }
"""

_JS = r"""
(function () {
  "use strict";
  var CODES = ["v", "i", "r", "p", "q"];
  function clear(doc) {
    doc.classList.remove("focusing");
    doc.querySelectorAll(".seg.hl").forEach(function (s) {
      s.classList.remove("hl", "hl-v", "hl-i", "hl-r", "hl-p", "hl-q");
    });
    doc.querySelectorAll("tr.fact.on").forEach(function (r) { r.classList.remove("on"); });
  }
  function focus(doc, n, scroll) {
    clear(doc);
    doc.classList.add("focusing");
    var first = null;
    CODES.forEach(function (c) {
      doc.querySelectorAll('.seg[data-fk~="' + n + c + '"]').forEach(function (s) {
        s.classList.add("hl", "hl-" + c);
        if (!first) { first = s; }
      });
    });
    var row = doc.querySelector('tr.fact[data-fact="' + n + '"]');
    if (row) { row.classList.add("on"); }
    if (scroll && first) {
      var box = first.closest(".text");
      if (box) { box.scrollTop = Math.max(0, first.offsetTop - box.clientHeight / 3); }
    }
  }
  function pinned(doc) { return doc.querySelector("tr.fact.pinned"); }
  function restore(doc) {
    var p = pinned(doc);
    if (p) { focus(doc, p.getAttribute("data-fact"), false); } else { clear(doc); }
  }
  function sortKey(cell, numeric) {
    var v = cell.getAttribute("data-v");
    if (v === null) { v = cell.textContent.trim(); }
    if (numeric) { var x = parseFloat(v); return isNaN(x) ? null : x; }
    return v === "" ? null : v.toLowerCase();
  }
  function sortTable(th) {
    var table = th.closest("table"), body = table.tBodies[0];
    var col = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.getAttribute("data-type") === "num";
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows).map(function (r, i) {
      return { row: r, key: sortKey(r.cells[col], numeric), i: i };
    });
    rows.sort(function (a, b) {
      if (a.key === b.key) { return a.i - b.i; }
      if (a.key === null) { return 1; }
      if (b.key === null) { return -1; }
      return (a.key < b.key ? -1 : 1) * dir;
    });
    rows.forEach(function (r) { body.appendChild(r.row); });
  }
  var bound = 0;
  document.querySelectorAll("details.doc").forEach(function (doc) {
    doc.querySelectorAll("tr.fact").forEach(function (row) {
      var n = row.getAttribute("data-fact");
      bound += 1;
      row.addEventListener("mouseenter", function () { focus(doc, n, false); });
      row.addEventListener("mouseleave", function () { restore(doc); });
      row.addEventListener("click", function () {
        var was = row.classList.contains("pinned");
        doc.querySelectorAll("tr.fact.pinned").forEach(function (r) { r.classList.remove("pinned"); });
        if (was) { clear(doc); } else { row.classList.add("pinned"); focus(doc, n, true); }
      });
    });
    doc.querySelectorAll("table.facts th").forEach(function (th) {
      th.addEventListener("click", function () { sortTable(th); });
    });
    var text = doc.querySelector(".text");
    if (text) {
      text.addEventListener("click", function (ev) {
        var seg = ev.target.closest(".seg");
        if (!seg) { return; }
        var ids = (seg.getAttribute("data-fk") || "").split(" ").filter(Boolean);
        var value = ids.filter(function (t) { return t.slice(-1) === "v"; })[0] || ids[0];
        if (!value) { return; }
        var row = doc.querySelector('tr.fact[data-fact="' + value.slice(0, -1) + '"]');
        if (row) { row.click(); row.scrollIntoView({ block: "nearest" }); }
      });
    }
  });
  function all(open) {
    document.querySelectorAll("details.doc").forEach(function (d) { d.open = open; });
  }
  var ex = document.getElementById("expand-all"), co = document.getElementById("collapse-all");
  if (ex) { ex.addEventListener("click", function () { all(true); }); }
  if (co) { co.addEventListener("click", function () { all(false); }); }
  var slider = document.getElementById("threshold");
  function threshold() {
    var t = parseFloat(slider.value), shown = 0, total = 0;
    document.getElementById("threshold-value").textContent = t.toFixed(2);
    document.querySelectorAll("details.doc").forEach(function (doc) {
      var below = {};
      doc.querySelectorAll("tr.fact").forEach(function (row) {
        var low = parseFloat(row.getAttribute("data-conf")) < t;
        row.classList.toggle("below", low);
        if (low) { below[row.getAttribute("data-fact")] = true; } else { shown += 1; }
        total += 1;
      });
      // a span fades when every fact it belongs to is below the threshold (a period can serve many)
      doc.querySelectorAll(".text .seg").forEach(function (seg) {
        var ids = (seg.getAttribute("data-fk") || "").split(" ").filter(Boolean);
        seg.classList.toggle("below", ids.length > 0 && ids.every(function (id) { return below[id.slice(0, -1)]; }));
      });
    });
    document.getElementById("threshold-count").textContent = shown + " of " + total + " facts shown";
    document.body.setAttribute("data-shown", String(shown));
  }
  if (slider) { slider.addEventListener("input", threshold); threshold(); }
  document.body.setAttribute("data-rows", String(bound));
  document.body.setAttribute("data-ready", "1");
})();
"""

# (header, sorted as numbers): the cells are made in this order by _row
_COLUMNS: tuple[tuple[str, bool], ...] = (
    ("#", True), ("value", False), ("number", True), ("unit", False), ("measure", False), ("direction", False),
    ("indicator", False), ("region", False), ("period", False), ("reference period", False), ("breakdown", False),
    ("confidence", True), ("rule", False),
)


_DOT = " \u00b7 "
_NUMERIC = ' data-type="num"'


def _cell(css: str, content: str, sort: str | None = None, title: str | None = None) -> str:
    attrs = f' class="{css}"' if css else ""
    if sort is not None:
        attrs += f' data-v="{_esc(sort)}"'
    if title:
        attrs += f' title="{_esc(title)}"'
    return f"<td{attrs}>{content}</td>"


def _sub(main: str, sub: str | None, *, escaped: bool = False) -> str:
    return (main if escaped else _esc(main)) + (f'<span class="sub">{_esc(sub)}</span>' if sub else "")


def _period_html(period: Period) -> str:
    """The ISO bounds, each unbroken, with a break allowed only between them."""
    bounds = [f'<span class="nw">{_esc(d.isoformat())}</span>' for d in dict.fromkeys((period.first, period.last))]
    return "..<wbr>".join(bounds)


def _quoted(span: Span | None) -> str | None:
    return f"\u201c{span.text}\u201d" if span is not None else None


def _row(n: int, fact: Fact, text: str, low: float) -> str:
    bad = _mismatches(text, fact)
    classes = ["fact"] + (["low"] if fact.confidence < low else []) + (["bad"] if bad else [])
    v, ind, reg, per, ref = fact.value, fact.indicator, fact.region, fact.period, fact.reference_period
    warn = f" \u26a0 span text differs from the document: {', '.join(bad)}" if bad else ""
    qualifier = f" ({v.qualifier})" if v.qualifier else ""
    cells = [
        _cell("num", str(n), str(n)),
        _cell("val", f"<span>{_esc(v.text)}</span>" + _esc(qualifier + warn), v.text),
        _cell("num", _esc(_number(v)), repr(float(v.number))),
        _cell("", _esc(v.unit)),
        _cell("", _esc(fact.measure)),
        _cell("", _esc(fact.direction or "")),
        _cell("", _sub(ind.key or "(no key)", _quoted(ind)) if ind else "", (ind.key or "") if ind else ""),
        _cell("", _sub(f"{reg.code} {reg.name}", _quoted(reg)) if reg else "", reg.code if reg else ""),
        _cell("", _sub(_period_html(per), _quoted(per), escaped=True) if per else "", _period(per)),
        _cell("", _sub(_period_html(ref), _quoted(ref), escaped=True) if ref else "", _period(ref)),
        _cell("", _esc(_breakdown(fact))),
        _confidence_cell(fact, low),
        _cell("mono", _esc(fact.extractor)),
    ]
    return f'<tr class="{" ".join(classes)}" data-fact="{n}" data-conf="{fact.confidence:.4f}">{"".join(cells)}</tr>'


def _slots(fact: Fact) -> str:
    """``indicator 0.93 · region 0.88 · period 0.71``: each slot's probability of being right."""
    return _DOT.join(f"{name} {p:.2f}" for name, p in fact.slot_confidence)


def _confidence_cell(fact: Fact, low: float) -> str:
    """The confidence, shaded by its value, with each slot's beneath it and the evidence in the tooltip."""
    content = _esc(f"{fact.confidence:.2f}") + (" \u26a0" if fact.confidence < low else "")
    content += "".join(f'<span class="sub">{_esc(name)} {p:.2f}</span>' for name, p in fact.slot_confidence)
    title = "evidence: " + (", ".join(fact.evidence) or "none")
    if fact.slot_confidence:
        title = f"right with probability: {_slots(fact)}; {title}"
    return (f'<td class="num conf" style="--c:{fact.confidence:.3f}" data-v="{fact.confidence!r}"'
            f' title="{_esc(title)}">{content}</td>')


def _seg_title(keys: frozenset[Key]) -> str:
    parts = []
    for kind in KINDS:
        numbers = sorted(i + 1 for i, k in keys if k == kind)
        if numbers:
            shown = ", ".join(f"#{x}" for x in numbers[:12])
            more = f" +{len(numbers) - 12} more" if len(numbers) > 12 else ""
            parts.append(f"{_LABEL[kind]} of {shown}{more}")
    return "; ".join(parts)


def _text_html(text: str, facts: Sequence[Fact], low: float) -> str:
    out = []
    for start, end, keys in span_segments(text, facts):
        piece = _esc(text[start:end])
        if not keys:
            out.append(piece)
            continue
        kind = top_kind(keys)
        classes = ["seg", f"k-{kind}"]
        if any(k == "value" and facts[i].confidence < low for i, k in keys):
            classes.append("low")
        fk = " ".join(f"{i + 1}{_CODE[k]}" for i, k in sorted(keys, key=lambda key: (key[0], _PRIORITY[key[1]])))
        values = [facts[i] for i, k in keys if k == "value"]
        style = f' style="--c:{min(f.confidence for f in values):.3f}"' if values else ""
        title = _seg_title(keys) + "".join(f"; confidence {f.confidence:.2f}" + (f" ({_slots(f)})" if f.slot_confidence
                                                                                else "") for f in values)
        out.append(f'<span class="{" ".join(classes)}" data-fk="{fk}"{style} title="{_esc(title)}">'
                   f"{piece}</span>")
    return "".join(out)


def _mean(values: Sequence[float]) -> str:
    return f"{sum(values) / len(values):.2f}" if values else "\u2014"


def _document_html(index: int, doc_id: str | None, text: str, facts: Sequence[Fact], low: float, is_open: bool) -> str:
    confidences = [f.confidence for f in facts]
    n_low = sum(c < low for c in confidences)
    n_bad = sum(bool(_mismatches(text, f)) for f in facts)
    meta = [f"{len(facts)} fact{'s' if len(facts) != 1 else ''}", f"mean confidence {_mean(confidences)}",
            f"{len(text):,} characters"]
    warn = []
    if n_low:
        warn.append(f"{n_low} low-confidence")
    if n_bad:
        warn.append(f"{n_bad} with mismatched spans")
    shown_id = doc_id if doc_id is not None else f"(document {index + 1}, no id)"
    parts = [
        f'<details class="doc" id="d{index}" data-doc-id="{_esc(shown_id)}"{" open" if is_open else ""}>',
        f'<summary><span class="id">{_esc(shown_id)}</span><span class="meta">{_esc(_DOT.join(meta))}</span>'
        + (f'<span class="warn">{_esc(", ".join(warn))}</span>' if warn else "") + "</summary>",
        '<div class="body">',
        f'<div class="text" id="d{index}-text">{_text_html(text, facts, low)}</div>',
    ]
    if facts:
        head = "".join(f'<th{_NUMERIC if numeric else ""} data-col="{_esc(name.replace(" ", "_"))}"'
                       f' scope="col">{_esc(name)}</th>' for name, numeric in _COLUMNS)
        rows = "\n".join(_row(n, fact, text, low) for n, fact in enumerate(facts, start=1))
        parts.append(f'<div class="tablewrap"><table class="facts" id="d{index}-facts"><thead><tr>{head}</tr></thead>'
                     f"<tbody>\n{rows}\n</tbody></table></div>")
    else:
        parts.append('<p class="none">No facts extracted from this document.</p>')
    parts.append("</div></details>")
    return "\n".join(parts)


def render_html(documents: Iterable[tuple[str, str, list[Fact]]], *, title: str = "extractor report",
                low_confidence: float = LOW_CONFIDENCE, open_documents: int = 10) -> str:
    """One self-contained HTML page reporting ``(doc_id, text, facts)`` documents.

    Each document is a collapsible section (all open when there are at most
    ``open_documents`` of them) with its text, every fact's spans highlighted by
    kind, and a table of its facts, sortable by clicking a header; hovering a row
    highlights that fact's spans, clicking pins it (clicking a highlighted span
    selects its fact's row). Facts with confidence below ``low_confidence`` are
    marked; each value is shaded by its confidence, its row shows each slot's, and a
    slider hides the facts below a threshold (with a count of those shown). Nothing
    is loaded from the network: CSS and JavaScript are inline.
    """
    docs = [(doc_id, text, list(facts)) for doc_id, text, facts in documents]
    is_open = len(docs) <= open_documents
    all_facts = [f for _, _, facts in docs for f in facts]
    confidences = [f.confidence for f in all_facts]
    n_low = sum(c < low_confidence for c in confidences)
    n_bad = sum(bool(_mismatches(text, f)) for _, text, facts in docs for f in facts)
    empty = sum(not facts for _, _, facts in docs)
    stats = [
        ("documents", f"{len(docs):,}"), ("facts", f"{len(all_facts):,}"),
        ("mean confidence", _mean(confidences)),
        (f"low confidence (&lt; {low_confidence:g})", f"{n_low:,}"),
        ("documents without facts", f"{empty:,}"),
    ]
    stats_html = "".join(f"<li>{label}: <b>{value}</b></li>" for label, value in stats)
    if n_bad:
        stats_html += f'<li class="warn">facts whose span text differs from the document: <b>{n_bad:,}</b></li>'
    legend = "".join(f'<span class="seg k-{kind}">{_esc(_LABEL[kind])}</span>' for kind in KINDS)
    legend += ('<span class="seg k-value low">low-confidence value</span>'
               '<span class="note">a value is shaded by its confidence (pale: unsure); overlaps show the most'
               " specific kind; hover or click a table row to see one fact's spans; click a column header to"
               " sort</span>")
    body = "\n".join(_document_html(i, doc_id, text, facts, low_confidence, is_open)
                     for i, (doc_id, text, facts) in enumerate(docs))
    if not docs:
        body = '<p class="none">No documents.</p>'
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="extractor {_esc(__version__)}">
<title>{_esc(title)}</title>
<style>{_CSS % _HTML_COLOUR}</style>
</head>
<body>
<header>
<h1>{_esc(title)}</h1>
<ul class="stats">{stats_html}<li class="tools"><button type="button" id="expand-all">expand all</button>
<button type="button" id="collapse-all">collapse all</button></li></ul>
<div class="legend">{legend}</div>
<div class="threshold"><label for="threshold">hide facts below confidence</label>
<input type="range" id="threshold" min="0" max="1" step="0.01" value="0">
<b id="threshold-value">0.00</b>
<output id="threshold-count" for="threshold">{len(all_facts):,} of {len(all_facts):,} facts shown</output></div>
</header>
<main>
{body}
</main>
<script>{_JS}</script>
</body>
</html>
"""


# --- terminal -------------------------------------------------------------------------------


def show(text: str, facts: list[Fact], *, console: Console | None = None, doc_id: str | None = None,
         low_confidence: float = LOW_CONFIDENCE, markers: bool | None = None) -> None:
    """Print the text with each fact's spans highlighted by kind, then a table of the facts.

    Without colour (the console is not a terminal, or ``NO_COLOR``), or when
    ``markers`` is true, each value is bracketed and numbered in the text,
    ``[23761]#1``, so it can be found in the table; otherwise the text is printed
    exactly as it is, styled.
    """
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = console or Console()
    if markers is None:
        markers = console.no_color or console.color_system is None
    confidences = [f.confidence for f in facts]
    heading = Text(doc_id if doc_id is not None else "document", style="bold")
    heading.append(f"  {len(facts)} fact{'s' if len(facts) != 1 else ''}, mean confidence {_mean(confidences)}",
                   style="dim")
    console.rule(heading, align="left")
    if markers:
        legend = Text("values are marked [value]#n, n being the fact's row in the table", style="dim")
    else:
        legend = Text("kinds: ", style="dim")
        for kind in KINDS:
            legend.append(_LABEL[kind], style=_RICH_STYLE[kind])
            legend.append(" ")
    console.print(legend)
    console.print(_styled_text(text, facts, markers, low_confidence), soft_wrap=False)

    if not facts:
        console.print(Text("No facts extracted.", style="italic dim"))
        return
    table = Table(show_lines=False, header_style="bold", expand=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("value", no_wrap=True, min_width=5, overflow="fold")
    table.add_column("unit", overflow="fold")
    table.add_column("measure", overflow="fold")
    table.add_column("indicator", min_width=12, overflow="fold")
    table.add_column("region", overflow="fold")
    table.add_column("period", min_width=10, overflow="fold")
    table.add_column("confidence", justify="right", no_wrap=True)
    for n, fact in enumerate(facts, start=1):
        low = fact.confidence < low_confidence
        bad = _mismatches(text, fact)
        value = Text()
        value.append(fact.value.text, style=_RICH_STYLE["value"])
        if fact.value.qualifier:
            value.append(f" ({fact.value.qualifier})")
        if bad:
            value.append(" \u26a0 span", style="bold red")
        ind, reg = fact.indicator, fact.region
        period = Text(_period(fact.period).replace("..", " .. "))  # a line may break between the bounds
        if fact.reference_period is not None:
            period.append("\nvs ")
            period.append(_period(fact.reference_period).replace("..", " .. "), style=_RICH_STYLE["reference_period"])
        indicator = Text(ind.key or "(no key)") if ind else Text()
        if ind:
            indicator.append(f"\n\u201c{ind.text}\u201d", style="dim")
        table.add_row(
            Text(str(n)), value, Text(fact.value.unit), Text(_measure(fact)), indicator,
            Text(f"{reg.code} {reg.name}" if reg else ""), period,
            Text(f"{fact.confidence:.2f}" + (" low" if low else ""), style="bold red" if low else ""),
        )
    console.print(table)


def _styled_text(text: str, facts: Sequence[Fact], markers: bool, low: float):  # -> rich.text.Text
    from rich.text import Text

    out = Text()
    for start, end, keys in span_segments(text, facts):
        piece = text[start:end]
        kind = top_kind(keys)
        style = _RICH_STYLE[kind] if kind else ""
        if kind == "value" and any(k == "value" and facts[i].confidence < low for i, k in keys):
            style += " underline"
        if markers:
            opening = [i for i, k in keys if k == "value" and _clamp(facts[i].value.start, text) == start]
            out.append("[" * len(opening), style="bold")
        out.append(piece, style=style)
        if markers:
            closing = sorted(i for i, k in keys if k == "value" and _clamp(facts[i].value.end, text) == end)
            for i in closing:
                out.append(f"]#{i + 1}", style="bold")
    return out
