"""The website offline and installable: a service worker, a web app manifest and its icons.

After a build (``build-finished``) this writes, into the HTML output:

* ``offline-files.json``: every file a reader needs (pages, styles, scripts, icons, the search
  index and stemmer), each with its size and SHA-256, and the build's version (a hash of them all);
* ``sw.js``: the service worker (``faq_offline_sw.js`` with the version filled in). A new build
  with other content has another ``sw.js``, which the browser installs beside the old one: it
  fetches the new files into a new cache, checking each hash, and takes over only when the reader
  accepts the notice "Versi baru tersedia — muat ulang"; the old cache is then deleted, so no page
  ever meets another build's assets;
* ``manifest.webmanifest`` and PNG icons (192 px, 512 px, maskable 512 px) rendered from the
  project's SVG artwork (``html_favicon``) with resvg, a self-contained wheel.

When the whole site fits ``faq_offline_budget`` the worker stores everything on the first visit;
above it, only the shell (everything but the question pages): question pages are stored as they
are read, and the ``{simpan-offline}`` button stores the rest. Only the ``html`` builder gets any
of this: the ePub and other outputs stay as they are, and a page opened from disk (the zipped
HTML) registers no worker.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path, PurePosixPath

import faq_catalog as catalog
from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
WORKER = HERE / "faq_offline_sw.js"
LIST = "offline-files.json"
# Between builds, in the doctree directory: each output file's hash and asset URLs, by its stat.
CACHE = "faq-offline-files.json"
OFFLINE_PAGE = "offline"
# Files a reader never needs: sources, source maps, inventories for other tools, the worker itself.
SKIPPED = re.compile(r"^(_sources/|.*\.map$|objects\.inv$|sitemap\.xml$|robots\.txt$|sw\.js$|offline-files\.json$)")
# Assets that pages reference with Sphinx's checksum query (``_static/furo.css?v=1a2b3c4d``).
VERSIONED = re.compile(r'(?:src|href)="([^"?#]*_static/[^"?#]+\?v=[0-9a-f]+)"')
ICONS = [("faq-icon-192.png", 192, False), ("faq-icon-512.png", 512, False), ("faq-icon-maskable.png", 512, True)]
# Light: the artwork's green on Furo's white; dark: Furo's dark background.
COLOURS = {"light": ("#0b6e4f", "#ffffff"), "dark": ("#131416", "#131416")}

OFFLINE_TITLE = "Tidak ada sambungan internet"
OFFLINE_BODY = """
<h1>Tidak ada sambungan internet</h1>
<p>Halaman yang Anda buka belum tersimpan di perangkat ini, dan perangkat sedang tidak tersambung ke internet.
Coba lagi setelah sambungan kembali, atau baca halaman yang sudah tersimpan:</p>
<ul class="faq-offline-pages"></ul>
<div class="faq-offline-save"></div>
"""


def enabled(app) -> bool:
    return app.builder.name == "html" and app.config.faq_offline


class SaveOffline(SphinxDirective):
    """Where the "Simpan untuk dibaca offline" panel goes (filled by faq-offline.js)."""

    def run(self) -> list[nodes.Node]:
        return [nodes.container(classes=["faq-offline-save"])]


def _setup_assets(app) -> None:
    if not enabled(app):
        return
    app.add_js_file("faq-offline.js", loading_method="defer")
    app.add_css_file("faq-offline.css")


def _collect_offline_page(app):
    if not enabled(app):
        return []
    return [(OFFLINE_PAGE, {"title": OFFLINE_TITLE, "body": OFFLINE_BODY}, "page.html")]


def _page_context(app, pagename, templatename, context, doctree) -> None:
    if not enabled(app):
        return
    root = context["pathto"]("", 1) or "./"
    tags = [f'<link rel="manifest" href="{root}manifest.webmanifest">']
    tags += [
        f'<meta name="theme-color" media="(prefers-color-scheme: {scheme})" content="{theme}">'
        for scheme, (theme, _) in COLOURS.items()
    ]
    tags.append(f'<link rel="apple-touch-icon" href="{root}_static/{ICONS[0][0]}">')
    if pagename == OFFLINE_PAGE:
        tags.append('<meta name="robots" content="noindex">')
    context["metatags"] = context.get("metatags", "") + "\n".join(tags)


def render_icons(svg: str, static: Path) -> None:
    """The manifest's PNG icons; the maskable one keeps the artwork inside the central safe circle."""
    import resvg_py

    inner = re.sub(r"^<svg[^>]*>|</svg>\s*$", "", svg.strip())
    background = COLOURS["light"][1]
    maskable = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<rect width="64" height="64" fill="{background}"/>'
        f'<g transform="translate(12.8 12.8) scale(0.6)">{inner}</g></svg>'
    )
    for name, size, is_maskable in ICONS:
        png = resvg_py.svg_to_bytes(svg_string=maskable if is_maskable else svg, width=size, height=size)
        (static / name).write_bytes(bytes(png))


