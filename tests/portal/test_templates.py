"""The public layout on every page type, in Arabic and French: header, breadcrumbs, footer, images, print, errors.

Most checks run over the whole demo site (every page type the installed sections bring), read from the HTML
a visitor receives.
"""

import re
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from django.contrib.staticfiles import finders
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error
from wagtail.models import Page, Site

from home.models import PortalSettings
from portal import formatting
from portal.templatetags.portal_tags import file_size


class Outline(HTMLParser):
    """What a check needs from a page: landmarks, headings in order, images, breadcrumb items, links."""

    def __init__(self):
        super().__init__()
        self.tags = []
        self.headings = []
        self.images = []
        self.sources = []
        self.breadcrumb_items = []
        self.stack = []
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        if tag == "img":
            self.images.append(attrs)
        if tag == "source":
            self.sources.append(attrs)
        if tag == "a":
            self.links.append(attrs.get("href"))
        if tag == "li" and attrs.get("itemtype") == "https://schema.org/ListItem":
            self.breadcrumb_items.append(attrs)


def outline(html):
    parser = Outline()
    parser.feed(html)
    return parser


def demo_urls():
    """One address per page type and language, plus a funding partner, a project model and the search page."""
    from django.apps import apps

    urls = {}
    for page in Page.objects.live().specific().filter(depth__gte=2).order_by("path"):
        urls.setdefault((type(page).__name__, page.locale.language_code), page.url)
    for label, model_name in (("FundingPartner", "FundingPartner"), ("ProjectModel", "ProjectModel")):
        if apps.is_installed("resources"):
            for entry in apps.get_model("resources", model_name).objects.live().select_related("locale"):
                urls.setdefault((label, entry.locale.language_code), entry.url)
    urls[("search", "ar")] = "/ar/search/?q=" + quote("تعاونية")
    urls[("search", "fr")] = "/fr/search/?q=" + quote("coopérative")
    return urls


def test_every_page_type_has_header_breadcrumbs_and_footer_in_both_languages(client, demo_site):
    from django.apps import apps

    urls = demo_urls()
    kinds = {kind for kind, _language in urls}
    assert {"HomePage", "StandardPage", "search"} <= kinds
    assert len(kinds) >= 10, kinds  # the sections' page types are there too
    accessibility = {
        language: Page.objects.get(slug=slug).url
        for language, slug in (("ar", "إمكانية-الولوج"), ("fr", "accessibilite"))
    }
    for (kind, language), url in sorted(urls.items()):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        parsed = outline(html)
        label = f"{kind} ({language}) {url}"
        assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in html, label
        # Header: skip link first, logo, language switcher, main navigation, labelled search box.
        assert '<a class="skip-link" href="#main">' in html, label
        assert '<main id="main"' in html, label
        assert 'class="brand__logo"' in html, label
        assert 'class="language-switcher"' in html and 'class="main-nav"' in html, label
        assert re.search(r'<label for="site-search"[^>]*>[^<]+</label>', html), label
        # Footer: contact, funding partners, accessibility statement, sitemap.
        footer = html[html.index('<footer class="site-footer">') :]
        assert "contact@cooperatives.example.ma" in footer and "tel:+212537000000" in footer, label
        assert f'href="{accessibility[language]}"' in footer, label
        assert 'href="/sitemap.xml"' in footer, label
        if apps.is_installed("resources"):
            directory = apps.get_model("resources", "PartnerDirectoryPage").objects.get(locale__language_code=language)
            assert f'href="{directory.url}"' in footer, label
        # Exactly one h1, and headings never skip a level going down.
        assert parsed.headings.count(1) == 1, label
        for before, after in zip(parsed.headings, parsed.headings[1:], strict=False):
            assert after <= before + 1, f"{label}: h{before} then h{after}"
        # Breadcrumbs on every page but the home page, ending on the current page.
        if kind == "HomePage":
            assert 'class="breadcrumbs"' not in html, label
            continue
        nav = re.search(
            r'<nav class="breadcrumbs" aria-label="[^"]+">\s*<ol itemscope itemtype="https://schema.org/BreadcrumbList">(.*?)</ol>',
            html,
            re.S,
        )
        assert nav, label
        assert len(parsed.breadcrumb_items) >= 2, label
        assert f'href="/{language}/"' in nav.group(1), label
        assert nav.group(1).count('aria-current="page"') == 1, label
        assert nav.group(1).rstrip().endswith("</li>"), label


