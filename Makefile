# Build and test the handbook. Sphinx "make mode": any builder name works as a
# target (`make dirhtml`, `make latex`, ...); the targets below add the venv,
# strict options and project tasks. Run `make help` for the list.

PYTHON      ?= python3
VENV        ?= .venv
SOURCEDIR   := docs
BUILDDIR    ?= _build
# Strict by default: any warning (a broken page) fails the build.
SPHINXOPTS  ?= -n -W --keep-going
BIN         := $(VENV)/bin
SPHINXBUILD := $(BIN)/sphinx-build
STAMP       := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)

# A variable's value as one shell word, exactly as typed (quotes and $ included): make impor KATEGORI='Dana "X"'
quoted = '$(subst ','\'',$(value $(1)))'

.DEFAULT_GOAL := html
.PHONY: help venv html pdf buku-saku handout epub htmlzip all livehtml new spelling linkcheck test lighthouse search-eval stem-eval bench bench-quick bench-offline mutation mutation-js clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

# The virtualenv is (re)built whenever requirements.txt changes.
$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

venv: $(STAMP) ## Create the virtualenv from requirements.txt

# Node tools for the browser tests (axe-core, Lighthouse), pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

html: $(STAMP) ## Build the website into _build/html
	$(SPHINXBUILD) -M html $(SOURCEDIR) $(BUILDDIR) $(SPHINXOPTS)

pdf: $(STAMP) ## Build the PDF handbook and one handout per category into _build/latex
	$(SPHINXBUILD) -M latexpdf $(SOURCEDIR) $(BUILDDIR) $(SPHINXOPTS)

