"""Form fields of a parsed page, with every text that says what they ask (docs/fields.md).

For each input, textarea, select and contenteditable region: type, name, id, autocomplete, the
label (``for=``, wrapping, ``aria-label``, ``aria-labelledby``), the enclosing fieldset's legend,
the question text before a radio/checkbox group, option labels, placeholder and title; and the
attributes and classes on the field and its ancestors (masking markers live there).
"""

from __future__ import annotations

import bisect
import collections
import contextlib
import dataclasses
import itertools
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field

import lxml.etree

from analyzer.facts.choicelists import adjacent, one_list
from analyzer.facts.gridcells import GridReader, cell_at, column_of
from analyzer.facts.pagecontext import (
    animal_patient,
    asks_about_an_animal,
    checkbox_lists,
    checklist_item,
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
    page_title,
    path_words,
    record_section,
    ruled_out,
    shared_identifier_words,
    topic_of,
    what_it_asks,
    without_words,
)
from analyzer.facts.template_components import ITEM_LINES, RENAMED
from analyzer.parse import htmldoc
from analyzer.parse.clipping import MAX_TEXT, SHORT_TEXT, clip
from analyzer.parse.htmldoc import Page
from analyzer.parse.preceding import Preceding
from analyzer.parse.templates import OUTPUT_FILL
from analyzer.signatures.fieldmodel import builtin as builtin_model
from analyzer.signatures.lexicon import (
    Category,
    Classification,
    ContextWords,
    SectionWords,
    TermIndex,
    Topic,
    answered_on_a_scale,
    as_voting_advice,
    classify,
    hinted,
    only_follow_up,
    read_otherwise,
    takes_topic,
    tokens,
    voting_advice_item,
    voting_advice_page,
)

SKIP_TYPES = htmldoc.SKIP_TYPES
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "legend", "label", "span", "div", "strong", "b", "dt", "th", "td", "li")


@dataclass(frozen=True)
class FieldSite:
    classification: Classification
    line: int
    column: int
    tag: str
    type: str
    name: str
    id: str
    autocomplete: str
    texts: dict[str, str]
    attrs: dict[str, str]  # on the field itself
    ancestor_attrs: tuple[tuple[str, str], ...] = ()  # (name, value) on the field's ancestors
    ancestor_classes: frozenset[str] = field(default_factory=frozenset)
    # A radio or checkbox group, reported once at its first box: the lines of its other boxes, as the parser gives them
    box_lines: tuple[int, ...] = ()
    # Where the field is declared when its control is written elsewhere: a Django model field (models.py, line) that a
    # ModelForm lists in its forms module, where the control is reported.
    declared: tuple[str, int] | None = None

    @property
    def classes(self) -> frozenset[str]:
        """The field's own class names (its ancestors' are in ``ancestor_classes``)."""
        return frozenset(self.attrs.get("class", "").split())

    @property
    def control(self) -> str:
        """text | radio | checkbox | select | range | contenteditable | password."""
        if self.tag == "select":
            return "select"
        if self.tag == "contenteditable":
            return "contenteditable"
        if self.type in ("radio", "checkbox", "range", "password"):
            return self.type
        return "text"

    @property
    def label(self) -> str:
        """What the field is called for a reader: its label, question, legend, placeholder or title, else its name or id."""
        for src in ("label", "question", "legend", "placeholder", "title"):
            if self.texts.get(src):
                return self.texts[src]
        return self.name or self.id


def _text(el: lxml.etree._Element) -> str:
    return clip(_unprinted(" ".join(" ".join(t.split()) for t in el.itertext() if t and not t.isspace())))


# What a template's output tag printed is written as "0"s by the template reader (analyzer/parse/templates.py,
# so that src="<?= $x ?>" keeps a value): as text, a run of them is no word a person reads ("<?php echo
# $lang['race']; ?>:" is "0000000000000000000000000000:").
_PRINTED = re.compile(rf"(?<![\w.,]){re.escape(OUTPUT_FILL)}+(?![\w.,])")
_FILLED = OUTPUT_FILL * 2


def _unprinted(text: str) -> str:
    """``text`` without the runs of output fill, its blanks collapsed (as it is, without a run). Where a run
    shows the text was printed by code, a lone fill goes too: the ``;`` that ends ``echo "<label>…</label>";``."""
    return " ".join(_PRINTED.sub(" ", text).split()) if _FILLED in text else text


class _IdLookup:
    """Elements by id, looked up only when a field uses aria-labelledby (a dict of every id
    would walk the whole tree through Python for each page with a form)."""

    def __init__(self, root: lxml.etree._Element) -> None:
        self.root = root

    def get(self, ident: str) -> lxml.etree._Element | None:
        found = self.root.xpath("//*[@id=$v]", v=ident)
        return found[0] if found else None


def _is_control(el: lxml.etree._Element) -> bool:
    """A form control, or an element holding one or labelling one (``<label for=…>``)."""
    if el.tag in ("input", "select", "textarea") or (el.tag == "label" and el.get("for")):
        return True
    return any(el.find(f".//{t}") is not None for t in ("input", "select", "textarea"))


def _question(
    el: lxml.etree._Element,
    name: str,
    group_first: dict[lxml.etree._Element, lxml.etree._Element],
    labels: _Labels,
    answers: frozenset[str] = frozenset(),
) -> str:
    """The text just before a radio/checkbox group: the nearest preceding block with text (``_before``). The
    walk stops at another form control: text above that belongs to it, not to this group. Boxes nested under
    one answer of another question ("Bent u gelovig?" ( ) Ja [ ] R-K [ ] Moslim) find that answer first, a text
    of only ``answers`` words: the walk then passes the choice it labels and the question above is read with
    it ("Bent u gelovig? Ja")."""
    answer, passes = "", 0  # passes: controls the walk may pass, the choice the answer found first labels
    for text, control in _before(group_first.get(el, el), name, labels):
        if control is None and (answer or not answers or not _only_answers(text, answers)):
            return f"{text} {answer}".strip()
        if control is None:
            answer, passes = text, 1
        elif passes and control.tag == "input":
            passes -= 1
        else:
            break
    return answer


def _before(node: lxml.etree._Element, name: str, labels: _Labels) -> Iterator[tuple[str, lxml.etree._Element | None]]:
    """What stands before a group's first control, nearest first: ``(text, None)`` for a block with text (for a
    lone box, also the line a ``<br>`` starts before it), ``("", control)`` for an element that is or holds another
    control. A ``<label for=…>`` counts as a control unless its ``for`` is the group's name or names no control on the
    page (``<label for="Alcool">`` above radios ``id="AlcID1"``, ``id="AlcID2"``: that one asks the question);
    a choice's own label written before its box (``<label for="r1">Ja</label><input id="r1">``) is passed. Six
    levels up at most; a table's rows and bodies are not levels of their own (a question in the row above a
    nested table of choices)."""
    levels = walked = 0
    # A lone box's line ("<br>Prawo jazdy: [ ]") asks its question in the text right before it; in a group
    # written "Uden sedering ( ) Med sedering ( )" that text is the first choice's own.
    lone = labels.boxes.get(name, 0) <= 1
    while levels < 6 and walked < _QUESTION_WALK:
        walked += 1
        lines: list[str] = []  # out of the group's own block: the loose text before it, a run of <br> lines read as one
        for sibling in node.itersiblings(preceding=True):
            tail = sibling.tail.strip() if sibling.tail else ""
            if walked > 1 and tail and (sibling.tag == "br" or not isinstance(sibling.tag, str) or not _is_control(sibling)):
                lines.append(tail)
                if sibling.tag == "br":
                    continue
            if lines:
                yield clip(" ".join(reversed(lines))), None
                lines = []
            if lone and sibling.tag in ("br", "hr") and tail:
                yield clip(tail), None  # the line the box ends
            if not isinstance(sibling.tag, str) or sibling.tag == "br":
                continue
            if sibling.tag == "label" and labels.asks_group(sibling, name):
                text = _text(sibling)
                if text:
                    yield text, None
            elif sibling.tag == "label" and labels.of_choice(sibling, name):
                continue
            elif _is_control(sibling):
                yield "", sibling
            else:
                text = _text(sibling)
                if text:
                    yield text, None
        parent = node.getparent()
        # A fieldset's legend asks its question; one with no legend's text (<legend></legend> a component wrote empty)
        # is a block like any, under the question above it.
        stop = parent is None or parent.tag in ("form", "body") or (parent.tag == "fieldset" and _has_legend(parent))
        head = parent.text.strip() if parent is not None and not stop and parent.tag != "label" and parent.text else ""
        if lines:  # the run of lines reaches the block's start: its first line is the block's own text
            yield clip(" ".join([head, *reversed(lines)]).strip()), None
            head = ""
        if stop:
            return
        if head:
            yield clip(head), None
        node = parent
        if parent.tag not in _TABLE_PARTS:
            levels += 1


def _has_legend(fieldset: lxml.etree._Element) -> bool:
    """Whether a fieldset's own legend says something."""
    return any(bool(_text(c)) for c in fieldset if c.tag == "legend")


