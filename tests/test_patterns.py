"""The rule data in patterns/: every file loads, ids are known, no duplicates, errors name file and line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import spacy

from extractor.cues import CueFinder
from extractor.errors import PatternError
from extractor.indicators import IndicatorFinder
from extractor.lexicon import LEMMATIZER
from extractor.resources import load_jsonl, load_yaml, patterns_dir

FACTS_MD_KEYS = {"population", "urban_population", "rural_population", "births", "deaths", "natural_increase",
                 "immigration", "emigration", "net_migration", "internal_migration", "internal_net_migration",
                 "survey_share"}


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe(LEMMATIZER)
    return nlp


@pytest.mark.parametrize("path", sorted(p.name for p in patterns_dir().glob("*.jsonl")))
def test_patterns_jsonl_rows_load(path):
    rows = load_jsonl(path)
    assert rows, path


@pytest.mark.parametrize("path", sorted(str(p.relative_to(patterns_dir())) for p in patterns_dir().rglob("*.yaml")))
def test_patterns_yaml_files_load(path):
    assert load_yaml(path) is not None


def test_patterns_indicator_keys_cover_the_facts_md_vocabulary():
    keys = load_yaml("indicator_keys.yaml")
    assert set(keys) >= FACTS_MD_KEYS
    for key, info in keys.items():
        assert key == key.lower() and " " not in key, key
        assert info.get("unit"), key
        for field in ("scoped", "counted", "real", "net", "narrowed_by", "per_1000", "regional", "reported_as"):
            if field in info:
                assert info[field] in keys, (key, field)


KINDS = {"stock", "event", "flow", "balance", "money", "rate", "index", "volume_index", "share"}
KEY_FIELDS = {"unit", "kind", "scoped", "flow", "survey", "counted", "real", "net", "narrowed_by", "per_1000",
              "regional", "inward", "reported_as"}


def test_patterns_indicator_keys_have_a_documented_kind_and_fitting_unit():
    """Every kind is one the YAML header explains; index keys are percents; rates are ratios."""
    keys = load_yaml("indicator_keys.yaml")
    header = (patterns_dir() / "indicator_keys.yaml").read_text(encoding="utf-8").split("\n\n")[0]
    for kind in KINDS:
        assert f"#     {kind} " in header, f"kind {kind!r} is not explained in the header"
    for key, info in keys.items():
        assert set(info) <= KEY_FIELDS, (key, set(info) - KEY_FIELDS)
        assert info.get("kind") in KINDS, key
        assert all(isinstance(info.get(flag, False), bool) for flag in ("flow", "survey")), key
        if info["kind"] in ("index", "volume_index"):
            assert info["unit"] == "percent", key
        if info["kind"] == "rate":
            assert info["unit"] in ("percent", "per_1000", "count", "year", "hour", "children"), key


def test_patterns_every_indicator_key_is_used_by_a_row():
    rows = load_jsonl("indicators.jsonl")
    used = {row.get("id") for row in rows} | {k for row in rows for k in row.get("family", [])}
    assigned = {"survey_share"}  # the assembler gives it to a survey's answers
    assert set(load_yaml("indicator_keys.yaml")) - used - assigned == set()


def test_patterns_indicator_rows_use_known_keys_and_no_duplicates(nlp):
    IndicatorFinder(nlp)  # raises PatternError on an unknown key
    seen = {}
    for row in load_jsonl("indicators.jsonl"):
        pattern = json.dumps(row["pattern"]).lower()
        assert pattern not in seen or seen[pattern] == row.get("id"), f"{pattern} maps to two keys"
        seen[pattern] = row.get("id")


def test_patterns_cue_labels_are_the_ones_the_rules_read(nlp):
    labels = {row["label"] for row in load_jsonl("cues.jsonl")}
    # SURVEY_NAME is read by no rule on purpose: the longer match keeps "household survey" from being a SURVEY
    assert labels == {"DIRECTION", "LEVEL_TO", "SHARE", "COMPARISON", "NEGATIVE", "SCOPE", "AREA", "SURVEY",
                      "SURVEY_NAME", "ANSWER", "HOME", "ANAPHOR"}
    for row in load_jsonl("cues.jsonl"):
        if row["label"] == "DIRECTION":
            assert row["id"] in ("increase", "decrease"), row
    CueFinder(nlp)


def _copy_patterns(tmp_path: Path) -> Path:
    target = tmp_path / "patterns"
    shutil.copytree(patterns_dir(), target)
    return target


def test_patterns_bad_jsonl_line_names_file_and_line(tmp_path, nlp):
    target = _copy_patterns(tmp_path)
    with (target / "indicators.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"label": "INDICATOR", "pattern": "broken"\n')
    lines = (target / "indicators.jsonl").read_text(encoding="utf-8").count("\n")
    with pytest.raises(PatternError, match=rf"indicators.jsonl:{lines}:"):
        IndicatorFinder(nlp, patterns_dir=target)


def test_patterns_unknown_indicator_key_is_reported(tmp_path, nlp):
    target = _copy_patterns(tmp_path)
    with (target / "indicators.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"label": "INDICATOR", "pattern": "ski passes sold", "id": "ski_passes"}\n')
    with pytest.raises(PatternError, match="ski_passes"):
        IndicatorFinder(nlp, patterns_dir=target)


def test_patterns_a_new_indicator_is_a_data_change(tmp_path):
    """Adding an indicator needs two lines of data and no code."""
    from extractor import Extractor

    target = _copy_patterns(tmp_path)
    with (target / "indicators.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"label": "INDICATOR", "pattern": "ski passes sold", "id": "ski_passes"}\n')
    with (target / "indicator_keys.yaml").open("a", encoding="utf-8") as f:
        f.write("ski_passes: {unit: count, kind: event}\n")
    text = "In 2024 ski passes sold in Georgia reached 12,400,000."
    [fact] = Extractor(patterns_dir=target).extract(text)
    assert fact.indicator.key == "ski_passes"
    assert fact.region.code == "GE"


def test_patterns_token_patterns_may_read_any_lexical_attribute(tmp_path):
    """The rule pipeline computes only the lexical attributes something reads; a token pattern's count."""
    from extractor import Extractor

    target = _copy_patterns(tmp_path)
    with (target / "indicators.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"label": "INDICATOR", "pattern": [{"LOWER": "ski"}, {"LOWER": "passes"}, '
                '{"LIKE_NUM": true}], "id": "ski_passes"}\n')
    with (target / "indicator_keys.yaml").open("a", encoding="utf-8") as f:
        f.write("ski_passes: {unit: count, kind: event}\n")
    ex = Extractor(patterns_dir=target)
    found = ex.indicators.find(ex.nlp("In Georgia ski passes 2024 reached 12,400,000."))  # 2024: a new word form
    assert [m.key for m in found] == ["ski_passes"]


