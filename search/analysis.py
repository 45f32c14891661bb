"""Text analysis for search: one analyzer for indexed text and for queries, whatever the backend.

Every search backend (SQLite FTS5, PostgreSQL, Elasticsearch) receives text already analyzed here, so they all
agree on what matches. The pipeline:

1. ``fold_characters(text)``: character-level folding of the whole text: Arabic diacritics, tatweel and invisible
   formatting removed; Moroccan and Persian letters, hamza seats and every script's digits folded; an Arabic
   proclitic written against a Latin word or a number dropped (بـDELIO), other Arabic-Latin contacts spaced.
2. ``tokenize(text)``: word boundaries in the manner of Lucene's StandardTokenizer (Unicode UAX #29) for
   Arabic and Latin text: letters and digits form words; "l'économie", "a.b", "5،000" and "1,5" stay whole;
   punctuation (including ، ؛ ؟) separates words and is dropped.
3. Each token is analyzed as Arabic if it contains an Arabic letter, otherwise as French (``language`` can force
   one of the two):
   - ``analyze_arabic``: lower case, Lucene's Arabic stop words, ``normalize_arabic``, ``stem_arabic`` — the
     filters of Lucene's ArabicAnalyzer (Elasticsearch's ``arabic`` analyzer), in the same order.
   - ``analyze_french``: lower case, elision, ``fold_accents``, French stop words, ``stem_french``.

``analyze(text, "ar")`` gives the tokens of Lucene's ArabicAnalyzer run on ``fold_characters(text)``, except
where the "stacked-prefixes" rule strips a second prefix; every departure from Lucene is listed, with its
reason, in INTENDED_DIFFERENCES. tests/search/test_lucene_parity.py checks this against Lucene itself.

Pure Python (no Django), so index builders and benchmarks can import it. Scope: Arabic and Latin scripts;
text in other scripts is split on letter runs and not analyzed further.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from search.stopwords import ARABIC_STOP_WORDS, FRENCH_STOP_WORDS

__all__ = [
    "ARABIC_PREFIXES",
    "ARABIC_SUFFIXES",
    "CHARACTER_FOLDING",
    "INTENDED_DIFFERENCES",
    "IntendedDifference",
    "analyze",
    "analyze_arabic",
    "analyze_french",
    "analyzed_text",
    "fold_accents",
    "fold_characters",
    "is_arabic",
    "normalize_arabic",
    "stem_arabic",
    "stem_french",
    "strip_elision",
    "token_spans",
    "tokenize",
]


def _character_ranges(code_points):
    """A regex character class body for the given sorted code points, as ranges."""
    ranges = []
    for code_point in code_points:
        if ranges and ranges[-1][1] == code_point - 1:
            ranges[-1][1] = code_point
        else:
            ranges.append([code_point, code_point])
    return "".join(
        re.escape(chr(first)) + ("-" + re.escape(chr(last)) if last > first else "") for first, last in ranges
    )


def _non_ascii_code_points_by_category():
    """Combining marks ("M") and decimal digits ("Nd") of the Basic Multilingual Plane, scanned once at import."""
    found = {"M": [], "Nd": []}
    for code_point in range(0x80, 0x10000):
        category = unicodedata.category(chr(code_point))
        if category in ("Mn", "Mc", "Me"):
            found["M"].append(code_point)
        elif category == "Nd":
            found["Nd"].append(code_point)
    return found


_BMP_BY_CATEGORY = _non_ascii_code_points_by_category()


def _characters(*code_points_or_ranges):
    """Characters from code points and (first, last) ranges."""
    characters = []
    for item in code_points_or_ranges:
        first, last = item if isinstance(item, tuple) else (item, item)
        characters.extend(chr(code_point) for code_point in range(first, last + 1))
    return characters


@dataclass(frozen=True)
class IntendedDifference:
    """A deliberate departure from Lucene's ArabicAnalyzer, with the reason for it.

    ``folding`` holds the character replacements it makes before tokenizing (empty for a stemming difference).
    """

    code: str
    rule: str
    reason: str
    folding: dict = field(default_factory=dict)


INTENDED_DIFFERENCES = (
    IntendedDifference(
        "moroccan-letters",
        "ڭ ݣ گ ک → ك, ڤ → ف, پ → ب, ی → ي",
        "Moroccans write /g/ with ڭ, ݣ or گ as often as with ك (ڭرسيف, أگادير, اكادير) and /v/ with ڤ or ف; Persian "
        "keyboards type ک and ی. Lucene keeps them apart, so a query typed one way would miss text written the other.",
        {"ڭ": "ك", "\u0763": "ك", "گ": "ك", "ک": "ك", "ڤ": "ف", "پ": "ب", "ی": "ي"},
    ),
    IntendedDifference(
        "hamza-seats",
        "ؤ → و, ئ → ي",
        "Phone keyboards hide the hamza seats and many people skip them (مسوول for مسؤول, الجزاير for الجزائر); "
        "Lucene folds only the alef forms. Few words differ only by these seats, so recall wins.",
        {"ؤ": "و", "ئ": "ي"},
    ),
    IntendedDifference(
        "all-diacritics-first",
        "every Arabic mark (tashkeel U+064B–U+065F, superscript alef U+0670, Quranic marks U+0610–U+061A and "
        "U+06D6–U+06ED) and tatweel U+0640 removed before tokenizing; alef wasla ٱ → ا",
        "Lucene removes only eight harakat and tatweel, and only after the stop filter, so فِي, مـن or بـ escape the "
        "stop list and a decomposed hamza or madda (ا + U+0654) stays in the token. Removing every mark first makes "
        "precomposed and decomposed spellings agree and stop words match however they are vocalized.",
        {
            **dict.fromkeys(
                _characters((0x064B, 0x065F), 0x0670, 0x0640, (0x0610, 0x061A), (0x06D6, 0x06DC), (0x06DF, 0x06E4)),
                "",
            ),
            **dict.fromkeys(_characters(0x06E7, 0x06E8, (0x06EA, 0x06ED)), ""),
            "ٱ": "ا",
        },
    ),
    IntendedDifference(
        "typographic-characters",
        "bidi marks (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069), ZWNJ, ZWJ, word joiner, soft hyphen and "
        "BOM removed; narrow no-break space U+202F is a space",
        "They come from copy-paste and word processors and are invisible; Lucene keeps them inside tokens, and joins "
        "'450\u202f000' into one token while '450 000' with an ordinary or no-break space is two.",
        {
            **dict.fromkeys(
                _characters(0x00AD, 0x061C, (0x200C, 0x200F), (0x202A, 0x202E), 0x2060, (0x2066, 0x2069), 0xFEFF), ""
            ),
            "\u202f": " ",
        },
    ),
    IntendedDifference(
        "script-boundary",
        "an Arabic proclitic (و ف ب ك ل ال and their combinations) written against a Latin word or a number is "
        "dropped; any other Arabic letter touching a Latin letter is a word boundary",
        "Arabic prefixes are attached to foreign names and numbers, with or without tatweel (بـDELIO, والـODCo, "
        "لـ2025); the name or number must be found on its own. Lucene keeps بdelio or ب2025 as one token.",
    ),
    IntendedDifference(
        "stacked-prefixes",
        "a second prefix is stripped where Lucene strips one: بال or لل after و (وبالتعاونيات, وللتعاونيات), and و "
        "after an article form ال وال بال كال فال لل (الوكالة, للوزارة); each with Lucene's length rule",
        "Lucene strips one prefix only, so the same word fails to match itself: للتعاونيات → تعاون but "
        "وللتعاونيات → للتعاون, وكالة → كال but الوكالة → وكال (وكالة and وزارة are everywhere in this domain). "
        "Our stem of these words is Lucene's stem of the word without its first prefix.",
    ),
)

# Character folding applied before tokenizing (an Elasticsearch ``mapping`` char filter can reuse it). Decimal
# digits of every script (٠-٩, ۰-۹…) are folded to ASCII as well, as Lucene's DecimalDigitFilter does.
CHARACTER_FOLDING = {char: folded for difference in INTENDED_DIFFERENCES for char, folded in difference.folding.items()}
_FOLDABLE = re.compile(f"[{re.escape(''.join(CHARACTER_FOLDING))}{_character_ranges(_BMP_BY_CATEGORY['Nd'])}]")


def _fold(match: re.Match) -> str:
    char = match.group()
    folded = CHARACTER_FOLDING.get(char)
    return str(unicodedata.decimal(char)) if folded is None else folded


_ARABIC_LETTER_CLASS = (
    "\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc"
)
_LATIN_LETTER_CLASS = "A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_ARABIC_LETTER = re.compile(f"[{_ARABIC_LETTER_CLASS}]")
_SCRIPTS_TOUCH = re.compile(
    f"[{_ARABIC_LETTER_CLASS}][{_LATIN_LETTER_CLASS}0-9]|[{_LATIN_LETTER_CLASS}][{_ARABIC_LETTER_CLASS}]"
)
# A proclitic (و ف, then ب ك ل, then ال) written against a Latin word or a number: بـDELIO, والـODCo, لـ2025.
_DETACHED_PROCLITIC = re.compile(
    f"(?<![{_ARABIC_LETTER_CLASS}])(?:[وف]?(?:[بك]?ال|لل|[بكل])|[وف])(?=[{_LATIN_LETTER_CLASS}0-9])"
)
_SCRIPT_BOUNDARY = re.compile(
    f"(?<=[{_ARABIC_LETTER_CLASS}])(?=[{_LATIN_LETTER_CLASS}])|(?<=[{_LATIN_LETTER_CLASS}])(?=[{_ARABIC_LETTER_CLASS}])"
)


def fold_characters(text: str) -> str:
    """Fold the whole text before tokenizing (see CHARACTER_FOLDING and INTENDED_DIFFERENCES)."""
    if text.isascii():
        return text
    text = _FOLDABLE.sub(_fold, text)
    if _SCRIPTS_TOUCH.search(text):
        text = _SCRIPT_BOUNDARY.sub(" ", _DETACHED_PROCLITIC.sub("", text))
    return text


# Word boundaries: the UAX #29 rules that Lucene's StandardTokenizer implements, for letters and digits.
_MARKS = _character_ranges(_BMP_BY_CATEGORY["M"])
_MID_LETTER = ":\u00b7\u0387\u05f4\u2027\ufe13\ufe55\uff1a"
_MID_NUM = ",;\u037e\u0589\u060c\u060d\u066c\u07f8\u2044\ufe10\ufe14\ufe50\ufe54\uff0c\uff1b"
_MID_NUM_LET = ".'\u2018\u2019\u2024\ufe52\uff07\uff0e"  # the apostrophe is Single_Quote, which acts the same here
_EXTEND_NUM_LET = "_\u203f\u2040\u2054\ufe33\ufe34\ufe4d-\ufe4f\uff3f"
_LETTER_RUN = rf"[^\W\d_]+(?:[{_MARKS}]+[^\W\d_]*)*"
_DIGIT_RUN = rf"[\d\u066b]+(?:[{_MARKS}]+[\d\u066b]*)*"
_LETTERS = rf"{_LETTER_RUN}(?:[{re.escape(_MID_LETTER + _MID_NUM_LET)}]{_LETTER_RUN})*"
_DIGITS = rf"{_DIGIT_RUN}(?:[{re.escape(_MID_NUM + _MID_NUM_LET)}]{_DIGIT_RUN})*"
_CONNECTORS = rf"[{_EXTEND_NUM_LET}]*"
# A word may start with connectors ("_id"); starting only where a run of them starts keeps "____…" linear.
_WORD = re.compile(
    rf"(?<![{_EXTEND_NUM_LET}]){_CONNECTORS}(?:{_LETTERS}|{_DIGITS})"
    rf"(?:{_CONNECTORS}(?:{_LETTERS}|{_DIGITS}))*{_CONNECTORS}"
)
MAX_TOKEN_LENGTH = 255  # Lucene's StandardTokenizer default: longer words are cut into pieces of this length


def token_spans(text: str) -> list[tuple[int, int, str]]:
    """Words of ``text`` with their start and end offsets, unchanged (no folding, no case change)."""
    spans = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        for piece_start in range(start, end, MAX_TOKEN_LENGTH):
            piece_end = min(piece_start + MAX_TOKEN_LENGTH, end)
            spans.append((piece_start, piece_end, text[piece_start:piece_end]))
    return spans


def tokenize(text: str) -> list[str]:
    """Words of ``text``, unchanged (no folding, no case change)."""
    words = _WORD.findall(text)
    if any(len(word) > MAX_TOKEN_LENGTH for word in words):
        return [span[2] for span in token_spans(text)]
    return words


def is_arabic(token: str) -> bool:
    """Whether the token contains an Arabic letter."""
    return _ARABIC_LETTER.search(token) is not None


# Arabic ------------------------------------------------------------------------------------------------------

# What Lucene's ArabicNormalizer does after the stop filter (its mark and tatweel removal is done earlier here).
_ARABIC_NORMALIZATION = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})

# Lucene's ArabicStemmer (Larkey's light10): the first matching prefix is removed, then each suffix in turn.
ARABIC_PREFIXES = ("ال", "وال", "بال", "كال", "فال", "لل", "و")
ARABIC_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي")
# Where a second prefix is stripped (INTENDED_DIFFERENCES "stacked-prefixes"): first prefix → what may follow it.
_STACKED_PREFIXES = {"و": ("بال", "لل"), **dict.fromkeys(("ال", "وال", "بال", "كال", "فال", "لل"), ("و",))}


def normalize_arabic(text: str) -> str:
    """Arabic spelling normalization: fold_characters plus alef forms → ا, ى → ي, ة → ه."""
    return fold_characters(text).translate(_ARABIC_NORMALIZATION)


_TERM_CACHE_SIZE = 32_768  # words seen often (most of any text) are analyzed once; a few MB per language

# (affix, shortest word it may be removed from): Lucene's length rule, with the lengths computed once.
_PREFIX_RULES = tuple((prefix, 4 if len(prefix) == 1 else len(prefix) + 2) for prefix in ARABIC_PREFIXES)
_SUFFIX_RULES = tuple((suffix, len(suffix) + 2) for suffix in ARABIC_SUFFIXES)


def _strip_prefix(word: str) -> tuple[str, str]:
    """Lucene's prefix rule: the first matching prefix and the rest; و needs four letters, others leave two."""
    if word.startswith(("ا", "و", "ب", "ك", "ف", "ل")):
        for prefix, shortest in _PREFIX_RULES:
            if word.startswith(prefix) and len(word) >= shortest:
                return prefix, word[len(prefix) :]
    return "", word


