"""Demo content of the programmes section, in Arabic with French translations made through wagtail-localize.

Written for this portal from the facts of the seed articles (DELIO in the Oriental, Irtiqae, the Marrakech
meeting on innovative cooperatives, El Hajeb's cooperative day, the Oriental's logistics unit). Call dates are
set relative to the day the demo is first loaded, so the eight calls cover the four statuses; a page that
exists is left as it is, so loading again changes nothing.
"""

import io
import random
from datetime import datetime, time, timedelta

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Site

from portal.demo_files import demo_document
from portal.formatting import CASABLANCA
from portal.models import Region, Sector, TargetGroup
from portal.translating import ensure_locales, needs_translation, translate

from .models import (
    CallDocument,
    CallIndexPage,
    CallPage,
    EventIndexPage,
    EventPage,
    EventPhoto,
    NewsIndexPage,
    NewsPage,
    ProgramIndexPage,
    ProgramPage,
)

INDEXES = [
    (
        ProgramIndexPage,
        ("البرامج", "Programmes"),
        ("برامج-الدعم", "programmes"),
        (
            "برامج الدعم الموجهة للتعاونيات وحاملي المشاريع.",
            "Les programmes de soutien aux coopératives et aux porteurs de projets.",
        ),
    ),
    (
        CallIndexPage,
        ("طلبات الترشيح", "Appels à candidatures"),
        ("طلبات-الترشيح", "appels"),
        (
            "طلبات إبداء الاهتمام والترشيح المفتوحة للتعاونيات، مع آجالها واستماراتها.",
            "Les appels à manifestation d'intérêt et à candidatures ouverts aux coopératives, avec leurs délais et leurs formulaires.",
        ),
    ),
    (
        EventIndexPage,
        ("الأنشطة", "Événements"),
        ("الأنشطة", "evenements"),
        ("لقاءات جهوية ومعارض وأيام تكوينية.", "Rencontres régionales, salons et journées de formation."),
    ),
    (
        NewsIndexPage,
        ("الأخبار", "Actualités"),
        ("الأخبار", "actualites"),
        ("أخبار القطاع التعاوني بالمغرب.", "L'actualité du secteur coopératif au Maroc."),
    ),
]

PROGRAMS = [
    {
        "key": "delio",
        "title": (
            "برنامج التنمية المحلية المندمجة لجهة الشرق DELIO",
            "Programme de développement local intégré de l'Oriental (DELIO)",
        ),
        "slug": ("برنامج-delio", "programme-delio"),
        "intro": (
            "برنامج لمواكبة التعاونيات وتقويتها بجهة الشرق، بهدف تشجيع التشغيل وخلق فرص شغل جديدة.",
            "Un programme d'accompagnement et de renforcement des coopératives de l'Oriental, pour encourager l'emploi et créer de nouveaux postes.",
        ),
        "objectives": [
            (
                "تجهيز التعاونيات بمعدات الإنتاج والتحويل والتثمين.",
                "Équiper les coopératives en matériel de production, de transformation et de valorisation.",
            ),
            (
                "تقوية قدرات أعضائها في التسيير الإداري والمالي والتسويق الإلكتروني.",
                "Renforcer les capacités de leurs membres en gestion administrative et financière et en e-marketing.",
            ),
        ],
        "partners": [
            ("وكالة جهة الشرق", "Agence de l'Oriental"),
            (
                "المندوبية الجهوية لمكتب تنمية التعاون",
                "Délégation régionale de l'Office du développement de la coopération",
            ),
            ("جمعية القطاع التعاوني بالمغرب الشرقي", "Association du secteur coopératif de l'Oriental"),
            ("غرفة التجارة والصناعة والخدمات للشرق", "Chambre de commerce, d'industrie et de services de l'Oriental"),
            ("برنامج الأمم المتحدة الإنمائي", "Programme des Nations unies pour le développement"),
        ],
        "sectors": ["agriculture", "agri-food", "handicraft", "eco-tourism"],
        "regions": ["oriental"],
        "budget": 12_000_000,
    },
    {
        "key": "irtiqae",
        "title": ("برنامج ارتقاء", "Programme Irtiqae"),
        "slug": ("برنامج-ارتقاء", "programme-irtiqae"),
        "intro": (
            "برنامج وكالة التنمية الاجتماعية للتمكين الاقتصادي للنساء عبر التعاونيات والأنشطة المدرة للدخل.",
            "Le programme de l'Agence de développement social pour l'autonomisation économique des femmes par les coopératives et les activités génératrices de revenus.",
        ),
        "objectives": [
            (
                "دعم التعاونيات النسائية في التكوين والتجهيز وتسويق المنتوجات.",
                "Soutenir les coopératives féminines dans la formation, l'équipement et la commercialisation.",
            ),
        ],
        "partners": [
            ("وكالة التنمية الاجتماعية", "Agence de développement social"),
            ("المبادرة الوطنية للتنمية البشرية", "Initiative nationale pour le développement humain"),
        ],
        "sectors": ["handicraft", "agri-food", "services"],
        "regions": ["marrakech-safi", "fes-meknes", "souss-massa"],
        "budget": 8_500_000,
    },
    {
        "key": "innovation",
        "title": (
            "برنامج التعاونيات المبتكرة بجهة مراكش آسفي",
            "Programme des coopératives innovantes de Marrakech-Safi",
        ),
        "slug": ("التعاونيات-المبتكرة", "cooperatives-innovantes"),
        "intro": (
            "مواكبة حاملي المشاريع التعاونية المبتكرة من أجل تنمية ترابية مستدامة، في إطار مبادرة بنك المشاريع التعاونية.",
            "L'accompagnement des porteurs de projets coopératifs innovants pour un développement territorial durable, dans le cadre de la Banque des projets coopératifs.",
        ),
        "objectives": [
            (
                "إعداد خريطة ترابية للحاجيات والإمكانات والقطاعات الواعدة بكل إقليم.",
                "Établir une carte territoriale des besoins, des potentiels et des secteurs porteurs de chaque province.",
            ),
            (
                "تنظيم مسابقة أفكار لاختيار المشاريع حسب الابتكار والاستدامة وقابلية الإنجاز.",
                "Organiser un Idéathon qui retient les projets selon l'innovation, la durabilité et la faisabilité.",
            ),
        ],
        "partners": [
            ("مكتب تنمية التعاون", "Office du développement de la coopération"),
            ("المركز الجهوي للاستثمار", "Centre régional d'investissement"),
            ("مجلس جهة مراكش آسفي", "Conseil de la région Marrakech-Safi"),
            ("المديرية الجهوية للفلاحة", "Direction régionale de l'agriculture"),
        ],
        "sectors": ["agriculture", "eco-tourism", "digital", "environment"],
        "regions": ["marrakech-safi"],
        "budget": None,
    },
]

