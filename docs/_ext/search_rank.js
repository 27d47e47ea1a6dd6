/*
 * Result ranking for the Indonesian search (search_id.py appends this file to the stemmer
 * in language_data.js). It replaces Sphinx's ranking:
 *
 * - BM25 weighting: a query word found on few pages counts more than one found on many,
 *   and a page's score is normalised by its length, so that long pages do not win by
 *   length alone. The index records where a word occurs, not how often, so each field the
 *   word occurs in (title, keywords, body) adds its weight to the term frequency.
 * - Question pages rank above listing pages (home, categories, keyword page), which the
 *   index names in "listings" (search_id.py).
 * - Acronyms and synonyms: a query word or phrase of a group (ID_SYNONYMS: the acronyms of
 *   istilah.yml with their expansions, and sinonim.yml) is also matched by every other
 *   member of its group.
 * - Typos: a query word whose stem is found nowhere in the index is replaced by the
 *   closest word of the index (Damerau-Levenshtein distance 1, or 2 for words of eight
 *   letters or more), and the page says so.
 * - A page whose title, or one of its section headings, the query's own words (not their
 *   synonyms) cover well gains on one that has the query's words scattered.
 * - A page need not hold every word of the query: one lacking a word may still be the answer,
 *   worded otherwise. Pages are ranked by the rarity of the words they match, and gain with
 *   the number they match; its result names the words its page lacks, and when no page
 *   matches them all, a notice says so.
 * - A query counts its first 32 words (ID_MAX_WORDS), so that a pasted page is searched
 *   without freezing the page. Numbers are words of the query (the index holds them, unlike
 *   Sphinx's): "booklet 13 halaman", a regulation's number, a year.
 * - Each result shows its page's description from the index, drawn with the result; no
 *   result page is fetched for an excerpt.
 */

// A word's weight in each field of a page, as BM25's term frequency (the index records where a
// word occurs, not how often). The title's 4 (3 before) was chosen on the development halves
// of the three corpora and LibreOffice's other index entries, where it gained or held on each.
const ID_FIELD = { title: 4, keyword: 2, body: 1, exact: 0.5, prefix: 0.5 };
const ID_BM25 = { k1: 1.2, b: 0.75 };
const ID_SYNONYMS = "__SYNONYMS__";
const ID_SYNONYM_FACTOR = 0.8;
// The bonuses of a title and a section heading that the query covers (below), in units of a
// query word's BM25 score (about 1 to 5). Fitted on the development halves of the corpus
// evaluation (make search-eval): a help page's title or heading names its task better than
// its body's words count it.
const ID_COVERAGE = { title: 4, query: 2, heading: 6 };
// Words of a query that count, as web search engines do: a pasted page stays a query, whose
// unknown words (each compared with every word of the index) take no seconds to correct.
const ID_MAX_WORDS = 32;
const ID_EXACT = "=";
// Stryker disable all: what the page shows (messages, notices, the results list below) runs in
// the browser only, where the Chromium tests check it; `make mutation-js` mutates the ranking.
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
const ID_CORRECTED_NOTICE = "Menampilkan hasil untuk ";
const ID_MISSING_LABEL = "Tidak memuat: ";
// Stryker restore all

const idOwn = (table, key) => Object.prototype.hasOwnProperty.call(table, key);

/* The stemmer, memoised for the page's lifetime: titles, keywords and excerpts repeat words. */
const ID_STEMS = new Map();
const ID_STEMMER = new Stemmer();
const idStem = (word) => {
  let stem = ID_STEMS.get(word);
  // Stryker disable next-line all: a cache (speed only)
  if (stem === undefined) ID_STEMS.set(word, (stem = ID_STEMMER.stemWord(word)));
  return stem;
};

/* The stems of a text's words, stopwords left out. */
const idStems = (text) =>
  splitQuery(idNormalise(text).toLowerCase())
    .filter((w) => !ID_STOPWORDS.has(w))
    .map(idStem);

const idFiles = (table, key) => {
  if (!idOwn(table, key)) return [];
  const files = table[key];
  return Array.isArray(files) ? files : [files];
};

/* Damerau-Levenshtein distance (optimal string alignment: a transposition counts as one),
 * or max + 1 as soon as it must exceed max. */
const idDistance = (a, b, max) => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j], before[j - 2] + 1);
      least = Math.min(least, row[j]);
    }
    if (least > max) return max + 1;
    [before, previous] = [previous, row];
  }
  return previous[b.length];
};

/* What the ranking needs from the index beyond Sphinx's tables, computed once per index
 * (nothing here depends on the query). */
