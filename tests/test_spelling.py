"""`make spelling`: the handbook passes the Indonesian spell check (hunspell-id through pyenchant)."""

from __future__ import annotations

import pytest
from support import DOCS, require, sphinx_build

pytestmark = pytest.mark.slow  # builds in a subprocess


@pytest.fixture(scope="module")
def faq_spelling():
    require("/usr/share/hunspell/id_ID.dic", "hunspell-id")
    import faq_spelling

    return faq_spelling


def test_handbook_passes_the_spell_check(tmp_path, faq_spelling):
    result = sphinx_build(DOCS, tmp_path / "spelling", "spelling", "-d", str(tmp_path / "doctrees"))
    assert result.returncode == 0, result.stdout


def test_roots_strip_clitics_and_ter(faq_spelling):
    assert faq_spelling.roots("terlembaganya") == {"terlembaga", "lembaganya", "lembaga"}
    assert faq_spelling.roots("Bagaimanakah") == {"bagaimana"}
    assert faq_spelling.roots("nya") == set()


@pytest.mark.parametrize(
    ("word", "skipped"),
    [("prosedurnya", True), ("terintegrasi", True), ("halamannya", True), ("katagorinya", False), ("katagori", False)],
)
def test_affix_filter_accepts_derived_forms_only(faq_spelling, word, skipped):
    assert faq_spelling.AffixFilter(None)._skip(word) is skipped
