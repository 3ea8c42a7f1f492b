"""A PHP project's class constants and enums as the choices its templates loop over (analyzer/parse/php_constants.py,
analyzer/parse/php_loops.py; docs/fields.md "Forms printed by server-side helpers"): a Blade loop over a laravel-enum
class's values, a PHP loop over a model's array constant, a loop over a PHP 8.1 enum's cases. Look-alikes: a loop over
a query, a class constant the project does not define, a method's local ``case``, and a list that says nothing
sensitive."""

from __future__ import annotations

from pathlib import Path

from analyzer import signatures
from analyzer.parse import php_constants, php_loops, templates
from tests.conftest import site_fields

_CALLS = signatures.load().component_files.class_list_calls  # getValues(), cases(), … (template_conventions.toml)
_HOTJAR = '<script src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6"></script>\n'

_SEARCHING = """<?php

namespace App\\Enums;

use BenSampo\\Enum\\Enum;

final class Searching extends Enum
{
    const Mand = 'Mand';
    const Kvinde = 'Kvinde';
    const Kaereste = 'Kæreste';
    const Sexpartner = 'Sexpartner';
}
"""

_MODEL = """<?php
class PersonaModel extends Model
{
    public const TIPOS = [
        'parroco'   => 'Párroco',
        'vicario'   => 'Vicario',
        'diacono'   => 'Diácono',
        'laico'     => 'Laico',
    ];
    const SIZES = ['S', 'M', 'L'];

    public function kind(string $t): string
    {
        switch ($t) {
            case 'x':
                return 'Catholic';
        }
        return '';
    }
}
"""

_FAITH = """<?php
namespace App\\Enums;

enum Faith: string
{
    case Catholic = 'Catholic';
    case Muslim = 'Muslim';
    case Jewish = 'Jewish';

    public function label(): string
    {
        return match ($this) { self::Catholic => 'Katholisch', default => '' };
    }
}
"""

_BLADE = (
    _HOTJAR + '<form method="post">\n'
    "  <label>Søger</label>\n"
    '  <select name="searching[]" multiple>\n'
    "    @foreach (App\\Enums\\Searching::getValues() as $item)\n"
    '    <option value="{{$item}}"\n'
    "        @if(old('searching') != null)\n"
    "            @foreach(old('searching') as $p)\n"
    '                @if($item == $p) selected="selected" @endif\n'
    "            @endforeach\n"
    "        @endif>\n"
    "            {{$item}}\n"
    "    </option>\n"
    "    @endforeach\n"
    "  </select>\n"
    "  <label>Tro</label>\n"
    '  <select name="tro">\n'
    "    @foreach (\\App\\Enums\\Faith::cases() as $faith)\n"
    '      <option value="{{ $faith->value }}">{{ $faith->name }}</option>\n'
    "    @endforeach\n"
    "  </select>\n"
    "  <label>Størrelse</label>\n"
    '  <select name="size">\n'
    "    @foreach (PersonaModel::SIZES as $s)\n"
    "      <option>{{ $s }}</option>\n"
    "    @endforeach\n"
    "  </select>\n"
    "  <label>Region</label>\n"
    '  <select name="region">\n'
    "    @foreach (Region::all() as $r)\n"
    "      <option>{{ $r->name }}</option>\n"
    "    @endforeach\n"
    "  </select>\n"
    "</form>\n"
)

_PHP_PAGE = (
    _HOTJAR + '<form method="post">\n'
    '  <label for="tipo">Tipo</label>\n'
    '  <select name="tipo" id="tipo">\n'
    "    <?php foreach (PersonaModel::TIPOS as $valor => $etiqueta): ?>\n"
    '    <option value="<?= e($valor) ?>"\n'
    "        <?= ($persona['tipo'] === $valor) ? 'selected' : '' ?>>\n"
    "        <?= e($etiqueta) ?>\n"
    "    </option>\n"
    "    <?php endforeach; ?>\n"
    "  </select>\n"
    "</form>\n"
)
_UNKNOWN = (
    _HOTJAR + '<form method="post">\n  <label for="otro">Otro</label>\n  <select name="otro" id="otro">\n'
    "    <?php foreach (Unknown::TIPOS as $v): ?><option><?= $v ?></option><?php endforeach; ?>\n"
    "  </select>\n</form>\n"
)


def test_a_template_loop_over_a_class_s_list_prints_the_class_s_texts(tmp_path: Path) -> None:
    files = {
        "app/Enums/Searching.php": _SEARCHING,
        "app/Enums/Faith.php": _FAITH,
        "app/Models/PersonaModel.php": _MODEL,
        "resources/views/signup.blade.php": _BLADE,
        "modules/personas/views/form.php": _PHP_PAGE,
        "modules/otros/form.php": _UNKNOWN,
    }
    found = site_fields(tmp_path, files)
    assert found["searching[]"][0] == "sex-life", found  # laravel-enum's getValues(), a nested @foreach skipped
    assert found["tro"][0] == "religion", found  # an enum's cases, each case's value and name
    assert found["tipo"][0] == "religion", found  # a model's array constant, key => text
    assert "size" not in found and "region" not in found and "otro" not in found, found


