/*
 * Indonesian search for Sphinx: the stemmer (a line-by-line port of search_id.py, which
 * stems the index; tests/test_search.py checks that both agree). Sphinx embeds this file,
 * followed by the ranking (search_rank.js), in language_data.js, which every theme loads
 * right after searchtools.js; the build then fills in the roots that the index's terms
 * need (search_id.ship_roots), not the whole dictionary.
 */
"use strict";

const ID_ROOTS = new Set("__ROOTS__".split(" "));
const ID_VARIANTS = "__VARIANTS__";
const ID_IRREGULAR = "__IRREGULAR__";
const ID_STOPWORDS = typeof stopwords === "undefined" ? new Set() : stopwords;
const ID_VOWELS = new Set(["a", "e", "i", "o", "u"]);
// The rules' tables, filled in from search_id.py (js_code): one source for both halves.
const ID_NASAL = "__NASAL__";
const ID_SUFFIX_GROUPS = "__SUFFIX_GROUPS__";
const ID_DERIVATIONAL = "__DERIVATIONAL__";
const ID_LOANWORD = "__LOANWORD__";
const ID_LATINATE = "__LATINATE__";
const ID_ALTERNATIONS = "__ALTERNATIONS__";
const ID_EXTRA_ROOTS = new Set("__EXTRA_ROOTS__".split(" "));
const ID_PRECEDENCE = new RegExp("^(?:" + "__PRECEDENCE__" + ")$");
const ID_KANLESS = "__KANLESS__";
const ID_MAX_PREFIXES = "__MAX_PREFIXES__";
const ID_ASSIMILATED = "__ASSIMILATED__";
const ID_INVISIBLE = new RegExp("[" + "__INVISIBLE__" + "]", "g");

/* Text as its words are indexed and searched (normalise in search_id.py). */
const idNormalise = (text) => text.normalize("NFKC").replace(ID_INVISIBLE, "");

const idIsVowel = (c) => ID_VOWELS.has(c);
const idSyllables = (word) => [...word].filter(idIsVowel).length;
const idVariant = (word) =>
  Object.prototype.hasOwnProperty.call(ID_VARIANTS, word) ? ID_VARIANTS[word] : word;

const idFold = (root) => {
  if (idSyllables(root) < 2) return root;
  if (idIsVowel(root[0])) return "ng" + root;
  if (root.length > 1 && ID_NASAL[root[0]] && idIsVowel(root[1])) return ID_NASAL[root[0]] + root.slice(1);
  return root;
};

const idInflectedForms = (word) => {
  const forms = [word];
  for (const group of ID_SUFFIX_GROUPS) {
    const current = forms[forms.length - 1];
    for (const suffix of group) {
      const rest = current.slice(0, -suffix.length);
      if (current.endsWith(suffix) && (idSyllables(rest) >= 2 || ID_ROOTS.has(rest))) {
        forms.push(rest);
        break;
      }
    }
  }
  return forms;
};

