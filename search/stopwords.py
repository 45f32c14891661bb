"""Stop words for search analysis: words too common to help find anything.

ARABIC_STOP_WORDS is Lucene's Arabic list (lucene-analyzers-common, org/apache/lucene/analysis/ar/stopwords.txt,
by Jacques Savoy, BSD licence). Like Lucene, it is checked on lower-cased tokens before the Arabic normalizer
runs, which is why it lists both hamza and bare forms (أن and ان).

FRENCH_STOP_WORDS is the Snowball French list shipped with Lucene (org/apache/lucene/analysis/snowball/
french_stop.txt, BSD licence), with accents folded because it is checked after accent folding (été → ete).
"""

# fmt: off
ARABIC_STOP_WORDS = frozenset(
    (
        "من", "ومن", "منها", "منه", "في", "وفي", "فيها", "فيه", "و", "ف", "ثم", "او", "أو", "ب", "بها",
        "به", "ا", "أ", "اى", "اي", "أي", "أى", "لا", "ولا", "الا", "ألا", "إلا", "لكن", "ما", "وما",
        "كما", "فما", "عن", "مع", "اذا", "إذا", "ان", "أن", "إن", "انها", "أنها", "إنها", "انه", "أنه",
        "إنه", "بان", "بأن", "فان", "فأن", "وان", "وأن", "وإن", "التى", "التي", "الذى", "الذي", "الذين",
        "الى", "الي", "إلى", "إلي", "على", "عليها", "عليه", "اما", "أما", "إما", "ايضا", "أيضا", "كل",
        "وكل", "لم", "ولم", "لن", "ولن", "هى", "هي", "هو", "وهى", "وهي", "وهو", "فهى", "فهي", "فهو", "انت",
        "أنت", "لك", "لها", "له", "هذه", "هذا", "تلك", "ذلك", "هناك", "كانت", "كان", "يكون", "تكون",
        "وكانت", "وكان", "غير", "بعض", "قد", "نحو", "بين", "بينما", "منذ", "ضمن", "حيث", "الان", "الآن",
        "خلال", "بعد", "قبل", "حتى", "عند", "عندما", "لدى", "جميع",
    )
)

FRENCH_STOP_WORDS = frozenset(
    (
        "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "eux", "il", "je",
        "la", "le", "leur", "lui", "ma", "mais", "me", "meme", "mes", "moi", "mon", "ne", "nos", "notre",
        "nous", "on", "ou", "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sur", "ta",
        "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "c", "d", "j", "l", "a", "m",
        "n", "s", "t", "y", "ete", "etee", "etees", "etes", "etant", "suis", "es", "est", "sommes", "sont",
        "serai", "seras", "sera", "serons", "serez", "seront", "serais", "serait", "serions", "seriez",
        "seraient", "etais", "etait", "etions", "etiez", "etaient", "fus", "fut", "fumes", "futes", "furent",
        "sois", "soit", "soyons", "soyez", "soient", "fusse", "fusses", "fussions", "fussiez", "fussent",
        "ayant", "eu", "eue", "eues", "eus", "ai", "as", "avons", "avez", "ont", "aurai", "auras", "aura",
        "aurons", "aurez", "auront", "aurais", "aurait", "aurions", "auriez", "auraient", "avais", "avait",
        "avions", "aviez", "avaient", "eut", "eumes", "eutes", "eurent", "aie", "aies", "ait", "ayons", "ayez",
        "aient", "eusse", "eusses", "eussions", "eussiez", "eussent", "ceci", "cela", "cet", "cette", "ici",
        "ils", "les", "leurs", "quel", "quels", "quelle", "quelles", "sans", "soi",
    )
)
# fmt: on
