"""One small interface over Tesseract, two ways to call it.

``tesserocr`` keeps the model loaded in the process and takes the image as a
buffer (no subprocess, no PNG round trip); ``pytesseract`` calls the CLI and
is the fallback wherever the tesserocr wheel is missing. Both return the
same ``OcrWord`` rows, in pixels, grouped by Tesseract's text lines, so the
page code does not care which one ran.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PIL import Image

from models.errors import ExtractionError, OcrTimeoutError

# The one place OMP_THREAD_LIMIT is set, before any Tesseract is loaded: OpenMP threads
# thrash on 2 cores; parallelism is one Tesseract per process (``ocr.pool``).
os.environ["OMP_THREAD_LIMIT"] = "1"

DEFAULT_TESSDATA = Path("/usr/share/tesseract-ocr/5/tessdata")
PAGE_SEGMENTATION = 4
"""Tesseract's "one column of text of variable sizes". Measured on generated scans: the
automatic mode (3) drops hanging list markers ("1.", "b.") as noise and its blocks
interleave; mode 4 keeps them (CER 3.8 % -> 2.1 %). Columns are split by our layout."""
SINGLE_LINE = 7
"""Tesseract's "one text line": the second look re-reads one cropped evidence line."""


@dataclass(frozen=True)
class LineReading:
    """One re-read of a cropped line: its text and Tesseract's mean confidence (0..1)."""

    text: str
    conf: float


@dataclass(frozen=True)
class OcrWord:
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    """0..1"""
    line: int
    """Index of the Tesseract text line the word belongs to (unique per page)."""


class OcrEngine(Protocol):
    name: str

    def words(self, image: Image.Image, dpi: int, timeout: float) -> list[OcrWord]:
        """Recognise a greyscale page; raise ``OcrTimeoutError`` past ``timeout`` seconds."""
        ...

    def orientation(self, image: Image.Image, dpi: int) -> tuple[int, float]:
        """Clockwise degrees the page is turned (0/90/180/270) and OSD confidence."""
        ...

    def line(self, image: Image.Image, dpi: int, whitelist: str | None) -> LineReading:
        """Read a crop as one text line, optionally only with the characters given."""
        ...


def tessdata_dir(configured: Path | None) -> Path:
    """``settings.tessdata_dir``; the default only for callers without settings."""
    return configured or DEFAULT_TESSDATA


class TesserocrEngine:
    name = "tesserocr"

    def __init__(self, languages: str, tessdata: Path) -> None:
        import tesserocr

        self._t = tesserocr
        self._api = tesserocr.PyTessBaseAPI(
            path=str(tessdata) + "/",
            lang=languages,
            psm=PAGE_SEGMENTATION,
            oem=tesserocr.OEM.LSTM_ONLY,
        )
        self._tessdata = tessdata
        self._languages = languages
        self._osd: Any = None
        self._line: Any = None

    def words(self, image: Image.Image, dpi: int, timeout: float) -> list[OcrWord]:
        t = self._t
        api = self._api
        api.SetImage(image)
        api.SetSourceResolution(int(dpi))
        started = time.monotonic()
        ok = api.Recognize(timeout=max(1, int(timeout * 1000)))
        if not ok:
            api.Clear()
            if time.monotonic() - started >= 0.9 * timeout:
                raise OcrTimeoutError("OCR of the page ran past its time limit and was stopped.")
            raise ExtractionError("Tesseract tidak dapat membaca gambar halaman.")
        out: list[OcrWord] = []
        it = api.GetIterator()
        if it is None:
            return out
        level = t.RIL.WORD
        line = -1
        while True:
            if it.IsAtBeginningOf(t.RIL.TEXTLINE):
                line += 1
            text = it.GetUTF8Text(level)
            box = it.BoundingBox(level)
            if text and text.strip() and box:
                x0, y0, x1, y1 = box
                out.append(
                    OcrWord(
                        text=text.strip(),
                        left=x0,
                        top=y0,
                        width=x1 - x0,
                        height=y1 - y0,
                        conf=max(0.0, min(1.0, it.Confidence(level) / 100.0)),
                        line=max(line, 0),
                    )
                )
            if not it.Next(level):
                break
        return out

    def orientation(self, image: Image.Image, dpi: int) -> tuple[int, float]:
        t = self._t
        if self._osd is None:
            self._osd = t.PyTessBaseAPI(
                path=str(self._tessdata) + "/", lang="osd", psm=t.PSM.OSD_ONLY
            )
        self._osd.SetImage(image)
        self._osd.SetSourceResolution(int(dpi))
        result = self._osd.DetectOrientationScript()
        if not result:
            return 0, 0.0
        # Tesseract reports the counter-clockwise turn that makes the page upright.
        return int(result.get("orient_deg", 0)) % 360, float(result.get("orient_conf", 0.0))

    def line(self, image: Image.Image, dpi: int, whitelist: str | None) -> LineReading:
        t = self._t
        if self._line is None:
            self._line = t.PyTessBaseAPI(
                path=str(self._tessdata) + "/",
                lang=self._languages,
                psm=SINGLE_LINE,
                oem=t.OEM.LSTM_ONLY,
            )
        api = self._line
        api.SetVariable("tessedit_char_whitelist", whitelist or "")
        api.SetImage(image)
        api.SetSourceResolution(int(dpi))
        text = " ".join(api.GetUTF8Text().split())
        return LineReading(text=text, conf=max(0.0, min(1.0, api.MeanTextConf() / 100.0)))


