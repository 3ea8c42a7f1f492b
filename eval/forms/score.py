"""Precision and recall of the sensitive-field classifier on the real-form sets (issue 14).

Field level (default): every record of a held-out set (heldoutN.jsonl, named in SETS) or dev.jsonl goes through
analyzer.signatures.lexicon.classify with the texts analyzer/facts/fieldfacts.py builds for such a control, and the
result is compared with the label written by reading the form. Printed: precision and recall over
the GDPR Art. 9 categories, per category, per language, for the fields whose category comes only from
the page topic, and a confusion list.

End to end (--e2e CACHE): the source files the records come from, kept in CACHE as
CACHE/<owner>+<name>/<path> (the record's commit; a gitignored eval/forms/.cache/ is the usual
place), are scanned with analyzer.read.engine.analyze, and each record is matched with the FieldSite the
real extractor reports at its line (or, by its name, up to NEAR_LINES lines away: a start tag spread over
lines; in a data or script file, up to NEAR_DEFINITION_LINES lines above: a definition opens before its name
member). Files whose kind the tool does not scan count as misses. The cache is written from the fetched
repositories' mirrors: python3 eval/realworld/materialize.py --manifest eval/forms/dev.jsonl --cache eval/forms/.cache

    .venv/bin/python eval/forms/score.py                 # the development set, field level
    .venv/bin/python eval/forms/score.py --set both      # and the held-out sets (report them on purpose only)
    .venv/bin/python eval/forms/score.py --set dev --misses dev
    .venv/bin/python eval/forms/score.py --e2e eval/forms/.cache --markdown out.md
    .venv/bin/python eval/forms/score.py --set dev --repos @batch.txt   # only these repositories' forms

The held-out set is never used to tune the lexicon (README.md): look at its misses only to report them.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from analyzer import signatures  # noqa: E402
from analyzer.facts.pagecontext import (  # noqa: E402
    asks_about_an_animal,
    checkbox_lists,
    checklist_topic,
    fields_topic,
    follow_up_label,
    followed_up,
    from_checklist,
    from_list,
    from_record_section,
    learned_kept,
    learned_may_read,
    not_an_animals,
    path_words,
    record_section,
    ruled_out,
    shared_identifier_words,
    topic_of,
    what_it_asks,
    without_words,
)
from analyzer.parse.clipping import clip  # noqa: E402
from analyzer.signatures import fieldmodel  # noqa: E402
from analyzer.signatures.lexicon import (  # noqa: E402
    Classification,
    as_voting_advice,
    classify,
    hinted,
    only_follow_up,
    read_otherwise,
    takes_topic,
    voting_advice_item,
)

ART9 = ("health", "genetic", "biometric", "racial-ethnic", "political", "religion", "union", "sex-life")
OTHER = ("financial", "government-id", "credentials", "contact")
SETS: tuple[str, ...] = ("heldout33", "dev")  # the held-out set in use, then dev (the thirtieth to thirty-second retired into dev)
NEAR_LINES = 3  # end to end, a record matches a field of its name this many lines from its own
# A field defined as data or code ({ "component": "TextField", "params": { "label": …, "name": … } }) is reported where
# its definition opens; a record names the line of its name or label inside it, up to this many lines below.
NEAR_DEFINITION_LINES = 8
_DEFINITION_FILES = (".json", ".yaml", ".yml", ".js", ".mjs", ".cjs", ".ts", ".jsx", ".tsx", ".py", ".php")
# A record's keys in the order the sets write them (README "Record format"), and its sectors.
RECORD_KEYS = (
    "lang", "tag", "type", "name", "id", "label", "question", "legend", "placeholder", "options", "autocomplete", "site",
    "expected", "expected_by_context", "repo", "path", "commit", "line", "form", "sector", "context", "note",
)  # fmt: skip
SECTORS = ("medical", "job", "insurance", "banking", "dating", "religion", "political", "union", "school", "government", "negative")


def load(name: str) -> list[dict]:
    path = HERE / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def control_type(rec: dict) -> str:
    """The type fieldfacts passes to classify: the input's type attribute, else the tag."""
    if rec["tag"] in ("select", "textarea"):
        return rec["tag"]
    return (rec["type"] or "text").lower()