def test_patterns_bad_yaml_names_the_file(tmp_path, nlp):
    target = _copy_patterns(tmp_path)
    (target / "indicator_keys.yaml").write_text("population: {unit: person\n", encoding="utf-8")
    with pytest.raises(PatternError, match="indicator_keys.yaml"):
        IndicatorFinder(nlp, patterns_dir=target)


def test_patterns_a_place_without_a_code_is_a_data_change(tmp_path):
    """A place with no ISO or NUTS code ("Greater Hobart") is one entry of uncoded.yaml; a broken one names the file."""
    from extractor import Extractor

    text = "Kazakhstan, 2024\n\nIn the Baikonur complex the population reached 76,100 people."
    assert Extractor().extract(text)[0].region.code == "KZ"
    target = _copy_patterns(tmp_path / "added")
    with (target / "regions" / "uncoded.yaml").open("a", encoding="utf-8") as f:
        f.write("- pattern: 'Baikonur complex'\n  country: KZ\n")
    region = Extractor(patterns_dir=target).extract(text)[0].region
    assert (region.code, region.name, region.text) == (None, "Baikonur complex", "Baikonur complex")
    broken = _copy_patterns(tmp_path / "broken")
    with (broken / "regions" / "uncoded.yaml").open("a", encoding="utf-8") as f:
        f.write("- pattern: '(unclosed'\n")
    with pytest.raises(PatternError, match="uncoded.yaml"):
        Extractor(patterns_dir=broken).extract(text)
