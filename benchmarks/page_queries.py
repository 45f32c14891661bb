"""SQL queries and render time per public page type. Prints figures; never pass/fail.

.venv/bin/python benchmarks/page_queries.py                         # the demo database (after `make setup`)
.venv/bin/python benchmarks/page_queries.py --projects 4000 --calls 400
    # side by side: the demo database, and a copy of it in var/ grown to 4,000 project models, 400 calls and
    # proportionate partners (1 per 10 project models), news and events (1 per 2 calls)
DATABASE_URL=postgres://… .venv/bin/python benchmarks/page_queries.py   # PostgreSQL (single size)
DJANGO_SETTINGS_MODULE=portal.settings.test …                        # DEBUG off, as in production

The page's shared values are warmed by a first request, as after any visit following a content change; without
--projects, the first request after a content change (every cached value and fragment computed again) is measured
too.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

RUNS = int(os.environ.get("RUNS", "20"))


def setup_django():
    import django

    django.setup()


def urls():
    from wagtail.models import Locale, Page

    from programs.models import CallIndexPage
    from resources.models import FundingPartner, PartnerDirectoryPage, ProjectBankPage, ProjectModel

    found = {}
    for page in Page.objects.live().specific().filter(depth__gte=2).order_by("path"):
        found.setdefault(f"{type(page).__name__} ({page.locale.language_code})", page.url)
    for code in ("ar", "fr"):
        locale = Locale.objects.get(language_code=code)
        bank = ProjectBankPage.objects.live().filter(locale=locale).first()
        directory = PartnerDirectoryPage.objects.live().filter(locale=locale).first()
        calls = CallIndexPage.objects.live().filter(locale=locale).first()
        project = ProjectModel.objects.live().filter(locale=locale).order_by("pk").first()
        partner = FundingPartner.objects.live().filter(locale=locale).order_by("pk").first()
        if bank and project:
            found[f"project model ({code})"] = bank.url + bank.reverse_subpage("detail", kwargs={"slug": project.slug})
            found[f"project bank filtered p2 ({code})"] = bank.url + "?sector=agri-food&region=oriental&page=2"
        if directory and partner:
            found[f"funding partner ({code})"] = directory.url + directory.reverse_subpage(
                "detail", kwargs={"slug": partner.slug}
            )
        if calls:
            found[f"calls filtered ({code})"] = calls.url + "?status=open&sector=agri-food"
        found[f"feed calls ({code})"] = f"/{code}/feeds/calls/"
        found[f"feed news ({code})"] = f"/{code}/feeds/news/"
        found[f"feed events ({code})"] = f"/{code}/feeds/events.ics"
    found["search (ar)"] = "/ar/search/?q=%D8%AA%D8%B9%D8%A7%D9%88%D9%86%D9%8A%D8%A9"
    found["search (fr)"] = "/fr/search/?q=coop%C3%A9rative"
    found["api search (ar)"] = "/api/search/?q=%D8%AA%D8%B9%D8%A7%D9%88%D9%86%D9%8A%D8%A9&locale=ar"
    found["api search (fr)"] = "/api/search/?q=cooperative&locale=fr"
    return found


def measure(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches and template loading
    timings = []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
    warm = (response.status_code, len(queries), statistics.median(timings), max(timings), len(response.content))
    return warm + cold(client, url)


def cold(client, url, runs=5):
    """(queries, median ms) of the first request after a content change: the generation renewed, every value and
    fragment cached under it (serving.generation) computed again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from serving import generation

    timings = []
    for _ in range(runs):
        generation.bump()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
    return len(queries), statistics.median(timings)


def measure_all():
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    return {kind: measure(client, url) for kind, url in urls().items()}


