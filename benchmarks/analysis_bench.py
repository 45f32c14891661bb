"""Search analysis throughput on the seed articles: tokens per second. Prints figures; never pass/fail.

.venv/bin/python benchmarks/analysis_bench.py [SEED_DIR]
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from search import analysis  # noqa: E402

SEEDS = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/seeds")
RUNS = 20
QUERIES = ("التعاونيات", "تعاونية فلاحية", "أگادير", "برنامج DELIO", "l'économie sociale", "coopératives", "٢٠٢٥")


def clear_term_caches():
    """Forget the per-token results, to measure the analysis itself rather than the cache."""
    for cached in (analysis._arabic_term, analysis._french_term):
        cached.cache_clear()


def best_seconds(function, *, cold):
    timings = []
    for _ in range(RUNS):
        if cold:
            clear_term_caches()
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return min(timings), statistics.median(timings)


def main():
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    characters = sum(len(text) for text in texts)
    tokens = sum(len(analysis.tokenize(analysis.fold_characters(text))) for text in texts)
    terms = sum(len(analysis.analyze(text)) for text in texts)
    print(f"{len(texts)} seed articles: {characters} characters, {tokens} tokens, {terms} terms after stop words")
    print(f"{'step':<44} {'best ms':>8} {'median ms':>10} {'tokens/s':>12}")
    steps = {
        "fold_characters": (lambda: [analysis.fold_characters(text) for text in texts], False),
        "fold_characters + tokenize": (lambda: [analysis.tokenize(analysis.fold_characters(t)) for t in texts], False),
        "analyze, empty token cache (cold)": (lambda: [analysis.analyze(text) for text in texts], True),
        "analyze, token cache filled (warm)": (lambda: [analysis.analyze(text) for text in texts], False),
        "analyze(text, 'ar'), cold": (lambda: [analysis.analyze(text, "ar") for text in texts], True),
    }
    for name, (function, cold) in steps.items():
        best, median = best_seconds(function, cold=cold)
        print(f"{name:<44} {best * 1000:>8.2f} {median * 1000:>10.2f} {tokens / best:>12,.0f}")
    repeat = 1000
    started = time.perf_counter()
    for _ in range(repeat):
        for query in QUERIES:
            analysis.analyze(query)
    elapsed = time.perf_counter() - started
    print(f"short queries (warm): {repeat * len(QUERIES) / elapsed:,.0f} queries/s")


if __name__ == "__main__":
    main()
