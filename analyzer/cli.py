"""Command line: ``replaylint scan | vendors | explain``. Thin: parsing options and exit codes only.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage error or tool
failure (a broken signature file, an unwritable output). Heavy modules are imported inside the
commands so that ``--help`` and the pre-commit path start fast.
"""

from __future__ import annotations

import dataclasses
import sys

import click

from analyzer.model import SEVERITY_NAMES

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITIES = SEVERITY_NAMES


def _size(text: str) -> int:
    from analyzer.config import parse_size

    try:
        return parse_size(text)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="'--max-file-size'") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="replaylint")
def cli() -> None:
    """Find session-recording and heatmap scripts, judge their consent gating, and report."""


def _run(
    paths: tuple[str, ...],
    config_file: str | None,
    exclude: tuple[str, ...],
    jobs: int,
    max_file_size: str | None,
    quiet: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    signature_dirs: tuple[str, ...],
    follow_outside: bool = False,
    include_tests: bool = False,
):
    """Load the policy, scan, and filter: what both ``scan`` and ``baseline`` need."""
    from pathlib import Path

    from analyzer import config as configmod
    from analyzer import resolve, signatures
    from analyzer.filter import policy
    from analyzer.rules import RULES
    from analyzer.scan import ScanOptions, run

    found = Path(config_file) if config_file else configmod.find(Path(paths[0]))
    cfg = configmod.load(found, frozenset(RULES))
    if select or ignore:
        extra = configmod.parse(
            {"select": [p for s in select for p in s.split(",") if p], "ignore": [p for s in ignore for p in s.split(",") if p]},
            "command line",
            Path.cwd(),
            frozenset(RULES),
        )
        cfg = dataclasses.replace(cfg, select=extra.select or cfg.select, ignore=tuple(cfg.ignore) + extra.ignore)
    dirs = tuple(cfg.signatures) + tuple(str(Path(d).resolve()) for d in signature_dirs)
    # Patterns with a "/" are relative to the config file's folder (--exclude: to the current one).
    config_root, cwd = Path(cfg.root or "."), Path.cwd()
    patterns = {configmod.anchor(p, config_root): (p, cfg.source or "configuration", config_root) for p in cfg.exclude}
    patterns.update({configmod.anchor(p, cwd): (p, "--exclude", cwd) for p in exclude})
    opts = ScanOptions(
        paths=paths,
        excludes=tuple(patterns),
        jobs=jobs,
        max_bytes=_size(max_file_size or cfg.max_file_size or "10M"),
        signature_dirs=dirs,
        follow_outside=follow_outside or cfg.follow_outside_root,
        include_tests=include_tests or cfg.include_tests,
        config=cfg,
    )
    db = signatures.load(dirs)
    resolve.check_declared(cfg.facts, db)
    result = run(opts, progress=_progress() if sys.stderr.isatty() and not quiet else None)
    _unmatched_excludes(paths, patterns, result.excludes_matched)
    _check_read(result)
    return result, cfg, db, policy


def _unmatched_excludes(paths: tuple[str, ...], patterns: dict, matched: frozenset[str]) -> None:
    """A pattern that excluded nothing is most often a typo or a path relative to the wrong
    folder: say so (on stderr; the exit code is unchanged). Files named one by one (pre-commit)
    are not walked, so no pattern can match there and nothing is said."""
    import os

    if not any(os.path.isdir(p) for p in paths):
        return
    for anchored, (pattern, where, base) in patterns.items():
        if anchored in matched:
            continue
        relative = (
            f"; a pattern with a '/' is relative to {base.resolve()}" if anchored.startswith("/") and not pattern.startswith("/") else ""
        )
        click.echo(f"replaylint: exclude pattern '{pattern}' ({where}) matched nothing{relative}", err=True)


