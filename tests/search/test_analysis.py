"""Search analysis: the tokens each rule gives, and queries typed the way people type that find their text."""

import subprocess
import sys
from pathlib import Path

import pytest

from search.analysis import (
    CHARACTER_FOLDING,
    INTENDED_DIFFERENCES,
    analyze,
    analyze_arabic,
    analyze_french,
    analyzed_text,
    fold_accents,
    fold_characters,
    is_arabic,
    normalize_arabic,
    stem_arabic,
    stem_french,
    strip_elision,
    tokenize,
)


def finds(query, text):
    """Whether every term of the query is a term of the text (how the search backends match)."""
    query_terms = analyze(query)
    return bool(query_terms) and set(query_terms) <= set(analyze(text))


# Arabic ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tashkeel, tanween, shadda, superscript alef, tatweel
        ("التَّعَاوُنِيَّاتُ", ["تعاون"]),
        ("تعاونيةً", ["تعاون"]),
        ("الرحمٰن", ["رحمن"]),
        ("التعـــاونية", ["تعاون"]),
        # a decomposed hamza (ا + U+0654) is the precomposed أ
        ("\u0627\u0654\u0643\u0627\u062f\u064a\u0631", ["اكادير"]),
        # alef forms
        ("أكادير", ["اكادير"]),
        ("إقليم", ["اقليم"]),
        ("آفاق", ["افاق"]),
        ("ٱلعربية", ["عرب"]),
        # ta marbuta and alef maqsura
        ("تعاونية", ["تعاون"]),
        ("تعاونيه", ["تعاون"]),
        ("مستوى", ["مستو"]),
        ("مستوي", ["مستو"]),
        # hamza seats
        ("مسؤول", ["مسوول"]),
        ("مسوول", ["مسوول"]),
        ("الجزائر", ["جزاير"]),
        ("الجزاير", ["جزاير"]),
        # Moroccan and Persian letters
        ("ڭرسيف", ["كرسيف"]),
        ("گرسيف", ["كرسيف"]),
        ("ݣرسيف", ["كرسيف"]),
        ("کرسيف", ["كرسيف"]),
        ("أگادير", ["اكادير"]),
        ("ڤيلا", ["فيلا"]),
        ("پاريس", ["باريس"]),
        ("فاسی", ["فاس"]),
        # Eastern Arabic and Persian digits
        ("٢٠٢٥", ["2025"]),
        ("۱۴۰۴", ["1404"]),
        ("٣٫٥", ["3٫5"]),
    ],
)
def test_arabic_spelling_variants(text, expected):
    assert analyze(text) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # prefixes ال وال بال كال فال لل و
        ("التعاونيات", "تعاون"),
        ("والتعاونيات", "تعاون"),
        ("بالتعاونية", "تعاون"),
        ("كالتعاونية", "تعاون"),
        ("فالتعاونيات", "تعاون"),
        ("للتعاونيات", "تعاون"),
        ("وتعاونية", "تعاون"),
        # stacked prefixes (an intended difference)
        ("وللتعاونيات", "تعاون"),
        ("وبالتعاونيات", "تعاون"),
        ("الوكالة", "كال"),
        ("وكالة", "كال"),
        ("للوزارة", "زار"),
        ("وزارة", "زار"),
        # suffixes ها ان ات ون ين يه ية ه ي
        ("مشاريعها", "مشاريع"),
        ("مشروعان", "مشروع"),
        ("جمعيات", "جمع"),
        ("مستثمرون", "مستثمر"),
        ("مستثمرين", "مستثمر"),
        ("قلبه", "قلب"),
        ("فلاحي", "فلاح"),
        # length rules: و needs four letters, other affixes leave at least two
        ("وطن", "وطن"),
        ("ولد", "ولد"),
        ("يده", "يد"),
        ("الم", "الم"),
        # a word-initial ف, ب or ك is part of the word, not a prefix
        ("فلاحة", "فلاح"),
        ("بيت", "بيت"),
        ("كتاب", "كتاب"),
    ],
)
def test_arabic_light_stemming(word, expected):
    assert analyze_arabic(word) == expected