def stem_arabic(word: str) -> str:
    """Light stemming of a normalized word: Lucene's ArabicStemmer rules and length limits, plus stacked prefixes."""
    prefix, word = _strip_prefix(word)
    if prefix and word.startswith(_STACKED_PREFIXES[prefix]):
        word = _strip_prefix(word)[1]  # وبالتعاونيات, الوكالة: the rest is stemmed as a word of its own
    for suffix, shortest in _SUFFIX_RULES:  # every suffix in turn, not just the first that matches
        if word.endswith(suffix) and len(word) >= shortest:
            word = word[: len(word) - len(suffix)]
    return word


@lru_cache(maxsize=_TERM_CACHE_SIZE)
def _arabic_term(token: str) -> str | None:
    """The search term of one folded token, or None for a stop word."""
    token = token.lower()
    if token in ARABIC_STOP_WORDS:  # Lucene checks the list before normalizing, hence its hamza variants
        return None
    return stem_arabic(token.translate(_ARABIC_NORMALIZATION)) or None


def analyze_arabic(word: str) -> str | None:
    """The search term of one Arabic word ("والتعاونيات" → "تعاون"), or None for a stop word."""
    return _arabic_term(fold_characters(word))


# French ------------------------------------------------------------------------------------------------------

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "＇": "'", "ʼ": "'"})
_ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|lorsqu|puisqu|quoiqu|jusqu)'(?=.)")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "ı": "i"})


