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


def _over_xpath(tag: str) -> lxml.etree.XPath:
    higher = [f"self::h{r}" for r in range(1, int(tag[1]) if tag[0] == "h" else 7)]
    return lxml.etree.XPath(f"preceding::*[{' or '.join(higher)}][1]")


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_section_over_a_heading_is_the_xpath_s(page: Path) -> None:
    """A heading's section heading (``over``) is the nearest heading before it of a higher rank; a legend's, the
    nearest h1-h6 before it."""
    root = lxml.html.document_fromstring(page.read_bytes())
    before = Preceding(root, list(root.iter("input", "select", "textarea", "form")))
    for el in root.iter("h1", "h2", "h3", "h4", "h5", "h6", "legend"):
        if el.tag == "h1":
            assert before.over(el) == [], el.sourceline
            continue
        found = _over_xpath(el.tag)(el)
        assert before.over(el, 1) == ([found[0]] if found else []), (el.tag, el.sourceline)


def test_the_outline_above_a_heading_nearest_first() -> None:
    root = lxml.html.document_fromstring(
        "<h1>Clinic</h1><h2>Mental health</h2><h3>Step 1</h3><p>x</p><h2>Other</h2><h4>Step 2</h4>"
        "<fieldset><legend>Mood</legend><input name=a></fieldset>"
    )
    before = Preceding(root, list(root.iter("input")))
    h = {el.text: el for el in root.iter("h1", "h2", "h3", "h4", "legend")}
    assert [e.text for e in before.over(h["Step 1"])] == ["Mental health", "Clinic"]
    assert [e.text for e in before.over(h["Step 1"], 1)] == ["Mental health"]
    # A later h2 opens a new section: the h4 after it stands in "Other", not in "Mental health".
    assert [e.text for e in before.over(h["Step 2"])] == ["Other", "Clinic"]
    assert [e.text for e in before.over(h["Mood"])] == ["Step 2", "Other"]
    assert before.over(h["Clinic"]) == []


def test_a_heading_that_holds_the_heading_is_not_its_section() -> None:
    # lxml keeps an <h3> written inside an <h2>; like ``nearest``, ``over`` leaves the element's ancestors out.
    root = lxml.html.document_fromstring("<h1>Clinic</h1><h2>Intake <h3>Step 1</h3></h2><input name=a>")
    before = Preceding(root, list(root.iter("input")))
    assert [e.text for e in before.over(next(root.iter("h3")))] == ["Clinic"]
