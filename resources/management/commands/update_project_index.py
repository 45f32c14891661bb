"""manage.py update_project_index [--recreate] — the project bank's Elasticsearch index, rebuilt from the database.

Pages, partners and other models are in Wagtail's own indexes (``manage.py update_index``); the project models
of every locale go to ``<ELASTICSEARCH_INDEX_PREFIX>projects`` (resources/elasticsearch.py), which every save and
delete keeps up to date: this command fills it the first time, after a change of its mapping, or after
Elasticsearch was down while project models changed.
"""

from django.core.management.base import BaseCommand, CommandError
from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch.helpers import BulkIndexError
from elasticsearch_dsl.exceptions import IllegalOperation
from tqdm import tqdm

from resources.elasticsearch import (
    connection_settings,
    index_projects,
    project_index,
    project_index_name,
    redacted_url,
    remove_stale_documents,
)
from resources.models import ProjectModel

REQUEST_TIMEOUT = 30


class ProgressOutput:
    """The command's standard error as tqdm writes to it: its text as it comes, no line ending or colour added."""

    def __init__(self, output):
        self.output = output

    def write(self, text):
        self.output.write(text, style_func=str, ending="")

    def flush(self):
        self.output.flush()


class Command(BaseCommand):
    help = "Create the project bank's Elasticsearch index if needed and index every live project model."

    def add_arguments(self, parser):
        parser.add_argument(
            "--recreate", action="store_true", help="Delete the index first (needed after a change of analysis)."
        )
        parser.add_argument("--chunk-size", type=int, default=500, help="Project models per bulk request.")

    def handle(self, *args, recreate=False, chunk_size=500, verbosity=1, **options):
        url, prefix = connection_settings()
        if not url:
            raise CommandError(
                "ELASTICSEARCH_URL is not set: the project index lives in Elasticsearch. "
                "Set it to the server's address, for instance ELASTICSEARCH_URL=http://127.0.0.1:9200."
            )
        client = self.connect(url)
        name = project_index_name(prefix)
        index = project_index(name)
        try:
            if recreate:
                client.options(ignore_status=404).indices.delete(index=name)
            index.save(using=client)
        except IllegalOperation as error:
            raise CommandError(f"The index {name} has another analysis: run again with --recreate. ({error})") from None
        except (ApiError, TransportError) as error:
            raise CommandError(
                f"Could not create or update the index {name}: {error} (after a change of its mapping, run again "
                "with --recreate)"
            ) from None

        projects = (
            ProjectModel.objects.live()
            .select_related("locale", "sector")
            .prefetch_related("regions", "target_groups")
            .order_by("pk")
        )
        total = projects.count()
        bar = tqdm(
            total=total,
            unit="project",
            desc=name,
            disable=verbosity == 0,
            file=ProgressOutput(self.stderr),
        )
        try:
            with bar:
                kept = index_projects(
                    client, name, projects.iterator(chunk_size=chunk_size), chunk_size=chunk_size, progress=bar.update
                )
            client.indices.refresh(index=name)
            removed = remove_stale_documents(client, name, kept)
            client.indices.refresh(index=name)
        except BulkIndexError as error:
            first = error.errors[0] if error.errors else {}
            raise CommandError(f"{len(error.errors)} project models could not be indexed, first: {first}") from None
        except (ApiError, TransportError) as error:
            raise CommandError(f"Indexing into {name} failed: {error}") from None

        if verbosity:
            message = f"Indexed {len(kept)} project models into {name}"
            if removed:
                message += f"; removed {removed} that are no longer published"
            self.stdout.write(self.style.SUCCESS(message + "."))

    def connect(self, url):
        """A client for ``url``, once the server has answered; a CommandError (no traceback) otherwise."""
        try:
            client = Elasticsearch(url, request_timeout=REQUEST_TIMEOUT)
            client.options(request_timeout=10, max_retries=0).info()
        except (ApiError, TransportError, ValueError) as error:
            raise CommandError(f"Cannot reach Elasticsearch at {redacted_url(url)}: {error}") from None
        return client