buku-saku: $(STAMP) ## A5 pocket edition and print-ready booklets (also per category) into _build/buku-saku
	$(SPHINXBUILD) -M latexpdf $(SOURCEDIR) $(BUILDDIR)/buku-saku $(SPHINXOPTS) -D faq_latex_paper=a5
	$(BIN)/python scripts/buku_saku.py $(BUILDDIR)/buku-saku/latex/*-saku.pdf --keluaran $(BUILDDIR)/buku-saku

# make handout PERTANYAAN="apa-itu-sosialisasi siapa-pelaku-sosialisasi" [UKURAN=a5]
UKURAN ?= a4
handout: $(STAMP) ## Handout of chosen questions, PERTANYAAN="slug ..." (A4; UKURAN=a5): _build/handout
	$(if $(strip $(PERTANYAAN)),,$(error Sebutkan pertanyaannya, misalnya: make handout PERTANYAAN="apa-itu-sosialisasi"))
	rm -f $(BUILDDIR)/handout/latex/tanya-jawab-pilihan*.pdf
	$(SPHINXBUILD) -M latexpdf $(SOURCEDIR) $(BUILDDIR)/handout $(SPHINXOPTS) \
	  -D faq_latex_questions="$(PERTANYAAN)" -D faq_latex_paper=$(UKURAN)

epub: $(STAMP) ## Build the ePub into _build/epub
	$(SPHINXBUILD) -M epub $(SOURCEDIR) $(BUILDDIR) $(SPHINXOPTS)

htmlzip: html ## Zip the website for offline reading (_build/htmlzip)
	mkdir -p $(BUILDDIR)/htmlzip
	cd $(BUILDDIR) && rm -f htmlzip/tanya-jawab-pnpm-mandiri-perkotaan.zip && \
	  $(abspath $(BIN))/python -m zipfile -c htmlzip/tanya-jawab-pnpm-mandiri-perkotaan.zip html/

all: html pdf epub htmlzip ## Every output format

livehtml: $(STAMP) ## Live preview at http://127.0.0.1:8000, rebuilt on save
	$(BIN)/sphinx-autobuild $(SOURCEDIR) $(BUILDDIR)/livehtml $(SPHINXOPTS) -D faq_offline=0 --watch $(SOURCEDIR)/_ext

new: $(STAMP) ## Add a question page (asks; or ARGS='--kategori ... --pertanyaan ...')
	$(BIN)/python scripts/new_question.py $(ARGS)

# Import one category of the old website's FAQ; ARGS=--dry-run prints the plan and writes nothing.
.PHONY: impor catatan
impor: $(STAMP) ## Import an old-site FAQ export: SUMBER=<file .txt/.html> KATEGORI="<name>" [ARGS=--dry-run]
	$(BIN)/python scripts/impor.py $(call quoted,SUMBER) --kategori $(call quoted,KATEGORI) $(ARGS)

catatan: $(STAMP) ## Regenerate the corrections table of EDITORIAL_NOTES.md from koreksi.yml
	$(BIN)/python scripts/koreksi.py

spelling: $(STAMP) ## Spell-check the pages in Indonesian (needs hunspell-id)
	$(SPHINXBUILD) -M spelling $(SOURCEDIR) $(BUILDDIR) $(SPHINXOPTS)

linkcheck: $(STAMP) ## Check external links (maintainers; needs internet)
	$(SPHINXBUILD) -M linkcheck $(SOURCEDIR) $(BUILDDIR) $(SPHINXOPTS)

# One pytest worker per core (pytest-xdist), each test file on one worker: most tests wait on a
# sphinx-build subprocess or on Chromium, so two workers nearly halve the suite on 2 cores.
# `make test PYTEST_ARGS=` runs it in one process.
PYTEST_ARGS ?= -n auto --dist loadfile
test: $(STAMP) node_modules/.installed ## Run the whole test suite
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lighthouse: $(STAMP) node_modules/.installed ## Lighthouse scores of the home, a question and the search page
	$(BIN)/python scripts/lighthouse.py

search-eval: $(STAMP) ## Rank our search against stock Sphinx and Pagefind: handbook, GNOME, GNOME apps and LibreOffice help, typos (Chromium)
	$(BIN)/python scripts/search_eval.py --min-precision 1.0

stem-eval: $(STAMP) ## Stemmer conflation against hunspell and Sastrawi, with Snowball (held-out half)
	$(BIN)/python scripts/stem_eval.py

# Build and search at 10 to 5,000 generated questions, against stock Sphinx and Pagefind (bench/README.md).
bench: $(STAMP) ## Full benchmark (about 10 min): results into bench/results/
	$(BIN)/python bench/run.py

bench-quick: $(STAMP) ## Benchmark at 10 and 100 questions (about 1 min): into _build/bench-quick/
	$(BIN)/python bench/run.py --quick --out $(BUILDDIR)/bench-quick

bench-offline: $(STAMP) ## Time to offline-ready over a slow connection at 10 to 1,000 questions (Chromium)
	$(BIN)/python bench/offline.py --out bench/results

# mutmut over docs/_ext/ and scripts/ with the fast tests (tests/mutation/run.py explains the staging copy).
mutation: $(STAMP) ## Mutation testing (hours on 2 cores; tests/mutation/README.md): tests/mutation/report.md
	$(BIN)/python tests/mutation/run.py $(ARGS)

# Stryker over the search ranking, installed on first use (pinned by tests/mutation/js/package-lock.json).
tests/mutation/js/node_modules/.installed: tests/mutation/js/package.json tests/mutation/js/package-lock.json
	npm ci --prefix tests/mutation/js --no-audit --no-fund --loglevel=error
	touch $@

mutation-js: $(STAMP) tests/mutation/js/node_modules/.installed ## Mutation testing of the search ranking (Stryker; about an hour on 2 cores): _build/mutation-js
	PYTHON=$(abspath $(BIN))/python tests/mutation/js/node_modules/.bin/stryker run tests/mutation/stryker.config.mjs $(ARGS)

clean: ## Remove build outputs
	rm -rf $(BUILDDIR)

# Files make must not try to build with the catch-all rule below.
Makefile requirements.txt package.json package-lock.json tests/mutation/js/package.json tests/mutation/js/package-lock.json: ;

# Any other Sphinx builder (dirhtml, latex, text, ...), strict as well.
%: $(STAMP)
	$(SPHINXBUILD) -M $@ $(SOURCEDIR) $(BUILDDIR) $(SPHINXOPTS)
