"""Lucene ArabicAnalyzer harness (ArabicTokens.java) and the corpus tests/search/test_lucene_parity.py compares on."""
