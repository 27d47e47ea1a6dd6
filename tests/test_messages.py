"""Sphinx's, MyST's and docutils' messages in Indonesian (faq_messages), with file and line.

One strict build of a copy of the handbook carries every broken input, each in a page of its
own (a question whose answer starts on line 8), so that every message is checked for its
Indonesian text, its file and its line.
"""

from __future__ import annotations

import re
from pathlib import Path

import faq_messages as messages
import pytest
import sphinx
from babel.messages.pofile import read_po
from support import DOCS, ROOT, copy_docs, sphinx_build

ANSWER_LINE = 8


def page(answer: str, title: str) -> str:
    return f"---\nkeywords: [uji]\nsummary: Ringkas.\n---\n\n# {title}?\n\n{answer}"


# (id, answer written on line 8 of faq/sosialisasi/kasus-<id>.md, line of the message, words it must contain)
ANSWERS = [
    ("broken-ref", "Lihat {ref}`bagian-yang-tidak-ada`.\n", 8, "label tidak ditemukan: 'bagian-yang-tidak-ada'"),
    ("broken-numref", "Lihat {numref}`gambar-yang-tidak-ada`.\n", 8, "Artinya: label yang dirujuk tidak ada"),
    ("broken-link", "Lihat [halaman lain](tidak-ada.md).\n", 8, "Artinya: tautan ini menuju halaman"),
    ("broken-anchor", "Lihat [bagian](#tidak-ada).\n", 8, "Artinya: tautan ini menuju halaman"),
    ("unknown-document", "Lihat {doc}`tidak-ada`.\n", 8, "Artinya: rujukan {doc} menuju berkas yang tidak ada"),
    ("unknown-term", "Lihat {term}`XYZ`.\n", 8, "Artinya: istilah ini tidak ada di Daftar Istilah"),
    ("missing-image", "![Bagan](bagan.png)\n", 8, "berkas gambar tidak dapat dibaca: faq/sosialisasi/bagan.png"),
    ("missing-download", "Unduh {download}`lampiran.pdf`.\n", 8, "berkas unduhan tidak dapat dibaca"),
    ("unknown-directive", "```{catatan}\nIsi.\n```\n", 8, "Artinya: nama direktif dalam {…} tidak dikenal"),
    ("unknown-role", "Teks {istilahx}`ABC`.\n", 8, "Artinya: nama peran dalam {…} tidak dikenal"),
    ("unknown-option", "```{note}\n:kelas: x\n\nIsi.\n```\n", 9, "Artinya: opsi direktif ini tidak dikenal"),
    ("heading-skip", "Teks.\n\n### Loncat\n\nTeks.\n", 10, "Artinya: tingkat judul melompat"),
    ("label-twice", "(ganda)=\n## Satu\n\n(ganda)=\n## Dua\n", 11, "Artinya: nama label ini dipakai dua kali"),
    ("footnote-missing", "Teks[^1].\n", 8, "Artinya: rujukan ini (misalnya catatan kaki [^1])"),
    ("footnote-twice", "Teks[^a].\n\n[^a]: Satu.\n[^a]: Dua.\n", 11, "Artinya: catatan kaki dengan nama ini ditulis"),
    ("footnote-unused", "Teks.\n\n[^b]: Catatan.\n", 10, "Artinya: catatan kaki ini tidak dirujuk dari teks"),
    ("include-missing", "```{include} tidak-ada.md\n```\n", 8, "Artinya: berkas yang disertakan dengan {include}"),
    ("ref-without-title", "(tanpa-judul)=\nTeks.\n\nLihat {ref}`tanpa-judul`.\n", 11, "sasarannya tidak berjudul"),
]
# Messages about other files: (id, file, line, words).
ELSEWHERE = [
    ("yaml-invalid", "faq/sosialisasi/kasus-yaml.md", 1, "Artinya: front matter (bagian di antara dua baris"),
    ("not-in-any-toctree", "lepas.md", 1, "halaman ini tidak tercantum di daftar isi mana pun — Simpan"),
    # Sphinx names the toctree's opening line.
    ("toctree-missing-page", "index.md", 28, "daftar isi (toctree) menyebut halaman yang tidak ada: 'hilang'"),
    ("toctree-empty-glob", "index.md", 28, "pola daftar isi (toctree) 'tidak-ada/*' tidak cocok"),
    ("label-in-two-pages", "faq/sosialisasi/kasus-label-b.md", 9, "label sama dipakai dua kali, yang lain ada di"),
]


