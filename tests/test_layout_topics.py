"""The topic a form page's layout names (analyzer/resolve/layouts.py, docs/fields.md "Context"): a contact
page that extends a clinic's layout carries the clinic's name only in the layout's title, site name or
metadata, so its "Message" box takes the layout's topic. Three template dialects (Jinja ``{% extends %}``,
Blade ``@extends``, a Rails view in ``application.html.erb`` by convention) and two component frameworks
(Next.js ``app/layout.tsx`` metadata, SvelteKit ``+layout.svelte``); the look-alike is the same site under a
gym's name, whose message box stays benign, and a layout the page does not use names nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.facts.pagecontext import code_layout_sources, component_layouts, is_component_layout
from analyzer.scan import ScanOptions, run
from tests.conftest import site_controls

_HOTJAR = '<script async src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6"></script>'
_FORM = """<form method="post">
<label for="n">Name</label><input id="n" name="n">
<label for="m">Message</label><textarea id="m" name="m"></textarea>
</form>"""
_JSX_FORM = _FORM.replace('for="', 'htmlFor="').replace('name="n">', 'name="n" />').replace("></textarea>", " />")


def _sites(site: str) -> dict[str, dict[str, str]]:
    """Relative path -> file text of one small site named ``site`` in each dialect."""
    head = f"<title>{{% block title %}}{{% endblock %}} | {site}</title>{_HOTJAR}"
    return {
        "jinja": {
            "templates/base.html": f"<!doctype html><html><head>{head}</head><body>{{% block content %}}{{% endblock %}}</body></html>\n",
            "templates/contact.html": '{% extends "base.html" %}\n{% block title %}Contact{% endblock %}\n'
            "{% block content %}<h1>Contact us</h1>\n" + _FORM + "\n{% endblock %}\n",
        },
        "blade": {
            "resources/views/layouts/app.blade.php": f"<html><head><title>@yield('title') - {site}</title>{_HOTJAR}</head>"
            "<body>@yield('content')</body></html>\n",
            "resources/views/contact.blade.php": "@extends('layouts.app')\n@section('title', 'Contact')\n@section('content')\n"
            "<h1>Contact us</h1>\n" + _FORM.replace('<form method="post">', '<form method="post">@csrf') + "\n@endsection\n",
        },
        "erb": {
            "app/views/layouts/application.html.erb": f"<html><head><title>{site}</title>{_HOTJAR}</head>"
            "<body><%= yield %></body></html>\n",
            "app/views/contact/new.html.erb": "<h1>Contact us</h1>\n" + _FORM + "\n",
        },
        "next": {
            "package.json": '{"name": "site", "dependencies": {"next": "14.2.0", "react": "18.2.0"}}\n',
            "app/layout.tsx": 'import Script from "next/script";\n'
            f'export const metadata = {{ title: {{ default: "{site}", template: "%s | {site}" }} }};\n'
            "export default function RootLayout({ children }) {\n"
            '  return (<html><body>{children}<Script src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6" /></body></html>);\n}\n',
            "app/contact/page.tsx": "export default function Contact() {\n  return (<main><h1>Contact us</h1>\n"
            + _JSX_FORM
            + "\n</main>);\n}\n",
        },
        "sveltekit": {
            "package.json": '{"name": "site", "dependencies": {"@hotjar/browser": "1.0.9"}, '
            '"devDependencies": {"@sveltejs/kit": "2.0.0", "svelte": "4.2.0"}}\n',
            "src/routes/+layout.svelte": "<script>\n  import Hotjar from '@hotjar/browser';\n  Hotjar.init(3456781, 6);\n</script>\n"
            f"<svelte:head><title>{site}</title></svelte:head>\n<slot />\n",
            "src/routes/contact/+page.svelte": "<h1>Contact us</h1>\n" + _FORM + "\n",
        },
    }


def _scan(tmp_path: Path, site: str, dialect: str) -> dict[str, tuple[str, str]]:
    for rel, text in _sites(site)[dialect].items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    return {r.field.name: (r.field.classification.category, r.field.classification.context) for r in result.fields}


_DIALECTS = ["jinja", "blade", "erb", "next", "sveltekit"]


@pytest.mark.parametrize("dialect", _DIALECTS)
@pytest.mark.parametrize("site", ["Mindwell Psychotherapie", "Kraamzorg Mimi"])
def test_a_contact_form_takes_the_topic_its_layout_names(tmp_path, dialect, site) -> None:
    # "Kraamzorg" (maternity home care) is a health topic word (signatures/fields/health.toml, Dutch).
    sites = _scan(tmp_path, site, dialect)
    assert sites.get("m", ("none", ""))[0] == "health", sites
    assert sites["m"][1].startswith("layout title"), sites
    assert "n" not in sites, sites


@pytest.mark.parametrize("dialect", _DIALECTS)
def test_a_gyms_layout_gives_its_contact_form_nothing(tmp_path, dialect) -> None:
    assert _scan(tmp_path, "Pulse Gym", dialect) == {}


def test_which_layouts_wrap_a_route_component(db) -> None:
    known = {"app/layout.tsx", "app/contact/layout.tsx", "app/blog/layout.tsx", "src/routes/+layout.svelte", "layouts/default.vue"}
    assert component_layouts("app/contact/page.tsx", known, db.component_files.layouts) == ["app/contact/layout.tsx", "app/layout.tsx"]
    assert component_layouts("src/routes/notes/+page.svelte", known, db.component_files.layouts) == ["src/routes/+layout.svelte"]
    assert component_layouts("pages/contact.vue", known, db.component_files.layouts) == ["layouts/default.vue"]
    # A component outside a router's folders is a piece of some page, not a route; a layout wraps nothing of its own.
    assert component_layouts("src/components/ContactForm.tsx", known, db.component_files.layouts) == []
    assert component_layouts("app/layout.tsx", known, db.component_files.layouts) == []
    assert is_component_layout("app/layout.tsx", db.component_files.layouts) and not is_component_layout(
        "src/components/default.vue", db.component_files.layouts
    )


def test_a_layout_components_title_as_code_writes_it() -> None:
    assert code_layout_sources('export const metadata: Metadata = {\n  title: "Clínica Dental Sonrisa",\n}') == (
        ("layout title", "Clínica Dental Sonrisa"),
    )
    assert code_layout_sources("useHead({ titleTemplate: '%s', title: 'Parrocchia San Luca' })") == (
        ("layout title", "Parrocchia San Luca"),
    )
    assert code_layout_sources("const title = 'Not a layout title';") == ()


def test_topic_words_of_the_context_data_name_a_site_and_look_alikes_do_not(db) -> None:
    from analyzer.facts.pagecontext import topic_of

    for title in ("Kraamzorg Mimi", "Radiologie – Rekvisition", "Rekvisition til billeddiagnostisk undersøgelse", "Xray/WebContent"):
        found = topic_of([("layout title", title)], db.fields)
        assert found is not None and found.category == "health", title
    for title in ("Radio Lisboa", "Xbox accessories", "Zorgeloos wonen", "Barcelona Tours"):
        assert topic_of([("layout title", title)], db.fields) is None, title


def test_nearness_counts_whole_folders_not_shared_letters() -> None:
    # A page in themes/shop/ is nearer its parent folder's layout than another theme whose name starts
    # with "shop" (themes/shopify-old/ shares letters, not a folder).
    from analyzer.resolve.layouts import _by_nearness

    uses = ["themes/shopify-old/layout.html", "themes/layout.html", "themes/shop/partials/layout.html"]
    assert _by_nearness("themes/shop/checkout.html", uses) == [
        "themes/shop/partials/layout.html",
        "themes/layout.html",
        "themes/shopify-old/layout.html",
    ]


# A site's home page names what a stand-alone form page does not (analyzer/resolve/layouts.py, ``site_homes``
# in signatures/template_conventions.toml): a static site's index.html, a PHP site whose index.php includes the
# head with the practice's name and the pages by a query parameter, a Jinja site whose home extends the base.
_HOME_SITES = {
    "html": {
        "index.html": "<html><head><title>{site}</title></head><body><h1>Welkom</h1></body></html>\n",
        "aanmelden.html": f"<html><head><title>Aanmelden</title>{_HOTJAR}</head><body><h1>Aanmelden</h1>\n{_FORM}\n</body></html>\n",
    },
    "php": {
        "index.php": "<?php include('includes/head.php'); ?>\n<?php isset($_GET['p']) ? include $_GET['p'] : include 'home.php'; ?>\n",
        "includes/head.php": "<html><head><title>{site}</title></head>\n",
        "home.php": "<h2>Openingstijden</h2>\n",
        "inschrijven.php": f"<html><head>{_HOTJAR}</head><body><h2>Inschrijven</h2>\n{_FORM}\n</body></html>\n",
    },
    "jinja": {
        "templates/base.html": "<html><head><title>{site}</title></head><body>{{% block content %}}{{% endblock %}}</body></html>\n",
        "templates/index.html": '{{% extends "base.html" %}}\n{{% block content %}}<h1>Welcome</h1>{{% endblock %}}\n',
        "templates/register.html": f"<html><head>{_HOTJAR}</head><body><h1>Register</h1>\n{_FORM}\n</body></html>\n",
    },
}


def _scan_files(tmp_path: Path, files: dict[str, str]) -> dict[str, tuple[str, str]]:
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    return {r.field.name: (r.field.classification.category, r.field.classification.context) for r in result.fields}


@pytest.mark.parametrize("dialect", sorted(_HOME_SITES))
def test_a_stand_alone_form_page_takes_the_topic_its_sites_home_page_names(tmp_path, dialect) -> None:
    files = {rel: text.format(site="Huisartsenpraktijk Van Dijk") for rel, text in _HOME_SITES[dialect].items()}
    sites = _scan_files(tmp_path, files)
    assert sites.get("m", ("none", ""))[0] == "health", sites
    assert sites["m"][1].startswith("site home page "), sites
    assert "n" not in sites, sites


@pytest.mark.parametrize("dialect", sorted(_HOME_SITES))
def test_a_gyms_home_page_gives_its_form_pages_nothing(tmp_path, dialect) -> None:
    files = {rel: text.format(site="Pulse Gym") for rel, text in _HOME_SITES[dialect].items()}
    assert _scan_files(tmp_path, files) == {}


def test_only_the_nearest_home_page_names_the_site(tmp_path) -> None:
    # A clinic's home in a sibling folder names nothing for the shop's order form; the shop's own home is read.
    files = {
        "clinic/index.html": "<html><head><title>Praxis für Psychotherapie</title></head><body></body></html>\n",
        "shop/index.html": "<html><head><title>Pulse Gym Shop</title></head><body></body></html>\n",
        "shop/order.html": f"<html><head>{_HOTJAR}</head><body>{_FORM}</body></html>\n",
    }
    assert _scan_files(tmp_path, files) == {}
    del files["shop/index.html"]
    assert _scan_files(tmp_path, files) == {}  # the sibling folder's home is not above the page


def test_a_projects_manifest_and_readme_say_what_it_is() -> None:
    from analyzer.facts.project_context import manifest_sources, readme_sources

    assert manifest_sources(b'{"name": "@acme/ordinace-dental", "description": "Objedn\\u00e1vky  pacient\\u016f"}') == (
        ("project name", "ordinace dental"),
        ("project description", "Objednávky pacientů"),
    )
    assert manifest_sources(b'{"name": "laravel/laravel"}') == (("project name", "laravel"),)
    assert manifest_sources(b"[1, 2]") == () and manifest_sources(b"{not json") == () and manifest_sources(b'{"name": 3}') == ()
    assert readme_sources("[![Build](https://ci/x.svg)](https://ci)\n\n# Site web de la *paroisse* Saint-Jean\n\nText") == (
        ("project readme title", "Site web de la paroisse Saint-Jean"),
    )
    assert readme_sources("Sistema Paroquial\n=================\n") == (("project readme title", "Sistema Paroquial"),)
    assert readme_sources("Just some text.\n\n- a list\n") == ()


_CONTACT_PAGE = f"<html><head>{_HOTJAR}</head><body><h2>Contact</h2>\n{_FORM}\n</body></html>\n"
_CONTACT_TSX = (
    'import Script from "next/script";\nexport default function Contact() {\n  return (<main><h2>Contact</h2>\n'
    + _JSX_FORM
    + '\n<Script src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6" /></main>);\n}\n'
)


@pytest.mark.parametrize(
    "files,evidence",
    [
        ({"package.json": '{"name": "clinica-dental-sonrisa"}', "src/pages/Contact.tsx": _CONTACT_TSX}, "project name in package.json"),
        ({"composer.json": '{"name": "acme/praxis-dr-weber"}', "public/kontakt.php": _CONTACT_PAGE}, "project name in composer.json"),
        ({"README.md": "# Sistema Paroquial\n", "app/contato.php": _CONTACT_PAGE}, "project readme title in README.md"),
    ],
)
def test_a_form_page_takes_the_topic_its_project_names(tmp_path, files, evidence) -> None:
    sites = _scan_files(tmp_path, files)
    what, _, name = evidence.partition(" in ")
    assert sites.get("m", ("none", ""))[0] in ("health", "religion"), sites
    assert sites["m"][1].startswith(what + " in ") and f"/{name} '" in sites["m"][1], sites
    assert "n" not in sites, sites


@pytest.mark.parametrize(
    "files",
    [
        {"package.json": '{"name": "pulse-gym", "description": "Classes and memberships"}', "src/pages/Contact.tsx": _CONTACT_TSX},
        {"README.md": "# Pulse Gym\n", "app/contact.php": _CONTACT_PAGE},
        # A project file in a sibling folder is not the page's project.
        {"clinic/package.json": '{"name": "clinica-dental"}', "shop/contact.php": _CONTACT_PAGE},
    ],
)
def test_a_gyms_project_gives_its_form_pages_nothing(tmp_path, files) -> None:
    assert _scan_files(tmp_path, files) == {}


def test_a_clones_folder_name_is_read_last(tmp_path, monkeypatch) -> None:
    # ``replaylint .`` inside a clone: the paths it reports do not name the folder, its name is still read.
    clinic, gym = tmp_path / "kraamzorg-mimi", tmp_path / "pulse-gym"
    for root in (clinic, gym):
        (root / "contact.html").parent.mkdir(parents=True)
        (root / "contact.html").write_text(_CONTACT_PAGE, encoding="utf-8")
    monkeypatch.chdir(clinic)
    found = run(ScanOptions(paths=(".",))).fields
    assert [(r.field.name, r.field.classification.category, r.field.classification.context) for r in found] == [
        ("m", "health", "project folder 'kraamzorg-mimi' (kraamzorg*)")
    ]
    monkeypatch.chdir(gym)
    assert run(ScanOptions(paths=(".",))).fields == []


_CAR_SERVICE = """<!DOCTYPE html><html lang="cs"><head><meta charset="UTF-8"><title>Autoservis Novák</title>{hotjar}</head>
<body><h1>Objednávka servisu</h1><form method="post"><label for="n">Jméno</label><input id="n" name="n">
<label for="x">Popis problému:</label><textarea id="x" name="x"></textarea><button>Odeslat</button></form></body></html>
"""


def test_a_problem_box_no_topic_places_is_left_unread(tmp_path) -> None:
    # A free-text box that waits for a topic and finds none on its page, layouts or project is not read by the learned
    # field model: it reads "Popis problému" as health at p 0.95 on a car service's page as on a clinic's (it learned
    # the word from clinics' forms), and on repair, returns and helpdesk pages alike.
    assert _scan_files(tmp_path, {"servis.html": _CAR_SERVICE.format(hotjar=_HOTJAR)}) == {}


@pytest.mark.parametrize("notes", ["Anotações", "Anotaciones", "Annotazioni", "Aantekeningen", "Noter"])
@pytest.mark.parametrize(("site", "expected"), [("Clínica Dental Sorriso", {"a": "health"}), ("Pulse Gym", {})])
def test_a_notes_box_in_every_language_takes_its_layouts_topic(tmp_path, notes: str, site: str, expected: dict) -> None:
    # A notes box waits for a topic only if its words say "write here"; the words for notes were missing in Portuguese,
    # Spanish, Italian, Dutch and Danish, so a patient record's "Anotações" under a clinic's layout took none.
    files = {
        "templates/base.html": f"<html><head><title>{site}</title>{_HOTJAR}</head><body>{{% block content %}}{{% endblock %}}"
        "</body></html>\n",
        "templates/exam.html": '{% extends "base.html" %}{% block content %}<form><label for=n>Nome</label><input id=n name=n>'
        f"<label for=a>{notes}</label><textarea id=a name=a></textarea></form>{{% endblock %}}\n",
    }
    assert {k: v[0] for k, v in _scan_files(tmp_path, files).items()} == expected


_RECORDED_PAGE = (
    'import Script from "next/script";\nimport { MODULES } from "../lib/questions";\n'
    "export default function Rechner() {\n  return (<main><h2>Rechner</h2>{MODULES.length}\n"
    '<Script src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6" /></main>);\n}\n'
)
_CARE_QUESTIONS = """export const SCALE = [
  { label: 'Selbstständig', value: 0 },
  { label: 'Überwiegend selbstständig', value: 1 },
  { label: 'Überwiegend unselbstständig', value: 2 },
  { label: 'Unselbstständig', value: 3 },
];
export const MODULES = [
  {
    title: 'Mobilität',
    items: [
      { id: 'treppe', text: 'Treppensteigen (eine Etage)', options: SCALE },
      { id: 'bett', text: 'Vom Bett in einen Stuhl wechseln', options: SCALE },
    ],
  },
  {
    title: 'Kontakt',
    items: [
      { id: 'notiz', text: 'Bemerkungen', type: 'textarea' },
    ],
  },
];
"""


@pytest.mark.parametrize("project", ["pflegedienst-sonnenschein", "kraamzorg-mimi"])
def test_a_definition_lists_scale_questions_take_the_topic_its_project_names(tmp_path, project) -> None:
    # "Treppensteigen: Selbstständig … Unselbstständig" defined as data in a care service's project: a care-needs
    # assessment's items, which the project's name places. A free-text box of the same list still takes no topic
    # from the project (an editor library's dialog copied under a clinic's folder is no clinical form).
    files = {"package.json": f'{{"name": "{project}"}}', "src/pages/Rechner.tsx": _RECORDED_PAGE, "src/lib/questions.ts": _CARE_QUESTIONS}
    sites = _scan_files(tmp_path, files)
    assert {name: got[0] for name, got in sites.items()} == {"treppe": "health", "bett": "health"}, sites
    assert sites["treppe"][1].startswith("project name in ") and "/package.json '" in sites["treppe"][1], sites


def test_a_gyms_definition_list_on_the_same_scale_is_nothing(tmp_path) -> None:
    files = {
        "package.json": '{"name": "pulse-gym", "description": "Classes and memberships"}',
        "src/pages/Rechner.tsx": _RECORDED_PAGE,
        "src/lib/questions.ts": _CARE_QUESTIONS,
    }
    assert _scan_files(tmp_path, files) == {}


_VITALS_JSX = """import { Input } from "@chakra-ui/react";
export default function MedicalInfoSection({ data, onChange }) {
  return (
    <section>
      <h3>Información Médica</h3>
      <label>Peso<input type="number" name="weight" value={data.weight} onChange={onChange} /></label>
      <label>Temperatura<input type="number" name="temperature" value={data.temperature} onChange={onChange} /></label>
      <label>Diagnóstico<textarea name="diagnosis" value={data.diagnosis} onChange={onChange} /></label>
    </section>
  );
}
"""
_VITE_MAIN = """import { createRoot } from "react-dom/client";
import MedicalInfoSection from "./modules/medical-fiche/MedicalInfoSection";
createRoot(document.getElementById("root")).render(<MedicalInfoSection data={{}} />);
"""
_VITE_HOME = """<!DOCTYPE html><html><head><title>{title}</title>
<script async src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6"></script></head>
<body><div id="root"></div><script type="module" src="/src/main.jsx"></script></body></html>
"""


@pytest.mark.parametrize(
    "files",
    [
        {"README.md": "# 🐾 Plataforma Web Veterinaria\n", "client-app/package.json": '{"name": "client-app"}'},
        {"client-app/package.json": '{"name": "client-app"}', "client-app/index.html": _VITE_HOME.format(title="Clinica Veterinaria")},
        {"package.json": '{"name": "pet-clinic", "description": "Appointments for your pet"}'},
    ],
)
def test_a_veterinary_projects_medical_fiche_is_no_persons_health(tmp_path, files) -> None:
    # A component of a vet clinic's app asks the patient's weight, temperature and diagnosis and names no animal; the
    # project does (its README's title, its app's home page, its manifest): the patient is an animal.
    files = {**files, "client-app/index.html": files.get("client-app/index.html", _VITE_HOME.format(title="App"))}
    files["client-app/src/modules/medical-fiche/MedicalInfoSection.jsx"] = _VITALS_JSX
    files["client-app/src/main.jsx"] = _VITE_MAIN
    assert _resolved_categories(tmp_path, files) == {}


def test_a_human_clinics_project_keeps_its_medical_fiche(tmp_path) -> None:
    files = {
        "README.md": "# Plataforma Web Clínica Médica\n",
        "client-app/package.json": '{"name": "client-app"}',
        "client-app/index.html": _VITE_HOME.format(title="Clínica San José"),
        "client-app/src/modules/medical-fiche/MedicalInfoSection.jsx": _VITALS_JSX,
        "client-app/src/main.jsx": _VITE_MAIN,
    }
    assert _resolved_categories(tmp_path, files) == {"weight": "health", "temperature": "health", "diagnosis": "health"}


def _resolved_categories(tmp_path: Path, files: dict[str, str]) -> dict[str, str]:
    """Every control of the scan's pages after the resolve stage (its sensitive readings, "-" for none: a health reading the
    resolve stage drops is no control at all), by name; the files written in a folder named for nothing."""
    folder = tmp_path / "site"
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return {s.name: s.classification.category for s in site_controls(folder)}


@pytest.mark.parametrize(
    "files",
    [
        # a nearer manifest names a human clinic: a farther README listing vets among other clinics says nothing of it
        {
            "README.md": "# Agenda Fácil: agendamento online para clínicas médicas, odontológicas e veterinárias\n",
            "client-app/package.json": '{"name": "clinica-medica-web", "description": "Prontuário da Clínica Médica São Lucas"}',
        },
        # a pet named in passing is no veterinary practice
        {"client-app/package.json": '{"name": "farmacia", "description": "Farmacia online: cuidamos de tu salud y la de tu mascota"}'},
    ],
)
def test_a_project_that_is_no_vets_keeps_its_health(tmp_path, files) -> None:
    files = {**files, "client-app/index.html": _VITE_HOME.format(title="App")}
    files["client-app/src/modules/medical-fiche/MedicalInfoSection.jsx"] = _VITALS_JSX
    files["client-app/src/main.jsx"] = _VITE_MAIN
    assert _resolved_categories(tmp_path, files) == {"weight": "health", "temperature": "health", "diagnosis": "health"}
