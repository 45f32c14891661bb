"""The words of the resources demo, as (Arabic, French) pairs: guides, funding partners and project models.

Written for this portal from the facts of the seed articles (the DELIO programme of the Oriental, ODCo's
"Cooperative Projects Bank", the Marrakech-Safi Ideathon, El Hajeb Terroir, the Oriental logistics unit, the
services of ANAPEC, the Social Development Agency and INDH). Entries marked "demo example" are invented.
"""

GUIDE_INDEX = {
    "title": ("أدلة التكوين", "Guides de formation"),
    "slug": ("أدلة-التكوين", "guides-de-formation"),
    "intro": (
        "أدلة عملية لتأسيس التعاونيات وتسييرها وتسويق منتجاتها، مع مواد للتحميل.",
        "Des guides pratiques pour créer et gérer une coopérative et vendre ses produits, avec des supports à "
        "télécharger.",
    ),
}

PARTNER_DIRECTORY = {
    "title": ("شركاء التمويل", "Partenaires financiers"),
    "slug": ("شركاء-التمويل", "partenaires-financiers"),
    "intro": (
        "المؤسسات التي تدعم التعاونيات بالمنح والقروض والتجهيز والتكوين والمواكبة، حسب القطاع والجهة.",
        "Les institutions qui soutiennent les coopératives par des subventions, des prêts, de l'équipement, de la "
        "formation et de l'accompagnement, par secteur et par région.",
    ),
}

PROJECT_BANK = {
    "title": ("بنك المشاريع التعاونية", "Banque de projets coopératifs"),
    "slug": ("بنك-المشاريع", "banque-de-projets"),
    "intro": (
        "نماذج مشاريع مجربة حسب القطاع والجهة، مع تقدير للاستثمار ولمناصب الشغل ونموذج اقتصادي قابل للتكييف.",
        "Des modèles de projets éprouvés par secteur et par région, avec l'investissement estimé, les emplois "
        "attendus et un modèle économique à adapter.",
    ),
}

