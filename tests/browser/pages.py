"""The demo content's page of each type, by language (slugs from the demo data: programs/demo/, resources/demo/,
home/demo/), and the listings among them that the 200 KB budget applies to."""

PAGE_TYPES = {
    "home": ("/ar/", "/fr/"),
    "calls listing": ("/ar/طلبات-الترشيح/", "/fr/appels/"),
    "programme listing": ("/ar/برامج-الدعم/", "/fr/programmes/"),
    "call": ("/ar/برامج-الدعم/برنامج-delio/طلب-اهتمام-delio/", "/fr/programmes/programme-delio/ami-delio/"),
    "programme": ("/ar/برامج-الدعم/برنامج-delio/", "/fr/programmes/programme-delio/"),
    "events listing": ("/ar/الأنشطة/", "/fr/evenements/"),
    "event": ("/ar/الأنشطة/المعرض-الجهوي-للاقتصاد-التضامني/", "/fr/evenements/salon-regional-ess/"),
    "news listing": ("/ar/الأخبار/", "/fr/actualites/"),
    "news": ("/ar/الأخبار/انطلاق-طلب-delio/", "/fr/actualites/lancement-ami-delio/"),
    "guide listing": ("/ar/أدلة-التكوين/", "/fr/guides-de-formation/"),
    "guide": ("/ar/أدلة-التكوين/تأسيس-تعاونية-الخطوات-الأولى/", "/fr/guides-de-formation/creer-sa-cooperative/"),
    "partner directory": ("/ar/شركاء-التمويل/", "/fr/partenaires-financiers/"),
    "partner": ("/ar/شركاء-التمويل/وكالة-جهة-الشرق/", "/fr/partenaires-financiers/agence-de-loriental/"),
    "project bank": ("/ar/بنك-المشاريع/", "/fr/banque-de-projets/"),
    "project model": (
        "/ar/بنك-المشاريع/تربية-النحل-وإنتاج-العسل-الشرق/",
        "/fr/banque-de-projets/apiculture-et-production-de-miel-oriental/",
    ),
    "search results": ("/ar/search/?q=تعاونية", "/fr/search/?q=coopérative"),
    "standard page": ("/ar/خطوات-تأسيس-تعاونية/", "/fr/creer-une-cooperative/"),
}
LISTINGS = (
    "home",
    "calls listing",
    "programme listing",
    "events listing",
    "news listing",
    "guide listing",
    "partner directory",
    "project bank",
    "search results",
)
LANGUAGES = ("ar", "fr")


def page_path(page_type, language):
    return PAGE_TYPES[page_type][LANGUAGES.index(language)]


def all_pages():
    """(page type, language, path) for every page type in both languages."""
    return [(name, language, page_path(name, language)) for name in PAGE_TYPES for language in LANGUAGES]
