"""Demo content of the core: the home page and a few standard pages, in Arabic with their French translations.

Written for this portal from the facts of the seed articles (ODCo's "Cooperative Projects Bank" initiative,
law 112-12 on cooperatives). Idempotent: a page that exists is left as it is.
"""

import io

from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Site

from home.models import PortalSettings, StandardPage
from portal.demo_files import demo_document
from portal.translating import ensure_locales, needs_translation, translate

# (Arabic, French) pairs: the Arabic goes into the source page, the pair into the translation.
HOME_TITLE = ("بوابة التعاونيات", "Portail des coopératives")
HOME_INTRO = (
    "فضاء واحد لكل من يريد تأسيس تعاونية أو تطويرها: طلبات إبداء الاهتمام المفتوحة واستماراتها، "
    "أخبار اللقاءات الجهوية، أدلة التكوين، شركاء التمويل وبنك المشاريع التعاونية.",
    "Un seul espace pour qui veut créer ou développer une coopérative : les appels à manifestation d'intérêt "
    "ouverts et leurs formulaires, les rencontres régionales, les guides de formation, les partenaires "
    "financiers et la banque de projets coopératifs.",
)
HOME_BODY = [
    ("heading", ("ماذا تجد في البوابة؟", "Que trouver sur le portail ?")),
    (
        "paragraph",
        (
            "تنشر المندوبيات الجهوية لمكتب تنمية التعاون وشركاؤها هنا طلبات الدعم بتواريخها واستماراتها، "
            "حتى تعرف كل تعاونية في دقيقة هل الطلب مفتوح ومن يحق له الترشح.",
            "Les délégations régionales de l'Office du développement de la coopération et leurs partenaires "
            "publient ici les appels de soutien avec leurs dates et leurs formulaires, pour que chaque coopérative "
            "sache en une minute si l'appel est ouvert et qui peut candidater.",
        ),
    ),
    (
        "image",
        (
            "نساء تعاونية فلاحية يفرزن المنتوج قبل تلفيفه",
            "Les membres d'une coopérative agricole trient la récolte avant l'emballage",
        ),
    ),
    (
        "paragraph",
        (
            "ويضم بنك المشاريع نماذج اقتصادية مجربة حسب القطاع والجهة والفئة المستهدفة، "
            "مع تقدير للاستثمار ولمناصب الشغل المنتظرة.",
            "La banque de projets réunit des modèles économiques éprouvés par secteur, région et public cible, "
            "avec une estimation de l'investissement et des emplois attendus.",
        ),
    ),
    ("document", ("دليل مختصر لتأسيس تعاونية (PDF)", "Guide abrégé de création d'une coopérative (PDF)")),
    ("call_to_action", ("أسست تعاونيتك حديثاً؟", "Vous venez de créer votre coopérative ?")),
]
CTA_TEXT = (
    "اطلع على المراحل الأساسية وفق القانون 112.12 المتعلق بالتعاونيات.",
    "Découvrez les étapes essentielles prévues par la loi 112-12 relative aux coopératives.",
)
CTA_BUTTON = ("خطوات التأسيس", "Les étapes de création")

STANDARD_PAGES = [
    {
        "slug": ("عن-البوابة", "a-propos"),
        "title": ("عن البوابة", "À propos du portail"),
        "intro": (
            "تندرج هذه البوابة في مبادرة «بنك المشاريع التعاونية» التي أطلقها مكتب تنمية التعاون.",
            "Ce portail s'inscrit dans l'initiative « Banque des projets coopératifs » lancée par l'Office du "
            "développement de la coopération.",
        ),
        "paragraphs": [
            (
                "عرضت المبادرة خلال لقاء جهوي بمراكش حول التعاونيات المبتكرة والتنمية الترابية المستدامة، "
                "وهي تجمع مواكبة حاملي المشاريع وبرامج التكوين وقاعدة معطيات للمشاريع ونماذجها الاقتصادية.",
                "L'initiative a été présentée lors d'une rencontre régionale à Marrakech sur les coopératives "
                "innovantes et le développement territorial durable ; elle réunit l'accompagnement des porteurs de "
                "projets, des programmes de formation et une base de données de projets et de modèles économiques.",
            ),
            (
                "كما تقدم البوابة دليلاً لمصادر التمويل وللشركاء، وخريطة ترابية للحاجيات والإمكانات والقطاعات الواعدة في كل منطقة.",
                "Le portail propose aussi un guide des sources de financement et des partenaires, ainsi qu'une "
                "carte territoriale des besoins, des potentiels et des secteurs porteurs de chaque zone.",
            ),
        ],
    },
    {
        "slug": ("خطوات-تأسيس-تعاونية", "creer-une-cooperative"),
        "title": ("خطوات تأسيس تعاونية", "Créer une coopérative, étape par étape"),
        "intro": (
            "يؤطر القانون 112.12 تأسيس التعاونيات وتسييرها. هذه أهم المراحل.",
            "La loi 112-12 encadre la création et la gestion des coopératives. Voici les grandes étapes.",
        ),
        "paragraphs": [
            (
                "اجتمعوا في جمع عام تأسيسي لا يقل عدد أعضائه عن خمسة، وصادقوا على النظام الأساسي وانتخبوا مجلس الإدارة.",
                "Réunissez une assemblée générale constitutive d'au moins cinq membres, adoptez les statuts et "
                "élisez le conseil d'administration.",
            ),
            (
                "أودعوا ملف التأسيس لدى السلطات المختصة، ثم سجلوا التعاونية في سجل التعاونيات.",
                "Déposez le dossier de constitution auprès des autorités compétentes, puis inscrivez la coopérative "
                "au registre des coopératives.",
            ),
            (
                "اطلبوا مواكبة المندوبية الجهوية لمكتب تنمية التعاون في التكوين والتسيير الإداري والمالي.",
                "Sollicitez l'accompagnement de la délégation régionale de l'Office du développement de la "
                "coopération pour la formation et la gestion administrative et financière.",
            ),
        ],
    },
    {
        "slug": ("إمكانية-الولوج", "accessibilite"),
        "title": ("التصريح بإمكانية الولوج", "Déclaration d'accessibilité"),
        "intro": (
            "نريد أن تكون البوابة سهلة الاستعمال للجميع، على الهاتف وبشبكة ضعيفة ولمستعملي قارئات الشاشة.",
            "Nous voulons un portail facile à utiliser pour tous, sur téléphone, avec un réseau faible et avec "
            "un lecteur d'écran.",
        ),
        "paragraphs": [
            (
                "إذا صادفتم صعوبة في الوصول إلى محتوى ما، راسلونا وسنوفره لكم في صيغة ملائمة.",
                "Si un contenu vous est difficile d'accès, écrivez-nous : nous vous le fournirons sous une forme adaptée.",
            ),
        ],
    },
]