def test_breadcrumbs_of_an_entry_follow_its_directory(client, demo_site):
    from django.apps import apps

    if not apps.is_installed("resources"):
        pytest.skip("resources section not installed")
    project = apps.get_model("resources", "ProjectModel").objects.live().filter(locale__language_code="fr").first()
    html = client.get(project.url).content.decode()
    trail = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    names = re.findall(r'itemprop="name"[^>]*>([^<]+)<', trail)
    directory = project.directory_page()
    assert len(names) == 3 and names[1:] == [directory.title, project.title]
    assert f'href="{directory.url}"' in trail
    assert re.findall(r'itemprop="position" content="(\d)"', trail) == ["1", "2", "3"]


def test_images_are_sized_lazy_renditions_with_modern_formats(client, demo_site):
    from django.apps import apps

    checked = 0
    urls = [
        url
        for (kind, _language), url in demo_urls().items()
        if kind in {"HomePage", "NewsIndexPage", "NewsPage", "EventPage", "PartnerDirectoryPage", "FundingPartner"}
    ]
    for url in urls:
        parsed = outline(client.get(url).content.decode())
        for image in parsed.images:
            if "brand__logo" in image.get("class", ""):
                continue
            checked += 1
            assert image.get("loading") == "lazy", (url, image)
            assert image.get("width", "").isdigit() and image.get("height", "").isdigit(), (url, image)
            assert "/media/images/" in image["src"], (url, image)  # a rendition, never the original upload
            assert "alt" in image, (url, image)
        if parsed.images:
            types = {source.get("type") for source in parsed.sources}
            assert "image/webp" in types, url
    assert checked >= 10
    if apps.is_installed("programs"):
        news_index = apps.get_model("programs", "NewsIndexPage").objects.get(locale__language_code="ar")
        html = client.get(news_index.url).content.decode()
        assert 'type="image/avif"' in html and 'type="image/webp"' in html


def test_print_stylesheet_and_fonts_ship_with_the_portal(client, demo_site):
    html = client.get("/ar/").content.decode()
    css_href = re.search(r'<link rel="stylesheet" href="([^"]+portal\.css)"', html).group(1)
    css = open(finders.find("css/portal.css"), encoding="utf-8").read()
    assert css_href == "/static/css/portal.css"
    assert "@media print" in css
    print_rules = css[css.index("@media print") :]
    for selector in (".site-header__nav", ".search-form", ".site-footer", ".skip-link"):
        assert selector in print_rules
    assert "attr(data-url)" in print_rules
    assert "break-inside: avoid" in print_rules
    # The Arabic font is the portal's own file, swapped in, limited to Arabic letters, with its licence.
    assert "font-display: swap" in css and "unicode-range: U+0600-06FF" in css
    assert finders.find("fonts/noto-naskh-arabic-arabic-wght-normal.woff2")
    assert "SIL Open Font License" in open(finders.find("fonts/OFL.txt"), encoding="utf-8").read()
    assert 'rel="preload" href="/static/fonts/noto-naskh-arabic-arabic-wght-normal.woff2"' in html
    assert "noto-naskh" not in client.get("/fr/").content.decode()
    # Logical properties only for the layout (a check mark is the one physical exception).
    physical = re.findall(r"(?:margin|padding|border)-(?:left|right)(?!-radius)\s*:", css)
    assert len(physical) <= 1, physical


