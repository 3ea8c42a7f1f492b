"""An exported start judged at every caller, however the caller reaches it: through a barrel
(``export * from``), a named or renamed re-export, a namespace re-export, an imported binding
exported again, CommonJS ``require`` and ``module.exports``, ``import()``, an alias; a use whose
calls cannot be followed (an array, an object, a global, a lazy loader) is a caller that cannot be
judged, so the start is never proved gated (hunt s42, c05)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.model import Status
from analyzer.scan import ScanOptions, run

HOTJAR = """import Hotjar from '@hotjar/browser';

export function initHotjar(): void {
  Hotjar.init(3581204, 6);
}
"""
# The consent module: its one call is gated.
COOKIEBOT = """import { initHotjar } from '../analytics/hotjar';

window.addEventListener('CookiebotOnAccept', () => {
  if (Cookiebot.consent.statistics) {
    initHotjar();
  }
});
"""
GATED = "window.addEventListener('CookiebotOnAccept', () => {\n  if (Cookiebot.consent.statistics) %s\n});\n"
BARREL = {"src/analytics/index.ts": "export * from './hotjar';\n"}


def _site(files: dict[str, str], tmp_path: Path) -> tuple[Status, str]:
    tree = {"src/analytics/hotjar.ts": HOTJAR, "src/consent/cookiebot.ts": COOKIEBOT, **files}
    for name, text in tree.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    (start,) = [d for d in result.detections if d.location.path.endswith("hotjar.ts")]
    return start.verdict.status, start.verdict.evidence


def _chain(depth: int) -> dict[str, str]:
    """Barrels re-exporting barrels, ``depth`` modules deep; main imports the last."""
    files = {"src/r0.ts": "export * from './analytics/hotjar';\n"}
    files |= {f"src/r{i}.ts": f"export * from './r{i - 1}';\n" for i in range(1, depth)}
    files["src/main.ts"] = f"import {{ initHotjar }} from './r{depth - 1}';\ninitHotjar();\n"
    return files


UNGATED = [
    pytest.param({**BARREL, "src/main.ts": "import { initHotjar } from './analytics';\ninitHotjar();\n"}, id="barrel-export-star"),
    pytest.param(
        {
            "src/analytics/index.ts": "export { initHotjar } from './hotjar';\n",
            "src/main.ts": "import { initHotjar } from './analytics';\ninitHotjar();\n",
        },
        id="named-reexport",
    ),
    pytest.param(
        {
            "src/analytics/index.ts": "export { initHotjar as startRecording } from './hotjar';\n",
            "src/main.ts": "import { startRecording } from './analytics';\nstartRecording();\n",
        },
        id="renamed-reexport",
    ),
    pytest.param(
        {**BARREL, "src/index.ts": "export * from './analytics';\n", "src/main.ts": "import { initHotjar } from '.';\ninitHotjar();\n"},
        id="barrel-of-barrels",
    ),
    pytest.param(
        {
            "src/analytics/index.ts": "export * from './hotjar';\nexport * from './more';\n",
            "src/analytics/more.ts": "export * from './index';\nexport const more = 1;\n",
            "src/main.ts": "import { initHotjar } from './analytics/more';\ninitHotjar();\n",
        },
        id="barrels-in-a-cycle",
    ),
    pytest.param(
        {
            "src/analytics/index.ts": "export * as analytics from './hotjar';\n",
            "src/main.ts": "import { analytics } from './analytics';\nanalytics.initHotjar();\n",
        },
        id="namespace-reexport",
    ),
    pytest.param(
        {
            "src/analytics/index.ts": "import { initHotjar } from './hotjar';\nexport { initHotjar as start };\n",
            "src/main.ts": "import { start } from './analytics';\nstart();\n",
        },
        id="imported-binding-exported-again",
    ),
    pytest.param(
        {
            "src/analytics/index.ts": "import { initHotjar } from './hotjar';\nexport default initHotjar;\n",
            "src/main.ts": "import boot from './analytics';\nboot();\n",
        },
        id="default-reexport",
    ),
    pytest.param({"src/main.ts": "const { initHotjar } = require('./analytics/hotjar');\ninitHotjar();\n"}, id="commonjs-destructured"),
    pytest.param(
        {"src/main.ts": "const analytics = require('./analytics/hotjar');\nanalytics.initHotjar();\n"}, id="commonjs-whole-module"
    ),
    pytest.param(
        {
            "src/analytics/index.js": "module.exports = require('./hotjar');\n",
            "src/main.ts": "const { initHotjar } = require('./analytics');\ninitHotjar();\n",
        },
        id="commonjs-module-exports-require",
    ),
    pytest.param({"src/main.ts": "import { initHotjar } from './analytics/hotjar';\nconst start = initHotjar;\nstart();\n"}, id="alias"),
    pytest.param({**BARREL, "src/main.ts": "import('./analytics').then((m) => m.initHotjar());\n"}, id="import-then-through-barrel"),
    pytest.param(
        {**BARREL, "src/main.ts": "const { initHotjar } = await import('./analytics');\ninitHotjar();\n"}, id="await-import-through-barrel"
    ),
]


@pytest.mark.parametrize("files", UNGATED)
def test_a_caller_reached_another_way_is_judged(files: dict[str, str], tmp_path: Path) -> None:
    status, evidence = _site(files, tmp_path)
    assert status is Status.UNGATED
    assert "main.ts" in evidence and "ungated" in evidence


UNJUDGED = [
    pytest.param(
        {
            "src/widgets/search.ts": "export function initSearch(): void {}\n",
            "src/main.ts": "import { initHotjar } from './analytics/hotjar';\nimport { initSearch } from './widgets/search';\n"
            "const onBoot = [initSearch, initHotjar];\nonBoot.forEach((start) => start());\n",
        },
        "put in an array",
        id="array",
    ),
    pytest.param(
        {**BARREL, "src/main.ts": "import { initHotjar } from './analytics';\nexport const tasks = { hotjar: initHotjar };\n"},
        "inside an object",
        id="exported-inside-an-object",
    ),
    pytest.param(
        {"src/main.ts": "import { initHotjar } from './analytics/hotjar';\nwindow.startHotjar = initHotjar;\n"},
        "global",
        id="set-on-a-global",
    ),
    pytest.param(
        {"src/main.ts": "const load = () => import('./analytics/hotjar');\nregisterRoute('/', load);\n"},
        "loaded by a function",
        id="lazy-loader",
    ),
    pytest.param(_chain(10), "more than 8 modules", id="re-exports-deeper-than-followed"),
    pytest.param(
        {**BARREL, "src/main.ts": "import * as analytics from './analytics';\nconst all = { ...analytics };\nall.initHotjar();\n"},
        "spread into another object",
        id="namespace-spread",
    ),
    pytest.param(
        {"src/main.ts": "import * as analytics from './analytics/hotjar';\nfor (const name of ['initHotjar']) analytics[name]();\n"},
        "computed key",
        id="namespace-computed-key",
    ),
]


@pytest.mark.parametrize(("files", "why"), UNJUDGED)
def test_a_use_whose_calls_are_not_followed_is_never_gated(files: dict[str, str], why: str, tmp_path: Path) -> None:
    status, evidence = _site(files, tmp_path)
    assert status is Status.UNVERIFIABLE
    assert why in evidence


GATED_ELSEWHERE = [
    pytest.param({**BARREL, "src/main.ts": "import { initHotjar } from './analytics';\n" + GATED % "initHotjar();"}, id="barrel"),
    pytest.param(
        {
            "src/analytics/index.ts": "export { initHotjar as startRecording } from './hotjar';\n",
            "src/main.ts": "import { startRecording } from './analytics';\n" + GATED % "startRecording();",
        },
        id="renamed-reexport",
    ),
    pytest.param({"src/main.ts": "const { initHotjar } = require('./analytics/hotjar');\n" + GATED % "initHotjar();"}, id="commonjs"),
    pytest.param(
        {"src/main.ts": "import { initHotjar } from './analytics/hotjar';\n" + GATED % "{ const start = initHotjar; start(); }"},
        id="alias-inside-the-check",
    ),
    pytest.param(
        {
            **BARREL,
            "src/analytics/search.ts": "export function initSearch(): void {}\n",
            "src/analytics/index.ts": "export * from './hotjar';\nexport * from './search';\n",
            "src/main.ts": "import { initSearch } from './analytics';\ninitSearch();\n",
        },
        id="another-export-of-the-barrel-called-on-load",
    ),
    pytest.param(
        {
            **BARREL,
            "src/main.ts": "import { initHotjar } from './analytics';\nif (typeof initHotjar !== 'function') throw new Error('x');\n"
            + GATED % "initHotjar();",
        },
        id="typeof-test",
    ),
    pytest.param(
        {
            "src/analytics/index.ts": "export * from './hotjar';\nexport * from './more';\n",
            "src/analytics/more.ts": "export * from './index';\n",
            "src/main.ts": "import { initHotjar } from './analytics/more';\n" + GATED % "initHotjar();",
        },
        id="barrels-in-a-cycle",
    ),
    pytest.param(
        {
            **BARREL,
            "src/main.ts": "import { initHotjar } from './analytics';\ntype Starter = typeof initHotjar;\n"
            + GATED % "{ const start: Starter = initHotjar; start(); }",
        },
        id="typescript-type-query",
    ),
]


@pytest.mark.parametrize("files", GATED_ELSEWHERE)
def test_every_caller_gated_stays_gated(files: dict[str, str], tmp_path: Path) -> None:
    status, evidence = _site(files, tmp_path)
    assert status is Status.GATED, evidence
    assert "every caller is gated" in evidence


def test_a_gated_caller_through_a_barrel_is_named(tmp_path: Path) -> None:
    status, evidence = _site({**BARREL, "src/main.ts": "import { initHotjar } from './analytics';\n" + GATED % "initHotjar();"}, tmp_path)
    assert status is Status.GATED
    assert "cookiebot.ts:5" in evidence and "main.ts:3" in evidence


CONTROLS = [
    pytest.param({"src/main.ts": "import { initHotjar } from './analytics/hotjar';\ninitHotjar();\n"}, id="direct-named-import"),
    pytest.param(
        {
            "src/analytics/hotjar.ts": "import Hotjar from '@hotjar/browser';\n"
            "export default {\n  start() { Hotjar.init(3581204, 6); },\n};\n",
            "src/consent/cookiebot.ts": "import tracking from '../analytics/hotjar';\n" + GATED % "tracking.start();",
            "src/main.ts": "import tracking from './analytics/hotjar';\ntracking.start();\n",
        },
        id="default-exported-object-method",
    ),
]


@pytest.mark.parametrize("files", CONTROLS)
def test_direct_callers_were_judged_before_and_still_are(files: dict[str, str], tmp_path: Path) -> None:
    status, evidence = _site(files, tmp_path)
    assert status is Status.UNGATED
    assert "main.ts:" in evidence