@pytest.mark.parametrize("word", ["في", "فِي", "من", "مِنْ", "مـن", "على", "عَلَى", "إلى", "الى", "الذي", "بـ", "و"])
def test_arabic_stop_words_are_dropped_however_written(word):
    assert analyze_arabic(word) is None
    assert analyze(f"{word} التعاونيات") == ["تعاون"]


def test_a_name_that_looks_like_a_stop_word_is_kept():
    assert analyze("علي") == ["عل"]  # the name Ali, while على (on) is a stop word


def test_arabic_pieces():
    assert normalize_arabic("أَإِآ ىة ڭ ؤئ ـ") == "ااا يه ك وي "
    assert stem_arabic("والتعاونيات") == "تعاون"
    assert is_arabic("بـDELIO") and is_arabic("2025م") and not is_arabic("DELIO 2025")


# Tokenization ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تعاونيات، جمعيات؛ مشاريع؟", ["تعاون", "جمع", "مشاريع"]),
        ("«DELIO» (ODCo)", ["delio", "odco"]),
        ("فاس-مكناس", ["فاس", "مكناس"]),
        ("23/09/2025", ["23", "09", "2025"]),
        ("5،000 و1,5 و2025م", ["5،000", "1,5", "2025م"]),
        ("www.odco.gov.ma", ["www.odco.gov.ma"]),
        ("contact@odco.gov.ma", ["contact", "odco.gov.ma"]),
        ("الحاجب..فعاليات", ["حاجب", "فعال"]),
        ("450\u202f000 درهم و450\u00a0000 درهم", ["450", "000", "درهم", "450", "000", "درهم"]),
        ("تعاونية\u200f \u200fجديدة", ["تعاون", "جديد"]),
        ("…؟! — ،", []),
        ("", []),
    ],
)
def test_tokenization(text, expected):
    assert analyze(text) == expected


def test_long_words_are_cut_like_lucene():
    assert [len(token) for token in tokenize("ب" * 600)] == [255, 255, 90]


def test_long_runs_without_letters_give_no_token():
    # a run of underscores once made the tokenizer retry from every position (minutes for a 100 KB query)
    assert analyze("_" * 20_000) == analyze("." * 20_000) == analyze("ـ" * 20_000) == []


# Mixed Arabic and French -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("برنامج DELIO للتعاونيات", ["برنامج", "delio", "تعاون"]),
        ("l'Économie sociale والتضامنية", ["economi", "social", "تضامن"]),
        ("بـDELIO", ["delio"]),
        ("والـODCo", ["odco"]),
        ("لـ2025", ["2025"]),
        ("مبادرةINDH", ["مبادر", "indh"]),
    ],
)
def test_mixed_text_is_analyzed_token_by_token(text, expected):
    assert analyze(text) == expected


def test_language_forces_one_analysis():
    assert analyze("Coopératives والتعاونيات", "ar") == ["coopératives", "تعاون"]  # Lucene's ArabicAnalyzer
    assert analyze("Coopératives والتعاونيات", "fr")[0] == "cooperativ"
    with pytest.raises(ValueError, match="language"):
        analyze("تعاونية", "en")


# French ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Coopératives coopérative cooperative", ["cooperativ"] * 3),
        ("l'économie l’Économie", ["economi"] * 2),
        ("d'accord aujourd'hui aujourd’hui", ["accord", "aujourd'hui", "aujourd'hui"]),
        ("qu'il jusqu'à lorsqu'elle", []),
        ("régionaux régionales régional", ["regional"] * 3),
        ("bureaux projets process", ["bureau", "projet", "process"]),
        ("Œuvres œuvre", ["oeuvr"] * 2),
        ("le la les des de et à été", []),
        ("Économie Sociale et Solidaire (ESS)", ["economi", "social", "solidair", "ess"]),
        ("Marrakech-Safi, Fès-Meknès", ["marrakech", "safi", "fes", "mekn"]),
    ],
)
def test_french(text, expected):
    assert analyze(text) == expected


