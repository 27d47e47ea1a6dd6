/*
 * Indonesian search for Sphinx: the stemmer (a line-by-line port of search_id.py, which
 * stems the index; tests/test_search.py checks that both agree), the result ranking and
 * the search page's messages. Sphinx embeds this file in language_data.js, which every
 * theme loads right after searchtools.js; the build then fills in the roots that the
 * index's terms need (search_id.ship_roots), not the whole dictionary.
 */
"use strict";

const ID_ROOTS = new Set("__ROOTS__".split(" "));
const ID_VARIANTS = "__VARIANTS__";
const ID_STOPWORDS = typeof stopwords === "undefined" ? new Set() : stopwords;
const ID_VOWELS = new Set(["a", "e", "i", "o", "u"]);
const ID_NASAL = { k: "ng", t: "n", p: "m", s: "ny" };
const ID_SUFFIX_GROUPS = [["lah", "kah", "pun"], ["nya", "ku", "mu"]];
const ID_DERIVATIONAL = ["an", "kan", "i"];
const ID_LOANWORD = ["isasi", "isme", "itas", "wati", "wan", "is"];
const ID_EXTRA_ROOTS = new Set("__EXTRA_ROOTS__".split(" "));

const idIsVowel = (c) => ID_VOWELS.has(c);
const idSyllables = (word) => [...word].filter(idIsVowel).length;
const idVariant = (word) =>
  Object.prototype.hasOwnProperty.call(ID_VARIANTS, word) ? ID_VARIANTS[word] : word;

const idFold = (root) => {
  if (idIsVowel(root[0])) return "ng" + root;
  if (root.length > 1 && ID_NASAL[root[0]] && idIsVowel(root[1])) return ID_NASAL[root[0]] + root.slice(1);
  return root;
};

const idSuffixForms = (word) => {
  const forms = [[word, true]];
  for (const group of ID_SUFFIX_GROUPS) {
    const current = forms[forms.length - 1][0];
    for (const suffix of group) {
      const rest = current.slice(0, -suffix.length);
      if (current.endsWith(suffix) && idSyllables(rest) >= 2) {
        forms.push([rest, true]);
        break;
      }
    }
  }
  const base = forms[forms.length - 1][0];
  for (const suffix of ID_DERIVATIONAL) {
    const rest = base.slice(0, -suffix.length);
    if (base.endsWith(suffix) && idSyllables(rest) >= 2) forms.push([rest, !(suffix === "i" && rest.endsWith("s"))]);
  }
  return forms;
};

const idPrefixOptions = (word) => {
  const head = word.slice(0, 2);
  const rest = word.slice(2);
  if (head === "me" || head === "pe") {
    if (rest.startsWith("ng")) {
      const after = rest.slice(2);
      return idIsVowel(after[0]) ? [["ng" + after, true]] : [[after, false]];
    }
    if (rest.startsWith("ny") && idIsVowel(rest[2])) return [[rest, true]];
    if (rest[0] === "m" || rest[0] === "n") {
      const after = rest.slice(1);
      if (idIsVowel(after[0])) return [[rest, true]];
      if (after[0] && (rest[0] === "m" ? "bfvp" : "cdjstz").includes(after[0])) {
        const options = word.startsWith("memper") || word.startsWith("pemper") ? [[word.slice(6), false]] : [];
        return options.concat([[after, false]]);
      }
      return [];
    }
    if (head === "pe" && rest[0] === "r") return [[rest.slice(1), false], [rest, false]];
    if (["l", "r", "w", "y"].includes(rest[0])) {
      if (word.startsWith("pelajar")) return [[word.slice(3), false]];
      return [[rest, false]];
    }
    return head === "pe" && !idIsVowel(rest[0]) ? [[rest, false]] : [];
  }
  if (head === "be" || head === "te") {
    if (rest[0] === "r") return [[rest.slice(1), false], [rest, false]];
    if (head === "be" && word.startsWith("belajar")) return [[word.slice(3), false]];
    if (rest.slice(1, 3) === "er" && !idIsVowel(rest[0])) return [[rest, false]];
    return [];
  }
  if (head === "di" || head === "ke" || head === "se") return [[rest, false]];
  if (word.startsWith("kau") || word.startsWith("ku")) return [[word.slice(word.startsWith("kau") ? 3 : 2), false]];
  return [];
};

const idMonosyllable = (word) => {
  const rest = word.slice(5);
  return (word.startsWith("menge") || word.startsWith("penge")) && rest.length > 1 && idSyllables(rest) === 1
    ? rest
    : null;
};

