"""The HTML detector: the models a web page offers in a `<select>` whose name or label is about a model."""

from __future__ import annotations

from html.parser import HTMLParser

from openwatch.scanner.detectors.base import Detection, Detector, ScanContext, SourceFile
from openwatch.scanner.hits import Hit, to_references
from openwatch.scanner.keyrules import key_hit, name_rule
from openwatch.scanner.textpos import LineIndex


class _Selects(HTMLParser):
    """Collects the options of model `<select>` elements, each at the offset of its value."""

    def __init__(self, text: str) -> None:
        """A parser over one page."""
        super().__init__(convert_charrefs=True)
        self.text = text
        self.index = LineIndex(text)
        self.labels: dict[str, str] = {}
        self.label_for: str | None = None
        self.select: str | None = None
        self.hits: list[Hit] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Note labels and model selects; an option inside one is a hit."""
        named = {key: value or "" for key, value in attrs}
        if tag == "label":
            self.label_for = named.get("for")
        elif tag == "select":
            names = [named.get("name", ""), named.get("id", ""), self.labels.get(named.get("id", ""), "")]
            self.select = next((name for name in names if name and name_rule(name)), None)
        elif tag == "option" and self.select is not None and named.get("value"):
            line, column = self.getpos()
            start = self.index.line_start(line) + column
            value = named["value"]
            found = self.text.find(value, start, start + len(self.get_starttag_text() or ""))
            offset = found if found >= 0 else start
            rule = name_rule(self.select)
            hit = key_hit(self.select, value, offset, rule=rule, note=f"HTML select {self.select}")
            self.hits.extend([hit] if hit is not None else [])

    def handle_endtag(self, tag: str) -> None:
        """Leave a label or a select."""
        if tag == "label":
            self.label_for = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data: str) -> None:
        """The text of a label names the control it is for."""
        if self.label_for and data.strip():
            self.labels[self.label_for] = self.labels.get(self.label_for, "") + data.strip()


class HtmlDetector(Detector):
    """Finds the model options a web page lets its user choose (a settings page, an extension's options)."""

    id = "html"
    keywords = ("<select",)

    def accepts(self, relpath: str) -> bool:
        """HTML pages."""
        return relpath.lower().endswith((".html", ".htm"))

    def detect(self, file: SourceFile, context: ScanContext) -> Detection:
        """The model options of one page; a page the parser cannot follow gives what was read before."""
        text = file.text or ""
        parser = _Selects(text)
        try:
            parser.feed(text)
            parser.close()
        except (AssertionError, ValueError) as error:  # html.parser's own complaints about broken markup
            problem: str | None = f"HTML not fully read: {error}"
        else:
            problem = None
        references = tuple(to_references(parser.hits, parser.index, file.relpath, self.id))
        return Detection(references, problem=problem, degraded=problem is not None)
