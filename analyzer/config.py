"""Project policy: ``[tool.replaylint]`` in pyproject.toml or a ``.replaylint.toml``, found by
walking up from the scanned path, validated at load with errors that name the key. Every key is
documented in docs/configuration.md.

```toml
[tool.replaylint]
fail-on = "medium"
select = ["RL1", "RL3"]          # rule-id prefixes to report (default: all)
ignore = ["RL120"]               # rule-id prefixes to drop
exclude = ["dist/drafts", "*.min.js"]   # with a "/": relative to this file's folder; without: any name
signatures = ["./replaylint-signatures"]   # extra vendors / consent managers, same schema
max-file-size = "20M"
require-suppression-reason = true   # `replaylint: ignore[RL101]` without "-- reason" is RL901

[tool.replaylint.severity]
RL303 = "medium"                 # per-rule severity

[[tool.replaylint.facts]]        # what the scan cannot see, declared and reported as declared
cmp = "cookiebot"
blocks = ["hotjar", "clarity"]
reason = "Cookiebot dashboard: Hotjar and Clarity classified as Statistics (checked 2026-11-02)"
```
"""

from __future__ import annotations

import glob
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyzer.model import RENUMBERED, SEVERITY_NAMES, current_prefixes

SEVERITIES = SEVERITY_NAMES


class ConfigError(ValueError):
    """The configuration is invalid; the message names the file and the key."""


@dataclass(frozen=True)
class DeclaredFact:
    cmp: str
    blocks: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class Config:
    source: str | None = None
    fail_on: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    signatures: tuple[str, ...] = ()
    max_file_size: str | None = None
    facts: tuple[DeclaredFact, ...] = field(default_factory=tuple)
    fail_on_error: bool = True  # an internal error (a file the tool failed on) makes the run exit 2
    follow_outside_root: bool = False  # follow symlinks and source maps that leave the scanned folder
    require_suppression_reason: bool = True  # an inline suppression without "-- reason" is RL901
    include_tests: bool = False  # scan test files (tests/, *.spec.ts …) as site code too
    field_model: bool = True  # the learned field model reads the controls no rule classifies (docs/fields.md)
    root: str | None = None  # the config file's folder: what `exclude` patterns with a "/" are relative to

    def selects(self, rule: str) -> bool:
        """Is this rule id reported under ``select`` and ``ignore`` (id prefixes)?"""
        if self.select and not any(rule.startswith(p) for p in self.select):
            return False
        return not any(rule.startswith(p) for p in self.ignore)


# Boolean settings and their defaults: every key here is a known key too.
_FLAGS = (
    ("fail-on-error", True),
    ("follow-outside-root", False),
    ("require-suppression-reason", True),
    ("include-tests", False),
    ("field-model", True),
)
_KEYS = {"fail-on", "select", "ignore", "exclude", "severity", "signatures", "max-file-size", "facts"} | {key for key, _ in _FLAGS}
_UNITS = {"k": 1024, "m": 1024**2, "g": 1024**3}
MAX_SIZE = 4 * 1024**3  # a larger cap cannot be read into memory on any machine this runs on


def parse_size(value: str | int) -> int:
    """Bytes from ``500k``, ``10M``, ``1.5g`` or a whole number; ValueError names the problem."""
    text = str(value).strip().lower().removesuffix("b")
    unit = _UNITS.get(text[-1:], 1)
    number = text[:-1] if unit != 1 else text
    try:
        size = float(number) * unit if unit != 1 or "." in number or "e" in number else int(number)
    except ValueError:
        raise ValueError(f"'{value}' is not a size (e.g. 500k, 10M)") from None
    if not 1 <= size <= MAX_SIZE:  # NaN fails both comparisons
        raise ValueError(f"'{value}' is out of range (1 byte to 4G)")
    return int(size)


def anchor(pattern: str, base: Path) -> str:
    """An exclude pattern as discover() matches it, resolved the way ruff resolves ``exclude``:
    a pattern without a "/" (``drafts``, ``*.min.js``) matches a file or folder name at any depth;
    one with a "/" (``dist/drafts/*``) is relative to ``base`` (the config file's folder, or the
    current directory for ``--exclude``) and becomes absolute."""
    bare = pattern.strip().replace("\\", "/")
    bare = bare.rstrip("/") or bare
    if bare.startswith("**/") and "/" not in bare[3:]:
        return bare[3:]
    if "/" not in bare or bare.startswith("/"):
        return bare
    folder = base.resolve()
    parts = [p for p in bare.split("/") if p not in ("", ".")]
    while parts and parts[0] == "..":
        folder, parts = folder.parent, parts[1:]
    return glob.escape(folder.as_posix().rstrip("/")) + "/" + "/".join(parts)


