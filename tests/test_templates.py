"""Theme fixtures per template dialect (fixtures/templates/<dialect>): the whole theme is scanned,
so composition (extends, include, render, partial, get_template_part, default layouts) counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run
from tests.annotations import parse
from tests.conftest import FIXTURES, finishes_within

THEMES = sorted(p for p in (FIXTURES / "templates").iterdir() if p.is_dir())


def _expected(theme: Path) -> tuple[set, set]:
    detections, fields = set(), set()
    for path in theme.rglob("*"):
        if not path.is_file() or path.name == "README.md" or path.suffix in (".css", ".json", ".png", ".yml", ".toml"):
            continue
        rel = path.relative_to(theme).as_posix()
        for e in parse(path.read_text(encoding="utf-8", errors="replace")):
            if e.kind == "detection":
                detections.add((rel, e.line, e.subject, e.status))
            elif e.kind == "field":
                exposed = tuple(sorted(v for v in e.options.get("exposed", "none").split(",") if v and v != "none"))
                fields.add((rel, e.line, e.subject, exposed))
    return detections, fields


@pytest.mark.parametrize("theme", THEMES, ids=[t.name for t in THEMES])
def test_theme_detections_and_fields_match_annotations(theme: Path) -> None:
    want_det, want_fields = _expected(theme)
    result = run(ScanOptions(paths=(str(theme),)))

    def rel(p: str) -> str:
        return Path(p).resolve().relative_to(theme.resolve()).as_posix()

    got_det = {(rel(d.location.path), d.location.line, d.vendor, d.verdict.status.value) for d in result.detections}
    assert got_det == want_det, {"missing": sorted(want_det - got_det), "unexpected": sorted(got_det - want_det)}
    got_fields = {(rel(r.path), r.field.line, r.field.classification.category, tuple(sorted(r.exposed))) for r in result.fields}
    assert got_fields == want_fields, {"missing": sorted(want_fields - got_fields), "unexpected": sorted(got_fields - want_fields)}


def test_every_dialect_has_a_theme() -> None:
    assert {t.name for t in THEMES} >= {"wordpress", "shopify", "twig", "jinja", "handlebars", "erb", "hugo", "blade", "latte"}


def test_latte_tags_are_read_and_a_script_s_braces_stay_text() -> None:
    # Latte's tags open with "{" and a tag name or sigil: {if …}, {/if}, {$x}, {=x}, {_'…'}, {* … *}. A script's and a
    # style's braces ("{hjid:…}", "{ margin: 0 }", "{c[a]=…}") are no tags: a recorder's inline snippet stays whole.
    from analyzer.parse import templates

    text = (
        "{* note *}{if $consent->analytics}<p>{$patient->name}</p>{/if}{=$x}<b>{_'Diagnóza'}</b>\n"
        "<style>body { margin: 0 }</style><script>h._hjSettings={hjid:1,hjsv:6};(function(c){c[a]=1})</script>\n"
    )
    neutral, tpl = templates.analyse(text, "latte")
    assert len(neutral) == len(text) and neutral.count("\n") == text.count("\n")
    assert "{hjid:1,hjsv:6}" in neutral and "{ margin: 0 }" in neutral and "(function(c){c[a]=1})" in neutral
    assert "{if" not in neutral and "{/if}" not in neutral and "note" not in neutral and "$patient" not in neutral
    assert [b.condition for b in tpl.branches] == ["$consent->analytics"]
    assert templates.dialect("app/UI/Home/default.latte", text) == "latte"
    # Where Latte reads no tag ({syntax off} … {/syntax}, an element with n:syntax="off"), a script's "{var s=…}" stays.
    verbatim = '<script n:syntax="off">(function(){var s=1})()</script>\n{syntax off}<script>{var a=1}{l}</script>{/syntax}{l}'
    neutral = templates.analyse(verbatim, "latte")[0]
    assert "(function(){var s=1})()" in neutral and "<script>{var a=1}{l}</script>" in neutral and "{syntax" not in neutral
    assert neutral.endswith(" { ")  # {l} outside prints a brace
    assert templates.analyse("<h1>{_}Diagnóza{/_}</h1>", "latte")[0] == "<h1>   Diagnóza    </h1>"  # a translated text


def test_a_latte_layout_named_relative_to_its_template_chains_to_the_root_layout(tmp_path: Path) -> None:
    # app/UI/Admin/@layout.latte says {layout '../@layout.latte'}: the root layout, which loads Hotjar, wraps the admin
    # pages too, so an admin page's select is recorded. A name that climbs to a file the scan lacks names none.
    from tests.conftest import site_fields

    files = {
        "app/UI/@layout.latte": '<html><head><script async src="https://static.hotjar.com/c/hotjar-4410001.js?sv=6"></script>'
        "</head><body>{include content}</body></html>\n",
        "app/UI/Admin/@layout.latte": "{layout '../@layout.latte'}\n{block content}<nav>admin</nav>{include body}{/block}\n",
        "app/UI/Admin/Pacient/default.latte": "{block body}<form><label for=v>Vyznání</label>"
        '<select id=v name="vira"><option>Římskokatolické</option></select></form>{/block}\n',
        "app/UI/Other/@layout.latte": "{layout '../../missing/@layout.latte'}\n{block content}{include body}{/block}\n",
        "app/UI/Other/Pacient/default.latte": "{block body}<form><label for=d>Diagnóza</label>"
        '<select id=d name="diagnoza"><option>Astma</option></select></form>{/block}\n',
    }
    found = site_fields(tmp_path, files)
    assert found["vira"][0] == "religion", found
    assert "diagnoza" not in found, found  # its layout names one the scan does not hold: nothing records it


def test_symfony_logical_template_names_chain_a_page_to_its_layout(tmp_path: Path) -> None:
    # Symfony 2 and 3 name templates Bundle:Folder:file: "::base.html.twig" is app/Resources/views/base.html.twig, and
    # "AppBundle::layout.html.twig" src/AppBundle/Resources/views/layout.html.twig. The base loads Hotjar, so a page
    # that extends either records its form; before, the name matched no file and the page recorded nothing.
    from tests.conftest import site_fields

    page = '{{% extends "{parent}" %}}{{% block body %}}<form><label for="{name}">Diagnose</label><input id="{name}" name="{name}">'
    files = {
        "app/Resources/views/base.html.twig": '<html><head><script async src="https://static.hotjar.com/c/hotjar-3456781.js'
        '?sv=6"></script></head><body>{% block body %}{% endblock %}</body></html>\n',
        "app/Resources/views/Contact/index.html.twig": page.format(parent="::base.html.twig", name="own") + "</form>{% endblock %}",
        "src/AppBundle/Resources/views/layout.html.twig": '{% extends "::base.html.twig" %}\n',
        "src/AppBundle/Resources/views/Booking/new.html.twig": page.format(parent="AppBundle::layout.html.twig", name="bundle")
        + "</form>{% endblock %}",
        # A bundle the project does not hold (a vendor's FOSUserBundle) names no file of it: nothing records this page.
        "src/AppBundle/Resources/views/Other/new.html.twig": page.format(parent="FOSUserBundle::layout.html.twig", name="other")
        + "</form>{% endblock %}",
    }
    found = site_fields(tmp_path, files)
    assert found["own"][0] == "health" and found["bundle"][0] == "health", found
    assert "other" not in found, found


def test_symfony_names_pick_the_application_s_views_and_its_override_first(tmp_path: Path) -> None:
    # "::base.html.twig" is app/Resources/views/base.html.twig, never a bundle's base of the same name; an application's
    # override (app/Resources/AppBundle/views/) wins over the bundle's own template, as in Symfony.
    from tests.conftest import site_fields

    hotjar = '<script async src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6"></script>'
    page = '{{% extends "{parent}" %}}{{% block body %}}<form><label for="{name}">Diagnose</label><input id="{name}" name="{name}">'
    files = {
        "app/Resources/views/base.html.twig": "<html><head></head><body>{% block body %}{% endblock %}</body></html>\n",
        "src/AdminBundle/Resources/views/base.html.twig": f"<html><head>{hotjar}</head><body>{{% block body %}}{{% endblock %}}"
        "</body></html>\n",
        "src/AdminBundle/Resources/views/Patient/new.html.twig": page.format(parent="::base.html.twig", name="app_base")
        + "</form>{% endblock %}",
        "app/Resources/AppBundle/views/layout.html.twig": '{% extends "::base.html.twig" %}\n',
        "src/AppBundle/Resources/views/layout.html.twig": f"<html><head>{hotjar}</head><body>{{% block body %}}{{% endblock %}}"
        "</body></html>\n",
        "src/AppBundle/Resources/views/Booking/new.html.twig": page.format(parent="AppBundle::layout.html.twig", name="override")
        + "</form>{% endblock %}",
    }
    found = site_fields(tmp_path, files)
    assert "app_base" not in found and "override" not in found, found  # both render in the recorder-free base


def test_a_long_symfony_name_costs_no_more_than_a_short_one() -> None:
    from analyzer.resolve.composition import _symfony_names

    assert _symfony_names("Ab" * 32_000 + "::layout.html.twig") == []
    assert len(_symfony_names("AaBbCcDdEeFfGgHhBundle::layout.html.twig")) == 2 + 4


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ("wp_has_consent('statistics')", 1),
        ("!is_admin() && wp_has_consent('statistics')", 1),
        ("is_user_logged_in() && !wp_has_consent('statistics')", -1),  # runs only without consent
        ("wp_has_consent('statistics') || cmplz_has_consent('statistics')", 1),
        ("!function_exists('wp_has_consent') || wp_has_consent('statistics')", 0),  # fail-open
        ("is_production() or cookies[:consent_analytics] == 'yes'", 0),
        ("(wp_has_consent('statistics'))", 1),
        ("(is_admin()) && (wp_has_consent('statistics'))", 1),
        # Forms this reader does not follow, each of which can hold without consent (an adversarial review's false
        # "gated" verdicts): none is a check.
        ("not(wp_has_consent('statistics'))", -1),
        ("cookies.consent_analytics is same as(false)", 0),
        ("cookies.consent_analytics is false", 0),
        ("cookies.consent_analytics is none", 0),
        ("cookies.consent_analytics is not defined", 0),
        ("cookies.consent_analytics in ['', none, false]", 0),
        ("cookies.consent_analytics ?? true", 0),
        ("cookies.consent_analytics | default(true)", 0),
        ("$_COOKIE['consent_analytics'] <> 'yes'", 0),
        ("wp_has_consent('statistics') xor true", 0),
        ("cookies.consent_analytics == ''", 0),  # its else takes a cookie set to "no" too
        ("cookies.consent_analytics == 'no'", 0),
        ("not (wp_has_consent('statistics') or is_user_logged_in())", 0),  # the else takes a logged-in refuser too
        ("not wp_has_consent('statistics')", -1),
        ("cookies.consent_analytics < 1", 0),
        ("cookies[:consent_analytics].nil?", 0),
        ("empty($_COOKIE['consent_analytics'])", 0),
        ("is_null($_COOKIE['consent_analytics'] ?? null)", 0),
        ("eq .Site.Params.consent.analytics false", 0),
        ("settings.analytics_cookies_enabled", 0),  # the theme's setting, the same for every visitor
        # and the forms it does follow stay checks
        ("request()->cookie('analytics_consent') === 'yes'", 1),
        ("cookies.consent_analytics is defined and cookies.consent_analytics == 'yes'", 1),
    ],
)
def test_server_condition_polarity_reads_each_part_with_its_own_negation(condition: str, expected: int) -> None:
    from analyzer import signatures
    from analyzer.consent import template_gate

    assert template_gate.polarity(condition, template_gate.vocabulary(signatures.load()))[0] == expected


GATED_SHAPES = {
    # An apostrophe in a heredoc must not open a string that swallows the consent branch.
    "head.php": (
        "<?php\n$note = <<<TXT\nDon't track me\nTXT;\n"
        "if ( wp_has_consent( 'statistics' ) ) { ?>\n"
        '<script async src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>\n<?php }\n'
    ),
    # An output tag that opens a block is closed by its own <% end %>, not the consent branch's.
    "show.html.erb": (
        '<% if cookies[:consent_analytics] == "yes" %>\n'
        '  <%= form_with url: "/search" do |f| %>\n    <%= f.text_field :q %>\n  <% end %>\n'
        '  <script async src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>\n<% end %>\n'
    ),
    # Latte: a {if} block, and an n:if attribute on the script itself (its value holds "->": no tag's end).
    "block.latte": (
        '{* layout *}\n{if $cookieConsent->analytics}\n<script async src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>\n{/if}\n'
    ),
    "attribute.latte": (
        '<div class="x">{$title}</div>\n<script n:if="$cookieConsent->analytics" async\n'
        '  src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>\n'
    ),
}


@pytest.mark.parametrize("name", sorted(GATED_SHAPES))
def test_template_syntax_around_a_consent_branch_keeps_it_gated(name: str, tmp_path: Path) -> None:
    (tmp_path / name).write_text(GATED_SHAPES[name])
    [d] = run(ScanOptions(paths=(str(tmp_path),))).detections
    assert d.verdict.status.value == "gated"


_MOUSEFLOW = '<script src="//cdn.mouseflow.com/projects/abc.js" async></script>'
# A condition that reads the visitor's own banner choice, no category: the recorder may wait for
# consent, or for a choice that is not analytics consent. Never gated, no longer called ungated.
UNREAD_CHOICES = {
    "tracking.php": "<?php if (isset($_COOKIE['cookiebanner-accepted']) && $_COOKIE['cookiebanner-accepted'] == 1): ?>\n"
    + _MOUSEFLOW
    + "\n<?php endif; ?>\n",
    "tracking.html.twig": "{% if app.request.cookies.get('gdpr_choice') %}\n" + _MOUSEFLOW + "\n{% endif %}\n",
    "tracking.blade.php": "@if(session('consent_given'))\n" + _MOUSEFLOW + "\n@endif\n",
}
# Conditions that are no consent choice, or render when the choice is missing: still ungated.
STILL_UNGATED = {
    "theme.php": f"<?php if (isset($_COOKIE['theme']) && $_COOKIE['theme'] == 'dark'): ?>\n{_MOUSEFLOW}\n<?php endif; ?>\n",
    "negated.php": f"<?php if (!isset($_COOKIE['cookiebanner-accepted'])): ?>\n{_MOUSEFLOW}\n<?php endif; ?>\n",
    "else.html.twig": "{% if app.request.cookies.get('gdpr_choice') %}\n<p>thanks</p>\n{% else %}\n" + _MOUSEFLOW + "\n{% endif %}\n",
    "banner.html.twig": "{% if show_banner %}\n" + _MOUSEFLOW + "\n{% endif %}\n",
    # Latte: an n:if that is no consent check, on the element that holds the recorder; and one on an element the
    # recorder only follows.
    "login.latte": '<div n:if="$user->isLoggedIn()">\n  <div><p>staff</p></div>\n  ' + _MOUSEFLOW + "\n</div>\n",
    "sibling.latte": '<p n:if="$cookieConsent->analytics">Thanks!</p>\n' + _MOUSEFLOW + "\n",
    # An n:if Latte does not read (in a comment, an HTML comment, where its syntax is off) makes no branch.
    "commented.latte": '<div id="page">{* <div n:if="$cookieConsent->analytics"> *}\n' + _MOUSEFLOW + "\n</div>\n",
    "html-commented.latte": '<div id="page"><!-- <div n:if="$cookieConsent->analytics"> -->\n' + _MOUSEFLOW + "\n</div>\n",
    "syntax-off.latte": '<div id="page">{syntax off}<div n:if="$cookieConsent->analytics">{/syntax}\n' + _MOUSEFLOW + "\n</div>\n",
    # A loop's "else" inside a condition that renders the recorder only without consent is no "else" of that condition.
    "loop-else.latte": "{if !$cookieConsent->analytics}{foreach $items as $x}{$x}{else}-{/foreach}\n" + _MOUSEFLOW + "\n{/if}\n",
    "loop-else.html.twig": (
        "{% if not consent.analytics %}{% for x in items %}{{ x }}{% else %}-{% endfor %}\n" + _MOUSEFLOW + "\n{% endif %}\n"
    ),
}


@pytest.mark.parametrize("name", sorted(UNREAD_CHOICES))
def test_a_server_condition_reading_a_consent_choice_without_a_category_is_unverifiable(name: str, tmp_path: Path) -> None:
    (tmp_path / name).write_text(UNREAD_CHOICES[name])
    [d] = run(ScanOptions(paths=(str(tmp_path),))).detections
    assert (d.vendor, d.verdict.status.value) == ("mouseflow", "unverifiable"), d.verdict.evidence
    assert "consent choice" in d.verdict.evidence


@pytest.mark.parametrize("name", sorted(STILL_UNGATED))
def test_a_condition_that_is_no_consent_choice_leaves_the_recorder_ungated(name: str, tmp_path: Path) -> None:
    (tmp_path / name).write_text(STILL_UNGATED[name])
    [d] = run(ScanOptions(paths=(str(tmp_path),))).detections
    assert (d.vendor, d.verdict.status.value) == ("mouseflow", "ungated"), d.verdict.evidence


@pytest.mark.parametrize(
    "php",
    [
        "<?php if ($a) { x(); } elseif ($b) y(); ?>",
        "<?php if ($a) { x(); } else if ($b) y(); ?>",
        "<?php if ($a) { x(); } elseif ($b): ?><p>b</p><?php endif; ?>",
    ],
)
def test_an_elseif_without_a_brace_after_a_braced_if_ends(php: str) -> None:
    """WordPress core's wp-admin/themes.php mixes a braced ``if`` with an ``elseif`` that opens no
    brace: the reader looked for the brace, did not find it and read the region again from its
    start, for ever (a whole-repository scan never finished)."""
    from analyzer.parse import templates

    with finishes_within(10, "the PHP block reader"):
        branches = templates.analyse(php, "php")[1].branches
    assert [(b.condition, b.needs_true) for b in branches][:2] == [("$a", True), ("$b", True)]


@pytest.mark.parametrize(
    ("php", "kept", "gone"),
    [
        # A form control or its label printed from a string literal, concatenated or in a heredoc: its markup stays.
        ('<?php echo \'<label for="d">Diagnosis</label><input id="d" name="diagnosis">\'; ?>', 'name="diagnosis"', "echo"),
        ("<?php echo '<input name=\"' . $n . '\" value=\"' . $v . '\">'; ?>", "<input name=", "$n"),
        ('<?php print <<<HTML\n<select name="religion"><option>Catholic</option>\nHTML;\n?>', '<select name="religion">', "HTML;"),
        # The "'>" between two pieces of markup closes the attribute and the tag: it stays with them.
        ('<?php while ($r = f()) { echo "<option value=\'".$r[0]."\'>".$r[1]."</option>"; } ?>', "'>", "$r"),
        # ...but a comparison in the next statement is no part of that markup.
        ("<?php echo '<p>Hi</p>'; $q = \"SELECT id WHERE age > 18\"; ?>", "<p>Hi</p>", "SELECT"),
        # A string without a tag (SQL with comparisons, a message) stays code.
        ("<?php $q = \"SELECT id FROM visits WHERE age < 18 AND notes <> ''\"; ?>", "", "SELECT"),
        # Escaped quotes print quotes: the values are what PHP prints, no blank inside them ("hidden ", "diag ").
        ('<?php echo "<input type=\\"hidden\\" name=\\"diag\\">\\n"; ?>', '<input type="hidden" name="diag">', "\\"),
        ('<?php echo "<p>\\"a\\"</p>\n<input type=\\"text\\" name=\\"x\\">"; ?>', '<input type="text" name="x">', '"x "'),
        # Text a statement prints as it is: a heading printed in each branch of an if, a label printed by an output tag.
        ('<?php if ($c == 7) { echo "Ficha Clinica I"; } elseif ($c == 15) { echo "Ficha Clinica II"; } ?>', "Ficha Clinica II", "elseif"),
        ("<?php echo 'Diagnóstico'; ?>", "Diagnóstico", "echo"),
        ("<?= 'Alergias' ?>", "Alergias", "<?="),
        ("<?php if ($es) echo 'Religión'; else: print('Religion'); endif; ?>", "Religion", "print"),
        # ...not a string the code keeps, compares or passes on.
        ("<?php $t = 'Diagnosis'; if ($x == 'religion') { log_it('patient record'); } ?>", "", "Diagnosis"),
        ("<?php $t = 'Diagnosis'; if ($x == 'religion') { log_it('patient record'); } ?>", "", "religion"),
        ("<?php $t = 'Diagnosis'; if ($x == 'religion') { log_it('patient record'); } ?>", "", "patient record"),
    ],
)
def test_markup_php_prints_from_a_string_literal_is_read(php: str, kept: str, gone: str) -> None:
    from analyzer.parse import templates

    text = templates.analyse(php, "php")[0]
    assert len(text) == len(php) and text.count("\n") == php.count("\n")
    assert kept in text and gone not in text, text


@pytest.mark.parametrize(
    ("php", "kept", "gone"),
    [
        # A tag left open by one statement and closed by later ones that print its pieces (CodeIgniter views print
        # each option so): without its closing quote and ">", the rest of the page would be read as a value.
        (
            "<select name=\"look\"><?php for ($i = 0; $i < 9; $i++) { echo '<option value=\"'.$i.'\"';"
            " if ($look == $i) { echo 'selected'; } echo '>'; echo $l->line('x'.$i).'</option>'; } ?></select>",
            '<option value=" " > </option>',
            "selected",
        ),
        # ...but a later statement that prints nothing is no part of that tag.
        ("<?php echo '<option value=\"' . $i . '\"'; $q = \"SELECT id WHERE age > 18\"; ?>", '<option value="', "SELECT"),
    ],
)
def test_a_tag_later_statements_close_is_read_closed(php: str, kept: str, gone: str) -> None:
    import re

    from analyzer.parse import templates

    text = templates.analyse(php, "php")[0]
    assert len(text) == len(php) and text.count("\n") == php.count("\n")
    flat = re.sub(r"\s+", " ", text)
    assert kept in flat and gone not in flat, flat


def test_reading_a_php_block_costs_time_in_proportion_to_its_literals() -> None:
    # One markup literal, then 600,000 statements with a literal each: whether each later literal continues the
    # markup's statement is known without scanning back to it (quadratic, that took half a minute).
    from analyzer.parse import templates

    with finishes_within(15, "the PHP block reader"):
        for php in ("<?php echo '<p>'; " + "$a = 'x'; " * 600_000 + "?>", "<?php echo " + "'<p>' . " * 300_000 + "'x' ?>"):
            assert len(templates.analyse(php, "php")[0]) == len(php)


def test_controls_php_echoes_with_escaped_quotes_are_read_as_printed(tmp_path: Path) -> None:
    # echo "<input type=\"checkbox\" …>": its type and name are what PHP prints; the code between the literals is no
    # label (the ";" that ends a statement is not the text "0" before the next control).
    from analyzer import signatures
    from analyzer.facts import fieldfacts
    from analyzer.read.discover import SourceFile, classify
    from analyzer.read.engine import analyze

    php = (
        "<html><body>\n<?php\n"
        'echo "<form method=\\"post\\">";\n'
        'echo "<label for=\\"diag\\">Diagnóstico</label>";\n'
        'echo "<input type=\\"text\\" name=\\"diag\\" id=\\"diag\\">";\n'
        "echo \"<textarea name='alergias' placeholder='Alergias'></textarea>\";\n"
        'print("<input type=\\"checkbox\\" name=\\"fumador\\"> Fumador");\n'
        'echo "<input type=\\"hidden\\" name=\\"token\\">";\n'
        'echo "</form>";\n?>\n</body></html>\n'
    )
    path = tmp_path / "form.php"
    path.write_text(php, encoding="utf-8")
    with fieldfacts.every_control("-"):
        fields = analyze(SourceFile(path, path.name, classify(path)), signatures.load(), 10 * 1024 * 1024).fields
    read = {f.name: (f.line, f.tag, f.texts) for f in fields}
    assert set(read) == {"diag", "alergias", "fumador"}, read  # the hidden input is hidden
    assert read["diag"][2].get("label") == "Diagnóstico"
    assert "label" not in read["alergias"][2], read
    assert read["fumador"][2].get("options") == "Fumador", read


_PHP_LOOPS = """<?php
$groupes = ['A+', 'A-', 'B+', 'B-'];
$tabacOptions = ['non' => 'Non-fumeur', 'oui' => 'Fumeur'];
$rows = $db->query("SELECT * FROM medecins");
?>
<form method="post">
  <label>Groupe sanguin</label>
  <select name="groupe_sanguin">
    <?php foreach ($groupes as $g): ?>
      <option value="<?= $g ?>"><?= $g ?></option>
    <?php endforeach; ?>
  </select>
  <p>Tabac</p>
  <?php foreach ($tabacOptions as $val => $label) { ?>
      <label class="radio-item"><input type="radio" name="tabac" value="<?= $val ?>"> <?= $label ?></label>
  <?php } ?>
  <label>Médecin</label>
  <select name="medecin">
  <?php foreach ($rows as $r) { ?>
    <option><?= $r['nom'] ?></option>
  <?php } ?>
  </select>
