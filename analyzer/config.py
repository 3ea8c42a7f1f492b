"""Project policy: ``[tool.replaylint]`` in pyproject.toml or a ``.replaylint.toml``, found by
walking up from the scanned path, validated at load with errors that name the key.

```toml
[tool.replaylint]
fail-on = "medium"
select = ["RL1", "RL3"]          # rule-id prefixes to report (default: all)
ignore = ["RL120"]               # rule-id prefixes to drop
exclude = ["drafts/*", "*.min.js"]
signatures = ["./replaylint-signatures"]   # extra vendors / consent managers, same schema
max-file-size = "20M"

[tool.replaylint.severity]
RL303 = "medium"                 # per-rule severity

[[tool.replaylint.facts]]        # what the scan cannot see, declared and reported as declared
cmp = "cookiebot"
blocks = ["hotjar", "clarity"]
reason = "Cookiebot dashboard: Hotjar and Clarity classified as Statistics (checked 2026-11-02)"
```
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyzer.model import SEVERITY_NAMES

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


_KEYS = {"fail-on", "select", "ignore", "exclude", "severity", "signatures", "max-file-size", "facts"}


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
        if project.is_file() and "tool" in _read(project) and "replaylint" in _read(project)["tool"]:
            return project
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None


def load(path: Path | None) -> Config:
    if path is None:
        return Config()
    data = _read(path)
    table = data.get("tool", {}).get("replaylint", {}) if path.name == "pyproject.toml" else data
    where = f"{path}: [tool.replaylint]" if path.name == "pyproject.toml" else str(path)
    return parse(table, where, path.parent)


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def _rule_prefixes(values: tuple[str, ...], key: str, where: str, known: set[str]) -> tuple[str, ...]:
    for v in values:
        if not any(rid.startswith(v.upper()) for rid in known):
            raise ConfigError(f"{where}: '{key}' entry '{v}' matches no rule id")
    return tuple(v.upper() for v in values)


def parse(table: dict[str, Any], where: str, base: Path) -> Config:
    from analyzer.rules import RULES

    known = set(RULES)
    for key in table:
        if key not in _KEYS:
            raise ConfigError(f"{where}: unknown key '{key}' (known: {', '.join(sorted(_KEYS))})")
    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise ConfigError(f"{where}: 'fail-on' must be one of {', '.join(SEVERITIES)}")
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(f"{where}: 'severity' must be a table of RULE = \"level\"")
    for rule, level in severity.items():
        if rule.upper() not in known:
            raise ConfigError(f"{where}: 'severity.{rule}' is not a rule id")
        if level not in SEVERITIES:
            raise ConfigError(f"{where}: 'severity.{rule}' must be one of {', '.join(SEVERITIES)}")
    size = table.get("max-file-size")
    if size is not None and not isinstance(size, (str, int)):
        raise ConfigError(f"{where}: 'max-file-size' must be a size such as \"10M\"")
    return Config(
        source=where,
        fail_on=fail_on,
        select=_rule_prefixes(_strings(table.get("select", []), "select", where), "select", where, known),
        ignore=_rule_prefixes(_strings(table.get("ignore", []), "ignore", where), "ignore", where, known),
        exclude=_strings(table.get("exclude", []), "exclude", where),
        severity=tuple(sorted((r.upper(), lv) for r, lv in severity.items())),
        signatures=tuple(str((base / s).resolve()) for s in _strings(table.get("signatures", []), "signatures", where)),
        max_file_size=str(size) if size is not None else None,
        facts=_facts(table.get("facts", []), where),
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