def grow(projects, calls):
    """Grow the database to ``projects`` project models and ``calls`` calls (both languages together)."""
    from datetime import timedelta

    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale

    from portal.models import Region, Sector, TargetGroup
    from programs.models import CallIndexPage, CallPage, EventIndexPage, EventPage, NewsIndexPage, NewsPage
    from resources.models import FundingPartner, ProjectModel

    locales = list(Locale.objects.filter(language_code__in=("ar", "fr")))
    sectors, regions, groups = list(Sector.objects.all()), list(Region.objects.all()), list(TargetGroup.objects.all())
    now = timezone.now()

    def publish(parent, page, **relations):
        for name, values in relations.items():
            getattr(page, name).set(values)
        parent.add_child(instance=page)
        page.save_revision().publish()

    with transaction.atomic():
        missing = projects - ProjectModel.objects.count()
        for number in range(max(missing, 0)):
            locale = locales[number % len(locales)]
            project = ProjectModel(
                locale=locale,
                key=f"bench-{number}",
                title=f"bench project {number}",
                summary="…",
                sector=sectors[number % len(sectors)],
            )
            project.regions = [regions[number % len(regions)], regions[(number + 3) % len(regions)]]
            project.target_groups = [groups[number % len(groups)]]
            project.save()
        for number in range(max(projects // 10 - FundingPartner.objects.count(), 0)):
            partner = FundingPartner(
                locale=locales[number % len(locales)],
                key=f"bench-partner-{number}",
                name=f"bench partner {number}",
                kind="agency",
                support_types=["grant"],
            )
            partner.sectors = [sectors[number % len(sectors)]]
            partner.regions = [regions[number % len(regions)]]
            partner.save()
        extra_calls = max(calls - CallPage.objects.count(), 0)
        for number in range(extra_calls):
            locale = locales[number % len(locales)]
            deadline = now + timedelta(days=(number % 60) - 20)  # a third closed, the rest open or closing soon
            call = CallPage(
                title=f"bench call {number}",
                slug=f"bench-call-{number}",
                intro="…",
                opening_date=deadline - timedelta(days=45),
                deadline=deadline,
            )
            publish(
                CallIndexPage.objects.get(locale=locale),
                call,
                sectors=[sectors[number % len(sectors)]],
                regions=[regions[number % len(regions)]],
            )
        for number in range(extra_calls // 2):
            locale = locales[number % len(locales)]
            publish(
                NewsIndexPage.objects.get(locale=locale),
                NewsPage(title=f"bench news {number}", slug=f"bench-news-{number}", intro="…", body=[]),
            )
            start = now + timedelta(days=(number % 60) - 30)
            publish(
                EventIndexPage.objects.get(locale=locale),
                EventPage(
                    title=f"bench event {number}",
                    slug=f"bench-event-{number}",
                    intro="…",
                    start=start,
                    end=start + timedelta(hours=3),
                    place="…",
                    region=regions[number % len(regions)],
                ),
            )


def sizes():
    from programs.models import CallPage
    from resources.models import ProjectModel

    return f"{ProjectModel.objects.count()} projects, {CallPage.objects.count()} calls"


def child(args):
    setup_django()
    if args.grow:
        grow(args.projects, args.calls)
    print(json.dumps({"size": sizes(), "figures": measure_all()}))


def run_child(database, extra=()):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    output = subprocess.run(
        [sys.executable, __file__, "--child", *extra], env=env, check=True, stdout=subprocess.PIPE, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int)
    parser.add_argument("--calls", type=int)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--grow", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)
    if not (args.projects or args.calls):
        setup_django()
        print(
            f"{'page type':<34} {'status':>6} {'queries':>8} {'median ms':>10} {'max ms':>8} {'bytes':>8}"
            f" | {'after a change: queries':>24} {'ms':>6}"
        )
        for kind, (status, queries, median, worst, size, cold_queries, cold_ms) in measure_all().items():
            print(
                f"{kind:<34} {status:>6} {queries:>8} {median:>10.1f} {worst:>8.1f} {size:>8}"
                f" | {cold_queries:>24} {cold_ms:>6.1f}"
            )
        return None
    if os.environ.get("DATABASE_URL"):
        sys.exit("--projects/--calls build SQLite copies in var/; unset DATABASE_URL")
    (ROOT / "var").mkdir(exist_ok=True)
    small_db = ROOT / "var" / "page_queries_small.sqlite3"
    large_db = ROOT / "var" / f"page_queries_{args.projects or 0}p_{args.calls or 0}c.sqlite3"
    shutil.copyfile(ROOT / "db.sqlite3", small_db)
    if not large_db.exists():
        shutil.copyfile(ROOT / "db.sqlite3", large_db)
        grow_args = ["--grow", "--projects", str(args.projects or 0), "--calls", str(args.calls or 0)]
        try:
            large = run_child(large_db, grow_args)
        except BaseException:
            large_db.unlink()  # never reuse a half-grown copy
            raise
    else:
        large = run_child(large_db)
    small = run_child(small_db)
    print(f"{'':<34} {small['size']:>30} | {large['size']:>30}")
    print(
        f"{'page type':<34} {'queries':>8} {'median ms':>10} {'max ms':>10} | {'queries':>8} {'median ms':>10} {'max ms':>10}"
    )
    for kind, (status, queries, median, worst, *_rest) in small["figures"].items():
        other = large["figures"].get(kind)
        right = f"{other[1]:>8} {other[2]:>10.1f} {other[3]:>10.1f}" if other else f"{'—':>8}"
        flag = "" if status == 200 and (not other or other[0] == 200) else f"  status {status}/{other and other[0]}"
        print(f"{kind:<34} {queries:>8} {median:>10.1f} {worst:>10.1f} | {right}{flag}")
    return None


if __name__ == "__main__":
    main()
