"""Server-side form helpers in a template, written as the controls they print.

Template code such as ``<%= f.text_field :diagnosis %>`` (Rails), ``{!! Form::text('diagnosis') !!}``
(Laravel Collective), ``<?= form_input('diagnosis') ?>`` (CodeIgniter), ``{{ form_row(form.diagnosis) }}``
(Symfony) or ``{{ form.diagnosis }}`` (Django) prints a form control that the neutralised template does not
show: its output tag is blanked. Here each such tag (``signatures/form_helpers.toml``) is written back as a
compact control, ``<input name=diagnosis>``, in the place of the tag, so the page's fields are read with
it at the line where the helper is called (a group of boxes too long for any one line of a call spread over
several, at the line its first box reaches). Same length, newlines kept: the written markup never reaches
past the tag (or the blanks that open its line), and what is left of the tag stays blank. A label the call
gives (``label: "Current diagnosis"``, ``Form::label('dx', 'Current diagnosis')``) is written before the
control when it fits. A helper whose markup does not fit stays blank, as before.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from analyzer.parse import keyed_text, messages, view_models
from analyzer.parse.identifiers import CASE_BOUNDARY
from analyzer.parse.positions import blank, rewritten
from analyzer.parse.templates import Region

_KEY_SEPARATORS = re.compile(r"[._:/$-]+")  # "$" opens a PHP variable's name ($religion_label)
_CAMEL = re.compile(CASE_BOUNDARY)  # healthNotes, sexualOrientation, HIVStatus


def message_words(said: str, namespace: str = "") -> str:
    """What a translation call or message tag shows, as words: a message with spaces is itself; a key
    ("profile.sexual_orientation", "ori_sexual", "sexualOrientation") is the text the site's catalogues hold for it (its locales'
    texts, analyzer/parse/messages.py) followed by its words, else its words alone, which name the field as
    an identifier does. A key given under a ``namespace`` (next-intl's ``useTranslations("events.form")``)
    is looked up under it first; its words are the key's own."""
    if " " in said.strip():
        return " ".join(said.split())
    words = key_words(said)
    catalogue = messages.installed()
    text = (catalogue.text(f"{namespace}.{said}") if namespace else None) or catalogue.text(said)
    # The key's words stay beside its text: a catalogue in a language the lexicon does not read
    # ("الدين") must not hide what the key says ("religion"). Not the file it is kept under: the namespace
    # ("healthInfoForm.lastName", "intake:form.q5") is where the message is filed, not what the control asks,
    # and read beside the text it would ask the form's topic of every control in it.
    return keyed_text.with_key(text, key_words(_filed_under(said))) if text else words


def display_text(display: view_models.Display | None) -> str:
    """What a view model's display name shows: its text, or its resource key's (``message_words``); "" for none."""
    if display is None:
        return ""
    return message_words(display.text) if display.keyed else display.text


_NAMESPACE = re.compile(r"^[^.:]*[.:](?=[^.:])")  # the outermost part of a key with more than one


def _filed_under(key: str) -> str:
    """A key without its outermost namespace ("healthInfoForm.lastName" is "lastName", "common:form.q5" is "form.q5");
    a key of one part is itself."""
    return _NAMESPACE.sub("", key.strip(), count=1)


def key_words(key: str) -> str:
    """A key's or an identifier's words: "profile.sexual_orientation", "sexualOrientation", "PatientDossier"."""
    return " ".join(_CAMEL.sub(" ", _KEY_SEPARATORS.sub(" ", key)).split())


_ESCAPE = re.compile(r"\\(.)")  # a string literal's escape (\' in '…'), undone to the character it stands for
SHORT = "rl"  # the private tag of a control written where "<input " does not fit
KEY_MARKS = ("\ue000", "\ue001")  # around a message key whose text is longer than the call that prints it


@dataclass(frozen=True)
class FormHelper:
    """One ``[[helper]]`` of ``signatures/form_helpers.toml``: tried on the output tags of templates of
    ``dialects``, or on the ``calls`` found in the text of files ending in ``files`` (Razor, HEEx: syntax a
    template's tags do not hold)."""

    pattern_text: str  # compiled at its first use (``pattern``): a scan reads only some helpers' kinds of file
    renders: dict[str, str]  # kind -> "input", "input:email", "textarea", "select", "label"
    dialects: frozenset[str] = frozenset()
    files: tuple[str, ...] = ()
    calls_text: str | None = None
    choices_text: str | None = None  # each match's group is one of a select's choices, written in the call in this way
    # The option whose array lists a select's choices, each key the text shown (Symfony's 'choices' => ['Katholiek' => 'rk'])
    choices_member: str | None = None
    # Kinds of radios or boxes whose call lists their choices as a literal array, as a select's does (Nette's
    # addRadioList('smoker', 'Kouříte?', ['ano' => 'Ano', …])): a fieldset of one box per choice. Lower case.
    choice_kinds: frozenset[str] = frozenset()

    @property
    def pattern(self) -> re.Pattern[str]:
        """The pattern tried on each output tag or call."""
        return _compiled(self.pattern_text)

    @property
    def calls(self) -> re.Pattern[str] | None:
        """The pattern that finds the calls in a file's text, for helpers read by file ending."""
        return _compiled(self.calls_text) if self.calls_text is not None else None


@functools.cache
def _compiled(text: str) -> re.Pattern[str]:
    """A helper's pattern, compiled once per process and only when a file it reads comes: kept as text in the
    signature cache, whose loading would otherwise compile all of them at every start."""
    return re.compile(text)


def write(
    path: str,
    original: str,
    neutral: str,
    regions: list[Region],
    dialect: str | None,
    helpers: tuple[FormHelper, ...],
    roomy: bool = False,
) -> str:
    """``neutral`` (``original`` neutralised, same length) with each helper call written as the control it
    prints: the template's output tags for the helpers of its ``dialect``, and the calls a helper of the
    file's kind finds in the text. ``roomy``: the file is code whose page is blank but for its controls (a form class),
    so only its lines need to stay where they are: each call's whole markup, its label too, is written over the call's
    first line, however long (a Drupal array's short lines hold no "<label>Chronic illness…</label>")."""
    name = path.lower()
    by_tag = [h for h in helpers if dialect in h.dialects]
    by_call: dict[re.Pattern[str], list[FormHelper]] = {}  # helpers that find their calls alike read each call once
    for h in helpers:
        if h.calls is not None and name.endswith(h.files):
            by_call.setdefault(h.calls, []).append(h)
    called = [(Region(m.start(), m.end(), "output", m.group()), mine) for calls, mine in by_call.items() for m in calls.finditer(original)]
    # @Html.LabelFor(m => m.PPostalCode) prints the display name the view's model class gives the property
    shown = view_models.installed().for_view(original) if called else view_models.NO_VIEW
    # A template tag that holds a call a file's helper finds is read through its calls, not whole: a PHP class is one
    # <?php block, and a translation call in a Filament field's ->label(__('…')) is no output of the whole block.
    spans = sorted((r.start, r.end) for r, _ in called)
    found = [(r, by_tag) for r in regions if r.kind != "comment" and not _holds_call(r, spans)] if by_tag else []
    found += called
    edits: list[tuple[int, int, str]] = []  # (start, end, what stands there now), in order, not overlapping
    # A call a file's helper finds goes before a template tag at the same place: @include('partials.form.textarea',
    # ['label' => __('Medikamente')]) prints the control, not the message its label's tag holds.
    for r, mine in sorted(found, key=lambda f: (f[0].start, f[1] is by_tag)):
        if r.body.startswith("<?") and "<" in neutral[r.start : r.end]:
            # A code block that keeps markup its code echoes (a plugin's whole <?php … ?> printing a
            # <script>): each call is written over itself only, so the echoed markup stays.
            for start, end, text in _calls_in(r, mine, shown):
                if not edits or start >= edits[-1][1]:
                    edits.append((start, end, text))
            continue
        markup = _markup(r.body, mine, shown)
        if roomy:
            if markup and (not edits or r.start >= edits[-1][1]):
                line_end = original.find("\n", r.start, r.end)
                edits.append((r.start, r.end if line_end < 0 else line_end, markup[0]))
            continue
        placed = _place(original, r, markup) if markup else None
        if not placed:
            continue
        lo = min(placed[0][0], r.start)
        if edits and lo < edits[-1][1]:
            continue
        # The tag is blank but for the markup, not the "0"s of printed output: they are no label's text.
        written = list(blank(original[lo : r.end]))
        for start, piece in placed:
            written[start - lo : start - lo + len(piece)] = piece
        edits.append((lo, r.end, "".join(written)))
    return rewritten(neutral, edits)


def _holds_call(r: Region, spans: list[tuple[int, int]]) -> bool:
    """Whether the tag ``r`` holds a call a file's helper found (``spans``: the calls' (start, end), sorted) that is
    not the tag itself."""
    k = bisect.bisect_left(spans, (r.start, -1))
    while k < len(spans) and spans[k][0] < r.end:
        if spans[k] != (r.start, r.end):
            return True
        k += 1
    return False


def _calls_in(r: Region, helpers: list[FormHelper], shown: view_models.Shown) -> list[tuple[int, int, str]]:
    """Each helper call in a region, in order and not overlapping, with what it prints written over the
    call itself (when it fits there)."""
    spans: list[tuple[int, int, str]] = []
    for h in helpers:
        for m in h.pattern.finditer(r.body):
            markup = _markup(m.group(), [h], shown)
            fits = next((c for c in markup or () if len(c) <= m.end() - m.start()), None)
            if fits is not None:
                spans.append((r.start + m.start(), r.start + m.end(), fits + " " * (m.end() - m.start() - len(fits))))
    spans.sort()
    out: list[tuple[int, int, str]] = []
    for span in spans:
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


_NEAR_LINES = 3  # the lines below a helper call's first one where its label and control may be written


def _place(original: str, r: Region, markup: list[str]) -> list[tuple[int, str]]:
    """Where the markup goes, as pieces (start, text) each within one line of the tag: on the tag's first line if
    one candidate fits there (with the blanks that open the line), else on the first later line of the tag where
    one fits (a helper spread over lines, ``<.input\n  field={@form[:diagnosis]}\n  label="…" />``). A label that
    fits with its control on no line, where the first line has room for it, is written there and its control on
    the next line with room (``->add('tradeUnionCommitment', TextType::class, [\n 'label' => 'Engagements
    syndicaux',``): a label is not dropped for want of one line's room."""
    segments, at = [], r.start
    while True:
        line_end = original.find("\n", at, r.end)
        segments.append((_room_before(original, at) if at == r.start else at, r.end if line_end < 0 else line_end))
        if line_end < 0:
            break
        at = line_end + 1
    label = markup[0][: markup[0].index("</label>") + len("</label>")] if markup[0].startswith("<label>") else ""
    listed = next((c for c in markup if "<option>" in c), None)
    if listed is not None and not any(len(listed) <= end - start for start, end in segments):
        # A select whose choices fit on no one line (Symfony's 'choices' => [ … ] over several): its tag, each choice
        # and its end, in order, each on the first line with room from where the one before stands.
        spread = _spread(segments, _PIECES.findall(listed))
        if spread:
            return spread
    boxes = markup[0] if markup[0].startswith("<fieldset>") else None
    if boxes is not None and not any(len(boxes) <= end - start for start, end in segments):
        # A group of boxes that fits on no one line (a GOV.UK govukRadios({ … }) over twenty): its words and its tags'
        # words (a tag may break between its attributes), in order, a blank between, each on the first line with room
        # from where the one before stands, so that its first box stands near the call's first line.
        spread = _spread(segments, [w for t in _TOKENS.findall(boxes) for w in t.split(" ")], gap=1)
        if spread:
            return spread
    for k, (start, end) in enumerate(segments):
        fits = next((c for c in markup if len(c) <= end - start), None)
        if fits is None:
            continue
        if label and not fits.startswith("<label>"):
            # The label on the first line of the call with room for it, the most complete control that fits on a
            # later line (a typed <textarea> before an <input> standing in for it) there.
            # Within the call's first lines only (_NEAR_LINES): a finding is reported where the call starts, not far below.
            near = segments[: k + 1 + _NEAR_LINES]
            room = next((i for i in range(k, len(near)) if len(label) <= near[i][1] - near[i][0]), None)
            controls = [c for c in markup if not c.startswith("<label>")]
            # A typed control that fits alone is not traded for a label and a control standing in for it.
            if room is not None:
                for control in controls[:1] if fits == controls[0] else controls:
                    after = next((s for s, e in near[room + 1 :] if len(control) <= e - s), None)
                    if after is not None:
                        return [(segments[room][0], label), (after, control)]
        return [(start, fits)]
    return []


_PIECES = re.compile(r"<label>.*?</label>|<select[^>]*>|<option>.*?</option>|</select>")
_TOKENS = re.compile(r"<[^<>]*>|[^<\s]+")  # a tag, or a word of the text between two


def _spread(segments: list[tuple[int, int]], pieces: list[str], gap: int = 0) -> list[tuple[int, str]]:
    """The pieces placed in order over the lines (``segments``: each line's (start, end)), as many on a line as have
    room, ``gap`` blanks between two on one line; none when they do not all fit."""
    out: list[tuple[int, str]] = []
    k, at = 0, segments[0][0] if segments else 0
    for piece in pieces:
        while k < len(segments) and len(piece) > segments[k][1] - at:
            k += 1
            at = segments[k][0] if k < len(segments) else 0
        if k == len(segments):
            return []
        out.append((at, piece))
        at += len(piece) + gap
    return out


def _room_before(text: str, start: int) -> int:
    """The start of the blanks that open the tag's line, when only blanks stand before the tag on it:
    ``{{ form.x }}`` is shorter than ``<input name=x>``, and indentation gives the room."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i if i == 0 or text[i - 1] == "\n" else start


_PLACEHOLDER = re.compile(r"""["']placeholder["']\s*=>\s*(["'])([^"'\n]{1,120})\1""")
_ARRAY_OPEN = re.compile(r"\[|\barray\s*\(")
_QUOTED = re.compile(r"""(=>\s*)?(["'])([^"'\n]{1,120})\2""")
_KEY = re.compile(r"""(["'])([^"'\n]{1,120})\1\s*=>""")  # an array's key: 'Katholiek' => 'rk'
_PAIR = re.compile(r"""\[\s*(["'])([^"'\n]{1,120})\1\s*,""")
_MAX_OPTIONS = 60
_TAG = re.compile(r"<[^<>]{0,300}>")  # a tag in a label written as markup


def label_text(label: str) -> str:
    """The text a label given in code shows: its escapes undone ('Lieu d\\'exercice') and markup read as its text
    (Django's mark_safe("<b>Ekstra information:</b> …")), on one line."""
    return " ".join(_TAG.sub(" ", _ESCAPE.sub(r"\1", label)).split())


_ARRAY_REACH = 6000  # the characters a literal array's end is sought within


def array_end(text: str, opening: int, reach: int = _ARRAY_REACH, brackets: tuple[str, str] = ("[(", "])")) -> int:
    """Where the literal array (or tuple) whose bracket stands at ``opening`` ends: the index of its closing bracket,
    or the end of the text, sought within ``reach`` characters; ``brackets``: the opening and closing ones counted."""
    depth = 0
    opens, closes = brackets
    for i in range(opening, min(len(text), opening + reach)):
        c = text[i]
        if c in opens:
            depth += 1
        elif c in closes:
            depth -= 1
            if depth == 0:
                return i
    return len(text)


def control(renders: str, name: str, options: Iterable[str] = ()) -> str:
    """The markup of a control as ``renders`` says it ("input:email", "select", "textarea"), named ``name``; a
    select's choices as its options."""
    tag, _, typ = renders.partition(":")
    return _control(tag, name, f" type={typ}" if typ else "", options)


def _control(tag: str, name: str, attributes: str, options: Iterable[str] = ()) -> str:
    """A select or textarea closed (an unclosed one would swallow the page), an input void. A helper whose controls
    have no name of their own (a Streamlit widget, named by its label) writes none."""
    named = f" name={name}" if name else ""
    if tag not in ("select", "textarea"):
        return f"<input{named}{attributes}>"
    inner = "".join(f"<option>{html.escape(o, quote=False)}</option>" for o in options)
    return f"<{tag}{named}{attributes}>{inner}</{tag}>"


def _literal_options(body: str, start: int, choices: str | None = None, member: str | None = None) -> list[str]:
    """The choices a helper call lists as a literal array after the field's name: the values of
    ``['Preta' => 'Preta', …]`` (Laravel Collective), every string of ``["Catholic", "Muslim"]``, the text
    of each pair of ``[["Catholic", "c"], …]`` (Rails); or, for a helper whose signature says how its choices are
    written (``choices``: a Razor ``SelectListItem``'s ``Text = "Ja"``, the entity class a Symfony field chooses among),
    each such text; or the array of its option ``member``, each key the text shown (Symfony's ``'choices' =>
    ['Katholiek' => 'rk']``). A variable's choices are not known: none."""
    items = [q.group(1) for q in _compiled(choices).finditer(body, start)] if choices is not None else []
    if items:
        return [" ".join(t.split()) for t in items][:_MAX_OPTIONS]
    if member is not None:
        listed = _member_options(body, start, member)
        if listed:
            return listed
    opened = _ARRAY_OPEN.search(body, start)
    if opened is None or body[start : opened.start()].strip(" \t\n,'\"") != "":
        return []
    end = array_end(body, opened.end() - 1)
    pairs = [q.group(2) for q in _PAIR.finditer(body, opened.end(), end)]
    if pairs:  # [["Catholic", "c"], ...]: each pair's text
        return pairs[:_MAX_OPTIONS]
    found = list(_QUOTED.finditer(body, opened.end(), end))
    keyed = any(q.group(1) for q in found)
    return [q.group(3) for q in found if q.group(1) or not keyed][:_MAX_OPTIONS]


def _member_options(body: str, start: int, member: str) -> list[str]:
    """The texts of the array an option of the call holds (``'choices' => ['Katholiek' => 'rk', 'Moslim' => 'mo']``):
    each key, the text a visitor is shown; a list without keys shows its strings."""
    named = _compiled(r"""["']""" + re.escape(member) + r"""["']\s*=>\s*(?:\[|array\s*\()""").search(body, start)
    if named is None:
        return []
    opened = named.end() - 1
    end = array_end(body, opened)
    keys = [q.group(2) for q in _KEY.finditer(body, opened + 1, end)]
    return (keys or [q.group(3) for q in _QUOTED.finditer(body, opened + 1, end)])[:_MAX_OPTIONS]


# What a helper may print that is no control but the page's title or a heading over the controls after it.
HEADINGS = frozenset({"title", "h1", "h2", "h3"})


def _markup(body: str, helpers: list[FormHelper], shown: view_models.Shown = view_models.NO_VIEW) -> list[str] | None:
    """The markup a helper call prints, longest (with its label) first; None when no helper matches. ``shown``: the
    display name a view's model gives a field (an ASP.NET view's ``[Display(Name = "…")]``)."""
    for h in helpers:
        m = h.pattern.search(body)
        if m is None:
            continue
        # An optional kind not given is the "" entry (an input); kinds are keyed in lower case (the signature loader).
        kind_of = (m.groupdict().get("kind") or "").lower()
        renders = h.renders.get(kind_of)
        if renders is None:
            continue
        if renders in ("text", "message"):  # a translation call: its message, or its key's words ("profile.sexual_orientation")
            # A catalogue's text longer than the call is written as its key between KEY_MARKS (shorter than
            # the call that holds it), read again once the page is parsed (template_components).
            message = _ESCAPE.sub(r"\1", m.group("label"))  # _e('I\'m looking for') prints "I'm looking for"
            # The catalogue the key is filed in, where the call names it apart (<%$ Resources:Mensagem, tabaco %>).
            namespace = m.groupdict().get("namespace") or ""
            key = f"{namespace}.{message}" if namespace else message
            if renders == "message" and messages.installed().text(key) is None:
                continue  # a variable or constant printed bare is a message only where a catalogue holds it
            words = message_words(message, namespace)
            return [html.escape(words, quote=False), f"{KEY_MARKS[0]}{html.escape(key, quote=False)}{KEY_MARKS[1]}"]
        name = m.groupdict().get("name") or ""  # a label with its own text may name no field
        if renders == "display":  # @Html.DisplayNameFor(m => m.Input.Smoker): the property's display name, as text
            caption = display_text(shown(name)) or key_words(name.rsplit(".", 1)[-1])
            return [html.escape(caption, quote=False)] if caption else None
        label = m.groupdict().get("label")
        if not label and m.groupdict().get("key"):  # a message key given for the label: its text or its words
            label = message_words(m.group("key"))
        # A "label" with no letter is another argument in that place (a project's own addTextArea('notes', '4', '40')
        # gives rows and columns there), not a text a person reads.
        text = html.escape(label_text(label), quote=False) if label and any(c.isalpha() for c in label) else ""
        if renders in HEADINGS:  # a page's title or heading a script app writes (Streamlit's st.title("Patient intake"))
            return [f"<{renders}>{text}</{renders}>", text] if text else None
        if renders == "label":  # without a text of its own, the field's display name, else its name in words
            text = text or html.escape(display_text(shown(name)) or name.replace("_", " "), quote=False)
            # Where a <label> does not fit in the tag ({$form.date_bapteme.label}), its text alone is what it shows.
            return [f"<label>{text}</label>", text]
        tag, _, typ = renders.partition(":")
        written_type = m.groupdict().get("type")  # Phoenix's <.input type="select">
        if tag == "input" and written_type:
            tag, typ = (written_type, "") if written_type in ("select", "textarea") else ("input", written_type)
        typed = f" type={typ}" if typ else ""
        said = _PLACEHOLDER.search(body, m.end("name"))
        if said is not None:  # Form::textarea('obs', null, ['placeholder' => 'Observações sobre o paciente'])
            typed += f' placeholder="{html.escape(" ".join(said.group(2).split()))}"'
        # Choices only for a helper that prints a select itself, or a list of boxes its data names: the array after a
        # generic control's name is its options (CakePHP's ->control('faith', ['type' => 'select', 'label' => …])),
        # not its choices. The array may follow the label (Nette's addSelect('faith', 'Vyznání:', ['rk' => …])).
        boxes = kind_of in h.choice_kinds
        options = _choices_of(body, m, h) if renders.startswith("select") or boxes else []
        if boxes and options:
            legend = f"<legend>{text}</legend>" if text else ""
            listed = "".join(f"<label><input name={name}{typed}>{html.escape(o, quote=False)}</label>" for o in options)
            # Where the fieldset does not fit, one box, as any such call writes.
            return [f"<fieldset>{legend}{listed}</fieldset>", *_fitted([_control(tag, name, typed)], name, text, tag, typed, typ)]
        written = [_control(tag, name, typed, options)]
        if options:  # without its options when they do not fit
            written.append(_control(tag, name, typed))
        return _fitted(written, name, text, tag, typed, typ)
    return None


@dataclass(frozen=True)
class Described:
    """The control a helper call prints, as data: its field's name, what it renders ("select", "input:email"), the
    label the call gives (as written: a text or a message key) and its choices."""

    name: str
    renders: str
    label: str
    options: tuple[str, ...]


def described(body: str, helpers: list[FormHelper]) -> Described | None:
    """The control the first of the ``helpers`` that reads the call ``body`` says it prints; None for a call that
    prints no control (a message, a label alone, a heading) or that none reads."""
    for h in helpers:
        m = h.pattern.search(body)
        renders = h.renders.get((m.groupdict().get("kind") or "").lower()) if m is not None else None
        if m is None or renders is None or renders in ("text", "message", "label") or renders in HEADINGS:
            continue
        label = label_text(m.groupdict().get("label") or "")
        options = _choices_of(body, m, h) if renders.startswith("select") else []
        return Described(m.groupdict().get("name") or "", renders, label, tuple(options))
    return None


def _fitted(written: list[str], name: str, text: str, tag: str, typed: str, typ: str) -> list[str]:
    """A control's markup, longest first: labelled, then shorter stand-ins for where the control as written does not fit:
    an input (an unclosed select or textarea would swallow the page), and the shortest, a private tag read as an input
    (analyzer/facts/template_components.py), for a tag as short as "{{ form.x }}" with no blanks before it on its line."""
    stand_ins = [f"<input name={name}>"] if tag in ("select", "textarea") or typ else []
    stand_ins.append(f"<{SHORT} name={name}>")
    # A box's caption may follow it instead (how Nette and Symfony render one), shorter than a <label> before it;
    # it keeps what the box is where a <label> and the typed box do not fit together, so it goes before a label
    # with a stand-in.
    after = [f"<input name={name}{typed}>{text}"] if text and typ in ("checkbox", "radio") else []
    labelled = [f"<label>{text}</label>{c}" for c in written if text]
    # Where the line has room, a box inside its label with its caption after it, as a page writes one.
    wrapped = [f"<label><input name={name}{typed}>{text}</label>"] if after else []
    return wrapped + labelled + after + [f"<label>{text}</label>{c}" for c in stand_ins if text] + written + stand_ins


_LABEL_END = re.compile(r"""["'][ \t]*(?:\)[ \t]*)?""")


def _choices_of(body: str, m: re.Match[str], h: FormHelper) -> list[str]:
    """The choices a call lists: after the field's name, else after its label (Nette writes the label between)."""
    found = _literal_options(body, m.end("name"), h.choices_text, h.choices_member)
    if not found and m.groupdict().get("label"):
        after = _LABEL_END.match(body, m.end("label"))  # its closing quote, and a translation call's ")"
        found = _literal_options(body, after.end() if after else m.end("label"), h.choices_text, h.choices_member)
    return found
