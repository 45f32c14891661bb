"""Search at scale: indexing time and query latency of the project bank, analyzed vs raw. Prints figures only.

.venv/bin/python benchmarks/search_bench.py [--sizes 10000 100000] [--postgres] [--max-seconds 900] [--runs 5]
    [--raw-runs 1] [--raw-max-seconds 600] [--seed 4]

Sets up Django (``DJANGO_SETTINGS_MODULE``, by default portal.settings.test) on a throw-away database: a SQLite
file in a temporary directory, or with ``--postgres`` a fresh ``portal_bench_<random>`` database on
postgres://postgres@127.0.0.1:5432 (dropped at the end). Generates N Arabic project models deterministically
(``random.Random(seed)``), then for each size:

* analyzed: indexes them with the real search fields (our analyzer, ``backend.add_bulk``: Wagtail's index and the
  project's own, search/dbindex.py) and times what the search page does — ``run_search(q, "ar",
  types=["project"])`` (every type matched, facets counted), then the first page ranked and its objects loaded —
  for one-, two- and three-word queries;
* raw: swaps ``ProjectModel.search_fields`` for plain ``SearchField`` title/summary/description, re-indexes the
  same texts and times ``backend.search(q, queryset, operator="or")`` on the same public queryset: its count and
  its first ten hits, as a plain Wagtail search page would.

Each query runs once as a warm-up, then ``--runs`` times; p50/p95 are over all runs of the 20 queries of a length.
On PostgreSQL the database is vacuumed and analyzed after each bulk indexing, as autovacuum would be soon after.
Sizes whose estimated duration would exceed what remains of ``--max-seconds`` are skipped, and said so.
"""

import argparse
import math
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PG_URL = "postgres://postgres@127.0.0.1:5432/{name}"
CHUNK = 1000

# --- Arabic text of the cooperative sector -------------------------------------------------------------------

# Each product: spellings as editors write them (hamza variants, ة/ه, diacritics, Moroccan letters).
PRODUCTS = [
    ["زيت الأركان", "زيت الاركان", "زيتِ الأَرْكان", "أركان"],
    ["الزعفران", "زعفران تالوين", "الزَّعْفَران"],
    ["الكسكس", "كسكس الشعير", "الكُسْكُس التقليدي"],
    ["النسيج", "الزربية الأمازيغية", "الزرابي", "نسيج الصوف"],
    ["العسل", "عسل الزعتر", "عسل الدغموس", "تربية النحل", "العَسَل الحُرّ"],
    ["التمور", "تمور المجهول", "نخيل التمر", "التَّمْر"],
    ["الصبار", "فاكهة الصبار", "زيت بذور الصبار", "الهندية"],
    ["الصيد البحري", "الصيد التقليدي", "تثمين السردين", "الطحالب البحرية"],
    ["السياحة البيئية", "السياحه القرويه", "دار الضيافة", "المسارات الجبلية"],
    ["الحليب", "مشتقات الحليب", "الجبن البلدي", "حليب الماعز"],
    ["الأعشاب الطبية", "النباتات العطرية", "الورد العطري", "ماء الورد"],
    ["الفخار", "الخزف", "الصناعة التقليدية", "الجلد المدبوغ"],
    ["اللوز", "الجوز", "التين المجفف", "الخروب"],
    ["الزيتون", "زيت الزيتون", "معصرة الزيتون"],
]
REGIONS = [
    "جهة سوس ماسة",
    "أگادير",
    "اكادير",
    "تارودانت",
    "تالوين",
    "جهة درعة تافيلالت",
    "الراشيدية",
    "زاكورة",
    "ورزازات",
    "جهة مراكش آسفي",
    "الصويرة",
    "جهة الشرق",
    "فكيك",
    "جهة طنجة تطوان الحسيمة",
    "شفشاون",
    "جهة بني ملال خنيفرة",
    "أزيلال",
    "جهة كلميم واد نون",
    "سيدي إفني",
    "جهة الداخلة وادي الذهب",
    "الگارة",
    "جهة فاس مكناس",
    "إفران",
]
ORGANIZATIONS = [
    "تعاونية",
    "تعاونيه",
    "التعاونية النسوية",
    "تعاونية نسائية",
    "تعاونية شبابية",
    "جمعية",
    "مجموعة ذات نفع اقتصادي",
    "اتحاد التعاونيات",
    "تَعاوُنِيَّة",
]
ACTIONS = [
    "لإنتاج",
    "لتثمين",
    "لتسويق",
    "لتحويل",
    "لتعبئة",
    "لتصدير",
    "لتجفيف",
    "لجمع",
    "وتوزيع",
    "بتثمين",
]
GROUPS = [
    "النساء القرويات",
    "الشباب",
    "حاملي الشهادات",
    "الحرفيين",
    "الفلاحين الصغار",
    "النساء",
    "الأشخاص في وضعية إعاقة",
]
SENTENCE_PARTS = [
    "يهدف المشروع إلى",
    "تسعى التعاونية إلى",
    "يتضمن النموذج",
    "يعتمد المشروع على",
    "من أجل",
    "بالإضافة إلى",
    "وذلك عبر",
    "في إطار برنامج",
    "بدعم من",
    "مع الحرص على",
]
OBJECTS = [
    "تحسين دخل الأعضاء",
    "خلق فرص الشغل",
    "الحصول على شهادة الجودة",
    "علامة المنشأ",
    "التسويق الرقمي",
    "المعارض الجهوية",
    "التجارة الإلكترونية",
    "وحدة التلفيف",
    "التكوين المستمر",
    "الاقتصاد الاجتماعي والتضامني",
    "المحافظة على الموارد الطبيعية",
    "السلسلة الإنتاجية",
    "شراكة مع الجماعة",
    "المبادرة الوطنية للتنمية البشرية",
    "مخطط المغرب الأخضر",
    "الجيل الأخضر",
    "قروض صغرى",
    "تجهيزات حديثة",
    "الأسواق الأسبوعية",
    "مكتب الجودة",
]
QUALIFIERS = ["العضوي", "البيولوجي", "التقليدي", "الممتاز", "المحلي", "الجبلي", "الواحي", "البحري", "الحرفي"]

