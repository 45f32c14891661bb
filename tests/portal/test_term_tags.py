"""How sectors, regions and target groups are written on cards and pages (portal/templatetags/term_tags.py):
links to the filtered listing, plain text without one, hyphenated names kept on one line, titles escaped."""

from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from portal.templatetags.term_tags import unbroken_compounds


def render(source, **values):
    template = Template("{% load term_tags %}" + source)
    return template.render(Context({"request": RequestFactory().get("/"), **values}))


def term(code, name):
    return SimpleNamespace(code=code, name=name)


def test_a_term_links_to_its_listing_filtered_by_it():
    listing = SimpleNamespace(url="/ar/طلبات-الترشيح/")
    html = render('{% term_link listing "region" "souss-massa" "سوس-ماسة" %}', listing=listing)
    assert html == '<a class="term" href="/ar/طلبات-الترشيح/?region=souss-massa">سوس-ماسة</a>'


def test_without_a_listing_a_term_is_plain_text():
    html = render('{% term_link listing "sector" "handicraft" name %}', listing=None, name="<Artisanat>")
    assert html == '<span class="term">&lt;Artisanat&gt;</span>'


@pytest.mark.parametrize(("language", "separator"), [("ar", "، "), ("fr", ", ")])
def test_terms_are_joined_with_the_comma_of_the_language(language, separator):
    terms = [term("oriental", "Oriental"), term("fes-meknes", "Fès-Meknès")]
    with translation.override(language):
        html = render('{% term_links "/fr/appels/" "region" terms %}', terms=terms)
    assert html == (
        '<a class="term" href="/fr/appels/?region=oriental">Oriental</a>'
        + separator
        + '<a class="term" href="/fr/appels/?region=fes-meknes">Fès-Meknès</a>'
    )


def test_no_term_reads_as_the_empty_text_escaped():
    html = render(
        '{% term_links "/fr/appels/" "region" terms empty=everywhere %}', terms=[], everywhere="Tout & partout"
    )
    assert html == "Tout &amp; partout"


def test_support_choices_are_pairs_of_code_and_label():
    html = render('{% term_links "/fr/partenaires/" "support" pairs %}', pairs=[("grant", "Subvention")])
    assert html == '<a class="term" href="/fr/partenaires/?support=grant">Subvention</a>'


def test_titles_keep_their_hyphenated_names_on_one_line_and_stay_escaped():
    assert unbroken_compounds("Safran <b> (Drâa-Tafilalet)") == (
        'Safran &lt;b&gt; <span class="nowrap">(Drâa-Tafilalet)</span>'
    )
    assert unbroken_compounds("البناء بالتراب (سوس-ماسة)") == 'البناء بالتراب <span class="nowrap">(سوس-ماسة)</span>'
    long_run = "a-" * 20 + "z"
    assert unbroken_compounds(long_run) == long_run, "a run longer than a line may wrap rather than overflow"
    assert unbroken_compounds("L'ODCo - Oriental") == "L&#x27;ODCo - Oriental", "a spaced dash is no compound"