# Each module: a title and its paragraphs; a paragraph given as a list is a bulleted list.
GUIDES = [
    {
        "slug": ("تأسيس-تعاونية-الخطوات-الأولى", "creer-sa-cooperative"),
        "title": ("تأسيس تعاونية: الخطوات الأولى", "Créer sa coopérative : les premiers pas"),
        "intro": (
            "دليل عملي لحاملي المشاريع الذين يريدون العمل جماعياً في إطار تعاونية، وفق القانون 112.12.",
            "Un guide pratique pour les porteurs de projets qui veulent entreprendre ensemble dans une coopérative, "
            "selon la loi 112-12.",
        ),
        "level": "beginner",
        "hours": 6,
        "sectors": [],
        "audience": ["youth", "women", "graduates"],
        "related": "خطوات-تأسيس-تعاونية",
        "modules": [
            {
                "title": ("لماذا التعاونية؟", "Pourquoi une coopérative ?"),
                "paragraphs": [
                    (
                        "التعاونية مقاولة جماعية يملكها أعضاؤها ويسيرونها بشكل ديمقراطي: لكل عضو صوت واحد مهما "
                        "كانت حصته في الرأسمال.",
                        "La coopérative est une entreprise collective que ses membres possèdent et dirigent "
                        "démocratiquement : chaque membre dispose d'une voix, quel que soit son apport au capital.",
                    ),
                    (
                        "تناسب التعاونية من يتقاسمون نشاطاً واحداً، كالفلاحين أو الحرفيات، ويريدون تجميع الإنتاج "
                        "والتسويق واقتناء المعدات.",
                        "Elle convient à des personnes qui partagent une même activité, agriculteurs ou artisanes par "
                        "exemple, et veulent mettre en commun la production, la vente et l'équipement.",
                    ),
                ],
            },
            {
                "title": ("الجمع العام التأسيسي", "L'assemblée générale constitutive"),
                "paragraphs": [
                    (
                        "يجتمع الأعضاء المؤسسون في جمع عام تأسيسي يوقع الحاضرون محضره. ويتضمن جدول أعماله:",
                        "Les membres fondateurs se réunissent en assemblée générale constitutive, dont les présents "
                        "signent le procès-verbal. L'ordre du jour comprend :",
                    ),
                    [
                        ("حضور خمسة أعضاء على الأقل", "la présence d'au moins cinq membres"),
                        ("المصادقة على النظام الأساسي", "l'adoption des statuts"),
                        ("انتخاب مجلس الإدارة", "l'élection du conseil d'administration"),
                        (
                            "تحديد قيمة الحصص وطريقة تحريرها",
                            "la fixation de la valeur des parts sociales et de leur libération",
                        ),
                    ],
                ],
            },
            {
                "title": ("الإيداع والتسجيل", "Dépôt et immatriculation"),
                "paragraphs": [
                    (
                        "اطلبوا أولاً الشهادة السلبية لاسم التعاونية، ثم أودعوا ملف التأسيس لدى السلطة المحلية "
                        "مقابل وصل.",
                        "Demandez d'abord le certificat négatif pour le nom de la coopérative, puis déposez le "
                        "dossier de constitution auprès de l'autorité locale contre récépissé.",
                    ),
                    (
                        "تسجل التعاونية بعد ذلك في السجل المحلي للتعاونيات لدى المحكمة الابتدائية، فتكتسب الشخصية "
                        "الاعتبارية ويمكنها أن تبدأ نشاطها.",
                        "La coopérative est ensuite immatriculée au registre local des coopératives du tribunal de "
                        "première instance : elle acquiert la personnalité morale et peut démarrer son activité.",
                    ),
                ],
            },
        ],
        "downloads": [
            ("ar", "نموذج النظام الأساسي لتعاونية", "Statuts types (ar)", "Modèle de statuts de coopérative"),
            ("fr", "Modèle de statuts de coopérative", "Modele de statuts de cooperative", ""),
        ],
    },
    {
        "slug": ("التسيير-الإداري-والمالي", "gestion-administrative-et-financiere"),
        "title": ("التسيير الإداري والمالي للتعاونية", "Gestion administrative et financière de la coopérative"),
        "intro": (
            "تكوين يساعد أعضاء مجلس الإدارة على مسك حسابات التعاونية وتنظيم جموعها العامة وإعداد ميزانيتها.",
            "Une formation pour aider les administrateurs à tenir les comptes de la coopérative, à organiser ses "
            "assemblées générales et à préparer son budget.",
        ),
        "level": "intermediate",
        "hours": 12,
        "sectors": ["agriculture", "agri-food", "handicraft"],
        "audience": ["women", "rural"],
        "modules": [
            {
                "title": ("مسك الحسابات", "Tenir les comptes"),
                "paragraphs": [
                    (
                        "سجلوا كل عملية بيع أو شراء في يومها، واحتفظوا بالفواتير والوصولات في ملف مرقم.",
                        "Enregistrez chaque vente ou achat le jour même et classez factures et reçus dans un dossier "
                        "numéroté.",
                    ),
                    (
                        "افصلوا دائماً بين مال التعاونية ومال الأعضاء، وافتحوا حساباً بنكياً باسم التعاونية.",
                        "Séparez toujours l'argent de la coopérative de celui des membres, et ouvrez un compte "
                        "bancaire au nom de la coopérative.",
                    ),
                ],
            },
            {
                "title": ("الجمع العام السنوي", "L'assemblée générale annuelle"),
                "paragraphs": [
                    (
                        "يعرض مجلس الإدارة على الجمع العام التقرير الأدبي والتقرير المالي للسنة، فيصادق عليهما "
                        "الأعضاء ويقررون مآل الفائض.",
                        "Le conseil d'administration présente à l'assemblée générale le rapport moral et le rapport "
                        "financier de l'exercice ; les membres les approuvent et décident de l'affectation des "
                        "excédents.",
                    ),
                ],
            },
            {
                "title": ("إعداد الميزانية التوقعية", "Préparer le budget prévisionnel"),
                "paragraphs": [
                    [
                        ("تقدير المبيعات حسب المواسم", "estimer les ventes saison par saison"),
                        (
                            "حساب كلفة المواد الأولية والتلفيف",
                            "calculer le coût des matières premières et de l'emballage",
                        ),
                        ("برمجة اقتناء المعدات وصيانتها", "programmer l'achat et l'entretien des équipements"),
                    ],
                ],
            },
        ],
        "downloads": [
            ("ar", "نموذج دفتر الصندوق", "Livre de caisse (ar)", "Modèle de livre de caisse"),
            ("fr", "Modèle de livre de caisse", "Modele de livre de caisse", ""),
        ],
    },
    {
        "slug": ("التسويق-الإلكتروني", "vendre-en-ligne"),
        "title": ("التسويق الإلكتروني لمنتجات التعاونيات", "Vendre en ligne les produits des coopératives"),
        "intro": (
            "كيف تعرض التعاونية منتجاتها على الإنترنت وتصل إلى زبناء جدد دون كثرة الوسطاء.",
            "Comment une coopérative présente ses produits en ligne et atteint de nouveaux clients sans multiplier "
            "les intermédiaires.",
        ),
        "level": "intermediate",
        "hours": 8,
        "sectors": ["agri-food", "handicraft", "eco-tourism"],
        "audience": ["youth", "graduates", "women"],
        "modules": [
            {
                "title": ("صور المنتوج وتلفيفه", "Photos et emballage du produit"),
                "paragraphs": [
                    (
                        "صورة واضحة في ضوء النهار وتلفيف يحمل اسم التعاونية ومكان الإنتاج يصنعان الثقة قبل الشراء.",
                        "Une photo nette à la lumière du jour et un emballage portant le nom de la coopérative et le "
                        "lieu de production créent la confiance avant l'achat.",
                    ),
                ],
            },
            {
                "title": ("البيع عبر الشبكات الاجتماعية والمنصات", "Vendre sur les réseaux sociaux et les plateformes"),
                "paragraphs": [
                    (
                        "ابدؤوا بصفحة واحدة تحدثونها بانتظام، وحددوا ثمناً واضحاً وطريقة للتوصيل والأداء قبل نشر أي عرض.",
                        "Commencez par une seule page mise à jour régulièrement, et fixez un prix clair, un mode de "
                        "livraison et de paiement avant de publier une offre.",
                    ),
                ],
            },
            {
                "title": ("العلامة الترابية", "La marque territoriale"),
                "paragraphs": [
                    (
                        "تبين تجربة «الحاجب تروار» بإقليم الحاجب كيف تساعد علامة ترابية مشتركة التعاونيات على "
                        "التعريف بمنتجاتها وجلب الزوار.",
                        "L'expérience « El Hajeb Terroir », dans la province d'El Hajeb, montre comment une marque "
                        "territoriale commune aide les coopératives à faire connaître leurs produits et à attirer "
                        "des visiteurs.",
                    ),
                ],
            },
        ],
        "downloads": [
            (
                "ar",
                "لائحة مراجعة المتجر الإلكتروني",
                "Check-list boutique en ligne (ar)",
                "Check-list de la boutique en ligne",
            ),
            ("fr", "Check-list de la boutique en ligne", "Check-list de la boutique en ligne", ""),
        ],
    },
    {
        "slug": ("التثمين-والتلفيف-للتصدير", "valoriser-pour-l-export"),
        "title": (
            "تثمين المنتوجات المحلية وتلفيفها للتصدير",
            "Valoriser et conditionner les produits du terroir pour l'export",
        ),
        "intro": (
            "من الترخيص الصحي إلى الشحن: ما تحتاجه التعاونية لتبيع منتجاتها في الأسواق الخارجية بمواصفات دولية.",
            "De l'autorisation sanitaire à l'expédition : ce qu'il faut à une coopérative pour vendre à l'étranger "
            "selon les normes internationales.",
        ),
        "level": "advanced",
        "hours": 16,
        "sectors": ["agri-food", "agriculture"],
        "audience": ["rural", "women"],
        "modules": [
            {
                "title": ("الجودة والسلامة الصحية", "Qualité et sécurité sanitaire"),
                "paragraphs": [
                    (
                        "تحتاج وحدات تحويل المنتوجات الغذائية إلى ترخيص أو اعتماد صحي من المكتب الوطني للسلامة "
                        "الصحية للمنتجات الغذائية قبل أي تسويق.",
                        "Les unités de transformation alimentaire doivent obtenir une autorisation ou un agrément "
                        "sanitaire de l'ONSSA avant toute commercialisation.",
                    ),
                ],
            },
            {
                "title": ("التلفيف والوسم", "Conditionnement et étiquetage"),
                "paragraphs": [
                    (
                        "يذكر الملصق اسم المنتوج ومكوناته ووزنه وتاريخ صلاحيته واسم التعاونية وعنوانها، باللغات "
                        "التي يفهمها المشتري.",
                        "L'étiquette indique le nom du produit, sa composition, son poids, sa date limite, le nom et "
                        "l'adresse de la coopérative, dans les langues de l'acheteur.",
                    ),
                ],
            },
            {
                "title": ("اللوجستيك والتصدير", "Logistique et export"),
                "paragraphs": [
                    (
                        "أطلق مجلس جهة الشرق وحدة لوجستية للتحويل والتثمين والتلفيف بغلاف يقارب 200 مليون درهم "
                        "لمساعدة التعاونيات على التصدير.",
                        "Le Conseil régional de l'Oriental a lancé une unité logistique de transformation, de "
                        "valorisation et de conditionnement, d'environ 200 millions de dirhams, pour aider les "
                        "coopératives à exporter.",
                    ),
                    (
                        "يسمح تجميع الإنتاج داخل اتحاد للتعاونيات ببلوغ الكميات التي يطلبها المستوردون.",
                        "Regrouper la production au sein d'une union de coopératives permet d'atteindre les volumes "
                        "demandés par les importateurs.",
                    ),
                ],
            },
        ],
        "downloads": [
            ("ar", "لائحة وثائق التصدير", "Documents export (ar)", "Liste des documents d'export"),
            ("fr", "Liste des documents d'export", "Liste des documents d'export", ""),
        ],
    },
]

ALL_SECTORS = ["agriculture", "agri-food", "handicraft", "eco-tourism"]

