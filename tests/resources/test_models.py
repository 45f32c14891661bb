"""Models of the resources section: identifiers, taxonomy codes, translations, search, cross-links."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from portal.classified import Classified
from portal.sections import cross_links
from portal.slugs import slug_for
from portal.translating import translate
from resources.models import FundingPartner, ProjectModel
from tests.resources.conftest import make_guide, make_partner, make_project


def test_slugs_keep_arabic_and_fold_latin_accents():
    assert slug_for("وحدة زيت الأركان (سوس-ماسة)") == "وحدة-زيت-الأركان-سوس-ماسة"
    assert slug_for("Unité d'huile d'argan (Souss-Massa)") == "unite-dhuile-dargan-souss-massa"


def test_slugs_and_keys_are_made_unique_within_a_language(locales):
    first = make_project(title="زيت الأركان", key="argan-1")
    second = make_project(title="زيت الأركان", key="argan-2")
    french = make_project(locales["fr"], title="زيت الأركان", key="argan-1")
    assert (first.slug, second.slug, french.slug) == ("زيت-الأركان", "زيت-الأركان-2", "زيت-الأركان")
    unnamed = ProjectModel(locale=first.locale, title="Huile d'argan", sector=first.sector, key="")
    unnamed.save()
    assert unnamed.key == "huile-dargan"


def test_clean_refuses_a_key_or_slug_taken_in_the_language(locales):
    make_partner(name="وكالة", key="agence")
    duplicate = FundingPartner(locale=locales["ar"], name="وكالة", key="agence", slug="وكالة", kind="agency")
    with pytest.raises(ValidationError) as raised:
        duplicate.full_clean()
    assert set(raised.value.message_dict) >= {"key", "slug"}
    FundingPartner(locale=locales["fr"], name="Agence", key="agence", kind="agency").full_clean()


def test_support_types_accept_only_known_choices(locales):
    partner = FundingPartner(locale=locales["ar"], name="x", key="x", kind="agency", support_types=["grant", "cash"])
    with pytest.raises(ValidationError) as raised:
        partner.full_clean()
    assert "support_types" in raised.value.message_dict
    partner.support_types = ["coaching", "grant", "grant"]
    partner.save()
    partner.refresh_from_db()
    assert partner.support_types == ["grant", "coaching"]  # the order of the choices, no duplicates


def test_taxonomy_codes_for_other_sections(locales, guide_index):
    project = make_project(sector_code="agri-food", region_codes=["oriental", "souss-massa"], group_codes=["women"])
    assert project.taxonomy_codes() == {
        "sector": ["agri-food"],
        "region": ["oriental", "souss-massa"],
        "target_group": ["women"],
    }
    partner = make_partner(sector_codes=["handicraft"], region_codes=["oriental"])
    assert partner.taxonomy_codes() == {"sector": ["handicraft"], "region": ["oriental"], "target_group": []}
    guide = make_guide(guide_index, sector_codes=["agri-food"], group_codes=["youth"])
    assert guide.taxonomy_codes() == {"sector": ["agri-food"], "region": [], "target_group": ["youth"]}


def test_translations_share_key_and_taxonomy_and_follow_the_source(locales):
    arabic = make_project(
        title="زيت الأركان", key="argan", summary="ملخص", region_codes=["souss-massa"], group_codes=["women"]
    )
    arabic.save_revision().publish()
    strings = {"زيت الأركان": "Huile d'argan", "ملخص": "Résumé"}
    french = translate(arabic, locales["fr"], strings, slug="huile-dargan")
    assert (french.key, french.slug, french.live, french.locale) == ("argan", "huile-dargan", True, locales["fr"])
    assert [r.code for r in french.regions.all()] == ["souss-massa"]

    # The source changes its regions: the synced translation follows.
    arabic.regions = list(arabic.regions.all()) + [french.regions.model.objects.get(code="oriental")]
    arabic.save_revision().publish()
    french = translate(arabic, locales["fr"], strings, slug="huile-dargan")
    assert sorted(r.code for r in french.regions.all()) == ["oriental", "souss-massa"]


def test_guides_partners_and_project_models_are_found_by_the_site_search(locales, guide_index):
    from search.engine import run_search

    make_project(title="ورشة الفخار", summary="أواني الطبخ", group_codes=["youth"])
    make_project(title="وحدة زيت الأركان", summary="تعاونية نسائية", group_codes=["women"])
    make_project(locales["fr"], title="Atelier de poterie", summary="Vaisselle de cuisson")
    make_project(title="ورشة فخار لم تنشر", live=False)
    make_partner(name="مكتب تنمية التعاون", acronym="ODCo", description="مواكبة التعاونيات")
    make_guide(guide_index, title="التصدير", intro="تثمين المنتوجات", group_codes=["women"])

    # The Arabic query is analyzed like the indexed text: prefixes (و، ال) and suffixes do not matter.
    hits = run_search("والفخار", "ar").hits
    assert [(hit.type, hit.title) for hit in hits] == [("project", "ورشة الفخار")]
    assert [hit.title for hit in run_search("poterie", "fr").hits] == ["Atelier de poterie"]
    assert [hit.title for hit in run_search("odco", "ar", types=["partner"]).hits] == ["مكتب تنمية التعاون"]
    assert [hit.title for hit in run_search("للتصدير", "ar", types=["guide"]).hits] == ["التصدير"]
    # Facets reach through each type's own relations (a guide's audience is its target groups).
    women = run_search("ورشة الأركان التصدير", "ar", target_group=["women"])
    assert sorted(hit.title for hit in women.hits) == ["التصدير", "وحدة زيت الأركان"]


def test_cross_links_offered_beside_other_sections_objects(rf, project_bank, partner_directory, guide_index):
    make_project(title="زيت الأركان", sector_code="agri-food", region_codes=["souss-massa"])
    make_project(title="زرابي", sector_code="handicraft", region_codes=["oriental"])
    make_partner(name="وكالة الشرق", sector_codes=["handicraft"], region_codes=["oriental"])
    make_partner(name="بنك وطني")
    make_guide(guide_index, title="دليل الصناعة التقليدية", sector_codes=["handicraft"])
    make_guide(guide_index, title="دليل الفلاحة", sector_codes=["agriculture"])

    class Call(Classified):  # content of another section (a programmes' call), not saved
        locale_id, pk = project_bank.locale_id, None

        def taxonomy_codes(self):
            return {"sector": ["handicraft"], "region": ["oriental"], "target_group": []}

    with translation.override("en"):
        groups = {
            str(group.title): [title for title, _url in group.links] for group in cross_links(Call(), rf.get("/"))
        }
    assert groups["Project models that fit"] == ["زرابي"]
    assert groups["Funding partners"] == ["بنك وطني", "وكالة الشرق"]
    assert groups["Training guides"] == ["دليل الصناعة التقليدية"]
    assert cross_links(object(), rf.get("/")) == []
