"""The Arabic corpus compared with Lucene's ArabicAnalyzer: the seed articles plus generated text.

The generated part is deterministic (a fixed seed) and exercises every rule of search.analysis: each prefix
and suffix on stems of every length, diacritics, hamza forms, ta marbuta, alef maqsura, Moroccan letters,
Eastern digits, punctuation, mixed Arabic and French, invisible formatting characters.

    python -m tests.search.lucene.corpus > corpus.txt    # to feed tests/search/lucene/ArabicTokens.java by hand
"""

import random
import re
from pathlib import Path

SEEDS = Path("/work/shared/seeds")
_ARABIC = re.compile("[\u0600-\u06ff]")
_SENTENCE_END = re.compile(r"(?<=[.!?؟؛])\s+")

# Stems of one to eight letters, written as people write them (hamza, ta marbuta, alef maqsura, Moroccan letters).
STEMS = (
    "تعاونية", "تعاوني", "تعاون", "جمعية", "مقاولة", "برنامج", "مشروع", "جهة", "وكالة", "فلاحة", "صناعة",
    "تقليدية", "تنمية", "اقتصاد", "تضامن", "شراكة", "مبادرة", "تكوين", "مواكبة", "تمويل", "منتوج", "تسويق",
    "سياحة", "بيئة", "طاقة", "نساء", "شباب", "إدارة", "مسؤول", "مسئول", "رئيس", "هيئة", "هيأة", "مؤسسة",
    "سؤال", "مسائل", "قرآن", "إنجاز", "آفاق", "أمل", "أسرة", "إقليم", "مستوى", "ملتقى", "منتدى", "معنى",
    "ڭرسيف", "كرسيف", "أگادير", "اكادير", "ݣلميم", "کتاب", "ڤيلا", "پاريس", "فاسی", "ولد", "بلد", "كتب",
    "أب", "يد", "دم", "ماء", "لله", "بالغ", "والد", "كان", "فيه", "منها", "علي", "على", "الى", "إلى", "وزارة",
    "وطنية", "ولاية", "وحدة", "والدين",
)  # fmt: skip
PREFIXES = ("", "و", "ف", "ب", "ك", "ل", "ال", "وال", "بال", "كال", "فال", "لل", "وبال", "ولل", "فبال", "وكال", "فلل")
SUFFIXES = ("", "ات", "ها", "ان", "ون", "ين", "يه", "ية", "ه", "ة", "ي", "هم", "كم", "نا", "تها", "اتها", "ى")
HARAKAT = tuple(chr(c) for c in range(0x064B, 0x0653))
OTHER_MARKS = ("\u0670", "\u0653", "\u0654", "\u0655", "\u0610", "\u0615", "\u06d6", "\u06da", "\u06e1", "\u06ed")
FORMATTING = ("\u200f", "\u200e", "\u200c", "\u200d", "\u061c", "\u00ad", "\ufeff", "\u2067", "\u2069", "\u202b")
EASTERN_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
STOP_WORDS_VOCALIZED = ("فِي", "مِنْ", "عَلَى", "إِلَى", "مـن", "بـ", "وَ", "هُوَ", "الَّتِي", "الَّذِي", "أَنَّ", "لَا")
LATIN = (
    "DELIO", "ODCo", "INDH", "ANAPEC", "Irtiqae", "l'économie", "L’Oriental", "Marrakech-Safi", "Fès-Meknès",
    "El Hajeb Terroir", "www.odco.gov.ma", "contact@odco.gov.ma", "https://www.ader.ma/appels", "e-marketing",
    "Ideathon", "COVID-19", "U.S.A.", "coopératives", "Économie sociale et solidaire", "n°12", "CO2",
)  # fmt: skip
PUNCTUATION = ("،", "؛", "؟", ".", "!", ":", "«", "»", "“", "”", "(", ")", "-", "/", "..", "…", "*", "–")
MIXED = (
    "بـDELIO",
    "لـINDH",
    "والـODCo",
    "بـ DELIO",
    "برنامج «DELIO» لجهة الشرق",
    "مبادرة INDH2025 للتنمية",
    "صفحة\u200f \u200fالوكالة",
    "450\u202f000 درهم",
    "450\u00a0000 درهم و450 000 DH",
    "ق.م 112.12 و112-12",
    "الحاجب..فعاليات",
    "٥٬٥٠٠ تعاونية و5،500 تعاونية و٣٫٥ مليون",
    "٢٠٢٥م و۱۴۰۴ و2025م",
    "23/09/2025 و٢٣/٠٩/٢٠٢٥",
    "الساعة 11:30 صباحا",
    "ـ ـــ ـتعاونيةـ",
    "x_y _تعاون_ ‿",
    "a_ _b __ a__b 1_2 a_1 x:y: :x 1:2 a·b",
    "e.g. ÉCONOMIE l’Économie aujourd'hui a'b 'quoted' x.y.z 1.2.3",
    "1.5% 50% ١٠٪ 3,5 مليون ١٢٬٣٤٥٫٦٧ ٥،٠٠٠ 5٬000 ٣٫٥",
    "فاس-مكناس 2024/2025 n° #تعاونيات @user C++ R&D A/B ٪ ٭ ؍",
    "كلمة\u200cكلمة word\u2011word",
)
PROCLITICS = ("ب", "بـ", "لـ", "ل", "و", "والـ", "بالـ", "ف", "كـ", "للـ", "الـ")