# (opening offset in days or None, deadline offset in days, deadline hour): relative to the first load.
CALLS = [
    {
        "program": "delio",
        "title": (
            "طلب إبداء الاهتمام لتعاونيات جهة الشرق - برنامج DELIO",
            "Appel à manifestation d'intérêt aux coopératives de l'Oriental – DELIO",
        ),
        "slug": ("طلب-اهتمام-delio", "ami-delio"),
        "intro": (
            "تدعو وكالة جهة الشرق والمندوبية الجهوية لمكتب تنمية التعاون التعاونيات إلى الترشح لبرنامج مواكبة وتقوية.",
            "L'Agence de l'Oriental et la délégation régionale de l'ODCo invitent les coopératives à candidater à un programme d'accompagnement et de renforcement.",
        ),
        "dates": (-20, 4, 16),
        "legal_forms": ["cooperative", "union"],
        "sectors": ["agriculture", "agri-food", "handicraft", "eco-tourism"],
        "regions": ["oriental"],
        "target_groups": [],
        "min_members": 5,
        "max_grant": 450_000,
        "cofinancing": 10,
        "axes": [
            (
                "التجهيز بمعدات الإنتاج والتحويل والتثمين.",
                "Équipement pour la production, la transformation et la valorisation.",
            ),
            (
                "تقوية القدرات في التسيير الإداري والمالي والتسويق الإلكتروني.",
                "Renforcement des capacités en gestion administrative et financière et en e-marketing.",
            ),
        ],
        "criteria": [
            ("أن يكون مقر التعاونية بأحد أقاليم جهة الشرق.", "Avoir son siège dans l'une des provinces de l'Oriental."),
            ("أن تكون التعاونية مسجلة في سجل التعاونيات.", "Être inscrite au registre des coopératives."),
        ],
        "how": [
            (
                "حمّلوا الاستمارة وأرفقوها بالوثائق المطلوبة، ثم أودعوا الملف بمكتب الضبط بالوكالة.",
                "Téléchargez le formulaire, joignez les pièces demandées et déposez le dossier au bureau d'ordre de l'Agence.",
            ),
        ],
        "address": ("مكتب الضبط، وكالة جهة الشرق، وجدة", "Bureau d'ordre, Agence de l'Oriental, Oujda"),
        "contact": ("المندوبية الجهوية لمكتب تنمية التعاون بوجدة", "Délégation régionale de l'ODCo à Oujda"),
        "email": "delio@example.ma",
        "phone": "+212 5 36 00 00 00",
        "documents": [
            ("form", "ar", ("استمارة الترشيح", "Formulaire de candidature (arabe)")),
            ("form", "fr", ("استمارة الترشيح بالفرنسية", "Formulaire de candidature (français)")),
            ("annex", "ar-fr", ("دفتر التحملات", "Cahier des charges")),
        ],
    },
    {
        "program": "delio",
        "title": (
            "دورة تكوينية في التسويق الإلكتروني لتعاونيات الشرق",
            "Cycle de formation à l'e-marketing pour les coopératives de l'Oriental",
        ),
        "slug": ("تكوين-التسويق-الإلكتروني", "formation-e-marketing"),
        "intro": (
            "تكوين لفائدة أعضاء التعاونيات في البيع عبر الإنترنت وتدبير صفحات المنتوجات.",
            "Une formation des membres des coopératives à la vente en ligne et à la gestion des fiches produits.",
        ),
        "dates": (-10, 2, 12),
        "legal_forms": ["cooperative"],
        "sectors": ["handicraft", "agri-food"],
        "regions": ["oriental"],
        "target_groups": ["women", "youth"],
        "min_members": None,
        "max_grant": None,
        "cofinancing": None,
        "axes": [
            (
                "ثلاثة أيام تكوين حضوري ومواكبة لمدة شهر.",
                "Trois jours de formation en présentiel et un mois d'accompagnement.",
            )
        ],
        "criteria": [],
        "how": [
            ("املؤوا الاستمارة وأرسلوها عبر البريد الإلكتروني.", "Remplissez le formulaire et envoyez-le par courriel.")
        ],
        "address": None,
        "contact": (
            "غرفة التجارة والصناعة والخدمات للشرق",
            "Chambre de commerce, d'industrie et de services de l'Oriental",
        ),
        "email": "formation@example.ma",
        "phone": "",
        "documents": [("form", "ar-fr", ("استمارة التسجيل", "Fiche d'inscription"))],
    },
    {
        "program": "irtiqae",
        "title": ("دعم التعاونيات النسائية - برنامج ارتقاء", "Soutien aux coopératives féminines – Irtiqae"),
        "slug": ("دعم-التعاونيات-النسائية", "cooperatives-feminines-irtiqae"),
        "intro": (
            "دعم مالي وتقني للتعاونيات النسائية لتطوير منتوجاتها وولوج الأسواق.",
            "Un soutien financier et technique aux coopératives féminines pour développer leurs produits et accéder aux marchés.",
        ),
        "dates": (-5, 30, 16),
        "legal_forms": ["cooperative", "association"],
        "sectors": ["handicraft", "agri-food", "services"],
        "regions": ["marrakech-safi", "fes-meknes", "souss-massa"],
        "target_groups": ["women"],
        "min_members": 7,
        "max_grant": 300_000,
        "cofinancing": 20,
        "axes": [
            ("اقتناء معدات صغيرة.", "Acquisition de petits équipements."),
            ("التكوين في الجودة والتلفيف.", "Formation à la qualité et au conditionnement."),
        ],
        "criteria": [("أن تكون أغلبية الأعضاء من النساء.", "Compter une majorité de femmes parmi les membres.")],
        "how": [
            (
                "أودعوا الملف لدى المنسقية الجهوية لوكالة التنمية الاجتماعية.",
                "Déposez le dossier auprès de la coordination régionale de l'Agence de développement social.",
            )
        ],
        "address": ("المنسقية الجهوية لوكالة التنمية الاجتماعية، مراكش", "Coordination régionale de l'ADS, Marrakech"),
        "contact": ("وكالة التنمية الاجتماعية", "Agence de développement social"),
        "email": "irtiqae@example.ma",
        "phone": "",
        "documents": [("form", "ar", ("استمارة الترشيح", "Formulaire de candidature"))],
    },
    {
        "program": None,
        "title": (
            "مشاريع مدرة للدخل لتعاونيات الشباب بإقليم الحاجب",
            "Projets générateurs de revenus pour les coopératives de jeunes d'El Hajeb",
        ),
        "slug": ("تعاونيات-الشباب-الحاجب", "cooperatives-jeunes-el-hajeb"),
        "intro": (
            "في إطار المبادرة الوطنية للتنمية البشرية، دعم مشاريع التعاونيات التي يسيرها الشباب بإقليم الحاجب.",
            "Dans le cadre de l'INDH, un soutien aux projets des coopératives gérées par des jeunes dans la province d'El Hajeb.",
        ),
        "dates": (-3, 21, 16),
        "legal_forms": ["cooperative"],
        "sectors": ["agriculture", "agri-food"],
        "regions": ["fes-meknes"],
        "target_groups": ["youth", "graduates", "rural"],
        "min_members": 5,
        "max_grant": 250_000,
        "cofinancing": 10,
        "axes": [
            ("تمويل التجهيزات وأول رأس مال عامل.", "Financement des équipements et du premier fonds de roulement.")
        ],
        "criteria": [("ألا يتجاوز سن الأعضاء 40 سنة.", "Des membres âgés de 40 ans au plus.")],
        "how": [
            (
                "أودعوا الملف بقسم العمل الاجتماعي بعمالة الإقليم.",
                "Déposez le dossier à la Division de l'action sociale de la province.",
            )
        ],
        "address": ("قسم العمل الاجتماعي، عمالة إقليم الحاجب", "Division de l'action sociale, province d'El Hajeb"),
        "contact": ("قسم العمل الاجتماعي", "Division de l'action sociale"),
        "email": "",
        "phone": "+212 5 35 00 00 00",
        "documents": [("form", "ar", ("استمارة المشروع", "Fiche projet"))],
    },
    {
        "program": "innovation",
        "title": ("مسابقة أفكار المشاريع التعاونية المبتكرة", "Idéathon des projets coopératifs innovants"),
        "slug": ("مسابقة-الأفكار", "ideathon"),
        "intro": (
            "مسابقة لاختيار أفكار مشاريع تعاونية مبتكرة بجهة مراكش آسفي، تقيَّم حسب الابتكار والاستدامة وقابلية الإنجاز.",
            "Un concours pour retenir des idées de projets coopératifs innovants à Marrakech-Safi, évaluées selon l'innovation, la durabilité et la faisabilité.",
        ),
        "dates": (10, 45, 18),
        "legal_forms": ["cooperative", "association"],
        "sectors": [],
        "regions": ["marrakech-safi"],
        "target_groups": ["youth", "graduates"],
        "min_members": None,
        "max_grant": 100_000,
        "cofinancing": 0,
        "axes": [
            (
                "مواكبة الفائزين إلى تأسيس تعاونياتهم.",
                "Accompagnement des lauréats jusqu'à la création de leur coopérative.",
            )
        ],
        "criteria": [],
        "how": [("قدموا فكرتكم عبر الاستمارة الإلكترونية.", "Présentez votre idée par le formulaire en ligne.")],
        "address": None,
        "contact": ("المركز الجهوي للاستثمار مراكش آسفي", "Centre régional d'investissement Marrakech-Safi"),
        "email": "ideathon@example.ma",
        "phone": "",
        "online": "https://ideathon.example.ma/",
        "documents": [("annex", "ar-fr", ("نظام المسابقة", "Règlement du concours"))],
    },
    {
        "program": None,
        "title": (
            "الاستفادة من وحدة التثمين والتلفيف لتعاونيات الشرق",
            "Accès à l'unité de valorisation et de conditionnement de l'Oriental",
        ),
        "slug": ("وحدة-التثمين-والتلفيف", "unite-valorisation"),
        "intro": (
            "يفتح مجلس جهة الشرق وحدته اللوجستيكية للتثمين والتلفيف أمام التعاونيات الراغبة في التصدير.",
            "Le Conseil régional de l'Oriental ouvre son unité logistique de valorisation et de conditionnement aux coopératives qui veulent exporter.",
        ),
        "dates": (20, 60, 16),
        "legal_forms": ["cooperative", "union", "gie"],
        "sectors": ["agri-food", "agriculture"],
        "regions": ["oriental"],
        "target_groups": [],
        "min_members": None,
        "max_grant": None,
        "cofinancing": None,
        "axes": [("خدمات التثمين والتلفيف والتصدير.", "Services de valorisation, de conditionnement et d'export.")],
        "criteria": [],
        "how": [
            (
                "أودعوا طلبكم بدار الاقتصاد الاجتماعي والتضامني.",
                "Déposez votre demande à la Maison de l'économie sociale et solidaire.",
            )
        ],
        "address": ("دار الاقتصاد الاجتماعي والتضامني، وجدة", "Maison de l'économie sociale et solidaire, Oujda"),
        "contact": ("مجلس جهة الشرق", "Conseil de la région de l'Oriental"),
        "email": "",
        "phone": "",
        "documents": [("form", "ar-fr", ("طلب الاستفادة", "Demande d'accès"))],
    },
    {
        "program": None,
        "title": (
            "علامة «الحاجب تيروار» لمنتوجات التعاونيات",
            "Label « El Hajeb Terroir » pour les produits des coopératives",
        ),
        "slug": ("علامة-الحاجب-تيروار", "label-el-hajeb-terroir"),
        "intro": (
            "ترشيح منتوجات تعاونيات إقليم الحاجب للعلامة الترابية «الحاجب تيروار».",
            "Candidature des produits des coopératives de la province d'El Hajeb au label territorial « El Hajeb Terroir ».",
        ),
        "dates": (-60, -15, 16),
        "legal_forms": ["cooperative", "union"],
        "sectors": ["agri-food", "handicraft"],
        "regions": ["fes-meknes"],
        "target_groups": [],
        "min_members": None,
        "max_grant": None,
        "cofinancing": None,
        "axes": [("منح العلامة ومواكبة تسويق المنتوجات.", "Attribution du label et appui à la commercialisation.")],
        "criteria": [],
        "how": [("أودعوا عينات المنتوجات مع الاستمارة.", "Déposez des échantillons avec le formulaire.")],
        "address": ("عمالة إقليم الحاجب", "Province d'El Hajeb"),
        "contact": ("عمالة إقليم الحاجب", "Province d'El Hajeb"),
        "email": "",
        "phone": "",
        "documents": [("form", "ar", ("استمارة العلامة", "Formulaire du label"))],
    },
    {
        "program": None,
        "title": (
            "دراسات الجدوى لحاملي المشاريع التعاونية",
            "Études de faisabilité pour les porteurs de projets coopératifs",
        ),
        "slug": ("دراسات-الجدوى", "etudes-faisabilite"),
        "intro": (
            "تقدم الوكالة الوطنية لإنعاش التشغيل والكفاءات دراسات جدوى وتكويناً لحاملي المشاريع التعاونية.",
            "L'ANAPEC propose des études de faisabilité et des formations aux porteurs de projets coopératifs.",
        ),
        "dates": (-90, -40, 16),
        "legal_forms": ["cooperative"],
        "sectors": [],
        "regions": [],
        "target_groups": ["graduates", "youth"],
        "min_members": None,
        "max_grant": None,
        "cofinancing": None,
        "axes": [
            (
                "دراسة جدوى مجانية وتكوين في إنشاء المقاولة.",
                "Étude de faisabilité gratuite et formation à la création d'entreprise.",
            )
        ],
        "criteria": [],
        "how": [("سجلوا لدى أقرب وكالة.", "Inscrivez-vous auprès de l'agence la plus proche.")],
        "address": None,
        "contact": ("الوكالة الوطنية لإنعاش التشغيل والكفاءات", "ANAPEC"),
        "email": "",
        "phone": "",
        "documents": [],
    },
]