def texts_for(
    rec: dict, previous: str = "", db: signatures.SignatureDB | None = None, previous_legend: str = "", follows: bool | None = None
) -> dict[str, str]:
    """The texts fieldfacts.extract collects for this control (docs/fields.md): a radio or checkbox
    carries its choice text in `options` and the text before the group in `question`; a select its
    option texts. A radio/checkbox group is one record here, so its choices are joined, as
    tests/test_classifier.py does for the hand-written sets (the extractor sees one choice at a time).
    A text control or select whose label only follows up the previous control's question ("When?", "If
    yes, please specify") gets that question (``previous``), as the extractor does, unless it stands in
    a section of its own (a legend other than the previous control's, ``previous_legend``); ``follows``
    is that judgement when the caller has made it."""
    typ = control_type(rec)
    label = rec.get("label") or ""
    texts: dict[str, str] = {}
    if typ in ("radio", "checkbox"):
        options = " ".join(rec.get("options") or []) or label
        texts["question"] = rec.get("question") or ""
        texts["options"] = options
        texts["label"] = "" if label == options or not rec.get("options") else label
    else:
        texts["label"] = label
        if typ == "select":
            texts["options"] = " ".join(rec.get("options") or [])
        if previous and db is not None and (follows if follows is not None else follows_up(rec, previous_legend, db)):
            texts["question"] = previous
    texts["legend"] = rec.get("legend") or ""
    texts["placeholder"] = rec.get("placeholder") or ""
    texts["name"] = rec.get("name") or ""
    texts["id"] = rec.get("id") or ""
    return {k: clip(v) for k, v in texts.items() if v and v.strip()}  # as analyzer/facts/fieldfacts.py cuts them


def follows_up(rec: dict, previous_legend: str, db: signatures.SignatureDB) -> bool:
    """Whether a text control or select only follows up the control before it ("Other", "If yes,
    which?"), as fieldfacts reads it: its label (else its placeholder) is only follow-up words, and it
    does not stand in a section of its own (a legend other than the previous control's)."""
    if control_type(rec) in ("radio", "checkbox"):
        return False
    legend = rec.get("legend") or ""
    if legend and legend != previous_legend:
        return False
    return only_follow_up(follow_up_label({"label": rec.get("label") or "", "placeholder": rec.get("placeholder") or ""}), db.field_context)


def context_sources(rec: dict) -> list[tuple[str, str]]:
    """The record's page and form context in the order fieldfacts reads it, nearest first."""
    ctx = rec.get("context") or {}
    section = section_of(rec)
    out = [("heading", section)] if section else []
    out += [("heading", h) for h in ctx.get("headings") or [] if h != section]
    out += [("form", ctx.get("form") or ""), ("page title", ctx.get("title") or ""), ("path", path_words(ctx.get("route") or ""))]
    return out


def field_sources(rec: dict) -> list[tuple[str, str]]:
    """The record's own context, nearest first: its section and headings and its form's name, not the
    page's title or path (fieldfacts._field_sources)."""
    return [s for s in context_sources(rec) if s[0] in ("heading", "form")]


def record_sources(rec: dict) -> list[tuple[str, str]]:
    """The section and form levels of the record's context, nearest first (fieldfacts._record_sources):
    its section heading, then its form's name; not the page's title or path, nor another section's heading."""
    ctx = rec.get("context") or {}
    section = section_of(rec)
    return ([("heading", section)] if section else []) + [("form", ctx.get("form") or "")]


def section_of(rec: dict) -> str:
    """The heading of the form section the record stands in, as fieldfacts reads it (the heading or
    legend right above the control, inside its form): its legend, else the nearest of its headings
    that is not the form's or the page's own (the records list headings mostly in document order,
    nearest last)."""
    if rec.get("legend"):
        return rec["legend"]
    ctx = rec.get("context") or {}
    own = {(ctx.get("form") or "").strip().lower(), (ctx.get("title") or "").strip().lower()}
    return next((h for h in reversed(ctx.get("headings") or []) if h.strip().lower() not in own), "")


REASONS: dict = {}  # id(record) -> the Classification field_level gave it (for diagnosis)
SITE_MATCHES: dict = {}  # id(record) -> the FieldSite site_e2e matched to it, or None (for diagnosis)


def form_texts(recs: list[dict], db: signatures.SignatureDB) -> tuple[list[dict[str, str]], list[bool]]:
    """The texts fieldfacts.extract reads for each control of one form, in order, and whether each
    follows up the control before it: a follow-up takes the previous question; the form's name in every
    identifier is not evidence."""
    previous, previous_legend, texts, follows = "", "", [], []
    for k, rec in enumerate(recs):
        follows.append(k > 0 and follows_up(rec, previous_legend, db))
        texts.append(texts_for(rec, previous, db, previous_legend, follows=follows[-1]))
        previous, previous_legend = what_it_asks(texts[-1]), rec.get("legend") or ""
    shared = shared_identifier_words(texts)
    return [without_words(t, shared) for t in texts], follows