def seed_lines():
    """Every sentence with Arabic letters in the seed articles."""
    lines = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            lines.extend(part.strip() for part in _SENTENCE_END.split(line) if _ARABIC.search(part))
    return lines


def affixed_words():
    """Every prefix and suffix on every stem (ta marbuta and alef maqsura stems take suffixes as written)."""
    return [prefix + stem + suffix for stem in STEMS for prefix in PREFIXES for suffix in SUFFIXES]


def _vocalize(word, rng):
    return "".join(char + (rng.choice(HARAKAT) if rng.random() < 0.6 else "") for char in word)


def _decorate(word, rng):
    """The word as it may arrive: vocalized, stretched with tatweel, with other marks or invisible characters."""
    choice = rng.randrange(6)
    if choice == 0:
        return _vocalize(word, rng)
    if choice == 1 and len(word) > 2:
        cut = rng.randrange(1, len(word))
        return word[:cut] + "ـ" * rng.randint(1, 3) + word[cut:]
    if choice == 2:
        cut = rng.randrange(1, len(word) + 1)
        return word[:cut] + rng.choice(OTHER_MARKS) + word[cut:]
    if choice == 3:
        cut = rng.randrange(0, len(word) + 1)
        return word[:cut] + rng.choice(FORMATTING) + word[cut:]
    if choice == 4:
        return word.replace("ا", rng.choice("أإآٱ"), 1)
    return word


def _number(rng):
    digits = str(rng.randint(0, 99999))
    script = rng.choice(("0123456789", EASTERN_DIGITS, PERSIAN_DIGITS))
    return "".join(script[int(digit)] for digit in digits)


def generated_lines(count=1500, seed=20250923):
    """Sentences of decorated words, numbers, stop words, French names and punctuation."""
    rng = random.Random(seed)
    words = affixed_words()
    lines = list(MIXED)
    lines.append("تعاونية" * 40)  # a 280-letter word: Lucene cuts it at 255
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(3, 12)):
            kind = rng.random()
            if kind < 0.65:
                parts.append(_decorate(rng.choice(words), rng))
            elif kind < 0.75:
                parts.append(rng.choice(STOP_WORDS_VOCALIZED))
            elif kind < 0.83:
                parts.append(_number(rng))
            elif kind < 0.88:
                latin = rng.choice(LATIN + (_number(rng),))
                parts.append(rng.choice(PROCLITICS) + latin if rng.random() < 0.4 else latin)
            else:
                parts.append(rng.choice(PUNCTUATION))
        lines.append(" ".join(parts))
    return lines


def corpus_lines():
    """The whole corpus: seed sentences, every affixed word alone on its line, generated sentences."""
    return seed_lines() + affixed_words() + generated_lines()


if __name__ == "__main__":
    print("\n".join(corpus_lines()))