def find(start: Path) -> Path | None:
    """The nearest .replaylint.toml, or pyproject.toml holding [tool.replaylint], at or above ``start``."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        own = candidate / ".replaylint.toml"
        if own.is_file():
            return own
        project = candidate / "pyproject.toml"
        if project.is_file() and _has_table(project):
            return project
    return None


def _has_table(project: Path) -> bool:
    """Whether a pyproject.toml configures replaylint. One that does not parse is someone
    else's problem unless it names our table (a broken parent project must not stop a scan)."""
    try:
        data = _read(project)
    except ConfigError:
        try:
            return b"tool.replaylint" in project.read_bytes()
        except OSError:
            return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "replaylint" in tool


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply to read") from None
    except ValueError as exc:  # TOMLDecodeError, and UnicodeDecodeError for a binary file
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None


def load(path: Path | None, known: frozenset[str]) -> Config:
    """The settings of ``path`` (defaults when None); ``known``: the rule ids select / ignore /
    severity may name."""
    if path is None:
        return Config()
    data = _read(path)
    where = f"{path}: [tool.replaylint]" if path.name == "pyproject.toml" else str(path)
    table = data
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{path}: 'tool' must be a table")
        table = tool.get("replaylint", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table of settings, not {type(table).__name__}")
    return parse(table, where, path.parent, known)


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def _rule_prefixes(values: tuple[str, ...], key: str, where: str, known: frozenset[str]) -> tuple[str, ...]:
    """Id prefixes in today's numbering (an old id of a renumbered rule is read as its new id)."""
    out: list[str] = []
    for v in values:
        current = current_prefixes(v, known)
        if not current:
            raise ConfigError(f"{where}: '{key}' entry '{v}' matches no rule id")
        out += [p for p in current if p not in out]
    return tuple(out)


def parse(table: dict[str, Any], where: str, base: Path, known: frozenset[str]) -> Config:
    """Validate one settings table (``where`` names it in errors; ``base`` anchors paths)."""
    for key in table:
        if key not in _KEYS:
            raise ConfigError(f"{where}: unknown key '{key}' (known: {', '.join(sorted(_KEYS))})")
    fail_on = table.get("fail-on")
    if fail_on is not None and (not isinstance(fail_on, str) or fail_on not in SEVERITIES):
        raise ConfigError(f"{where}: 'fail-on' must be one of {', '.join(SEVERITIES)}")
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(f"{where}: 'severity' must be a table of RULE = \"level\"")
    severity = {RENUMBERED.get(rule.upper(), rule.upper()): level for rule, level in severity.items()}
    for rule, level in severity.items():
        if rule not in known:
            raise ConfigError(f"{where}: 'severity.{rule}' is not a rule id")
        if level not in SEVERITIES:
            raise ConfigError(f"{where}: 'severity.{rule}' must be one of {', '.join(SEVERITIES)}")
    size = table.get("max-file-size")
    if size is not None:
        if not isinstance(size, (str, int)) or isinstance(size, bool):
            raise ConfigError(f"{where}: 'max-file-size' must be a size such as \"10M\"")
        try:
            parse_size(size)
        except ValueError as exc:
            raise ConfigError(f"{where}: 'max-file-size': {exc}") from None
    flags = {key: table.get(key, default) for key, default in _FLAGS}
    for key, value in flags.items():
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: '{key}' must be true or false")
    sig_dirs = tuple(str((base / s).resolve()) for s in _strings(table.get("signatures", []), "signatures", where))
    missing = next((d for d in sig_dirs if not Path(d).is_dir()), None)
    if missing:
        raise ConfigError(f"{where}: 'signatures' folder {missing} does not exist")
    return Config(
        source=where,
        fail_on=fail_on,
        select=_rule_prefixes(_strings(table.get("select", []), "select", where), "select", where, known),
        ignore=_rule_prefixes(_strings(table.get("ignore", []), "ignore", where), "ignore", where, known),
        exclude=_strings(table.get("exclude", []), "exclude", where),
        severity=tuple(sorted((r.upper(), lv) for r, lv in severity.items())),
        signatures=sig_dirs,
        max_file_size=str(size) if size is not None else None,
        facts=_facts(table.get("facts", []), where),
        fail_on_error=flags["fail-on-error"],
        follow_outside_root=flags["follow-outside-root"],
        require_suppression_reason=flags["require-suppression-reason"],
        include_tests=flags["include-tests"],
        field_model=flags["field-model"],
        root=str(base.resolve()),
    )


def _facts(value: Any, where: str) -> tuple[DeclaredFact, ...]:
    if not isinstance(value, list):
        raise ConfigError(f"{where}: 'facts' must be an array of tables ([[tool.replaylint.facts]])")
    out = []
    for i, item in enumerate(value):
        here = f"{where}: facts[{i}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{here}: must be a table")
        unknown = set(item) - {"cmp", "blocks", "reason"}
        if unknown:
            raise ConfigError(f"{here}: unknown key '{sorted(unknown)[0]}'")
        if not isinstance(item.get("cmp"), str) or not isinstance(item.get("reason"), str) or not item["reason"].strip():
            raise ConfigError(f"{here}: needs 'cmp' (a consent-manager id) and a non-empty 'reason'")
        out.append(DeclaredFact(item["cmp"], _strings(item.get("blocks", []), "blocks", here), item["reason"]))
    return tuple(out)