</form>
"""


def test_a_php_loop_over_a_literal_list_prints_one_option_or_box_per_item(tmp_path: Path) -> None:
    # foreach over an array the file writes as a literal: each item's option, or radio with its text; a loop over a
    # query's rows stays as written. The text keeps its length and its line breaks.
    from analyzer import signatures
    from analyzer.facts import fieldfacts
    from analyzer.parse import php_loops, templates
    from analyzer.read.discover import SourceFile, classify
    from analyzer.read.engine import analyze

    neutral = templates.analyse(_PHP_LOOPS, "php")[0]
    written = php_loops.write(_PHP_LOOPS, neutral)
    assert len(written) == len(neutral) and [i for i, c in enumerate(written) if c == "\n"] == [
        i for i, c in enumerate(neutral) if c == "\n"
    ]
    path = tmp_path / "dossier.php"
    path.write_text(_PHP_LOOPS, encoding="utf-8")
    with fieldfacts.every_control("-"):
        fields = analyze(SourceFile(path, path.name, classify(path)), signatures.load(), 10 * 1024 * 1024).fields
    read = {f.name: f.texts for f in fields}
    assert read["groupe_sanguin"]["options"] == "A+ A- B+ B-", read
    assert read["tabac"].get("choices") == "Non-fumeur / Fumeur" and read["tabac"]["question"] == "Tabac", read
    assert "options" not in read["medecin"] or "Non" not in read["medecin"]["options"], read


def test_a_page_opening_with_raw_or_if_outside_a_template_folder_is_not_read_as_a_template(tmp_path: Path) -> None:
    # Only a statement a Jinja, Nunjucks or Django template writes ({% extends %}, {% from … import %}) makes a page
    # outside a template folder a template: a Jekyll page without front matter is copied as it stands, so the
    # {% if %} around its recorder never runs, and {% raw %} prints what it holds. Both recorders are ungated.
    from analyzer.scan import ScanOptions, run

    hotjar = '<script async src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6"></script>'
    raw = "{% raw %}\n<html><head>{% if consent.analytics %}" + hotjar + "{% endif %}</head></html>\n{% endraw %}\n"
    (tmp_path / "raw.html").write_text(raw)
    (tmp_path / "index.html").write_text("{% if consent.analytics %}\n" + hotjar + "\n{% endif %}\n")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    assert sorted((d.location.path.rsplit("/", 1)[-1], d.verdict.status) for d in result.detections) == [
        ("index.html", "ungated"),
        ("raw.html", "ungated"),
    ]


@pytest.mark.parametrize(
    ("path", "opener", "closer"),
    [
        ("templates/base.html", "{% raw %}", "{% endraw %}"),  # Jinja
        ("templates/base.njk", "{%- raw -%}", "{%- endraw -%}"),  # Nunjucks, whitespace control
        ("templates/base.html.twig", "{% verbatim %}", "{% endverbatim %}"),  # Twig
        ("templates/base.html", "{% verbatim js %}", "{% endverbatim js %}"),  # Django, a named block
        ("_includes/head.liquid", "{% raw %}", "{% endraw %}"),  # Liquid: its content was blanked, the recorder lost
        ("resources/views/head.blade.php", "@verbatim", "@endverbatim"),  # Blade
        ("views/partials/head.hbs", "{{{{raw}}}}", "{{{{/raw}}}}"),  # Handlebars' raw block
    ],
    ids=["jinja-raw", "nunjucks-raw", "twig-verbatim", "django-verbatim", "liquid-raw", "blade-verbatim", "handlebars-raw"],
)
def test_a_raw_block_prints_its_content_so_an_if_inside_it_gates_nothing(tmp_path: Path, path: str, opener: str, closer: str) -> None:
    # The engine prints a raw or verbatim block as it is written: the {% if %} inside it is text the visitor's browser
    # gets, never a condition, so the recorder it holds loads for everyone (a false "gated" before).
    from analyzer.scan import ScanOptions, run

    hotjar = '<script async src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6"></script>'
    (tmp_path / path).parent.mkdir(parents=True)
    condition, end = {
        "php": ("@if($consent->analytics)", "@endif"),
        "hbs": ("{{#if consent.analytics}}", "{{/if}}"),
    }.get(path.rsplit(".", 1)[-1], ("{% if consent.analytics %}", "{% endif %}"))
    (tmp_path / path).write_text(f"{opener}\n{condition}{hotjar}{end}\n{closer}\n")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    assert [(d.location.line, d.verdict.status) for d in result.detections] == [(2, "ungated")]


def test_a_raw_block_elsewhere_on_the_page_leaves_a_real_condition_gating(tmp_path: Path) -> None:
    # Look-alike: a client-side template kept raw ({{ x }} for the browser's own engine) beside a recorder that the
    # server renders only after consent; the raw block's text is not read as tags, the {% if %} outside it still is.
    from analyzer.scan import ScanOptions, run

    hotjar = '<script async src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6"></script>'
    (tmp_path / "templates").mkdir()
    page = "{% raw %}<p>{{ x }}{% if y %}</p>{% endraw %}\n{% if consent.analytics %}\n" + hotjar + "\n{% endif %}\n"
    (tmp_path / "templates" / "base.html").write_text(page)
    result = run(ScanOptions(paths=(str(tmp_path),)))
    assert [(d.location.line, d.verdict.status) for d in result.detections] == [(3, "gated")]


def test_an_escaped_blade_directive_is_text_and_gates_nothing(tmp_path: Path) -> None:
    # "@@if" prints "@if" (Blade's escape for a framework that uses the same syntax): no condition, so the recorder below
    # it loads for everyone; "@{{ consent }}" is a script's own binding. The real @if beside them still gates.
    from analyzer.scan import ScanOptions, run

    hotjar = '<script async src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6"></script>'
    (tmp_path / "resources" / "views").mkdir(parents=True)
    escaped = "@@if($consent->analytics)\n@{{ consent }}\n" + hotjar + "\n@@endif\n"
    (tmp_path / "resources" / "views" / "escaped.blade.php").write_text(escaped)
    (tmp_path / "resources" / "views" / "real.blade.php").write_text("@if($consent->analytics)\n" + hotjar + "\n@endif\n")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    assert sorted((d.location.path.rsplit("/", 1)[-1], d.location.line, d.verdict.status) for d in result.detections) == [
        ("escaped.blade.php", 3, "ungated"),
        ("real.blade.php", 2, "gated"),
    ]


_HJ = '<script src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6"></script>'


@pytest.mark.parametrize(
    ("path", "page", "status"),
    [
        ("views/layout.ejs", "<% if (consent.analytics) { %>\n" + _HJ + "\n<% } %>\n", "gated"),
        ("views/layout.ejs", "<% if (consent.analytics) { %>\n<p>ok</p>\n<% } else { %>\n" + _HJ + "\n<% } %>\n", "ungated"),
        ("WEB-INF/page.jsp", "<% if (consent.analytics) { %><% } else { %>\n" + _HJ + "<% } %>\n", "ungated"),
        ("views/a.ejs", "<% if (consent.analytics) { %>x<% } %><% if (y) { %><% } else { %>\n" + _HJ + "<% } %>\n", "ungated"),
        ("views/a.ejs", "<% if (consent.analytics) { %><% } %><% { %>\n" + _HJ + "<% } %>\n", "ungated"),
        ("views/a.ejs", "<% if (consent.analytics) { %><% }; if (true) { %>\n" + _HJ + "<% } %>\n", "ungated"),
        ("views/a.ejs", "<% if (consent.analytics) { %><% } else if (true) { %>\n" + _HJ + "<% } %>\n", "ungated"),
        (
            "views/a.ejs",
            "<% items.forEach(function (i) { %><%= i %><% }) %>\n<% if (consent.analytics) { %>\n" + _HJ + "\n<% } %>\n",
            "gated",
        ),
        ("app/views/a.html.erb", "<% @items.each { |i| %><%= i %><% } %>\n<% if consent_analytics? %>\n" + _HJ + "\n<% end %>\n", "gated"),
    ],
    ids=[
        "ejs-if",
        "ejs-else",
        "jsp-else",
        "ejs-second-if",
        "ejs-bare-block",
        "ejs-two-statements",
        "ejs-else-if",
        "ejs-loop",
        "erb-brace-block",
    ],
)
def test_a_scriptlets_braces_open_and_close_its_branches(tmp_path: Path, path: str, page: str, status: str) -> None:
    # EJS, JSP and ASP.NET scriptlets write their blocks in braces: "} else {" was no else and "}" closed nothing, so a
    # recorder in the else branch, or anywhere after a consent if, was read as gated (a false "gated").
    from analyzer.scan import ScanOptions, run

    (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / path).write_text(page)
    result = run(ScanOptions(paths=(str(tmp_path),)))
    assert [d.verdict.status for d in result.detections] == [status]


def test_an_escaped_handlebars_mustache_is_text_and_gates_nothing(tmp_path: Path) -> None:
    # "\{{#if consent.analytics}}" prints the tag as text (handlebarsjs.com, "Escaping Handlebars expressions"): the
    # recorder after it loads for everyone. A real {{#if}} beside it still gates.
    from analyzer.scan import ScanOptions, run

    (tmp_path / "views").mkdir()
    (tmp_path / "views" / "escaped.hbs").write_text("\\{{#if consent.analytics}}\n" + _HJ + "\n\\{{/if}}\n")
    (tmp_path / "views" / "real.hbs").write_text("{{#if consent.analytics}}\n" + _HJ + "\n{{/if}}\n")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    assert sorted((d.location.path.rsplit("/", 1)[-1], d.verdict.status) for d in result.detections) == [
        ("escaped.hbs", "ungated"),
        ("real.hbs", "gated"),
    ]


@pytest.mark.parametrize(
    ("page", "status"),
    [
        # Ruby's braces inside an if written without parentheses stay Ruby's: the else is the inner if's (an adversarial
        # review's false "gated": the brace reader took the scriptlet and the else attached to the consent if).
        (
            '<% if cookies[:consent_analytics] != "yes" %>\n<% if @items.any? { |i| i.paid? } %>\n<p>thanks</p>\n<% else %>\n'
            + _HJ
            + "\n<% end %>\n<% end %>\n",
            "ungated",
        ),
        (
            '<% if cookies[:consent_analytics] == "yes" %>\n<% if request.path == "/#{I18n.locale}/x" %>\n'
            + _HJ
            + "\n<% end %>\n<% end %>\n",
            "gated",
        ),
    ],
    ids=["ruby-block-in-condition", "ruby-interpolation"],
)
def test_rubys_own_braces_stay_ruby(tmp_path: Path, page: str, status: str) -> None:
    from analyzer.scan import ScanOptions, run

    path = tmp_path / "app" / "views" / "layouts" / "b.html.erb"
    path.parent.mkdir(parents=True)
    path.write_text(page)
    assert [d.verdict.status for d in run(ScanOptions(paths=(str(tmp_path),))).detections] == [status]
