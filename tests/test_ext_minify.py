"""faq_minify: the project's own scripts and stylesheets minified in the output, and still working."""

from __future__ import annotations

import subprocess

from support import require, write

CONF = 'extensions = ["faq_minify"]\nhtml_static_path = ["_static"]\n'
SCRIPT = """// Adds two numbers.
const add = (a, b) => {
  /* a comment, then a string that looks like one */
  return a + b + "  /* kept */".length;
};
"""
STYLE = "/* Links */\na.faq-link {\n  color: green;\n}\n"


def build(make_app, tmp_path, *overrides: str):
    write(tmp_path, "conf.py", CONF + "".join(overrides))
    write(tmp_path, "index.rst", "Beranda\n=======\n\nIsi.\n")
    write(tmp_path, "_static/faq-add.js", SCRIPT)
    write(tmp_path, "_static/faq-link.css", STYLE)
    app = make_app("html", srcdir=tmp_path)
    app.build()
    assert not app.warning.getvalue()
    return app.outdir / "_static"


def test_own_files_are_minified_and_still_work(make_app, tmp_path):
    static = build(make_app, tmp_path)
    script = (static / "faq-add.js").read_text(encoding="utf-8")
    assert len(script) < len(SCRIPT) and "Adds two" not in script and "a comment" not in script
    node = require("node", "nodejs")
    result = subprocess.run(
        [node, "-e", script + "process.stdout.write(String(add(1, 2)));"], capture_output=True, text=True, check=True
    )
    assert result.stdout == "15"  # 1 + 2 + the string's 12 characters: the string is untouched
    assert (static / "faq-link.css").read_text(encoding="utf-8") == "a.faq-link{color:green}\n"
    # Sphinx's search script, which carries the project's search code, is minified too.
    language_data = (static / "language_data.js").read_text(encoding="utf-8")
    assert "/*" not in language_data and "\n  " not in language_data
    # The theme's files stay as shipped.
    assert "\n    " in (static / "doctools.js").read_text(encoding="utf-8")


def test_minifying_can_be_turned_off(make_app, tmp_path):
    static = build(make_app, tmp_path, "faq_minify = False\n")
    assert (static / "faq-add.js").read_text(encoding="utf-8") == SCRIPT
    assert (static / "faq-link.css").read_text(encoding="utf-8") == STYLE
