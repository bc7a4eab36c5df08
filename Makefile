# Two commands do all the set-up on a fresh machine:
#   make run    install into .venv if needed, extract facts from seeds/ into facts.jsonl, show a summary
#   make test   install into .venv if needed, run the test suite (both modes)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[model,frame,parquet,duckdb,sdmx,dask,calibrate,plot,test]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/extractor extract seeds/ -o facts.jsonl

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check extractor tests benchmarks

clean:
	rm -rf $(VENV) facts.jsonl