PARTNERS = [
    {
        "key": "agence-oriental",
        "name": ("وكالة جهة الشرق", "Agence de l'Oriental"),
        "acronym": "",
        "kind": "agency",
        "support": ["equipment", "training", "coaching"],
        "sectors": ALL_SECTORS,
        "regions": ["oriental"],
        "description": (
            "تنفذ بشراكة مع المندوبية الجهوية لمكتب تنمية التعاون برنامج التنمية المحلية المندمجة «DELIO» الذي "
            "يجهز التعاونيات بمعدات الإنتاج والتحويل والتثمين ويقوي قدراتها في التسيير والتسويق الإلكتروني.",
            "Avec la délégation régionale de l'ODCo, elle met en œuvre le programme de développement local intégré "
            "« DELIO », qui équipe les coopératives en matériel de production, de transformation et de valorisation "
            "et renforce leurs capacités de gestion et de vente en ligne.",
        ),
        "address": ("وجدة", "Oujda"),
        "website": "https://www.oriental.ma",
        "colour": "#0b6e4f",
        "logo_text": "AO",
    },
    {
        "key": "odco",
        "name": ("مكتب تنمية التعاون", "Office du développement de la coopération"),
        "acronym": "ODCo",
        "kind": "agency",
        "support": ["training", "coaching"],
        "sectors": [],
        "regions": [],
        "description": (
            "المؤسسة العمومية المكلفة بمواكبة التعاونيات: تكوين الأعضاء، ومساعدة حاملي المشاريع على التأسيس، "
            "ومسك السجل المركزي للتعاونيات، ومبادرة «بنك المشاريع التعاونية».",
            "L'établissement public chargé d'accompagner les coopératives : formation des membres, aide à la "
            "création, tenue du registre central des coopératives et initiative « Banque des projets coopératifs ».",
        ),
        "address": (
            "الرباط، ومندوبيات جهوية في كل الجهات",
            "Rabat, et des délégations régionales dans toutes les régions",
        ),
        "website": "https://www.odco.gov.ma",
        "colour": "#1d3f73",
        "logo_text": "ODCo",
    },
    {
        "key": "anapec",
        "name": (
            "الوكالة الوطنية لإنعاش التشغيل والكفاءات",
            "Agence nationale de promotion de l'emploi et des compétences",
        ),
        "acronym": "ANAPEC",
        "kind": "agency",
        "support": ["training", "coaching"],
        "sectors": [],
        "regions": [],
        "description": (
            "تساعد التعاونيات على إنجاز دراسات الجدوى وتكوين أعضائها، ويمكن للتعاونية أن تستفيد مثل باقي "
            "المقاولات من برامج دعم التشغيل.",
            "Elle aide les coopératives à réaliser leurs études de faisabilité et à former leurs membres ; comme "
            "toute entreprise, une coopérative peut bénéficier de ses programmes d'aide à l'emploi.",
        ),
        "address": ("وكالات في كل الجهات", "Des agences dans toutes les régions"),
        "website": "https://www.anapec.org",
        "colour": "#7a3e00",
        "logo_text": "ANAPEC",
    },
    {
        "key": "ads",
        "name": ("وكالة التنمية الاجتماعية", "Agence de développement social"),
        "acronym": "ADS",
        "kind": "agency",
        "support": ["grant", "training", "coaching"],
        "sectors": [],
        "regions": [],
        "description": (
            "تدعم التعاونيات عبر برامج التمكين الاقتصادي للنساء وبرنامج «ارتقاء» الذي يواكب الأنشطة المدرة "
            "للدخل ويقويها.",
            "Elle soutient les coopératives par ses programmes d'autonomisation économique des femmes et par le "
            "programme « Irtiqae », qui accompagne et consolide les activités génératrices de revenus.",
        ),
        "address": ("منسقيات جهوية", "Des coordinations régionales"),
        "website": "",
        "colour": "#5c3310",
        "logo_text": "ADS",
    },
    {
        "key": "indh",
        "name": ("المبادرة الوطنية للتنمية البشرية", "Initiative nationale pour le développement humain"),
        "acronym": "INDH",
        "kind": "agency",
        "support": ["grant", "equipment"],
        "sectors": [],
        "regions": [],
        "description": (
            "تمول عبر لجانها الإقليمية مشاريع مدرة للدخل تحملها تعاونيات، خاصة لفائدة الشباب والنساء والفئات الهشة.",
            "Par ses comités provinciaux, elle finance des projets générateurs de revenus portés par des "
            "coopératives, en particulier pour les jeunes, les femmes et les personnes vulnérables.",
        ),
        "address": ("اللجان الإقليمية بالعمالات والأقاليم", "Comités provinciaux des préfectures et provinces"),
        "website": "https://www.indh.ma",
        "colour": "#b5651d",
        "logo_text": "INDH",
    },
    {
        "key": "pnud",
        "name": ("برنامج الأمم المتحدة الإنمائي", "Programme des Nations unies pour le développement"),
        "acronym": "PNUD",
        "kind": "international",
        "support": ["grant", "coaching"],
        "sectors": ALL_SECTORS,
        "regions": ["oriental"],
        "description": (
            "شريك في إعداد برنامج «DELIO» بجهة الشرق، الذي يهدف إلى تحسين ظروف عيش النساء والرجال في المناطق "
            "النائية والهشة.",
            "Partenaire de la conception du programme « DELIO » dans l'Oriental, qui vise à améliorer les "
            "conditions de vie des femmes et des hommes des zones isolées et vulnérables.",
        ),
        "address": ("الرباط", "Rabat"),
        "website": "https://www.undp.org/morocco",
        "colour": "#0468b1",
        "logo_text": "PNUD",
    },
    {
        "key": "region-marrakech-safi",
        "name": ("مجلس جهة مراكش-آسفي", "Conseil régional de Marrakech-Safi"),
        "acronym": "",
        "kind": "regional-council",
        "support": ["grant", "equipment"],
        "sectors": [],
        "regions": ["marrakech-safi"],
        "description": (
            "يشارك في اللقاءات الجهوية حول التعاونيات المبتكرة والتنمية الترابية المستدامة، ويدعم المشاريع "
            "التعاونية بالجهة.",
            "Il participe aux rencontres régionales sur les coopératives innovantes et le développement territorial "
            "durable et soutient les projets coopératifs de la région.",
        ),
        "address": ("مراكش", "Marrakech"),
        "website": "",
        "colour": "#a33b20",
        "logo_text": "CRMS",
    },
    {
        "key": "region-oriental",
        "name": ("مجلس جهة الشرق", "Conseil régional de l'Oriental"),
        "acronym": "",
        "kind": "regional-council",
        "support": ["grant", "equipment", "coaching"],
        "sectors": ["agri-food", "handicraft"],
        "regions": ["oriental"],
        "description": (
            "أحدث دار الاقتصاد الاجتماعي والتضامني ومرصداً جهوياً لهذا القطاع، وينظم معرضاً جهوياً سنوياً، "
            "وأطلق وحدة لوجستية لمساعدة التعاونيات على تصدير منتجاتها.",
            "Il a créé la Maison de l'économie sociale et solidaire et un observatoire régional du secteur, organise "
            "un salon régional annuel et a lancé une unité logistique pour aider les coopératives à exporter.",
        ),
        "address": ("وجدة", "Oujda"),
        "website": "",
        "colour": "#2f6b2f",
        "logo_text": "CRO",
    },
    {
        "key": "ccis-oriental",
        "name": (
            "غرفة التجارة والصناعة والخدمات لجهة الشرق",
            "Chambre de commerce, d'industrie et de services de l'Oriental",
        ),
        "acronym": "CCIS",
        "kind": "chamber",
        "support": ["training", "coaching"],
        "sectors": [],
        "regions": ["oriental"],
        "description": (
            "تواكب إحداث المقاولات والتجمعات المهنية، وتقدم التكوين المستمر وخدمات القرب عبر شبابيك للملكية "
            "الصناعية والتجارية والوثائق الإدارية.",
            "Elle accompagne la création d'entreprises et de groupements professionnels et propose de la formation "
            "continue et des services de proximité : guichets de la propriété industrielle et commerciale et des "
            "documents administratifs.",
        ),
        "address": ("وجدة", "Oujda"),
        "website": "",
        "colour": "#4a4a8a",
        "logo_text": "CCIS",
    },
    {
        "key": "tamwil-coop",
        "name": ("تمويل كوب للقروض الصغرى (مثال توضيحي)", "Tamwil Coop microfinance (exemple de démonstration)"),
        "acronym": "",
        "kind": "bank",
        "support": ["loan"],
        "sectors": ["agriculture", "agri-food", "handicraft", "services"],
        "regions": [],
        "description": (
            "مؤسسة للقروض الصغرى تمنح التعاونيات الناشئة قروضاً لتمويل رأس المال العامل واقتناء معدات صغيرة، مع "
            "مدة إمهال تلائم المواسم الفلاحية.",
            "Une institution de microcrédit qui prête aux jeunes coopératives pour leur fonds de roulement et de "
            "petits équipements, avec un différé adapté aux saisons agricoles.",
        ),
        "address": ("الدار البيضاء", "Casablanca"),
        "website": "",
        "colour": "#006d77",
        "logo_text": "TC",
    },
    {
        "key": "fondation-atlas",
        "name": (
            "مؤسسة الأطلس للاقتصاد التضامني (مثال توضيحي)",
            "Fondation Atlas pour l'économie solidaire (exemple de démonstration)",
        ),
        "acronym": "",
        "kind": "foundation",
        "support": ["grant", "training"],
        "sectors": ["handicraft", "eco-tourism", "education"],
        "regions": ["draa-tafilalet", "souss-massa"],
        "description": (
            "تمنح هبات صغيرة وتكويناً للتعاونيات النسائية في المناطق الجبلية.",
            "Elle accorde de petites subventions et des formations aux coopératives féminines des zones de montagne.",
        ),
        "address": ("ورزازات", "Ouarzazate"),
        "website": "",
        "colour": "#8a4f7d",
        "logo_text": "FA",
    },
    {
        "key": "region-occitanie",
        "name": ("جهة أوكسيتاني الفرنسية", "Région Occitanie (France)"),
        "acronym": "",
        "kind": "international",
        "support": ["training", "coaching"],
        "sectors": [],
        "regions": ["oriental"],
        "description": (
            "تربطها بمجلس جهة الشرق اتفاقية تعاون لامركزي لتبادل الخبرات في مجال الاقتصاد الاجتماعي والتضامني.",
            "Liée au Conseil régional de l'Oriental par une convention de coopération décentralisée pour partager "
            "son expérience de l'économie sociale et solidaire.",
        ),
        "address": ("تولوز ومونبولييه، فرنسا", "Toulouse et Montpellier, France"),
        "website": "https://www.laregion.fr",
        "colour": "#c8102e",
        "logo_text": "OC",
    },
]

