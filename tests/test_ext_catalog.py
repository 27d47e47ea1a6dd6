"""faq_catalog on a tiny project: records, ordering, keyword merging, index entries."""

from __future__ import annotations

import faq_catalog as catalog
import pytest
from support import write

CONF = """
extensions = ["myst_parser", "faq_catalog"]
language = "id"
"""


@pytest.fixture
def project(tmp_path):
    write(tmp_path, "conf.py", CONF)
    write(tmp_path, "index.md", "# Beranda\n\n```{toctree}\nfaq/b/index\nfaq/a/index\n```\n")
    write(tmp_path, "faq/a/index.md", "---\ndescription: Kategori A.\n---\n# A\n\n```{toctree}\nsatu\n```\n")
    write(tmp_path, "faq/b/index.md", "# B\n\n```{toctree}\ndua\ntiga\n```\n")
    write(tmp_path, "faq/a/satu.md", "---\nkeywords: [Miskin, warga]\nsummary: Ringkas.\n---\n# Satu?\n\nJawab.\n")
    write(tmp_path, "faq/b/dua.md", "---\nkeywords: [miskin]\n---\n# Dua?\n\nJawab.\n")
    write(tmp_path, "faq/b/tiga.md", "---\nkeywords: [kota, desa]\n---\n# Tiga?\n\nJawab.\n")
    return tmp_path


def test_catalog_records_and_order(make_app, project):
    app = make_app("html", srcdir=project)
    app.build()
    env = app.env
    assert [c.title for c in catalog.categories(env)] == ["B", "A"]
    assert catalog.categories(env)[1].description == "Kategori A."
    assert [q.title for q in catalog.questions(env)] == ["Dua?", "Tiga?", "Satu?"]
    assert [q.docname for q in catalog.questions(env, "faq/a/index")] == ["faq/a/satu"]
    satu = catalog.questions(env, "faq/a/index")[0]
    assert (satu.keywords, satu.summary, satu.category) == (["Miskin", "warga"], "Ringkas.", "faq/a/index")
    assert catalog.questions(env, "faq/b/index")[1].keywords == ["kota", "desa"]
    assert catalog.question(env, "faq/a/satu") is satu and catalog.question(env, "faq/a/index") is None

    merged = catalog.keywords(env)
    assert list(merged) == ["desa", "kota", "miskin", "warga"]
    assert [q.title for q in merged["miskin"]] == ["Dua?", "Satu?"]


def test_only_a_yaml_list_gives_keywords():
    # MyST's JSON text of the front-matter values: a list, a null ("keywords:" left empty), a string.
    assert catalog.as_list('["Miskin", " warga ", ""]') == ["Miskin", "warga"]
    assert catalog.as_list("null") == catalog.as_list("kota, desa") == catalog.as_list("[rusak") == []


def test_keywords_become_index_entries(make_app, project):
    app = make_app("html", srcdir=project)
    app.build()
    entries = app.env.domains.index_domain.entries["faq/a/satu"]
    assert [(kind, value) for kind, value, *_ in entries] == [("single", "Miskin"), ("single", "warga")]
    assert "Miskin" in (app.outdir / "genindex.html").read_text(encoding="utf-8")


def test_a_cut_description_keeps_its_last_word_whole():
    """Only the punctuation before the cut goes; a word ending in a letter that is no punctuation stays."""
    text = "kata " * 30 + "PLX, lalu " + "kata " * 20
    assert catalog.first_sentence(text) == ("kata " * 30 + "PLX") + "…"


def test_toctree_entries_with_a_title():
    text = "```{toctree}\n:maxdepth: 1\n\nSatu <satu>\nA < B dan C <dua.md>\ntiga\n*\n```\n"
    assert catalog.written_order(text) == ["satu", "dua", "tiga"]


def test_answer_text_leaves_out_comments(make_app, project):
    write(project, "faq/a/satu.md", "---\nkeywords: [a]\n---\n# Satu?\n\n% catatan penyunting\nJawab.\n")
    app = make_app("html", srcdir=project)
    app.build()
    satu = catalog.question(app.env, "faq/a/satu")
    assert (satu.answer, satu.summary) == ("Jawab.", "")


def test_a_changed_order_reorders_its_category(make_app, project):
    """The category's generated list follows urutan: changing it in one question re-reads the category."""
    make_app("html", srcdir=project).build()
    write(project, "faq/b/tiga.md", "---\nkeywords: [kota]\nurutan: 1\n---\n# Tiga?\n\nJawab.\n")
    app = make_app("html", srcdir=project)
    app.build()
    assert [q.title for q in catalog.questions(app.env, "faq/b/index")] == ["Tiga?", "Dua?"]
