# Two entry points that work on a fresh machine: `make demo` and `make test`.
# Each creates the virtual environment it needs on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test bench fuzz format clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# torch first, pinned: the [translate] extra would otherwise let pip choose a CUDA build.
	$(BIN)/python -m pip install --quiet torch==2.13.0
	# [distributed] is Ray: the `scan --executor ray` tests run in CI, they do not skip.
	$(BIN)/python -m pip install --quiet -e '.[dev,translate,distributed]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/mtcheck check corpora/kursk-ru/source.ru.txt corpora/kursk-ru/draft.en.txt --fail-on never
	$(BIN)/mtcheck check corpora/kursk-ko/source.ko.txt corpora/kursk-ko/draft.en.txt --fail-on never

test: $(STAMP)
	$(BIN)/ruff check mtcheck tests benchmarks
	$(BIN)/ruff format --check mtcheck tests benchmarks
	$(BIN)/pytest

# Speed, memory and quality figures; reads ../shared/eval-data when present.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/python benchmarks/pipeline_speed.py
	$(BIN)/python benchmarks/align_speed.py
	$(BIN)/python benchmarks/align_gold.py
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/python benchmarks/pofilter_compare.py
	$(BIN)/python benchmarks/translate_speed.py
	$(BIN)/python benchmarks/review_speed.py
	PYTHONPATH=. $(BIN)/python benchmarks/scan_speed.py
	PYTHONPATH=. $(BIN)/python benchmarks/quality.py --results benchmarks/RESULTS.md

# The long coverage-guided fuzzing campaign (atheris), one process; outside CI.
fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,fuzz]'
	$(BIN)/python tests/fuzz/campaign.py --runs 100000 --out /tmp/mtcheck-fuzz-campaign

format: $(STAMP)
	$(BIN)/ruff format mtcheck tests benchmarks
	$(BIN)/ruff check --fix mtcheck tests benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