const idTerm = (root) => {
  if (!ID_EXTRA_ROOTS.has(root))
    for (const suffix of ID_LOANWORD) {
      const base = root.slice(0, -suffix.length);
      if (root.endsWith(suffix) && idSyllables(base) >= 2 && ID_ROOTS.has(base)) return idFold(base);
    }
  return idFold(root);
};

const idStripPrefixes = (word, depth) => {
  if (ID_ROOTS.has(word)) return [true, idTerm(word)];
  const options = idPrefixOptions(word).filter(([rest]) => idSyllables(rest) >= 2);
  if (depth === 3 || !options.length) {
    const short = idMonosyllable(word);
    return short ? [true, short] : [false, idFold(word)];
  }
  let fallback = null;
  for (const [rest, final] of options) {
    let found;
    let stripped;
    if (final) {
      const unfolded = rest.startsWith("ng") ? [rest, rest.slice(2)] : [rest];
      for (const [c, n] of Object.entries(ID_NASAL))
        if (rest.startsWith(n)) unfolded.push(c + rest.slice(n.length));
      const root = unfolded.find((w) => ID_ROOTS.has(w));
      if (root !== undefined) return [true, idTerm(root)];
      [found, stripped] = [false, rest];
    } else [found, stripped] = idStripPrefixes(rest, depth + 1);
    if (found) return [true, stripped];
    fallback = fallback || stripped;
  }
  const short = idMonosyllable(word);
  return short ? [true, short] : [false, fallback];
};

const idRoot = (word) => {
  const forms = idSuffixForms(word);
  for (const [form] of forms) if (ID_ROOTS.has(form)) return idTerm(form);
  const reverse = forms.reverse();
  const order = reverse.slice();
  const at = order.map(([form]) => form).indexOf(order[0][0] + "i");
  if (at >= 0) order.splice(at, 0, order.shift());
  const stems = new Map();
  for (const [form] of order) {
    const [found, stripped] = idStripPrefixes(form, 0);
    if (found) return stripped;
    stems.set(form, stripped);
  }
  const sure = reverse.find(([form, ok]) => ok && stems.get(form));
  return sure ? stems.get(sure[0]) : null;
};

var Stemmer = function () {
  this.stemWord = (input) => {
    let word = input.toLowerCase();
    if (/^[a-z]{3,}2$/.test(word)) word = word.slice(0, -1);
    word = idVariant(word);
    if (!/^\p{L}+$/u.test(word) || [...word].length < 4 || idSyllables(word) < 2)
      return ID_ROOTS.has(word) ? idTerm(word) : word;
    return idVariant(idRoot(word));
  };
};

/*
 * Ranking. Each query word scores a page by where its stem occurs: in the page's title
 * (question), in its keywords (the index entries made from front matter), or in the body.
 * Pages matching more of the query's words come first; when no page matches them all,
 * the pages matching most of them are shown with a notice instead of "no results".
 */
const ID_WEIGHT = { title: 15, keyword: 10, body: 5, exact: 3, prefix: 2 };
const ID_EXACT = "=";
const ID_MESSAGES = {
  Searching: "Mencari",
  "Search Results": "Hasil Pencarian",
  "Preparing search...": "Menyiapkan pencarian...",
  "Search finished, found one page matching the search query.": [
    "Pencarian selesai, ditemukan ${resultCount} halaman yang sesuai dengan kata pencarian.",
    "Pencarian selesai, ditemukan ${resultCount} halaman yang sesuai dengan kata pencarian.",
  ],
  "Your search did not match any documents. Please make sure that all words are spelled correctly and that you've selected enough categories.":
    "Tidak ada halaman yang sesuai dengan pencarian Anda. Periksa kembali ejaan kata pencarian.",
};
const ID_PARTIAL_NOTICE =
  "Tidak ada halaman yang memuat semua kata pencarian. Berikut halaman yang memuat sebagian kata tersebut.";

const idStems = (text, stemmer) =>
  splitQuery(text.toLowerCase())
    .filter((w) => !ID_STOPWORDS.has(w))
    .map((w) => stemmer.stemWord(w));

const idFiles = (table, key) => {
  if (!Object.prototype.hasOwnProperty.call(table, key)) return [];
  const files = table[key];
  return Array.isArray(files) ? files : [files];
};

