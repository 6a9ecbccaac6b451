# Every target sets up .venv from the pinned versions first, so a fresh clone needs only
# Python 3.11+, make and git; `make test` also installs the scripts' pinned formatter and linter
# into node_modules/ with npm.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
NODE_READY := node_modules/.ready
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build check new templates bench vendor clean

$(READY): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	@touch $@

# Without npm the scripts' style test is skipped, saying why (and fails on CI), as the other tests that need a program.
$(NODE_READY): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --loglevel=error && touch $@; \
	else echo "npm is not installed, so the scripts' formatter and linter are not (apt-get install npm)"; fi

serve: $(READY)  ## build the site and serve it at http://127.0.0.1:8000, rebuilding on every change
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

test: $(READY) $(NODE_READY)  ## run every test, spread over one process per processor, a module to each
	$(BIN)/python -m pytest -n auto --dist loadscope --no-loadscope-reorder

build: $(READY)  ## build the site into site/, failing on any problem or warning; a failed build leaves site/ as it was
	$(BIN)/mkdocs build --strict --site-dir site

check: $(READY)  ## check every entry and list all problems, without building
	@$(BIN)/python -m hooks check

# make expands a variable given on its command line (`$5`, `$(shell ...)`) when it hands it to a recipe.
# $(value ...) is the text as typed, unexpanded, so the recipe's environment gets KIND and TITLE literally.
new: override export KIND := $(value KIND)
new: override export TITLE := $(value TITLE)
new: $(READY)  ## write a new entry ready to fill in: make new KIND=case-study TITLE="Peer support huddles in a hospice"
	@$(BIN)/python -m hooks new "$$KIND" "$$TITLE"

templates: $(READY)  ## rewrite approaches/_template.md and case_studies/_template.md from the schema
	@$(BIN)/python -m hooks templates

bench: $(READY)  ## time the check and the build at 100, 1,000 and 5,000 generated case studies, and the worst accepted bodies
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/worst_cases.py

# The libraries the share form ships (Markdown to HTML, HTML to Markdown, sanitising) are committed in
# overrides/assets/javascripts/vendor/, each the very file of the version package.json pins, with its licence:
# the build needs no npm and the site fetches nothing elsewhere. After changing a pin, `make vendor` copies them
# again from node_modules/ (package.json's "vendor" names each file); tests/test_vendor.py fails until it is run.
VENDOR_COPY := for (const [to, from] of Object.entries(require("./package.json").vendor)) \
	require("fs").copyFileSync(`node_modules/$${from}`, `overrides/assets/javascripts/vendor/$${to}`)
vendor: $(NODE_READY)  ## copy the pinned libraries the site ships from node_modules/ into its assets
	@node -e '$(VENDOR_COPY)'

clean:
	rm -rf $(VENV) node_modules site .pytest_cache bench-results.json
