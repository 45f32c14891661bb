"""Demo content of the programmes section: programmes, calls, events and news, in Arabic with French translations
made through wagtail-localize.

The texts are data (programs/demo/*.json), written for this portal from the facts of the seed articles (DELIO in the
Oriental, Irtiqae, the Marrakech meeting on innovative cooperatives, El Hajeb's cooperative day, the Oriental's
logistics unit). Dates that follow the day the demo is first loaded are given in days from it (``opening_days``,
``deadline_days``, ``start_days``, ``date_days``), so the eight calls cover the four statuses and events are both
past and upcoming. A page that exists is left as it is, so loading again changes nothing.
"""

import random
from datetime import date, datetime, time, timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.models import Site

from portal.demo_data import arabic, page_once, paragraphs, publish_under, read_json, translate_once
from portal.demo_files import demo_document, demo_image
from portal.formatting import CASABLANCA
from portal.models import Region, Sector, TargetGroup
from portal.translating import ensure_locales

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

INDEXES = read_json(__file__, "indexes.json")
PROGRAMMES = read_json(__file__, "programmes.json")
CALLS = read_json(__file__, "calls.json")
EVENTS = read_json(__file__, "events.json")
NEWS = read_json(__file__, "news.json")
INDEX_MODELS = {model.__name__: model for model in (ProgramIndexPage, CallIndexPage, EventIndexPage, NewsIndexPage)}


@transaction.atomic
def load_demo():
    french = ensure_locales()["fr"]
    home = Site.objects.get(is_default_site=True).root_page.specific
    today = timezone.now().astimezone(CASABLANCA).date()
    indexes = {spec["model"]: _index(home, spec, french) for spec in INDEXES}

    # Each page is published whole (documents, pictures) and then translated, so its translation is in step with it.
    programmes = {}
    for spec in PROGRAMMES:
        programme = page_once(indexes["ProgramIndexPage"], ProgramPage, spec, partial(_programme, spec))
        translate_once(programme, french, spec, [spec["intro"], *spec["objectives"], *spec["partners"]])
        programmes[spec["key"]] = programme
    for spec in CALLS:
        parent = programmes[spec["program"]] if spec["program"] else indexes["CallIndexPage"]
        translate_once(page_once(parent, CallPage, spec, partial(_call, spec, today)), french, spec, _call_texts(spec))
    for number, spec in enumerate(EVENTS):
        event = page_once(indexes["EventIndexPage"], EventPage, spec, partial(_event, spec, today, number))
        translate_once(event, french, spec, _event_texts(spec))
    for number, spec in enumerate(NEWS):
        news = page_once(indexes["NewsIndexPage"], NewsPage, spec, partial(_news, spec, today, number))
        translate_once(news, french, spec, [spec["intro"], *spec["body"]])


def _index(home, spec, french):
    model = INDEX_MODELS[spec["model"]]
    page = model.objects.filter(locale=home.locale).first()
    if page is None:
        page = publish_under(home, model(**arabic(spec, "title", "slug", "intro"), show_in_menus=True))
    translate_once(page, french, spec, [spec["intro"]])
    return page


def _terms(model, codes):
    return list(model.objects.filter(code__in=codes))


def _at(day, hour):
    return datetime.combine(day, time(hour, 0), tzinfo=CASABLANCA)


def _programme(spec):
    return ProgramPage(
        **arabic(spec, "title", "slug", "intro"),
        objectives=paragraphs(spec["objectives"]),
        partners=[("partner", text) for text, _translation in spec["partners"]],
        budget_mad=spec["budget_mad"],
        sectors=_terms(Sector, spec["sectors"]),
        regions=_terms(Region, spec["regions"]),
    )


