"""`make spelling`: the handbook passes the Indonesian spell check (hunspell-id through pyenchant), and the word
list contributors extend is checked line by line."""

from __future__ import annotations

import faq_spelling
import pytest
from support import DOCS, require, sphinx_build, write


@pytest.fixture(scope="module")
def hunspell():
    require("/usr/share/hunspell/id_ID.dic", "hunspell-id")


@pytest.mark.slow  # builds in a subprocess
def test_handbook_passes_the_spell_check(tmp_path, hunspell):
    result = sphinx_build(DOCS, tmp_path / "spelling", "spelling", "-d", str(tmp_path / "doctrees"))
    assert result.returncode == 0, result.stdout


def test_roots_strip_clitics_and_ter():
    assert faq_spelling.roots("terlembaganya") == {"terlembaga", "lembaganya", "lembaga"}
    assert faq_spelling.roots("Bagaimanakah") == {"bagaimana"}
    assert faq_spelling.roots("nya") == set()
    assert faq_spelling.roots("apanya") == {"apa"}  # a root of three letters is kept


@pytest.mark.parametrize(
    ("word", "skipped"),
    [("prosedurnya", True), ("terintegrasi", True), ("halamannya", True), ("katagorinya", False), ("katagori", False)],
)
def test_affix_filter_accepts_derived_forms_only(hunspell, word, skipped):
    assert faq_spelling.AffixFilter(None)._skip(word) is skipped


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aisyiyah\nBKM\n\nJum'at\nTA2024\n", []),
        (
            "Aisyiyah\n\nKota Baru\n",
            [
                (
                    3,
                    "'Kota Baru' bukan satu kata: pemeriksa ejaan tidak pernah mencocokkannya. Tulis satu kata",
                )
            ],
        ),
        ("# nama tempat\n", [(1, "'# nama tempat' bukan satu kata")]),
        ("e-mail\nBKM,\n", [(1, "'e-mail' bukan satu kata"), (2, "'BKM,' bukan satu kata")]),
        ("BKM\nLKM\nBKM\n", [(3, "Kata 'BKM' sudah ada di baris 1")]),
        (b"BKM\nLKM\xff\n", [(2, "tidak tersimpan dalam encoding UTF-8")]),
    ],
)
def test_word_list_mistakes_are_named_at_their_line(tmp_path, text, expected):
    path = tmp_path / "spelling_wordlist.txt"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    problems = faq_spelling.word_list_problems(path)
    assert [line for _, line in problems] == [line for line, _ in expected]
    for (message, _), (_, start) in zip(problems, expected, strict=True):
        assert start in message


@pytest.mark.slow  # builds in a subprocess
def test_spelling_build_fails_at_the_word_list_line(tmp_path, hunspell):
    """A line pyenchant would skip or never match fails the spell check at that line, not at some page."""
    conf = f'import sys\nsys.path.insert(0, {str(DOCS / "_ext")!r})\nextensions = ["faq_spelling"]\nlanguage = "id"\n'
    write(tmp_path, "conf.py", conf + 'spelling_lang = "id_ID"\n')
    write(tmp_path, "index.rst", "Beranda\n=======\n\nRukun warga.\n")
    write(tmp_path, "spelling_wordlist.txt", "Aisyiyah\nKota Baru\n")
    result = sphinx_build(tmp_path, tmp_path / "out", "spelling", "-d", str(tmp_path / "doctrees"))
    assert result.returncode != 0
    assert "spelling_wordlist.txt:2: WARNING: 'Kota Baru' bukan satu kata" in result.stdout


def test_only_the_filter_is_built_on_demand():
    with pytest.raises(AttributeError, match="Filter"):
        faq_spelling.Filter  # noqa: B018 (the attribute access is the test)


@pytest.mark.parametrize(("builder", "warned"), [("spelling", True), ("html", False)])
def test_the_word_list_is_checked_by_the_spell_check_only(make_app, tmp_path, hunspell, builder, warned):
    write(tmp_path, "conf.py", 'extensions = ["faq_spelling"]\nlanguage = "id"\nspelling_lang = "id_ID"\n')
    write(tmp_path, "index.rst", "Beranda\n=======\n\nRukun warga.\n")
    write(tmp_path, "spelling_wordlist.txt", "Aisyiyah\nKota Baru\n")
    app = make_app(builder, srcdir=tmp_path)
    app.build()
    expected = f"{tmp_path / 'spelling_wordlist.txt'}:2: WARNING: 'Kota Baru' bukan satu kata"
    assert (expected in app.warning.getvalue()) is warned
