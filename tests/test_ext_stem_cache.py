"""faq_stem_cache: the same search index, each word stemmed once."""

from __future__ import annotations

from test_ext_catalog import write


def build(make_app, root, extensions):
    write(root, "conf.py", f"extensions = {extensions!r}\nlanguage = 'id'\n")
    write(root, "index.md", "# Beranda\n\n```{toctree}\n" + "\n".join(f"p{i}" for i in range(5)) + "\n```\n")
    for i in range(5):
        write(root, f"p{i}.md", f"# Halaman {i}\n\nMasyarakat memberdayakan kelurahan dan pemberdayaan warga {i}.\n")
    app = make_app("html", srcdir=root)
    app.build()
    return app


def test_same_index_fewer_stems(make_app, tmp_path):
    plain = build(make_app, tmp_path / "plain", ["myst_parser"])
    cached = build(make_app, tmp_path / "cached", ["myst_parser", "faq_stem_cache"])
    index = "searchindex.js"
    assert (cached.outdir / index).read_text() == (plain.outdir / index).read_text()
    info = cached.builder.indexer.lang.stem.cache_info()
    assert info.hits > 0