EVENTS = [
    {
        "title": ("لقاء جهوي حول برنامج DELIO بوجدة", "Rencontre régionale sur le programme DELIO à Oujda"),
        "slug": ("لقاء-وجدة-delio", "rencontre-oujda-delio"),
        "intro": (
            "قدمت غرفة التجارة والصناعة والخدمات للشرق وشركاؤها برنامج DELIO وطلب إبداء الاهتمام أمام أكثر من 80 تعاونية.",
            "La Chambre de commerce de l'Oriental et ses partenaires ont présenté DELIO et son appel à manifestation d'intérêt devant plus de 80 coopératives.",
        ),
        "start": datetime(2025, 9, 23, 11, 0),
        "hours": 3,
        "place": (
            "غرفة التجارة والصناعة والخدمات للشرق، وجدة",
            "Chambre de commerce, d'industrie et de services de l'Oriental, Oujda",
        ),
        "region": "oriental",
        "sectors": ["agriculture", "handicraft", "eco-tourism"],
        "organisers": ("غرفة التجارة والصناعة والخدمات للشرق", "Chambre de commerce de l'Oriental"),
        "partners": (
            "وكالة جهة الشرق، مكتب تنمية التعاون، جمعية القطاع التعاوني",
            "Agence de l'Oriental, ODCo, Association du secteur coopératif",
        ),
        "participants": 80,
        "report": [
            (
                "تضم الجهة أكثر من 5500 تعاونية، وقد عرض اللقاء فئات الترشيح الثلاث ومحوري الدعم.",
                "La région compte plus de 5 500 coopératives ; la rencontre a présenté les trois catégories éligibles et les deux axes de soutien.",
            )
        ],
    },
    {
        "title": (
            "لقاء جهوي: تعاونيات مبتكرة من أجل تنمية ترابية مستدامة",
            "Rencontre régionale : des coopératives innovantes pour un développement territorial durable",
        ),
        "slug": ("لقاء-مراكش-التعاونيات-المبتكرة", "rencontre-marrakech-cooperatives-innovantes"),
        "intro": (
            "عرض مكتب تنمية التعاون بمراكش مبادرة بنك المشاريع التعاونية ومسابقة الأفكار.",
            "L'ODCo a présenté à Marrakech l'initiative de la Banque des projets coopératifs et l'Idéathon.",
        ),
        "start": datetime(2025, 5, 6, 10, 0),
        "hours": 4,
        "place": ("مراكش", "Marrakech"),
        "region": "marrakech-safi",
        "sectors": [],
        "organisers": ("مكتب تنمية التعاون", "Office du développement de la coopération"),
        "partners": (
            "المركز الجهوي للاستثمار، مجلس جهة مراكش آسفي",
            "Centre régional d'investissement, Conseil régional de Marrakech-Safi",
        ),
        "participants": None,
        "report": [
            (
                "ناقش المشاركون خريطة الحاجيات والإمكانات بأقاليم الجهة، ومنها إقليم شيشاوة.",
                "Les participants ont discuté de la carte des besoins et des potentiels des provinces de la région, dont Chichaoua.",
            )
        ],
    },
    {
        "title": ("اليوم العالمي للتعاونيات بإقليم الحاجب", "Journée internationale des coopératives à El Hajeb"),
        "slug": ("اليوم-العالمي-للتعاونيات-الحاجب", "journee-cooperatives-el-hajeb"),
        "intro": (
            "احتفاء بتعاونيات الإقليم وعرض حصيلة دعم 16 مشروعاً بأكثر من 5 ملايين درهم.",
            "Une célébration des coopératives de la province et le bilan de 16 projets soutenus pour plus de 5 millions de dirhams.",
        ),
        "start": datetime(2024, 7, 10, 10, 0),
        "hours": 5,
        "place": ("الحاجب", "El Hajeb"),
        "region": "fes-meknes",
        "sectors": ["agri-food"],
        "organisers": ("عمالة إقليم الحاجب", "Province d'El Hajeb"),
        "partners": ("مكتب تنمية التعاون", "Office du développement de la coopération"),
        "participants": 31,
        "report": [
            (
                "استفادت 31 تعاونية منها 15 تعاونية نسائية، ويضم الإقليم 268 تعاونية و3 اتحادات.",
                "31 coopératives en ont bénéficié, dont 15 coopératives féminines ; la province compte 268 coopératives et 3 unions.",
            )
        ],
    },
    {
        "title": ("المعرض الجهوي للاقتصاد الاجتماعي والتضامني", "Salon régional de l'économie sociale et solidaire"),
        "slug": ("المعرض-الجهوي-للاقتصاد-التضامني", "salon-regional-ess"),
        "intro": (
            "معرض سنوي تعرض فيه تعاونيات الشرق منتوجاتها وتلتقي بالمشترين.",
            "Un salon annuel où les coopératives de l'Oriental exposent leurs produits et rencontrent des acheteurs.",
        ),
        "offset_days": 25,
        "hours": 8 * 24 + 8,
        "place": ("وجدة", "Oujda"),
        "region": "oriental",
        "sectors": ["agri-food", "handicraft"],
        "organisers": ("مجلس جهة الشرق", "Conseil de la région de l'Oriental"),
        "partners": ("دار الاقتصاد الاجتماعي والتضامني", "Maison de l'économie sociale et solidaire"),
        "participants": None,
        "report": [],
    },
    {
        "title": (
            "يوم تكويني في التسويق الرقمي للتعاونيات",
            "Journée de formation au marketing numérique des coopératives",
        ),
        "slug": ("يوم-تكويني-التسويق-الرقمي", "journee-marketing-numerique"),
        "intro": (
            "يوم عملي لتعلم تصوير المنتوجات والبيع عبر الإنترنت.",
            "Une journée pratique pour apprendre à photographier ses produits et à vendre en ligne.",
        ),
        "offset_days": 12,
        "hours": 6,
        "place": ("غرفة الصناعة التقليدية لجهة مراكش آسفي", "Chambre d'artisanat de Marrakech-Safi"),
        "region": "marrakech-safi",
        "sectors": ["handicraft", "digital"],
        "organisers": ("غرفة الصناعة التقليدية", "Chambre d'artisanat"),
        "partners": ("الوكالة الوطنية لإنعاش التشغيل والكفاءات", "ANAPEC"),
        "participants": None,
        "report": [],
    },
    {
        "title": ("لقاء حول تمويل التعاونيات الفلاحية", "Rencontre sur le financement des coopératives agricoles"),
        "slug": ("لقاء-تمويل-التعاونيات-الفلاحية", "financement-cooperatives-agricoles"),
        "intro": (
            "لقاء بين التعاونيات الفلاحية ومؤسسات التمويل الأصغر والبنوك.",
            "Une rencontre entre coopératives agricoles, institutions de microfinance et banques.",
        ),
        "offset_days": 40,
        "hours": 4,
        "place": ("أكادير", "Agadir"),
        "region": "souss-massa",
        "sectors": ["agriculture"],
        "organisers": ("المديرية الجهوية للفلاحة", "Direction régionale de l'agriculture"),
        "partners": ("", ""),
        "participants": None,
        "report": [],
    },
]