def _call(spec, today):
    opening, slug = spec["opening_days"], spec["slug"][1]
    documents = [
        CallDocument(
            document=demo_document(
                document["title"][0], f"{slug}-{number}.pdf", f"{slug} - document {number}", document["title"][1]
            ),
            title=document["title"][0],
            kind=document["kind"],
            language=document["language"],
        )
        for number, document in enumerate(spec["documents"], start=1)
    ]
    return CallPage(
        **arabic(spec, "title", "slug", "intro", "contact_name"),
        opening_date=_at(today + timedelta(days=opening), 9) if opening is not None else None,
        deadline=_at(today + timedelta(days=spec["deadline_days"]), spec["deadline_hour"]),
        legal_forms=spec["legal_forms"],
        min_members=spec["min_members"],
        max_grant_mad=spec["max_grant_mad"],
        cofinancing_percent=spec["cofinancing_percent"],
        support_axes=[("axis", text) for text, _translation in spec["support_axes"]],
        eligibility_criteria=paragraphs(spec["eligibility_criteria"]),
        how_to_apply=paragraphs(spec["how_to_apply"]),
        apply_online_url=spec["apply_online_url"],
        apply_address=spec["apply_address"][0] if spec["apply_address"] else "",
        contact_email=spec["contact_email"],
        contact_phone=spec["contact_phone"],
        sectors=_terms(Sector, spec["sectors"]),
        regions=_terms(Region, spec["regions"]),
        target_groups=_terms(TargetGroup, spec["target_groups"]),
        documents=documents,
    )


def _call_texts(spec):
    texts = [spec["intro"], *spec["support_axes"], *spec["eligibility_criteria"], *spec["how_to_apply"]]
    texts += [spec["contact_name"], *(document["title"] for document in spec["documents"])]
    return texts + ([spec["apply_address"]] if spec["apply_address"] else [])


def _event(spec, today, number):
    if "start" in spec:
        start = datetime.fromisoformat(spec["start"]).replace(tzinfo=CASABLANCA)
    else:
        start = _at(today + timedelta(days=spec["start_days"]), 10)
    # The photos of an event's gallery, ``gallery`` of them in its data, each a different picture.
    photos = [_demo_picture(f"event-{number + 1}-{n + 1}", number * 3 + n) for n in range(spec.get("gallery", 0))]
    return EventPage(
        **arabic(spec, "title", "slug", "intro", "place", "organisers"),
        start=start,
        end=start + timedelta(hours=spec["hours"]),
        region=Region.objects.get(code=spec["region"]),
        partners=spec["partners"][0] if spec["partners"] else "",
        participants=spec["participants"],
        body=[("paragraph", paragraphs([pair])) for pair in spec["report"]],
        sectors=_terms(Sector, spec["sectors"]),
        gallery=[EventPhoto(image=photo) for photo in photos],
    )


def _event_texts(spec):
    texts = [spec["intro"], spec["place"], spec["organisers"], *spec["report"]]
    return texts + ([spec["partners"]] if spec["partners"] else [])


def _news(spec, today, number):
    return NewsPage(
        **arabic(spec, "title", "slug", "intro"),
        date=date.fromisoformat(spec["date"]) if "date" in spec else today + timedelta(days=spec["date_days"]),
        body=[("paragraph", paragraphs([pair])) for pair in spec["body"]],
        sectors=_terms(Sector, spec["sectors"]),
        regions=_terms(Region, spec["regions"]),
        image=_demo_picture(f"news-{number + 1}", number),
    )


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

    def draw():
        sky, field, crate = PALETTES[number % len(PALETTES)]
        shuffle = random.Random(number)
        picture = Image.new("RGB", (960, 540), sky)
        pencil = ImageDraw.Draw(picture)
        horizon = shuffle.randint(300, 380)
        pencil.rectangle((0, horizon, 960, 540), fill=field)
        for x in range(40, 920, shuffle.randint(130, 190)):
            top = horizon + shuffle.randint(10, 60)
            pencil.rectangle((x, top, x + 100, top + 80), fill=crate, outline="#3b2a14", width=4)
        sun = shuffle.randint(80, 860)
        pencil.ellipse((sun, 40, sun + 110, 150), fill="#f2a900")
        return picture

    return demo_image(f"demo-programs-{key}", f"{key}.jpg", draw)
