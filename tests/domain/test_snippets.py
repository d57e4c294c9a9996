"""Snippets: a window around the first hit, found without normalising the whole text."""

from casefile.search.snippets import SNIPPET_CHARS, snippet
from casefile.search.terms import query_groups

FILLER = "تحدث الأهالي عن الأوضاع المعيشية في المنطقة وعن أسعار الخبز والوقود. "


def test_a_hit_deep_in_a_long_text_is_shown_in_a_short_window():
    text = FILLER * 100_000 + "وصل عناصر وبالحرس الثوري إلى القرية. " + FILLER * 10
    assert len(text) > 6_000_000
    out = snippet(text, query_groups("الحرس"))
    assert "[وبالحرس] الثوري" in out
    assert out.startswith("…") and out.endswith("…")
    assert len(out) <= SNIPPET_CHARS + 2 + 2  # the window, two marks, two ellipses


def test_other_spellings_are_found_and_marked_as_written():
    text = ("قال مصدر إن الحَرَس الثوري وصل، ثم أكد أن ﺍﻟﺤﺮﺱ انسحب، وأن «الحــرس» عاد. "
            + FILLER * 3 + "والحرس هنا.")
    out = snippet(text, query_groups("الحرس"))
    assert out.startswith("قال مصدر إن [الحَرَس] الثوري")
    assert "[ﺍﻟﺤﺮﺱ]" in out and "[الحــرس]" in out


def test_a_term_inside_another_word_is_not_a_hit():
    text = "المحرسون كثيرون هنا. " + FILLER * 5 + "ثم جاء الحرس."
    out = snippet(text, query_groups("الحرس"))
    assert "[الحرس]" in out and "[المحرسون" not in out and "المحرسون" not in out


def test_a_word_cut_by_the_window_edge_is_not_marked():
    head = ("كلمة " * 20)[:SNIPPET_CHARS // 3 - 1] + " "
    text = head + "الأهالي "
    text += ("كلمة " * 40)[: SNIPPET_CHARS - 4 - len(text) - 1] + " "
    text += "الأهالي وصلوا."  # cut by the end of the window
    out = snippet(text, query_groups("الأهالي"))
    assert out.count("[") == out.count("]") == 1
    assert out.startswith(head.strip() + " [الأهالي]") and out.endswith(" الأه…")


def test_no_hit_in_the_text_shows_its_beginning():
    text = FILLER * 1000
    assert snippet(text, query_groups("حطلة")) == text[:SNIPPET_CHARS].strip()