# Queries as people type them: no diacritics, bare alef, ه for ة, clitics, colloquial spellings.
QUERIES = {
    1: [
        "اركان",
        "زعفران",
        "كسكس",
        "الزرابي",
        "عسل",
        "تمر",
        "الصبار",
        "السردين",
        "سياحه",
        "تعاونيه",
        "اكادير",
        "تالوين",
        "النساء",
        "الشباب",
        "تسويق",
        "الحليب",
        "الفخار",
        "اللوز",
        "الزيتون",
        "تصدير",
    ],
    2: [
        "زيت اركان",
        "تعاونيه نسائيه",
        "عسل الزعتر",
        "زعفران تالوين",
        "تمور المجهول",
        "نسيج الصوف",
        "سياحه بيئيه",
        "الصيد البحري",
        "دار الضيافه",
        "حليب الماعز",
        "ماء الورد",
        "الجلد المدبوغ",
        "زيت الزيتون",
        "التين المجفف",
        "تربيه النحل",
        "فاكهه الصبار",
        "التجاره الالكترونيه",
        "شهاده الجوده",
        "الطحالب البحريه",
        "النساء القرويات",
    ],
    3: [
        "تعاونيه زيت اركان",
        "تعاونية نسوية للزعفران",
        "عسل الزعتر البلدي",
        "كسكس الشعير التقليدي",
        "تسويق التمور بالراشيدية",
        "زربيه امازيغيه تقليديه",
        "سياحه بيئيه شفشاون",
        "الصيد البحري بالداخلة",
        "مشتقات الحليب الماعز",
        "النباتات العطرية والطبية",
        "تثمين الصبار سيدي افني",
        "وحده تلفيف الزيتون",
        "شباب حاملي الشهادات",
        "تمويل تعاونيه فلاحيه",
        "الاقتصاد الاجتماعي التضامني",
        "معصره زيت الزيتون",
        "تجفيف التين واللوز",
        "فخار وخزف تقليدي",
        "مشروع للنساء القرويات",
        "علامه المنشا للعسل",
    ],
}