const idSuffixForms = (inflected) => {
  const forms = inflected.map((form) => [form, true]);
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
        return [[after, false]]; // memper-/pemper-: per- is the next prefix stripped
      }
      if (rest[0] === "m" && (after[0] === "l" || after[0] === "r")) return [["p" + after, false]];
      return [];
    }
    if (head === "pe" && rest[0] === "r") return [[rest.slice(1), false], [rest, false]];
    if (["l", "r", "w", "y"].includes(rest[0])) return [[rest, false]];
    return head === "pe" && !idIsVowel(rest[0]) ? [[rest, false]] : [];
  }
  if (head === "be" || head === "te") {
    if (rest[0] === "r") return [[rest.slice(1), false], [rest, false]];
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

const idAlternate = (word) => {
  if (idSyllables(word) >= 4)
    for (const [suffix, ending] of ID_ALTERNATIONS) {
      const stem = word.slice(0, -suffix.length);
      if (word.endsWith(suffix) && idSyllables(stem) >= 1 && ID_ROOTS.has(stem + ending)) return stem + ending;
    }
  return null;
};

const idLoanwordBase = (word, suffixes) => {
  for (const suffix of suffixes) {
    const base = word.slice(0, -suffix.length);
    if (word.endsWith(suffix) && idSyllables(base) >= 2 && ID_ROOTS.has(base)) return base;
  }
  return null;
};

const idTerm = (root) =>
  idFold(ID_EXTRA_ROOTS.has(root) ? root : idLoanwordBase(root, ID_LOANWORD) || idAlternate(root) || root);

const idRootOf = (word) => {
  if (Object.prototype.hasOwnProperty.call(ID_IRREGULAR, word)) return ID_IRREGULAR[word];
  word = idVariant(word); // an older spelling of a root, also inside a word (perijinan)
  if (ID_ROOTS.has(word)) return word;
  return idLoanwordBase(word, ID_LATINATE) || idAlternate(word);
};

const idStripPrefixes = (word, depth, second, limit = ID_MAX_PREFIXES, kan = false) => {
  const known = idRootOf(word);
  if (known) return [true, idTerm(known)];
  if (kan && ID_KANLESS.some((p) => word.startsWith(p)) && !word.startsWith("per")) return [false, idFold(word)];
  const plain = second && word[0] !== "k";
  const inner = depth > 0 && ["di", "ku", "kau"].some((p) => word.startsWith(p));
  const options = (inner ? [] : idPrefixOptions(word)).filter(([rest]) => idSyllables(rest) >= 2 || (plain && ID_ROOTS.has(rest)));
  if (depth === limit || !options.length) {
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
      const root = unfolded.map(idRootOf).find((w) => w);
      if (root !== undefined) return [true, idTerm(root)];
      [found, stripped] = [false, rest];
      const prefixed = second && unfolded.slice(1).find((w) => ID_ASSIMILATED.some((p) => w.startsWith(p)));
      if (prefixed) {
        [found, stripped] = idStripPrefixes(prefixed, depth + 1, second, limit);
        if (!found) stripped = rest;
      }
    } else [found, stripped] = idStripPrefixes(rest, depth + 1, second, limit);
    if (found) return [true, stripped];
    fallback = fallback || stripped;
  }
  const short = idMonosyllable(word);
  return short ? [true, short] : [false, fallback];
};

const idRoot = (word) => {
  const inflected = idInflectedForms(word);
  const base = inflected[inflected.length - 1];
  const negated = base.slice(7, -2);
  if (base.startsWith("ketidak") && base.endsWith("an") && idSyllables(negated) >= 2 && !ID_ROOTS.has("tidak" + negated))
    return idRoot(negated);
  if (ID_PRECEDENCE.test(base)) {
    const [found, stripped] = idStripPrefixes(base, 0, false, 1);
    if (found) return stripped;
  }
  const forms = idSuffixForms(inflected);
  for (const [form] of forms) {
    const known = idRootOf(form);
    if (known) return idTerm(known);
  }
  const reverse = forms.slice().reverse();
  const order = reverse.slice();
  const at = order.map(([form]) => form).indexOf(order[0][0] + "i");
  if (at >= 0) order.splice(at, 0, order.shift());
  for (const form of inflected.slice(0, -1)) {
    const [found, stripped] = idStripPrefixes(form, 0, false, 1);
    if (found) return stripped;
  }
  const stems = new Map();
  for (const limit of [1, ID_MAX_PREFIXES])
    for (const [form] of order) {
      const [found, stripped] = idStripPrefixes(form, 0, false, limit, base === form + "kan");
      if (found) return stripped;
      stems.set(form, stripped);
    }
  const unkanned = base.slice(0, -3);
  if (base.endsWith("kan") && stems.has(unkanned)) {
    const [found, stripped] = idStripPrefixes(unkanned, 0, false);
    if (found) return stripped;
    stems.set(unkanned, stripped);
  }
  for (const [form] of order) {
    const [found, stripped] = idStripPrefixes(form, 0, true);
    if (found) return stripped;
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
    return idRoot(word);
  };
};