def test_no_page_loads_anything_from_another_host(client, demo_site):
    """Stylesheets, scripts, fonts, icons and images come from the portal itself (links to other sites are fine)."""
    for url in demo_urls().values():
        parsed = outline(client.get(url).content.decode())
        for tag, attrs in parsed.tags:
            loaded = []
            if tag == "link" and attrs.get("rel") in {"stylesheet", "preload", "icon", "modulepreload"}:
                loaded.append(attrs["href"])
            if tag in {"script", "img"} and attrs.get("src"):
                loaded.append(attrs["src"])
            if tag in {"img", "source"} and attrs.get("srcset"):
                loaded += [part.split()[0] for part in attrs["srcset"].split(",")]
            for address in loaded:
                assert address.startswith("/") and not address.startswith("//"), (url, tag, address)
    css = open(finders.find("css/portal.css"), encoding="utf-8").read()
    assert "@import" not in css
    assert all(not target.startswith(("http", "//")) for target in re.findall(r'url\("?([^")]+)', css))


def test_listing_filters_work_without_javascript_and_submit_themselves_with_it(client, demo_site):
    from django.apps import apps

    if not apps.is_installed("programs"):
        pytest.skip("programs section not installed")
    index = apps.get_model("programs", "CallIndexPage").objects.get(locale__language_code="fr")
    html = client.get(index.url + "?status=open").content.decode()
    form = re.search(r'<form class="filters" method="get" action="" data-autosubmit>.*?</form>', html, re.S).group(0)
    assert '<button type="submit">' in form
    for select_id in re.findall(r'<select id="([^"]+)"', form):
        assert f'<label for="{select_id}">' in form
    assert '<script src="/static/js/filters.js" defer></script>' in html
    script = open(finders.find("js/filters.js"), encoding="utf-8").read()
    assert "data-autosubmit" in script and "requestSubmit" in script


@pytest.mark.parametrize(
    ("language", "title", "direction"), [("ar", "الصفحة غير موجودة", "rtl"), ("fr", "Page introuvable", "ltr")]
)
def test_404_is_the_portals_own_page_in_the_visitors_language(client, demo_site, language, title, direction):
    response = client.get(f"/{language}/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert f"<h1>{title}</h1>" in html
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert f'action="/{language}/search/"' in html
    assert f'href="/{language}/"' in html


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_500_page_is_localized_and_needs_no_database(db, language, direction, django_assert_num_queries):
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language), django_assert_num_queries(0):
        html = server_error(request).content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert 'href="/static/css/portal.css"' in html
    assert f'href="/{language}/"' in html


def test_footer_contact_comes_from_the_site_settings_in_each_language(client, demo_site):
    site = Site.objects.get(is_default_site=True)
    settings = PortalSettings.for_site(site)
    settings.contact_address_ar = "شارع المثال، الرباط"
    settings.contact_address_fr = "Rue de l'Exemple, Rabat"
    settings.save()
    assert "شارع المثال، الرباط" in client.get("/ar/").content.decode()
    french = client.get("/fr/").content.decode()
    assert "Rue de l&#x27;Exemple, Rabat" in french and "شارع المثال" not in french


@pytest.mark.parametrize(
    ("size", "language", "expected"),
    [
        (597, "ar", ("597", "بايت")),
        (597, "fr", ("597", "octets")),
        (245 * 1024 + 100, "fr", ("245", "ko")),
        (245 * 1024 + 100, "ar", ("245", "ك.ب")),
        (int(1.24 * 1024 * 1024), "fr", ("1,2", "Mo")),
        (12 * 1024 * 1024, "ar", ("12", "م.ب")),
    ],
)
def test_file_sizes_read_in_the_page_language(size, language, expected):
    assert formatting.file_size_parts(size, language) == expected
    with translation.override(language):
        assert file_size(size) == f'<bdi dir="ltr">{expected[0]}</bdi>\u00a0{expected[1]}'