def manifest(app) -> dict:
    (theme, background), (dark_theme, dark_background) = COLOURS["light"], COLOURS["dark"]
    icons = [
        {
            "src": f"_static/{name}",
            "sizes": f"{size}x{size}",
            "type": "image/png",
            "purpose": "maskable" if m else "any",
        }
        for name, size, m in ICONS
    ]
    return {
        "name": app.config.project,
        "short_name": app.config.faq_offline_short_name,
        "description": "Buku tanya jawab PNPM Mandiri Perkotaan, juga untuk dibaca tanpa internet.",
        "lang": "id",
        "dir": "ltr",
        "start_url": "./index.html",
        "scope": "./",
        "display": "standalone",
        "theme_color": theme,
        "background_color": background,
        # The dark colours, in the manifest-incubations proposal's form (ignored where unsupported);
        # the pages' theme-color meta tags carry both schemes everywhere.
        "user_preferences": {"color_scheme_dark": {"theme_color": dark_theme, "background_color": dark_background}},
        "icons": icons,
    }


def _versioned_urls(pages: dict[str, list[str]]) -> dict[str, str]:
    """File path -> the URL pages load it by (with Sphinx's ``?v=`` checksum), relative to the root.

    ``pages``: each HTML page's path (relative to the root) and the versioned references in it.
    """
    found: dict[str, str] = {}
    done: set[tuple[str, str]] = set()  # pages of one folder share their references
    for name, references in pages.items():
        base = PurePosixPath(name).parent
        for reference in references:
            if (str(base), reference) in done:
                continue
            done.add((str(base), reference))
            path, query = reference.split("?", 1)
            parts: list[str] = []
            for part in (base / path).parts:
                if part == "..":
                    parts.pop()
                elif part != ".":
                    parts.append(part)
            found.setdefault("/".join(parts), "/".join(parts) + "?" + query)
    return found


def scan(outdir: Path, cache: Path) -> dict[str, list]:
    """Each file a reader may need: its path -> [bytes, sha256, versioned references (HTML)].

    An incremental build rewrites few files, so the figures of the others come from ``cache``
    (the previous build's, written back here), keyed by size, modification and change times:
    Sphinx copies assets with their source's modification time, but any write moves the
    change time, so a file rewritten with the same size and time is still read again.
    """
    try:
        known = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    files = known.get("files", {}) if known.get("outdir") == str(outdir) else {}
    names = []
    for folder, subfolders, filenames in os.walk(outdir):
        subfolders[:] = [sub for sub in subfolders if not sub.startswith(".")]
        prefix = Path(folder).relative_to(outdir).as_posix() + "/"
        names += [(prefix + f).removeprefix("./") for f in filenames if not f.startswith(".")]
    found: dict[str, list] = {}
    stats: dict[str, list[int]] = {}
    for name in sorted(names, key=lambda name: name.split("/")):  # the order of sorted paths
        path = outdir / name
        if SKIPPED.match(name) or not path.is_file():
            continue
        stat = path.stat()
        stats[name] = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]
        if name in files and files[name][0] == stats[name]:
            found[name] = files[name][1]
            continue
        data = path.read_bytes()
        references = VERSIONED.findall(data.decode("utf-8")) if name.endswith(".html") else []
        found[name] = [len(data), hashlib.sha256(data).hexdigest(), references]
    cache.write_text(
        json.dumps({"outdir": str(outdir), "files": {name: [stats[name], found[name]] for name in found}}), "utf-8"
    )
    return found