def project_texts(rng):
    """(title, summary, description) of one generated project model."""
    product = rng.choice(PRODUCTS)
    region = rng.choice(REGIONS)
    title = f"{rng.choice(ORGANIZATIONS)} {rng.choice(ACTIONS)} {rng.choice(product)} {rng.choice(QUALIFIERS)}"
    if rng.random() < 0.6:
        title += f" ب{region}" if rng.random() < 0.5 else f" في {region}"
    summary = (
        f"{rng.choice(SENTENCE_PARTS)} {rng.choice(OBJECTS)} لفائدة {rng.choice(GROUPS)} "
        f"عبر {rng.choice(product)} {rng.choice(QUALIFIERS)} في {region}."
    )
    sentences = []
    for _ in range(rng.randint(4, 9)):
        words = [rng.choice(SENTENCE_PARTS), rng.choice(OBJECTS)]
        if rng.random() < 0.7:
            words.append(rng.choice(rng.choice(PRODUCTS)))
        if rng.random() < 0.5:
            words += ["لفائدة", rng.choice(GROUPS)]
        if rng.random() < 0.4:
            words += ["في", rng.choice(REGIONS)]
        if rng.random() < 0.2:
            words.append(rng.choice(["(٢٠٢٥)", "2024", "١٢ عضوا", "50 ألف درهم"]))
        sentence = " ".join(words)
        if rng.random() < 0.1:
            sentence = sentence.replace("ا", "ـا", 1)  # tatweel
        sentences.append(sentence + rng.choice([".", "،", "؛", "."]))
    return title[:255], summary[:600], " ".join(sentences)


# --- Django on a throw-away database -------------------------------------------------------------------------