const idPrepare = (index) => {
  // Stryker disable next-line all: a cache (speed only)
  if (index._idRank) return index._idRank;
  // A Map: a query word may be any string, "constructor" or "__proto__" too.
  const keyword = new Map();
  for (const [entry, found] of Object.entries(index.indexentries || {}))
    for (const stem of idStems(entry)) {
      if (!keyword.has(stem)) keyword.set(stem, new Set());
      for (const [file] of found) keyword.get(stem).add(file);
    }
  // A page's length: the number of distinct terms it is indexed under.
  const length = new Array(index.docnames.length).fill(0);
  const words = new Map(); // index words (as written where recorded) -> number of pages
  for (const table of [index.terms, index.titleterms])
    for (const key of Object.keys(table)) {
      const files = idFiles(table, key);
      if (key[0] !== ID_EXACT) files.forEach((file) => (length[file] += 1));
      const word = key[0] === ID_EXACT ? key.slice(1) : key;
      if (/^\p{L}+$/u.test(word)) words.set(word, Math.max(words.get(word) || 0, files.length));
    }
  // The older spellings of index words (propinsi for provinsi) are words of the index too:
  // a typo in one is corrected to it, not to an unrelated word nearer by chance. The stem is
  // on every page with either spelling, so its pages are the older spelling's count.
  for (const [spelling, standard] of Object.entries(ID_VARIANTS)) {
    const stem = idStem(standard);
    const files = new Set([...idFiles(index.terms, stem), ...idFiles(index.titleterms, stem)]);
    if (files.size) words.set(spelling, files.size);
  }
  const average = length.reduce((a, b) => a + b, 0) / Math.max(length.length, 1) || 1;
  const listings = new Set(index.listings || []);
  // Per page: its title's stems and its section headings' (for the coverage bonuses), its
  // title as sorted.
  const titleStems = index.titles.map(idStems);
  const headingStems = index.titles.map(() => []);
  for (const [heading, places] of Object.entries(index.alltitles || {}))
    for (const [file, anchor] of places) if (anchor) headingStems[file].push(idStems(heading));
  const sortTitles = index.titles.map((title) => title.toLowerCase());
  const keys = [index.titleterms, index.terms].map((table) => [table, Object.keys(table)]);
  const groups = ID_SYNONYMS.map((group) => group.map(idStems));
  const corrections = new Map(); // unknown query word -> its correction, for the page's lifetime
  index._idRank = {
    keyword, length, average, words, listings, titleStems, headingStems, sortTitles, keys, groups, corrections,
  };
  return index._idRank;
};

const idKnown = (index, data, stem) =>
  idOwn(index.terms, stem) || idOwn(index.titleterms, stem) || data.keyword.has(stem);

/* The closest index word to a word found nowhere, or null. Ties go to the commoner word. */
const idCorrect = (data, word) => {
  if ([...word].length < 4 || !/^\p{L}+$/u.test(word)) return null;
  const max = [...word].length >= 8 ? 2 : 1;
  let best = null;
  let bestDistance = max + 1;
  for (const [candidate, count] of data.words) {
    // Beyond max (bestDistance starts at max + 1) a candidate is neither closer nor tied.
    const distance = idDistance(word, candidate, Math.min(max, bestDistance));
    if (distance < bestDistance || (distance === bestDistance && best && count > data.words.get(best)))
      [best, bestDistance] = [candidate, distance];
  }
  return best;
};

/* The query as slots: each is matched by any one of its alternatives (lists of stems). */
const idSlots = (index, data, query) => {
  const words = splitQuery(idNormalise(query).toLowerCase())
    .filter((w) => !ID_STOPWORDS.has(w))
    .slice(0, ID_MAX_WORDS);
  const corrected = words.map((word) => {
    if (idKnown(index, data, idStem(word))) return word;
    // Stryker disable next-line all: a cache (speed only)
    if (!data.corrections.has(word))
      // An informal reduplication (kegiatan2) is corrected as the word it repeats.
      data.corrections.set(word, idCorrect(data, word.replace(/^(\p{L}{3,})2$/u, "$1")) || word);
    return data.corrections.get(word);
  });
  const stems = corrected.map(idStem);
  const slots = [];
  for (let i = 0; i < stems.length; ) {
    let found = null;
    for (const group of data.groups)
      for (const member of group)
        if (member.length && (!found || member.length > found.length) &&
            member.every((stem, k) => stems[i + k] === stem))
          found = { length: member.length, group, member };
    if (found) {
      slots.push({ written: corrected.slice(i, i + found.length), alternatives: found.group, own: found.member });
      i += found.length;
    } else {
      slots.push({ written: [corrected[i]], alternatives: [[stems[i]]], own: null });
      i += 1;
    }
  }
  const changed = corrected.some((w, i) => w !== words[i]);
  return { slots, corrected: changed ? corrected.join(" ") : null };
};

