"""A shared form's topic named by the files that import it (analyzer/resolve/layouts.py, docs/fields.md "Context"):
a form built in ``visit.js`` is the visit of the ``visitDentist.js`` that extends it; a notes component in
``components/`` is the intake of the page that renders it. A free-text control whose own file names no topic takes
the topic of its importers' paths, nearest first, before the site's home page and the project are read. Plain
script modules, React and Vue components, relative and ``@/`` imports; the look-alikes are the same component
imported by a gym's page, a component no file imports, and a file that only names the component in a string."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import site_controls

_NOTES_JS = """export default class Visit {
  constructor() { this.form = document.createElement('form') }
  render() {
    this.form.insertAdjacentHTML('beforeend', `<label for="n">Notes</label>
      <textarea id="n" name="notes"></textarea>`)
    document.body.append(this.form)
  }
}
"""
_NOTES_JSX = """export default function NotesForm() {
  return (<form>
    <label htmlFor="n">Notes</label>
    <textarea id="n" name="notes" />
  </form>);
}
"""
_NOTES_VUE = """<template>
  <form>
    <label for="n">Notes</label>
    <textarea id="n" v-model="notes" name="notes"></textarea>
  </form>
</template>
<script>
export default { data: () => ({ notes: '' }) }
</script>
"""


def _write(folder: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _notes(folder: Path) -> tuple[str, str]:
    """The notes box's category and the context that gave it (the classified reading when there is one)."""
    found = [s for s in site_controls(folder) if s.name == "notes"]
    assert found, "the notes box is read"
    best = max(found, key=lambda s: s.classification.confidence)
    return best.classification.category, best.classification.context


def _sites(page: str) -> dict[str, dict[str, str]]:
    """One shared notes form per stack, imported by a file named ``page``."""
    return {
        "script class": {
            "visit.js": _NOTES_JS,
            f"{page}.js": 'import Visit from "./visit.js";\nexport class Booking extends Visit {}\n',
        },
        "react": {
            "src/components/NotesForm.jsx": _NOTES_JSX,
            f"src/screens/{page}.jsx": "import NotesForm from '../components/NotesForm';\n"
            "export default function Screen() { return <main><NotesForm /></main>; }\n",
        },
        "vue with @/": {
            "src/components/NotesForm.vue": _NOTES_VUE,
            f"src/views/{page}.vue": "<template><main><NotesForm /></main></template>\n<script>\n"
            "import NotesForm from '@/components/NotesForm.vue'\nexport default { components: { NotesForm } }\n</script>\n",
        },
    }


_STACKS = ["script class", "react", "vue with @/"]


@pytest.mark.parametrize("stack", _STACKS)
@pytest.mark.parametrize(("page", "category"), [("visitDentist", "health"), ("parishRegistration", "religion")])
def test_a_shared_form_takes_the_topic_of_the_file_that_imports_it(tmp_path, stack, page, category) -> None:
    _write(tmp_path, _sites(page)[stack])
    found, context = _notes(tmp_path)
    assert found == category
    assert context.startswith("path of ") and "which imports it" in context and page in context


@pytest.mark.parametrize("stack", _STACKS)
def test_the_same_form_imported_by_a_gym_page_stays_none(tmp_path, stack) -> None:
    _write(tmp_path, _sites("gymMembership")[stack])
    assert _notes(tmp_path)[0] == "-"


@pytest.mark.parametrize("stack", _STACKS)
def test_a_form_no_file_imports_takes_no_topic_from_a_neighbour(tmp_path, stack) -> None:
    files = _sites("visitDentist")[stack]
    importer = next(rel for rel in files if "visitDentist" in rel)
    # The neighbour names the shared file only in a string and a comment: no import, no topic.
    files[importer] = "// see ./visit.js and ../components/NotesForm\nexport const note = 'NotesForm.vue';\n"
    _write(tmp_path, files)
    assert _notes(tmp_path)[0] == "-"


def test_the_nearest_importer_that_names_a_topic_decides(tmp_path) -> None:
    """Importers are read nearest first (the shared file's own folder tree before the rest of the project); one that
    names no topic is passed over, and a topic counts when more than a third of the importers name it."""
    use = "import NotesForm from '{}';\nexport const Page = () => <NotesForm />;\n"
    _write(
        tmp_path,
        {
            "src/shared/NotesForm.jsx": _NOTES_JSX,
            "src/shared/ParishSignup.jsx": use.format("./NotesForm"),
            "src/shared/ParishEvents.jsx": use.format("./NotesForm"),
            "src/clinic/PatientIntake.jsx": use.format("../shared/NotesForm"),
            "src/clinic/PatientFollowUp.jsx": use.format("../shared/NotesForm"),
        },
    )
    category, context = _notes(tmp_path)
    assert category == "religion" and "src/shared/Parish" in context


def test_one_importer_among_several_or_a_site_wide_component_names_no_topic(tmp_path) -> None:
    """A contact form rendered by the home page, the about page and one blog post on a health day: a third of its
    importers is no majority of its uses. One imported by more than twelve pages is the whole site's."""
    use = "import NotesForm from '../components/NotesForm';\nexport const Page = () => <NotesForm />;\n"
    pages = {"src/views/Home.jsx": use, "src/views/About.jsx": use, "src/views/MentalHealthDay.jsx": use}
    _write(tmp_path, {"src/components/NotesForm.jsx": _NOTES_JSX, **pages})
    assert _notes(tmp_path)[0] == "-"
    many = {f"src/views/Page{k}.jsx": use for k in range(12)} | {"src/views/PatientIntake.jsx": use, "src/views/Therapy.jsx": use}
    _write(tmp_path, many)
    assert _notes(tmp_path)[0] == "-"


def test_a_form_whose_own_file_names_its_topic_keeps_it(tmp_path) -> None:
    _write(
        tmp_path,
        {
            "src/components/ParishNotes.jsx": _NOTES_JSX,
            "src/screens/visitDentist.jsx": "import NotesForm from '../components/ParishNotes';\n"
            "export default function Screen() { return <NotesForm />; }\n",
        },
    )
    found, context = _notes(tmp_path)
    assert found == "religion" and "which imports it" not in context


def test_a_large_app_s_imports_are_looked_up_in_bounded_time(tmp_path) -> None:
    """20,000 modules with 40 specifiers each, every one importing the waiting form: only specifiers that name the
    form's file are resolved, and each importer is kept once (a list's membership test made this 16 s)."""
    import time

    from analyzer.facts.records import FileFacts
    from analyzer.read.discover import SourceFile
    from analyzer.resolve import layouts

    files, facts = [], []
    for i in range(20_000):
        rel = f"src/m{i // 100}/mod{i}.js"
        files.append(SourceFile(tmp_path / rel, rel, "js", tmp_path))
        specs = tuple(f"pkg{j}" for j in range(20)) + tuple(f"../m{j}/mod{j * 7}" for j in range(20))
        facts.append(FileFacts(path=rel, imports=specs))
    start = time.perf_counter()
    found = layouts._importers(facts, files, {f"src/m{k}/mod{k * 100}.js" for k in range(200)})
    assert time.perf_counter() - start < 10
    assert len(found["src/m0/mod0.js"]) == 19_999