NEWS = [
    {
        "title": (
            "مجلس جهة الشرق يحدث وحدة لوجستيكية لمواكبة التعاونيات في التصدير",
            "Le Conseil de l'Oriental crée une unité logistique pour aider les coopératives à exporter",
        ),
        "slug": ("وحدة-لوجستيكية-للتصدير", "unite-logistique-export"),
        "date": datetime(2018, 3, 26).date(),
        "intro": (
            "وحدة للتثمين والتلفيف بكلفة تقارب 200 مليون درهم لفائدة تعاونيات الجهة.",
            "Une unité de valorisation et de conditionnement d'environ 200 millions de dirhams au service des coopératives de la région.",
        ),
        "body": [
            (
                "أعلن المجلس عن الوحدة خلال لقاء حول المقاولة الجماعية، إلى جانب دار الاقتصاد الاجتماعي والتضامني ومرصد جهوي للقطاع.",
                "Le Conseil a annoncé l'unité lors d'une rencontre sur l'entrepreneuriat collectif, avec la Maison de l'ESS et un observatoire régional du secteur.",
            )
        ],
        "sectors": ["agri-food"],
        "regions": ["oriental"],
    },
    {
        "title": ("دعم 16 مشروعاً تعاونياً بإقليم الحاجب", "16 projets coopératifs soutenus dans la province d'El Hajeb"),
        "slug": ("دعم-مشاريع-الحاجب", "projets-el-hajeb"),
        "date": datetime(2024, 7, 10).date(),
        "intro": (
            "أكثر من 5 ملايين درهم لفائدة 31 تعاونية، منها 15 تعاونية نسائية.",
            "Plus de 5 millions de dirhams pour 31 coopératives, dont 15 coopératives féminines.",
        ),
        "body": [
            (
                "ويراهن الإقليم على علامته الترابية «الحاجب تيروار» لتثمين منتوجات تعاونياته.",
                "La province mise sur sa marque territoriale « El Hajeb Terroir » pour valoriser les produits de ses coopératives.",
            )
        ],
        "sectors": ["agri-food", "agriculture"],
        "regions": ["fes-meknes"],
    },
    {
        "title": (
            "خدمات لفائدة التعاونيات بغرفة الصناعة التقليدية بمراكش",
            "Des services pour les coopératives à la Chambre d'artisanat de Marrakech",
        ),
        "slug": ("خدمات-غرفة-الصناعة-التقليدية", "services-chambre-artisanat"),
        "date": datetime(2017, 7, 6).date(),
        "intro": (
            "عرضت الوكالة الوطنية لإنعاش التشغيل ووكالة التنمية الاجتماعية والمبادرة الوطنية للتنمية البشرية خدماتها للتعاونيات.",
            "L'ANAPEC, l'Agence de développement social et l'INDH ont présenté leurs services aux coopératives.",
        ),
        "body": [
            (
                "وأشارت التعاونيات إلى ضعف التأطير والتكوين ومحدودية التمويل والتسويق.",
                "Les coopératives ont souligné la faiblesse de l'encadrement et de la formation, et un accès limité au financement et aux marchés.",
            )
        ],
        "sectors": ["handicraft"],
        "regions": ["marrakech-safi"],
    },
    {
        "title": ("انطلاق طلب إبداء الاهتمام لبرنامج DELIO", "Lancement de l'appel à manifestation d'intérêt DELIO"),
        "slug": ("انطلاق-طلب-delio", "lancement-ami-delio"),
        "date": datetime(2025, 9, 23).date(),
        "intro": (
            "فئات الترشيح: الفلاحة والصناعة الغذائية، الصناعة التقليدية، والسياحة البيئية.",
            "Catégories éligibles : agriculture et agroalimentaire, artisanat, écotourisme.",
        ),
        "body": [
            (
                "يمكن تحميل الاستمارات من موقع الوكالة أو سحبها من مكتب الضبط.",
                "Les formulaires sont téléchargeables sur le site de l'Agence ou disponibles au bureau d'ordre.",
            )
        ],
        "sectors": ["agriculture", "agri-food", "handicraft", "eco-tourism"],
        "regions": ["oriental"],
    },
    {
        "title": (
            "بنك المشاريع التعاونية: بوابة لحاملي المشاريع",
            "Banque des projets coopératifs : un portail pour les porteurs de projets",
        ),
        "slug": ("بنك-المشاريع-التعاونية", "banque-projets-cooperatifs"),
        "date": datetime(2025, 5, 6).date(),
        "intro": (
            "بوابة إلكترونية تضم المواكبة والتكوين وقاعدة معطيات للمشاريع ودليلاً لمصادر التمويل.",
            "Un portail qui réunit accompagnement, formation, base de données de projets et guide des sources de financement.",
        ),
        "body": [
            (
                "وتتضمن المبادرة خريطة ترابية للقطاعات الواعدة بكل منطقة.",
                "L'initiative comprend une carte territoriale des secteurs porteurs de chaque zone.",
            )
        ],
        "sectors": [],
        "regions": ["marrakech-safi"],
    },
    {
        "title": (
            "الإعلان عن مسابقة أفكار المشاريع التعاونية المبتكرة",
            "Annonce de l'Idéathon des projets coopératifs innovants",
        ),
        "slug": ("الإعلان-عن-مسابقة-الأفكار", "annonce-ideathon"),
        "date": None,
        "intro": (
            "تفتح المسابقة قريباً في وجه الشباب وحاملي الشهادات بجهة مراكش آسفي.",
            "Le concours ouvrira bientôt aux jeunes et aux diplômés de Marrakech-Safi.",
        ),
        "body": [
            (
                "ستختار لجنة التحكيم المشاريع حسب الابتكار والاستدامة وقابلية الإنجاز.",
                "Le jury retiendra les projets selon l'innovation, la durabilité et la faisabilité.",
            )
        ],
        "sectors": ["digital", "environment"],
        "regions": ["marrakech-safi"],
    },
]