const idRank = (index, query) => {
  const data = idPrepare(index);
  const { slots, corrected } = idSlots(index, data, query);
  const total = index.docnames.length;
  const pages = new Map();
  const usedStems = new Set();
  const ownStems = new Set(); // those of the query's own words (not their synonyms): coverage below
  for (const slot of slots) {
    const slotScores = new Map();
    for (const alternative of slot.alternatives) {
      const altScores = new Map();
      for (const [k, stem] of alternative.entries()) {
        const weights = new Map();
        const add = (files, weight) => files.forEach((f) => weights.set(f, (weights.get(f) || 0) + weight));
        add(idFiles(index.titleterms, stem), ID_FIELD.title);
        add([...(data.keyword.get(stem) || [])], ID_FIELD.keyword);
        add(idFiles(index.terms, stem), ID_FIELD.body);
        if (!weights.size && stem.length > 3)
          for (const [table, keys] of data.keys)
            for (const key of keys) if (key.startsWith(stem)) add(idFiles(table, key), ID_FIELD.prefix);
        if (!weights.size) {
          altScores.clear();
          break;
        }
        usedStems.add(stem);
        if (alternative === (slot.own || slot.alternatives[0])) ownStems.add(stem);
        // The query's word as written (a phrase is no index key: the index records words).
        for (const table of [index.titleterms, index.terms])
          idFiles(table, ID_EXACT + slot.written.join(" ")).forEach((f) => weights.has(f) && add([f], ID_FIELD.exact));
        const idf = Math.log(1 + (total - weights.size + 0.5) / (weights.size + 0.5));
        for (const [file, tf] of weights) {
          const norm = 1 - ID_BM25.b + (ID_BM25.b * data.length[file]) / data.average;
          const score = (idf * tf * (ID_BM25.k1 + 1)) / (tf + ID_BM25.k1 * norm);
          if (k === 0) altScores.set(file, score);
          else if (altScores.has(file)) altScores.set(file, altScores.get(file) + score);
        }
        // A phrase alternative needs every one of its words on the page.
        for (const file of altScores.keys()) if (!weights.has(file)) altScores.delete(file);
      }
      // The query's own words weigh more than their synonyms.
      const factor = slot.own && alternative !== slot.own ? ID_SYNONYM_FACTOR : 1;
      for (const [file, score] of altScores)
        slotScores.set(file, Math.max(slotScores.get(file) || 0, score * factor));
    }
    for (const [file, score] of slotScores) {
      const page = pages.get(file) || { file, score: 0, lacks: new Set(slots) };
      page.score += score;
      page.lacks.delete(slot);
      pages.set(file, page);
    }
  }
  // The query's words a page lacks, as written (corrected), for its result; the number it matches.
  for (const page of pages.values()) {
    page.missing = [...page.lacks].map((slot) => slot.written.join(" "));
    page.matched = slots.length - page.missing.length;
  }
  // The section heading where the query's words meet best: the share of the heading that
  // the query covers, times the share of the query's words it holds.
  const coverage = (stems) => {
    const covered = stems.filter((s) => ownStems.has(s)).length;
    return covered && covered ** 2 / stems.length / ownStems.size;
  };
  for (const page of pages.values()) {
    // A short title that the query covers well beats a long one that merely contains it, and
    // a title holding more of the query's words beats one holding fewer.
    const titleStems = data.titleStems[page.file];
    const covered = titleStems.filter((s) => ownStems.has(s)).length;
    if (covered)
      page.score +=
        (ID_COVERAGE.title * covered) / titleStems.length + (ID_COVERAGE.query * covered) / ownStems.size;
    // Likewise its best section heading (coverage above).
    page.score += ID_COVERAGE.heading * Math.max(0, ...data.headingStems[page.file].map(coverage));
  }
  // A page's value is its matched words' score (rare words weigh more) times the square root
  // of their number: a page matching more of the words gains, but two common words do not
  // outweigh a rare one matched strongly. Chosen on the development halves of the corpus
  // evaluation: putting the pages that match every word of a short query first (Sphinx's rule)
  // found the right page among the first three for 80 % of LibreOffice's queries, against 83 %;
  // the number of words matched, not its root, lost first places.
  const value = (p) => p.score * Math.sqrt(p.matched);
  // Best first; ties alphabetically by title, as Sphinx does.
  const first = (a, b) => value(b) - value(a) || (data.sortTitles[a.file] < data.sortTitles[b.file] ? -1 : 1);
  const all = [...pages.values()];
  const questions = all.filter((p) => !data.listings.has(p.file)).sort(first);
  // A listing comes after every question matching as many of the words or worth more.
  const after = (listing) =>
    questions.findLastIndex((q) => q.matched >= listing.matched || value(q) >= value(listing));
  const ranked = [...questions];
  // Inserted from the last place up, the worst first where places tie, so that each lands after
  // its question and the listings at one place keep their order.
  all
    .filter((p) => data.listings.has(p.file))
    .map((p) => [after(p), p])
    .sort(([a, p], [b, q]) => b - a || first(q, p))
    .forEach(([place, listing]) => ranked.splice(place + 1, 0, listing));
  ranked.reverse(); // Sphinx shows the results from the last to the first
  return { ranked, partial: ranked.length > 0 && ranked.every((p) => p.missing.length), corrected, usedStems };
};