def _only_answers(text: str, answers: frozenset[str]) -> bool:
    """A text of only bare answer words ("Ja", "Yes", "Sí"): an answer, not a question."""
    words = tokens(text)
    return bool(words) and all(w in answers for w in words)


_TABLE_PARTS = frozenset(("tr", "tbody", "thead", "tfoot"))
_QUESTION_WALK = 16  # elements climbed at most, table parts included


def _ancestors(el: lxml.etree._Element) -> tuple[tuple[tuple[str, str], ...], frozenset[str], str, str]:
    attrs: list[tuple[str, str]] = []
    classes: set[str] = set()
    legend = wrap = ""
    for anc in el.iterancestors():
        if not isinstance(anc.tag, str):
            continue
        for k, v in htmldoc.attributes(anc).items():
            if k == "class":
                classes.update(v.split())
            elif k.startswith(("data-", "aria-")) or k in ("contenteditable",):
                attrs.append((k, v or ""))
        if anc.tag == "fieldset" and not legend:
            lg = anc.find("legend")
            legend = _text(lg) if lg is not None else ""
        if anc.tag == "label" and not wrap:
            wrap = _text(anc)
    return tuple(attrs), frozenset(classes), legend, wrap


_EDITABLE = re.compile("contenteditable", re.I)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6", "legend", "caption")


@dataclass
class _Control:
    el: lxml.etree._Element
    tag: str
    index: int  # among the page's elements of this tag (positions), -1 for contenteditable
    typ: str
    texts: dict[str, str]
    form: lxml.etree._Element | None
    ancestors: tuple = ((), frozenset(), "", "")  # _ancestors(el), read once
    found: Classification | None = None
    read: dict[str, str] = field(default_factory=dict)  # the texts it is classified by (see _identifiers)
    follows: _Control | None = None  # the control whose question this one only follows up ("Other", "Since when?")
    unplaced: bool = False  # a topic was looked for and none of the page's own sources gave one
    # A statement a voting-advice application may ask (lexicon.voting_advice_item) that found no topic on its page: still
    # read by the learned model, and left to its layout's or project's topic when nothing reads it (a list in a data file)
    unasked: bool = False
    # A group's other boxes, when it is reported at its first, each with its index among the inputs (-1: renamed)
    others: tuple[tuple[lxml.etree._Element, int], ...] = ()


def extract(
    page: Page,
    categories: dict[str, Category],
    consent: TermIndex | None = None,
    path: str = "",
    context: ContextWords | None = None,
    pending: list[PendingField] | None = None,
    learned: bool = True,
) -> list[FieldSite]:
    """The page's sensitive fields (benign ones are classified and dropped), positioned.

    A control the first reading leaves unclassified is read again with its form's topic
    (``analyzer.facts.pagecontext``): its section heading, the form's name and heading, the page's
    ``<h1>`` and title and ``path``; else what the form's other answers ask. A control that would take a
    topic but finds none on its own page is added to ``pending`` (when given): the layout the page
    extends may name one (``analyzer.resolve.layouts``). Last, unless ``learned`` is false, the learned
    field model reads what no rule classified (``pagecontext.learned_may_read``)."""
    root = page.root
    if root is None:
        return []
    # Attribute names are case-insensitive (React writes contentEditable). A case-insensitive regex
    # costs 0.2 ms on a 42 KB page; two plain searches rule most pages out first.
    text = page.text
    editable = ("ditable" in text or "DITABLE" in text) and _EDITABLE.search(text) is not None
    if next(root.iter("input", "select", "textarea"), None) is None and not editable:
        return []  # most pages have no form (lxml's C iteration beats scanning the text)
    controls = _controls(page, root, editable, context, frozenset(t for c in categories.values() for t in c.input_types))
    _identifiers(controls)
    for c in controls:
        c.found = _classify(c.read, c.typ, c.el.get("autocomplete") or "", categories, consent, None, context)
        if c.found is None and c.follows is not None:
            c.found = followed_up(c.follows.found, c.follows.texts, categories)
    around = _Around(root, controls, path, context)
    _with_topics(controls, categories, consent, around, context, learned)
    if context is not None:
        _voting_advice(controls, categories, around, context)
    animals = _animal_patients(controls, around, context)
    if pending is not None:
        pending.extend(_pending(page, c, id(c.form) in animals, context) for c in controls if c.found is None and (c.unplaced or c.unasked))
    return [f for f in (_site(page, c) for c in controls) if f is not None]


class _Around:
    """Where a page's controls stand, read once for every reading that asks: the page's own sources (its title, first
    headings, description and path) and, from one walk of the document, each control's heading, legend and form name
    (``_field_sources``). Both are read at the first question."""

    def __init__(self, root: lxml.etree._Element, controls: list[_Control], path: str, context: ContextWords | None) -> None:
        self.root, self.controls, self.path, self.titled = root, controls, path, _titled(context)
        self.holders = context.title_holders if context is not None else ()
        self._page: list[tuple[str, str]] | None = None
        self._before: Preceding | None = None

    def page(self) -> list[tuple[str, str]]:
        if self._page is None:
            self._page = _page_sources(self.root, self.path, self.holders)
        return self._page

    def of(self, c: _Control) -> list[tuple[str, str]]:
        if self._before is None:
            self._before = Preceding(self.root, [e for g in self.controls for e in (g.el, g.form) if e is not None], self.titled)
        return _field_sources(c, self._before)


def _animal_patients(controls: list[_Control], around: _Around, context: ContextWords | None) -> set[int]:
    """Drop the health readings of the controls of a page or form about an animal's care (a veterinary practice's
    booking, a pet's health record: ``pagecontext.animal_patient``), by the page's title, headings and path, the
    headings and name of the control's form, or a question one of its form's controls asks about an animal ("Spezies",
    "Nome do animal": ``pagecontext.asks_about_an_animal``). Returns the forms (``id(c.form)``) about an animal, so
    that their controls left for the layout's topic do not take health from it either."""
    if context is None or context.animal_care is None:
        return set()
    health = [c for c in controls if c.found is not None and c.found.category == "health"]
    # The forms it matters for: those with a health reading or a control waiting for its layout's topic.
    wanted = {id(c.form) for c in health} | {id(c.form) for c in controls if c.found is None and c.unplaced}
    if not wanted:
        return set()
    if animal_patient(around.page(), context):
        for c in health:
            c.found = None
        return wanted
    forms: dict[int, list[dict[str, str]]] = {}
    for c in controls:
        if id(c.form) in wanted:
            forms.setdefault(id(c.form), []).append(c.read)
    asking = {k for k, texts in forms.items() if asks_about_an_animal(texts, context)}
    for c in health:
        c.found = None if id(c.form) in asking else not_an_animals(c.found, around.of(c), context)
    return asking


