"""Lines, sentences and list items, from real release layout."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.segments import split_sentences


def pieces(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


CASES = [
    ("During a Sept. 20 briefing, he spoke. By mid-2024, the balance was 7,300.",
     ["During a Sept. 20 briefing, he spoke.", "By mid-2024, the balance was 7,300."]),
    ("Director of the Department:\nN. Khanzhigitov\nTel. +7 7172 749061",
     ["Director of the Department:", "N. Khanzhigitov", "Tel. +7 7172 749061"]),
    ("“It fell to 9,293 people,” wrote Lina. In 2020 it rose.",
     ["“It fell to 9,293 people,” wrote Lina.", "In 2020 it rose."]),
    ("Data for the U.S. economy grew by 2.8% in 2024. Prices rose.",
     ["Data for the U.S. economy grew by 2.8% in 2024.", "Prices rose."]),
    ("\n\nTitle 2025\r\n\r\nBody text.\r\n", ["Title 2025", "Body text."]),
    # a number before the full stop ends the sentence; a section number at a line's start does not
    ("The population was 35,540,400, up 112,000 from April 1. Ontario's rose.",
     ["The population was 35,540,400, up 112,000 from April 1.", "Ontario's rose."]),
    ("Earnings rose by 12 cents to $34.69. Over the past 12 months they grew.",
     ["Earnings rose by 12 cents to $34.69.", "Over the past 12 months they grew."]),
    ("1. Key points\n2. Data", ["1. Key points", "2. Data"]),
    # scraped text that lost the space after a full stop; names and addresses keep their dots
    ("as bushfires hit travel.Interstate visitors numbered 795,000.",
     ["as bushfires hit travel.", "Interstate visitors numbered 795,000."]),
    ("migration contributed 2,710.Net interstate migration fell.",
     ["migration contributed 2,710.", "Net interstate migration fell."]),
    ("Source: Kun.uz and stat.gov.kz, e.g.The U.S.A total.", ["Source: Kun.uz and stat.gov.kz, e.g.The U.S.A total."]),
    ("Kashkadarya region(3.6 million, or 9.8%).Tashkent city grew.", ["Kashkadarya region(3.6 million, or 9.8%).",
                                                                     "Tashkent city grew."]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_segments_sentences(text, expected):
    assert pieces(text) == expected


def test_segments_list_items_point_at_their_lead_in():
    text = ("The areas with the largest population decline are as follows:\n"
            "- North Kazakhstan region – 0.52%\n- Abay region – 0.34%\nAt the same time, it grew.")
    sents = split_sentences(text)
    assert [s.list_item for s in sents] == [False, True, True, False]
    assert sents[1].lead_in == 0 and sents[2].lead_in == 0 and sents[3].lead_in is None


def test_segments_bare_dash_items_after_a_lead_in():
    text = "The highest birth rates were noted in the following regions (per 1,000 people):\nTurkistan region – 26,05"
    assert split_sentences(text)[1].list_item


@pytest.mark.parametrize(("line", "meta"), [
    ("Date of publication: 09.02.2026", True),
    ("By Jordan Kessler, Staff Reporter", True),  # a byline
    ("By December 2024 the population had grown.", False),
    ("Kun.uz | 10:05 / 12.03.2024 | Views: 12 408", True),  # a news page's header
    ("In 2025 it grew.", False),
    # an office's dateline with its address (a street number and a postcode are no values); a title's one comma
    ("Croatian Employment Service, Regional Office Split, Domovinskog rata 2, 21000 Split, 11.01.2021", True),
    ("Registered unemployment, 01.01.2021", False),
])
def test_segments_meta_lines(line, meta):
    assert split_sentences(line + "\nIn 2025 it grew.")[0].meta is meta


@given(st.text())
def test_segments_spans_are_inside_the_text_and_ordered(text):
    last = 0
    for s in split_sentences(text):
        assert last <= s.start < s.end <= len(text)
        assert text[s.start:s.end].strip()
        last = s.end
