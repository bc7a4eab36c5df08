"""Reading documents from files exactly as stored, and finding them in folders.

Text is decoded without newline translation, so fact offsets index the file's own
characters (CRLF files included). HTML gives its visible text; offsets then refer
to that text, which ``extractor extract --with-text`` writes out so spans can be
checked. Anything that cannot be read raises :class:`InputError` with a one-line
reason; the caller reports it and goes on with the other files.
"""

from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
DEFAULT_MAX_BYTES = 32 * 1024 * 1024  # a release is kilobytes; a 50 MB "document" is a mistake


class InputError(Exception):
    """A document that cannot be extracted; the message is the one-line reason."""


@dataclass(frozen=True, slots=True)
class Source:
    """A document to read: where it is and the doc_id its facts will carry."""

    path: str  # as the user would recognise it; "-" is standard input
    doc_id: str


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: str
    path: str
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "cp1251"
    data: bytes  # the raw bytes, for content hashes


# --- finding files ----------------------------------------------------------------------


def collect(paths: list[str]) -> tuple[list[Source], list[tuple[str, str]]]:
    """The documents named by files, folders (recursive, sorted) and ``-``, with ``(path, reason)`` for
    every path that gives nothing: missing, a symlink loop, a folder without documents."""
    sources: list[Source] = []
    problems: list[tuple[str, str]] = []
    for raw in paths:
        if raw == "-":
            sources.append(Source("-", "stdin"))
            continue
        path = Path(raw)
        try:
            path.stat()
        except OSError as exc:
            problems.append((raw, _reason(exc)))
            continue
        if path.is_dir():
            found, loops = _walk(path)
            problems += loops
            if not found:
                problems.append((raw, f"no {', '.join(SUFFIXES)} files in this folder"))
            for file in found:
                doc_id = file.relative_to(path).with_suffix("").as_posix()
                sources.append(Source(str(file), doc_id))
        else:
            sources.append(Source(raw, path.stem))
    return sources, problems


def _walk(root: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """Document files below ``root`` in sorted order. Symlinked folders are followed once; a folder
    reached again (a symlink loop) is reported instead of walked forever."""
    found: list[Path] = []
    problems: list[tuple[str, str]] = []
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
        except OSError as exc:
            problems.append((str(folder), _reason(exc)))
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen:
            problems.append((str(folder), "symlink loop: this folder was already read"))
            continue
        seen.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            problems.append((str(folder), _reason(exc)))
            continue
        subfolders = []
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()  # follows symlinks
                is_file = entry.is_file()
            except OSError as exc:
                problems.append((str(path), _reason(exc)))
                continue
            if entry.is_symlink() and not is_dir and not is_file:
                try:
                    path.stat()
                except OSError as exc:
                    if path.suffix.lower() in SUFFIXES or exc.errno == errno.ELOOP:
                        problems.append((str(path), _reason(exc)))
                continue
            if is_dir:
                subfolders.append(path)
            elif is_file and path.suffix.lower() in SUFFIXES:
                found.append(path)
        stack.extend(reversed(subfolders))
    return sorted(found), problems


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)


# --- reading one document ---------------------------------------------------------------


def read_document(source: Source, *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: object = None) -> Document:
    """The document's text, decoded as stored; :class:`InputError` with the reason otherwise."""
    data = _read_bytes(source, max_bytes, stdin)
    if not data.strip():
        raise InputError("empty file")
    text, encoding = decode(data)
    if source.path.lower().endswith(HTML_SUFFIXES):
        text = html_text(text)
        if not text.strip():
            raise InputError("HTML page without visible text")
    return Document(source.doc_id, source.path, text, encoding, data)


def _read_bytes(source: Source, max_bytes: int, stdin: object) -> bytes:
    if source.path == "-":
        import sys

        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_bytes + 1)  # type: ignore[attr-defined]
        if len(data) > max_bytes:
            raise InputError(f"standard input is larger than the {max_bytes // 2**20} MB limit (--max-size)")
        return data
    path = Path(source.path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"file too large: {size / 2**20:.1f} MB > {max_bytes // 2**20} MB limit (--max-size)")
        return path.read_bytes()
    except IsADirectoryError as exc:
        raise InputError("is a directory") from exc
    except OSError as exc:
        raise InputError(_reason(exc)) from exc


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding used: UTF-8 with or without BOM, UTF-16 with BOM, then cp1251
    (Cyrillic releases). Binary data raises :class:`InputError`.

    >>> decode("Население 20,7%".encode("cp1251"))
    ('Население 20,7%', 'cp1251')
    >>> decode(b"\\xef\\xbb\\xbfText")
    ('Text', 'utf-8-sig')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {encoding} after its byte-order mark (byte {exc.start})") from exc
    head = data[:8192]
    if b"\x00" in head or len(_CONTROL.findall(head)) > max(8, len(head) // 100):
        raise InputError("binary file (not text)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251"), "cp1251"
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8, UTF-16 or cp1251 (byte {exc.start})") from exc


# --- HTML -------------------------------------------------------------------------------

_SKIP = {"script", "style", "head", "noscript", "template", "svg", "iframe", "object"}
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
          "footer", "table", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "hr", "main", "aside", "nav",
          "figure", "figcaption", "caption", "thead", "tbody", "tfoot", "title", "form", "address"}
_CELL = {"td", "th"}


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "pre":
            self.pre += 1
        if tag in _BLOCK:
            self.parts.append("\n")
        elif tag in _CELL:
            self.parts.append("\t")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self.parts.append(data if self.pre else re.sub(r"\s+", " ", data))


def html_text(html: str) -> str:
    """The visible text of an HTML page: no scripts, styles or head; blocks on their own lines.

    >>> html_text("<html><head><title>t</title><style>p{}</style></head><body><h1>Births</h1>"
    ...           "<p>In 2024 there were <b>12,400</b>\\n births.</p><script>x=1</script></body></html>")
    'Births\\n\\nIn 2024 there were 12,400 births.'
    """
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = [line.strip(" \t") for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n")
