"""Our Arabic analysis against Lucene's ArabicAnalyzer (the analyzer behind Elasticsearch's ``arabic``).

Lucene runs once, in one JVM, over the whole corpus (tests/search/lucene/corpus.py). For every line,
``analyze(line, "ar")`` must give exactly Lucene's tokens of ``fold_characters(line)`` — the character-level
intended differences are that folding — and where a token still differs, the stacked-prefix difference must
explain it: our term is Lucene's term of the same word without its first prefix.

To count what each intended difference changes, Lucene also analyzes every line with the character-level
differences applied one after the other (INTENDED_DIFFERENCES order): the tokens that change between two steps
are that difference's. Run with ``-s`` to see the figures.

Skipped when Java or the Lucene jars are missing, except under CI, where that is a failure. Install them with
``apt-get install -y liblucene8-java openjdk-17-jdk-headless`` (Debian bookworm: jars in /usr/share/java).
"""

import difflib
import glob
import os
import shutil
import subprocess
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from search.analysis import (
    INTENDED_DIFFERENCES,
    analyze,
    analyze_arabic,
    fold_characters,
    normalize_arabic,
    token_spans,
)
from tests.search.lucene.corpus import corpus_lines, seed_lines

HARNESS = Path(__file__).parent / "lucene" / "ArabicTokens.java"
JAR_PATTERNS = ("/usr/share/java/lucene-core-8*.jar", "/usr/share/java/lucene-analyzers-common-8*.jar")
LUCENE_PREFIXES = ("ال", "وال", "بال", "كال", "فال", "لل", "و")  # ArabicStemmer's order


def lucene_classpath():
    """The Lucene jars, or None when one is missing."""
    jars = [sorted(glob.glob(pattern)) for pattern in JAR_PATTERNS]
    if not all(jars):
        return None
    return os.pathsep.join(found[-1] for found in jars)


@pytest.fixture(scope="module")
def lucene(tmp_path_factory):
    """A function running ArabicAnalyzer over a list of lines in one JVM: tokens as (start, end, term) per line."""
    classpath = lucene_classpath()
    missing = [tool for tool in ("java", "javac") if shutil.which(tool) is None]
    if missing or classpath is None:
        missing += [] if classpath else list(JAR_PATTERNS)
        message = f"Lucene parity needs java, javac and the jars of liblucene8-java; missing: {', '.join(missing)}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    classes = tmp_path_factory.mktemp("lucene")
    subprocess.run(["javac", "-d", str(classes), "-cp", classpath, str(HARNESS)], check=True)

    def run(lines):
        """Lucene's tokens of each line, in one JVM."""
        assert not any("\n" in line or "\r" in line for line in lines)
        result = subprocess.run(
            ["java", "-cp", os.pathsep.join((str(classes), classpath)), "ArabicTokens", "--offsets"],
            input="\n".join(lines) + "\n",
            capture_output=True,
            encoding="utf-8",
            check=True,
        )
        output = result.stdout.split("\n")[: len(lines)]
        assert len(output) == len(lines), result.stderr
        return [[_parse(token) for token in row.split("\t")] if row else [] for row in output]

    return run


def _parse(token):
    start, end, term = token.split(",", 2)
    return int(start), int(end), term


def _without_first_prefix(token):
    """The folded, lower-cased token minus its first prefix when the stacked-prefix difference applies, else None.

    Written from the documented rule, apart from the implementation: Lucene strips the first prefix of LUCENE_PREFIXES
    that leaves enough letters; we strip a second one when the first is و and بال or لل follows, or when the first
    is an article form and و follows.
    """
    word = normalize_arabic(token.lower())
    for prefix in LUCENE_PREFIXES:
        if word.startswith(prefix) and len(word) >= (4 if len(prefix) == 1 else len(prefix) + 2):
            follows = ("بال", "لل") if prefix == "و" else ("و",)
            return token.lower()[len(prefix) :] if word[len(prefix) :].startswith(follows) else None
    return None


def _folding_steps():
    """(difference code, fold) for each character-level intended difference, cumulative, ending with ours."""
    steps, table = [], {}
    for difference in INTENDED_DIFFERENCES:
        if difference.folding:
            table = {**table, **{ord(char): folded or None for char, folded in difference.folding.items()}}
            steps.append((difference.code, lambda text, table=table: text.translate(table)))
    steps.append(("script-boundary", fold_characters))  # the last character-level step: everything, regexes too
    return steps


def _changed_tokens(before, after):
    """How many tokens differ between two token lists."""
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")


@pytest.fixture(scope="module")
def parity(lucene):
    """Our tokens against Lucene's for the whole corpus: counts and the differences nothing explains."""
    lines = corpus_lines()
    seeds = set(seed_lines())
    steps = _folding_steps()
    texts_by_line = [[line] + [fold(line) for _, fold in steps] for line in lines]
    spans_by_line = [token_spans(texts[-1]) for texts in texts_by_line]
    words_without_prefix = {
        word for spans in spans_by_line for *_, token in spans if (word := _without_first_prefix(token))
    }
    inputs = sorted({text for texts in texts_by_line for text in texts} | words_without_prefix)
    tokens_of = dict(zip(inputs, lucene(inputs), strict=True))  # one JVM for everything

    counts, changed_by, unexplained = Counter(), Counter(), []
    for texts, spans in zip(texts_by_line, spans_by_line, strict=True):
        line = texts[0]
        ours = {(start, end): term for start, end, token in spans if (term := analyze_arabic(token))}
        assert analyze(line, "ar") == list(ours.values()), line  # analyze() is this token-by-token analysis
        theirs = {(start, end): term for start, end, term in tokens_of[texts[-1]]}
        counts["lines"] += 1
        for span in sorted(ours.keys() | theirs.keys()):
            counts["tokens compared"] += 1
            our_term, their_term = ours.get(span), theirs.get(span)
            if our_term == their_term:
                counts["equal to Lucene on folded text"] += 1
                continue
            token = next((token for start, end, token in spans if (start, end) == span), "")
            word = _without_first_prefix(token)
            if word and their_term and [term for *_, term in tokens_of[word]] == [our_term]:
                changed_by["stacked-prefixes"] += 1
            else:
                unexplained.append((line, token, our_term, their_term))
        terms = [[term for *_, term in tokens_of[text]] for text in texts]
        counts["lines where plain Lucene gives our tokens"] += terms[0] == list(ours.values())
        if line in seeds:
            counts["seed-article sentences"] += 1
            counts["seed-article tokens (ours)"] += len(ours)
            counts["seed-article tokens differing from plain Lucene"] += _changed_tokens(terms[0], list(ours.values()))
        for (code, _), (before, after) in zip(steps, pairwise(terms), strict=True):
            changed_by[code] += _changed_tokens(before, after)
    return counts, changed_by, unexplained


def test_corpus_covers_every_rule(parity):
    counts, changed_by, _ = parity
    assert counts["lines"] >= 2000
    assert {code for code, changed in changed_by.items() if changed} == {d.code for d in INTENDED_DIFFERENCES}


def test_arabic_analysis_matches_lucene_except_intended_differences(parity):
    counts, changed_by, unexplained = parity
    report = "\n".join(
        [f"  {name}: {value}" for name, value in counts.items()]
        + [f"  tokens changed by {code}: {changed_by[code]}" for code in (d.code for d in INTENDED_DIFFERENCES)]
        + [f"  unexplained: {len(unexplained)}"]
    )
    print(f"\nLucene ArabicAnalyzer parity\n{report}")
    assert not unexplained, f"first unexplained differences (line, token, ours, Lucene's): {unexplained[:10]}"
