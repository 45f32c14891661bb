"""An in-memory Elasticsearch behind the real client and transport (a node class of elastic-transport), for the
project bank's index without a server: it keeps what bulk requests write, answers the listing's searches with
the query-DSL subset they use (bool, term, terms, exists; post_filter; filter, terms and missing aggregations;
sort, from, size), and records every request. The live tests (ELASTICSEARCH_URL) check the same requests against a
real server.
"""

import json
from typing import NamedTuple

from elastic_transport import ApiResponseMeta, BaseNode, ConnectionError, HttpHeaders
from elasticsearch import Elasticsearch

URL = "http://es.test:9200"
HEADERS = {"x-elastic-product": "Elasticsearch", "content-type": "application/json"}


class Answer(NamedTuple):
    """What a node gives the transport: the response's metadata and its raw body."""

    meta: ApiResponseMeta
    body: bytes


def values(document, name):
    value = document.get(name)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def matches(query, document):
    """Whether ``document`` (its source) matches ``query``, for the clauses the project bank's requests use."""
    ((kind, spec),) = query.items()
    if kind == "match_all":
        return True
    if kind == "term":
        ((name, value),) = spec.items()
        return (value["value"] if isinstance(value, dict) else value) in values(document, name)
    if kind == "terms":
        ((name, wanted),) = spec.items()
        return bool(set(wanted) & set(values(document, name)))
    if kind == "exists":
        return bool(values(document, spec["field"]))
    if kind == "bool":
        required = listed(spec.get("filter")) + listed(spec.get("must"))
        should = listed(spec.get("should"))
        at_least = spec.get("minimum_should_match", 0 if required else 1) if should else 0
        return (
            all(matches(clause, document) for clause in required)
            and not any(matches(clause, document) for clause in listed(spec.get("must_not")))
            and sum(matches(clause, document) for clause in should) >= at_least
        )
    raise NotImplementedError(kind)


def listed(clauses):
    if clauses is None:
        return []
    return clauses if isinstance(clauses, list) else [clauses]


def aggregate(spec, documents):
    ((kind, options),) = ((key, value) for key, value in spec.items() if key != "aggs")
    if kind == "filter":
        documents = [document for document in documents if matches(options, document)]
        result = {"doc_count": len(documents)}
    elif kind == "missing":
        result = {"doc_count": sum(1 for document in documents if not values(document, options["field"]))}
    elif kind == "terms":
        counts = {}
        for document in documents:
            for value in set(values(document, options["field"])):
                counts[value] = counts.get(value, 0) + 1
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[: options.get("size", 10)]
        return {"buckets": [{"key": key, "doc_count": count} for key, count in ordered]}
    else:
        raise NotImplementedError(kind)
    for name, child in spec.get("aggs", {}).items():
        result[name] = aggregate(child, documents)
    return result


def sort_key(sort):
    fields = [next(iter(clause)) if isinstance(clause, dict) else clause for clause in sort]

    def key(document):
        return [values(document, name)[:1] for name in fields]

    return key


class FakeElasticsearch:
    """The server: ``indexes[name][id]`` holds each entry's source, ``requests`` each (method, path, body)."""

    def __init__(self):
        self.indexes = {}
        self.requests = []
        self.down = False

    def client(self):
        server = self

        class Node(BaseNode):
            def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
                if server.down:
                    raise ConnectionError("Connection refused")
                status, payload = server.handle(method, target.split("?")[0], body)
                meta = ApiResponseMeta(
                    status=status, http_version="1.1", headers=HttpHeaders(HEADERS), duration=0.0, node=self.config
                )
                return Answer(meta, b"" if method == "HEAD" else json.dumps(payload).encode())

        return Elasticsearch(URL, node_class=Node, max_retries=0)

    def searches(self):
        return [body for method, path, body in self.requests if path.endswith("/_search")]

    def bulk_actions(self):
        return [line for method, path, body in self.requests if path == "/_bulk" for line in body]

    def handle(self, method, path, body):
        if path == "/_bulk":
            lines = [json.loads(line) for line in body.decode().splitlines() if line.strip()]
            self.requests.append((method, path, lines))
            return 200, {"errors": False, "items": self.write(lines)}
        parsed = json.loads(body) if body else None
        self.requests.append((method, path, parsed))
        name, _, action = path.strip("/").partition("/")
        if action == "_search":
            if name not in self.indexes:
                return 404, {"error": {"type": "index_not_found_exception"}, "status": 404}
            return 200, self.search(name, parsed)
        if action == "" and method == "HEAD":
            return (200 if name in self.indexes else 404), None
        if action == "" and method == "PUT":
            self.indexes[name] = {}
            return 200, {"acknowledged": True, "index": name}
        raise NotImplementedError(f"{method} {path}")

    def write(self, lines):
        items = []
        while lines:
            action = lines.pop(0)
            ((kind, meta),) = action.items()
            index = self.indexes.setdefault(meta["_index"], {})
            meta["_id"] = str(meta["_id"])  # Elasticsearch keeps every id as a string
            if kind == "index":
                index[meta["_id"]] = lines.pop(0)
                items.append({"index": {"_id": meta["_id"], "status": 201}})
            else:
                status = 200 if index.pop(meta["_id"], None) is not None else 404
                items.append({"delete": {"_id": meta["_id"], "status": status}})
        return items

    def search(self, name, body):
        found = [(pk, source) for pk, source in self.indexes[name].items() if matches(body["query"], source)]
        hits = [(pk, source) for pk, source in found if matches(body.get("post_filter", {"match_all": {}}), source)]
        hits.sort(key=lambda hit: sort_key(body["sort"])(hit[1]))
        start = body.get("from", 0)
        page = hits[start : start + body.get("size", 10)]
        documents = [source for _pk, source in found]
        return {
            "took": 1,
            "timed_out": False,
            "hits": {
                "total": {"value": len(hits), "relation": "eq"},
                "hits": [{"_index": name, "_id": pk, "_score": None} for pk, _source in page],
            },
            "aggregations": {key: aggregate(spec, documents) for key, spec in body.get("aggs", {}).items()},
        }