def _check_read(result) -> None:
    """A path that does not exist, or a scan that read no file, is a usage error (exit 2): a CI
    gate pointed at a wrong folder, or excluding everything, must not pass silently."""
    from analyzer.config import ConfigError

    missing = [d.path for d in result.diagnostics if d.code == "not-found"]
    if missing:
        raise ConfigError(f"no such file or folder: {', '.join(missing)}")
    if result.files == 0 and not any(d.code == "test-file" for d in result.diagnostics):
        raise ConfigError("no file to scan: the paths hold no file of a kind replaylint reads, or every one is excluded")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "sarif", "github", "html", "markdown"]),
    default=None,
    help="Default: github under GitHub Actions, else text. html: a report for people (use -o); markdown: a short summary.",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to FILE (the summary then goes to stderr)."
)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default=None,
    help="Exit 1 when a finding has this severity or higher (default: high, or the config's fail-on).",
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="Skip files and folders matching GLOB (repeatable): a name at any depth, or a path relative to the current folder when it holds a "
    "'/'.",
)
@click.option("--select", multiple=True, metavar="PREFIXES", help="Report only rules with these id prefixes (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, metavar="PREFIXES", help="Drop rules with these id prefixes (comma-separated, repeatable).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), help="Report only findings not in this baseline file.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, exists=True),
    help="Policy file (default: nearest .replaylint.toml or pyproject.toml [tool.replaylint]).",
)
@click.option(
    "--signatures",
    "signature_dirs",
    multiple=True,
    type=click.Path(file_okay=False, exists=True),
    help="Extra signature folder (vendors/, consent/).",
)
@click.option("--jobs", "-j", type=click.IntRange(0, 64), default=1, show_default=True, help="Worker processes (0: one per CPU).")
@click.option("--max-file-size", default=None, help="Skip files larger than this, with a diagnostic (default 10M).")
@click.option("--quiet", "-q", is_flag=True, help="Only findings at or above --fail-on, one line each, and a count of the rest.")
@click.option(
    "--sort",
    "sort_by",
    type=click.Choice(["file", "severity", "rule"]),
    default="file",
    show_default=True,
    help="Order of the findings: by file then most severe first; most severe first; or by rule.",
)
@click.option(
    "--color",
    "color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text report (auto: on a terminal, unless NO_COLOR is set or TERM=dumb; FORCE_COLOR forces it).",
)
@click.option("--follow-outside-root", is_flag=True, help="Follow symlinks and source maps that lead outside the scanned folders.")
@click.option(
    "--fail-on-error/--no-fail-on-error",
    default=None,
    help="Exit 2 when the tool failed on a file (default: yes, or the config's fail-on-error).",
)
@click.option(
    "--include-tests",
    is_flag=True,
    help="Scan test files (tests/, __tests__/, *.spec.ts, *.feature …) as site code; by default they are skipped.",
)
def scan(
    paths,
    fmt,
    output,
    fail_on,
    exclude,
    select,
    ignore,
    baseline_file,
    config_file,
    signature_dirs,
    jobs,
    max_file_size,
    quiet,
    sort_by,
    color,
    follow_outside_root,
    fail_on_error,
    include_tests,
) -> None:
    """Scan files and folders for recorders and report findings."""
    import os
    from pathlib import Path

    from analyzer.config import ConfigError
    from analyzer.model import Severity
    from analyzer.report import ReportOptions, formatter
    from analyzer.report.summary import summary_lines, verdict_line
    from analyzer.report.terminal import use_color
    from analyzer.report.view import names_from_signatures
    from analyzer.signatures.sigschema import SignatureError

    try:
        result, cfg, db, policy = _run(
            paths, config_file, exclude, jobs, max_file_size, quiet, select, ignore, signature_dirs, follow_outside_root, include_tests
        )
        baseline = policy.read_baseline(Path(baseline_file)) if baseline_file else None
        result = policy.apply(result, cfg, baseline)
    except (SignatureError, ConfigError) as exc:
        click.echo(f"replaylint: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    result = dataclasses.replace(result, findings=policy.order(result.findings, sort_by))
    threshold = Severity.parse(fail_on or cfg.fail_on or "high")
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    to_file = output is not None
    # A report file is coloured only when asked for by name (--color always).
    painted = fmt == "text" and (color == "always" if to_file else use_color(color, sys.stdout, os.environ))
    report_opts = ReportOptions(fail_on=threshold, quiet=quiet, color=painted, names=names_from_signatures(db))
    report = _from_document(fmt, result, report_opts, db) if fmt in ("html", "markdown") else formatter(fmt)(result, report_opts)
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        _step_summary(os.environ["GITHUB_STEP_SUMMARY"], _from_document("markdown", result, report_opts, db))
    # Whatever a name or an evidence string holds, the report is written: bytes that UTF-8
    # cannot carry (a lone surrogate from an undecodable file name) become escapes.
    data = report.encode("utf-8", "backslashreplace")
    if to_file:
        try:
            with open(output, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            click.echo(f"replaylint: cannot write {output}: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_ERROR)
        # The report is in the file: the person at the terminal still learns what it says.
        lines = [verdict_line(result, report_opts)] if quiet else summary_lines(result, report_opts)
        click.echo("\n".join([*lines, f"replaylint: report written to {output}"]), err=True)
    else:
        _write_stdout(data)
    if result.errors and (cfg.fail_on_error if fail_on_error is None else fail_on_error):
        errors = f"{result.errors} internal error{'s' if result.errors != 1 else ''}"
        click.echo(f"replaylint: {errors}: the results are incomplete (see the diagnostics)", err=True)
        sys.exit(EXIT_ERROR)
    failing = any(f.severity >= threshold for f in result.findings)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def _from_document(fmt: str, result, opts, db) -> str:
    """The HTML report or the Markdown summary: both render the JSON document, with display names."""
    from analyzer.report.json_report import document
    from analyzer.report.view import names_from_signatures

    if fmt == "html":
        from analyzer.report.html import render_html as render
    else:
        from analyzer.report.markdown import render_markdown as render
    return render(document(result, opts), names_from_signatures(db))


def _step_summary(path: str, markdown: str) -> None:
    """Append to the job summary GitHub Actions shows on the run's page; a failure only warns."""
    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(markdown)
    except OSError as exc:
        click.echo(f"replaylint: cannot write the step summary {path}: {exc.strerror or exc}", err=True)


def _write_stdout(data: bytes) -> None:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()


@cli.command()
@click.argument("baseline_file", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--config", "config_file", type=click.Path(dir_okay=False, exists=True))
@click.option("--exclude", multiple=True, metavar="GLOB")
@click.option("--jobs", "-j", type=click.IntRange(0, 64), default=1)
def baseline(baseline_file, paths, config_file, exclude, jobs) -> None:
    """Write the current findings to BASELINE_FILE; `scan --baseline` then reports only new ones."""
    from pathlib import Path

    from analyzer.config import ConfigError
    from analyzer.signatures.sigschema import SignatureError

    try:
        result, cfg, db, policy = _run(paths, config_file, exclude, jobs, None, True, (), (), ())
        result = policy.apply(result, cfg, None)
        count = policy.write_baseline(Path(baseline_file), result.findings)
    except (SignatureError, ConfigError, OSError) as exc:
        click.echo(f"replaylint: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"replaylint: wrote {count} finding(s) to {baseline_file}")


def _progress():
    state = {"shown": False}

    def show(done: int, total: int) -> None:
        if total < 50:
            return
        if done == total or done % max(1, total // 100) == 0:
            click.echo(f"\rscanning {done}/{total} files", err=True, nl=done == total)
            state["shown"] = True

    return show


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--cmps", is_flag=True, help="List the consent managers instead of the vendors.")
def vendors(fmt: str, cmps: bool) -> None:
    """List the known vendors (or, with --cmps, consent managers) with their hosts and public sources."""
    import json

    from analyzer.report.listing import cmp_rows, text_rows, vendor_rows
    from analyzer.signatures import load

    db = load()
    rows = cmp_rows(db) if cmps else vendor_rows(db)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    click.echo("\n".join(text_rows(rows, cmps)))


@cli.command()
@click.argument("rule_id", required=False)
def explain(rule_id: str | None) -> None:
    """Show the documentation of a rule (by id or name); without one, list the rules."""
    from analyzer.report.listing import nearest_rules, rule_lines
    from analyzer.rules import lookup

    if rule_id is None:
        click.echo("\n".join(rule_lines()))
        click.echo("\nreplaylint explain RULE shows what a rule finds, why it matters and how to fix it.")
        return
    rule = lookup(rule_id)
    if rule is None:
        near = nearest_rules(rule_id, 1)
        hint = f" Did you mean {near[0].id} ({near[0].name})?" if near else ""
        click.echo(f"replaylint: unknown rule '{rule_id}'.{hint} 'replaylint explain' lists them all.", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"{rule.id} {rule.name} (default severity: {rule.severity})\n")
    click.echo(rule.doc)


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code (pre-commit and tests call it directly)."""
    try:
        cli.main(args=argv, prog_name="replaylint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return EXIT_ERROR
    except click.Abort:
        return EXIT_ERROR
    except SystemExit as exc:
        return int(exc.code or 0)
    except (Exception, RecursionError) as exc:  # noqa: BLE001 - never a traceback, never exit 1
        click.echo(f"replaylint: internal error: {type(exc).__name__}: {exc}", err=True)
        return EXIT_ERROR
    return EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