def _controls(
    page: Page, root: lxml.etree._Element, editable: bool, context: ContextWords | None, typed: frozenset[str] = frozenset()
) -> list[_Control]:
    """The page's controls with what each says (``typed``: the input types a category takes by their type alone)."""
    labels = _Labels(root)
    grid = GridReader(_text, _is_control)
    ids = _IdLookup(root)
    answers = context.answers if context is not None else frozenset()
    elements = [el for el in root.iter("input", "textarea", "select")]
    runs = _box_runs(elements)
    group_first: dict[lxml.etree._Element, lxml.etree._Element] = {}  # each box -> the first box of its group
    boxes: dict[tuple[str, int], list[lxml.etree._Element]] = {}  # each group's radios, or its checkboxes
    firsts: dict[tuple[str, int], lxml.etree._Element] = {}
    for el, group in runs.items():
        group_first[el] = firsts.setdefault(group, el)
        if (el.get("type") or "").lower() in ("radio", "checkbox"):
            boxes.setdefault(group, []).append(el)
    positions: dict[lxml.etree._Element, int] = {}  # each control with a start tag of its own: its index among its tag's
    for tag in ("input", "textarea", "select"):  # a kit component renamed to a control has no start tag of its own
        own = [el for el in root.iter(tag) if el.get(RENAMED) is None]
        page.register(tag, [el.sourceline or 0 for el in own])
        positions.update((el, k) for k, el in enumerate(own))
    index = {tag: 0 for tag in ("input", "textarea", "select")}
    out: list[_Control] = []
    box_groups: set[tuple[str, int]] = set()
    asked: dict[int, tuple[str, str, _Control | None]] = {}  # per form: what the previous control asked, its legend, the control
    recent: list[lxml.etree._Element] = []  # the last controls met, this one last
    for el in elements:
        i = -1  # located by lxml's line
        if el.get(RENAMED) is None:
            i = index[el.tag]
            index[el.tag] += 1
        typ = (el.get("type") or ("text" if el.tag == "input" else el.tag)).lower()
        if el.tag == "input" and typ in SKIP_TYPES:
            continue
        recent.append(el)  # the controls a later one may be shown by, those of a box group reported once among them
        del recent[: -_SHOWN_RECENT - 1]
        run = runs.get(el)
        if typ in ("radio", "checkbox") and run is not None:
            # One answer per radio group, or per group of boxes of one name ("symptoms[]"): the group once, at its
            # first choice. A box alone of its name (a consent, "I smoke") is its own question.
            if run in box_groups:
                continue
            box_groups.add(run)
        form = _form_of(el)
        anc = _ancestors(el)
        texts = _texts(el, el.tag, typ, labels, ids, group_first, anc, grid, answers)
        if typ in ("radio", "checkbox") and run is not None and len(boxes[run]) > 1:
            # The group is reported at its first choice; what all its choices say is kept apart ("choices"):
            # an opinion scale shows in its last one, "No firm opinion"; a list of boxes in its fourth, "Allergies".
            texts["choices"] = _choices(boxes[run], labels, grid)
            texts["options"] = texts["choices"]  # the answer is one of them: "Normal / A fórceps / Cesariana"
        key = id(form)
        previous, previous_legend, before = asked.get(key, ("", "", None))
        if typ == "radio" and not texts.get("question") and before is not None and _answers_alongside(el, before):
            # "ACTIVIDAD FÍSICA: (o) SI (o) NO" with the two radios named act1 and act2: the second answers the
            # first one's question.
            texts["question"] = before.texts["question"]
        elif typ == "checkbox" and not texts.get("question") and before is not None and _listed_after(el, texts, before):
            # "2. Race  [ ] White [ ] Asian [ ] Black…", each box named apart: the boxes after the first answer its question.
            texts["question"] = before.texts["question"]
        # A follow-up ("Date", "If yes, which?") continues the previous control's question, not one
        # asked in another section: a control under a legend of its own reads that legend instead.
        own_section = bool(texts.get("legend")) and texts.get("legend") != previous_legend
        follow_up = (
            typ not in ("radio", "checkbox")
            and not own_section
            and before is not None
            and (only_follow_up(follow_up_label(texts), context) or _second_part(el, texts, before))
        )
        shower = None if follow_up or typ in typed or typ in _OWN_TYPES else _shown_by(el, texts, recent[:-1], context)
        if shower is not None:  # <div v-show="f.hypertension.check"><select>Father / Mother…</select>: which relative
            if before is not None and shower is before.el:
                follow_up = True
            else:  # a box of a group reported at its first: what it asks, read where it stands
                stype = (shower.get("type") or shower.tag).lower()
                asks = what_it_asks(_texts(shower, shower.tag, stype, labels, ids, {}, _ancestors(shower), grid, answers))
                if asks:
                    texts["question"] = asks
        if follow_up and previous:
            texts["question"] = previous
        others = tuple((b, positions.get(b, -1)) for b in boxes[run][1:]) if typ in ("radio", "checkbox") and run is not None else ()
        control = _Control(el, el.tag, i, typ, texts, form, anc, follows=before if follow_up else None, others=others)
        asked[key] = (what_it_asks(texts), texts.get("legend", ""), control)
        out.append(control)
    for el in root.xpath("//*[@contenteditable]") if editable else ():
        if (el.get("contenteditable") or "").lower() in ("", "true", "plaintext-only"):
            anc = _ancestors(el)
            texts = _texts(el, "contenteditable", "contenteditable", labels, ids, group_first, anc, grid)
            out.append(_Control(el, "contenteditable", -1, "contenteditable", texts, _form_of(el), anc))
    return out


def _box_runs(elements: list[lxml.etree._Element]) -> dict[lxml.etree._Element, tuple[str, int]]:
    """Each named radio or checkbox -> its group: its name, and which run of that name it is in. Boxes of one name
    are one group, except where a form copies one name to every question ("Usa fio dental? ( ) Sim ( ) Não",
    then a text box, then "Tem pressão alta? ( ) Sim ( ) Não", each named "gender"): a control of another name
    between two boxes, or a box whose value is the run's first box's again (the choices start over), starts a new
    run, kept only when it and the run before both hold two boxes or more (a "( ) Yes [details] ( ) No" stays one
    question). Where the copied markup copies the ids too ("Diabetes? (o) SIM (o) NÃO" down a questionnaire, each
    ``id="sim"``/``id="nao"``), a box whose id the run already holds starts the next run, whatever stands between."""
    order: dict[str, list[list[lxml.etree._Element]]] = {}
    previous = ""
    for el in elements:
        typ = (el.get("type") or "").lower()
        if el.tag == "input" and typ in SKIP_TYPES:
            continue
        name = el.get("name") or ""
        if el.tag == "input" and typ in ("radio", "checkbox") and name:
            groups = order.setdefault(name, [])
            value = el.get("value")
            if not groups or previous != name or (value and value == groups[-1][0].get("value")):
                groups.append([])
            groups[-1].append(el)
        previous = name or "\x00"
    runs: dict[lxml.etree._Element, tuple[str, int]] = {}
    for name, groups in order.items():
        merged = _copied_ids([el for group in groups for el in group])
        if merged is None:
            merged = []
            for group in groups:
                if merged and (len(group) < 2 or len(merged[-1]) < 2):
                    merged[-1].extend(group)
                else:
                    merged.append(group)
        for k, group in enumerate(merged):
            runs.update((el, (name, k)) for el in group)
    return runs


def _copied_ids(boxes: list[lxml.etree._Element]) -> list[list[lxml.etree._Element]] | None:
    """The boxes of one name split where an id comes again, when every box has an id and some id does (one
    question's choices copied down the page, ids and all); else None."""
    ids = [el.get("id") or "" for el in boxes]
    if not all(ids) or len(set(ids)) == len(ids):
        return None
    runs: list[list[lxml.etree._Element]] = [[]]
    seen: set[str] = set()
    for el, ident in zip(boxes, ids, strict=True):
        if ident in seen:
            runs.append([])
            seen = set()
        runs[-1].append(el)
        seen.add(ident)
    # The question copied most ("sim", "nao") also ends a run whose first boxes were another question's ("Sexo:
    # (o) Masculino (o) Feminino" under the same name, before the first copy): that run is two questions.
    shapes = collections.Counter(tuple(el.get("id") for el in run) for run in runs)
    copied, times = shapes.most_common(1)[0]
    out: list[list[lxml.etree._Element]] = []
    for run in runs:
        k = len(run) - len(copied)
        if times > 1 and k >= 2 and tuple(el.get("id") for el in run[k:]) == copied:
            out += [run[:k], run[k:]]
        else:
            out.append(run)
    return out


def _answers_alongside(el: lxml.etree._Element, before: _Control) -> bool:
    """Whether the radio ``el`` stands beside the radio before it (the same parent, or each in a label of the
    same parent) and that one was asked a question: two radios named apart that answer one question."""
    if before.typ != "radio" or not before.texts.get("question"):
        return False
    box = _choice_box(el)
    return box is not None and box is _choice_box(before.el)


def _listed_after(el: lxml.etree._Element, texts: dict[str, str], before: _Control) -> bool:
    """Whether the checkbox ``el`` continues the list of the checkbox before it, which was asked a question:
    only the two boxes' own choice texts stand between them (``choicelists.one_list``). A box with no text of its own
    is no answer one can read: it is not given a question."""
    if before.typ != "checkbox" or not before.texts.get("question") or not (texts.get("options") or texts.get("label")):
        return False
    own = " ".join(t.get(k, "") for t in (before.texts, texts) for k in ("options", "label"))
    return one_list(before.el, el, own)


_SHOWN_DEPTH = 4  # ancestors of a control looked at for the condition that shows it
_SHOWN_RECENT = 4  # the controls before it whose binding that condition may name
_MAX_CONDITION = 2000  # characters of a condition read


def _shown_by(
    el: lxml.etree._Element, texts: dict[str, str], recent: list[lxml.etree._Element], context: ContextWords | None
) -> lxml.etree._Element | None:
    """The control before it (of the last ``_SHOWN_RECENT``, nearest first) that a control without a label or question
    of its own is shown by: an element around it (``_SHOWN_DEPTH`` levels, not around that earlier control too) is
    displayed on a condition (``shown_if`` in signatures/field_context.toml) that names the earlier control's binding
    (its name, id or model: ``_bindings``); else None. The caller leaves out a control whose type asks its own thing."""
    if context is None or not context.shown_if or not recent or any(texts.get(k) for k in _OWN_WORDS):
        return None
    conditions: list[tuple[lxml.etree._Element, str]] = []
    for depth, anc in enumerate(el.iterancestors()):
        if depth >= _SHOWN_DEPTH:
            break
        if isinstance(anc.tag, str):
            conditions += [
                (anc, _QUOTED.sub(" ", v[:_MAX_CONDITION])) for k, v in htmldoc.attributes(anc).items() if k in context.shown_if and v
            ]
    if not conditions:
        return None
    for earlier in reversed(recent):
        around = set(earlier.iterancestors())
        bound = _bindings(earlier, context)
        if any(anc not in around and _names(value, b) for anc, value in conditions for b in bound):
            return earlier
    return None