class PytesseractEngine:
    name = "pytesseract"

    def __init__(self, languages: str, tessdata: Path) -> None:
        import pytesseract

        self._p = pytesseract
        self._lang = languages
        self._tessdata = tessdata

    def _config(self, dpi: int, psm: int) -> str:
        return f"--oem 1 --psm {psm} --dpi {int(dpi)} --tessdata-dir {self._tessdata}"

    def words(self, image: Image.Image, dpi: int, timeout: float) -> list[OcrWord]:
        p = self._p
        try:
            data = p.image_to_data(
                image,
                lang=self._lang,
                config=self._config(dpi, PAGE_SEGMENTATION),
                output_type=p.Output.DICT,
                timeout=timeout,
            )
        except RuntimeError as exc:  # pytesseract raises RuntimeError on its timeout
            if "timeout" in str(exc).lower():
                raise OcrTimeoutError(
                    "OCR of the page ran past its time limit and was stopped."
                ) from exc
            raise ExtractionError(f"Tesseract gagal: {exc}") from exc
        except p.TesseractError as exc:
            raise ExtractionError(f"Tesseract gagal: {exc}") from exc
        out: list[OcrWord] = []
        lines: dict[tuple[int, int, int], int] = {}
        for i, text in enumerate(data["text"]):
            if not str(text).strip():
                continue
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            line = lines.setdefault(key, len(lines))
            out.append(
                OcrWord(
                    text=str(text).strip(),
                    left=int(data["left"][i]),
                    top=int(data["top"][i]),
                    width=int(data["width"][i]),
                    height=int(data["height"][i]),
                    conf=max(0.0, min(1.0, float(data["conf"][i]) / 100.0)),
                    line=line,
                )
            )
        return out

    def orientation(self, image: Image.Image, dpi: int) -> tuple[int, float]:
        p = self._p
        try:
            osd = p.image_to_osd(
                image, config=self._config(dpi, 0), output_type=p.Output.DICT, timeout=30
            )
        except (p.TesseractError, RuntimeError):
            return 0, 0.0  # too little text to tell: leave the page as it is
        return int(osd.get("orientation", 0)) % 360, float(osd.get("orientation_conf", 0.0))

    def line(self, image: Image.Image, dpi: int, whitelist: str | None) -> LineReading:
        p = self._p
        config = self._config(dpi, SINGLE_LINE)
        if whitelist:
            config += f' -c "tessedit_char_whitelist={whitelist}"'
        try:
            data = p.image_to_data(
                image, lang=self._lang, config=config, output_type=p.Output.DICT, timeout=30
            )
        except (p.TesseractError, RuntimeError):
            return LineReading(text="", conf=0.0)
        words = [
            (str(t).strip(), float(c))
            for t, c in zip(data["text"], data["conf"], strict=False)
            if str(t).strip()
        ]
        conf = sum(c for _, c in words) / len(words) / 100.0 if words else 0.0
        return LineReading(text=" ".join(w for w, _ in words), conf=max(0.0, min(1.0, conf)))


def available_engines() -> list[str]:
    names = []
    try:
        import tesserocr  # noqa: F401

        names.append("tesserocr")
    except ImportError:
        pass
    names.append("pytesseract")
    return names


_local = threading.local()


def get_engine(name: str, languages: str, tessdata: Path | None = None) -> OcrEngine:
    """One engine per thread and configuration, kept: loading the model costs ~0.1 s.

    Per thread because a Tesseract API object must not be used by two threads at
    once (the service reads documents from a thread pool when it has no OcrPool).
    """
    engines: dict[tuple[str, str, Path | None], OcrEngine] = _local.__dict__.setdefault(
        "engines", {}
    )
    key = (name, languages, tessdata)
    if key not in engines:
        engines[key] = _make_engine(name, languages, tessdata)
    return engines[key]


def _make_engine(name: str, languages: str, tessdata: Path | None) -> OcrEngine:
    path = tessdata_dir(tessdata)
    if name == "auto":
        name = available_engines()[0]
    if name == "tesserocr":
        return TesserocrEngine(languages, path)
    if name == "pytesseract":
        return PytesseractEngine(languages, path)
    raise ValueError(f"unknown OCR engine {name!r} (tesserocr, pytesseract or auto)")