def field_level(records: list[dict], db: signatures.SignatureDB, learned: bool = True) -> list[tuple[dict, str]]:
    """Per form, as fieldfacts.extract does: the texts (follow-ups take the previous question), a
    first classification, the form's topic (its headings, name, page title and path, else its
    own answers), and the classification with that topic."""
    forms: dict[str, list[dict]] = {}
    for rec in records:
        forms.setdefault(rec["form"], []).append(rec)
    result: dict[int, str] = {}
    model = fieldmodel.builtin() if learned else None  # without it: the rules alone
    for recs in forms.values():
        texts, follows = form_texts(recs, db)
        animal = asks_about_an_animal(texts, db.field_context)  # fieldfacts._animal_patients: "Spezies", "Nome do animal"
        args = [(control_type(r), r.get("autocomplete") or "") for r in recs]
        first: list = []
        for k, (t, (typ, auto)) in enumerate(zip(texts, args, strict=True)):
            got = classify(t, db.fields, typ, auto, db.consent_words, context=db.field_context)
            if got is None and follows[k]:  # fieldfacts.extract: a follow-up takes what it follows up
                got = followed_up(first[k - 1], texts[k - 1], db.fields)
            first.append(got)
        own = fields_topic(first, db.fields)
        checklist = checklist_topic(texts, [typ for typ, _ in args], first, db.fields, db.field_context)
        lists = checkbox_lists(texts, [typ for typ, _ in args], first, db.fields)
        sections = [section_of(r) for r in recs]
        # The Art. 9 categories each section's controls ask for by their own words (fieldfacts._section_asks).
        section_asks: dict[str, set[str]] = {}
        for sec, got, t, (typ, _) in zip(sections, first, texts, args, strict=True):
            if sec and got is not None and got.category in ART9 and not got.context:
                section_asks.setdefault(sec, set()).add(got.category)
            elif sec and got is None:
                section_asks.setdefault(sec, set()).update(hinted(t, db.fields, typ))
        for k, (rec, t, (typ, auto), got) in enumerate(zip(recs, texts, args, first, strict=True)):
            # As fieldfacts._with_topics: only a control the first reading leaves unclassified, or a
            # contact detail in a text control, is read again with the topic, when a topic could change
            # its reading (takes_topic) or it stands in a later section of its form (one that an
            # earlier control stands outside of, as fieldfacts._sections finds it).
            again = got is None or (got.category == "contact" and typ not in ("radio", "checkbox", "select"))
            section = sections[k] if again and sections[k] and any(s != sections[k] for s in sections[:k]) else ""
            # (and, as there, a statement a voting-advice application may ask: lexicon.voting_advice_item)
            takes = again and (takes_topic(t, db.fields, typ, db.field_context) or voting_advice_item(t, typ, db.field_context))
            if again and ((section and got is not None) or takes):
                topic = topic_of(context_sources(rec), db.fields, lambda own=own: own)
                if topic is not None:
                    if section and topic.category in section_asks.get(section, ()):
                        topic = dataclasses.replace(topic, section=section)
                    got = classify(t, db.fields, typ, auto, db.consent_words, topic, db.field_context)
            got = got or from_checklist(t, typ, checklist, db.field_context, lambda rec=rec: ruled_out(field_sources(rec), db.fields))
            if got is None and lists[k] is not None:
                got = from_list(t, typ, lists[k], db.consent_words, topic_of(context_sources(rec), db.fields), db.field_context, db.fields)
            if got is None:  # a control of a record section (fieldfacts: the last reading)
                got = from_record_section(
                    t, typ, record_section(record_sources(rec), db.field_context.sections), db.consent_words, db.field_context
                )
            if got is None:  # fieldfacts.extract: the learned model reads what is left
                got = learned_reading(model, t, rec, typ, db)
            if read_otherwise(got, t, typ, db.field_context, db.fields):  # fieldfacts._voting_advice
                got = as_voting_advice(got, t, typ, topic_of(context_sources(rec), db.fields), db.field_context, db.fields)
            if animal and got is not None and got.category == "health":
                got = None
            got = not_an_animals(got, context_sources(rec), db.field_context)  # fieldfacts._animal_patients
            result[id(rec)] = got.category if got else "none"
            REASONS[id(rec)] = got
    return [(rec, result[id(rec)]) for rec in records]


def learned_reading(
    model: fieldmodel.FieldModel | None, texts: dict[str, str], rec: dict, typ: str, db: signatures.SignatureDB
) -> Classification | None:
    """The learned field model's reading of a control the rules leave unclassified, as fieldfacts asks it."""
    if model is None or not learned_may_read(texts, typ, db.consent_words, db.field_context):
        return None
    around = context_sources(rec)
    return learned_kept(model.read(texts, around, typ), texts, around, db.fields)


def counts(pairs, cats=ART9) -> tuple[int, int, int]:
    """tp, fp, fn restricted to `cats`: a field counts when its label or the tool's answer is in cats."""
    tp = fp = fn = 0
    for rec, got in pairs:
        want = rec["expected"]
        if want in cats and got == want:
            tp += 1
            continue
        if got in cats:
            fp += 1
        if want in cats:
            fn += 1
    return tp, fp, fn


