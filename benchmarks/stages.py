"""Fast mode's time per stage, each stage timed inside the running pipeline (not on its own).

    python benchmarks/stages.py [--mb 1]

Runs the stages of ``Extractor.extract`` by hand, in the same order and on the same inputs, over
the benchmark corpus, and prints seconds per MB for each: the first pass in a fresh process, as the
benchmark measures it. A stage timed alone runs faster than inside the pipeline (its data stays in
the CPU caches), so this is the split that adds up to ``extract()``'s time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]

import corpus  # noqa: E402

from extractor import Extractor  # noqa: E402
from extractor import numbers as number_rules  # noqa: E402
from extractor import periods as period_rules  # noqa: E402
from extractor.facts import DocumentInput  # noqa: E402
from extractor.lexicon import token_bounds  # noqa: E402
from extractor.segments import split_sentences  # noqa: E402

# (no lemmatiser stage: a word form's lemma is its NORM, set by the vocabulary when the tokenizer first meets it)
STAGES = ("publication date", "tokenizer", "regions", "sentences", "numbers", "periods",
          "indicators", "cues", "token offsets", "assembly")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=1.0, help="corpus size in MB (default 1)")
    parser.add_argument("--check", action="store_true",
                        help="after timing, check that the stages gave extract()'s facts for every document")
    args = parser.parse_args(argv)
    ex = Extractor()
    docs = list(corpus.documents(args.mb))
    mb = sum(len(text.encode("utf-8")) for _, text in docs) / corpus.MB
    spent = dict.fromkeys(STAGES, 0.0)
    clock = time.perf_counter

    def timed(stage: str, started: float) -> float:
        now = clock()
        spent[stage] += now - started
        return now

    assembled = []
    total = clock()
    for doc_id, text in docs:
        t = clock()
        published = period_rules.find_publication_date(text)
        t = timed("publication date", t)
        doc = ex.nlp.tokenizer(text)
        t = timed("tokenizer", t)
        regions = ex.regions.find(doc, text=text)
        local_regions = ex.regions.find_local(doc)
        t = timed("regions", t)
        sentences = split_sentences(text)
        t = timed("sentences", t)
        numbers = number_rules.find_numbers(text)
        t = timed("numbers", t)
        periods = period_rules.find_periods(text)
        t = timed("periods", t)
        indicators = ex.indicators.find(doc, text=text)
        t = timed("indicators", t)
        cues = ex.cues.find(doc, text=text)
        t = timed("cues", t)
        token_starts = token_bounds(doc)[0]
        t = timed("token offsets", t)
        document = DocumentInput(text=text, sentences=sentences, numbers=numbers, periods=periods,
                                 regions=regions, indicators=indicators, cues=cues, token_starts=token_starts,
                                 published=published, entities=[], local_regions=local_regions)
        facts = ex.assembler.assemble(document, doc_id)  # with confidence: looked up per evidence tuple
        facts.sort(key=lambda f: (f.value.start, f.value.end))
        timed("assembly", t)
        if args.check:
            assembled.append(facts)
    total = clock() - total
    print(f"{len(docs)} documents, {mb:.2f} MB, {total / mb:.3f} s/MB in all\n")
    print("| stage | s/MB | share |\n| --- | --- | --- |")
    for stage in sorted(STAGES, key=spent.__getitem__, reverse=True):
        print(f"| {stage} | {spent[stage] / mb:.3f} | {spent[stage] / total:.0%} |")
    if args.check:
        for (doc_id, text), facts in zip(docs, assembled, strict=True):
            by_hand = sorted((f.to_dict() for f in facts), key=lambda f: (f["value"]["start"], f["value"]["end"]))
            if by_hand != [f.to_dict() for f in ex.extract(text, doc_id=doc_id)]:
                print(f"{doc_id}: the stages' facts differ from extract()'s: this script is out of date")
                return 1
        print(f"\nchecked: the stages gave extract()'s facts for all {len(docs)} documents")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
