from casefile.normalize import key, normalize, normalize_with_map, strip_clitics, words


def test_folds_hamza_yaa_taa_marbuta_tashkeel_tatweel_and_digits():
    assert normalize("أَبُو رُقَيّة") == "ابو رقيه"
    assert normalize("إيران آمنة مستشفى") == "ايران امنه مستشفي"
    assert normalize("الحـــرس") == "الحرس"
    assert normalize("٢٠٢٤") == "2024"


def test_presentation_forms_and_bidi_controls_are_undone():
    # What PDF text layers hold: presentation forms and RLM/RLE marks.
    assert normalize("\u202bﻣﺤﻤﺪ\u202c\u200f") == "محمد"
    assert normalize("ﻻ") == "لا"


def test_map_points_back_into_the_original():
    original = "قال «أبو رُقيّة» أمس"
    folded, index = normalize_with_map(original)
    start = folded.index("ابو رقيه")
    end = start + len("ابو رقيه")
    assert original[index[start]: index[end - 1] + 1] == "أبو رُقيّة"


def test_clitic_readings():
    assert strip_clitics("والحرس") == ["والحرس", "الحرس", "حرس"]
    assert "الحرس" in strip_clitics("بالحرس")
    assert "الحرس" in strip_clitics("للحرس")
    assert strip_clitics("من") == ["من"]


def test_glued_and_spaced_names_share_a_key():
    assert key("دير الزور") == key("ديرالزور") == key("دير  الزور")


def test_words_are_normalised():
    assert words("قوات الأسد، و«قسد»") == ["قوات", "الاسد", "و", "قسد"]
