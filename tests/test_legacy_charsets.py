"""A file that is not UTF-8 and declares no charset is read in the legacy code page whose letters it spells
(``analyzer/parse/charset_guess.py``, ``signatures/charsets.toml``). Before, every such file was read as
windows-1252: a Czech page's "Těhotenství" became "Tìhotenství", a Polish "ciąży" became "ci¹¿y", a Russian
KOI8-R page became Latin letters, and none of their fields were read. Look-alikes that stay windows-1252:
Western pages with names, loan words, prices, "©", Spanish "¡¿", and a PHP table of accented capitals."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.parse import charset_guess, reading
from analyzer.scan import ScanOptions, run
from analyzer.signatures import SignatureError

_CZECH = """<html><head><title>Registrace pacienta</title></head><body>
<h1>Vstupní dotazník před vyšetřením</h1>
<form>
  <label>Příjmení <input name="prijmeni"></label>
  <label>Těhotenství <input name="tehotenstvi"></label>
  <label>Jste těhotná? <input name="tehotna"></label>
  <label>Náboženské vyznání <input name="vyznani"></label>
  <label>Užívané léky <input name="leky"></label>
  <p>Vyplněný dotazník odešlete před návštěvou lékaře, děkujeme.</p>
</form></body></html>"""

_POLISH = """<html><head><title>Rejestracja pacjenta</title></head><body>
<h1>Ankieta przed wizytą</h1>
<form>
  <label>Imię i nazwisko <input name="nazwisko"></label>
  <label>Czy jest Pani w ciąży? <input name="ciaza"></label>
  <label>Choroby przewlekłe <input name="choroby"></label>
  <label>Wyrażam zgodę na przetwarzanie danych osobowych <input type="checkbox" name="zgoda"></label>
  <p>Prosimy o wypełnienie ankiety przed przyjściem do przychodni.</p>
</form></body></html>"""

_RUSSIAN = """<html><head><title>Запись к врачу</title></head><body>
<h1>Анкета пациента</h1>
<form>
  <label>Фамилия <input name="familiya"></label>
  <label>Диагноз <input name="diagnoz"></label>
  <label>Вероисповедание <input name="veroispovedanie"></label>
  <label>Группа крови <input name="gruppa"></label>
</form></body></html>"""


_HOTJAR = '<script async src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6"></script>'


def _fields(tmp_path: Path, text: str, encoding: str) -> dict[str, str]:
    (tmp_path / "index.html").write_bytes(text.replace("</head>", _HOTJAR + "</head>").encode(encoding))
    result = run(ScanOptions(paths=(str(tmp_path),)))
    assert not [d for d in result.diagnostics if d.code == "decode-lossy"], result.diagnostics
    return {r.field.name: r.field.classification.category for r in result.fields}


@pytest.mark.parametrize("encoding", ["cp1250", "iso-8859-2"])
def test_a_czech_page_in_a_central_european_code_page_reads_its_questions(tmp_path: Path, encoding: str) -> None:
    fields = _fields(tmp_path, _CZECH, encoding)
    assert fields["tehotenstvi"] == "health" and fields["tehotna"] == "health", fields
    assert fields["vyznani"] == "religion" and fields["leky"] == "health", fields
    assert reading.decode(_CZECH.encode(encoding)).text == _CZECH


@pytest.mark.parametrize("encoding", ["cp1250", "iso-8859-2"])
def test_a_polish_page_in_a_central_european_code_page_reads_its_questions(tmp_path: Path, encoding: str) -> None:
    fields = _fields(tmp_path, _POLISH, encoding)
    assert fields["ciaza"] == "health" and fields["choroby"] == "health", fields
    assert reading.decode(_POLISH.encode(encoding)).text == _POLISH


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_a_russian_page_in_either_cyrillic_code_page_reads_its_questions(tmp_path: Path, encoding: str) -> None:
    fields = _fields(tmp_path, _RUSSIAN, encoding)
    assert fields == {"diagnoz": "health", "veroispovedanie": "religion", "gruppa": "health"}, fields
    assert reading.decode(_RUSSIAN.encode(encoding)).text == _RUSSIAN


_WESTERN = {
    "german": "<p>Größe, Gewicht, Krankenkasse, Allergien, Schwangerschaft? Nächste Untersuchung: Müller</p>",
    "danish with a name": "<p>Rúni: Henvisning til undersøgelse, Fødselsdato, Ægtefælle, årsag</p>",
    "spanish openers": "<p>¡Hola Señor! ¿Qué medicamentos toma? ¿Está embarazada? Año de nacimiento</p>" * 3,
    "french": "<p>l’adresse du médecin traitant. Êtes-vous enceinte ? Prix : 22 € · © 2009</p>",
    "portuguese accent table": "$de = 'áàãâéêíóõôúüçÁÀÃÂÉÊÍÓÕÔÚÜÇ'; // Orientação, Gestação, Observações",
    "prices": "<td>£17</td><td>£26</td><td>€40</td><td>€101</td><td>©2005</td><td>¦</td>" * 5,
    "multilingual": "<p>Español · Français · Dansk: psykologhjælp i Århus · Første samtale · Vendôme</p>",
}


@pytest.mark.parametrize("name", sorted(_WESTERN))
def test_western_text_stays_windows_1252(name: str) -> None:
    text = _WESTERN[name]
    decoded = reading.decode(text.encode("cp1252"))
    assert decoded.text == text and decoded.encoding == "windows-1252", decoded


def test_a_few_words_do_not_move_a_file_off_windows_1252() -> None:
    # Three Polish words under either reading differ by less than the margin: such a file keeps the web's default
    # (it reads as UTF-8 would not either way); a page of Polish does not (above).
    assert charset_guess.guess("Imię i nazwisko. Wyrażam zgodę".encode("cp1250")) is None


def test_the_sample_is_bounded() -> None:
    # A 6 MB file of accented text is weighed from its first sample_bytes non-ASCII bytes only.
    known = charset_guess.knowledge()
    data = ("Příjmení, těhotenství " * 300_000).encode("cp1250")
    sample = charset_guess._sample(data, known.sample_bytes)
    assert len(sample) < 20 * known.sample_bytes
    assert charset_guess.guess(data) == "windows-1250"


@pytest.mark.parametrize(
    "change",
    [
        {"candidates": ["windows-1252", "base64"]},
        {"candidates": ["windows-1252", "utf-16"]},
        {"candidates": ["windows-1252", "utf-8"]},
        {"openers": 5},
        {"alphabets": ["cs"]},
        {"candidates": []},
        {"alphabets": {"cs": "áč1"}},
        {"alphabets": {"cs": "ÁČ"}},
        {"margin": -1},
        {"sample_bytes": 0},
    ],
)
def test_the_loader_refuses_bad_data(change: dict) -> None:
    from analyzer.signatures import BUILTIN_DIR, _read_toml

    data = {**_read_toml(BUILTIN_DIR / "charsets.toml"), **change}
    with pytest.raises(ValueError, match="charsets.toml"):
        charset_guess.build(data)


def test_a_broken_table_fails_the_signature_load(monkeypatch: pytest.MonkeyPatch) -> None:
    from analyzer import signatures

    def broken() -> charset_guess.Charsets:
        raise ValueError("charsets.toml: no alphabets")

    monkeypatch.setattr(charset_guess, "knowledge", broken)
    monkeypatch.setenv("REPLAYLINT_NO_CACHE", "1")  # built, not read from an earlier run's pickle
    signatures.load.cache_clear()
    try:
        with pytest.raises(SignatureError, match="no alphabets"):
            signatures.load()
    finally:
        signatures.load.cache_clear()