def strip_elision(word: str) -> str:
    """Remove an elided article or pronoun: "l'économie" → "économie", "qu’il" → "il". Expects lower case."""
    return _ELISION.sub("", word.translate(_APOSTROPHES))


def fold_accents(text: str) -> str:
    """Remove accents and split ligatures: "Coopératives" → "Cooperatives", "œuvre" → "oeuvre"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def stem_french(word: str) -> str:
    """Light stemming of a folded word: plurals ("regionaux" → "regional") and a final e ("sociale" → "social")."""
    if len(word) > 5 and word.endswith("aux") and word[-4] != "e":
        word = word[:-2] + "l"
    elif len(word) > 3 and word[-1] in "sx" and word[-2] != "s":
        word = word[:-1]
    if len(word) > 4 and word[-1] == "e":
        word = word[:-1]
    return word


@lru_cache(maxsize=_TERM_CACHE_SIZE)
def _french_term(token: str) -> str | None:
    token = fold_accents(strip_elision(token.lower()))
    if token in FRENCH_STOP_WORDS:
        return None
    return stem_french(token) or None


def analyze_french(word: str) -> str | None:
    """The search term of one French word ("l'Économie" → "economi"), or None for a stop word."""
    return _french_term(fold_characters(word))


# Whole texts -------------------------------------------------------------------------------------------------


def _term_by_script(token: str) -> str | None:
    return _arabic_term(token) if _ARABIC_LETTER.search(token) else _french_term(token)


_TERM_BY_LANGUAGE = {None: _term_by_script, "ar": _arabic_term, "fr": _french_term}


def analyze(text: str, language: str | None = None) -> list[str]:
    """Search terms of ``text``, in order.

    ``language`` None (the portal's choice for both indexing and queries): each token is analyzed as Arabic if it
    contains an Arabic letter, otherwise as French, so French names inside Arabic text (and the reverse) work.
    "ar" analyzes every token as Arabic (what Lucene's ArabicAnalyzer does: Latin words are only lower-cased);
    "fr" analyzes every token as French. Index and query must use the same choice.
    """
    if not text:
        return []
    try:
        term = _TERM_BY_LANGUAGE[language]
    except KeyError:
        raise ValueError(f"language must be 'ar', 'fr' or None, not {language!r}") from None
    terms = []
    for token in tokenize(fold_characters(text)):
        analyzed = term(token)
        if analyzed:
            terms.append(analyzed)
    return terms


def analyzed_text(text: str, language: str | None = None) -> str:
    """The search terms of ``text`` joined by spaces: what a search index field stores."""
    return " ".join(analyze(text, language))