# A product or service, proposed in two regions: 20 × 2 = 40 project models.
PRODUCTS = [
    {
        "key": "argan-oil",
        "sector": "agri-food",
        "regions": ["souss-massa", "marrakech-safi"],
        "groups": ["women", "rural"],
        "investment": 450_000,
        "jobs": 12,
        "members": 7,
        "source": "study",
        "name": ("وحدة لاستخلاص زيت الأركان وتلفيفه", "Unité d'extraction et de conditionnement d'huile d'argan"),
        "summary": (
            "تعاونية نسائية تستخلص زيت الأركان الغذائي والتجميلي وتلففه لبيعه في السوق الوطنية وللتصدير.",
            "Une coopérative féminine extrait l'huile d'argan alimentaire et cosmétique et la conditionne pour le "
            "marché national et l'export.",
        ),
        "activities": (
            "جمع الثمار وتكسيرها، والاستخلاص الآلي، والتصفية والتعبئة.",
            "Collecte et concassage des fruits, extraction mécanique, filtrage et mise en bouteille.",
        ),
        "market": (
            "محلات المنتوجات المحلية والسياح والمستوردون الأوروبيون.",
            "Boutiques de produits du terroir, touristes et importateurs européens.",
        ),
        "resources": (
            "مكبس ميكانيكي، وآلة تصفية، ومحل مطابق للمعايير الصحية.",
            "Presse mécanique, filtre et local conforme aux normes sanitaires.",
        ),
        "revenue": (
            "بيع الزيت بالتقسيط وبالجملة، وبيع الكسب علفاً للماشية.",
            "Vente d'huile au détail et en gros, vente des tourteaux pour le bétail.",
        ),
        "risks": (
            "تقلب المحصول حسب الأمطار؛ يخفف منه تخزين الثمار وتنويع الزبناء.",
            "Récolte variable selon la pluie ; à atténuer par le stockage des fruits et la diversité des clients.",
        ),
    },
    {
        "key": "couscous",
        "sector": "agri-food",
        "regions": ["fes-meknes", "beni-mellal-khenifra"],
        "groups": ["women"],
        "investment": 180_000,
        "jobs": 8,
        "members": 5,
        "source": "field",
        "name": ("وحدة لإنتاج الكسكس والعجائن التقليدية", "Atelier de couscous et de pâtes traditionnelles"),
        "summary": (
            "إنتاج الكسكس المفتول يدوياً من القمح الصلب والشعير وتلفيفه بعلامة التعاونية.",
            "Production de couscous roulé à la main, au blé dur et à l'orge, conditionné sous la marque de la "
            "coopérative.",
        ),
        "activities": (
            "تنقية الحبوب وطحنها، وفتل الكسكس وتجفيفه، والتلفيف.",
            "Nettoyage et mouture des céréales, roulage et séchage du couscous, emballage.",
        ),
        "market": (
            "المتاجر الكبرى ومحلات القرب والجالية المغربية بالخارج.",
            "Grandes surfaces, commerces de proximité et Marocains du monde.",
        ),
        "resources": ("مطحنة صغيرة، ومجففات، وآلة تلفيف.", "Petit moulin, séchoirs et machine d'emballage."),
        "revenue": ("بيع أكياس من نصف كيلوغرام إلى خمسة كيلوغرامات.", "Vente en sachets de 500 g à 5 kg."),
        "risks": (
            "ارتفاع ثمن الحبوب؛ يخفف منه الشراء المباشر من الفلاحين الأعضاء.",
            "Hausse du prix des céréales ; à atténuer par l'achat direct aux agriculteurs membres.",
        ),
    },
    {
        "key": "saffron",
        "sector": "agriculture",
        "regions": ["souss-massa", "draa-tafilalet"],
        "groups": ["rural", "women"],
        "investment": 320_000,
        "jobs": 10,
        "members": 7,
        "source": "study",
        "name": ("زراعة الزعفران وتثمينه", "Culture et valorisation du safran"),
        "summary": (
            "زراعة بصيلات الزعفران في مساحات صغيرة، وجني الشعيرات وتجفيفها وبيعها معبأة.",
            "Culture de bulbes de safran sur de petites parcelles, cueillette, séchage et vente des stigmates "
            "conditionnés.",
        ),
        "activities": (
            "غرس البصيلات، والجني اليدوي، والتجفيف، والتعبئة في علب صغيرة.",
            "Plantation des bulbes, cueillette manuelle, séchage et conditionnement en petites boîtes.",
        ),
        "market": ("محلات التوابل والفنادق والمصدرون.", "Épiceries fines, hôtels et exportateurs."),
        "resources": (
            "بصيلات منتقاة، وسقي بالتنقيط، ومجفف.",
            "Bulbes sélectionnés, irrigation goutte-à-goutte et séchoir.",
        ),
        "revenue": (
            "بيع الغرام بثمن مرتفع، وبيع البصيلات الزائدة.",
            "Vente au gramme à prix élevé et vente des bulbes excédentaires.",
        ),
        "risks": (
            "الغش في الجودة؛ يخفف منه تحليل المختبر وعلامة المنشأ.",
            "Fraude sur la qualité ; à atténuer par l'analyse en laboratoire et l'appellation d'origine.",
        ),
    },
    {
        "key": "carpets",
        "sector": "handicraft",
        "regions": ["marrakech-safi", "draa-tafilalet"],
        "groups": ["women", "rural"],
        "investment": 150_000,
        "jobs": 15,
        "members": 10,
        "source": "field",
        "name": ("ورشة نسج الزرابي التقليدية", "Atelier de tissage de tapis traditionnels"),
        "summary": (
            "تجميع نساجات القرية في ورشة مجهزة لنسج زرابي الصوف بالصباغة الطبيعية وبيعها مباشرة.",
            "Réunir les tisseuses du village dans un atelier équipé pour tisser des tapis en laine aux teintures "
            "naturelles et les vendre en direct.",
        ),
        "activities": (
            "غسل الصوف وغزله وصباغته، والنسج، والتشطيب.",
            "Lavage, filage et teinture de la laine, tissage et finitions.",
        ),
        "market": ("السياح، والبازارات، والبيع عبر الإنترنت.", "Touristes, bazars et vente en ligne."),
        "resources": (
            "أنوال خشبية، وأحواض للصباغة، ومحل للعرض.",
            "Métiers à tisser en bois, bacs de teinture et espace d'exposition.",
        ),
        "revenue": (
            "بيع الزرابي بالقطعة والطلبيات حسب المقاس.",
            "Vente de tapis à la pièce et commandes sur mesure.",
        ),
        "risks": (
            "منافسة الزرابي الصناعية؛ يخفف منها توثيق أصل كل قطعة.",
            "Concurrence des tapis industriels ; à atténuer en documentant l'origine de chaque pièce.",
        ),
    },
    {
        "key": "eco-lodge",
        "sector": "eco-tourism",
        "regions": ["draa-tafilalet", "tanger-tetouan-al-hoceima"],
        "groups": ["youth", "graduates"],
        "investment": 900_000,
        "jobs": 9,
        "members": 7,
        "source": "ideathon",
        "name": ("دار ضيافة قروية بيئية", "Gîte rural écologique"),
        "summary": (
            "دار ضيافة مبنية بالمواد المحلية تقترح الإقامة والطبخ المحلي والمسارات الجبلية.",
            "Un gîte construit en matériaux locaux qui propose l'hébergement, la cuisine du terroir et des randonnées.",
        ),
        "activities": (
            "الإيواء والإطعام، وتنظيم جولات مع مرشدين محليين، وورشات للطبخ.",
            "Hébergement et restauration, randonnées avec des guides locaux, ateliers de cuisine.",
        ),
        "market": (
            "السياح المغاربة والأجانب ووكالات الأسفار.",
            "Touristes marocains et étrangers, agences de voyage.",
        ),
        "resources": (
            "بناية مرممة، وطاقة شمسية، وموقع للحجز.",
            "Bâtiment restauré, énergie solaire et site de réservation.",
        ),
        "revenue": ("الليالي السياحية، والوجبات، والجولات المنظمة.", "Nuitées, repas et circuits organisés."),
        "risks": (
            "موسمية السياحة؛ يخفف منها استقبال الرحلات المدرسية خارج الموسم.",
            "Saisonnalité ; à atténuer par l'accueil de voyages scolaires hors saison.",
        ),
    },
    {
        "key": "honey",
        "sector": "agriculture",
        "regions": ["oriental", "beni-mellal-khenifra"],
        "groups": ["youth", "rural"],
        "investment": 120_000,
        "jobs": 6,
        "members": 5,
        "source": "programme",
        "name": ("تربية النحل وإنتاج العسل", "Apiculture et production de miel"),
        "summary": (
            "تربية النحل في خلايا عصرية وإنتاج عسل الزعتر والسدر وحبوب اللقاح.",
            "Élevage d'abeilles en ruches modernes, production de miel de thym et de jujubier et de pollen.",
        ),
        "activities": (
            "تربية الطوائف، والترحال حسب الأزهار، والجني والتعبئة.",
            "Conduite des colonies, transhumance selon les floraisons, récolte et mise en pot.",
        ),
        "market": (
            "المستهلكون المحليون، والصيدليات، ومحلات المنتوجات الطبيعية.",
            "Consommateurs locaux, pharmacies et magasins de produits naturels.",
        ),
        "resources": ("خلايا، ومعدات الجني، وفارزة العسل.", "Ruches, matériel de récolte et extracteur de miel."),
        "revenue": (
            "بيع العسل والشمع وحبوب اللقاح والطوائف.",
            "Vente de miel, de cire, de pollen et d'essaims.",
        ),
        "risks": (
            "الجفاف والمبيدات؛ يخفف منهما حسن اختيار المواقع والترحال.",
            "Sécheresse et pesticides ; à atténuer par le choix des emplacements et la transhumance.",
        ),
    },
    {
        "key": "dates",
        "sector": "agri-food",
        "regions": ["draa-tafilalet", "guelmim-oued-noun"],
        "groups": ["rural", "youth"],
        "investment": 380_000,
        "jobs": 11,
        "members": 7,
        "source": "study",
        "name": ("وحدة لتثمين التمور", "Unité de valorisation des dattes"),
        "summary": (
            "فرز التمور وتخزينها في التبريد، وتحويل التمور غير المسوقة إلى عجينة ودبس.",
            "Tri des dattes, stockage au froid et transformation des dattes déclassées en pâte et en sirop.",
        ),
        "activities": (
            "الفرز والتنظيف، والتخزين في غرفة تبريد، والتحويل.",
            "Tri et nettoyage, stockage en chambre froide, transformation.",
        ),
        "market": (
            "أسواق رمضان، والمتاجر الكبرى، وصناعة الحلويات.",
            "Marchés du Ramadan, grandes surfaces et pâtisseries industrielles.",
        ),
        "resources": ("غرفة تبريد، وطاولات للفرز، وآلة للعجن.", "Chambre froide, tables de tri et pétrin."),
        "revenue": (
            "بيع التمور الممتازة بثمن أعلى وتثمين تمور الدرجة الثانية.",
            "Vente des dattes de premier choix à meilleur prix et valorisation du second choix.",
        ),
        "risks": (
            "أمراض النخيل؛ يخفف منها التعاون مع المصالح الفلاحية.",
            "Maladies du palmier ; à atténuer avec l'appui des services agricoles.",
        ),
    },
    {
        "key": "cactus",
        "sector": "agri-food",
        "regions": ["guelmim-oued-noun", "casablanca-settat"],
        "groups": ["women", "rural"],
        "investment": 260_000,
        "jobs": 9,
        "members": 6,
        "source": "ideathon",
        "name": ("تثمين الصبار (الهندية)", "Valorisation du cactus (figue de barbarie)"),
        "summary": (
            "تحويل ثمار الصبار وبذورها إلى مربى وزيت تجميلي، وألواحه إلى علف.",
            "Transformer les fruits et les graines du cactus en confiture et en huile cosmétique, et ses raquettes "
            "en fourrage.",
        ),
        "activities": (
            "الجني والتقشير، واستخلاص زيت البذور، وطبخ المربى.",
            "Cueillette et épluchage, extraction de l'huile de pépins, cuisson des confitures.",
        ),
        "market": (
            "محلات التجميل الطبيعي، والبقالات، ومربو الماشية.",
            "Cosmétique naturelle, épiceries et éleveurs.",
        ),
        "resources": ("مكبس بارد، وقدور للطبخ، ومخزن.", "Presse à froid, marmites de cuisson et entrepôt."),
        "revenue": (
            "زيت البذور ذو القيمة العالية يغطي كلفة باقي المنتوجات.",
            "L'huile de pépins, à forte valeur, couvre le coût des autres produits.",
        ),
        "risks": (
            "الحشرة القرمزية؛ يخفف منها غرس أصناف مقاومة.",
            "La cochenille ; à atténuer par la plantation de variétés résistantes.",
        ),
    },
    {
        "key": "aromatic-plants",
        "sector": "agriculture",
        "regions": ["oriental", "fes-meknes"],
        "groups": ["women", "rural"],
        "investment": 200_000,
        "jobs": 8,
        "members": 5,
        "source": "programme",
        "name": ("تقطير النباتات العطرية والطبية", "Distillation de plantes aromatiques et médicinales"),
        "summary": (
            "جمع إكليل الجبل والزعتر والشيح بطريقة مستدامة وتقطيرها لإنتاج الزيوت العطرية.",
            "Cueillette durable de romarin, de thym et d'armoise et distillation en huiles essentielles.",
        ),
        "activities": (
            "الجمع المنظم، والتجفيف، والتقطير بالبخار.",
            "Cueillette encadrée, séchage et distillation à la vapeur.",
        ),
        "market": (
            "صناعة العطور ومستحضرات التجميل والمتاجر المتخصصة.",
            "Parfumerie, cosmétique et boutiques spécialisées.",
        ),
        "resources": (
            "جهاز للتقطير، ورخصة الاستغلال، ومخزن جاف.",
            "Alambic, autorisation d'exploitation et entrepôt sec.",
        ),
        "revenue": (
            "بيع الزيوت العطرية وماء التقطير والأعشاب المجففة.",
            "Vente d'huiles essentielles, d'hydrolats et de plantes séchées.",
        ),
        "risks": (
            "الاستغلال المفرط للغطاء النباتي؛ يخفف منه احترام دورات الجمع.",
            "Surexploitation du couvert végétal ; à éviter en respectant les rotations de cueillette.",
        ),
    },
    {
        "key": "goat-cheese",
        "sector": "agri-food",
        "regions": ["tanger-tetouan-al-hoceima", "beni-mellal-khenifra"],
        "groups": ["rural", "women"],
        "investment": 350_000,
        "jobs": 7,
        "members": 6,
        "source": "field",
        "name": ("وحدة لإنتاج جبن الماعز", "Fromagerie de chèvre"),
        "summary": (
            "تجميع حليب ماعز الأعضاء وتحويله إلى جبن طري ومجفف وفق شروط السلامة الصحية.",
            "Collecter le lait de chèvre des membres et le transformer en fromages frais et affinés dans le respect "
            "des règles sanitaires.",
        ),
        "activities": (
            "جمع الحليب وتبريده، والتجبين، والتجفيف.",
            "Collecte et refroidissement du lait, caillage et affinage.",
        ),
        "market": (
            "المطاعم والفنادق ومحلات المدن المجاورة.",
            "Restaurants, hôtels et commerces des villes voisines.",
        ),
        "resources": (
            "خزان لتبريد الحليب، وقاعة للتجبين، وترخيص صحي.",
            "Tank à lait, salle de fabrication et autorisation sanitaire.",
        ),
        "revenue": (
            "بيع الجبن ومشتقات الحليب، وبيع الجديان.",
            "Vente de fromages et de produits laitiers, vente de chevreaux.",
        ),
        "risks": (
            "انقطاع سلسلة التبريد؛ يخفف منه مولد كهربائي احتياطي.",
            "Rupture de la chaîne du froid ; à prévenir par un groupe électrogène de secours.",
        ),
    },
    {
        "key": "pottery",
        "sector": "handicraft",
        "regions": ["fes-meknes", "marrakech-safi"],
        "groups": ["youth", "graduates"],
        "investment": 240_000,
        "jobs": 10,
        "members": 7,
        "source": "field",
        "name": ("ورشة للفخار والخزف", "Atelier de poterie et de céramique"),
        "summary": (
            "ورشة مشتركة بفرن حديث أقل استهلاكاً للحطب لإنتاج أواني الطبخ والزليج الصغير.",
            "Un atelier commun, avec un four moderne qui consomme moins de bois, pour produire de la vaisselle de "
            "cuisson et de petits zelliges.",
        ),
        "activities": (
            "تحضير الطين، والتشكيل، والطهي، والتزيين.",
            "Préparation de l'argile, façonnage, cuisson et décoration.",
        ),
        "market": ("الأسر والمطاعم ومحلات الديكور.", "Particuliers, restaurants et boutiques de décoration."),
        "resources": ("فرن بالغاز، ودواليب الخزاف، ومخزن للطين.", "Four à gaz, tours de potier et réserve d'argile."),
        "revenue": (
            "البيع بالجملة للتجار والطلبيات الخاصة.",
            "Vente en gros aux commerçants et commandes spéciales.",
        ),
        "risks": (
            "تكسر المنتجات أثناء النقل؛ يخفف منه تلفيف ملائم.",
            "Casse pendant le transport ; à limiter par un emballage adapté.",
        ),
    },
    {
        "key": "olive-oil",
        "sector": "agri-food",
        "regions": ["fes-meknes", "oriental"],
        "groups": ["rural"],
        "investment": 600_000,
        "jobs": 10,
        "members": 7,
        "source": "study",
        "name": ("معصرة عصرية للزيتون", "Huilerie moderne d'olives"),
        "summary": (
            "معصرة مشتركة تعصر زيتون الأعضاء بسرعة بعد الجني للحصول على زيت بكر ممتاز.",
            "Une huilerie commune qui presse rapidement les olives des membres après la récolte pour obtenir une "
            "huile vierge extra.",
        ),
        "activities": (
            "استقبال الزيتون، والعصر بالطرد المركزي، والتخزين والتعبئة.",
            "Réception des olives, trituration en continu, stockage et embouteillage.",
        ),
        "market": ("الأسر والمطاعم والمتاجر الكبرى.", "Ménages, restaurants et grandes surfaces."),
        "resources": (
            "خط للعصر، وخزانات من الفولاذ، ومعالجة المرجان.",
            "Chaîne de trituration, cuves inox et traitement des margines.",
        ),
        "revenue": (
            "بيع الزيت، وخدمة العصر لغير الأعضاء، وبيع الفيتور.",
            "Vente d'huile, trituration à façon pour les non-membres et vente des grignons.",
        ),
        "risks": (
            "تلوث المرجان؛ يخفف منه حوض للتبخير.",
            "Pollution par les margines ; à traiter par un bassin d'évaporation.",
        ),
    },
    {
        "key": "artisanal-fishing",
        "sector": "fishing",
        "regions": ["dakhla-oued-ed-dahab", "laayoune-sakia-el-hamra"],
        "groups": ["youth"],
        "investment": 700_000,
        "jobs": 14,
        "members": 10,
        "source": "programme",
        "name": ("تثمين منتوجات الصيد التقليدي", "Valorisation des produits de la pêche artisanale"),
        "summary": (
            "تعاونية لبحارة الصيد التقليدي تبرد السمك وتنظفه وتبيعه مباشرة بدل بيعه في عرض البحر.",
            "Une coopérative de pêcheurs artisans qui réfrigère, nettoie et vend le poisson en direct plutôt qu'en "
            "mer.",
        ),
        "activities": (
            "التفريغ، والتبريد، والتنظيف والتقطيع، والتوزيع.",
            "Débarquement, réfrigération, nettoyage et découpe, distribution.",
        ),
        "market": ("أسواق المدن والمطاعم والمصنعون.", "Marchés urbains, restaurants et industriels."),
        "resources": (
            "آلة لصنع الثلج، وشاحنة مبردة، ومحل بنقطة التفريغ.",
            "Machine à glace, camion frigorifique et local au point de débarquement.",
        ),
        "revenue": (
            "هامش البيع المباشر، وبيع الثلج للبحارة.",
            "Marge de vente directe et vente de glace aux pêcheurs.",
        ),
        "risks": (
            "فترات الراحة البيولوجية؛ يخفف منها تنويع الأصناف.",
            "Repos biologiques ; à compenser par la diversification des espèces.",
        ),
    },
    {
        "key": "solar-drying",
        "sector": "energy",
        "regions": ["souss-massa", "marrakech-safi"],
        "groups": ["graduates", "youth"],
        "investment": 280_000,
        "jobs": 6,
        "members": 5,
        "source": "ideathon",
        "name": ("التجفيف الشمسي للفواكه والخضر", "Séchage solaire de fruits et légumes"),
        "summary": (
            "مجففات شمسية تحول فائض الفواكه والخضر إلى منتجات مجففة دون استهلاك الكهرباء.",
            "Des séchoirs solaires qui transforment les surplus de fruits et légumes en produits secs sans "
            "consommer d'électricité.",
        ),
        "activities": (
            "شراء الفائض، والتقطيع، والتجفيف الشمسي، والتلفيف.",
            "Achat des surplus, découpe, séchage solaire, emballage.",
        ),
        "market": ("المتاجر الصحية، والمخابز، والمطاعم المدرسية.", "Magasins bio, boulangeries et cantines."),
        "resources": (
            "مجففات شمسية، وطاولات من الفولاذ، وآلة للتلفيف.",
            "Séchoirs solaires, tables inox et ensacheuse.",
        ),
        "revenue": (
            "بيع أكياس الفواكه المجففة والخضر المجففة للطبخ.",
            "Vente de sachets de fruits secs et de légumes séchés pour la cuisine.",
        ),
        "risks": (
            "تقلبات الطقس؛ يخفف منها مجفف احتياطي يعمل بالغاز.",
            "Aléas météo ; à atténuer par un séchoir d'appoint au gaz.",
        ),
    },
    {
        "key": "plastic-recycling",
        "sector": "environment",
        "regions": ["casablanca-settat", "rabat-sale-kenitra"],
        "groups": ["youth", "vulnerable"],
        "investment": 420_000,
        "jobs": 16,
        "members": 7,
        "source": "programme",
        "name": ("فرز النفايات البلاستيكية وتدويرها", "Tri et recyclage des déchets plastiques"),
        "summary": (
            "تنظيم جامعي النفايات في تعاونية تفرز البلاستيك وتطحنه وتبيعه للمصانع.",
            "Organiser les récupérateurs en coopérative pour trier, broyer et vendre le plastique aux usines.",
        ),
        "activities": (
            "الجمع من الأحياء، والفرز، والغسل والطحن.",
            "Collecte dans les quartiers, tri, lavage et broyage.",
        ),
        "market": (
            "مصانع البلاستيك والجماعات الترابية.",
            "Usines de plasturgie et collectivités territoriales.",
        ),
        "resources": (
            "مركز للفرز، وآلة للطحن، ودراجات نارية ثلاثية العجلات.",
            "Centre de tri, broyeur et triporteurs.",
        ),
        "revenue": (
            "بيع المادة المطحونة، وعقود الجمع مع الجماعات.",
            "Vente de la matière broyée et contrats de collecte avec les communes.",
        ),
        "risks": (
            "تقلب أثمان المواد المعاد تدويرها؛ يخفف منه عقد مع مشتر قار.",
            "Prix volatils des matières recyclées ; à atténuer par un contrat avec un acheteur régulier.",
        ),
    },
    {
        "key": "digital-services",
        "sector": "digital",
        "regions": ["rabat-sale-kenitra", "casablanca-settat"],
        "groups": ["graduates", "youth"],
        "investment": 160_000,
        "jobs": 6,
        "members": 5,
        "source": "ideathon",
        "name": ("خدمات رقمية للتعاونيات", "Services numériques pour les coopératives"),
        "summary": (
            "تعاونية لشباب حاملي الشهادات تنجز مواقع التعاونيات وصور منتجاتها وتدبر متاجرها الإلكترونية.",
            "Une coopérative de jeunes diplômés qui réalise les sites des coopératives et les photos de leurs "
            "produits et gère leurs boutiques en ligne.",
        ),
        "activities": (
            "تصميم المواقع، والتصوير، وتدبير الصفحات والمتاجر.",
            "Création de sites, photographie, gestion de pages et de boutiques.",
        ),
        "market": (
            "التعاونيات والجمعيات والمقاولات الصغيرة بالجهة.",
            "Coopératives, associations et petites entreprises de la région.",
        ),
        "resources": (
            "حواسيب، وآلة تصوير، واشتراكات في البرمجيات.",
            "Ordinateurs, appareil photo et abonnements logiciels.",
        ),
        "revenue": (
            "أثمان جزافية للإنجاز واشتراكات شهرية للتدبير.",
            "Forfaits de réalisation et abonnements mensuels de gestion.",
        ),
        "risks": (
            "محدودية قدرة الزبناء على الأداء؛ يخفف منها عرض بأثمان متدرجة.",
            "Faible capacité de paiement des clients ; à atténuer par une offre à prix progressifs.",
        ),
    },
    {
        "key": "school-transport",
        "sector": "transport",
        "regions": ["beni-mellal-khenifra", "draa-tafilalet"],
        "groups": ["rural", "youth"],
        "investment": 550_000,
        "jobs": 5,
        "members": 7,
        "source": "programme",
        "name": ("النقل المدرسي بالعالم القروي", "Transport scolaire en milieu rural"),
        "summary": (
            "تعاونية تؤمن نقل تلاميذ الدواوير إلى المدارس بموجب اتفاقية مع الجماعة.",
            "Une coopérative qui assure le transport des élèves des douars vers les écoles, par convention avec la "
            "commune.",
        ),
        "activities": (
            "النقل اليومي، وصيانة الحافلات، وتتبع الحضور.",
            "Transport quotidien, entretien des véhicules et suivi des présences.",
        ),
        "market": (
            "الجماعات الترابية وجمعيات آباء وأولياء التلاميذ.",
            "Communes et associations de parents d'élèves.",
        ),
        "resources": (
            "حافلات صغيرة، وسائقون مرخصون، وتأمين.",
            "Minibus, chauffeurs qualifiés et assurance.",
        ),
        "revenue": (
            "اتفاقيات سنوية مع الجماعات ومساهمة الأسر.",
            "Conventions annuelles avec les communes et participation des familles.",
        ),
        "risks": (
            "تأخر أداء المستحقات؛ يخفف منه صندوق احتياطي.",
            "Retards de paiement ; à atténuer par un fonds de réserve.",
        ),
    },
    {
        "key": "preschool",
        "sector": "education",
        "regions": ["oriental", "marrakech-safi"],
        "groups": ["women", "graduates"],
        "investment": 200_000,
        "jobs": 8,
        "members": 5,
        "source": "programme",
        "name": ("وحدة للتعليم الأولي", "Unité d'enseignement préscolaire"),
        "summary": (
            "مربيات حاملات للشهادات يفتحن قسماً للتعليم الأولي في حي أو دوار يفتقر إليه.",
            "Des éducatrices diplômées ouvrent une classe préscolaire dans un quartier ou un douar qui en manque.",
        ),
        "activities": (
            "استقبال الأطفال من أربع إلى ست سنوات، والأنشطة التربوية، والتواصل مع الأسر.",
            "Accueil des enfants de quatre à six ans, activités éducatives et lien avec les familles.",
        ),
        "market": ("أسر الحي والدواوير المجاورة.", "Familles du quartier et des douars voisins."),
        "resources": (
            "قاعة مجهزة، وأدوات تربوية، وتكوين المربيات.",
            "Salle aménagée, matériel pédagogique et formation des éducatrices.",
        ),
        "revenue": (
            "واجبات شهرية معتدلة ودعم في إطار الشراكات.",
            "Frais mensuels modérés et soutien dans le cadre de partenariats.",
        ),
        "risks": (
            "محدودية قدرة الأسر على الأداء؛ يخفف منها البحث عن شراكات عمومية.",
            "Capacité de paiement limitée des familles ; à compenser par des partenariats publics.",
        ),
    },
    {
        "key": "earth-building",
        "sector": "housing",
        "regions": ["draa-tafilalet", "souss-massa"],
        "groups": ["youth", "rural"],
        "investment": 300_000,
        "jobs": 12,
        "members": 7,
        "source": "study",
        "name": ("البناء والترميم بالتراب", "Construction et restauration en terre"),
        "summary": (
            "تعاونية لحرفيي البناء بالتراب ترمم القصبات والقصور وتبني مساكن ملائمة للمناخ.",
            "Une coopérative d'artisans bâtisseurs en terre qui restaure kasbahs et ksour et construit des maisons "
            "adaptées au climat.",
        ),
        "activities": (
            "صناعة الطوب الطيني والطابية، والترميم، والتكوين.",
            "Fabrication d'adobe et de pisé, restauration et formation.",
        ),
        "market": (
            "الأسر، والمؤسسات السياحية، وبرامج ترميم التراث.",
            "Familles, établissements touristiques et programmes de restauration du patrimoine.",
        ),
        "resources": ("قوالب، ومكابس، وفريق مكون.", "Moules, presses et équipe formée."),
        "revenue": (
            "صفقات البناء والترميم ودورات التكوين.",
            "Marchés de construction et de restauration, sessions de formation.",
        ),
        "risks": (
            "ضعف الطلب على البناء بالتراب؛ يخفف منه إبراز مزاياه الحرارية.",
            "Faible demande pour la terre ; à stimuler en montrant son confort thermique.",
        ),
    },
    {
        "key": "catering",
        "sector": "services",
        "regions": ["casablanca-settat", "tanger-tetouan-al-hoceima"],
        "groups": ["women", "vulnerable"],
        "investment": 140_000,
        "jobs": 10,
        "members": 6,
        "source": "field",
        "name": ("ممون للحفلات والوجبات الجماعية", "Traiteur et restauration collective"),
        "summary": (
            "نساء يحولن مهارتهن في الطبخ إلى خدمة لإعداد الوجبات للحفلات والإدارات والمطاعم المدرسية.",
            "Des femmes font de leur savoir-faire culinaire un service de repas pour les fêtes, les administrations "
            "et les cantines.",
        ),
        "activities": (
            "إعداد الوجبات والحلويات، والتوصيل، والخدمة في الحفلات.",
            "Préparation des repas et des pâtisseries, livraison et service lors des fêtes.",
        ),
        "market": ("الأسر والإدارات والمقاولات.", "Familles, administrations et entreprises."),
        "resources": (
            "مطبخ مهني، وأوان، وعربة للتوصيل.",
            "Cuisine professionnelle, vaisselle et véhicule de livraison.",
        ),
        "revenue": (
            "البيع حسب عدد الوجبات وعقود سنوية مع المطاعم المدرسية.",
            "Vente au repas et contrats annuels avec les cantines.",
        ),
        "risks": (
            "السلامة الصحية؛ يضمنها التكوين والترخيص.",
            "Sécurité sanitaire ; à garantir par la formation et l'autorisation.",
        ),
    },
]

IDEATHON_DETAIL = ("مسابقة Ideathon بجهة مراكش-آسفي", "Ideathon de la région Marrakech-Safi")
REGION_NOTE = ("الجهة المقترحة: %s.", "Région proposée : %s.")
DOCUMENT_TITLE = ("البطاقة الاقتصادية: %s", "Fiche économique : %s")