def create_postgres_database():
    import psycopg

    name = f"portal_bench_{secrets.token_hex(4)}"
    with psycopg.connect(PG_URL.format(name="postgres"), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return name


def drop_postgres_database(name):
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(PG_URL.format(name="postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def setup_django(database_url):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    os.environ["DATABASE_URL"] = database_url
    import django
    from django.core.management import call_command

    django.setup()
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    return time.perf_counter() - started


# --- Benchmark -----------------------------------------------------------------------------------------------


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def generate(start, stop, seed):
    """Create project models number ``start`` to ``stop - 1`` (bulk), with their regions and target groups."""
    from django.db import transaction
    from wagtail.models import Locale

    from portal.models import Region, Sector, TargetGroup
    from resources.models import ProjectModel
    from serving import generation

    arabic, _ = Locale.objects.get_or_create(language_code="ar")
    sectors = list(Sector.objects.all())
    regions = list(Region.objects.values_list("pk", flat=True))
    groups = list(TargetGroup.objects.values_list("pk", flat=True))
    for start_chunk in range(start, stop, CHUNK):
        numbers = range(start_chunk, min(stop, start_chunk + CHUNK))
        objects = []
        for number in numbers:
            rng = random.Random(seed * 1_000_003 + number)
            title, summary, description = project_texts(rng)
            objects.append(
                ProjectModel(
                    title=title,
                    summary=summary,
                    description=description,
                    sector=rng.choice(sectors),
                    locale=arabic,
                    live=True,
                    key=f"bench-{number}",
                    slug=f"bench-{number}",
                )
            )
        with transaction.atomic():
            created = ProjectModel.objects.bulk_create(objects)
            links = []
            for relation, pool in (("regions", regions), ("target_groups", groups)):
                field = ProjectModel._meta.get_field(relation)
                through = field.remote_field.through
                source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
                links = []
                for project in created:
                    rng = random.Random(seed * 7919 + project.pk)
                    for term in rng.sample(pool, rng.randint(0 if relation == "regions" else 1, 2)):
                        links.append(through(**{f"{source}_id": project.pk, f"{target}_id": term}))
                through.objects.bulk_create(links)
    # bulk_create sends no signal: say that the content changed, as any bulk writer must (search/visible.py).
    generation.bump()


def index_all():
    """Re-index every project model from scratch with the current search fields; returns seconds."""
    from wagtail.search.backends import get_search_backend

    from resources.models import ProjectModel

    backend = get_search_backend()
    backend.reset_indexes()
    pks = list(ProjectModel.objects.order_by("pk").values_list("pk", flat=True))
    started = time.perf_counter()
    for first in range(0, len(pks), CHUNK):
        chunk = pks[first : first + CHUNK]
        objects = list(
            ProjectModel.objects.filter(pk__in=chunk)
            .select_related("sector", "locale")
            .prefetch_related("regions", "target_groups")
        )
        backend.add_bulk(ProjectModel, objects)
    seconds = time.perf_counter() - started
    settle_index()
    return seconds


def settle_index():
    """On PostgreSQL, what autovacuum does within a minute or two of a bulk load, done at once so that it does
    not run on the other core during the measurements: vacuum and analyze every table (the GIN indexes'
    pending lists merged, the planner's statistics refreshed). Not timed."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def measure(search, runs, seconds=None):
    """{words: (p50 ms, p95 ms, queries without hits, mean hits, queries measured)} of ``search(query) -> number
    of hits``. With ``seconds``, stops once that much time has gone (the raw phase on SQLite can take minutes
    per query): the figures are then over the queries measured, and say so."""
    table, deadline = {}, None if seconds is None else time.monotonic() + seconds
    for words, queries in QUERIES.items():
        timings, empty, hits = [], 0, []
        for query in queries:
            if deadline is not None and time.monotonic() > deadline:
                break
            found = search(query)  # warm-up
            hits.append(found)
            empty += found == 0
            for _ in range(runs):
                started = time.perf_counter()
                search(query)
                timings.append((time.perf_counter() - started) * 1000)
        if not timings:
            table[words] = (math.nan, math.nan, 0, math.nan, 0)
            continue
        table[words] = (
            percentile(timings, 0.5),
            percentile(timings, 0.95),
            empty,
            statistics.mean(hits),
            len(hits),
        )
    return table


def analyzed_search(query):
    """What the search page does: run_search (facets included), then the first page, ranked, with its objects."""
    from search.engine import run_search

    results = run_search(query, "ar", types=["project"])
    [hit.title for hit in results.page(1)]
    return results.count


def raw_search(query):
    """What a plain Wagtail search page does with the database backend on the raw text (no analyzer, no
    synonyms): the count and the first ten hits by the backend's own ranking, on the same public queryset."""
    from wagtail.models import Locale
    from wagtail.search.backends import get_search_backend

    from resources.models import ProjectModel
    from search.engine import PER_PAGE, searchable_queryset

    queryset = searchable_queryset(ProjectModel, Locale.objects.get(language_code="ar"))
    found = get_search_backend().search(query, queryset, operator="or")
    [hit.title for hit in found[:PER_PAGE]]
    return found.count()


def raw_search_fields():
    from wagtail.search import index

    return [
        index.SearchField("title"),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("id"),
        index.FilterField("locale"),
        index.FilterField("live"),
    ]


def run_size(size, existing, args):
    from resources.models import ProjectModel

    result = {"size": size}
    started = time.perf_counter()
    generate(existing, size, args.seed)
    result["generate_s"] = time.perf_counter() - started

    result["analyzed_index_s"] = index_all()
    result["analyzed"] = measure(analyzed_search, args.runs)
    # Printed at once: on SQLite the raw phase (the backend ranks every match) can take many minutes at 10,000.
    print(f"\n{size:,} analyzed, indexed in {result['analyzed_index_s']:.1f} s:", flush=True)
    for words, (p50, p95, empty, hits, _measured) in result["analyzed"].items():
        print(f"  {words} word(s): p50 {p50:.1f} ms, p95 {p95:.1f} ms, {empty}/20 empty, {hits:.0f} hits", flush=True)

    analyzed_fields = ProjectModel.search_fields
    ProjectModel.search_fields = raw_search_fields()
    try:
        result["raw_index_s"] = index_all()
        result["raw"] = measure(raw_search, args.raw_runs or args.runs, args.raw_max_seconds)
    finally:
        ProjectModel.search_fields = analyzed_fields
    result["total_s"] = time.perf_counter() - started
    return result


def print_result(database, result):
    size = result["size"]
    print(f"\n== {database}, {size:,} project models (generated in {result['generate_s']:.1f} s) ==")
    for kind in ("analyzed", "raw"):
        seconds = result[f"{kind}_index_s"]
        print(f"{kind:>8} indexing: {seconds:7.1f} s  {size / seconds:8,.0f} docs/s")
    print(
        f"{'words':>5} | {'analyzed p50':>12} {'p95 ms':>7} {'empty':>5} {'hits':>6} | "
        f"{'raw p50':>8} {'p95 ms':>7} {'empty':>5} {'hits':>6}"
    )
    for words in QUERIES:
        a50, a95, aempty, ahits, _ameasured = result["analyzed"][words]
        r50, r95, rempty, rhits, rmeasured = result["raw"][words]
        print(
            f"{words:>5} | {a50:12.1f} {a95:7.1f} {aempty:>2}/20 {ahits:6.0f} | "
            f"{r50:8.1f} {r95:7.1f} {rempty:>2}/{rmeasured:<2} {rhits:6.0f}"
        )
    print("(empty: queries of that length that found nothing, of those measured; hits: mean hits per query)")


def estimate_seconds(size, existing, per_document):
    """Generation of the new documents, two full indexings and the queries (latency grows with the number of
    documents matched), from the cost per document seen so far."""
    return per_document["generate"] * (size - existing) + (per_document["index"] * 2 + per_document["query"]) * size


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--postgres", action="store_true", help="a fresh PostgreSQL database instead of SQLite")
    parser.add_argument("--max-seconds", type=float, default=900)
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each query after one warm-up")
    parser.add_argument("--raw-runs", type=int, help="timed runs of each query on the raw index (default: --runs)")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument(
        "--raw-max-seconds",
        type=float,
        help="stop the raw phase of a size after this long and report the queries measured (default: no limit)",
    )
    args = parser.parse_args()
    deadline = time.monotonic() + args.max_seconds

    database_name, temporary = None, None
    if args.postgres:
        database_name = create_postgres_database()
        url, database = PG_URL.format(name=database_name), f"PostgreSQL ({database_name})"
    else:
        temporary = tempfile.TemporaryDirectory(prefix="portal_bench_")
        url, database = f"sqlite:///{temporary.name}/bench.sqlite3", "SQLite"
    try:
        migrate_s = setup_django(url)
        from django.db import connection

        print(f"{database} {connection.vendor} — migrate {migrate_s:.1f} s, seed {args.seed}, {args.runs} runs/query")
        # First guess of the cost per document (refined after each size): generation + analysis of 200 texts.
        from search.analysis import analyzed_text

        rng, started = random.Random(args.seed), time.perf_counter()
        for _ in range(200):
            analyzed_text(" ".join(project_texts(rng)))
        per_text = (time.perf_counter() - started) / 200
        per_document = {"generate": per_text * 3, "index": per_text * 4, "query": 0.01}
        existing, results = 0, []
        for size in sorted(set(args.sizes)):
            remaining = deadline - time.monotonic()
            estimate = estimate_seconds(size, existing, per_document)
            if estimate > remaining:
                print(f"\nskipped {size:,}: estimated {estimate:.0f} s, {remaining:.0f} s left of --max-seconds")
                continue
            result = run_size(size, existing, args)
            results.append(result)
            print_result(database, result)
            per_document = {
                "generate": result["generate_s"] / (size - existing),
                "index": max(result["analyzed_index_s"], result["raw_index_s"]) / size,
                "query": (result["total_s"] - result["generate_s"] - result["analyzed_index_s"] - result["raw_index_s"])
                / size,
            }
            existing = size
        print(f"\nSummary — {database}")
        print(
            f"{'docs':>8} {'kind':>8} {'index s':>8} {'docs/s':>8} "
            + " ".join(f"{f'{w}w p50/p95 ms':>16}" for w in QUERIES)
            + f" {'empty':>6}"
        )
        for result in results:
            for kind in ("analyzed", "raw"):
                seconds = result[f"{kind}_index_s"]
                cells = " ".join(f"{f'{result[kind][w][0]:.1f}/{result[kind][w][1]:.1f}':>16}" for w in QUERIES)
                empty = sum(result[kind][w][2] for w in QUERIES)
                measured = sum(result[kind][w][4] for w in QUERIES)
                print(
                    f"{result['size']:>8,} {kind:>8} {seconds:8.1f} {result['size'] / seconds:8,.0f} {cells} "
                    f"{empty:>3}/{measured}"
                )
    finally:
        if database_name:
            drop_postgres_database(database_name)
            print(f"dropped {database_name}")
        if temporary:
            temporary.cleanup()


if __name__ == "__main__":
    main()