@pytest.fixture(scope="module")
def log(tmp_path_factory):
    """The warnings of one strict build of the handbook with every broken input above."""
    root = tmp_path_factory.mktemp("pesan")
    docs = copy_docs(root / "docs")
    for name, answer, _, _ in ANSWERS:
        (docs / f"faq/sosialisasi/kasus-{name}.md").write_text(page(answer, f"Kasus {name}"), encoding="utf-8")
    (docs / "faq/sosialisasi/kasus-yaml.md").write_text(
        page("Teks.\n", "Kasus yaml").replace("[uji]", "[uji"), encoding="utf-8"
    )
    (docs / "lepas.md").write_text("# Lepas\n\nTeks.\n", encoding="utf-8")
    # The home page's second toctree (the reference pages) gets a missing page and a pattern matching nothing.
    index = docs / "index.md"
    text = index.read_text("utf-8").replace(":caption: Rujukan\n", ":caption: Rujukan\n:glob:\n")
    index.write_text(text.replace("tentang\n```", "tentang\nhilang\ntidak-ada/*\n```"), "utf-8")
    assert index.read_text("utf-8").splitlines()[27:29] == ["```{toctree}", ":caption: Rujukan"]
    for name in "ab":
        (docs / f"faq/sosialisasi/kasus-label-{name}.md").write_text(
            page("(sama)=\n## Bagian\n\nTeks.\n", f"Kasus label {name}"), encoding="utf-8"
        )
    result = sphinx_build(docs, root / "html", "html", "-q")
    assert result.returncode != 0
    return docs, result.stdout


def found(log, name: str, line: int, words: str) -> list[str]:
    docs, output = log
    location = f"{docs / name}:{line}: "
    return [row for row in output.splitlines() if row.startswith(location) and words in row]


@pytest.mark.parametrize(("line", "words"), [c[2:] for c in ANSWERS], ids=[c[0] for c in ANSWERS])
def test_message_in_indonesian_at_file_and_line(log, request, line, words):
    name = f"faq/sosialisasi/kasus-{request.node.callspec.id}.md"
    assert found(log, name, line, words), f"no message at {name}:{line} containing {words!r}:\n{log[1]}"


@pytest.mark.parametrize(("name", "line", "words"), [c[1:] for c in ELSEWHERE], ids=[c[0] for c in ELSEWHERE])
def test_message_about_other_files(log, name, line, words):
    assert found(log, name, line, words), f"no message at {name}:{line} containing {words!r}:\n{log[1]}"


def test_every_message_of_the_build_is_explained(log):
    """No warning of the catalogue stays English-only: each is translated or carries its explanation."""
    _, output = log
    rows = [row for row in output.splitlines() if re.search(r": (WARNING|ERROR|CRITICAL): ", row)]
    assert len(rows) >= len(ANSWERS) + len(ELSEWHERE)
    bare = [row for row in rows if messages.SEPARATOR not in row and "[faq.schema]" not in row]
    assert not bare, "\n".join(bare)


def test_every_hint_is_met_by_the_catalogue(log):
    _, output = log
    unused = [meaning for _, meaning, _ in messages.HINTS if f"Artinya: {meaning}" not in output]
    assert not unused


# -- The catalog and the guide --------------------------------------------------------------


def catalog():
    with (DOCS / "locales/id/LC_MESSAGES/sphinx.po").open("rb") as po:
        return {message.id: message.string for message in read_po(po) if message.id}


def placeholders(text: str) -> list[str]:
    return re.findall(r"%[rs]", text)


@pytest.mark.parametrize("english", messages.TRANSLATED)
def test_translated_messages_are_in_the_catalog(english):
    indonesian = catalog().get(english)
    assert indonesian, f"{english!r} has no translation in sphinx.po"
    assert placeholders(indonesian) == placeholders(english)
    assert messages.SEPARATOR in indonesian, "the translation says what to do after ' — '"


def test_translated_messages_are_marked_for_translation_in_sphinx():
    """Only messages Sphinx looks up in its catalog can be translated there."""
    source = "\n".join(p.read_text("utf-8") for p in Path(sphinx.__file__).parent.rglob("*.py"))
    for english in messages.TRANSLATED:
        assert re.search(r"__\(\s*['\"]" + re.escape(english) + "['\"]", source), english


def test_contributing_lists_every_message():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    shown = catalog()
    for english in messages.TRANSLATED:
        for text in (english, shown[english].split(messages.SEPARATOR)[0]):
            text = text.replace("%r", "'…'").replace("%s", "…")
            assert f"| `{text}` |" in guide, f"CONTRIBUTING.md does not list {text!r}"
    plain = guide.replace("`", "")
    for pattern, meaning, _ in messages.HINTS:
        assert f"| Artinya: {meaning} |" in plain, f"CONTRIBUTING.md does not explain {pattern.pattern!r}"