def test_a_composer_package_s_classes_are_not_read(tmp_path: Path) -> None:
    # vendor/ holds the packages Composer installs: their constants are no project's choices (and reading a Laravel
    # app's 6,000 vendored files for them cost 3 % of its scan). The same class in app/ is read.
    page = (
        _HOTJAR + '<form method="post">\n  <label>Vyberte</label>\n  <select name="x">\n'
        "    @foreach (Vyznani::cases() as $v)\n      <option>{{ $v->value }}</option>\n    @endforeach\n  </select>\n</form>\n"
    )
    enum = "<?php\nenum Vyznani: string\n{\n    case A = 'Římskokatolické';\n    case B = 'Evangelické';\n}\n"
    label_only = site_fields(tmp_path / "a", {"vendor/acme/enums/src/Vyznani.php": enum, "resources/views/f.blade.php": page})
    read = site_fields(tmp_path / "b", {"app/Enums/Vyznani.php": enum, "resources/views/f.blade.php": page})
    assert "x" not in label_only and read["x"][0] == "religion", (label_only, read)
    assert php_constants.is_source("app/Enums/Vyznani.php") and not php_constants.is_source("vendor/a/b/X.php")


def test_class_lists_are_read_by_short_name_and_a_method_s_case_is_none() -> None:
    constants = php_constants.collect([("app/Enums/Faith.php", _FAITH), ("app/Models/PersonaModel.php", _MODEL)], _CALLS)
    assert constants.items("\\App\\Enums\\Faith", "cases", True) == [("Catholic", "Catholic"), ("Muslim", "Muslim"), ("Jewish", "Jewish")]
    assert constants.items("PersonaModel", "TIPOS", False)[0] == ("parroco", "Párroco")
    assert constants.items("PersonaModel", "cases", True) == []  # the switch's case 'x' is in a method
    assert constants.items("PersonaModel", "TIPOS", True) == []  # no such call
    assert constants.items("Faith", "where", True) == []
    assert constants.items("Nowhere", "TIPOS", False) == []


def test_a_loop_s_text_keeps_its_length_and_line_breaks_and_unknown_classes_stay_as_written() -> None:
    constants = php_constants.collect([("app/Enums/Searching.php", _SEARCHING), ("app/Enums/Faith.php", _FAITH)], _CALLS)
    neutral = templates.analyse(_BLADE, "blade")[0]
    written = php_loops.write(_BLADE, neutral, constants)
    assert len(written) == len(neutral)
    assert [i for i, c in enumerate(written) if c == "\n"] == [i for i, c in enumerate(neutral) if c == "\n"]
    assert "Sexpartner" in written and "Jewish" in written
    assert php_loops.write(_BLADE, neutral, None) == neutral  # no class known: the template as neutralised


def test_comments_and_string_literals_are_no_structure() -> None:
    # An apostrophe in a comment, a brace in a string, a class named in a comment, a constant commented out.
    text = (
        "<?php\n// Don't reorder these\nenum A: string { case X = 'x'; case Y = 'y'; }\n"
        "class B { const OPEN = '{'; const T = ['a' => 'Alpha']; /* const Z = ['no']; */ }\n"
        "// the class Foo {\nenum C { case P; case Q; }\n"
    )
    constants = php_constants.collect([("f.php", text)], _CALLS)
    assert constants.items("A", "cases", True) == [("X", "x"), ("Y", "y")]
    assert constants.items("B", "T", False) == [("a", "Alpha")] and constants.items("B", "Z", False) == []
    assert constants.items("C", "cases", True) == [("P", "P"), ("Q", "Q")]
    assert constants.items("Foo", "cases", True) == []


def test_a_blade_print_right_after_the_loop_s_head_is_the_item_s() -> None:
    # "@foreach (…){{ $f->value }}": the "{{" opens a print, not a PHP loop's brace body.
    constants = php_constants.collect([("app/Enums/Faith.php", _FAITH)], _CALLS)
    text = "<p>@foreach (Faith::cases() as $f){{ $f->value }}<input type=checkbox name=f>@endforeach</p>\n" + " " * 200
    neutral = templates.analyse(text, "blade")[0]
    assert "Catholic" in php_loops.write(text, neutral, constants)


def test_the_calls_that_list_a_class_are_data_and_checked() -> None:
    # template_conventions.toml's class_list_calls say what each call lists; the loader refuses any other kind.
    import pytest

    assert _CALLS["getvalues"] == "values" and _CALLS["cases"] == "cases"
    with pytest.raises(signatures.SignatureError):
        signatures._class_list_calls({"all": "rows"})


def test_the_reading_is_bounded() -> None:
    # A file over the size budget is not read; a class body longer than the budget is read up to it, without error.
    assert not php_constants.worth_reading(b"class A { const X = 'a'; }" + b" " * php_constants.MAX_FILE_BYTES)
    long = "<?php class Big {\n    const C1 = 'x';\n    function f() " + "{" * 70_000 + "\n}\n"
    constants = php_constants.collect([("Big.php", long)], _CALLS)
    assert constants.items("Big", "getValues", True) == [("C1", "x")]