def file_list(app, outdir: Path) -> dict:
    """Every file the worker may store: [url, bytes, sha256, in the shell], and the build version."""
    found = scan(outdir, Path(app.doctreedir) / CACHE)
    urls = _versioned_urls({name: f[2] for name, f in found.items() if name.endswith(".html")})
    files = []
    for name, (size, sha, _) in found.items():
        question = name.endswith(".html") and catalog.is_question(name.removesuffix(".html"))
        files.append([urls.get(name, name), size, sha, not question])
    total = sum(f[1] for f in files)
    shell = sum(f[1] for f in files if f[3])
    version = hashlib.sha256(json.dumps(files).encode()).hexdigest()[:16]
    titles = {f"{doc}.html": title.astext() for doc, title in app.env.titles.items()}
    return {
        "version": version,
        "mode": "all" if total <= app.config.faq_offline_budget else "shell",
        "total": total,
        "shell": shell,
        "titles": {f[0]: titles[f[0]] for f in files if f[0] in titles},
        "files": files,
    }


def _write(app, exception) -> None:
    if exception or not enabled(app):
        return
    outdir = Path(app.outdir)
    svg = (Path(app.confdir) / app.config.html_favicon).read_text(encoding="utf-8")
    render_icons(svg, outdir / "_static")
    (outdir / "manifest.webmanifest").write_text(json.dumps(manifest(app), ensure_ascii=False, indent=1), "utf-8")
    listing = file_list(app, outdir)
    (outdir / LIST).write_text(json.dumps(listing, ensure_ascii=False, separators=(",", ":")), "utf-8")
    worker = WORKER.read_text(encoding="utf-8").replace("__VERSION__", listing["version"])
    (outdir / "sw.js").write_text(worker, encoding="utf-8")
    mb = 1024 * 1024
    stored = listing["total"] if listing["mode"] == "all" else listing["shell"]
    logger.info(
        f"offline: {len(listing['files'])} files, {listing['total'] / mb:.2f} MB; "
        f"first visit stores {stored / mb:.2f} MB ({listing['mode']}), version {listing['version']}"
    )


def _config_inited(app, config) -> None:
    # The offline page is not content: no sitemap entry (sphinx-sitemap), no search-engine index.
    if hasattr(config, "sitemap_excludes"):
        config.sitemap_excludes = [*config.sitemap_excludes, f"{OFFLINE_PAGE}.html"]


def setup(app):
    # Off for the live preview, whose pages must change on every save.
    app.add_config_value("faq_offline", True, "html", types=[bool])
    # Precache the whole site on the first visit when it is at most this many bytes.
    app.add_config_value("faq_offline_budget", 5 * 1024 * 1024, "html", types=[int])
    app.add_config_value("faq_offline_short_name", "Tanya Jawab", "html", types=[str])
    app.add_directive("simpan-offline", SaveOffline)
    app.connect("config-inited", _config_inited)
    app.connect("builder-inited", _setup_assets)
    app.connect("html-collect-pages", _collect_offline_page)
    app.connect("html-page-context", _page_context)
    # Last: Furo rewrites pygments.css when the build finishes, and the list must see the final files.
    app.connect("build-finished", _write, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
