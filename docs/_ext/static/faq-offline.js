/* Reading offline (faq_offline): registers the service worker, shows the update notice, the
   "Simpan untuk dibaca offline" panel and, on the offline page, the pages stored on this device.
   Pages opened from disk (the zipped HTML) register nothing. */
(() => {
  "use strict";
  if (!/^https?:$/.test(location.protocol) || !("serviceWorker" in navigator)) return;
  const root = new URL("../", document.currentScript.src);
  const worker = navigator.serviceWorker;
  const hadController = Boolean(worker.controller);
  const mb = (bytes) => {
    const digits = bytes < 1048576 ? 2 : 1; // "0,05 MB", not "0,0 MB"
    return (bytes / 1048576).toLocaleString("id-ID", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  };

  function element(tag, attributes = {}, text = "") {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.textContent = text;
    return node;
  }

  // -- A new build: the notice, and the switch once the reader accepts it ------------------------

  function notice(waiting) {
    if (document.querySelector(".faq-offline-notice")) return;
    const box = element("div", { class: "faq-offline-notice", role: "status" }, "Versi baru tersedia — ");
    const button = element("button", { type: "button" }, "muat ulang");
    button.addEventListener("click", () => waiting.postMessage({ type: "activate" }));
    box.append(button);
    document.body.append(box);
  }

  worker.addEventListener("controllerchange", () => {
    if (hadController) location.reload();
  });

  // -- The save panel and the state of the cache -------------------------------------------------

  const panels = [...document.querySelectorAll(".faq-offline-save")];
  for (const panel of panels) {
    panel.classList.add("faq-offline-on");
    panel.append(
      element("p", { class: "faq-offline-state", "aria-live": "polite" }, "Menyiapkan buku untuk dibaca offline…"),
    );
  }

  function show(status) {
    const html = document.documentElement;
    html.dataset.offline = status.saved >= status.total ? "complete" : "ready";
    html.dataset.offlineMode = status.mode;
    for (const panel of panels) {
      const state = panel.querySelector(".faq-offline-state");
      panel.querySelector("progress")?.remove();
      panel.querySelector("button")?.remove();
      if (status.saved >= status.total) {
        state.textContent = `Seluruh buku (${mb(status.total)} MB) tersimpan di perangkat ini untuk dibaca offline.`;
        continue;
      }
      state.textContent =
        `Halaman yang sudah dibuka tersimpan di perangkat ini (${mb(status.saved)} dari ${mb(status.total)} MB). ` +
        "Simpan seluruh buku untuk membaca semua halaman tanpa internet.";
      const button = element("button", { type: "button" }, `Simpan untuk dibaca offline (${mb(status.total - status.saved)} MB)`);
      button.addEventListener("click", () => {
        button.disabled = true;
        worker.controller?.postMessage({ type: "save" });
      });
      panel.append(button);
    }
    const list = document.querySelector(".faq-offline-pages");
    if (list) {
      list.replaceChildren(
        ...status.pages.map((page) => {
          const item = element("li");
          item.append(element("a", { href: page.url }, page.title));
          return item;
        }),
      );
    }
  }

  function progress({ done, total }) {
    for (const panel of panels) {
      let bar = panel.querySelector("progress");
      if (!bar) {
        bar = element("progress", { "aria-label": "Kemajuan penyimpanan" });
        panel.querySelector("button")?.after(bar);
      }
      bar.max = total;
      bar.value = done;
      panel.querySelector(".faq-offline-state").textContent = `Menyimpan… ${mb(done)} dari ${mb(total)} MB`;
    }
  }

  worker.addEventListener("message", ({ data }) => {
    if (data.type === "status") show(data);
    else if (data.type === "progress") progress(data);
    else if (data.type === "save-failed") {
      for (const panel of panels) {
        panel.querySelector(".faq-offline-state").textContent =
          "Penyimpanan terhenti: sambungan terputus atau ada versi baru. Coba lagi nanti.";
      }
    }
  });

  // -- PDF and ePub: fetched through the worker, which keeps them for later -----------------------

  document.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[href]");
    if (!link || !worker.controller || !/\/_\/downloads\/|\.(pdf|epub)$/.test(link.pathname)) return;
    event.preventDefault();
    fetch(link.href)
      .then((response) => (response.ok ? response.blob() : Promise.reject(new Error(response.statusText))))
      .then((blob) => {
        const save = element("a", { href: URL.createObjectURL(blob), download: link.pathname.split("/").filter(Boolean).pop() });
        save.click();
      })
      .catch(() => {
        location.href = link.href;
      });
  });

  // -- Registration, once the page has loaded (the first visit's page comes before the cache) -------

  const register = () =>
    worker
      .register(new URL("sw.js", root), { scope: root.href })
      .then((registration) => {
        if (registration.waiting && worker.controller) notice(registration.waiting);
        registration.addEventListener("updatefound", () => {
          const installing = registration.installing;
          installing.addEventListener("statechange", () => {
            if (installing.state === "installed" && worker.controller) notice(installing);
          });
        });
        if (worker.controller) worker.controller.postMessage({ type: "status" });
      })
      .catch(() => {
        /* No worker (private mode, blocked storage): the site works online as before. */
      });
  if (document.readyState === "complete") register();
  else addEventListener("load", register);
})();
