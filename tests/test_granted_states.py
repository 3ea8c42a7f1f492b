"""How a cookie that lists every category with its state writes a granted one (OneTrust's OptanonConsent:
``groups=C0001:1,C0002:0``) is data (``[js] granted_states`` beside ``state_cookies``), read by one function for
scripts and templates alike (an independent review of s42, finding 8: the format had been written twice in code)."""

from __future__ import annotations

import pytest

from analyzer.signatures import SignatureError, _cmp_js, load
from analyzer.signatures.checktext import granted_after


def test_onetrust_states_are_data() -> None:
    js = load().cmps["onetrust"].js
    assert js.state_cookies and {":1", "%3a1"} <= set(js.granted_states)


@pytest.mark.parametrize(
    ("text", "granted"),
    [
        ("document.cookie.includes('c0002:1')", True),
        ("document.cookie.includes('c0002%3a1')", True),
        ("document.cookie.includes('c0002:0')", False),
        ("document.cookie.includes('c0002:10')", False),
        ("document.cookie.includes('c0002')", False),
    ],
)
def test_granted_after(text: str, granted: bool) -> None:
    assert granted_after(text, "c0002", (":1", "%3a1")) is granted


def test_state_cookie_without_states_is_refused() -> None:
    with pytest.raises(SignatureError, match="granted_states"):
        _cmp_js({"state_cookies": ["OptanonConsent"]}, "x.toml")
