"""What a page, a form or a form's section is about, from the words around the fields.

A clinic's "Notes" textarea, an allergy form's "Additional notes", a prayer request's "Message" carry
special-category data because of where they stand. The topic of a form is read, nearest first, from
the section heading above a field, the form's own legend, heading, name and id, the page's ``<h1>``
and ``<title>``, and the file's path (``/mental-health/self-assessment``), with the words of
``signatures/fields/*.toml``: each category's ``topic`` list and its strong terms, less its
exclude phrases ("health and safety"). Only GDPR Art. 9 categories are topics. A form whose own
fields already ask for one category (two or more strong answers, a quarter of its controls, and no
other Art. 9 category half as often) has that topic too.

A page whose path, title or ``<h1>`` holds a word of a category's ``page`` list (an HIV-testing
booking page, a mental-health self-assessment) is itself special-category data once recorded.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

import lxml.etree

from analyzer.parse.clipping import clip
from analyzer.signatures.lexicon import (
    CHOICE_TYPES,
    PRIORITY,
    Category,
    Classification,
    ContextWords,
    SectionWords,
    TermIndex,
    Topic,
    asks_decision,
    asks_occupation,
    asks_referral,
    asks_size,
    consent_choices,
    gives_consent,
    hinted,
    says_consent,
    starts_with_lookup,
    tokens,
)

# Folders and suffixes that say nothing about a page's subject.
_PATH_NOISE = re.compile(
    r"\.(?:blade\.php|html?|php|jsx?|tsx?|vue|svelte|astro|liquid|twig|j2|jinja2?|njk|hbs|erb|ejs|gohtml|tmpl|jsp|md)$", re.I
)
# A route's parameters name no subject: "/patient/{id}/operation" (Spring, Symfony), "app/patient/[id]/page"
# (Next.js, SvelteKit), "/patient/:id" (Express, Vue Router), "<int:id>" (Flask), "${id}". Read as words they
# join their folder ("patient id") into a phrase the folder does not say.
_ROUTE_PARAM = re.compile(r"\$?\{[^/{}]*\}|\[[^/\[\]]*\]|<[^/<>]*>|(?<=/):[A-Za-z_]\w*")


@dataclass(frozen=True)
class Indexes:
    topic: TermIndex  # topic + strong + exclude terms of the Art. 9 categories
    page: TermIndex  # page + exclude terms


_INDEXES: dict[int, tuple[dict[str, Category], Indexes]] = {}


def indexes(categories: dict[str, Category]) -> Indexes:
    """Built once per loaded signature database."""
    entry = _INDEXES.get(id(categories))
    if entry is None or entry[0] is not categories:
        art9 = [c for c in categories.values() if c.art9]
        topic = tuple(t for c in art9 for t in c.topic + tuple(t for t in c.terms if t.kind in ("strong", "exclude")))
        page = tuple(t for c in art9 for t in c.page + tuple(t for t in c.terms if t.kind == "exclude"))
        entry = (categories, Indexes(TermIndex(topic), TermIndex(page)))
        _INDEXES[id(categories)] = entry
    return entry[1]


def _category(index: TermIndex, text: str, kinds: tuple[str, ...], ruled_out: set[str] | None = None) -> tuple[str, str] | None:
    """(category, the word that decided) for a text, most sensitive first; excluded phrases cancel
    (and are added to ``ruled_out``, with which earlier texts' exclusions are passed on)."""
    hits = index.hits(tokens(clip(text)))
    if not hits:
        return None
    excluded = {h.term.cat for h in hits if h.term.kind == "exclude"}
    if ruled_out is not None:
        ruled_out |= excluded
        excluded = set(ruled_out)
    found = {h.term.cat: h.term.text for h in hits if h.term.kind in kinds and h.term.cat not in excluded}
    return next(((c, found[c]) for c in PRIORITY if c in found), None)


_ROUTE_FOLDERS = ("pages", "app", "routes", "views", "screens", "templates")


def is_route(path: str) -> bool:
    """A component file in a router's folders (Next.js pages/ and app/, SvelteKit routes/, Nuxt
    pages/, views/): its path is a page's URL."""
    parts = path.replace("\\", "/").lower().split("/")[:-1]
    return any(p in _ROUTE_FOLDERS for p in parts)


def path_words(path: str) -> str:
    """A file path as words: its folders and name, without the extension and the route's parameters."""
    return _ROUTE_PARAM.sub("", _PATH_NOISE.sub("", path.replace("\\", "/")))


def topic_of(
    sources: list[tuple[str, str]], categories: dict[str, Category], fallback: Callable[[], Topic | None] | None = None
) -> Topic | None:
    """The first source (nearest first: ``(what, text)``) whose words put it in an Art. 9 category, else
    ``fallback()`` (what the form's own answers ask) unless a source ruled that category out."""
    index = indexes(categories).topic
    # A nearer source that rules a category out by an exclude phrase ("Antecedentes personales no
    # patológicos", "Health and safety") rules it out for the farther ones too: the page's title
    # "Paciente" does not make the section's hygiene questions health again.
    ruled_out: set[str] = set()
    for what, text in sources:
        if not text:
            continue
        found = _category(index, text, ("topic", "strong"), ruled_out)
        if found:
            cat, word = found
            shown = " ".join(text.split())[:60]
            return Topic(cat, f"{what} '{shown}' ({word})")
    own = fallback() if fallback is not None else None
    return None if own is None or own.category in ruled_out else own


def ruled_out(sources: list[tuple[str, str]], categories: dict[str, Category]) -> set[str]:
    """The categories the sources rule out by an exclude phrase ("Antecedentes personales no
    patológicos", "Health and safety"), as ``topic_of`` reads them."""
    index = indexes(categories).topic
    out: set[str] = set()
    for _, text in sources:
        if text:
            _category(index, text, (), out)
    return out


def animal_patient(sources: list[tuple[str, str]], context: ContextWords | None) -> bool:
    """Whether the page or form the sources describe cares for an animal ("Pet Clinic", "Mit Dyrs Sundhed":
    ``animal_care`` in field_context.toml): the health its controls ask about is no person's."""
    index = context.animal_care if context is not None else None
    if index is None or context is None:
        return False
    imaging = context.animal_care_not
    for _, text in sources:
        said = tuple(tokens(text)) if text else ()
        if said and index.matches(said) and not (imaging is not None and imaging.matches(said)):
            return True
    return False


_ASKS = ("label", "question", "placeholder", "title", "name", "id")  # a control's texts that say what it asks


def asks_about_an_animal(controls: list[dict[str, str]], context: ContextWords | None) -> bool:
    """Whether one of a form's controls asks about an animal by its own words ("Spezies", "Nome do animal", "Castrado/a":
    ``animal_questions`` in field_context.toml): the form is about an animal's care, whatever its page is called. Its
    label, question, placeholder, title, name and id are read; not its choices, which answer ("Cartão / Espécie / Pix"),
    nor a legend it shares. A control that says "in cash" in any of its texts (``animal_questions_not``) asks about none,
    whatever its name ("especie" beside "Pagamento em espécie"). The Romance words for a species, which also mean "a
    kind", count only as a whole text ("Espécie", not "Espécie do benefício": ``animal_questions_alone``)."""
    index = context.animal_questions if context is not None else None
    if index is None or context is None:
        return False
    cash, alone = context.animal_questions_not, context.animal_questions_alone
    for texts in controls:
        said = [tokens(texts[key]) for key in _ASKS if texts.get(key)]
        if any(index.matches(t) or t in alone for t in said):
            if cash is None or not any(cash.matches(tokens(text)) for text in texts.values() if text):
                return True
    return False


def not_an_animals(found: Classification | None, sources: list[tuple[str, str]], context: ContextWords | None) -> Classification | None:
    """A control's reading, unless it is health on a form about an animal's care (``animal_patient``)."""
    if found is None or found.category != "health" or not animal_patient(sources, context):
        return found
    return None


def learned_kept(
    found: Classification | None, texts: dict[str, str], sources: list[tuple[str, str]], categories: dict[str, Category]
) -> Classification | None:
    """The learned field model's reading, unless the control's own texts or where it stands rule its category out by
    an exclude phrase: a pet clinic's "Pet Type" (health's "pet type", "pet clinic") is no person's health, whatever
    the model learned of clinics. The rules' readings keep theirs; only the model, which reads no exclude phrase, is
    held to them."""
    if found is None:
        return None
    own = [(k, v) for k, v in texts.items() if v]
    return None if found.category in ruled_out(own + sources, categories) else found


_OWN_ENOUGH = 8


def fields_topic(found: list[Classification | None], categories: dict[str, Category]) -> Topic | None:
    """The topic a form's own answers give it: fields that name one Art. 9 category on their own
    (strong words), at least two and a quarter of the form's controls (or eight), and no other Art. 9
    category asked half as often."""
    counts: dict[str, list[str]] = {}
    for c in found:
        if c is None or c.context or c.confidence < 0.75 or not categories[c.category].art9:
            continue
        counts.setdefault(c.category, []).append(c.words[0] if c.words else c.category)
    ranked = sorted(counts.items(), key=lambda kv: -len(kv[1]))
    # Two answers in a long job application (a disability question, an adjustments question) do
    # not make it a health form: the category must also be a quarter of the form's controls. The
    # controls that already ask for something else (an e-mail, a phone number, an ID number) are
    # not counted: a patient questionnaire opens with a block of them, and they say nothing about
    # what the rest of the form asks.
    asking = sum(1 for c in found if c is None or categories[c.category].art9)
    # Eight such answers make a topic however long the form: a 64-control church membership
    # application (no <form> tag, so the page's controls are one form) asks twelve faith questions.
    enough = max(2, min(asking / 4, _OWN_ENOUGH))
    if not ranked or len(ranked[0][1]) < enough or (len(ranked) > 1 and len(ranked[1][1]) * 2 > len(ranked[0][1])):
        return None
    cat, words = ranked[0]
    return Topic(cat, f"{len(words)} other fields of the form ask for it ({', '.join(dict.fromkeys(words))})"[:120])


def follow_up_label(texts: dict[str, str]) -> str:
    """The text a control is read by to tell whether it only follows up the previous question: its
    label, else (a control with no label: ``<input placeholder="Other">`` after a select of
    diagnoses, "Quantity" after "For how long?") its placeholder."""
    return texts.get("label") or texts.get("placeholder") or ""


def followed_up(found: Classification | None, texts: dict[str, str], categories: dict[str, Category]) -> Classification | None:
    """A follow-up control the first reading leaves unclassified takes the Art. 9 category of the
    control it follows up (``found``, read from ``texts``): the "Other" after a select of diagnoses,
    the "Others:" after a checklist of conditions, the "For how long?" after a question about a
    condition, when that control names its category by strong words. The question's words may sit in
    its options or its checkbox's own item, which the follow-up's inherited question text does not
    carry."""
    # Only a question that names its category by strong words passes it on: "Relación con el paciente"
    # (a weak clue) followed by "Other" asks who the informant is, not about a condition.
    if found is None or found.confidence < 0.75 or found.category not in categories or not categories[found.category].art9:
        return None
    asked = texts.get("question") or texts.get("label") or texts.get("options") or texts.get("placeholder") or texts.get("name") or ""
    shown = " ".join(asked.split())[:60]
    # The follow-up keeps the question's confidence: a chain of follow-ups ("Other", then "Since when?")
    # continues one question.
    return Classification(found.category, found.confidence, ("follow-up",), found.context or f"follows up '{shown}'")


def what_it_asks(texts: dict[str, str]) -> str:
    """What a control asks, for a follow-up control after it: its question, label or placeholder."""
    return texts.get("question") or texts.get("label") or texts.get("placeholder") or ""


# A checklist needs this many yes/no questions answered by their own words in one category.
_CHECKLIST_MIN = 3


def answers_only(texts: dict[str, str], input_type: str, context: ContextWords | None) -> bool:
    """A choice whose options only answer its question: "Yes"/"No", "Y N P", "Ja ingen"."""
    if context is None or input_type.lower() not in CHOICE_TYPES or not texts.get("options"):
        return False
    words = tokens(texts["options"])
    return bool(words) and all(w in context.answers for w in words)


def checklist_item(texts: dict[str, str], input_type: str, context: ContextWords | None) -> bool:
    """A yes/no choice whose question is a bare term ("Cough", "Mood swings", "Sleeping pills"): an
    item of a list of conditions, not a sentence that asks something else ("Accident reported?")."""
    asked = texts.get("question") or texts.get("label") or ""
    return answers_only(texts, input_type, context) and bool(asked) and "?" not in asked and 0 < len(tokens(asked)) <= 4


def checklist_topic(
    texts: list[dict[str, str]],
    types: list[str],
    found: list[Classification | None],
    categories: dict[str, Category],
    context: ContextWords | None,
) -> Topic | None:
    """The category of a form's run of yes/no questions ("Y N P" after each condition of a review of
    systems), when half of them or more (three or more) name it by their own strong words."""
    items = [c for t, typ, c in zip(texts, types, found, strict=True) if answers_only(t, typ, context)]
    counts: dict[str, list[str]] = {}
    for c in items:
        if c is not None and not c.context and c.confidence >= 0.75 and categories[c.category].art9:
            counts.setdefault(c.category, []).append(c.words[0] if c.words else c.category)
    if not counts:
        return None
    cat, words = max(counts.items(), key=lambda kv: len(kv[1]))
    if len(words) < _CHECKLIST_MIN or len(words) * 2 < len(items):
        return None
    return Topic(cat, f"checklist: {len(words)} of its {len(items)} yes/no questions ask for it ({', '.join(dict.fromkeys(words))})"[:120])


def from_checklist(
    texts: dict[str, str],
    input_type: str,
    checklist: Topic | None,
    context: ContextWords | None,
    excluded: Callable[[], set[str]] | None = None,
) -> Classification | None:
    """An unclassified item of a checklist takes the checklist's category, unless its own section rules
    that category out (``excluded``, read only then: the hygiene, housing and food rows under "Antecedentes personales
    no patológicos" of a history whose other section is a checklist of diseases)."""
    if checklist is None or not checklist_item(texts, input_type, context):
        return None
    if excluded is not None and checklist.category in excluded():
        return None
    return Classification(checklist.category, 0.6, ("checklist item",), checklist.evidence)


# A run of checkboxes needs this many items, two of them naming one category by strong words.
_LIST_MIN = 3
_LIST_STRONG_MIN = 2
_LIST_ITEM_WORDS = 8  # an item longer than this says something of its own ("I would like a call back")


def checkbox_lists(
    texts: list[dict[str, str]],
    types: list[str],
    found: list[Classification | None],
    categories: dict[str, Category],
) -> list[Topic | None]:
    """For each control of a form, the category of the list of checkboxes it stands in, if any.

    A list is a run of checkboxes with no other control between them ("[ ] Psoriasis [ ] Sclérite
    [ ] Érythème noueux" under "Symptomatologie", "Selecione se você tem ou já teve: [ ] Herpes
    [ ] Queloide"). It is about an Art. 9 category when two or more of its items name that category by
    their own strong words, half or more of its items name it at least by a weak word, and no other
    Art. 9 category is named by strong words half as often: its items are then answers to one
    question, and an item the lexicon does not know (a rare condition, a brand of medicine, a
    compound) is one more of them."""
    out: list[Topic | None] = [None] * len(texts)
    k = 0
    while k < len(texts):
        if types[k].lower() != "checkbox":
            k += 1
            continue
        end = k + 1
        # A new question or legend starts a new list ("Why did you come?" then "What is your goal?").
        while end < len(texts) and types[end].lower() == "checkbox" and not _starts_list(texts[end - 1], texts[end]):
            end += 1
        topic = _list_topic(texts[k:end], found[k:end], categories)
        if topic is not None:
            out[k:end] = [topic] * (end - k)
        k = end
    return out


def _starts_list(before: dict[str, str], item: dict[str, str]) -> bool:
    """Whether a checkbox asks under another question or legend than the one before it (an item
    without a question of its own continues the list)."""
    return any(item.get(k) and item.get(k) != before.get(k) for k in ("question", "legend"))


def _list_topic(texts: list[dict[str, str]], found: list[Classification | None], categories: dict[str, Category]) -> Topic | None:
    if len(texts) < _LIST_MIN:
        return None
    strong: dict[str, list[str]] = {}
    named: dict[str, int] = {}
    for t, c in zip(texts, found, strict=True):
        if c is not None and not c.context and categories[c.category].art9:
            named[c.category] = named.get(c.category, 0) + 1
            if c.confidence >= 0.75:
                strong.setdefault(c.category, []).append(c.words[0] if c.words else c.category)
        elif c is None:
            for cat in hinted(t, categories, "checkbox"):
                named[cat] = named.get(cat, 0) + 1
    ranked = sorted(strong.items(), key=lambda kv: -len(kv[1]))
    if not ranked:
        return None
    cat, words = ranked[0]
    if len(words) < _LIST_STRONG_MIN or named.get(cat, 0) * 2 < len(texts) or (len(ranked) > 1 and len(ranked[1][1]) * 2 >= len(words)):
        return None
    shown = ", ".join(dict.fromkeys(words))
    return Topic(cat, f"checkbox list: {named[cat]} of its {len(texts)} items name it ({shown})"[:120])


def from_list(
    texts: dict[str, str],
    input_type: str,
    topic: Topic | None,
    consent: TermIndex | None,
    around: Topic | None,
    context: ContextWords | None = None,
    categories: dict[str, Category] | None = None,
) -> Classification | None:
    """An unclassified checkbox of such a list takes the list's category when the page or form it
    stands on is about that category too (``around``: its section heading, form, page title or path;
    a studio's "Why did you come? [ ] back pain [ ] depression [ ] loneliness [ ] curiosity" on a page
    that names no health topic lists reasons, not conditions), or the list's own question hints at it by a
    word of ``categories`` ("2. Race (Select all applicable boxes) [ ] White [ ] Asian [ ] Black or African American"),
    unless it gives consent, asks for a decision ("Wilt u vooraf contact met de arts hierover?") or says
    more than an item does."""
    if topic is None or input_type.lower() != "checkbox":
        return None
    if (around is None or around.category != topic.category) and not _question_hints(texts, topic.category, categories):
        return None
    item = texts.get("options") or texts.get("label") or ""
    words = tokens(item)
    if not words or len(words) > _LIST_ITEM_WORDS:
        return None
    if gives_consent(texts, consent) or (context is not None and asks_decision(texts, input_type, context)):
        return None
    return Classification(topic.category, 0.6, ("list item",), topic.evidence)


def _question_hints(texts: dict[str, str], category: str, categories: dict[str, Category] | None) -> bool:
    """Whether a checkbox list's question hints at ``category`` by a word of its own."""
    question = texts.get("question", "")
    return bool(question) and categories is not None and category in hinted({"question": question}, categories, "checkbox")


def record_section(sources: list[tuple[str, str]], words: SectionWords | None) -> Topic | None:
    """The special-category record a control's section is (``signatures/field_sections.toml``), read
    nearest first from its section heading or legend to its form's name and heading, the page's
    ``<h1>`` and its file name (``sources``; not the page's title): the first heading that names a record gives its category; one that
    names the person's own data ("Dati anagrafici", "Personal information") stops the reading; a
    generic one ("Other", "Event information") passes to the next. A heading about how the person's data is
    processed ("Tratamiento de datos de salud", "Trattamento dei dati personali": ``processing``) stops it too:
    its "tratamiento" is the data's, and the controls under it decide what may be done with them."""
    if words is None:
        return None
    for what, text in sources:
        toks = tokens(clip(text)) if text else ()
        if not toks:
            continue
        if words.processing is not None and words.processing.matches(toks):
            return None
        found = {t.cat: t.text for t in words.record.matches(toks)}
        cat = next((c for c in PRIORITY if c in found), None)
        if cat is not None:
            shown = " ".join(text.split())[:60]
            return Topic(cat, f"record section: {what} '{shown}' ({found[cat]})")
        if words.personal.matches(toks):
            return None
    return None


def from_record_section(
    texts: dict[str, str], input_type: str, topic: Topic | None, consent: TermIndex | None, context: ContextWords | None
) -> Classification | None:
    """An unclassified control of a record section takes the record's category (Art. 4(15), Recital 35:
    what is collected in the course of care is data concerning health), unless ``may_take_context``
    says it asks something else."""
    if topic is None or not may_take_context(texts, input_type, consent, context):
        return None
    return Classification(topic.category, 0.6, ("record section",), topic.evidence)


def may_take_context(texts: dict[str, str], input_type: str, consent: TermIndex | None, context: ContextWords | None) -> bool:
    """Whether an unclassified control may take a category from where it stands (a record section, the
    learned field model's reading of its context): not when it asks who the person is, a booking or form
    detail (``person``: a name, a date of birth, the appointment, the fee), is a bare date or time
    ("Datum:"), chooses which of the provider's sites is booked ("Clinic", "Standort"), names a member of
    staff or a degree, gives consent, decides something, asks how the visitor found the site or a size, or
    searches records."""
    if context is None or context.sections is None:
        return False
    words = context.sections
    typ = input_type.lower()
    # What the control asks, as a person reads it: its label or question, else its placeholder or title
    # (an example in a placeholder, "Ex: a mãe, a professora", says nothing of what is asked), else the
    # options of a choice, else its name or id.
    said: list[tuple[str, ...]] = []
    for group in (("label", "question"), ("placeholder", "title"), ("options",), ("name", "id")):
        said = [tokens(texts[k]) for k in group if texts.get(k) and (k != "options" or typ in CHOICE_TYPES)]
        if any(said):
            break
    if any(words.person.matches(_without_event_age(t, words.event_age)) for t in said):
        return False
    if not (texts.get("label") or texts.get("question") or texts.get("placeholder") or texts.get("title")):
        # A choice without a label is read by its options, then by its name: "Masculino / Feminino" with
        # name="sexo" asks the person's sex.
        named = [tokens(texts[k]) for k in ("name", "id") if texts.get(k)]
        if any(words.person.matches(t) for t in named):
            return False
    if asks_occupation(texts, context):
        return False  # "Intake gedaan door", "Livello scolastico": a member of staff, a degree
    label = tokens(texts.get("label") or texts.get("question") or texts.get("placeholder") or "")
    if label and all(w in words.bare for w in label):
        return False
    if typ in ("select", "radio") and label and all(w in words.facility or w in context.either for w in label):
        return False  # "Clinic: North / South": which of the provider's sites is booked
    if typ == "checkbox" and (gives_consent(texts, consent) or (consent is not None and any(says_consent(consent, t) for t in said))):
        return False
    if consent_choices(texts, typ, consent):
        return False  # "Sí, autorizo / No, no autorizo", "Sí, he leído y comprendo…": a decision, like a consent box
    if typ in CHOICE_TYPES and asks_decision(texts, typ, context):  # "Would you like us to send your records…?"
        return False
    if asks_referral(texts, context):  # "Wie haben Sie unsere Praxis gefunden?" and its "Von wem?"
        return False
    if asks_size(texts, typ, context):  # a T-shirt's size on a catechesis registration
        return False
    return not any(starts_with_lookup(toks, context) for toks in said)  # "Buscar por código…"


def learned_may_read(texts: dict[str, str], input_type: str, consent: TermIndex | None, context: ContextWords | None) -> bool:
    """Whether the learned field model (``analyzer.signatures.fieldmodel``) is asked about a control no rule
    classifies: only one that may take a category from where it stands (``may_take_context``), and that asks
    something in its own words (a bare "Yes / No" without its question says nothing the model could read)."""
    if not may_take_context(texts, input_type, consent, context):
        return False
    return not (answers_only(texts, input_type, context) and not (texts.get("label") or texts.get("question") or texts.get("placeholder")))


def _without_event_age(toks: tuple[str, ...], event_age: TermIndex | None) -> tuple[str, ...]:
    """The words of a label without those that ask the age at an event of the record ("Età di esordio",
    "Idade aproximada em que foi percebida", "Edad de fuga del hogar": ``event_age`` in
    signatures/field_sections.toml): that age is the record's, not who the person is. What is left still
    counts ("Edad de la madre" names the mother)."""
    if event_age is None or not toks:
        return toks
    covered = event_age.covered(toks)
    return tuple(w for i, w in enumerate(toks) if i not in covered) if covered else toks


# A form needs this many controls before a word its identifiers share is read as the form's name.
_SHARED_MIN_CONTROLS = 6


def shared_identifier_words(texts: list[dict[str, str]]) -> frozenset[str]:
    """Words in the ``name`` or ``id`` of three quarters or more of a form's controls (six or more):
    they name the form (``idadeFichaAnamnese``, ``nomePacienteFichaAnamnese``) or were copied from an
    example (``id="inputEmail3"`` on every field), and say nothing about what any one control asks."""
    if len(texts) < _SHARED_MIN_CONTROLS:
        return frozenset()
    counts: dict[str, int] = {}
    for t in texts:
        for word in set(tokens(t.get("name", ""))) | set(tokens(t.get("id", ""))):
            counts[word] = counts.get(word, 0) + 1
    return frozenset(w for w, n in counts.items() if n * 4 >= len(texts) * 3)


def without_words(texts: dict[str, str], words: frozenset[str]) -> dict[str, str]:
    """The texts a control is classified by, without ``words`` in its ``name`` and ``id``."""
    if not words or not any(k in texts for k in ("name", "id")):
        return texts
    out = dict(texts)
    for key in ("name", "id"):
        if key in out:
            kept = [w for w in tokens(out[key]) if w not in words]
            if kept:
                out[key] = " ".join(kept)
            else:
                del out[key]
    return out


def is_component_layout(path: str, layouts: tuple[str, ...]) -> bool:
    """A component that wraps the route components below it (``component_layouts`` in
    signatures/template_conventions.toml: "layout.tsx", "+layout.svelte", "layouts/default.vue")."""
    path = path.replace("\\", "/")
    return any(path == name or path.endswith("/" + name) for name in layouts)


def component_layouts(path: str, known: Collection[str], layouts: tuple[str, ...]) -> list[str]:
    """The layouts among ``known`` paths that wrap the route component ``path``, nearest first: each
    folder from the component's own up to the top is looked at once for each convention's file."""
    if not is_route(path) or is_component_layout(path, layouts):
        return []
    folders = path.replace("\\", "/").split("/")[:-1]
    # A framework's own layouts: a Svelte route's, a Vue page's, a React route's.
    family = next((ext for ext in (".svelte", ".vue") if path.endswith(ext)), ".js")
    names = [n for n in layouts if n.endswith(family) or (family == ".js" and n.endswith((".tsx", ".jsx", ".js")))]
    out: list[str] = []
    for depth in range(len(folders), -1, -1):
        base = "/".join(folders[:depth])
        for name in names:
            candidate = f"{base}/{name}" if base else name
            if candidate in known and candidate not in out:
                out.append(candidate)
    return out


# A layout component's title as code writes it: Next.js's ``export const metadata = { title: "…" }`` (or
# ``title: { default: "…" }``), Nuxt's ``useHead({ title: "…" })``, ``<title>…</title>`` in its markup.
_CODE_TITLE = re.compile(
    r"""(?:\bmetadata\b[^=]{0,40}=\s*\{|\buseHead\s*\(\s*\{|\buseSeoMeta\s*\(\s*\{)[^{}]{0,800}?"""
    r"""\b(?:title|siteName|applicationName)\s*:\s*(?:\{\s*(?:default|template)\s*:\s*)?(["'`])([^"'`\n]{1,200})\1"""
)
_MARKUP_TITLE = re.compile(r"<title[^>]*>([^<{]{1,200})</title>", re.I)


def code_layout_sources(text: str) -> tuple[tuple[str, str], ...]:
    """What a layout component says the site is: its metadata or head title and a literal ``<title>``."""
    out = [("layout title", m.group(2).replace("%s", " ").strip()) for m in _CODE_TITLE.finditer(text[:200_000])]
    out += [("layout title", m.group(1).strip()) for m in _MARKUP_TITLE.finditer(text[:200_000])]
    return tuple(dict.fromkeys((w, t) for w, t in out if t))


@dataclass(frozen=True)
class PageTopic:
    """Why visiting a page is itself special-category data."""

    category: str
    word: str
    source: str  # "path", "title" or "heading"
    text: str
    line: int = 1  # where the page shows it: its title or heading


def sensitive_page(path: str, title: str, headings: list[str], categories: dict[str, Category]) -> PageTopic | None:
    """The special category a page's path, title or first-level headings put it in (``page`` words)."""
    index = indexes(categories).page
    words = path_words(path)
    # A path is read folder by folder ("mental-health", "hiv-testing"): folders repeat across a
    # site's pages, so each is looked up once.
    found = next((f for f in (_page_words(index, seg) for seg in words.split("/")) if f), None)
    if found:
        return PageTopic(found[0], found[1], "path", words[-80:])
    for source, text in [("title", title)] + [("heading", h) for h in headings]:
        found = _page_words(index, text) if text else None
        if found:
            return PageTopic(found[0], found[1], source, " ".join(text.split())[:80])
    return None


_PAGE_CACHE: dict[tuple[int, str], tuple[str, str] | None] = {}


def _page_words(index: TermIndex, text: str) -> tuple[str, str] | None:
    key = (id(index), text)
    if key not in _PAGE_CACHE:
        if len(_PAGE_CACHE) > 16384:
            _PAGE_CACHE.clear()
        _PAGE_CACHE[key] = _category(index, text, ("page",))
    return _PAGE_CACHE[key]


_HAS_LETTER = re.compile(r"[^\W\d_]")


@functools.lru_cache(maxsize=4)
def _holder_query(holders: tuple[str, ...]) -> lxml.etree.XPath:
    """The elements named by a title holder (``[title_holders]`` of field_context.toml) that are given a title."""
    named = " or ".join(f"contains(local-name(), '{h}')" for h in holders if h.isalnum())
    return lxml.etree.XPath(f"//*[{named}][@title]" if named else "/nothing")


def page_title(root: lxml.etree._Element, holders: tuple[str, ...] = ()) -> tuple[str, lxml.etree._Element | None]:
    """A page's title and the element that gives it: its ``<title>``, else the title a page template hands the layout
    component it is written in (Blade's ``<x-layouts.app title="Intenciones de Misa">``, Astro's ``<Layout
    title="…">``: an element whose name contains one of ``holders``), which that layout prints in its ``<title>``;
    ("", None) for neither. A title printed from a variable (neutralised to ``000``) is none."""
    title_el = next(root.iter("title"), None)
    if title_el is not None:
        return " ".join(title_el.itertext()), title_el
    if not holders:
        return "", None
    for el in _holder_query(holders)(root)[:2]:
        given = " ".join((el.get("title") or "").split())
        if _HAS_LETTER.search(given):
            return given, el
    return "", None


def page_of(page, path: str, categories: dict[str, Category], holders: tuple[str, ...] = ()) -> PageTopic | None:
    """:func:`sensitive_page` for a parsed page: its path, title (:func:`page_title`) and first-level headings,
    with the line of the title or heading that shows it (for a path: the title, else the first
    heading, else the first element)."""
    root = page.root
    if root is None:
        return None
    title, title_el = page_title(root, holders)
    h1s = [el for el in root.iter("h1")][:3]
    found = sensitive_page(path, title, [" ".join(h.itertext()) for h in h1s], categories)
    if found is None:
        return None
    if found.source == "heading":
        source = next((h for h in h1s if " ".join(" ".join(h.itertext()).split())[:80] == found.text), None)
    else:  # the title (a path is shown where the page says what it is: its title, else its heading)
        source = title_el if title_el is not None else (h1s[0] if h1s else _first_element(root))
    line = source.sourceline if source is not None else 1
    return PageTopic(found.category, found.word, found.source, found.text, line or 1)


def _first_element(root):
    """The first element a page renders (inside a component's <template> wrapper, not the wrapper)."""
    body = root.find("body")
    el = next((e for e in (body if body is not None else root) if isinstance(e.tag, str)), None)
    while el is not None and el.tag == "template":
        el = next((e for e in el if isinstance(e.tag, str)), el)
        if el.tag == "template":
            break
    return el
