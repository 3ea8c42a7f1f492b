"""A start inside a classic script's global function that its own file calls only inside a consent check is gated only
if the page's other scripts do not call the function too (an adversarial review's false "gated" verdicts): another
inline script or a loaded file that calls it ungates it, an on… attribute naming it leaves it unverifiable. A CDN's
script the scan cannot read is not held against it, and a file loaded as a module shares no globals."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run

_CB = '<script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-cbid="x"></script>'
_LOAD = (
    "function load(){(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};"
    "h._hjSettings={hjid:3817264,hjsv:6};a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;"
    "r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');}"
)
_GUARD = "window.addEventListener('CookiebotOnAccept', function () { if (Cookiebot.consent.statistics) load(); });"


_REC = f"{_LOAD}\n{_GUARD}\n"  # js/rec.js: the global and its guarded call


def _statuses(root: Path, files: dict[str, str] | None = None, scanned: str = "") -> list[str]:
    """Write ``files`` (path -> text) under ``root`` and scan ``root`` (or ``scanned`` below it): each detection's status."""
    for rel, text in (files or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return [d.verdict.status.value for d in run(ScanOptions(paths=(str(root / scanned),))).detections]


@pytest.mark.parametrize(
    ("files", "status"),
    [
        # a second inline script that calls the global ungates it
        ({"index.html": f"{_CB}\n<script>\n{_LOAD}\n{_GUARD}\n</script>\n<script>load();</script>\n"}, "ungated"),
        # a page that calls the global of a file it loads
        ({"js/rec.js": _REC, "index.html": f'{_CB}\n<script src="js/rec.js"></script>\n<script>load();</script>\n'}, "ungated"),
        # an on… attribute naming it cannot be followed
        ({"index.html": f'{_CB}\n<script>\n{_LOAD}\n{_GUARD}\n</script>\n<body onload="load()"></body>\n'}, "unverifiable"),
        # only guarded calls, beside a CDN's script the scan cannot read
        ({"js/rec.js": _REC, "index.html": f'{_CB}\n<script src="js/rec.js"></script>\n'}, "gated"),
        # loaded as a module: its top-level function is not the page's
        ({"js/rec.js": _REC, "index.html": f'{_CB}\n<script type="module" src="js/rec.js"></script>\n'}, "gated"),
        # a const function of a classic script is a global too
        (
            {
                "js/rec.js": _REC.replace("function load(){", "const load = function(){", 1),
                "index.html": f'{_CB}\n<script src="js/rec.js"></script>\n<script>load();</script>\n',
            },
            "ungated",
        ),
        # a module on one page, a classic script that another page calls on the other
        (
            {
                "js/rec.js": _REC,
                "a.html": f'{_CB}\n<script type="module" src="js/rec.js"></script>\n',
                "b.html": f'{_CB}\n<script src="js/rec.js"></script>\n<script>load();</script>\n',
            },
            "ungated",
        ),
    ],
    ids=["second-inline", "page-calls-file", "onload", "cdn-only", "module", "const", "module-and-classic"],
)
def test_the_pages_other_scripts_decide_a_global_the_file_gates(tmp_path: Path, files: dict[str, str], status: str) -> None:
    assert _statuses(tmp_path, files) == [status]


def test_a_file_no_page_runs_keeps_its_own_verdict(tmp_path: Path) -> None:
    assert _statuses(tmp_path, {"js/rec.js": _REC}, "js/rec.js") == ["gated"]