@transaction.atomic
def load_demo():
    french = ensure_locales()["fr"]
    home = Site.objects.get(is_default_site=True).root_page.specific
    today = timezone.now().astimezone(CASABLANCA).date()
    indexes = {model: _index(home, model, spec, french) for model, *spec in INDEXES}

    programs = {}
    for spec in PROGRAMS:
        programs[spec["key"]] = _page(indexes[ProgramIndexPage], ProgramPage, spec, french, _program_fields)
    for spec in CALLS:
        parent = programs[spec["program"]] if spec["program"] else indexes[CallIndexPage]
        _page(parent, CallPage, spec, french, lambda s: _call_fields(s, today))
    for number, spec in enumerate(EVENTS):
        _page(
            indexes[EventIndexPage], EventPage, spec, french, lambda s: _event_fields(s, today), _event_gallery(number)
        )
    for number, spec in enumerate(NEWS):
        _page(indexes[NewsIndexPage], NewsPage, spec, french, lambda s: _news_fields(s, today), _news_picture(number))


# Generated pictures (no network, a few kilobytes each) so listings and galleries show real renditions.
PALETTES = [
    ("#f3e3bd", "#7a9a3a", "#b5651d"),
    ("#dfe9f2", "#3f7d5a", "#c0392b"),
    ("#f6e0c8", "#a86b32", "#2e6e8e"),
    ("#e8efe0", "#5b8c2a", "#8e44ad"),
    ("#f2ead8", "#9c7a3c", "#1f6f5c"),
    ("#e3e7ee", "#4d6b8a", "#d68910"),
]


