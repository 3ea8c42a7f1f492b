"""A start inside a classic script's global function that its own file calls only inside a consent check is gated only
if the page's other scripts do not call the function too (an adversarial review's false "gated" verdicts): another
inline script or a loaded file that calls it ungates it, an on… attribute naming it leaves it unverifiable. A CDN's
script the scan cannot read is not held against it, and a file loaded as a module shares no globals."""

from __future__ import annotations

from pathlib import Path

from analyzer.scan import ScanOptions, run

_CB = '<script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-cbid="x"></script>'
_LOAD = (
    "function load(){(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};"
    "h._hjSettings={hjid:3817264,hjsv:6};a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;"
    "r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');}"
)
_GUARD = "window.addEventListener('CookiebotOnAccept', function () { if (Cookiebot.consent.statistics) load(); });"


def _statuses(root: Path) -> list[str]:
    return [d.verdict.status.value for d in run(ScanOptions(paths=(str(root),))).detections]


def test_a_second_inline_script_that_calls_the_global_ungates_it(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(f"{_CB}\n<script>\n{_LOAD}\n{_GUARD}\n</script>\n<script>load();</script>\n")
    assert _statuses(tmp_path) == ["ungated"]


def test_a_page_that_calls_the_global_of_a_loaded_file_ungates_it(tmp_path: Path) -> None:
    (tmp_path / "js").mkdir()
    (tmp_path / "js" / "rec.js").write_text(f"{_LOAD}\n{_GUARD}\n")
    (tmp_path / "index.html").write_text(f'{_CB}\n<script src="js/rec.js"></script>\n<script>load();</script>\n')
    assert _statuses(tmp_path) == ["ungated"]


def test_an_onload_attribute_naming_the_global_leaves_it_unverifiable(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(f'{_CB}\n<script>\n{_LOAD}\n{_GUARD}\n</script>\n<body onload="load()"></body>\n')
    assert _statuses(tmp_path) == ["unverifiable"]


def test_only_guarded_calls_with_a_cdn_script_on_the_page_stay_gated(tmp_path: Path) -> None:
    (tmp_path / "js").mkdir()
    (tmp_path / "js" / "rec.js").write_text(f"{_LOAD}\n{_GUARD}\n")
    (tmp_path / "index.html").write_text(f'{_CB}\n<script src="js/rec.js"></script>\n')
    assert _statuses(tmp_path) == ["gated"]
    assert _statuses(tmp_path / "js" / "rec.js") == ["gated"]  # the file alone, no page: its own calls decide


def test_a_file_loaded_as_a_module_shares_no_globals(tmp_path: Path) -> None:
    (tmp_path / "js").mkdir()
    (tmp_path / "js" / "rec.js").write_text(f"{_LOAD}\n{_GUARD}\n")
    # The other script's load() is its own undefined name: a module's top-level function is not window's.
    (tmp_path / "index.html").write_text(f'{_CB}\n<script type="module" src="js/rec.js"></script>\n')
    assert _statuses(tmp_path) == ["gated"]


def test_a_const_global_of_a_classic_script_is_checked_too(tmp_path: Path) -> None:
    (tmp_path / "js").mkdir()
    (tmp_path / "js" / "rec.js").write_text(_LOAD.replace("function load(){", "const load = function(){", 1) + f"\n{_GUARD}\n")
    (tmp_path / "index.html").write_text(f'{_CB}\n<script src="js/rec.js"></script>\n<script>load();</script>\n')
    assert _statuses(tmp_path) == ["ungated"]


def test_a_file_loaded_as_a_module_on_one_page_and_classic_on_another_is_read_on_the_other(tmp_path: Path) -> None:
    (tmp_path / "js").mkdir()
    (tmp_path / "js" / "rec.js").write_text(f"{_LOAD}\n{_GUARD}\n")
    (tmp_path / "a.html").write_text(f'{_CB}\n<script type="module" src="js/rec.js"></script>\n')
    (tmp_path / "b.html").write_text(f'{_CB}\n<script src="js/rec.js"></script>\n<script>load();</script>\n')
    assert _statuses(tmp_path) == ["ungated"]