def pr(tp: int, fp: int, fn: int) -> tuple[str, str]:
    p = f"{tp / (tp + fp):.3f}" if tp + fp else "-"
    r = f"{tp / (tp + fn):.3f}" if tp + fn else "-"
    return p, r


def table(rows: list[list], head: list[str]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return out


def describe(rec: dict) -> str:
    text = rec.get("label") or rec.get("question") or rec.get("placeholder") or rec.get("name") or "(no text)"
    return text[:70].replace("|", "/")


def report(name: str, pairs: list[tuple[dict, str]], misses: bool, kind: str = "field level") -> list[str]:
    forms = {r["form"] for r, _ in pairs}
    lines = [f"## {name}: {kind} ({len(forms)} forms, {len(pairs)} fields)", ""]
    tp, fp, fn = counts(pairs)
    p, r = pr(tp, fp, fn)
    atp, afp, afn = counts(pairs, ART9 + OTHER)
    ap, ar = pr(atp, afp, afn)
    lines.append(f"- **Art. 9 categories: precision {p}, recall {r}** (tp {tp}, fp {fp}, fn {fn})")
    lines.append(
        f"- all sensitive categories (Art. 9 + financial, government-id, credentials, contact): precision {ap}, recall {ar} (tp {atp}, fp "
        f"{afp}, fn {afn})"
    )
    ctx = [(rec, got) for rec, got in pairs if rec.get("expected_by_context")]
    own = [(rec, got) for rec, got in pairs if not rec.get("expected_by_context")]
    for label, sub in (("whose category shows in the field's own texts", own), ("whose category comes only from the page/form topic", ctx)):
        t, f, n = counts(sub)
        lines.append(f"- Art. 9 recall on fields {label}: {pr(t, f, n)[1]} ({t} of {t + n})")
    lines.append("")
    rows = []
    for cat in ART9 + OTHER:
        t, f, n = counts(pairs, (cat,))
        if t + f + n:
            rows.append([cat, t + n, *pr(t, f, n), t, f, n])
    lines += ["Per category:", ""] + table(rows, ["category", "labelled", "precision", "recall", "tp", "fp", "fn"]) + [""]
    rows = []
    for lang in sorted({rec["lang"] for rec, _ in pairs}):
        sub = [(rec, got) for rec, got in pairs if rec["lang"] == lang]
        t, f, n = counts(sub)
        rows.append([lang, len(sub), t + n, *pr(t, f, n), t, f, n])
    lines += (
        ["Per language (Art. 9 categories):", ""]
        + table(rows, ["lang", "fields", "Art. 9 labelled", "precision", "recall", "tp", "fp", "fn"])
        + [""]
    )
    rows = []
    for sector in sorted({rec.get("sector", "") for rec, _ in pairs}):
        sub = [(rec, got) for rec, got in pairs if rec.get("sector", "") == sector]
        t, f, n = counts(sub)
        rows.append([sector, len({r["form"] for r, _ in sub}), len(sub), t + n, *pr(t, f, n)])
    lines += (
        ["Per sector (Art. 9 categories):", ""]
        + table(rows, ["sector", "forms", "fields", "Art. 9 labelled", "precision", "recall"])
        + [""]
    )
    confusion = collections.Counter((rec["expected"], got) for rec, got in pairs if rec["expected"] != got)
    rows = [[want, got, n] for (want, got), n in confusion.most_common()]
    lines += ["Confusion (labelled -> tool, fields that differ):", ""] + table(rows, ["labelled", "tool", "fields"]) + [""]
    if misses:
        rows = [
            [
                rec["form"],
                rec["lang"],
                rec["expected"] + ("*" if rec.get("expected_by_context") else ""),
                got,
                describe(rec),
                f"{rec['path']}:{rec['line']}",
                LOSSES.get(id(rec), "") if kind != "field level" else "",
            ]
            for rec, got in pairs
            if rec["expected"] != got and (rec["expected"] in ART9 or got in ART9)
        ]
        lines += (
            ["Art. 9 disagreements (* = category from the page topic):", ""]
            + table(rows, ["form", "lang", "labelled", "tool", "field text", "where", "stage (whole repositories)"])
            + [""]
        )
    return lines


def e2e(records: list[dict], db: signatures.SignatureDB, cache: Path) -> tuple[list[tuple[dict, str]], dict[str, int]]:
    """Scan each cached source file with the real pipeline and match records to FieldSites by line."""
    from analyzer.read.discover import SourceFile
    from analyzer.read.discover import classify as file_kind
    from analyzer.read.engine import analyze

    stats = collections.Counter()
    sites: dict[tuple[str, str], dict[int, list]] = {}
    for repo, path in sorted({(r["repo"], r["path"]) for r in records}):
        file = cache / repo.replace("/", "+") / path
        kind = file_kind(file)
        if not file.is_file():
            stats["files missing from the cache"] += 1
            continue
        if kind is None:
            stats["files of a kind the tool does not scan"] += 1
            sites[(repo, path)] = {}
            continue
        result = analyze(SourceFile(file, f"{repo}/{path}", kind), db, 10 * 1024 * 1024)
        by_line: dict[int, list] = collections.defaultdict(list)
        for site in result.fields:
            by_line[site.line].append(site)
            for at in getattr(site, "box_lines", ()):  # a group reported at its first box answers for any of its boxes (older code: none)
                by_line[at].append(site)
        sites[(repo, path)] = by_line
        stats["files scanned"] += 1
    pairs = []
    recorded = _recorded_lines(records)
    for rec in records:
        found = sites.get((rec["repo"], rec["path"]))
        if found is None:
            continue
        match = _match(rec, found, recorded.get((rec["repo"], rec["path"]), ()))
        pairs.append((rec, match.classification.category if match else "none"))
        # Where an Art. 9 field is lost end to end: no sensitive field reported at its line (the extractor
        # did not find it, or found nothing sensitive in it), or one reported with another category.
        if rec["expected"] in ART9:
            if match is None:
                stats["Art. 9 records with no sensitive field reported at their line"] += 1
            elif match.classification.category != rec["expected"]:
                stats["Art. 9 records reported at their line with another category"] += 1
    stats["records matched to a scanned or unscannable file"] = len(pairs)
    return pairs, dict(stats)


def _recorded_lines(records: list[dict]) -> dict[tuple[str, str], tuple[int, ...]]:
    """The lines each file's records name, sorted."""
    out: dict[tuple[str, str], set[int]] = {}
    for rec in records:
        out.setdefault((rec["repo"], rec["path"]), set()).add(rec["line"])
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _match(rec: dict, found: dict[int, list], recorded: tuple[int, ...] = ()):
    """The reported field a record names: one of its name at its line (or the only one there), else
    one of its name up to NEAR_LINES away, nearest first, the line before first (a start tag over several
    lines: the records give the line a parser reported, often the tag's last, the tool the line it opens
    on). A record without a name or id matches an unnamed field so."""
    line = rec["line"]
    here = found.get(line, [])
    name = rec["name"] or rec["id"]
    match = next((s for s in here if s.name == name), here[0] if len(here) == 1 else None)
    if match is None and not name and len({s.classification.category for s in here}) == 1:
        # A nameless record at a line where the tool reports several boxes of one category: a row a component's
        # markup writes once for each item of a list it maps (box_lines), "Herzinfarkt [ ] Ja [ ] Vater [ ] Mutter"
        # defined at the item's line (session 43: the same rule for the start's and the final scores).
        match = here[0]
    # Another record's own line is that record's: a nameless "Last name" two lines above a nameless "Blood type" the
    # tool reports must not take its field (session 33: the same rule for the start's and the final scores).
    others = set(recorded) - {line}
    around = [at for d in range(1, NEAR_LINES + 1) for at in (line - d, line + d) if at not in others]
    in_data = rec.get("path", "").lower().endswith(_DEFINITION_FILES)
    if match is None:
        # A control without a name or id is found by its line alone: the nearest unnamed field (the
        # tool reports a group of unnamed boxes, "Oui [ ] Non [ ]", at its first box).
        match = _named_at(found, around, name)
    if match is None and name and in_data:
        # A definition that opens a few lines above the record's line (its name or label member): a field of the
        # record's very name reported there (session 30: the same rule for the start's and the final scores).
        match = _named_at(found, range(line - NEAR_LINES - 1, line - NEAR_DEFINITION_LINES - 1, -1), name)
    if match is None and name and in_data:
        # A question answered by a group of choices, reported at its first choice a few lines below the definition's
        # opening that the record names (session 44: the same rule for the start's and the final scores).
        match = _named_at(found, range(line + NEAR_LINES + 1, line + NEAR_DEFINITION_LINES + 1), name)
    if match is None and not name and in_data:
        # A record without a name (a statement of a list, whose answers the page names by position) is the definition
        # reported nearest above its line (its text member's), when no other record of the file stands between them:
        # that definition opens before this record's member and after the previous record's (session 31: the same rule
        # for the start's and the final scores).
        above = next((at for at in range(line - 1, line - NEAR_DEFINITION_LINES - 1, -1) if found.get(at)), None)
        if above is not None and not any(above <= other < line for other in recorded):
            match = found[above][0] if len(found[above]) == 1 else None
    if match is None and _last_name(name) != name:
        # The name a framework renders around the field a form class or model binding declares: a record of
        # "appbundle_joining[tradeUnionCommitment]" or "Patient.Allergies" is the tool's "tradeUnionCommitment"
        # or "Allergies" (each set scored so alike; SCORE-session18.md gives the effect).
        match = _named_at(found, [line, *around], _last_name(name))
    if match is None and name and in_data:
        # A record named by the markup that draws its list (name={p.numeropregunta}, name="radioGroup"), a name the list
        # itself does not hold: the definition the tool read without a name of its own (or named by its own question),
        # asking the record's very question, up to NEAR_DEFINITION_LINES above or NEAR_LINES below, nearest first
        # (session 48: the same rule for every score since, and for the ones it reports beside them).
        match = _same_question(rec, found, line, others)
    return match


def _asked(text: str) -> str:
    return " ".join((text or "").casefold().split())


def _same_question(rec: dict, found: dict[int, list], line: int, others: set[int] = frozenset()):  # type: ignore[assignment]
    """The unnamed field nearest the record's line whose question (or label) is the record's question or label, word
    for word (a list's item the record takes for one box of a larger question: "Tos persistente" under "Which of these
    symptoms…?")."""
    asked = {a for k in ("question", "label") if (a := _asked(rec.get(k) or ""))}
    if not asked:
        return None
    lines = sorted(range(line - NEAR_DEFINITION_LINES, line + NEAR_LINES + 1), key=lambda at: (abs(at - line), at > line))
    for at in (at for at in lines if at not in others):  # another record's own line is that record's
        for s in found.get(at, []):
            own = s.texts.get("question") or s.texts.get("label") or ""
            if (not s.name or _asked(s.name) == _asked(own)) and _asked(own) in asked:
                return s
    return None


def _named_at(found: dict[int, list], lines, name: str):
    """The first field of this name reported at one of these lines, in their order."""
    return next((s for at in lines for s in found.get(at, []) if s.name == name), None)


_NAME_PARTS = re.compile(r"[\[\].]+")


_FORM_PREFIX = re.compile(r"^(?:[A-Za-z_]\w*-)?\d+-(?=[A-Za-z_])")  # Django's "2-" (a wizard's step), "form-0-" (a formset's)


def _last_name(name: str) -> str:
    """The last part of a framework's compound field name: ``appbundle_joining[tradeUnionCommitment]`` ->
    ``tradeUnionCommitment``, ``Patient.Allergies`` -> ``Allergies``, ``allergies[]`` -> ``allergies``, and a Django
    form's prefix (``2-child_allergy`` of a wizard's third step, ``form-0-diagnosis`` of a formset) -> ``child_allergy``,
    ``diagnosis``: the name the form class declares."""
    parts = [p for p in _NAME_PARTS.split(_FORM_PREFIX.sub("", name or "")) if p]
    return parts[-1] if parts else name


def site_e2e(
    records: list[dict], db: signatures.SignatureDB, trees: Path, cache: Path | None = None, jobs: int = 2, explain: bool = False
) -> tuple[list[tuple[dict, str]], dict[str, int]]:
    """Scan each record's repository whole, as a user's scan reads it (every file the tool reads, at
    the record's commit, written by ``eval/realworld/materialize.py --trees``), through the read and
    resolve stages: a page's fields as the scan holds them, with the topics its layouts and the
    templates rendered with it give (``analyzer.resolve``). A record whose tree was not written (no
    mirror, too large) is scored on its own file from the tree-less cache instead, when given."""
    sys.path.insert(0, str(HERE.parent / "realworld"))
    from materialize import tree_dir

    stats = collections.Counter()
    # By commit too: a repository whose records are at two commits is scanned twice, and each commit's file is its own.
    sites: dict[tuple[str, str, str], dict[int, list]] = {}
    read: set[tuple[str, str, str]] = set()  # the files the scan read, and those whose reading left a diagnostic
    troubled: set[tuple[str, str, str]] = set()
    tree_of: dict[tuple[str, str], Path] = {}
    treeless: list[dict] = []
    for repo, commit in sorted({(r["repo"], r["commit"]) for r in records}):
        tree = tree_dir(trees, repo, commit)
        if not (tree / ".complete").exists():
            stats["repositories without a tree"] += 1
            treeless += [r for r in records if r["repo"] == repo and r["commit"] == commit]
            continue
        files, facts, pages = _scan_tree(tree, db, jobs)
        stats["repositories scanned"] += 1
        stats["files scanned"] += len(files)
        tree_of[(repo, commit)] = tree
        read.update((repo, commit, str(f.display).removeprefix("./")) for f in files)
        troubled.update((repo, commit, fact.path.removeprefix("./")) for fact in facts if fact.diagnostics)
        sites.update({(repo, commit, path): by_line for path, by_line in pages.items()})
    alone: dict[int, str] = {}
    if cache is not None and treeless:
        alone = {id(r): got for r, got in e2e(treeless, db, cache)[0]}
        stats["records scored on their own file (no tree)"] = len(alone)
    pairs = []
    recorded = _recorded_lines(records)
    for rec in records:
        if id(rec) in alone:
            pairs.append((rec, alone[id(rec)]))
            continue
        key = (rec["repo"], rec["commit"], rec["path"])
        found = sites.get(key)
        if found is None:
            stats["records in a file with no page facts (no field found there)"] += 1
            found = {}
        match = _match(rec, found, recorded.get((rec["repo"], rec["path"]), ()))
        SITE_MATCHES[id(rec)] = match
        got = match.classification.category if match else "none"
        pairs.append((rec, got))
        tree = tree_of.get(key[:2])
        LOSSES[id(rec)] = _loss(rec, got, match, found, key in read, key in troubled, tree) if tree else "no tree"
    stats["records"] = len(pairs)
    if explain:
        _unread_controls(records, trees, db, recorded)
    return pairs, dict(stats)


def _scan_tree(tree: Path, db: signatures.SignatureDB, jobs: int) -> tuple[list, list, dict[str, dict[int, list]]]:
    """One materialized tree scanned as a user's scan reads it (read and resolve stages): its files, their facts, and
    each page's fields by line (a group's at each of its boxes' lines; a control written for a field declared in
    another file at the declaring line too)."""
    import os

    from analyzer import resolve
    from analyzer.read.discover import discover
    from analyzer.scan import ScanOptions, _results

    home = os.getcwd()
    os.chdir(tree)
    try:
        opts = ScanOptions(paths=(".",), jobs=jobs)
        files, _ = discover(opts.paths, opts.excludes, opts.follow_outside, set(), opts.include_tests)
        facts = list(_results(files, opts, db))
        resolved = resolve.resolve(files, facts, db, opts.max_bytes, opts.config.facts)
    finally:
        os.chdir(home)
    pages: dict[str, dict[int, list]] = {}
    for path, info in resolved.pages.items():
        by_line = pages.setdefault(path.removeprefix("./"), collections.defaultdict(list))
        for site in info.fields:
            by_line[site.line].append(site)
            for at in getattr(site, "box_lines", ()):
                by_line[at].append(site)
            if getattr(site, "declared", None):
                # A control written in one file for a field declared in another (a Django ModelForm's entry for a
                # model field): a record may name either (session 43: the same rule for the start's and the final
                # scores; the start's code declares none).
                where, line = site.declared
                pages.setdefault(where.removeprefix("./"), collections.defaultdict(list))[line].append(site)
    return files, facts, pages


def _unread_controls(records: list[dict], trees: Path, db: signatures.SignatureDB, recorded: dict) -> None:
    """Split the Art. 9 records no field matched (LOSSES "no field at its line" / "in its file"): the repositories
    holding one are scanned again, in this process, with every control reported (``fieldfacts.every_control``), and
    a record that now matches one was read as a control the classifier left unclassified. The scores above are not
    touched: this pass only names where a record was lost."""
    from analyzer.facts import fieldfacts

    sys.path.insert(0, str(HERE.parent / "realworld"))
    from materialize import tree_dir

    lost = [r for r in records if r["expected"] in ART9 and LOSSES.get(id(r)) in ("no field at its line", "no field in its file")]
    with fieldfacts.every_control("none"):
        for repo, commit in sorted({(r["repo"], r["commit"]) for r in lost}):
            pages = _scan_tree(tree_dir(trees, repo, commit), db, 1)[2]
            for rec in (r for r in lost if r["repo"] == repo and r["commit"] == commit):
                match = _match(rec, pages.get(rec["path"], {}), recorded.get((rec["repo"], rec["path"]), ()))
                if match is not None:
                    LOSSES[id(rec)] = _unclassified(rec, match)


_FOLD = re.compile(r"[\W_]+")


def _unclassified(rec: dict, site) -> str:
    """Why a control the scan read was left unclassified: the tool did not read the text the record asks with (its
    label or question), or read it and missed its words, or missed the topic the record's category comes from."""
    asked = _FOLD.sub(" ", (rec.get("label") or rec.get("question") or "").lower()).strip()
    read = " | ".join(_FOLD.sub(" ", str(v).lower()).strip() for v in site.texts.values())
    if asked and asked not in read:
        return "read, its text not"
    return "read with its text, topic missed" if rec.get("expected_by_context") else "read with its text, words missed"


# Where each record of a whole-repository score stands (its id -> a cause of LOSS_CAUSES): aggregate tables only.
LOSSES: dict[int, str] = {}
LOSS_CAUSES = (
    "found",
    "read as another category",
    "read as not sensitive",
    "read, its text not",
    "read with its text, words missed",
    "read with its text, topic missed",
    "no field at its line",
    "no field in its file",
    "file read with a diagnostic",
    "file not read (skipped)",
    "file not read (kind)",
    "no tree",
)


def _loss(rec: dict, got: str, match, found: dict, read: bool, troubled: bool, tree: Path) -> str:
    """Why a record of a whole-repository scan is (not) found: the stage that lost it, latest first."""
    if match is not None:
        return "found" if got == rec["expected"] else "read as not sensitive" if got == "none" else "read as another category"
    if found:
        return "no field at its line"
    if troubled:
        return "file read with a diagnostic"
    if read:
        return "no field in its file"
    # A file the materialized tree lacks is of a kind the scan does not read (materialize.py writes only those); one
    # it holds but discovery passed over sits in a folder the scan skips (tests, vendor, build output) or is too large.
    return "file not read (skipped)" if (tree / rec["path"]).is_file() else "file not read (kind)"


def _suffix(path: str) -> str:
    """A file's kind for the loss table: its last suffix, lower-cased (``.blade.php`` is ``.php``)."""
    name = path.rsplit("/", 1)[-1].lower()
    return name[name.rindex(".") :] if "." in name[1:] else name


def losses(pairs: list[tuple[dict, str]]) -> list[str]:
    """Where the labelled Art. 9 records of a whole-repository score are lost, by file kind and stage (aggregate)."""
    by_kind: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for rec, _ in pairs:
        if rec["expected"] in ART9 and id(rec) in LOSSES:
            by_kind[_suffix(rec["path"])][LOSSES[id(rec)]] += 1
    totals = collections.Counter()
    for counter in by_kind.values():
        totals.update(counter)
    causes = [c for c in LOSS_CAUSES if totals[c]]
    ordered = sorted(by_kind.items(), key=lambda kv: -sum(kv[1].values()))
    rows = [[kind, sum(c.values()), *(c[cause] for cause in causes)] for kind, c in ordered]
    rows.append(["all", sum(totals.values()), *(totals[cause] for cause in causes)])
    head = ["file kind", "Art. 9 labelled", *causes]
    return ["Where labelled Art. 9 records stand, by file kind (whole repositories):", ""] + table(rows, head) + [""]


def repo_filter(spec: str | None) -> set[str] | None:
    """The repositories named by --repos: "owner/name,owner/name" or "@FILE" (one per line, # comments)."""
    if not spec:
        return None
    if spec.startswith("@"):
        lines = Path(spec[1:]).read_text(encoding="utf-8").splitlines()
        names = [line.split("#", 1)[0] for line in lines]
    else:
        names = spec.split(",")
    return {n.strip() for n in names if n.strip()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    # The development set by default: the held-out figures are reported on purpose, never as a side
    # effect of looking at dev (two helpers' plain runs printed them when "both" was the default).
    ap.add_argument("--set", choices=SETS + ("both",), default="dev", help="the set to score (default: dev; held-out only when asked)")
    ap.add_argument(
        "--misses", choices=SETS + ("both",), help="list every Art. 9 disagreement of this set (keep the held-out list out of lexicon work)"
    )
    ap.add_argument("--e2e", type=Path, metavar="CACHE", help="also score end to end on the source files in CACHE")
    ap.add_argument(
        "--site-e2e",
        type=Path,
        metavar="TREES",
        help="also score whole repositories in TREES (materialize.py --trees) end to end; with --e2e, tree-less records on their own file",
    )
    ap.add_argument("--markdown", type=Path, help="write the report to this file too")
    ap.add_argument(
        "--losses",
        action="store_true",
        help="with --site-e2e, tell a control read but unclassified from one not read (scans the repositories that lost one again)",
    )
    ap.add_argument(
        "--repos",
        metavar="LIST",
        help="score only the forms of these repositories: owner/name,owner/name or @FILE with one per line (e.g. one batch)",
    )
    args = ap.parse_args(argv)
    only = repo_filter(args.repos)
    db = signatures.load()
    names = SETS if args.set == "both" else (args.set,)
    lines: list[str] = []
    for name in names:
        records = load(name)
        if only is not None:
            records = [r for r in records if r["repo"] in only]
            if not records:
                continue
        misses = args.misses in (name, "both")
        lines += report(name, field_level(records, db), misses)
        if args.e2e:
            pairs, stats = e2e(records, db, args.e2e)
            lines += report(name, pairs, misses, "end to end through analyzer.read.engine.analyze")
            lines += ["E2E files: " + ", ".join(f"{k} {v}" for k, v in sorted(stats.items())), ""]
        if args.site_e2e:
            pairs, stats = site_e2e(records, db, args.site_e2e, args.e2e, explain=args.losses)
            lines += report(name, pairs, misses, "end to end, whole repositories (read and resolve stages)")
            lines += losses(pairs)
            lines += ["Site E2E: " + ", ".join(f"{k} {v}" for k, v in sorted(stats.items())), ""]
    text = "\n".join(lines)
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