const idRank = (index, query, searchTerms, excludedTerms) => {
  const stemmer = new Stemmer();
  // The query's words as written, by stem: pages using one of them exactly get a bonus.
  const written = {};
  for (const word of splitQuery(query.toLowerCase())) {
    const stem = stemmer.stemWord(word);
    (written[stem] = written[stem] || []).push(word);
  }
  const keywordTerms = {};
  for (const [entry, found] of Object.entries(index.indexentries || {}))
    for (const stem of idStems(entry, stemmer))
      for (const [file] of found) (keywordTerms[stem] = keywordTerms[stem] || new Set()).add(file);
  const pages = new Map();
  for (const term of searchTerms) {
    const best = new Map();
    const add = (files, weight) =>
      files.forEach((file) => best.set(file, Math.max(best.get(file) || 0, weight)));
    add(idFiles(index.titleterms, term), ID_WEIGHT.title);
    add([...(keywordTerms[term] || [])], ID_WEIGHT.keyword);
    add(idFiles(index.terms, term), ID_WEIGHT.body);
    if (!best.size && term.length > 3)
      for (const table of [index.titleterms, index.terms])
        for (const key of Object.keys(table))
          if (key.startsWith(term)) add(idFiles(table, key), ID_WEIGHT.prefix);
    const exact = new Set();
    for (const word of written[term] || [])
      for (const table of [index.titleterms, index.terms])
        idFiles(table, ID_EXACT + word).forEach((file) => exact.add(file));
    for (const file of exact) if (best.has(file)) best.set(file, best.get(file) + ID_WEIGHT.exact);
    for (const [file, weight] of best) {
      const page = pages.get(file) || { file, matched: 0, score: 0 };
      page.matched += 1;
      page.score += weight;
      pages.set(file, page);
    }
  }
  for (const term of excludedTerms)
    for (const table of [index.titleterms, index.terms]) idFiles(table, term).forEach((f) => pages.delete(f));
  // A short title that the query covers well beats a long one that merely contains it.
  for (const page of pages.values()) {
    const titleStems = idStems(index.titles[page.file], stemmer);
    const covered = titleStems.filter((s) => searchTerms.has(s)).length;
    if (titleStems.length) page.score += covered / titleStems.length;
  }
  const most = Math.max(0, ...[...pages.values()].map((p) => p.matched));
  const ranked = [...pages.values()].filter((p) => most === searchTerms.size ? p.matched === most : true);
  // Ties are broken alphabetically by title, as Sphinx does (ascending: shown last to first).
  const title = (p) => index.titles[p.file].toLowerCase();
  ranked.sort((a, b) => a.matched - b.matched || a.score - b.score || (title(a) < title(b) ? 1 : -1));
  return { ranked, partial: ranked.length > 0 && most < searchTerms.size };
};

if (typeof Search !== "undefined") {
  Search._performSearch = (query, searchTerms, excludedTerms) => {
    const index = Search._index;
    _removeChildren(document.getElementById("search-progress"));
    const { ranked, partial } = idRank(index, query, searchTerms, excludedTerms);
    if (partial) {
      const notice = document.createElement("p");
      notice.className = "search-partial";
      notice.textContent = ID_PARTIAL_NOTICE;
      Search.output.before(notice);
    }
    // Ascending order: Sphinx displays the results by popping the last one.
    return ranked.map((p) => [
      index.docnames[p.file],
      index.titles[p.file],
      "",
      null,
      p.matched * 100 + p.score,
      index.filenames[p.file],
      "text",
    ]);
  };

  // The excerpt under each result starts near, and highlights, the first word of the page
  // with a query stem, whatever its form (Sphinx looks for the stems as written).
  Search.makeSearchSummary = (htmlText, stems, anchor) => {
    const text = Search.htmlToText(htmlText, anchor);
    if (text === "") return null;
    const stemmer = new Stemmer();
    const found = new Set();
    let start = -1;
    for (const match of text.matchAll(/[\p{L}\p{N}_]+/gu)) {
      const word = match[0].toLowerCase();
      if (!ID_STOPWORDS.has(word) && stems.has(stemmer.stemWord(word))) {
        if (start < 0) start = match.index;
        found.add(word);
      }
    }
    const from = Math.max(start - 120, 0);
    const summary = document.createElement("p");
    summary.classList.add("context");
    summary.textContent =
      (from ? "..." : "") + text.substr(from, 240).trim() + (from + 240 < text.length ? "..." : "");
    if (typeof _highlightText === "function") found.forEach((word) => _highlightText(summary, word, "highlighted"));
    return summary;
  };
}

if (typeof Documentation !== "undefined") Object.assign(Documentation.TRANSLATIONS, ID_MESSAGES);