// Stryker disable all: browser only (see ID_MESSAGES).
if (typeof Search !== "undefined") {
  const notice = (className, text, emphasis) => {
    const paragraph = document.createElement("p");
    paragraph.className = className;
    paragraph.textContent = text;
    if (emphasis) paragraph.appendChild(document.createElement("em")).textContent = emphasis;
    Search.output.before(paragraph);
  };

  // Sphinx's pulse restarts when the search ends between two of its beats (its pending beat
  // turns the stopped state -1 into 0), leaving "Mencari..." pulsing over the results.
  Search.startPulse = () => {
    if (Search._pulse_status >= 0) return;
    const pulse = () => {
      if (Search._pulse_status < 0) return;
      Search._pulse_status = (Search._pulse_status + 1) % 4;
      Search.dots.innerText = ".".repeat(Search._pulse_status);
      window.setTimeout(pulse, 500);
    };
    Search._pulse_status = 0;
    window.setTimeout(pulse, 500);
  };

  // The ranking's tables are built as the index arrives, not on the first query.
  const setIndex = Search.setIndex;
  Search.setIndex = (index) => {
    idPrepare(index);
    setIndex(index);
  };

  Search._performSearch = (query, searchTerms) => {
    const index = Search._index;
    _removeChildren(document.getElementById("search-progress"));
    const { ranked, partial, corrected, usedStems } = idRank(index, query);
    // The excerpts follow the words searched for, corrected or synonyms.
    usedStems.forEach((stem) => searchTerms.add(stem));
    if (corrected) {
      notice("search-corrected", ID_CORRECTED_NOTICE, corrected);
      // The result pages highlight the words searched for, not the typo (Sphinx stored the
      // query as typed for sphinx_highlight.js).
      if (typeof SPHINX_HIGHLIGHT_ENABLED !== "undefined" && SPHINX_HIGHLIGHT_ENABLED)
        localStorage.setItem("sphinx_highlight_terms", corrected);
    }
    if (partial) notice("search-partial", ID_PARTIAL_NOTICE);
    showExtras(ranked, searchTerms);
    // Ascending order: Sphinx displays the results by popping the last one. The score is the place.
    return ranked.map((p, place) => [
      index.docnames[p.file],
      index.titles[p.file],
      "",
      null,
      place,
      index.filenames[p.file],
      "text",
    ]);
  };

  // Each result shows its page's description from the index (search_id.py), with the words
  // of the query's stems highlighted whatever their form. Sphinx would fetch every result
  // page for an excerpt instead: a request per result, and text drawn late.
  const describe = (text, stems) => {
    const excerpt = document.createElement("p");
    excerpt.classList.add("context");
    excerpt.textContent = text;
    for (const word of new Set(splitQuery(text.toLowerCase()))) {
      // As written (a ligature, full-width letters), as stemmed: normalised like the query.
      const stem = idStem(idNormalise(word));
      if (!ID_STOPWORDS.has(word) && stems.has(stem)) _highlightText(excerpt, word, "highlighted");
    }
    return excerpt;
  };
  // A result whose page lacks some of the query's words names them, struck through, as web
  // search engines do: the reader sees why it is there.
  const lacking = (words) => {
    const line = document.createElement("p");
    line.classList.add("search-missing");
    line.textContent = ID_MISSING_LABEL;
    line.appendChild(document.createElement("s")).textContent = words.join(", ");
    return line;
  };
  // Each result, as Sphinx adds it: its description (when the index has them) and the words
  // its page lacks.
  const showExtras = (ranked, stems) => {
    // A ranking called without the search page's list (as the benchmark does) draws nothing.
    if (!Search.output) return;
    const descriptions = Search._index.descriptions;
    if (descriptions) DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false; // Sphinx's excerpts fetch the pages
    const results = [...ranked];
    // Sphinx appends the results one by one, from the last of the list to the first.
    new MutationObserver((records) => {
      for (const record of records)
        for (const item of record.addedNodes) {
          const page = results.pop();
          if (!page) continue;
          const text = descriptions && descriptions[page.file];
          if (text) item.appendChild(describe(text, stems));
          if (page.missing.length) item.appendChild(lacking(page.missing));
        }
    }).observe(Search.output, { childList: true });
  };
}

if (typeof Documentation !== "undefined") Object.assign(Documentation.TRANSLATIONS, ID_MESSAGES);
