"""Reading offline (faq_offline) in headless Chromium: the whole site after one visit, the budget
and the save button, updates that never mix builds, Read the Docs' path prefix, the manifest."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import time
from pathlib import Path

import faq_catalog as catalog
import faq_offline
import pytest
from support import DOCS, QuietHandler, copy_docs, serve, sphinx_build
from test_web import AXE, pages, watch

QUESTION = "faq/sosialisasi/apa-itu-sosialisasi"
CHANGED = "Jawaban ini diperbarui untuk edisi berikutnya."
READY = "['ready', 'complete'].includes(document.documentElement.dataset.offline)"
COMPLETE = "document.documentElement.dataset.offline === 'complete'"
# The summary line appears when the search has finished (Sphinx's pulse can outlive a fast search).
SEARCH = "document.querySelector('#search-results .search-summary')?.textContent.length > 0"


def listing(html: Path) -> dict:
    return json.loads((html / "offline-files.json").read_text(encoding="utf-8"))


# Read the Docs' build environment: the canonical URL gives the 404 page its path prefix, the
# version and language give the home page its download links.
RTD = {
    "READTHEDOCS": "True",
    "READTHEDOCS_LANGUAGE": "id",
    "READTHEDOCS_VERSION": "latest",
    "READTHEDOCS_CANONICAL_URL": "https://tanya-jawab.example/id/latest/",
}
PDF = b"%PDF-1.4 the handbook"


class Site(QuietHandler):
    """Serves builds under Read the Docs' prefixes (/id/<version>/) and a PDF as its downloads
    (/_/downloads/id/latest/pdf/), logging each file it sends."""

    versions: dict[str, Path] = {}
    downloads: Path | None = None
    sent: list[tuple[str, int]] = []
    slow: float = 0.0  # the n-th question page waits n times this: a test can watch the progress bar
    delayed = 0

    def translate_path(self, path: str) -> str:
        parts = path.split("?", 1)[0].split("/", 3)  # "", "id", version, path in the build
        if parts[1] == "_" and self.downloads:
            return str(self.downloads / "handbook.pdf")
        if len(parts) < 4 or parts[1] != "id" or parts[2] not in self.versions:
            return "/nonexistent"
        return str(self.versions[parts[2]] / parts[3])

    def copyfile(self, source, outputfile) -> None:
        data = source.read()
        path = self.path.split("?", 1)[0]
        if self.slow and catalog.is_question(path.split("/", 3)[3].removesuffix(".html")):
            type(self).delayed += 1
            time.sleep(self.slow * self.delayed)
        type(self).sent.append((path, len(data)))
        outputfile.write(data)


def site(downloads: Path | None = None, **versions: Path) -> type[Site]:
    return type("TestSite", (Site,), {"versions": versions, "sent": [], "downloads": downloads})


@pytest.fixture(scope="module")
def rtd_html(tmp_path_factory) -> Path:
    """The website as Read the Docs builds its version "latest"."""
    tmp = tmp_path_factory.mktemp("rtd")
    result = sphinx_build(DOCS, tmp / "html", "html", "-d", str(tmp / "doctrees"), env=RTD)
    assert result.returncode == 0, result.stdout[-3000:]
    return tmp / "html"


def real(problems: list[str]) -> list[str]:
    """test_web's watch() findings, less the favicon: Chromium fetches it past the service worker,
    so offline it fails however well the site is cached (the tab keeps its last icon)."""
    return [p for p in problems if not p.endswith("/_static/favicon.svg")]


def axe(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate("axe.run().then(r => r.violations.map(v => v.id + ': ' + v.nodes.length))")


def built(tmp_path: Path, *options: str, src: Path = DOCS) -> Path:
    out = tmp_path / "html"
    result = sphinx_build(src, out, "html", "-d", str(tmp_path / "doctrees"), *options, env=RTD)
    assert result.returncode == 0, result.stdout[-3000:]
    return out


def check_offline_reading(page, root: str, html: Path) -> None:
    """Every page opens from the cache (none is the offline page) and the search finds results."""
    for name in pages(html):
        page.goto(root + name)
        assert page.url == root + name, f"{name} fell back to {page.url}"
        assert page.locator("article h1").count() == 1, name
    page.goto(root + "search.html?q=pelaku+sosialisasi")
    page.wait_for_function(SEARCH)
    assert page.locator("#search-results ul.search li").count() >= 1


# -- The whole site after one visit, per Read the Docs version ------------------------------------


def test_every_page_and_the_search_work_offline_after_one_visit(browser, rtd_html, tmp_path):
    html_dir = rtd_html
    assert listing(html_dir)["mode"] == "all"
    (tmp_path / "handbook.pdf").write_bytes(PDF)
    handler = site(tmp_path, latest=html_dir, stable=html_dir)
    context = browser.new_context()
    page = context.new_page()
    problems = watch(page)
    with serve(html_dir, handler) as url:
        for version in ("stable", "latest"):
            page.goto(f"{url}/id/{version}/index.html")
            page.wait_for_function(COMPLETE)
        scopes = page.evaluate("navigator.serviceWorker.getRegistrations().then(rs => rs.map(r => r.scope).sort())")
        assert scopes == [f"{url}/id/latest/", f"{url}/id/stable/"]
        names = page.evaluate("caches.keys()")
        assert sorted(n.rsplit(" ", 1)[0] for n in names) == [f"faq-offline {s}" for s in scopes]
        assert "Seluruh buku" in page.inner_text(".faq-offline-save")
        assert axe(page) == []
        page.screenshot(path=str(tmp_path / "ready.png"), full_page=True)
        # The PDF is kept once opened.
        with page.expect_download() as opened:
            page.get_by_role("link", name="PDF").click()
        assert Path(opened.value.path()).read_bytes() == PDF
    # The server is gone and the browser offline: only the worker answers.
    context.set_offline(True)
    root = f"{url}/id/latest/"
    check_offline_reading(page, root, html_dir)
    page.goto(root + "index.html")
    with page.expect_download() as opened:
        page.get_by_role("link", name="PDF").click()
    assert Path(opened.value.path()).read_bytes() == PDF
    assert axe(page) == []
    assert real(problems) == []
    context.close()


def test_pages_opened_from_disk_register_no_worker(page, html_dir):
    problems = watch(page)
    page.goto((html_dir / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.dataset.offline") is None
    assert page.locator(".faq-offline-save").is_hidden()
    assert real(problems) == []


# -- Above the budget: the shell first, question pages as read, the rest with the button -----------


def test_above_the_budget_the_shell_first_and_the_rest_with_the_button(browser, html_dir, tmp_path):
    full = listing(html_dir)
    budget = (full["shell"] + full["total"]) // 2
    html = built(tmp_path, "-D", f"faq_offline_budget={budget}")
    files = listing(html)
    assert files["mode"] == "shell" and files["shell"] <= budget < files["total"]
    questions = {f"/id/latest/{name}" for name in pages(html) if catalog.is_question(name.removesuffix(".html"))}
    handler = site(latest=html)
    context = browser.new_context()
    page = context.new_page()
    problems = watch(page)
    with serve(html, handler) as url:
        root = f"{url}/id/latest/"
        page.goto(root + "index.html")
        page.wait_for_function(READY)
        sent = [path for path, _ in handler.sent]
        precached = handler.sent[sent.index("/id/latest/offline-files.json") :]
        assert sum(size for _, size in precached) <= budget
        assert not questions & set(sent), "a question page was stored before it was read"
        # A page read online is stored; the others are not yet.
        page.goto(root + QUESTION + ".html")
        context.set_offline(True)
        page.goto(root + QUESTION + ".html")
        assert page.url == root + QUESTION + ".html"
        unread = next(q for q in sorted(questions) if QUESTION not in q)
        page.goto(url + unread)
        assert page.url.startswith(root + "offline.html?halaman=")
        page.wait_for_selector(".faq-offline-pages a")  # drawn when the service worker answers
        listed = page.locator(".faq-offline-pages a").all_inner_texts()
        assert "Apa itu Sosialisasi?" in listed and "Kata Kunci" in listed
        assert not {"Siapa Pelaku Sosialisasi?", "Tidak ada sambungan internet"} & set(listed)
        assert axe(page) == []
        page.screenshot(path=str(tmp_path / "offline-page.png"), full_page=True)
        context.set_offline(False)
        # The button fetches the rest, with its size and a progress bar.
        handler.slow = 2.0
        page.goto(root + "index.html")
        button = page.get_by_role("button", name="Simpan untuk dibaca offline")
        assert " MB)" in button.inner_text()
        button.click()
        page.locator(".faq-offline-save progress").wait_for()
        page.wait_for_function("document.querySelector('.faq-offline-save progress').value > 0")
        page.locator(".faq-offline-save").screenshot(path=str(tmp_path / "saving.png"))
        assert "Menyimpan…" in page.inner_text(".faq-offline-save")
        assert axe(page) == []
        page.wait_for_function(COMPLETE, timeout=30_000)
        assert questions <= {path for path, _ in handler.sent}
    context.set_offline(True)
    check_offline_reading(page, root, html)
    assert real(problems) == []
    context.close()


# -- A new build replaces the old one as a whole, after the notice ---------------------------------


def record(responses: list[tuple[str, str]]):
    """A response listener that keeps (URL, SHA-256 of the body) of each file received."""

    def listener(response) -> None:
        if response.ok and response.status == 200:
            responses.append((response.url.split("#")[0], hashlib.sha256(response.body()).hexdigest()))

    return listener


def mismatched(responses: list[tuple[str, str]], files: dict, root: str) -> list[str]:
    """URLs whose body differs from the file of the build `files` describes."""
    hashes = {root + url: sha for url, _, sha, _ in files["files"]}
    assert {url for url, _ in responses} & set(hashes), "no file of the build was received"
    return [url for url, sha in responses if url in hashes and sha != hashes[url]]


def test_a_new_build_shows_the_notice_then_replaces_the_cache_as_a_whole(browser, tmp_path):
    src = copy_docs(tmp_path / "docs")
    html = built(tmp_path, src=src)
    old = listing(html)
    context = browser.new_context()
    page = context.new_page()
    problems = watch(page)
    seen: list = []
    page.on("response", record(seen))
    with serve(html, site(latest=html)) as url:
        root = f"{url}/id/latest/"
        page.goto(root + QUESTION + ".html")
        page.wait_for_function(COMPLETE)
        # A new edition: a changed answer and a changed stylesheet (its ?v= checksum changes too).
        page_source = src / f"{QUESTION}.md"
        page_source.write_text(page_source.read_text(encoding="utf-8") + f"\n{CHANGED}\n", encoding="utf-8")
        css = src / "_ext" / "static" / "faq-lists.css"
        css.write_text(css.read_text(encoding="utf-8") + "\n.faq-new-edition {}\n", encoding="utf-8")
        built(tmp_path, src=src)
        new = listing(html)
        assert new["version"] != old["version"]
        seen.clear()
        page.reload()
        notice = page.locator(".faq-offline-notice")
        notice.wait_for()
        assert notice.inner_text() == "Versi baru tersedia — muat ulang"
        assert CHANGED not in page.inner_text("article")
        assert mismatched(seen, old, root) == [], "the old page got a new file"
        assert axe(page) == []
        page.screenshot(path=str(tmp_path / "notice.png"))
        seen.clear()
        with page.expect_navigation():
            notice.get_by_role("button", name="muat ulang").click()
        page.wait_for_function(COMPLETE)
        assert CHANGED in page.inner_text("article")
        assert mismatched(seen, new, root) == [], "the new page got an old file"
        assert len(page.evaluate("caches.keys()")) == 1, "the old build's cache was not deleted"
        assert axe(page) == []
    context.set_offline(True)
    seen.clear()
    check_offline_reading(page, root, html)
    assert mismatched(seen, new, root) == []
    assert real(problems) == []
    context.close()


def test_a_file_of_another_build_fails_the_installation_as_a_whole(browser, tmp_path):
    """A server or CDN still serving a stale copy of one file: the worker never installs from a mix."""
    html = built(tmp_path)
    stale = html / "kata-kunci.html"
    stale.write_text(stale.read_text(encoding="utf-8").replace("Kata Kunci", "Kata kunci lama"), encoding="utf-8")
    handler = site(latest=html)
    context = browser.new_context()
    page = context.new_page()
    problems = watch(page)
    with serve(html, handler) as url:
        page.goto(f"{url}/id/latest/index.html")
        while "/id/latest/kata-kunci.html" not in [path for path, _ in handler.sent]:
            page.wait_for_timeout(100)
        # The failed installation removes its registration and its cache.
        gone = """async () => (await navigator.serviceWorker.getRegistrations()).length === 0
                    && (await caches.keys()).length === 0"""
        deadline = time.monotonic() + 30
        while not page.evaluate(gone):
            assert time.monotonic() < deadline, "the worker installed from a stale file"
            page.wait_for_timeout(200)
        assert page.evaluate("document.documentElement.dataset.offline") is None
    assert real(problems) == []
    context.close()


# -- The file list between builds: unchanged files are not read again, changed ones are ------------


def test_the_file_list_reads_only_what_changed_since_the_last_build(tmp_path):
    out, cache = tmp_path / "html", tmp_path / "doctrees" / "offline.json"
    (out / "_static").mkdir(parents=True)
    cache.parent.mkdir()
    files = {
        "index.html": '<link href="_static/a.css?v=1234abcd">',
        "_static/a.css": "body{}",
        "_static/b.js": "let b = 1;",
        "_sources/index.md.txt": "skipped",
        ".buildinfo": "hidden",
    }
    for name, text in files.items():
        (out / name).parent.mkdir(exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
    sha = {name: hashlib.sha256(text.encode()).hexdigest() for name, text in files.items()}
    found = faq_offline.scan(out, cache)
    assert list(found) == ["_static/a.css", "_static/b.js", "index.html"]
    assert found["index.html"] == [len(files["index.html"]), sha["index.html"], ["_static/a.css?v=1234abcd"]]
    assert {name: f[1] for name, f in found.items()} == {name: sha[name] for name in found}

    # Unchanged files are taken from the cache (a figure planted in it shows through) ...
    planted = json.loads(cache.read_text(encoding="utf-8"))
    planted["files"]["_static/b.js"][1][1] = "planted"
    cache.write_text(json.dumps(planted), encoding="utf-8")
    # ... and a file rewritten with the same size and modification time, as Sphinx copies an
    # asset (with its source's time), is read again.
    css = out / "_static" / "a.css"
    before = css.stat()
    css.write_text("body[}", encoding="utf-8")
    os.utime(css, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert css.stat().st_size == before.st_size and css.stat().st_mtime_ns == before.st_mtime_ns
    found = faq_offline.scan(out, cache)
    assert found["_static/b.js"][1] == "planted"
    assert found["_static/a.css"][1] == hashlib.sha256(b"body[}").hexdigest()
    # Another output directory does not use this one's cache.
    shutil.copytree(out, tmp_path / "other")
    assert faq_offline.scan(tmp_path / "other", cache)["_static/b.js"][1] == sha["_static/b.js"]


# -- Installable: the manifest, its icons, Chromium's own verdict -----------------------------------


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_manifest_and_icons_make_the_site_installable(browser_type, browser_type_launch_args, html_dir, tmp_path):
    manifest = json.loads((html_dir / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == "id" and manifest["display"] == "standalone"
    assert manifest["start_url"] == "./index.html" and manifest["scope"] == "./"
    assert manifest["name"] == "Tanya Jawab PNPM Mandiri Perkotaan" and len(manifest["short_name"]) <= 12
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert sizes == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for icon in manifest["icons"]:
        width = int(icon["sizes"].split("x")[0])
        assert png_size(html_dir / icon["src"]) == (width, width)
    from PIL import Image

    # Drawn from the artwork: the speech bubble's green at its body, transparent outside it;
    # the maskable icon is opaque to its edges.
    icon = Image.open(html_dir / "_static/faq-icon-192.png").convert("RGBA")
    assert icon.getpixel((30, 96))[:3] == (0x0B, 0x6E, 0x4F) and icon.getpixel((2, 190))[3] == 0
    maskable = Image.open(html_dir / "_static/faq-icon-maskable.png").convert("RGBA")
    assert maskable.getpixel((0, 0))[3] == 255 and maskable.getpixel((511, 511))[3] == 255
    index = (html_dir / "index.html").read_text(encoding="utf-8")
    assert 'media="(prefers-color-scheme: dark)"' in index and 'rel="manifest"' in index
    # A profile on disk: Chromium never offers to install from an incognito context.
    context = browser_type.launch_persistent_context(tmp_path / "profile", **browser_type_launch_args)
    page = context.new_page()
    with serve(html_dir, site(latest=html_dir)) as url:
        page.goto(f"{url}/id/latest/index.html")
        page.wait_for_function(COMPLETE)
        cdp = context.new_cdp_session(page)
        report = cdp.send("Page.getAppManifest")
        assert report["errors"] == [], report["errors"]
        assert report["url"] == f"{url}/id/latest/manifest.webmanifest"
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        (tmp_path / "manifest-report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    context.close()


def test_epub_gets_no_worker_and_no_manifest(tmp_path):
    out = tmp_path / "epub"
    result = sphinx_build(DOCS, out, "epub", "-d", str(tmp_path / "doctrees"))
    assert result.returncode == 0, result.stdout[-3000:]
    assert not (out / "sw.js").exists() and not (out / "manifest.webmanifest").exists()
    texts = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.xhtml"))
    assert "faq-offline.js" not in texts and "manifest" not in texts
    shutil.rmtree(out)
