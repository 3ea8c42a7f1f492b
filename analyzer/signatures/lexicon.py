"""The sensitive-field classifier: which category a form field asks for, how sure, and why.

Knowledge is in ``signatures/fields/*.toml`` (docs/fields.md); this module tokenises the texts
that describe a field (labels and questions in any of twelve languages, developer identifiers
split on camelCase, snake_case, kebab-case and digits), folds accents, and matches stems
(``diagnos*``) and phrases (``medical history``) per category.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from analyzer.parse import keyed_text
from analyzer.parse.identifiers import CASE_BOUNDARY
from analyzer.signatures.sigschema import FIELD_CATEGORIES

# Letters NFKD does not decompose into a base letter plus a mark.
_FOLD = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ı": "i", "ё": "е"})
# An identifier splits where its case says a word starts (identifiers.CASE_BOUNDARY) and at digits.
_CAMEL = re.compile(CASE_BOUNDARY + r"|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_WORD = re.compile(r"[^\W_]+")

HUMAN_SOURCES = ("label", "question", "legend", "placeholder", "title", "options")
DEV_SOURCES = ("name", "id")


def fold(text: str) -> str:
    """Lower-case ``text`` without accents (``ß`` -> ``ss``, ``ł`` -> ``l`` …), so words compare across
    spellings."""
    if text.isascii():  # nothing to fold (most identifiers, paths and English labels)
        return text.lower()
    text = text.lower().translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[str, ...]:
    """Lower-case, accent-folded words; identifiers split at camelCase and digit boundaries. Numbers
    are words too: a term names them ("legge 104", "top 09", "d66"), and without them it would match
    any "legge", "top" or "d'adhésion"."""
    return tuple(_WORD.findall(fold(_CAMEL.sub(" ", text))))


@dataclass(frozen=True)
class Inflection:
    """How a language's words change at their end (``signatures/field_inflection.toml``): a term word of
    at least ``min`` letters, written without ``*``, also matches its stem followed by any ending its rule
    allows (Czech "onemocnění" -> "onemocněním", Danish "smerte" -> "smerterne", Italian "malattia
    cardiaca" -> "malattie cardiache")."""

    min: int
    # (ending of the written word, the endings that may replace it), longest first; "" matches any word
    rules: tuple[tuple[str, frozenset[str]], ...]
    # The same for a written stem ("svenimento*" also starts "svenimenti"): only the endings listed here.
    stems: tuple[tuple[str, frozenset[str]], ...] = ()

    def prefix(self, word: str) -> tuple[str, frozenset[str]] | None:
        """A written stem's shorter stem and the endings that may follow it (Italian "svenimento*" ->
        "sveniment" + "o" or "i"), or None when it stays as written."""
        return self._split(word, self.stems)

    def stem(self, word: str) -> tuple[str, frozenset[str]] | None:
        """The word's stem and the endings it may take, or None when it stays as written."""
        return self._split(word, self.rules)

    def _split(self, word: str, table: tuple[tuple[str, frozenset[str]], ...]) -> tuple[str, frozenset[str]] | None:
        """The first rule of ``table`` whose ending the word has (leaving at least three letters): the
        word without it, and the endings that may stand in its place."""
        if len(word) < self.min:
            return None
        for ending, endings in table:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                return word[: len(word) - len(ending)], endings | {ending}
        return None


def inflection_rules(data: dict[str, Any]) -> dict[str, Inflection]:
    """The per-language rules of ``signatures/field_inflection.toml`` ("a > a e": a word ending in
    "a" may end in "e" instead; "- > en er": any word may take "en" or "er")."""
    out: dict[str, Inflection] = {}
    for lang, spec in data.get("lang", {}).items():
        out[lang] = Inflection(spec["min"], _rules(spec["rules"]), _rules(spec.get("stems", [])))
    return out


def _rules(written: list[str]) -> tuple[tuple[str, frozenset[str]], ...]:
    rules: list[tuple[str, frozenset[str]]] = []
    for rule in written:
        frm, _, to = rule.partition(">")
        frm = "" if frm.strip() == "-" else fold(frm.strip())
        rules.append((frm, frozenset("" if e == "-" else fold(e) for e in to.split())))
    return tuple(sorted(rules, key=lambda r: -len(r[0])))


@dataclass(frozen=True)
class Term:
    text: str
    parts: tuple[tuple[str, bool], ...]  # (word, is_prefix); an inflected word's stem
    cat: str = ""  # the category and kind (strong / weak / exclude) it belongs to
    kind: str = ""
    # Per word, when the term's language inflects it: the endings its stem may take (else None).
    endings: tuple[frozenset[str] | None, ...] = ()
    # Per word: it is the last part of a compound ("*sygdom": lungesygdom, "*pijn": hoofdpijn, not
    # "pijn" alone; "*ontsteking*": ontstekingen too).
    heads: tuple[bool, ...] = ()

    def find(self, toks: tuple[str, ...]) -> bool:
        """Whether the term's words occur in a row in ``toks`` (a prefix word matches any token it
        starts)."""
        n = len(self.parts)
        if not self.endings and not self.heads:
            for i in range(len(toks) - n + 1):
                if all((toks[i + k].startswith(w) if prefix else toks[i + k] == w) for k, (w, prefix) in enumerate(self.parts)):
                    return True
            return False
        return any(all(self.word_at(k, toks[i + k]) for k in range(n)) for i in range(len(toks) - n + 1))

    def word_at(self, k: int, tok: str) -> bool:
        """Whether ``tok`` is the term's k-th word, inflected or as the head of a compound."""
        w, prefix = self.parts[k]
        head = bool(self.heads) and self.heads[k]
        ends = self.endings[k] if self.endings else None
        if head:  # after at least one letter of the compound's first part
            if prefix:
                return tok.find(w, 1) > 0 and (ends is None or any(tok.find(w + e, 1) > 0 for e in ends))
            return any(tok.endswith(w + e) and len(tok) > len(w) + len(e) for e in (ends or ("",)))
        if prefix:
            return tok.startswith(w) and (ends is None or any(tok.startswith(e, len(w)) for e in ends))
        if ends is None:
            return tok == w
        return tok.startswith(w) and tok[len(w) :] in ends


def make_term(raw: str, cat: str = "", kind: str = "", inflection: Inflection | None = None) -> Term | None:
    """A term from a signature's word list entry (``word*`` is a prefix, ``*word`` the end of a compound,
    ``*word*`` a part of one), folded and split into words; None when no word is left. With the
    language's ``inflection``, a word without ``*`` also matches its inflected forms."""
    words: list[tuple[str, bool]] = []
    endings: list[frozenset[str] | None] = []
    heads: list[bool] = []
    for w in raw.split():
        prefix = w.endswith("*")
        head = w.startswith("*") and len(w.strip("*")) >= 3
        folded = _WORD.findall(fold(_CAMEL.sub(" ", w.strip("*"))))  # split as tokens() splits a text
        if not folded:
            continue
        # "e-mail" folds to two words: the last keeps the prefix flag, the first the head flag.
        for j, f in enumerate(folded):
            last = j == len(folded) - 1
            is_prefix = prefix and last
            stem = None
            if inflection is not None:
                stem = inflection.prefix(f) if is_prefix else inflection.stem(f)
            words.append((stem[0] if stem else f, is_prefix))
            endings.append(stem[1] if stem else None)
            heads.append(head and j == 0)
    if not words:
        return None
    return Term(
        raw,
        tuple(words),
        cat,
        kind,
        tuple(endings) if any(e is not None for e in endings) else (),
        tuple(heads) if any(heads) else (),
    )


_JOINED_PART = 4  # the least letters of each word of a compound written in two


class TermIndex:
    """Terms indexed by their first word (exact) or stem (prefix): a token stream is matched with
    a few dictionary look-ups per token instead of trying every term (thousands, 12 languages)."""

    def __init__(self, terms: tuple[Term, ...]) -> None:
        self.terms = terms
        self.exact: dict[str, list[Term]] = {}
        self.prefix: dict[str, list[Term]] = {}
        # Compound heads ("*sygdom"), by the first three letters of the head: a token is looked up at
        # each of its positions.
        self.inner: dict[str, list[Term]] = {}
        for t in terms:
            word, is_prefix = t.parts[0]
            if t.heads and t.heads[0]:
                self.inner.setdefault(word[:3], []).append(t)
            elif is_prefix or (t.endings and t.endings[0] is not None):
                self.prefix.setdefault(word, []).append(t)  # an inflected word starts with its stem
            else:
                self.exact.setdefault(word, []).append(t)
        # Only the lengths some stem has are tried as prefixes of a token (a 40-letter token once
        # cost 40 slices and look-ups per term index).
        self.prefix_lengths = tuple(sorted({len(w) for w in self.prefix}))
        self._seen: dict[str, list[Term]] = {}
        # The first letters of the one-word terms a compound written in two words may match (see ``hits``): two
        # tokens are joined only when the first begins as one of them does.
        self.joinable = frozenset(
            t.parts[0][0][: _JOINED_PART + 1] for t in terms if len(t.parts) == 1 and not t.heads and len(t.parts[0][0]) > _JOINED_PART
        )

    def candidates(self, tok: str) -> list[Term]:
        """Terms whose first word is ``tok``, a stem of it or the last part of it (tokens repeat across
        a site's labels: the answer is kept)."""
        found = self._seen.get(tok)
        if found is None:
            if len(self._seen) > 65536:
                self._seen.clear()
            found = self._seen[tok] = self._candidates(tok)
        return found

    def _candidates(self, tok: str) -> list[Term]:
        found = list(self.exact.get(tok, ()))
        for k in self.prefix_lengths:
            if k > len(tok):
                break
            found += self.prefix.get(tok[:k], ())
        if self.inner:
            for i in range(len(tok) - 2):
                found += self.inner.get(tok[i : i + 3], ())
        return found

    def matches(self, toks: tuple[str, ...]) -> list[Term]:
        """The terms found in ``toks``, each once (see ``hits``)."""
        return [h.term for h in self.hits(toks)]

    def hits(self, toks: tuple[str, ...]) -> list[Hit]:
        """Each term found, once, with the first word it matched (two languages' stems for one
        word, ``pacient*`` and ``paciente*``, are one piece of evidence, not two)."""
        found: list[Hit] = []
        seen: set[Term] = set()
        for i, tok in enumerate(toks):
            for term in self.candidates(tok):
                if term not in seen and term.find(toks[i : i + len(term.parts)]):
                    seen.add(term)
                    found.append(Hit(term, tok))
        # A compound written in two words ("Patienten Dossier", "Blut Gruppe", "Kranken Kasse"): the two joined match
        # a one-word term whose word reaches into the second; each part has four letters or more ("the rapist" is no
        # "therapist"), and a compound's part ("*skade*") is not sought across the join.
        for a, b in zip(toks, toks[1:], strict=False):
            if len(a) >= _JOINED_PART and len(b) >= _JOINED_PART and (a + b)[: _JOINED_PART + 1] in self.joinable:
                joined = a + b
                for term in self.candidates(joined):
                    if (
                        term not in seen
                        and len(term.parts) == 1
                        and not term.heads
                        and len(term.parts[0][0]) > len(a)
                        and term.find((joined,))
                    ):
                        seen.add(term)
                        found.append(Hit(term, joined))
        return found

    def covered(self, toks: tuple[str, ...]) -> set[int]:
        """The positions of ``toks`` that lie inside a term found in them."""
        out: set[int] = set()
        for i, tok in enumerate(toks):
            for term in self.candidates(tok):
                if term.find(toks[i : i + len(term.parts)]):
                    out.update(range(i, i + len(term.parts)))
        return out


@dataclass(frozen=True)
class Hit:
    term: Term
    word: str  # the first token the term matched

    @property
    def key(self) -> str:
        """What makes two weak hits one clue: the same word, or two inflections of it, matched
        by terms of the same length."""
        return f"{self.word[:5]}/{len(self.term.parts)}"


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    art9: bool
    terms: tuple[Term, ...]  # strong, weak and exclude terms of every language
    autocomplete: frozenset[str]
    input_types: frozenset[str]
    topic: tuple[Term, ...] = ()  # page/form topic words (analyzer.facts.pagecontext)
    page: tuple[Term, ...] = ()  # words that make a page's visit sensitive
    typed_only: bool = False  # a value typed in (an ID number, a password): no choice holds it
    # A consent box that names this category's data by a strong word records it (consent to store a DNA
    # sample, to enrol a fingerprint): the sample or template exists because the person gave it.
    consent_is_data: bool = False


def compile_category(data: dict[str, Any], inflection: dict[str, Inflection] | None = None) -> Category:
    """A field category from its signature file: its terms in every language (inflected by the
    language's ``inflection`` rules), autocomplete values, input types and page words."""
    rules = inflection or {}
    terms = [
        # Weak words are common words: their other forms are as often another language's word (Polish
        # "nastrój", mood, declined is Czech "nástroje", instruments), and so are an exclude list's place
        # words (Czech "stát" declined is the English "state"): only strong, topic and page words are
        # inflected.
        make_term(t, data["id"], kind, rules.get(code) if kind == "strong" else None)
        for kind in ("strong", "weak", "exclude")
        for code, lang in data["terms"].items()
        for t in lang.get(kind, [])
    ]

    return Category(
        id=data["id"],
        label=data["label"],
        art9=data["art9"],
        terms=tuple(t for t in terms if t is not None),
        autocomplete=frozenset(a.lower() for a in data.get("autocomplete", [])),
        input_types=frozenset(t.lower() for t in data.get("input_types", [])),
        topic=_terms(data, "topic", rules),
        page=_terms(data, "page", rules),
        typed_only=data.get("typed_only", False),
        consent_is_data=data.get("consent_is_data", False),
    )


def _terms(data: dict[str, Any], kind: str, rules: dict[str, Inflection]) -> tuple[Term, ...]:
    made = (make_term(t, data["id"], kind, rules.get(code)) for code, lang in data["terms"].items() for t in lang.get(kind, []))
    return tuple(t for t in made if t is not None)


@dataclass(frozen=True)
class Classification:
    category: str
    confidence: float
    words: tuple[str, ...]  # the terms or attributes that decided it
    context: str = ""  # the page or form topic that decided it, when the field's own texts did not


@dataclass(frozen=True)
class Topic:
    """What a page, form or section is about (``analyzer.facts.pagecontext``): a category and where that
    shows ("form heading 'Medical history'")."""

    category: str
    evidence: str
    # The heading of the form's section the control stands in, when that is a later section of the
    # form (not its title): "Physician information", "D. Religious background".
    section: str = ""


@dataclass(frozen=True)
class SectionWords:
    """``signatures/field_sections.toml``: headings that name a special-category record (per category),
    headings that name the person's own data, controls that ask who the person is or a booking detail,
    and the words of a label that is only a date or a time."""

    record: TermIndex  # each term's ``cat`` is the record's category
    personal: TermIndex
    person: TermIndex
    bare: frozenset[str] = frozenset()
    # "Età di esordio", "Idade em que foi percebida": the age at an event of the record, not who the person is
    event_age: TermIndex | None = None
    date_parts: frozenset[str] = frozenset()  # "Dag", "Måned", "År": a date typed in boxes
    facility: frozenset[str] = frozenset()  # "Clinic", "Standort": which of the provider's sites a choice books
    # "Tratamiento de datos de salud": a heading about how the person's data is processed, not a record
    processing: TermIndex | None = None


@dataclass(frozen=True)
class ContextWords:
    """``signatures/field_context.toml``: labels that say only "free text" (message, notes), that
    follow up the previous question (when?, if yes…), search/filter controls, and the words of a
    bare answer (yes, no, Y/N/P) a choice offers."""

    free_text: TermIndex
    follow_up: TermIndex
    lookup: TermIndex
    answers: frozenset[str] = frozenset()
    subjects: TermIndex | None = None
    seeking: TermIndex | None = None
    sexes: frozenset[str] = frozenset()
    either: frozenset[str] = frozenset()
    membership: TermIndex | None = None  # "Invited by", "Member since", "Local section"
    membership_topics: frozenset[str] = frozenset()  # the categories of organisations one belongs to
    membership_not: TermIndex | None = None  # "Membership fee": a payment, not a belonging
    sections: SectionWords | None = None  # signatures/field_sections.toml: record sections
    identity: TermIndex | None = None  # "Apellido", "Nome", "Idade": a label that asks who the person is
    requests: TermIndex | None = None  # "Would you like us to…": a choice that asks for a decision
    occupation: TermIndex | None = None  # "Occupation", "Beruf", "Profissão": a label that asks for a job
    # "Type: Patient / Dentist": a choice of which side of the care one is on (an account's role), not health
    patient_roles: frozenset[str] = frozenset()
    care_roles: frozenset[str] = frozenset()
    care_contacts: TermIndex | None = None  # "physician", "Hausarzt", "pharmacy": whose contact detail says who treats
    care_providers: frozenset[str] = frozenset()  # "Médico", "Врач", "Specialist": the one a health form's choice picks
    care_provider_fillers: frozenset[str] = frozenset()  # "Seleccione el", "your preferred": words around that choice
    care_providers_in_choices: frozenset[str] = frozenset()  # "Profesional": such a word only as a choice's label
    care_provider_filters: frozenset[str] = frozenset()  # "Todos": an option that makes the choice a report's filter
    care_topics: tuple[str, ...] = ()  # the category such a contact detail takes (health)
    sizes: frozenset[str] = frozenset()  # "XS S M L XL": the options of a clothing-size choice
    account_roles: frozenset[str] = frozenset()  # "admin / user": a login's role in the site, not in the organisation
    # A party's or campaign's questionnaire: an open answer or an opinion scale sent to it is a political opinion
    opinion_topics: frozenset[str] = frozenset()
    opinion: TermIndex | None = None  # "No firm opinion", "Strongly agree", "Rather against"
    opinion_pages: TermIndex | None = None  # "Wahl-O-Mat", "Stemwijzer", "Valkompass": a voting-advice application
    addressed: frozenset[str] = frozenset()  # you, your; Sie, Ihr; vous, votre: a question put to the person
    statement_readings: frozenset[str] = frozenset()  # contact, financial: what a statement's words may seem to ask
    symptom_topics: frozenset[str] = frozenset()  # the topics whose frequency scales record a symptom (health)
    frequency: TermIndex | None = None  # "Never / Several days / More than half the days / Nearly every day"
    habit_category: str = ""  # the category a habit asked with how often reveals (health)
    shown_if: frozenset[str] = frozenset()  # attributes that show an element on a condition (v-show, ng-if, x-show)
    # ui_components.toml [bindings]: the attributes that bind a control to its field, whole and by their start
    binding_attributes: frozenset[str] = frozenset()
    binding_prefixes: tuple[str, ...] = ()
    habits: TermIndex | None = None  # "Smoking", "Bebida", "Stosunek do alkoholu" (coffee and tea excluded)
    habit_asking: frozenset[str] = frozenset()  # "do", "you", "optional": the words a habit's question may hold beside it
    habit_frequency: TermIndex | None = None  # the frequency answers and "socially", "regularly", "daily"…
    finding_normal: TermIndex | None = None  # "normal", "prawidłowy", "unauffällig": an exam's finding that is normal
    finding_abnormal: TermIndex | None = None  # "abnormal", "nieprawidłowy", "vergrößert": one that is not
    care_alone: TermIndex | None = None  # "independent", "selbstständig", "sans aide": does it without help
    care_helped: TermIndex | None = None  # "with help", "unselbstständig", "dépendant": needs another's help
    criminal_record: TermIndex | None = None  # "Criminal record", "convicted", "arrested": Art. 10, no special category
    referral: TermIndex | None = None  # "How did you hear about us?": a channel, not data about the visitor
    animal_care: TermIndex | None = None  # "Pet Clinic", "Mit Dyrs Sundhed": a form whose patient is an animal
    animal_practice: TermIndex | None = None  # "Clínica Veterinaria", "Tierarztpraxis": a project that is a vet's
    animal_care_not: TermIndex | None = None  # "your PET scan": a person's imaging, not an animal's care
    animal_questions: TermIndex | None = None  # "Spezies", "Nome do animal": a control that asks about an animal
    animal_questions_not: TermIndex | None = None  # "em espécie": in cash, no animal
    animal_questions_alone: frozenset[tuple[str, ...]] = frozenset()  # "Espécie" as a whole label: a kind is no animal
    adherence: TermIndex | None = None  # "I accept the statutes": joining, even in a box that gives consent
    # A family history's grid: under a condition, which relatives had it ("Madre / Padre / Abuelos")
    family_topics: frozenset[str] = frozenset()
    relatives: frozenset[str] = frozenset()
    relatives_also: frozenset[str] = frozenset()  # "Other", "None": offered beside the relatives
    free_text_not: TermIndex | None = None  # "Razão social": a company's name, though "razão" is a reason
    # A section title written as a block with a class ("<div class="section-title">Medicatie</div>", Bootstrap's
    # card-header): class names (lower case) and their endings
    title_classes: frozenset[str] = frozenset()
    title_class_endings: tuple[str, ...] = ()
    # A layout or SEO component a page hands its title to (<x-layouts.app title="…">, <Layout title="…">, <Seo title>):
    # words its lower-cased name contains
    title_holders: tuple[str, ...] = ()

    @functools.cached_property
    def answer_words(self) -> frozenset[str]:
        """The words of ``answers`` ("yes", "no", "don't know"…): what a yes/no choice's options are made of."""
        return frozenset(w for a in self.answers for w in tokens(a))


PRIORITY = FIELD_CATEGORIES  # most sensitive first (sigschema): the earlier category is reported
THRESHOLD = 0.5
TEXT_CONTROLS = frozenset({"text", "textarea", "contenteditable", "search", ""})
CHOICE_TYPES = ("radio", "checkbox", "select")  # controls that offer their answers (options)


_INDEXES: dict[tuple[str, int], tuple[object, TermIndex]] = {}


def _cached_index(kind: str, owner: object, terms: Callable[[], tuple[Term, ...]]) -> TermIndex:
    """An index built once per ``owner`` object (the signature database lives as long as the process)."""
    entry = _INDEXES.get((kind, id(owner)))
    if entry is None or entry[0] is not owner:
        entry = (owner, TermIndex(terms()))
        _INDEXES[(kind, id(owner))] = entry
    return entry[1]


def index_for(categories: dict[str, Category]) -> TermIndex:
    """One index over every category's terms: a field's texts are matched once, not per category."""
    return _cached_index("all", categories, lambda: tuple(t for c in categories.values() for t in c.terms))


# An e-mail address or a web address, each from a word's start (tried once per word: linear on a long run of letters).
_EXAMPLE_ADDRESS = re.compile(r"(?<!\S)[^\s@]+@[^\s@]+\.\w+|(?<![^\s(])(?:https?://|www\.)\S+")


def classify(
    texts: dict[str, str],
    categories: dict[str, Category],
    input_type: str = "",
    autocomplete: str = "",
    consent: TermIndex | None = None,
    topic: Topic | None = None,
    context: ContextWords | None = None,
) -> Classification | None:
    """The most sensitive category the field's texts support at or above the threshold.

    A checkbox that gives consent (``consent`` words in its own label) is a decision, not data.
    ``topic`` (the page's or form's subject) counts as one weak clue for its category, and gives
    it to a free-text control whose label says nothing else ("Message", "Notes")."""
    typ = input_type.lower()
    if _EXAMPLE_ADDRESS.search(texts.get("placeholder", "")):
        # "membro@igreja.org.br", "https://www.clinic.example/you": an example of what to type, whose words name
        # no category (an e-mail box on a church's member form is the member's address, not their faith)
        texts = {**texts, "placeholder": _EXAMPLE_ADDRESS.sub(" ", texts["placeholder"])}
    if context is not None and _asks_criminal_record(texts, context):
        # "Have you ever been arrested for a criminal offense (sexual, abuse, fraud, drugs)?": a criminal record (Art. 10),
        # whatever offences it names, on whatever page; a category outside Art. 9 its words give stands
        found = classify(texts, categories, input_type, autocomplete, consent)
        return found if found is None or not categories[found.category].art9 else None
    if (typ == "checkbox" and gives_consent(texts, consent)) or consent_choices(texts, typ, consent):
        # a radio pair "Sí, autorizo… / No, no autorizo…" gives or refuses consent as a box does
        return _consented_data(texts, categories) or _adheres(texts, topic, context)
    if context is not None and typ in CHOICE_TYPES and asks_decision(texts, typ, context):
        return None  # "Would you like us to send your records to your family physician? Yes / No"
    if context is not None and asks_size(texts, typ, context):
        return None  # "Talla: S / M / L / XL" is a T-shirt's size, not the visitor's height
    if context is not None and asks_referral(texts, context):
        return None  # "Comment avez-vous connu le cabinet ?": a channel, whatever its options or the page
    index = index_for(categories)
    # A fieldset legend is the question of a radio/checkbox group, but only a section heading
    # for a text input ("Delivery address" above a first-name field): weak evidence there.
    choice = typ in ("radio", "checkbox")
    sources = HUMAN_SOURCES if choice else tuple(s for s in HUMAN_SOURCES if s != "legend")
    if context is not None and _asks_subjects(texts, context):
        sources = tuple(s for s in sources if s != "options")
    if context is not None and asks_occupation(texts, context):
        # "Occupation: Doctor / Nurse / Physiotherapist", "Profissão" with "Ex: enfermeira, psicóloga":
        # the choices and the example name jobs, not the visitor's health.
        sources = tuple(s for s in sources if s not in ("options", "placeholder"))
    elif context is not None and typ in CHOICE_TYPES and offers_care_roles(texts, context):
        sources = tuple(s for s in sources if s != "options")  # "Type: Patient / Tandarts": an account's side
    human = _matched(index, [texts[src] for src in sources if texts.get(src)])
    if context is not None and _is_lookup(texts, context) and not _picks_a_fact(human, categories):
        return None  # "Search patients…", "Filtrar por paciente": finds records, asks nothing
    dev = _matched(index, [texts[src] for src in DEV_SOURCES if texts.get(src)])
    if dev and context is not None and _asks_identity(texts, context):
        # "Apellido" with name="padrino", "Idade" with id="idadeFichaAnamnese": the label says what is
        # asked (a name, an age); the identifier only says whose, or names the form.
        dev = [h for h in dev if h.term.cat not in categories or not categories[h.term.cat].art9]
    weak_only = _matched(index, [texts["legend"]] if not choice and texts.get("legend") else [])
    auto = {a for a in autocomplete.lower().split() if a not in ("on", "off")}
    hit_cats = {h.term.cat for h in human + dev + weak_only}
    if topic is not None:
        hit_cats.add(topic.category)
    # A date typed in day, month and year boxes with type="tel" (for the phone's number pad): the label says what
    # is asked, the type only how it is typed.
    typed = "" if context is not None and _only_date_label(texts, context) else typ
    results: list[Classification] = []
    for cat_id in PRIORITY:
        cat = categories.get(cat_id)
        if cat is None or (cat_id not in hit_cats and not (auto & cat.autocomplete) and typed not in cat.input_types):
            continue
        if cat.typed_only and typ in CHOICE_TYPES:
            continue  # "Tipo de documento: DNI / NIE / Pasaporte" asks which document, not its number
        result = _score(cat, human, dev, weak_only, typed, auto, topic if topic is not None and topic.category == cat_id else None)
        if result and result.confidence >= THRESHOLD:
            results.append(result)
    if typ in CHOICE_TYPES:
        # What the question asks by a strong word outranks what only its choices say: "Which political topics matter most
        # to you? Racial justice / Climate / Housing" asks a political opinion, not the person's ethnicity.
        asked = _matched(index, [texts[s] for s in ("label", "question") if texts.get(s)])
        named = {h.term.cat for h in asked if h.term.kind == "strong" and h.term.cat in categories and categories[h.term.cat].art9}
        if named:
            results = [
                r for r in results if not categories[r.category].art9 or r.category in named or _pick(asked, r.category, "strong", "weak")
            ]
    if context is not None and typ not in CHOICE_TYPES and _only_identity(texts, context):
        # "Patientenname:", "Nome do paciente", "Patient's date of birth": who the person is, whatever record the
        # form keeps; the word "patient" in it says whose name, not a fact of health. A choice's options may say
        # more ("Familienstand: … eingetragene gleichgeschlechtliche Lebenspartnerschaft").
        results = [r for r in results if not categories[r.category].art9]
    # Words a person reads outrank identifiers a developer copied: "Headaches" with id="address".
    if any(_pick(human, r.category, "strong") for r in results):
        results = [r for r in results if _pick(human, r.category, "strong", "weak") or r.confidence >= 0.9]
    best: Classification | None = None
    for result in results:
        if best is None or result.confidence > best.confidence + 0.15:
            best = result
    # Whose address or phone it is, on a form about that category: "Physician's phone" on a patient
    # form tells who treats the visitor.
    if best is not None and best.category == "contact" and typ not in CHOICE_TYPES:
        best = next((r for r in results if r.context and categories[r.category].art9), best)
        if best.category == "contact" and (cared := _care_contact(texts, categories, context)) is not None:
            return cared
        if best.category == "contact" and topic is not None and topic.section:
            best = _section_contact(topic, categories, index) or best
    if best is None and topic is not None and context is not None and _free_text_box(texts, typ, context):
        return Classification(topic.category, 0.7, ("free text",), topic.evidence)
    if best is None and topic is not None and context is not None and topic.category in context.membership_topics:
        word = _membership_word(texts, typ, context) or _body_chosen(texts, typ, categories.get(topic.category))
        if word:
            return Classification(topic.category, 0.6, (word,), topic.evidence)
    if best is None and topic is not None and context is not None and topic.category in context.opinion_topics:
        word = _opinion_asked(texts, typ, context)
        if word:
            return Classification(topic.category, 0.6, (word,), topic.evidence)
    best = as_voting_advice(best, texts, typ, topic, context, categories)
    if best is None and context is not None and context.habit_category in categories and _habit_asked(texts, typ, context):
        return Classification(context.habit_category, 0.7, ("habit and how often",), "")
    if best is None and topic is not None and context is not None and topic.category in context.symptom_topics:
        if _frequency_asked(texts, typ, context):
            return Classification(topic.category, 0.6, ("frequency scale",), topic.evidence)
        if _finding_asked(texts, typ, context):
            return Classification(topic.category, 0.6, ("examination finding",), topic.evidence)
        if _care_asked(texts, typ, context):
            return Classification(topic.category, 0.6, ("help needed",), topic.evidence)
    if best is None and topic is not None and context is not None and topic.category in context.care_topics:
        if provider_chosen(texts, typ, context):
            return Classification(topic.category, 0.6, ("care provider chosen",), topic.evidence)
    if best is None and topic is not None and context is not None and topic.category in context.family_topics:
        if _relatives_chosen(texts, typ, context):
            return Classification(topic.category, 0.6, ("family history",), topic.evidence)
    if best is None and context is not None and "sex-life" in categories:
        return _partner_sought(texts, context)
    return best


def _relatives_chosen(texts: dict[str, str], input_type: str, context: ContextWords) -> bool:
    """A choice whose every option is a relative (``relatives`` in signatures/field_context.toml, beside "Other"
    or "None"), two of them at least, or a checkbox labelled with one: which relatives had the condition a family
    history's grid asks about ("Cardiopatías: Abuelos / Padre / Madre / Hermanos"). A label that asks who the person
    is to someone ("Parentesco", "Relationship") is not that question."""
    if input_type not in CHOICE_TYPES or not context.relatives:
        return False
    checkbox = input_type == "checkbox"
    item = tokens(texts.get("options") or (texts.get("label", "") if checkbox else ""))
    if len({w for w in item if w in context.relatives}) < (1 if checkbox else 2):
        return False
    if any(w not in context.relatives and w not in context.relatives_also for w in item):
        return False
    asked = ("question",) if checkbox else ("label", "question")  # a box's own label is the relative
    person = context.sections.person if context.sections is not None else None
    return not any(_first_said_matches(texts, asked, index) for index in (person, context.identity))


# Controls that may name the doctor a visitor sees: a choice, or a box the name is typed in.
_PROVIDER_TYPES = frozenset({"select", "radio", "text", "search", "", "input"})


def provider_chosen(texts: dict[str, str], input_type: str, context: ContextWords) -> bool:
    """A control that asks which doctor, dentist or therapist the visitor sees: its label (else its question, else its
    placeholder) says nothing but that ("Médico *", "Выберите врача", "Seleccione el especialista", "Your preferred
    doctor": ``care_providers`` beside ``care_provider_fillers``). On a health form the choice tells what care the
    visitor seeks (``classify``: with a topic of ``care_topics``); "Médico responsable", "Filtrar por médico" and the
    doctor's own phone say more, and are not it."""
    typ = input_type.lower()
    if not context.care_providers or typ not in _PROVIDER_TYPES:
        return False
    said = tokens(_first_said(texts, ("label", "question", "placeholder")))
    # "Profesional", "Professional" name the one a booking's choice picks; as a text box's label they ask a trade.
    choice = typ in CHOICE_TYPES

    def provider(w: str) -> bool:
        return w in context.care_providers or (choice and w in context.care_providers_in_choices)

    fillers = context.care_provider_fillers
    if not any(provider(w) for w in said) or not all(provider(w) or w in fillers for w in said):
        return False
    # A choice among jobs ("Médico / Enfermero / Administrador": a nurse or a clerk beside the doctor) asks the visitor's
    # trade, not whom they see; doctors' names or specialties ("Cardioloog / Dermatoloog") are whom they see.
    # A report's filter offers "All" among them ("Profesional: Todos / Ana / Luis"): whose records are listed.
    options = tokens(texts.get("options") or "")
    return not any((w in context.care_roles and not provider(w)) or w in context.care_provider_filters for w in options)


def _opinion_asked(texts: dict[str, str], input_type: str, context: ContextWords) -> str:
    """What makes a control ask for an opinion, on a page or form whose topic is one of ``opinion_topics``
    (a party's or campaign's questionnaire for its election programme): an open answer in a textarea
    ("What should never happen in Brno?"), unless it asks who the person is, or a choice among the
    answers of an opinion scale ("no firm opinion", "strongly agree", "rather against": ``opinion`` in
    signatures/field_context.toml). What is sent to a party about its policy is a political opinion;
    how one travels or whether one feels safe, asked as a choice without such answers, is not; nor is a candidate's
    criminal record (``classify`` reads it first: Art. 10)."""
    if not context.opinion_topics:
        return ""
    typ = input_type.lower()
    if typ == "textarea" and not _asks_identity(texts, context):
        return "open answer"
    # A radio group is read at its first choice; "choices" holds what all of them say (analyzer/facts/fieldfacts).
    options = texts.get("choices") or texts.get("options")
    if context.opinion is not None and typ in CHOICE_TYPES and options:
        found = context.opinion.matches(tokens(options))
        if found:
            return found[0].text
    return ""


def voting_advice_page(topic: Topic, context: ContextWords) -> bool:
    """Whether a topic of one of ``opinion_topics`` was given by a voting-advice application's name (``opinion_pages``:
    "Wahl-O-Mat", "Stemwijzer", "Valkompass 2022"), read in the text its evidence quotes."""
    pages = context.opinion_pages
    return pages is not None and topic.category in context.opinion_topics and bool(pages.matches(tokens(topic.evidence)))


def as_voting_advice(
    found: Classification | None,
    texts: dict[str, str],
    input_type: str,
    topic: Topic | None,
    context: ContextWords | None,
    categories: dict[str, Category],
) -> Classification | None:
    """A reading, made the political opinion it is when the control is a statement of a voting-advice application
    (``voting_advice_page``, ``voting_advice_item``): "Die Drogenproblematik … muss durch mehr Polizeipräsenz gelöst
    werden" asks what the visitor thinks of a policy, not about their health, whatever its words name. A contact or
    financial reading, and a consent, stay as they are (they are no statement's)."""
    if topic is None or context is None or not voting_advice_page(topic, context):
        return found
    statement = read_otherwise(found, texts, input_type, context, categories) if found else voting_advice_item(texts, input_type, context)
    if not statement:
        return found
    return Classification(topic.category, 0.6, ("voting-advice statement",), topic.evidence)


def read_otherwise(
    found: Classification | None, texts: dict[str, str], input_type: str, context: ContextWords, categories: dict[str, Category]
) -> bool:
    """Whether a statement a voting-advice application may ask (``voting_advice_item``) was read by its own words as a
    special category other than an opinion's (health for "Accijnzen voor tabak moeten omhoog"), or, asked with no
    choices of its own (a list of statements wrote it), as one of ``statement_readings`` ("Marginalskatten på höga
    inkomster bör höjas.": financial): on such an application's page it is the opinion (``as_voting_advice``)."""
    if found is None or found.category in context.opinion_topics:
        return False
    category = categories.get(found.category)
    if category is None or not (category.art9 or (found.category in context.statement_readings and _drawn_answers(texts, input_type))):
        return False
    return voting_advice_item(texts, input_type, context)


def _drawn_answers(texts: dict[str, str], input_type: str) -> bool:
    """A choice without choices of its own: a statement whose answers the page draws (an agreement scale)."""
    return input_type.lower() in CHOICE_TYPES and not (texts.get("choices") or texts.get("options"))


_STATEMENT_WORDS = 3  # a question or statement is a sentence: a choice asked by fewer words is a setting ("Sprache")
_WRITTEN_STATEMENT_WORDS = 5  # a statement written as a text control (a list's item) is a longer sentence still


def voting_advice_item(texts: dict[str, str], input_type: str, context: ContextWords) -> bool:
    """A control a voting-advice application asks its statements with: a choice, a scale or a slider asked by a sentence,
    or a statement a list of them writes as a text control ("La municipalité devrait investir davantage dans le
    tramway"); not a box alone (the app's settings: "Visa hela topplistan"), nor a question put to the person
    (``addressed``: "Dans quelle tranche d'âge vous situez-vous ?", the application's profile of its visitor), nor one
    about who the person is or a choice of what they do or studied (``_profile_choice``), nor a consent."""
    typ = input_type.lower()
    if typ == "checkbox" and not texts.get("choices"):
        return False  # a box alone ("Visa mitt bästa parti", "Tillåt sökmotorer") is a setting or a consent
    said = _first_said(texts, ("question", "label", "legend", "placeholder"))
    toks = tokens(said) if said else ()
    if context.addressed.intersection(toks):
        return False
    words = _sentence_words(said)
    if typ in CHOICE_TYPES or typ == "range":
        asked = words >= _STATEMENT_WORDS
    else:
        asked = typ in TEXT_CONTROLS and words >= _WRITTEN_STATEMENT_WORDS and not _is_free_text(texts, context)
    if not asked or _asks_identity(texts, context) or _profile_choice(texts, toks, context):
        return False
    return not _asks_criminal_record(texts, context)  # a candidate's vetting asks for a fact (Art. 10), not an opinion


def _sentence_words(said: str) -> int:
    """How many words a label says as one sentence: the longest of the locales a message key's catalogue joined
    ("Fachbereich / Faculty"), without the key's words written after them (``keyed_text``)."""
    parts = keyed_text.without_key(said or "").split(" / ")
    return max((len(tokens(p)) for p in parts), default=0)


_PROFILE_WORDS = 5  # a profile question is asked by a name ("Highest level of education completed"), not a sentence


def _profile_choice(texts: dict[str, str], said: tuple[str, ...], context: ContextWords) -> bool:
    """A choice of what the person does or studied, asked by a name (``said``, its question's words: "Nejvyšší dosažené
    vzdělání": Základní / Vysokoškolské) and answered by no opinion: the application's profile of its visitor. A
    statement about schools or a trade is a sentence ("Der Beruf des Pflegers muss besser bezahlt werden."), answered
    by agreeing or not."""
    options = texts.get("choices") or texts.get("options") or ""
    if not options or not said or len(said) > _PROFILE_WORDS or not asks_occupation(texts, context):
        return False
    return context.opinion is None or not context.opinion.matches(tokens(options))


def _frequency_asked(texts: dict[str, str], input_type: str, context: ContextWords) -> bool:
    """A choice that asks a question and is answered only by how often (``frequency`` in
    signatures/field_context.toml: "Never / Several days / More than half the days / Nearly every day"), two such
    answers at least: on a page or form whose topic is one of ``symptom_topics``, a symptom questionnaire's item (a
    PHQ-9's, an ADHD screen's). Not a question about who the person is."""
    frequency = context.frequency
    answers = _symptom_answers(texts, input_type, context) if frequency is not None else None
    if frequency is None or answers is None or len(frequency.matches(answers)) < 2:
        return False  # most choices are ruled out here, before the positions are sought
    covered = frequency.covered(answers)
    return all(i in covered or w.isdigit() for i, w in enumerate(answers))


def _habit_asked(texts: dict[str, str], input_type: str, context: ContextWords) -> bool:
    """A choice that asks about a habit ("Smoking", "Bebida", "Do you drink?": ``habits``, coffee and tea excluded) in a
    question that says nothing else (``habit_asking``), answered by how often (``frequency``, ``habit_frequency``: one
    answer at least; "Yes / No" alone asks for a smoking room), its answers' words mostly such words or yes / no
    ("Daily smoothie / Weekly juice box" sells drinks)."""
    habits, often = context.habits, context.habit_frequency
    if habits is None or often is None or input_type.lower() not in CHOICE_TYPES or not texts.get("options"):
        return False
    asked = tokens(texts.get("question") or texts.get("label") or "")
    found = habits.hits(asked) if asked else []
    if not found or any(h.term.kind == "exclude" for h in found):
        return False
    covered = habits.covered(asked)
    if any(i not in covered and w not in context.habit_asking for i, w in enumerate(asked)):
        return False
    # The answers say how often and little else: "Daily smoothie / Weekly juice box / Never mind" sells drinks.
    answers = tokens(texts["options"])
    if not often.matches(answers):
        return False
    said = often.covered(answers)
    return sum(1 for i, w in enumerate(answers) if i in said or w in context.answers) * 2 >= len(answers)


def _finding_asked(texts: dict[str, str], input_type: str, context: ContextWords) -> bool:
    """A choice that asks about something and is answered by whether it is normal or not (``finding_normal`` and
    ``finding_abnormal`` in signatures/field_context.toml, one of each at least: "Połykanie: prawidłowe /
    nieprawidłowe", "Migdałki: prawidłowe / powiększone"): on a page or form whose topic is one of ``symptom_topics``,
    what an examination found. Not a question about who the person is."""
    return _both_sides(texts, input_type, context, context.finding_normal, context.finding_abnormal)


def _care_asked(texts: dict[str, str], input_type: str, context: ContextWords) -> bool:
    """A choice that asks about an activity of daily life and is answered by how much help the person needs (``care_alone``
    and ``care_helped`` in signatures/field_context.toml, one of each at least: "Sich waschen: Selbstständig /
    Überwiegend unselbstständig / Unselbstständig", "Dressing: Independent / Needs help / Dependent"): on a page or form
    whose topic is one of ``symptom_topics``, a care-needs assessment's item. Not a question about who the person is, nor
    one about their work ("Attività: Dipendente Pubblico / Lavoratore Autonomo")."""
    return not asks_occupation(texts, context) and _both_sides(texts, input_type, context, context.care_alone, context.care_helped)


def _both_sides(texts: dict[str, str], input_type: str, context: ContextWords, one: TermIndex | None, other: TermIndex | None) -> bool:
    """Whether a choice that asks a question is answered by a word of each of two scales' ends at least."""
    if one is None or other is None:
        return False
    answers = _symptom_answers(texts, input_type, context)
    return answers is not None and bool(one.matches(answers)) and bool(other.matches(answers))


_ASIDE = re.compile(r"\([^()]{0,200}\)")


def _symptom_answers(texts: dict[str, str], input_type: str, context: ContextWords) -> tuple[str, ...] | None:
    """The answers' words of a choice that asks a question (a label or question of its own, not who the person is),
    where a scale of answers may record a symptom or a finding (``symptom_topics``), else None."""
    if not context.symptom_topics or input_type.lower() not in CHOICE_TYPES:
        return None
    if not (texts.get("label") or texts.get("question")) or _asks_identity(texts, context):
        return None
    # an answer's aside in parentheses explains it ("Selten (etwa 1× pro Woche)"): the scale is the words before it
    return tokens(_ASIDE.sub(" ", texts.get("choices") or texts.get("options") or ""))


def _care_contact(texts: dict[str, str], categories: dict[str, Category], context: ContextWords | None) -> Classification | None:
    """A contact detail whose own label names who treats the person ("Physician's phone", "Telefonnummer des
    Hausarztes": ``care_contacts``), read as the category of ``care_topics`` (health), else None."""
    index = context.care_contacts if context is not None else None
    category = next((c for c in context.care_topics if c in categories), None) if context is not None else None
    said = _first_said(texts, ("label", "question", "placeholder"))
    hits = index.matches(tokens(said)) if index is not None and category is not None and said else []
    return Classification(category, 0.6, (f"{hits[0].text}'s contact",), "") if hits and category is not None else None


def _section_contact(topic: Topic, categories: dict[str, Category], index: TermIndex) -> Classification | None:
    """A contact detail in a section of the form that names someone or something of the topic's
    category ("Physician information", "D. Religious background": the physician's, the previous
    church's address) tells who treats the visitor or where they worshipped. A section named by a
    word that only names the domain ("Patient details", "Church information") or that is about
    contacts itself ("Medical and emergency contacts") leaves the visitor's own details as they are."""
    cat = categories.get(topic.category)
    if cat is None:
        return None
    hits = index.hits(tokens(topic.section[:300]))
    if any(h.term.kind == "exclude" or (h.term.cat == "contact" and h.term.kind != "exclude") for h in hits):
        return None
    words = [h.term.text for h in hits if h.term.cat == cat.id and h.term.kind in ("strong", "weak") and not _domain_word(cat, h.word)]
    if not words:
        return None
    shown = " ".join(topic.section.split())[:60]
    return Classification(cat.id, 0.6, (words[0],), f"section '{shown}' ({words[0]}) on {topic.evidence}"[:200])


def _membership_word(texts: dict[str, str], input_type: str, context: ContextWords) -> str:
    """The word that makes a control record the visitor's membership of an organisation ("Invited
    by", "Member since", "Je rejoins la section locale"), unless it asks for a payment ("Membership
    fee"): ``membership`` and ``membership_not`` in signatures/field_context.toml."""
    if context.membership is None:
        return ""
    if _asks_identity(texts, context) or asks_occupation(texts, context):
        return ""  # "Ocupación del miembro", "Statut matrimonial": who the member is, not the belonging
    keys: tuple[str, ...] = ("label", "question", "placeholder", "title", "name", "id")
    if input_type.lower() in CHOICE_TYPES:
        keys += ("options",)
    said = [tokens(texts[k]) for k in keys if texts.get(k)]
    # What is asked decides whether it is a payment ("Membership fee"), not what a choice costs ("Type of
    # membership: Free / Donor (payment on site)").
    asked = [tokens(texts[k]) for k in keys if k != "options" and texts.get(k)]
    if context.membership_not is not None and any(context.membership_not.matches(t) for t in asked):
        return ""
    if input_type.lower() in CHOICE_TYPES and _only_account_roles(texts, context):
        return ""  # "Role: admin / user" in the site's back office
    return next((t.text for toks in said for t in context.membership.matches(toks)), "")


def _asks_criminal_record(texts: dict[str, str], context: ContextWords) -> bool:
    """Whether what a control asks (its label, question or placeholder) is a criminal record: convictions, charges,
    arrests (``criminal_record``)."""
    return _any_said_matches(texts, ("label", "question", "placeholder"), context.criminal_record)


def _only_account_roles(texts: dict[str, str], context: ContextWords) -> bool:
    """Whether a choice's every option word is an application's account role (``account_roles``: "admin / user")."""
    words = tokens(texts.get("options", ""))
    return bool(words) and bool(context.account_roles) and all(w in context.account_roles for w in words)


def _body_chosen(texts: dict[str, str], input_type: str, cat: Category | None) -> str:
    """The word of a choice whose label or question is one of the topic's own domain words ("Iglesia/Grupo",
    "Parish", "Local branch" as a select on a church's, party's or union's form): the visitor picks the
    body they belong to. A text box with that label may name the organisation itself ("Church name" when a
    church is registered) and is left alone."""
    if cat is None or input_type not in ("select", "radio"):
        return ""
    asked = texts.get("label") or texts.get("question") or ""
    if not asked:
        return ""
    return next((t.text for t in _domain_index(cat).matches(tokens(asked))), "")


def _domain_index(cat: Category) -> TermIndex:
    """The category's one-word topic terms ("iglesia*", "parish", "partei"), indexed once per category."""
    return _cached_index("domain", cat, lambda: tuple(t for t in cat.topic if len(t.parts) == 1))


def _partner_sought(texts: dict[str, str], context: ContextWords) -> Classification | None:
    """A dating form's "Looking for: a man / a woman": the sex of the partner sought, beside the
    visitor's own, tells their orientation."""
    if context.seeking is None or not texts.get("options"):
        return None
    asked = [tokens(texts[s]) for s in ("question", "label") if texts.get(s)]
    seeking = next((t.text for toks in asked for t in context.seeking.matches(toks)), "")
    options = tokens(texts["options"])
    sexes = [w for w in options if w in context.sexes]
    said: set[str] = set()
    if not seeking:
        # The options say who seeks whom ("Donna cerca Uomo / Uomo cerca Uomo / Coppie", "Man seeking woman"):
        # each names the sex of the one who seeks and of the one sought; a box's own text with no label or question
        # beside it, the one sought ("Seeking men").
        found = context.seeking.matches(options)
        seeking = found[0].text if found and (len(sexes) >= 2 or (sexes and not asked)) else ""
        said = {w for t in found for w, _ in t.parts}
    # Only sexes ("Un homme", "Females Males Both"), not a shop's "Men Women Kids"; a choice may repeat its
    # question as its first, empty option ("Looking For * / Bride (Female) / Groom (Male)").
    said |= {w for toks in asked for w in toks}
    if seeking and sexes and all(w in context.sexes or w in context.either or w in said for w in options):
        return Classification("sex-life", 0.6, (seeking, *dict.fromkeys(sexes)))
    # The question itself names the sex sought and is answered yes or no ("Intresserad av hane: Ja / Nej",
    # "Interested in women? Yes / No"): one such choice per sex.
    # The question holds nothing else ("Interested in men's football?" is not one).
    if not options or not all(w in context.answer_words or w in context.either for w in options):
        return None
    for toks in asked:
        phrase = next(iter(context.seeking.matches(toks)), None)
        named = [w for w in toks if w in context.sexes]
        if phrase is None or not named:
            continue
        spoken = {w for w, _ in phrase.parts}
        if all(w in spoken or w in context.sexes or w in context.either for w in toks):
            return Classification("sex-life", 0.6, (phrase.text, *dict.fromkeys(named)))
    return None


def takes_topic(texts: dict[str, str], categories: dict[str, Category], input_type: str, context: ContextWords | None) -> bool:
    """Whether a page or form topic could change this field's reading: a free-text control, or a
    word that hints at a special category on its own (a topic is looked for only then)."""
    if context is None:
        return False
    if _free_text_box(texts, input_type, context):
        return True
    if context.membership_topics and _membership_word(texts, input_type, context):
        return True
    if _opinion_asked(texts, input_type, context):
        return True
    if answered_on_a_scale(texts, input_type, context):
        return True
    if context.family_topics and _relatives_chosen(texts, input_type.lower(), context):
        return True
    if context.care_topics and provider_chosen(texts, input_type, context):
        return True
    return bool(hinted(texts, categories, input_type))


def answered_on_a_scale(texts: dict[str, str], input_type: str, context: ContextWords | None) -> bool:
    """Whether a choice asks a question answered on a symptom's scale: how often (``_frequency_asked``), whether
    normal or not (``_finding_asked``) or how much help the person needs (``_care_asked``). Such a choice is a
    health questionnaire's item on a page or form whose topic is one of ``symptom_topics``, and on no other."""
    if context is None or not context.symptom_topics:
        return False
    return any(asked(texts, input_type, context) for asked in (_frequency_asked, _finding_asked, _care_asked))


def hinted(texts: dict[str, str], categories: dict[str, Category], input_type: str) -> set[str]:
    """The special categories a word of the field's own texts hints at (weak terms)."""
    hits = _matched(index_for(categories), [v for k, v in texts.items() if k != "options" or input_type in CHOICE_TYPES])
    return {h.term.cat for h in hits if h.term.kind == "weak" and h.term.cat in categories and categories[h.term.cat].art9}


def _only_date_label(texts: dict[str, str], context: ContextWords) -> bool:
    """A label (else a placeholder) that is only a date or its day, month or year ("Dato", "Måned", "År",
    "DD"): the ``date_parts`` words of signatures/field_sections.toml."""
    label = tokens(texts.get("label") or texts.get("placeholder") or "")
    return bool(label) and context.sections is not None and all(w in context.sections.date_parts for w in label)


def _free_text_box(texts: dict[str, str], input_type: str, context: ContextWords) -> bool:
    """A text control that says only "write here" (:func:`_is_free_text`), the box a page's or form's topic gives its
    category. A free-text word in a label that asks who the person is ("Apellido de Casada (Nota: sólo si …)") is an
    aside: that control asks a surname or an age, not "write here"."""
    return input_type.lower() in TEXT_CONTROLS and _is_free_text(texts, context) and not _asks_identity(texts, context)


def _is_free_text(texts: dict[str, str], context: ContextWords) -> bool:
    """A control whose label, placeholder or name says only "write here" (message, notes, remarks).
    The first of them there is decides: a textarea labelled "Name" keeps its copied ``name="message"``,
    and a question ("What exercise do you do?") its placeholder "Describe here…"."""
    for group in (("label",), ("placeholder",), ("name", "id")):
        present = [texts[s] for s in group if texts.get(s)]
        if present:
            said = [tokens(t) for t in present]
            if context.free_text_not is not None and any(context.free_text_not.matches(t) for t in said):
                return False
            return any(context.free_text.matches(t) for t in said)
    return False


def asks_referral(texts: dict[str, str], context: ContextWords) -> bool:
    """A question that asks how the visitor came to the site ("How did you hear about us?", "Wie haben Sie
    unsere Praxis gefunden?"), in its label or question, or the question a follow-up continues ("Von wem?"):
    ``referral`` in signatures/field_context.toml."""
    if context.referral is None:
        return False
    return any(context.referral.matches(tokens(texts[s])) for s in ("question", "label", "legend") if texts.get(s))


def asks_decision(texts: dict[str, str], input_type: str, context: ContextWords) -> bool:
    """A choice whose question asks whether the visitor wants the site to do something ("Would you like
    us to notify you…?", "Sollen wir Ihren Hausarzt informieren?", "[ ] Wilt u vooraf contact met de arts
    hierover?" as a lone box's own text): its answer is a decision, not data (``requests`` in
    signatures/field_context.toml)."""
    asked = ("question", "label", "options") if input_type.lower() == "checkbox" else ("question", "label")
    return _any_said_matches(texts, asked, context.requests)


# A choice offers clothing sizes when this many of its options' words are sizes.
_SIZES_MIN = 3


def asks_size(texts: dict[str, str], input_type: str, context: ContextWords) -> bool:
    """A choice whose options are clothing sizes ("Talla: 6 8 10 adulto S adulto M adulto L", "Taglia:
    XS S M L XL"): a T-shirt's size (``sizes`` in signatures/field_context.toml)."""
    if input_type.lower() not in ("radio", "select") or not texts.get("options") or not context.sizes:
        return False
    return len(set(tokens(texts["options"])) & context.sizes) >= _SIZES_MIN


def _asks_identity(texts: dict[str, str], context: ContextWords) -> bool:
    """A control whose label (else its question, else its placeholder) names who the person is: a name,
    a surname, an age, a date or place of birth (``identity`` in signatures/field_context.toml)."""
    return _first_said_matches(texts, ("label", "question", "placeholder"), context.identity)


def _only_identity(texts: dict[str, str], context: ContextWords) -> bool:
    """A control whose label (else its question, else its placeholder) is nothing but an ``identity`` phrase: all its
    words one term's ("Patientenname:", "Nome do paciente"), not one word of several ("Age at diagnosis")."""
    said = _first_said(texts, ("label", "question", "placeholder"))
    index = context.identity
    toks = tokens(said) if said and index is not None else ()
    return bool(toks) and index is not None and any(len(hit.text.split()) >= len(toks) for hit in index.matches(toks))


def asks_occupation(texts: dict[str, str], context: ContextWords) -> bool:
    """A control whose label (else its question, else its placeholder) asks for the person's occupation,
    profession, level of education or languages, or which member of the staff did something (``occupation`` in
    signatures/field_context.toml)."""
    return _first_said_matches(texts, ("label", "question", "placeholder"), context.occupation)


def offers_care_roles(texts: dict[str, str], context: ContextWords) -> bool:
    """A choice whose options are a patient and those who care for one, and nothing else ("Patient / Dentist",
    "Paciente / Médico / Administrador": ``patient_roles`` and ``care_roles`` in signatures/field_context.toml): the
    side of the care an account is on, not the visitor's health."""
    options = tokens(texts.get("options") or "")
    return (
        any(w in context.care_roles for w in options)
        and any(w in context.patient_roles for w in options)
        and all(w in context.patient_roles or w in context.care_roles or w in context.either for w in options)
    )


def _first_said(texts: dict[str, str], sources: tuple[str, ...]) -> str:
    """The text of the first of ``sources`` the control has ("" when none)."""
    return next((texts[s] for s in sources if texts.get(s)), "")


def _any_said_matches(texts: dict[str, str], sources: tuple[str, ...], index: TermIndex | None) -> bool:
    """Do the words of any of ``sources`` the control has match ``index``?"""
    return index is not None and any(index.matches(tokens(texts[s])) for s in sources if texts.get(s))


def _first_said_matches(texts: dict[str, str], sources: tuple[str, ...], index: TermIndex | None) -> bool:
    """Do the words of the first of ``sources`` the control has match ``index``?"""
    said = _first_said(texts, sources)
    return index is not None and bool(said) and bool(index.matches(tokens(said)))


def _consented_data(texts: dict[str, str], categories: dict[str, Category]) -> Classification | None:
    """The category a consent box records although it is a decision: one whose ``consent_is_data`` is set,
    named by a strong word of the box's own label, options or question ("souhlas s využitím DNA", "I consent
    to the enrolment of my fingerprint"), unless an exclude phrase of that category cancels it. Consent to
    the processing of health data stays a decision: the box itself says nothing of the person's health."""
    hits = _matched(index_for(categories), [texts[s] for s in ("label", "options", "question") if texts.get(s)])
    for cat_id in PRIORITY:
        cat = categories.get(cat_id)
        if cat is None or not cat.consent_is_data or _pick(hits, cat_id, "exclude"):
            continue
        words = _pick(hits, cat_id, "strong")
        if words:
            return Classification(cat_id, 0.8, tuple(words))
    return None


def _adheres(texts: dict[str, str], topic: Topic | None, context: ContextWords | None) -> Classification | None:
    """A consent box that accepts the organisation's founding texts ("Acepto la política de protección de datos,
    estatutos y normas", "Die Satzung der Partei erkenne ich an") on a form whose topic is a membership topic
    (a party, a union, a church): ticking it is joining, which records the belonging (``adherence`` in
    signatures/field_context.toml)."""
    if topic is None or context is None or context.adherence is None or topic.category not in context.membership_topics:
        return None
    for s in ("label", "options", "question"):
        found = context.adherence.matches(tokens(texts[s])) if texts.get(s) else []
        if found:
            return Classification(topic.category, 0.6, (found[0].text,), topic.evidence)
    return None


def consent_choices(texts: dict[str, str], input_type: str, consent: TermIndex | None) -> bool:
    """Do a radio group's or a select's own options give or refuse consent ("Sí, autorizo… / No, no autorizo…", "Sí,
    he leído y comprendo…")? Only the options: a question's "aceito" may ask whether someone was accepted ("Foi bem
    aceito(a) no núcleo familiar?")."""
    if input_type.lower() not in ("radio", "select") or consent is None or not texts.get("options"):
        return False
    return says_consent(consent, tokens(texts["options"]))


def says_consent(consent: TermIndex, toks: tuple[str, ...]) -> bool:
    """Do these words give or refuse consent: a consent word and no ``not_consent`` phrase (a profession of faith,
    "Acepto a Cristo en su corazón", accepts no processing)?"""
    found = consent.matches(toks)
    return any(t.kind != "exclude" for t in found) and not any(t.kind == "exclude" for t in found)


def gives_consent(texts: dict[str, str], consent: TermIndex | None) -> bool:
    """Does a control give consent by its own words: its label, its options, or the question a group of
    such boxes completes ("I agree that my child may be given: [ ] a plaster [ ] an ointment")?"""
    return consent is not None and any(says_consent(consent, tokens(texts[s])) for s in ("label", "options", "question") if texts.get(s))


def _asks_subjects(texts: dict[str, str], context: ContextWords) -> bool:
    """A choice of subjects ("Areas of interest": health, disability, human rights…): its options
    name what the visitor wants to hear about, not what the visitor is."""
    return bool(texts.get("options")) and _any_said_matches(texts, ("question", "label"), context.subjects)


def _picks_a_fact(hits: list[Hit], categories: dict[str, Category]) -> bool:
    """A search box whose words name a special-category fact by a strong word that is not only a domain word
    ("Buscar diagnóstico…", placeholder "Ej: F32, depresión…"): what is typed picks the visitor's or
    patient's diagnosis, it does not find records."""
    return any(
        h.term.kind == "strong" and categories[h.term.cat].art9 and not _domain_word(categories[h.term.cat], h.word)
        for h in hits
        if h.term.cat in categories
    ) and not any(h.term.kind == "exclude" for h in hits)


def _is_lookup(texts: dict[str, str], context: ContextWords) -> bool:
    """A search or filter box: its label or placeholder starts with a lookup word."""
    return any(starts_with_lookup(tokens(texts.get(src, "")), context) for src in ("label", "placeholder"))


def starts_with_lookup(toks: tuple[str, ...], context: ContextWords) -> bool:
    """Do these words start with a lookup word ("Search", "Buscar por", "Filter")?"""
    return bool(toks) and any(t.find(toks[: len(t.parts)]) for t in context.lookup.terms)


def only_follow_up(label: str, context: ContextWords | None) -> bool:
    """Whether a label only follows up the question before it: every word belongs to a follow-up
    phrase ("Other", "If yes, which?", "Since when?", ``follow_up`` in signatures/field_context.toml)."""
    return context is not None and bool(label) and _only_follow_up(label, context.follow_up)


@functools.lru_cache(maxsize=8192)
def _only_follow_up(label: str, index: TermIndex) -> bool:
    toks = tokens(label)  # labels repeat: cached
    return bool(toks) and len(toks) <= 6 and len(index.covered(toks)) == len(toks)


_MATCHES: dict[tuple[int, str], list[Hit]] = {}


def _matched(index: TermIndex, texts: list[str]) -> list[Hit]:
    out: list[Hit] = []
    seen: set[Term] = set()
    for text in texts:
        key = (id(index), text)
        hits = _MATCHES.get(key)
        if hits is None:  # labels and questions repeat across a site's pages
            hits = index.hits(tokens(text))
            if len(_MATCHES) > 65536:
                _MATCHES.clear()
            _MATCHES[key] = hits
        for h in hits:
            if h.term not in seen:
                seen.add(h.term)
                out.append(h)
    return out


def _pick(hits: list[Hit], cat: str, *kinds: str) -> list[str]:
    return list(dict.fromkeys(h.term.text for h in hits if h.term.cat == cat and h.term.kind in kinds))


def _weak_clues(hits: list[Hit], cat: str, kinds: tuple[str, ...]) -> dict[str, str]:
    """Weak evidence, one entry per word: clue key -> term text."""
    out: dict[str, str] = {}
    for h in hits:
        if h.term.cat == cat and h.term.kind in kinds:
            out.setdefault(h.key, h.term.text)
    return out


def _domain_word(cat: Category, word: str) -> bool:
    """A word of the category's topic list ("patient", "médico"): it names the domain, not a question."""
    return any(len(t.parts) == 1 and t.find((word,)) for t in cat.topic)


def _score(
    cat: Category, human: list[Hit], dev: list[Hit], weak_only: list[Hit], input_type: str, auto: set[str], topic: Topic | None = None
) -> Classification | None:
    if _pick(human + dev, cat.id, "exclude"):
        return None
    if auto & cat.autocomplete:
        return Classification(cat.id, 0.95, tuple(f"autocomplete={a}" for a in sorted(auto & cat.autocomplete)))
    if input_type and input_type in cat.input_types:
        return Classification(cat.id, 0.9, (f"type={input_type}",))
    strong_human = _pick(human, cat.id, "strong")
    if strong_human:
        return Classification(cat.id, 0.9, tuple(strong_human))
    strong_dev = _pick(dev, cat.id, "strong")
    if strong_dev:
        return Classification(cat.id, 0.75, tuple(strong_dev))
    # An identifier restates its label ("Taille" / name="height"): it is a clue of its own only when
    # the words a person reads give none.
    clues = _weak_clues(human, cat.id, ("weak",)) or _weak_clues(dev, cat.id, ("weak",))
    for key, text in _weak_clues(weak_only, cat.id, ("strong", "weak")).items():
        clues.setdefault(key, text)
    weak = list(dict.fromkeys(clues.values()))
    # The topic is one more clue, for a word about the question ("Weight" on a patient form), not
    # for a word about the domain the topic already names ("Patient name", "Médico responsable").
    # A text control's section legend is context already, like the topic: it does not make the
    # control ask the topic's question.
    asked = [h for h in human + dev if h.term.cat == cat.id and h.term.kind == "weak" and not _domain_word(cat, h.word)]
    context = topic.evidence if topic is not None and asked else ""
    count = len(clues) + (1 if context else 0)
    if count >= 2:
        return Classification(cat.id, 0.6, tuple(weak), context)
    if weak:
        return Classification(cat.id, 0.35, tuple(weak))
    return None
