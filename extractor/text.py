"""One normalised text for the rules, with a way back to page, line and box.

Rules run regular expressions and spaCy matchers over a single string; the
reviewer needs to see where a value came from. ``DocText`` keeps, for every
line of the normalised string, its page and box, so any character span maps
back to ``Evidence``. Normalisation never changes the number of lines, only
what is inside them (quotes, dashes, spaces, common OCR confusions in
punctuation), so offsets stay cheap to map.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from models import Box, Document, Evidence, Word

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u00ad": "",
        "\u2026": "...",
        "\t": " ",
    }
)
_SPACES = re.compile(r"[ \u2000-\u200b\u3000]+")
_SPECKLE = re.compile(r"(?<=[a-z]{3})\.(?=\s+[a-z]{2})|(?<=[A-Za-z])\.\.(?=[A-Za-z])")
"""A dot no sentence has: after a word and before a lowercase one ("ini. adalah"), or two
between letters ("Perjanjian..Kerjasama"), which is how OCR reads a scan's speckles; left
in, it ends the sentence a rule reads (maksud ... adalah, ditandatangani ... di)."""


def normalise_line(text: str) -> str:
    """NFKC, straight quotes and dashes, speckle dots, single spaces; keeps every word."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACES.sub(" ", _SPECKLE.sub(" ", text)).strip()


@dataclass(frozen=True)
class LineRef:
    page: int
    box: Box | None
    start: int
    end: int
    words: tuple[Word, ...] = ()
    """the line's words with their boxes (empty for plain text): a signature row's
    line holds the names of cells side by side, split again at the gaps between them"""


@dataclass
class DocText:
    """The document as one string plus the map from offsets to lines."""

    text: str
    lines: list[LineRef] = field(default_factory=list)
    page_starts: dict[int, int] = field(default_factory=dict)
    page_sizes: dict[int, tuple[float, float]] = field(default_factory=dict)
    """(width, height) in points per page, for rules that read position on the page."""

    @classmethod
    def from_document(cls, document: Document) -> DocText:
        parts: list[str] = []
        refs: list[LineRef] = []
        starts: dict[int, int] = {}
        sizes: dict[int, tuple[float, float]] = {}
        offset = 0
        for page in document.pages:
            starts[page.number] = offset
            sizes[page.number] = (page.width, page.height)
            for line in page.lines:
                clean = normalise_line(line.text)
                if not clean:
                    continue
                parts.append(clean)
                refs.append(
                    LineRef(page.number, line.box, offset, offset + len(clean), tuple(line.words))
                )
                offset += len(clean) + 1
        return cls(text="\n".join(parts), lines=refs, page_starts=starts, page_sizes=sizes)

    @classmethod
    def from_string(cls, text: str, page: int = 1) -> DocText:
        """For rules tested on plain text: every line on one page, no boxes."""
        lines = [normalise_line(x) for x in text.splitlines()]
        parts = [x for x in lines if x]
        refs: list[LineRef] = []
        offset = 0
        for part in parts:
            refs.append(LineRef(page, None, offset, offset + len(part)))
            offset += len(part) + 1
        return cls(text="\n".join(parts), lines=refs, page_starts={page: 0})

    def _line_index(self, offset: int) -> int:
        starts = [ref.start for ref in self.lines]
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def page_of(self, offset: int) -> int:
        if not self.lines:
            return 1
        return self.lines[self._line_index(offset)].page

    def evidence(self, start: int, end: int, rule: str | None = None) -> Evidence:
        """Evidence for the span [start, end): page of its first line, its text, box union."""
        if not self.lines:
            return Evidence(page=1, text=self.text[start:end], rule=rule)
        first = self._line_index(start)
        last = self._line_index(max(start, end - 1))
        box: Box | None = None
        for ref in self.lines[first : last + 1]:
            if ref.box is not None:
                box = ref.box if box is None else box.union(ref.box)
        page = self.lines[first].page
        snippet = self.text[start:end].strip()
        return Evidence(
            page=page,
            text=snippet[:500],
            box=(box.x0, box.top, box.x1, box.bottom) if box is not None else None,
            rule=rule,
        )

    def page_text(self, number: int) -> str:
        refs = [ref for ref in self.lines if ref.page == number]
        if not refs:
            return ""
        return self.text[refs[0].start : refs[-1].end]