def _demo_picture(key, number):
    """A small landscape of fields, crates and sun, different for each ``number``; made once, found by title."""
    from PIL import Image, ImageDraw

    Image_ = get_image_model()
    title = f"demo-programs-{key}"
    existing = Image_.objects.filter(title=title).first()
    if existing:
        return existing
    sky, field, crate = PALETTES[number % len(PALETTES)]
    shuffle = random.Random(number)
    picture = Image.new("RGB", (960, 540), sky)
    draw = ImageDraw.Draw(picture)
    horizon = shuffle.randint(300, 380)
    draw.rectangle((0, horizon, 960, 540), fill=field)
    for x in range(40, 920, shuffle.randint(130, 190)):
        top = horizon + shuffle.randint(10, 60)
        draw.rectangle((x, top, x + 100, top + 80), fill=crate, outline="#3b2a14", width=4)
    sun = shuffle.randint(80, 860)
    draw.ellipse((sun, 40, sun + 110, 150), fill="#f2a900")
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=70)
    image = Image_(title=title, file=ImageFile(buffer, name=f"{key}.jpg"))
    image._set_image_file_metadata()
    image.save()
    return image


def _news_picture(number):
    """Each news item is published with a picture, before it is translated (the translation copies it)."""

    def illustrate(page):
        page.image = _demo_picture(f"news-{number + 1}", number)

    return illustrate


