"""``Preceding`` answers what the XPath ``preceding::*[…][1]`` answers, for every control and form
of real pages, in one walk: a page of thousands of controls each under its own heading must not
cost a walk back through the document per control."""

from __future__ import annotations

import time
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from analyzer.parse.preceding import Preceding

ROOT = Path(__file__).resolve().parent.parent
_XPATHS = {
    "heading": lxml.etree.XPath("preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6][1]"),
    "heading_or_legend": lxml.etree.XPath(
        "preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::legend][1]"
    ),
    "bold": lxml.etree.XPath("preceding::*[self::strong or self::b][1]"),
}


def _pages() -> list[Path]:
    pages = sorted(p for p in (ROOT / "fixtures").rglob("*.html") if b"<input" in p.read_bytes() or b"<select" in p.read_bytes())
    return pages[:: max(1, len(pages) // 25)]


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_same_answers_as_the_xpath(page: Path) -> None:
    root = lxml.html.document_fromstring(page.read_bytes())
    elements = list(root.iter("input", "select", "textarea", "form"))
    before = Preceding(root, elements)
    for el in elements:
        for kind, xpath in _XPATHS.items():
            found = xpath(el)
            assert before.nearest(kind, el) is (found[0] if found else None), (kind, el.sourceline)


def test_ancestors_do_not_precede() -> None:
    root = lxml.html.document_fromstring(
        "<h2>Before</h2><fieldset><legend><b>Consent <input type=checkbox name=a></b></legend><input name=b></fieldset>"
    )
    a, b = root.iter("input")
    before = Preceding(root, [a, b])
    assert before.nearest("heading_or_legend", a).text == "Before"  # its own legend holds it
    assert before.nearest("heading_or_legend", b).tag == "legend"
    assert before.nearest("bold", a) is None
    assert before.nearest("bold", b).tag == "b"


def test_thousands_of_sections_in_one_walk() -> None:
    parts = [f"<h3>Section {i}</h3><p><b>Part {i}</b></p><label>Notes {i} <input name=n{i}></label>" for i in range(20000)]
    root = lxml.html.document_fromstring("<form>" + "".join(parts) + "</form>")
    controls = list(root.iter("input"))
    start = time.process_time()
    before = Preceding(root, controls)
    found = [before.nearest("heading_or_legend", c) for c in controls]
    assert time.process_time() - start < 5  # the XPath per control took minutes at this size
    assert [h.text for h in found[:2]] == ["Section 0", "Section 1"] and found[-1].text == "Section 19999"
