"""Bad input never crashes or hangs, and every span is exact on any text.

The span property is checked three ways: property-based (hypothesis, when installed), a seeded
random fuzz that always runs, and real newswire (a sample of the ANT corpus when present).
"""

from __future__ import annotations

import random
import re
import tarfile
import time
from datetime import date
from pathlib import Path

import hypothesis
import hypothesis.strategies as st
import pytest

from casefile.extraction import extract

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "seeds/000_42518da6be7191c8.txt").read_text(encoding="utf-8")
ANT = ROOT.parent / "shared/corpus/ant/ant-v1.1.tar.gz"
# A hang guard, not a benchmark (speed is measured by scripts/bench_extract.py).
HANG = 60.0


def check_spans(text: str, **kw) -> None:
    res = extract(text, **kw)
    for e in res.entities:
        assert text[e.start : e.end] == e.text
        assert 0 <= e.start < e.end <= len(text)
    for r in res.relations:
        assert 0 <= r.start <= r.end <= len(text)
        assert 0 <= r.source < len(res.entities) and 0 <= r.target < len(res.entities)
    for i in res.incidents:
        assert 0 <= i.start <= i.end <= len(text)
    res.to_json()  # serialisable shape, whatever the input


@pytest.mark.parametrize(
    "text, status",
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("Only English text about Deir ez-Zor.", "no-arabic"),
        ("1234 5678 !!!", "no-arabic"),
    ],
)
def test_degenerate_inputs_have_a_clear_status(text, status):
    res = extract(text)
    assert res.status == status
    check_spans(text)


def test_broken_unicode_and_mixed_scripts():
    texts = [
        "حطلة \ud800 خشام \udfff",  # lone surrogates
        "﻿‏الحرس‎ الثوري‪ في ديرالزور‬",  # BOM and bidi controls
        "ﻻ ﷲ ﺍﻟﺤﺮﺱ ﺍﻟﺜﻮﺭﻱ",  # presentation forms (NFKC folds them)
        "مُحَمَّدٌ عَلِيٌّ الهَادِي مختار قرية حطلة",  # tashkeel
        "IRGC (الحرس الثوري) and SDF (قسد) clash near Hatla — 14 آب 2024 \x00\x07",
        "\u0640" * 50 + 'المدعو "' + "ـ" * 10,
    ]
    for t in texts:
        check_spans(t)


def test_a_spanned_name_keeps_its_harakat():
    text = "التقى المدعو «مُحَمَّدٌ الهادي» بالأهالي"
    (p,) = [e for e in extract(text).entities if e.type == "PERSON"]
    assert p.text == "مُحَمَّدٌ الهادي"


@pytest.mark.parametrize(
    "name, text",
    [
        ("seed as one 1 MB line", (SEED.replace("\n", " ") * 500)[:1_000_000]),
        ("one 1 MB word", "ا" * 1_000_000),
        ("1 MB of quote marks", '"' * 1_000_000),
        ("1 MB of kunya heads", "أبو " * 250_000),
        ("1 MB of dates", "1/1/2020 " * 110_000),
        ("1 MB of introducers", 'المدعو "أحمد" ' * 70_000),
    ],
)
def test_one_megabyte_finishes(name, text):
    t0 = time.perf_counter()
    res = extract(text)
    assert time.perf_counter() - t0 < HANG, name
    assert all(text[e.start : e.end] == e.text for e in res.entities[:2000])


def test_random_fuzz_spans():
    rng = random.Random(1234)
    alphabet = list(SEED[:400]) + list("«»“”\"'،.؟ـًٌٍَُِّْ٠١٢٣ABCxyz \n") + ["\ud800", "\u200f", "ﻻ"]
    words = SEED.split()
    for _ in range(300):
        if rng.random() < 0.5:
            t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        else:
            t = " ".join(rng.choice(words) for _ in range(rng.randint(1, 80)))
        check_spans(t, report_date=date(2024, 9, 1))


def test_hypothesis_spans():
    pieces = st.sampled_from(SEED.split() + ['"', "«", "»", "بـ", "و", "،", ".", "\n", "ـ", "ً"])
    texts = st.one_of(st.text(max_size=200), st.lists(pieces, max_size=60).map(" ".join))

    @hypothesis.settings(max_examples=300, deadline=None, derandomize=True)
    @hypothesis.given(texts)
    def prop(t):
        check_spans(t)

    prop()


def test_ant_sample_spans():
    if not ANT.exists():
        pytest.skip("ANT corpus not present")
    body = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
    n = 0
    with tarfile.open(ANT) as tar:
        for member in tar:
            if not member.isfile() or n >= 400:
                continue
            raw = tar.extractfile(member).read().decode("utf-8", errors="replace")
            m = body.search(raw)
            if m:
                check_spans(m.group(1), report_date=date(2016, 1, 1))
                n += 1
    assert n == 400