@transaction.atomic
def load_demo_pages():
    french = ensure_locales()["fr"]
    home = Site.objects.get(is_default_site=True).root_page.specific
    standard_pages = [(_standard_page(home, spec), spec) for spec in STANDARD_PAGES]

    if not home.body:
        home.title = home.draft_title = HOME_TITLE[0]
        home.intro = HOME_INTRO[0]
        home.body = _home_body(_demo_image(), _demo_document(), steps_page=standard_pages[1][0])
        home.save_revision().publish()

    # Translations go through wagtail-localize, so editors find them in its translation editor.
    # Children first, so the home page's links to them point at their French versions.
    for page, spec in standard_pages:
        if needs_translation(page, french):
            translate(page, french, dict([spec["title"], spec["intro"], *spec["paragraphs"]]), slug=spec["slug"][1])
    if needs_translation(home, french):
        pairs = [HOME_TITLE, HOME_INTRO, CTA_TEXT, CTA_BUTTON] + [p for _k, p in HOME_BODY]
        translate(home, french, dict(pairs), slug=home.slug)
    _footer_settings(home, accessibility_page=standard_pages[2][0])


FOOTER_CONTACT = {
    "contact_name_ar": "مكتب تنمية التعاون",
    "contact_name_fr": "Office du développement de la coopération",
    "contact_address_ar": "1، زنقة ابن حزم، حي المحيط\nالرباط",
    "contact_address_fr": "1, rue Ibn Hazm, quartier L'Océan\nRabat",
    "contact_email": "contact@cooperatives.example.ma",
    "contact_phone": "+212 5 37 00 00 00",
}


def _footer_settings(home, accessibility_page):
    """The footer's contact and accessibility link, filled once; values an editor changed stay as they are."""
    portal_settings = PortalSettings.for_site(Site.objects.get(root_page=home))
    changed = False
    for field, value in FOOTER_CONTACT.items():
        if not getattr(portal_settings, field):
            setattr(portal_settings, field, value)
            changed = True
    if portal_settings.accessibility_page_id is None:
        portal_settings.accessibility_page = accessibility_page
        changed = True
    if changed:
        portal_settings.save()


def _standard_page(home, spec):
    page = StandardPage.objects.filter(locale=home.locale, slug=spec["slug"][0]).first()
    if page is None:
        page = StandardPage(
            title=spec["title"][0],
            slug=spec["slug"][0],
            intro=spec["intro"][0],
            body=[("paragraph", f"<p>{ar}</p>") for ar, _fr in spec["paragraphs"]],
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def _home_body(image, document, steps_page):
    body = []
    for kind, (ar, _fr) in HOME_BODY:
        if kind == "heading":
            body.append(("heading", {"text": ar, "level": "h2"}))
        elif kind == "paragraph":
            body.append(("paragraph", f"<p>{ar}</p>"))
        elif kind == "image":
            body.append(("image", {"image": {"image": image, "alt_text": ar, "decorative": False}, "caption": ar}))
        elif kind == "document":
            body.append(("document", {"document": document, "title": ar}))
        elif kind == "call_to_action":
            body.append(
                (
                    "call_to_action",
                    {"title": ar, "text": CTA_TEXT[0], "button_label": CTA_BUTTON[0], "page": steps_page, "url": ""},
                )
            )
    return body


def _demo_image():
    """A small generated picture (fields and a cooperative's crates), so the demo needs no network."""
    from PIL import Image, ImageDraw

    Image_ = get_image_model()
    existing = Image_.objects.filter(title="demo-home-cooperative").first()
    if existing:
        return existing
    picture = Image.new("RGB", (960, 480), "#e8dcb5")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 300, 960, 480), fill="#7a9a3a")
    for x in range(60, 900, 160):
        draw.rectangle((x, 330, x + 110, 420), fill="#b5651d", outline="#5c3310", width=4)
    draw.ellipse((760, 40, 880, 160), fill="#f2a900")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = Image_(title="demo-home-cooperative", file=ImageFile(buffer, name="cooperative.png"))
    image._set_image_file_metadata()
    image.save()
    return image


def _demo_document():
    return demo_document(
        "دليل مختصر لتأسيس تعاونية",
        "guide-creation-cooperative.pdf",
        "Guide: creer une cooperative (loi 112-12)",
        "Guide succinct : créer une coopérative",
    )
