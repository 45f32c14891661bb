"""The portal's one matching rule (portal.classified), on the programmes' pages: codes read from many-to-many and
foreign-key fields alike, and content that lists no term of a kind applies to all of that kind."""

from portal.models import Region, Sector, TargetGroup
from programs.models import CallPage, EventPage

from .conftest import event_index as event_index  # noqa: F401 - fixture
from .conftest import make_call, make_event


def titles(queryset):
    return sorted(queryset.values_list("title", flat=True))


def test_codes_come_from_many_to_many_and_foreign_key_fields(call_index, event_index):
    call = make_call(
        call_index,
        "للنساء في الشرق",
        relations={
            "regions": Region.objects.filter(code="oriental"),
            "target_groups": TargetGroup.objects.filter(code="women"),
        },
    )
    assert call.taxonomy_codes() == {"sector": [], "region": ["oriental"], "target_group": ["women"]}
    event = make_event(event_index, region=Region.objects.get(code="souss-massa"))
    assert event.taxonomy_codes() == {"sector": [], "region": ["souss-massa"], "target_group": []}
    assert make_event(event_index).taxonomy_codes() == {"sector": [], "region": [], "target_group": []}


def test_content_applies_to_what_it_lists_or_to_all_when_it_lists_none(call_index, event_index):
    oriental, souss = Region.objects.filter(code="oriental"), Region.objects.filter(code="souss-massa")
    handicraft = Sector.objects.filter(code="handicraft")
    make_call(call_index, "oriental handicraft", relations={"regions": oriental, "sectors": handicraft})
    make_call(call_index, "every region, handicraft", relations={"sectors": handicraft})
    make_call(call_index, "souss", relations={"regions": souss})
    make_call(call_index, "everywhere")
    calls = CallPage.objects.all()

    codes = {"sector": ["handicraft"], "region": ["oriental"], "target_group": ["youth"]}
    assert titles(CallPage.applying_to(calls, codes)) == [
        "every region, handicraft",
        "everywhere",
        "oriental handicraft",
    ]
    assert titles(CallPage.applying_to(calls, {"region": ["souss-massa"]})) == [
        "every region, handicraft",
        "everywhere",
        "souss",
    ]
    assert CallPage.applying_to(calls, {}).count() == 4  # nothing asked: nothing narrowed

    make_event(event_index, "in souss", region=souss.get())
    make_event(event_index, "anywhere")
    assert titles(EventPage.applying_to(EventPage.objects.all(), {"region": ["oriental"]})) == ["anywhere"]
