"""The sector and target-group vocabularies: codes from DESIGN.md with their Arabic and French names."""

SECTORS = [
    ("agriculture", "الفلاحة", "Agriculture"),
    ("agri-food", "الصناعة الغذائية", "Agroalimentaire"),
    ("handicraft", "الصناعة التقليدية", "Artisanat"),
    ("eco-tourism", "السياحة البيئية", "Écotourisme"),
    ("fishing", "الصيد البحري", "Pêche"),
    ("services", "الخدمات", "Services"),
    ("environment", "البيئة", "Environnement"),
    ("energy", "الطاقة", "Énergie"),
    ("education", "التعليم والتكوين", "Éducation et formation"),
    ("transport", "النقل", "Transport"),
    ("digital", "الاقتصاد الرقمي", "Numérique"),
    ("housing", "السكن", "Habitat"),
]

TARGET_GROUPS = [
    ("women", "النساء", "Femmes"),
    ("youth", "الشباب", "Jeunes"),
    ("graduates", "حاملو الشهادات", "Diplômés"),
    ("rural", "ساكنة العالم القروي", "Population rurale"),
    ("disabled", "الأشخاص في وضعية إعاقة", "Personnes en situation de handicap"),
    ("vulnerable", "الفئات الهشة", "Personnes en situation de vulnérabilité"),
]


def load_vocabularies(Sector, TargetGroup):
    """Create or update both vocabularies; safe to run again. Takes the model classes so migrations can call it."""
    for model, rows in ((Sector, SECTORS), (TargetGroup, TARGET_GROUPS)):
        for order, (code, name_ar, name_fr) in enumerate(rows):
            model.objects.update_or_create(
                code=code,
                defaults={"name": name_ar, "name_ar": name_ar, "name_fr": name_fr, "sort_order": order},
            )