def test_french_pieces():
    assert strip_elision("qu’il") == "il"
    assert fold_accents("Çà et là, œuvre") == "Ca et la, oeuvre"
    assert stem_french("chevaux") == "cheval" and stem_french("jeunes") == "jeun"
    assert analyze_french("Les") is None and analyze_french("Coopératives") == "cooperativ"


# Queries as people type them, against the text they must find ------------------------------------------------


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("تعاونيات", "دعم والتعاونيات الفلاحية"),
        ("التعاونية", "لقاء لفائدة التعاونيات النسائية"),
        ("تعاونيه", "تعاونية فلاحية"),
        ("التعاونيات", "مشروع خاص بالتعاونية"),
        ("تعاونيات", "برنامج موجه للتعاونيات"),
        ("تعاونيات", "وللتعاونيات دور مهم"),
        ("التعاونيات", "بِالتَّعَاوُنِيَّاتِ"),
        ("كرسيف", "إقليم ڭرسيف"),
        ("ڭرسيف", "عمالة إقليم كرسيف"),
        ("اكادير", "مدينة أگادير"),
        ("أكادير", "جهة سوس ماسة - اكادير"),
        ("الاقتصاد الاجتماعي", "الإقتصاد الإجتماعي والتضامني"),
        ("اقليم الحاجب", "إقليم الحاجب"),
        ("مسؤول", "المسوول الجهوي"),
        ("الوكالة", "وكالة جهة الشرق"),
        ("وكالة", "بشراكة مع الوكالة"),
        ("ملتقى", "الملتقيات الجهوية"),
        ("2025", "سنة ٢٠٢٥"),
        ("٢٠٢٥", "سنة 2025"),
        ("DELIO", "برنامج بـDELIO"),
        ("delio", "برنامج «DELIO»"),
        ("cooperative", "Coopératives agricoles"),
        ("économie", "l'économie sociale"),
        ("economie sociale", "L’Économie Sociale et Solidaire"),
        ("regional", "les conseils régionaux"),
        ("Marrakech Safi", "région Marrakech-Safi"),
        ("Fes Meknes", "Fès-Meknès"),
    ],
)
def test_query_finds_text(query, text):
    assert finds(query, text)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("برنامج التنمية", "DELIO"),
        ("كتاب", "كاتب"),
        ("على", "علي"),  # a stop word finds nothing, not even the name Ali
        ("فلاحة", "لاحة"),  # PostgreSQL's Arabic snowball strips ف here; we do not
    ],
)
def test_query_does_not_find_unrelated_text(query, text):
    assert not finds(query, text)


# The API -----------------------------------------------------------------------------------------------------


def test_analyzed_text_is_the_terms_joined_by_spaces():
    assert analyzed_text("والتعاونيات الفلاحية في جهة الشرق") == "تعاون فلاح جه شرق"
    assert analyzed_text("") == ""


def test_character_folding_is_idempotent_and_documented():
    text = "بـDELIO ڭرسيف مسؤول فِي 450\u202f000 ٢٠٢٥ تعاونية\u200f"
    assert fold_characters(fold_characters(text)) == fold_characters(text)
    codes = [difference.code for difference in INTENDED_DIFFERENCES]
    assert len(codes) == len(set(codes)) and all(d.rule and d.reason for d in INTENDED_DIFFERENCES)
    assert CHARACTER_FOLDING == {char: folded for d in INTENDED_DIFFERENCES for char, folded in d.folding.items()}


def test_analysis_does_not_import_django():
    code = "import sys, search.analysis; sys.exit(any(name.startswith('django') for name in sys.modules))"
    subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2], check=True)