def _bindings(el: lxml.etree._Element, context: ContextWords) -> list[str]:
    """What a control is bound by: its name, its id and the value of a binding attribute (``v-model``, ``ng-model``:
    ui_components.toml [bindings]) that is a plain path (``f.hypertension.check``), each of three characters or more."""
    out = []
    for key, value in htmldoc.attributes(el).items():
        bound = key in ("name", "id") or key in context.binding_attributes or key.startswith(context.binding_prefixes)
        if bound and _is_path(value.strip()):
            out.append(value.strip())
    return [v for v in out if len(v) >= 3]


_PATH_CHARS = frozenset("_$.[]")


def _is_path(value: str) -> bool:
    """A binding that is a plain path (``f.hypertension.check``, ``items[0].on``), not an expression."""
    return bool(value) and (value[0].isalpha() or value[0] in "_$") and all(c.isalnum() or c in _PATH_CHARS for c in value)


_OWN_WORDS = ("label", "question", "legend", "placeholder", "title", "aria-label")  # a control that says what it asks
# A control of a type a category takes alone (an e-mail, a phone, a password: input_types in signatures/fields) asks that,
# and so do a search box and a web address: shown by a box, it asks no part of the box's question.
_OWN_TYPES = frozenset({"search", "url"})
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`")  # a condition's string literals: names of tabs and steps, no bindings


def _names(condition: str, path: str) -> bool:
    """Whether a condition (its string literals blanked) names ``path`` as a whole identifier (``f.x.check`` in
    ``f.x.check && y``), not as a part of a longer one nor as another object's member (``ui.diagnosis`` does not name
    the control ``diagnosis``)."""
    start = condition.find(path)
    while start >= 0:
        end = start + len(path)
        before_ok = start == 0 or not (condition[start - 1].isalnum() or condition[start - 1] in "_$.")
        after_ok = end == len(condition) or not (condition[end].isalnum() or condition[end] in "_$")
        if before_ok and after_ok:
            return True
        start = condition.find(path, start + 1)
    return False


def _second_part(el: lxml.etree._Element, texts: dict[str, str], before: _Control) -> bool:
    """Whether a control is one more part of the entry before it: the text read as its label is only a separator
    ("Tension arterial: [120] / [80]", "Height: [5] ' [11]"), it has no other text of its own, and nothing but
    punctuation stands between the two."""
    label = texts.get("label", "")
    if not _SEPARATOR.fullmatch(label) or any(texts.get(k) for k in ("placeholder", "question", "title", "options")):
        return False
    return before.typ not in ("radio", "checkbox") and adjacent(before.el, el)


_SEPARATOR = re.compile(r"\s*[/\\\-–:.,×x'\"+]\s*")


def _choice_box(el: lxml.etree._Element) -> lxml.etree._Element | None:
    """The element holding a choice: its parent, or its label's parent when a label wraps it."""
    parent = el.getparent()
    return parent.getparent() if parent is not None and parent.tag == "label" else parent


def _choices(group: list[lxml.etree._Element], labels: _Labels, grid: GridReader) -> str:
    """The texts of a radio group's choices, in order: each one's label, else the text right after it, else
    its value."""
    out = []
    for el in group[:_MAX_CHOICES]:
        wrap = next((_text(a) for a in el.iterancestors("label")), "")
        own = labels.of(el) or wrap or _after(el, labels.ids)
        headers = None if own else grid.headers(el)  # a grid's column: "Nie / Selten / Oft"
        out.append(own or (headers.column if headers is not None else el.get("value", "")))
    return clip(" / ".join(t for t in out if t))


# Elements that carry a choice's text when it stands right after the box: ``<input type="checkbox"
# name="geloof4"><p>Moslim</p>``, ``<input type="radio"><label>Ja</label>``, ``<span>Diabetes</span>``.
_CHOICE_TEXT = frozenset({"label", "span", "p", "small", "b", "strong", "em", "i", "font", "div"})


def _after(el: lxml.etree._Element, ids: Collection[str] = ()) -> str:
    """The text a radio or checkbox is read by when nothing labels it: the text right after it, else
    the element right after it when that holds only a short text (not another control, nor a label
    that names another of the page's controls, ``ids``: one whose for= points nowhere, copied from an
    example, is this box's)."""
    if el.tail and el.tail.strip():
        return _short(el.tail)[:SHORT_TEXT]
    nxt = el.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):  # comments
        if nxt.tail and nxt.tail.strip():
            return ""
        nxt = nxt.getnext()
    if nxt is not None and nxt.tag == "br" and nxt.tail and nxt.tail.strip() and _starts_its_block(el):
        return _short(nxt.tail)[:SHORT_TEXT]  # <div><input type="radio"><br>Scarso</div>: the choice's text under its box
    if nxt is None or nxt.tag not in _CHOICE_TEXT or next(nxt.iter("input", "select", "textarea"), None) is not None:
        return ""
    target = nxt.get("for")
    if target and target != el.get("id") and target in ids:
        return ""
    if nxt.tag == "label" and not target and _labels_next_text_control(nxt):
        return ""  # <input type=radio …><label>Any allergies?</label><textarea …>: the textarea's label, not this box's
    text = _text(nxt)
    return text if len(text) <= SHORT_TEXT else ""


def _labels_next_text_control(label: lxml.etree._Element) -> bool:
    """Whether a <label> stands right before a text control (a text input, a select, a textarea, nothing between):
    that control's label, as a box's caption follows the box instead."""
    if label.tail and label.tail.strip():
        return False
    nxt = label.getnext()
    if nxt is None or nxt.tag not in ("input", "select", "textarea"):
        return False
    return nxt.tag != "input" or (nxt.get("type") or "text").lower() not in ("radio", "checkbox")


def _starts_its_block(el: lxml.etree._Element) -> bool:
    """Nothing stands before the control in its parent: a box on a line of its own, not one after its question
    ("Prawo jazdy: [ ]<br>Płeć: …", where the next line is the next question)."""
    parent = el.getparent()
    return el.getprevious() is None and parent is not None and not (parent.text or "").strip()


_MAX_CHOICES = 24


def _form_of(el: lxml.etree._Element) -> lxml.etree._Element | None:
    return next((a for a in el.iterancestors("form")), None)


_CLASSIFIED: dict[tuple, object] = {}
_MISSING = object()


def _identifiers(controls: list[_Control]) -> None:
    """Per form, the texts each control is classified by: without the identifier words most of the
    form's controls share (they name the form, or were copied from an example)."""
    forms: dict[int, list[_Control]] = {}
    for c in controls:
        forms.setdefault(id(c.form), []).append(c)
    for group in forms.values():
        shared = shared_identifier_words([c.texts for c in group])
        for c in group:
            c.read = without_words(c.texts, shared)


def _classify(
    texts: dict[str, str],
    typ: str,
    auto: str,
    categories: dict,
    consent: TermIndex | None,
    topic: Topic | None,
    context: ContextWords | None,
) -> Classification | None:
    # Keyed on the words the classifier reads, not the raw texts: "email17" and "email18" are
    # one classification (a generated form of 200k numbered fields once classified each).
    key = (id(categories), id(consent), tuple(sorted((k, tokens(v)) for k, v in texts.items())), typ, auto, topic)
    found = _CLASSIFIED.get(key, _MISSING)
    if found is _MISSING:  # forms repeat across a site's pages (layout newsletter, login): classify once
        found = classify(texts, categories, typ, auto, consent, topic, context)
        if len(_CLASSIFIED) > 16384:
            _CLASSIFIED.clear()
        _CLASSIFIED[key] = found
    return found  # type: ignore[return-value]


def _with_topics(
    controls: list[_Control],
    categories: dict,
    consent: TermIndex | None,
    around: _Around,
    context: ContextWords | None,
    learned: bool = False,
) -> None:
    """Read again, with the topic of their form, the controls the first reading left unclassified; last,
    when ``learned``, by the learned field model (loaded at the first control it is asked about)."""
    if context is None or all(c.found is not None and c.found.category != "contact" for c in controls):
        return
    forms: dict[int, list[_Control]] = {}
    for c in controls:
        forms.setdefault(id(c.form), []).append(c)
    root, path, titled, sources = around.root, around.path, around.titled, around.of

    records: bool | None = None  # whether a heading or form of the page names a record (field_sections.toml)
    page_record: list[tuple[str, str]] | None = None  # the page's own <h1> and file name, read last for a record
    for group in forms.values():
        own: Topic | None | object = _MISSING
        checklist: Topic | None | object = _MISSING
        lists: dict[int, Topic | None] | None = None
        sections: dict[int, str] | None = None
        section_asks: dict[str, set[str]] = {}
        first = [g.found for g in group]

        def own_topic(group: list[_Control] = group) -> Topic | None:
            nonlocal own
            if own is _MISSING:
                own = fields_topic([g.found for g in group], categories)
            return own  # type: ignore[return-value]

        for c in group:
            # Unclassified, or a contact detail that may be whose ("Physician's phone"): read with the topic.
            again = c.found is None or (c.found.category == "contact" and c.typ not in ("radio", "checkbox", "select"))
            if again and sections is None:
                sections = _sections(c.form if c.form is not None else root, titled)
                section_asks = _section_asks(group, sections, categories)
            # A contact detail is read again in a later section of its form ("Physician information")
            # even when its own words hint at nothing.
            section = sections.get(id(c.el), "") if again and sections else ""
            takes = again and (bool(section) or takes_topic(c.read, categories, c.typ, context))
            statement = again and voting_advice_item(c.read, c.typ, context)
            if takes or statement:
                topic = topic_of(sources(c) + around.page(), categories, own_topic)
                c.unplaced = topic is None and takes
                # a statement waits for a voting-advice application's name, which its page may not give (lexicon)
                c.unasked = statement and (topic is None or not voting_advice_page(topic, context))
                if topic is not None:
                    # A section is about the topic's category when another of its controls asks for it
                    # by its own words ("Referring physician" above the physician's address).
                    if section and topic.category in section_asks.get(section, ()):
                        topic = dataclasses.replace(topic, section=section)
                    c.found = _classify(c.read, c.typ, c.el.get("autocomplete") or "", categories, consent, topic, context)
            if c.found is None and checklist_item(c.read, c.typ, context):
                if checklist is _MISSING:  # "Y N P" after each condition of a review of systems
                    checklist = checklist_topic([g.read for g in group], [g.typ for g in group], first, categories, context)

                def excluded(c: _Control = c) -> set[str]:  # its section may rule the checklist's category out
                    return ruled_out(sources(c), categories)

                c.found = from_checklist(c.read, c.typ, checklist, context, excluded)  # type: ignore[arg-type]
            if c.found is None and c.typ == "checkbox":
                if lists is None:  # "[ ] Psoriasis [ ] Sclérite [ ] Érythème noueux" under "Symptomatologie"
                    runs = checkbox_lists([g.read for g in group], [g.typ for g in group], first, categories)
                    lists = dict(zip((id(g) for g in group), runs, strict=True))
                in_list = lists.get(id(c))
                if in_list is not None:
                    placed_in = topic_of(sources(c) + around.page(), categories)
                    c.found = from_list(c.read, c.typ, in_list, consent, placed_in, context, categories)
            if c.found is None and context.sections is not None:
                if records is None:  # one look at the page's headings first: most pages name no record
                    records = _names_a_record(root, controls, context.sections, path)
                if records:
                    # A clinical history's "Numero di sedute", a sacrament register's "Fecha Evento".
                    # The page's own <h1> last: "Anamnesi del paziente parkinsoniano" above a note and the form.
                    if page_record is None:  # read once per page, not per control
                        first_h1 = next(root.iter("h1"), None)
                        page_record = ([("page heading", _text(first_h1))] if first_h1 is not None else []) + [("path", _file_words(path))]
                    record = record_section(sources(c) + page_record, context.sections)
                    c.found = from_record_section(c.read, c.typ, record, consent, context)
            if c.found is None and learned and not c.unplaced and learned_may_read(c.read, c.typ, consent, context):
                # The last reading: the learned field model, on what no rule reads (a control still waiting
                # for its layout's topic is left to the layout).
                model = builtin_model()
                if model is not None:
                    placed = sources(c) + around.page()
                    c.found = learned_kept(model.read(c.read, placed, c.typ), c.read, placed, categories)


def _voting_advice(controls: list[_Control], categories: dict[str, Category], around: _Around, context: ContextWords) -> None:
    """On a voting-advice application's page (its title or form names one: "Wahl-O-Mat", "Valkompass"), a statement
    read by its own words as another special category ("Die Drogenproblematik … muss gelöst werden": health) is the
    political opinion its answer gives (lexicon.as_voting_advice); the page's topic is looked up only when the page
    holds such a reading."""
    if context.opinion_pages is None:
        return
    asked = [c for c in controls if read_otherwise(c.found, c.read, c.typ, context, categories)]
    for c in asked:
        c.found = as_voting_advice(c.found, c.read, c.typ, topic_of(around.of(c) + around.page(), categories), context, categories)


def _file_words(path: str) -> str:
    """The page's file name and the folder it is in, as words ("anamnesis/formView", "zaznamVysetreni"):
    what names the page in its app, not the app's own name higher up the path."""
    return "/".join(path_words(path).split("/")[-2:])


_RECORD_PLACES = ("h1", "h2", "h3", "h4", "h5", "h6", "legend", "strong", "b")


def _names_a_record(root: lxml.etree._Element, controls: list[_Control], words: SectionWords, path: str) -> bool:
    """Whether a heading, legend or bold text of the page, a form's name or the page's path holds a record
    word: only then is the nearest heading of each unclassified control looked up."""
    texts = [_text(el) for el in root.iter(*_RECORD_PLACES)] + [_file_words(path)]
    texts += [_text(el) for el in root.iter("label") if not el.get("for") and not _is_control(el)]  # "<label>SBAR:</label>"
    forms = {id(c.form): c.form for c in controls if c.form is not None}
    texts += [" ".join(f.get(a) or "" for a in ("aria-label", "title", "name", "id")) for f in forms.values()]
    return any(words.record.matches(tokens(t)) for t in texts if t)


def _field_sources(c: _Control, before: Preceding) -> list[tuple[str, str]]:
    """Nearest first: the heading or legend above the control, its form's name and the heading
    above the form."""
    out: list[tuple[str, str]] = []
    near = before.nearest("heading_or_legend", c.el)
    if near is not None and _closed_legend(near, c.el):
        near = before.nearest("heading", c.el)  # a fieldset's legend heads its own controls, not those after it
    bold = _bold_heading(before.nearest("bold", c.el))
    if bold is None:  # (an element without children is falsy: no ``or`` here)
        bold = _label_heading(before.earlier("label", c.el, _LABELS_BACK), c.el)
    # A bold line standing alone between the heading and the control heads its section ("<p><strong>VI.
    # Funções e Órgãos a que pertence no Partido</strong></p>"), and so does a label that labels no control
    # but the block of controls right after it ("<label>SBAR:</label><div>…four textareas…</div>"): read
    # first, then the heading.
    if bold is not None and (near is None or (bold.sourceline or 0) >= (near.sourceline or 0)):
        out.append(("heading", _text(bold)))
    if near is not None:
        out.append(("heading", _text(near)))
    block = _named_block(c.el, c.form)
    if block:
        out.append(("form", block))
    above = before.nearest("heading", c.form) if c.form is not None else None
    if c.form is not None:
        attrs = " ".join(c.form.get(a) or "" for a in ("aria-label", "title", "name", "id"))
        out.append(("form", attrs))
        if above is not None:
            out.append(("heading", _text(above)))
    # Last, the headings of the sections that hold those: a step's "Etapa 13" stands under the questionnaire's
    # "Avaliação de Depressão", a form's "Contact" under a page section's "Psychotherapy".
    read = {near, above}
    for heading in (near, above):
        if heading is not None:
            over = before.over(heading)
            out += [("heading", _text(h)) for h in over if h not in read]
            read.update(over)
    return out


_LABELS_BACK = 8  # the labels of the controls before this one in its block, and the block's title
_SECTION_BLOCKS = frozenset({"div", "section", "fieldset", "article", "table", "tbody", "ul", "ol"})


def _named_block(el: lxml.etree._Element, form: lxml.etree._Element | None) -> str:
    """The ``id`` of the nearest block inside the control's form (or page) that names one: a section of the form the
    developer named (``<div id="reglagesPatient">``, ``<section id="medical-history">``), read as a form's id is."""
    for anc in el.iterancestors():
        if anc is form or anc.tag in ("form", "body", "html"):
            return ""
        if anc.tag in _SECTION_BLOCKS and anc.get("id"):
            return anc.get("id", "")
    return ""


def _label_heading(labels: list[lxml.etree._Element], control: lxml.etree._Element) -> lxml.etree._Element | None:
    """The nearest of ``labels`` (nearest first) that is tied to no control (no ``for``, none inside it)
    and whose next element holds ``control`` and at least one more control: the title of that block, a
    section heading written as a label ("<label>SBAR:</label><div>…</div>")."""
    label = next((la for la in labels if not la.get("for") and not _is_control(la)), None)
    if label is None:
        return None
    block = label.getnext()
    while block is not None and not isinstance(block.tag, str):
        block = block.getnext()
    if block is None or block.tag not in ("div", "fieldset", "section", "table", "ul"):
        return None
    if not any(a is block for a in control.iterancestors()):
        return None
    text = _text(label)
    if not text or len(text) > SHORT_TEXT:
        return None
    # At least two controls: stop at the second (a block of a long form holds hundreds).
    return label if next(itertools.islice(block.iter("input", "select", "textarea"), 1, None), None) is not None else None


_INLINE = frozenset({"span", "font", "u", "i", "em", "a", "strong", "b"})


def _bold_heading(bold: lxml.etree._Element | None) -> lxml.etree._Element | None:
    """The nearest bold text above a control (``bold``), when it is the whole of its paragraph or
    block (``<p><b>Medical history</b></p>``, ``<div class=title><strong>…</strong></div>``): a section
    title written without a heading tag. Not a table cell's or a label's bold text (that labels a
    control) nor a long sentence."""
    if bold is None:
        return None
    block = bold.getparent()
    while block is not None and block.tag in _INLINE:
        block = block.getparent()
    if block is None or block.tag not in ("p", "div", "center", "li"):
        return None
    text = _text(bold)
    if not text or len(text) > SHORT_TEXT or _text(block) != text or _is_control(block):
        return None
    return bold


def _section_asks(group: list[_Control], sections: dict[int, str], categories: dict) -> dict[str, set[str]]:
    """For each section heading, the Art. 9 categories its controls ask for, or hint at, by their own
    words ("Referring physician", "Do you have a primary physician?")."""
    out: dict[str, set[str]] = {}
    for g in group:
        text = sections.get(id(g.el))
        if not text:
            continue
        if g.found is not None and categories[g.found.category].art9 and not g.found.context:
            out.setdefault(text, set()).add(g.found.category)
        elif g.found is None:
            out.setdefault(text, set()).update(hinted(g.read, categories, g.typ))
    return out


_TITLE_WALK = 64  # the most elements a section title written as a block is walked for its text and controls


def _titled(context: ContextWords | None) -> Callable[[lxml.etree._Element], bool]:
    """Whether an element that is no heading tag titles a section all the same: ``role="heading"``, or a class
    that names a title (``title_classes`` / ``title_class_endings`` in field_context.toml), with a short text
    and no control in it (walked for at most ``_TITLE_WALK`` elements)."""
    classes = context.title_classes if context is not None else frozenset()
    endings = context.title_class_endings if context is not None else ()

    def titled(el: lxml.etree._Element) -> bool:
        if el.get("role") != "heading":
            names = el.get("class")
            if not names or not any(n in classes or n.endswith(endings) for n in names.lower().split()):
                return False
            if el.tag in ("label", "input", "select", "textarea", "option", "button", "a", "html", "body", "form", "table"):
                return False
        size = 0
        for k, node in enumerate(el.iter()):
            if k >= _TITLE_WALK or node.tag in ("input", "select", "textarea"):
                return False
            size += len(node.text or "") + (len(node.tail or "") if k else 0)
            if size > 2 * SHORT_TEXT:
                return False
        text = _text(el)
        return bool(text) and len(text) <= SHORT_TEXT

    return titled


def _closed_legend(heading: lxml.etree._Element, control: lxml.etree._Element) -> bool:
    """Whether ``heading`` is the legend of a fieldset that ``control`` stands after, not in: "¿Tiene alguna
    discapacidad?" over its own radios says nothing of the e-mail field below the fieldset."""
    box = heading.getparent() if heading.tag == "legend" else None
    return box is not None and box.tag == "fieldset" and not any(a is box for a in control.iterancestors())


def _sections(form: lxml.etree._Element | None, titled: Callable[[lxml.etree._Element], bool] | None = None) -> dict[int, str]:
    """For each control of a form (by ``id`` of its element) that opens or stands in a later section
    of the form, that section's heading or legend: the nearest one above the control, inside the form
    and after another of its controls (a heading above the form, or its first heading, names the
    form, not a section of it). A block ``titled`` says is a section title counts as a heading. One walk
    over the form (for controls outside any form, the page)."""
    out: dict[int, str] = {}
    if form is None:
        return out
    seen_control = False
    heading: lxml.etree._Element | None = None
    legend: lxml.etree._Element | None = None  # the legend of the fieldset the walk is in, while it is
    text = ""  # the text of the one that heads now (the legend, else the heading), once read
    wanted = ("h1", "h2", "h3", "h4", "h5", "h6", "legend", "input", "select", "textarea")
    walk = form.iter() if titled is not None else form.iter(*wanted)
    for el in walk:
        if not isinstance(el.tag, str) or (el.tag not in wanted and not (titled is not None and titled(el))):
            continue
        if el.tag in ("input", "select", "textarea"):
            if el.tag == "input" and (el.get("type") or "").lower() == "hidden":
                continue
            if legend is not None and _closed_legend(legend, el):
                legend, text = None, ""  # past its fieldset: the heading above it heads again
            head = legend if legend is not None else heading
            if head is not None:
                text = text or _text(head)
                out[id(el)] = text
            seen_control = True
        elif seen_control:
            if el.tag == "legend":
                legend = el
            else:
                heading, legend = el, None
            text = ""
    return out


_PAGE_META = frozenset({"description", "og:description", "og:site_name", "application-name"})


def _page_sources(root: lxml.etree._Element, path: str, holders: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    out = [("heading", _text(h)) for h in root.iter("h1")][:2]
    title, title_el = page_title(root, holders)
    if title_el is not None:
        out.append(("page title", clip(_unprinted(" ".join(title.split())))))
    # The page's description and site name ("Z odpovědí vznikne volební program Zelených…", "Zelení Brno"):
    # what the page says it is, where its title only asks a question.
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").lower()
        if key in _PAGE_META and meta.get("content"):
            out.append(("page description", clip(" ".join(meta.get("content", "").split()))))
    if path:
        out.append(("path", path_words(path)))
    return out


class _Labels:
    """``<label for=…>`` texts by target id; labels whose target is missing, for the controls
    next to them. Several labels for one id (copied markup: five ``for="height"``, two radio groups
    whose choices are both ``id="y"``/``id="n"``) go to the controls that share the id in document
    order: the k-th such control reads the k-th label; one control alone with its id reads all those before it.
    The lookup is by the control's place, not by a counter, so asking twice (a group's record and its choices)
    gives the same answer."""

    def __init__(self, root: lxml.etree._Element) -> None:
        self.by_for: dict[str, list[str]] = {}
        self._at: dict[lxml.etree._Element, int] = {}  # labels' and controls' places in document order
        self._label_places: dict[str, list[int]] = {}
        self._control_places: list[int] = []  # the places of the controls that take input
        controls: list[lxml.etree._Element] = []
        for at, el in enumerate(root.iter("label", "input", "select", "textarea")):  # one walk over the page
            self._at[el] = at
            if el.tag != "label":
                controls.append(el)
                if _takes_input(el):
                    self._control_places.append(at)
                continue
            target = el.get("for")
            if target:
                self.by_for.setdefault(target, []).append(_text(el))
                self._label_places.setdefault(target, []).append(at)
        self.place: dict[lxml.etree._Element, int] = {}
        self.targets: set[str] = set()  # the ids of the page's controls that a label's for= names
        self.choice_ids: dict[str, set[str]] = {}  # a radio or checkbox group's name -> its choices' ids
        seen: dict[str, int] = {}
        self.ids: set[str] = set()  # every id of the page's controls
        self.boxes: dict[str, int] = {}  # how many radios and checkboxes carry each name
        names: dict[str, int] = {}  # how many controls (radios and checkboxes aside) carry each name
        for el in controls:  # every label's for= is known now
            ident, name, typ = el.get("id"), el.get("name"), (el.get("type") or "").lower()
            if ident:
                self.ids.add(ident)
            box = typ in ("radio", "checkbox")
            if name and box:
                self.boxes[name] = self.boxes.get(name, 0) + 1
            elif name and typ != "hidden":
                names[name] = names.get(name, 0) + 1
            if ident and name and box:
                self.choice_ids.setdefault(name, set()).add(ident)
            if ident in self.by_for:
                self.targets.add(ident)
            if ident and ident in self.by_for and typ != "hidden":
                self.place[el] = seen.get(ident, 0)
                seen[ident] = self.place[el] + 1
        self.shared = seen  # how many controls carry each id a label names
        self._held: dict[lxml.etree._Element, tuple[str | None, ...]] = {}
        # A label whose for= names no control's id but one control's name ("<textarea name=comment>" then
        # "<label for=comment>Ihre Nachricht</label>", the id forgotten): the person reads it as that control's.
        self.by_named: frozenset[str] = frozenset(n for n, k in names.items() if k == 1 and n in self.by_for and n not in self.ids)

    def held(self, el: lxml.etree._Element) -> tuple[str | None, ...]:
        """The names of the first controls that take input in ``el`` (``_MAX_CHOICES`` + 1 at most), walked once
        per element for the page: the label readers ask it of one block for each control in it, and a block whose
        controls follow a long text would be walked again for each."""
        found = self._held.get(el)
        if found is None:
            found = self._held[el] = tuple(c.get("name") for c in itertools.islice(_input_controls(el), _MAX_CHOICES + 1))
        return found

    def _beside(self, a: int, b: int) -> bool:
        """Whether no control that takes input stands between two places in document order."""
        lo, hi = min(a, b), max(a, b)
        return bisect.bisect_right(self._control_places, lo) >= bisect.bisect_left(self._control_places, hi)

    def asks_group(self, label: lxml.etree._Element, name: str) -> bool:
        """A ``<label for=…>`` that no control takes: its ``for`` is a radio or checkbox group's name, or
        points nowhere (and the label holds no control of its own)."""
        target = label.get("for") or ""
        if not target or target in self.targets or next(label.iter("input", "select", "textarea"), None) is not None:
            return False
        return target == name or bool(_text(label))

    def of_choice(self, label: lxml.etree._Element, name: str) -> bool:
        """A ``<label for=…>`` of one of the group's own choices ("Ja" before its box)."""
        return (label.get("for") or "") in self.choice_ids.get(name, ())

    def of(self, el: lxml.etree._Element) -> str:
        ident = el.get("id") or ""
        found = self.by_for.get(ident)
        if found and len(found) > 1 and self.shared.get(ident) == 1:
            # Several labels of one control: a browser names it by all of them, in document order
            # ("<label for=m><b>ANAMNESIS</b></label>" above "<label for=m>Motivo de consulta</label>"). Those read
            # so stand before it with no other control between: a later one, or one with a control between, is
            # that other control's, its for= copied.
            at = self._at[el]
            own = [t for t, p in zip(found, self._label_places[ident], strict=True) if t and p < at and self._beside(p, at)]
            if len(own) > 1:
                return " ".join(own)
        if found and len(found) > 1 and self.shared.get(ident, 0) > 1:
            # An id copied onto several controls, and the labels' for= with it (some controls' ids left empty): the
            # k-th control need not be the k-th label's. The label right before it, with no control between, is
            # the one a person reads as its.
            at = self._at[el]
            beside = [t for t, p in zip(found, self._label_places[ident], strict=True) if p < at and self._beside(p, at)]
            if beside:
                return beside[-1]
        if found:
            return found[min(self.place.get(el, 0), len(found) - 1)]
        name = el.get("name") or ""
        if name in self.by_named and len(self.by_for[name]) == 1:
            return self.by_for[name][0]
        return ""


_OTHER_WORDS = 4  # words of another control's label that also prompt the box right after it ("Others (specify):")


def _preceding_label(el: lxml.etree._Element, labels: _Labels) -> str:
    """The text a person reads next to a control that no label is tied to: the text right before
    it, a ``<label>`` whose ``for`` points nowhere, a ``<span>`` or ``<p>`` before it, the table
    cell to its left or above it, a small heading whose section holds this control alone
    (``_own_heading``); not a heading above several controls or a page's title ("Contact us" is not
    its first field's label). Stops at another control."""
    node = el
    for _ in range(4):
        sibling = node.getprevious()
        parent = node.getparent()
        before = sibling.tail if sibling is not None else (parent.text if parent is not None else None)
        if before and before.strip():
            return _short(before)
        passed = sibling is not None  # elements before the control: the parent's own text is read after them
        while sibling is not None:
            if _is_hidden_input(sibling):
                pass  # <label>Paciente</label><input type="hidden" …><input type="text" …>: read past it
            elif (
                sibling.tag == "label"
                and (sibling.get("for") or "") in labels.targets
                and sibling.get("for") != el.get("id")
                and not (node is el and len(_text(sibling).split()) <= _OTHER_WORDS)
            ):
                # Another control's label ("<input type=checkbox id=t><label for=t>I would like a free HIV test</label>"
                # before an e-mail box): the box's, not the next control's. A short one right before it is also the
                # box's prompt ("[x] <label for=o>Other:</label> <input name=other_text>": what the other is).
                return ""
            elif isinstance(sibling.tag, str) and sibling.tag not in ("br", "hr", "img", "i", "svg"):
                # A <label> is read even with a for= (it may point nowhere); one holding a control is not.
                holds_control = (
                    _is_control(sibling) if sibling.tag != "label" else next(sibling.iter("input", "select", "textarea"), None) is not None
                )
                if sibling.tag in _HEADINGS:
                    return _own_heading(sibling, labels)
                if holds_control:
                    # <th>Straat + nr</th><td><input name=straat> <input name=nr></td>: only controls before it in
                    # its cell, the row's header cell names them all.
                    return _shared_cell_label(el, sibling)
                text = _text(sibling)
                if text:
                    return text if len(text) <= 200 else ""
            sibling = sibling.getprevious()
            if sibling is not None and sibling.tail and sibling.tail.strip():
                return _short(sibling.tail)
        if passed and parent is not None and parent.text and parent.text.strip():
            return _short(parent.text)  # <p>Övriga upplysningar (diet, allergier)<br><textarea>
        if parent is None or parent.tag in ("form", "body", "fieldset", "table", "tr"):
            break
        if parent.tag == "label" and _text(parent):
            break  # a label around the control with a text of its own has given it (a textless one is passed)
        if parent.tag in ("td", "th") and parent.getprevious() is None:
            return _cell_above(parent)
        node = parent
    return ""


_LABEL_HEADINGS = ("h3", "h4", "h5", "h6")
_OWN_HEADING_MAX = 80  # characters: a heading longer than this introduces a section, not one box


def _shared_cell_label(el: lxml.etree._Element, before: lxml.etree._Element) -> str:
    """The text of the cell to the left of the table cell a control shares with the controls ``before`` it (a
    street and its number, a date in three boxes under one header cell); "" when the control is in no cell, or
    when that cell is not the row's label (it holds a control, or there is none)."""
    cell = next((a for a in el.iterancestors("td", "th", "table", "form")), None)
    if cell is None or cell.tag not in ("td", "th") or not any(a is cell for a in before.iterancestors("td", "th")):
        return ""
    return _left_cell_text(cell)


def _is_hidden_input(el: lxml.etree._Element) -> bool:
    return el.tag == "input" and (el.get("type") or "").lower() == "hidden"


def _block_label(el: lxml.etree._Element, labels: _Labels) -> str:
    """The one ``<label>`` of the small block that holds this control alone, before or after it, whatever its
    ``for`` says: Materialize's ``<div class="input-field"><input id="telefono"><label for="first_name">Telefono:``
    (the for copied from the first field), a label tied to the hidden id of an autocomplete beside its visible
    box. Read only for a control nothing else labels."""
    parent = el.getparent()
    if parent is None or parent.tag in ("form", "body", "html", "fieldset", "table", "tbody", "tr"):
        return ""
    if len(labels.held(parent)) != 1:  # a block of many boxes is read no further: no cost per box
        return ""
    found = [t for t in (_text(lb) for lb in parent.iter("label") if next(lb.iter("input", "select", "textarea"), None) is None) if t]
    return _short(found[0]) if len(found) == 1 else ""


def _takes_input(el: lxml.etree._Element) -> bool:
    """A control the visitor fills in: not hidden, a button or a file input (``SKIP_TYPES``)."""
    return (el.get("type") or "").lower() not in SKIP_TYPES


def _input_controls(el: lxml.etree._Element) -> Iterator[lxml.etree._Element]:
    """The controls that take input in ``el`` (``el`` itself when it is one), in document order."""
    return (c for c in el.iter("input", "select", "textarea") if _takes_input(c))


def _own_heading(heading: lxml.etree._Element, labels: _Labels) -> str:
    """A small heading whose section (what follows it up to the next heading) holds one control is that
    control's label: ``<div class="form-group"><h4>Diagnóstico</h4><textarea>``, ``<h4>Observações</h4><div
    class="col-12"><div class="mb-3"><textarea>``. A heading above several controls ("Datos personales") heads
    a section, and a page's or a form's title (``h1``, ``h2``: "Contact us") is not its first field's label."""
    if heading.tag not in _LABEL_HEADINGS:
        return ""
    controls = 0
    for sibling in heading.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag in _HEADINGS:
            break
        controls += len(labels.held(sibling))
        if controls > 1:
            return ""
    text = _short(_text(heading))
    return text if controls == 1 and len(text) <= _OWN_HEADING_MAX else ""


_CLEARING_HANDLERS = ("onfocus", "onblur", "onclick")


def _value_as_placeholder(attrs) -> str:
    """A text box whose value is its prompt, cleared when the visitor enters it (a placeholder written before
    HTML5: ``value="Votre date de naissance" onfocus="if(this.value=='Votre date de naissance') this.value=''"``):
    the value is read as its placeholder, when a focus, blur or click handler names that same text."""
    value = (attrs.get("value") or "").strip()
    if not value or len(value) > SHORT_TEXT:
        return ""
    if not any(value in (attrs.get(h) or "") for h in _CLEARING_HANDLERS):
        return ""
    return _short(value)


# Elements whose own label attribute is HTML's (a choice's text, a track's title), not a wrapper's.
_LABEL_ATTRIBUTE_OWNERS = frozenset({"option", "optgroup", "track", "menu"})
_WRAPPER_UP = 4  # elements walked up from a control to the component that wraps it


def _wrapper_label(el: lxml.etree._Element, typ: str, labels: _Labels) -> str:
    """The ``label`` a component wrapping the control gives it, where the component renders the label itself:
    Ant Design's ``<Form.Item label="Allergies">``, Mantine's ``<Input.Wrapper label=…>``, a project's own
    ``<Field label="Naam">`` or ``<my-field label="Diagnose">`` around a native control (JSX keeps the prop on a
    ``<div>``, analyzer/facts/jsxmarkup.py). Only a wrapper holding that one control, or that one radio or
    checkbox group, labels it; one around several controls labels none of them. A group followed by one control of
    another name is the question and its "other, please say" box: the wrapper asks the group."""
    node = el.getparent()
    for _ in range(_WRAPPER_UP):
        if node is None or node.tag in ("form", "body", "html"):
            return ""
        said = node.get("label")
        if said and node.tag not in _LABEL_ATTRIBUTE_OWNERS:
            name = el.get("name")
            if typ in ("radio", "checkbox") and name:  # one group: every box of it, and no other control but its "other" box
                held = labels.held(node)
                boxes = next((i for i, n in enumerate(held) if n != name), len(held))
                alone = boxes == len(held) or (boxes > 0 and len(held) - boxes == 1)
            else:
                alone = len(labels.held(node)) == 1
            return _short(said) if alone else ""
        node = node.getparent()
    return ""


def _short(text: str) -> str:
    text = _unprinted(" ".join(text.split()))
    return text if len(text) <= 200 else ""


def _outer_cell_label(el: lxml.etree._Element) -> str:
    """A control in a small table of its own (a date in three boxes: "[dd] / [mm] / [yyyy]") laid in
    a form table's cell: the text of the cell to the left of that cell ("Primeira Visita:")."""
    table = next(el.iterancestors("table"), None)
    cell = table.getparent() if table is not None else None
    if cell is None or cell.tag not in ("td", "th"):
        return ""
    return _left_cell_text(cell)


def _left_cell_text(cell: lxml.etree._Element) -> str:
    """The text of the cell to the left of ``cell`` in its row: its label, unless it holds a control."""
    before = cell.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()
    if before is None or before.tag not in ("td", "th") or _is_control(before):
        return ""
    return _short(_text(before))


def _cell_above(cell: lxml.etree._Element) -> str:
    """A form laid out as a table with the labels in the row above: the cell in the same column."""
    row = cell.getparent()
    above = row.getprevious() if row is not None else None
    while above is not None and not isinstance(above.tag, str):
        above = above.getprevious()
    if above is None or above.tag != "tr":
        return ""
    found = cell_at(above, column_of(cell))
    return "" if found is None or _is_control(found) else _short(_text(found))


def _joined(texts: Iterable[str]) -> str:
    """The texts joined by blanks, read only until one more than MAX_TEXT characters are held (a select of
    20,000 countries is read by its start, as it is kept)."""
    out: list[str] = []
    size = 0
    for text in texts:
        out.append(text)
        size += len(text) + 1
        if size > MAX_TEXT:
            break
    return " ".join(out)


def _texts(
    el,
    tag: str,
    typ: str,
    labels: _Labels,
    ids: _IdLookup,
    group_first: dict[lxml.etree._Element, lxml.etree._Element],
    anc: tuple,
    grid: GridReader,
    answers: frozenset[str] = frozenset(),
) -> dict[str, str]:
    attrs = el.attrib
    _, _, legend, wrap = anc
    texts: dict[str, str] = {}
    own_id = attrs.get("id", "")
    label = labels.of(el)
    label = label or wrap or attrs.get("aria-label", "")
    # <Form.Item label="Allergies"><Input /></Form.Item>: a text control's label, a choice group's question.
    held = _wrapper_label(el, typ, labels) if typ in ("radio", "checkbox") or not label else ""
    if typ not in ("radio", "checkbox"):
        label = label or held
    if attrs.get("aria-labelledby"):
        label = " ".join(
            filter(None, [label] + [_text(e) for e in (ids.get(i) for i in attrs["aria-labelledby"].split()) if e is not None])
        )
    if not label and typ not in ("radio", "checkbox"):
        label = _preceding_label(el, labels)
        if not tokens(label):  # "", "/", "-", "(###)": a part of a composite control
            label = _outer_cell_label(el) or label
        if not tokens(label):
            label = _block_label(el, labels) or label
        if not tokens(label):
            headers = grid.headers(el)  # "Notas" above, "Diabetes" on its row
            if headers is not None:
                label = headers.column
                texts["question"] = headers.row
    texts["label"] = label
    if typ in ("radio", "checkbox"):
        texts["question"] = held or _question(el, attrs.get("name", ""), group_first, labels, answers)
        after = _after(el, labels.ids)
        texts["options"] = wrap or (label if own_id else "") or after
        if not texts["options"]:
            headers = grid.headers(el)  # "Madre" above, "Diabetes" on its row
            texts["options"] = headers.column if headers is not None else attrs.get("value", "")
            if headers is not None and not texts["question"]:
                texts["question"] = headers.row
        texts["label"] = "" if texts["options"] == label else label
    if tag == "select":
        texts["options"] = clip(_joined(_text(o) for o in el.iter("option")))
        # <label>Matchningsmetod: <select>…</select></label>: the label's own words, not the choices it wraps
        if texts["options"] and wrap and texts["options"] in label:
            texts["label"] = " ".join(label.replace(texts["options"], " ", 1).split())
    texts["legend"] = legend
    texts["placeholder"] = attrs.get("placeholder", "") or _value_as_placeholder(attrs)
    texts["title"] = attrs.get("title", "")
    texts["name"] = attrs.get("name", "")
    texts["id"] = own_id
    return {k: v for k, v in texts.items() if v}


@dataclass(frozen=True)
class PendingField:
    """A control that would take its page's topic and found none on the page itself: ``site`` as it
    would be reported (its classification a placeholder), and what it is read by."""

    site: FieldSite
    read: dict[str, str]
    autocomplete: str
    about_an_animal: bool = False  # its form or page cares for an animal: a layout's health topic is no person's
    statement: bool = False  # a statement a voting-advice application may ask (lexicon.voting_advice_item), no other reading
    scaled: bool = False  # a question answered on a symptom's scale (lexicon.answered_on_a_scale), not a free-text box


_UNREAD = Classification("", 0.0, ())


def _pending(page: Page, c: _Control, animal: bool, context: ContextWords | None) -> PendingField:
    scaled = answered_on_a_scale(c.read, c.typ, context)
    return PendingField(_located(page, c, _UNREAD), dict(c.read), c.el.get("autocomplete") or "", animal, c.unasked, scaled)


def layout_sources(page: Page) -> tuple[tuple[str, str], ...]:
    """What a page says it is, for the pages that extend or include it (a layout's ``<title>``, site
    name, description and ``<h1>``): ``("layout title", text)`` and the like."""
    root = page.root
    if root is None:
        return ()
    return tuple((f"layout {what.removeprefix('page ')}", text) for what, text in _page_sources(root, "") if text and what != "path")


_UNCLASSIFIED: list[Classification] = []  # set by every_control(): what a control no reading classifies is reported as


@contextlib.contextmanager
def every_control(category: str) -> Iterator[None]:
    """While it lasts (in this process), extraction reports every control, one that no reading classifies under
    ``category`` with confidence 0: for looking at what the extractor reads (``eval/forms/label_audit.py``, tests),
    never for a scan's findings."""
    _UNCLASSIFIED.append(Classification(category, 0.0, ()))
    try:
        yield
    finally:
        _UNCLASSIFIED.pop()


def _site(page: Page, c: _Control) -> FieldSite | None:
    found = c.found or (_UNCLASSIFIED[-1] if _UNCLASSIFIED else None)
    if found is None:
        return None
    return _located(page, c, found)


def _box_line(page: Page, box: lxml.etree._Element, index: int) -> int:
    """The line a group's box starts on: its start tag in the raw text (as a control's own), else lxml's."""
    if index >= 0:
        return page.locate(str(box.tag), index)[0]
    renamed = box.get(RENAMED)
    return page.start_of(renamed, box.sourceline or 1)[0] if renamed else box.sourceline or 1


def _located(page: Page, c: _Control, found: Classification) -> FieldSite:
    el = c.el
    attrs = htmldoc.attributes(el)
    # a control a list's markup writes once for all its items: one box per item, each defined at its item's line
    items = {int(n) for n in attrs.pop(ITEM_LINES, "").split() if n.isdigit()}
    anc_attrs, anc_classes, _, _ = c.ancestors
    if c.index >= 0:
        line, column = page.locate(c.tag, c.index)
    else:  # a component renamed to the control it renders: its own start tag, where it begins
        renamed = el.get(RENAMED)
        line, column = page.start_of(renamed, el.sourceline or 1) if renamed else (el.sourceline or 1, 1)
    return FieldSite(
        classification=found,
        line=line,
        column=column,
        tag=c.tag,
        type=c.typ,
        name=attrs.get("name", "") or attrs.get("id", ""),
        id=attrs.get("id", ""),
        autocomplete=attrs.get("autocomplete", ""),
        texts=c.texts,
        attrs=attrs,
        ancestor_attrs=anc_attrs,
        ancestor_classes=anc_classes,
        box_lines=tuple(sorted({at for b, k in c.others if (at := _box_line(page, b, k)) != line} | (items - {line}))),
    )
