"""Snippets with the matched words marked, matched by analyzed term: a query for تعاونية marks والتعاونيات."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.analysis import analyze, token_spans

SNIPPET_WORDS = 32


def highlight(text, terms, words=SNIPPET_WORDS):
    """An HTML snippet of ``text`` around its first matching word, each match in <mark>; escaped throughout."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    terms = set(terms)
    spans = token_spans(text)
    matches = [i for i, (_start, _end, word) in enumerate(spans) if terms.intersection(analyze(word))]
    first = max(0, (matches[0] if matches else 0) - words // 3)
    window = spans[first : first + words]
    if not window:
        return escape(text[:200])
    start, end = window[0][0], window[-1][1]
    if first + words >= len(spans):
        end = len(text)  # the window reaches the last word: keep the closing punctuation, no "…"
    marked = set(matches)
    pieces, cursor = [], start
    for index, (word_start, word_end, word) in enumerate(spans[first : first + words], start=first):
        pieces.append(escape(text[cursor:word_start]))
        pieces.append(f"<mark>{escape(word)}</mark>" if index in marked else escape(word))
        cursor = word_end
    pieces.append(escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)