def _event_gallery(number):
    """The first two events are published with a small gallery, before they are translated."""

    def illustrate(page):
        if number < 2:
            photos = [_demo_picture(f"event-{number + 1}-{photo + 1}", number * 3 + photo) for photo in range(3)]
            page.gallery = [EventPhoto(image=photo) for photo in photos]

    return illustrate


def _index(home, model, spec, french):
    title, slug, intro = spec
    page = model.objects.filter(locale=home.locale).first()
    if page is None:
        page = model(title=title[0], slug=slug[0], intro=intro[0], show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()
    if needs_translation(page, french):
        translate(page, french, dict([title, intro]), slug=slug[1])
    return page


def _page(parent, model, spec, french, build, illustrate=None):
    """The page of ``spec`` under ``parent``, published whole (``illustrate`` adds its pictures) and then translated,
    so that its translation is in step with it; an existing page is left as it is."""
    page = model.objects.filter(locale=parent.locale, slug=spec["slug"][0]).first()
    if page is None:
        fields, relations, children, pairs = build(spec)
        page = model(title=spec["title"][0], slug=spec["slug"][0], **fields)
        for name, items in children.items():
            setattr(page, name, items)
        for name, values in relations.items():
            getattr(page, name).set(values)
        if illustrate is not None:
            illustrate(page)
        parent.add_child(instance=page)
        page.save_revision().publish()
    if needs_translation(page, french):
        _fields, _relations, _children, pairs = build(spec)
        translate(page, french, dict([spec["title"], *pairs]), slug=spec["slug"][1])
    return page


def _paragraphs(pairs):
    return "".join(f"<p>{ar}</p>" for ar, _fr in pairs)


def _terms(model, codes):
    return list(model.objects.filter(code__in=codes))


def _program_fields(spec):
    fields = {
        "intro": spec["intro"][0],
        "objectives": _paragraphs(spec["objectives"]),
        "partners": [("partner", ar) for ar, _fr in spec["partners"]],
        "budget_mad": spec["budget"],
    }
    relations = {"sectors": _terms(Sector, spec["sectors"]), "regions": _terms(Region, spec["regions"])}
    return fields, relations, {}, [spec["intro"], *spec["objectives"], *spec["partners"]]


def _at(day, hour):
    return datetime.combine(day, time(hour, 0), tzinfo=CASABLANCA)


def _call_fields(spec, today):
    opening_offset, deadline_offset, hour = spec["dates"]
    fields = {
        "intro": spec["intro"][0],
        "opening_date": _at(today + timedelta(days=opening_offset), 9) if opening_offset is not None else None,
        "deadline": _at(today + timedelta(days=deadline_offset), hour),
        "legal_forms": spec["legal_forms"],
        "min_members": spec["min_members"],
        "max_grant_mad": spec["max_grant"],
        "cofinancing_percent": spec["cofinancing"],
        "support_axes": [("axis", ar) for ar, _fr in spec["axes"]],
        "eligibility_criteria": _paragraphs(spec["criteria"]),
        "how_to_apply": _paragraphs(spec["how"]),
        "apply_online_url": spec.get("online", ""),
        "apply_address": spec["address"][0] if spec["address"] else "",
        "contact_name": spec["contact"][0],
        "contact_email": spec["email"],
        "contact_phone": spec["phone"],
    }
    relations = {
        "sectors": _terms(Sector, spec["sectors"]),
        "regions": _terms(Region, spec["regions"]),
        "target_groups": _terms(TargetGroup, spec["target_groups"]),
    }
    documents = [
        CallDocument(
            document=demo_document(
                title[0], f"{spec['slug'][1]}-{number}.pdf", f"{spec['slug'][1]} - document {number}", title[1]
            ),
            title=title[0],
            kind=kind,
            language=language,
        )
        for number, (kind, language, title) in enumerate(spec["documents"], start=1)
    ]
    pairs = [spec["intro"], *spec["axes"], *spec["criteria"], *spec["how"], spec["contact"]]
    pairs += [title for _kind, _language, title in spec["documents"]]
    if spec["address"]:
        pairs.append(spec["address"])
    return fields, relations, {"documents": documents}, pairs


def _event_fields(spec, today):
    if "start" in spec:
        start = spec["start"].replace(tzinfo=CASABLANCA)
    else:
        start = _at(today + timedelta(days=spec["offset_days"]), 10)
    fields = {
        "intro": spec["intro"][0],
        "start": start,
        "end": start + timedelta(hours=spec["hours"]),
        "place": spec["place"][0],
        "region": Region.objects.get(code=spec["region"]),
        "organisers": spec["organisers"][0],
        "partners": spec["partners"][0],
        "participants": spec["participants"],
        "body": [("paragraph", f"<p>{ar}</p>") for ar, _fr in spec["report"]],
    }
    pairs = [spec["intro"], spec["place"], spec["organisers"], *spec["report"]]
    if spec["partners"][0]:
        pairs.append(spec["partners"])
    return fields, {"sectors": _terms(Sector, spec["sectors"])}, {}, pairs


def _news_fields(spec, today):
    fields = {
        "intro": spec["intro"][0],
        "date": spec["date"] or today - timedelta(days=5),
        "body": [("paragraph", f"<p>{ar}</p>") for ar, _fr in spec["body"]],
    }
    relations = {"sectors": _terms(Sector, spec["sectors"]), "regions": _terms(Region, spec["regions"])}
    return fields, relations, {}, [spec["intro"], *spec["body"]]
