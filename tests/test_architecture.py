"""The structure the code keeps, read from its source with ``ast``: no import cycle, imports at module level unless
app loading needs them, Wagtail and Django through their public API, a core that never names a section, and
contracts between apps that are declared rather than probed with ``hasattr``.

Pure static analysis of the app packages' files that git knows (migrations aside); it imports nothing of the apps.
Run as a script, it prints the counts of ``hasattr``/``getattr`` calls and function-level imports.
"""

import ast
import re
import subprocess
from collections import deque
from functools import cache
from pathlib import Path

import django
import modelsearch
import wagtail
from django.apps import apps
from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]
APP_PACKAGES = ("portal", "home", "search", "editorial", "safety", "serving", "programs", "resources")

# Django documents these as a model's public API (Model _meta API; "Default managers": code handling any model uses
# _default_manager or _base_manager); every other underscore name of Django's or Wagtail's is private.
PUBLIC_UNDERSCORE_NAMES = {"_meta", "_default_manager", "_base_manager"}
# The settings are where the site chooses its sections (DEFAULT_SECTIONS): the one place allowed to name them.
SECTION_NAMING_EXEMPT = ("portal/settings/",)
APP_LOADING_REASON = re.compile(r"#\s*app loading:\s*\S")
SQL_WORD = re.compile(r"\b(select|from|join|insert|update|delete|table|into|where)\b", re.IGNORECASE)
FRAMEWORK_TABLE_PREFIX = re.compile(r"\b(wagtail[a-z]*_[a-z_]+|django_[a-z_]+|auth_[a-z_]+)\b")


class Source:
    """One app module: its path, dotted name and syntax tree."""

    def __init__(self, path, text):
        self.path = path
        self.text = text
        self.lines = self.text.splitlines()
        self.tree = ast.parse(self.text, filename=path)
        parts = path[: -len(".py")].split("/")
        self.is_package = parts[-1] == "__init__"
        self.module = ".".join(parts[:-1] if self.is_package else parts)
        self.package = self.module if self.is_package else self.module.rpartition(".")[0]

    def where(self, node):
        return f"{self.path}:{node.lineno}"


@cache
def app_sources():
    listed = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True)
    paths = [
        path
        for path in listed.stdout.split()
        if path.split("/")[0] in APP_PACKAGES and "/migrations/" not in path and (ROOT / path).exists()
    ]
    return [Source(path, (ROOT / path).read_text()) for path in paths]


def enclosed_nodes(tree):
    """Every node of ``tree`` with whether a function or class body encloses it."""
    stack = [(child, False) for child in ast.iter_child_nodes(tree)]
    while stack:
        node, enclosed = stack.pop()
        yield node, enclosed
        inner = enclosed or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda)
        stack.extend((child, inner) for child in ast.iter_child_nodes(node))


def docstrings(tree):
    """The constant nodes that are docstrings of a module, class or function."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def string_constants(source):
    skipped = docstrings(source.tree)
    for node in ast.walk(source.tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
            yield node


def unresolved(violations, rule):
    """The messages of the violations ``[(path, message)]`` of ``rule``."""
    return sorted(message for _path, message in violations)


def assert_clean(violations, rule):
    found = unresolved(violations, rule)
    assert not found, f"{len(found)} {rule} violation(s):\n" + "\n".join(found)


# a. No import cycle


def imported_modules(source, node, known):
    """The modules of ``known`` an import statement of ``source`` loads (the most specific module each name is)."""
    if isinstance(node, ast.Import):
        wanted = [alias.name for alias in node.names]
    else:
        if node.level:
            base = source.package.split(".")[: len(source.package.split(".")) - node.level + 1]
            module = ".".join([*base, *([node.module] if node.module else [])])
        else:
            module = node.module
        wanted = [f"{module}.{alias.name}" if f"{module}.{alias.name}" in known else module for alias in node.names]
    for name in wanted:
        while name and name not in known:
            name = name.rpartition(".")[0]
        if name and name != source.module:
            yield name


def import_graph(sources):
    """{module: {imported module: "path:line" of the first import}}, function-level imports included."""
    graph, known = {}, {source.module for source in sources}
    for source in sources:
        edges = graph.setdefault(source.module, {})
        for node in ast.walk(source.tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                for target in imported_modules(source, node, known):
                    edges.setdefault(target, source.where(node))
    return graph


def shortest_cycle(graph, start):
    """The shortest import path from ``start`` back to itself, as modules, or None."""
    came_from = {start: None}
    queue = deque([start])
    while queue:
        module = queue.popleft()
        for target in graph.get(module, {}):
            if target == start:
                path = [module]
                while came_from[path[-1]] is not None:
                    path.append(came_from[path[-1]])
                return [*reversed(path), start]
            if target not in came_from:
                came_from[target] = module
                queue.append(target)
    return None


def import_cycles(graph):
    """Each cycle once, as the "a (path:line) -> b ..." text a failure shows."""
    cycles, seen = [], set()
    for module in sorted(graph):
        if module in seen:
            continue
        cycle = shortest_cycle(graph, module)
        if cycle:
            seen.update(cycle)
            steps = [f"{a} ({graph[a][b]})" for a, b in zip(cycle, cycle[1:], strict=False)]
            cycles.append(" -> ".join([*steps, cycle[-1]]))
    return cycles


def test_no_import_cycle_between_modules():
    cycles = import_cycles(import_graph(app_sources()))
    assert not cycles, "import cycles (a module's move to a leaf module breaks one):\n" + "\n".join(cycles)


# b. Function-level imports only where app loading needs them, with the reason


def function_level_imports(sources):
    for source in sources:
        for node, enclosed in enclosed_nodes(source.tree):
            if enclosed and isinstance(node, ast.Import | ast.ImportFrom):
                yield source, node


def function_import_violations(sources):
    violations = []
    for source, node in function_level_imports(sources):
        same_line = source.lines[node.lineno - 1]
        line_above = source.lines[node.lineno - 2] if node.lineno > 1 else ""
        if not (APP_LOADING_REASON.search(same_line) or APP_LOADING_REASON.match(line_above.strip())):
            violations.append((source.path, f"{source.where(node)} {same_line.strip()}"))
    return violations


def test_function_level_imports_say_why_app_loading_needs_them():
    """A late import is a cycle or a slow start in disguise; only app loading (models not ready yet) needs one,
    and then a ``# app loading: <reason>`` comment on the line or the line above says so."""
    assert_clean(function_import_violations(app_sources()), "function-import")


# c. Wagtail and Django through their public API only


@cache
def framework_source_names():
    """{"private": underscore attribute, method and class names; "methods": every method name} of Django, Wagtail
    and Wagtail's search package, read from their source."""
    underscored = re.compile(r"(?:\.|\bdef |\bclass )(_[A-Za-z]\w*)")
    method = re.compile(r"\bdef (\w+)")
    private, methods = set(), set()
    for package in (django, wagtail, modelsearch):
        for path in Path(package.__file__).parent.rglob("*.py"):
            text = path.read_text(errors="replace")
            private.update(underscored.findall(text))
            methods.update(method.findall(text))
    return {"private": {name for name in private if is_private(name)}, "methods": methods}


def framework_private_names():
    return framework_source_names()["private"]


def is_private(name):
    return (
        name.startswith("_")
        and not (name.startswith("__") and name.endswith("__"))
        and name not in PUBLIC_UNDERSCORE_NAMES
    )


def project_defined_names(sources):
    """The names the project's own code defines: functions, classes, variables, attributes it sets, keyword
    arguments (``annotate(_rank=...)``)."""
    names = set()
    for source in sources:
        for node in ast.walk(source.tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.keyword) and node.arg:
                names.add(node.arg)
    return names


@cache
def framework_tables():
    """The database tables of every installed app that is not one of the project's."""
    return {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_config.name.split(".")[0] not in APP_PACKAGES
    }


def names_framework_table(text):
    tables = framework_tables()
    tokens = re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text)
    if any(token.startswith(table) for token in tokens for table in tables):
        return True
    return bool(SQL_WORD.search(text) and FRAMEWORK_TABLE_PREFIX.search(text))


def private_api_violations(sources, framework_names):
    defined = project_defined_names(sources)
    violations = []

    def check(source, node, name, what):
        if not is_private(name):
            return
        if name in framework_names:
            violations.append((source.path, f"{source.where(node)} {what} {name}: Django or Wagtail's own name"))
        elif name not in defined:
            violations.append((source.path, f"{source.where(node)} {what} {name}: not defined by the project"))

    for source in sources:
        for node in ast.walk(source.tree):
            if isinstance(node, ast.Attribute):
                check(source, node, node.attr, "attribute")
            elif isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and item.name in framework_names:
                        check(source, item, item.name, "method override")
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("getattr", "setattr", "hasattr", "delattr")
                and len(node.args) > 1
                and isinstance(node.args[1], ast.Constant)
                and isinstance(node.args[1].value, str)
            ):
                check(source, node, node.args[1].value, node.func.id)
            elif isinstance(node, ast.Import | ast.ImportFrom):
                modules = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                names = [alias.name for alias in node.names] if isinstance(node, ast.ImportFrom) else []
                for module in modules:
                    if module.split(".")[0] in ("django", "wagtail", "modelsearch"):
                        if any(is_private(part) for part in [*module.split("."), *names]):
                            violations.append((source.path, f"{source.where(node)} private import from {module}"))
        for node in string_constants(source):
            if names_framework_table(node.value):
                violations.append((source.path, f"{source.where(node)} SQL on a framework table: {node.value[:80]!r}"))
    return violations


def test_wagtail_and_django_through_their_public_api():
    """No underscore name of Django or Wagtail (``_meta`` aside), no private import, no SQL on their tables."""
    violations = private_api_violations(app_sources(), framework_private_names())
    assert_clean(violations, "private-api")


# d. The core neither imports nor names a section


def section_apps():
    return tuple(settings.DEFAULT_SECTIONS)


def section_naming_violations(sources, sections):
    names = "|".join(re.escape(name) for name in sections)
    label = re.compile(rf"^({names})$|\b({names})[.:_][A-Za-z]")
    violations, known = [], {source.module for source in sources}
    for source in sources:
        if source.module.split(".")[0] in sections or source.path.startswith(SECTION_NAMING_EXEMPT):
            continue
        for node in ast.walk(source.tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                for module in imported_modules(source, node, known):
                    if module.split(".")[0] in sections:
                        violations.append((source.path, f"{source.where(node)} imports {module}"))
        for node in string_constants(source):
            if label.search(node.value):
                violations.append((source.path, f"{source.where(node)} names a section: {node.value[:80]!r}"))
    return violations


def test_core_neither_imports_nor_names_a_section():
    assert set(section_apps()) == {"programs", "resources"}
    assert_clean(section_naming_violations(app_sources(), section_apps()), "section-name")


# e. Contracts between apps are declared, not probed


def probe_calls(sources, function):
    for source in sources:
        for node in ast.walk(source.tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == function:
                yield source, node


def hasattr_violations(sources):
    """Every ``hasattr``: a contract is a method of a declared base class (``Classified``, ``RoutedEntry``,
    ``ListingPage``) or a field of ``Section``, and a type is told by ``isinstance``."""
    return [
        (source.path, f"{source.where(node)} {source.lines[node.lineno - 1].strip()}")
        for source, node in probe_calls(sources, "hasattr")
    ]


def contract_methods(sources, framework_methods):
    """The methods the project's classes declare for one another: not properties, not Django's or Wagtail's."""
    names = set()
    for source in sources:
        for node in ast.walk(source.tree):
            for item in node.body if isinstance(node, ast.ClassDef) else ():
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and not any(
                    isinstance(decorator, ast.Name) and decorator.id in ("property", "cached_property")
                    for decorator in item.decorator_list
                ):
                    names.add(item.name)
    return names - framework_methods


def getattr_contract_violations(sources, framework_methods):
    """``getattr(obj, "name", default)`` where ``name`` is a contract method: a duck-typed contract."""
    methods = contract_methods(sources, framework_methods)
    return [
        (source.path, f"{source.where(node)} {source.lines[node.lineno - 1].strip()}")
        for source, node in probe_calls(sources, "getattr")
        if len(node.args) > 2 and isinstance(node.args[1], ast.Constant) and node.args[1].value in methods
    ]


def test_no_hasattr_contract_between_apps():
    """``hasattr`` nowhere, and no ``getattr`` with a default probing for a method the project's classes declare."""
    violations = hasattr_violations(app_sources()) + getattr_contract_violations(
        app_sources(), framework_source_names()["methods"]
    )
    assert_clean(violations, "hasattr")


# The checks themselves, on planted violations


def planted(files):
    """Sources of a made-up project from ``{path: text}``."""
    return [Source(path, text) for path, text in files.items()]


def test_the_cycle_check_finds_a_cycle_hidden_in_a_function():
    sources = planted(
        {
            "portal/a.py": "from portal import b\n",
            "portal/b.py": "def late():\n    from . import c\n",
            "portal/c.py": "import portal.a\n",
        },
    )
    assert import_cycles(import_graph(sources)) == [
        "portal.a (portal/a.py:1) -> portal.b (portal/b.py:2) -> portal.c (portal/c.py:1) -> portal.a"
    ]


def test_the_function_import_check_wants_an_app_loading_reason():
    sources = planted(
        {
            "portal/apps.py": (
                "class PortalConfig:\n"
                "    def ready(self):\n"
                "        # app loading: models are not ready when this module is imported\n"
                "        from . import signals\n"
                "        from . import models  # app loading: the registry fills after this module\n"
                "        from . import views  # saves time\n"
            )
        },
    )
    assert [message for _, message in function_import_violations(sources)] == [
        "portal/apps.py:6 from . import views  # saves time"
    ]


def test_the_private_api_check_finds_underscores_imports_and_sql():
    sources = planted(
        {
            "portal/own.py": (
                "from wagtail.models import _copy\n"
                "from django.db import connection\n"
                "class Own:\n"
                "    def _rank(self):\n"
                "        return self._meta, self._rank(), request._wagtail_route_for_request, page._unknown\n"
                "    def _post_clean(self):\n"
                "        pass\n"
                "def count():\n"
                "    connection.cursor().execute('SELECT COUNT(*) FROM wagtailcore_page')\n"
                "    return getattr(page, '_other', None), 'wagtailadmin_pages:edit'\n"
            )
        },
    )
    messages = [
        message for _, message in private_api_violations(sources, {"_post_clean", "_wagtail_route_for_request"})
    ]
    assert sorted(messages) == sorted(
        [
            "portal/own.py:1 private import from wagtail.models",
            "portal/own.py:5 attribute _wagtail_route_for_request: Django or Wagtail's own name",
            "portal/own.py:5 attribute _unknown: not defined by the project",
            "portal/own.py:6 method override _post_clean: Django or Wagtail's own name",
            "portal/own.py:10 getattr _other: not defined by the project",
            "portal/own.py:9 SQL on a framework table: 'SELECT COUNT(*) FROM wagtailcore_page'",
        ]
    )


def test_the_section_check_finds_imports_and_labels():
    sources = planted(
        {
            "programs/__init__.py": "",
            "programs/models.py": "LABEL = 'programs.CallPage'\n",
            "home/views.py": (
                '"""Shows what programs.CallPage offers (a docstring may say it)."""\n'
                "from programs.models import LABEL\n"
                "def f(model):\n"
                "    return model._meta.app_label == 'programs', 'programs.CallPage', 'programmes', 'my programs'\n"
            ),
        },
    )
    messages = [message for _, message in section_naming_violations(sources, ("programs", "resources"))]
    assert sorted(messages) == sorted(
        [
            "home/views.py:2 imports programs.models",
            "home/views.py:4 names a section: 'programs'",
            "home/views.py:4 names a section: 'programs.CallPage'",
        ]
    )


def test_the_contract_check_finds_hasattr_and_probed_methods():
    sources = planted(
        {
            "portal/pages.py": "class RoutedEntry:\n    def translation_links(self):\n        return []\n",
            "search/views.py": (
                "def links(obj, settings):\n"
                "    if hasattr(obj, 'get_url'):\n"
                "        return getattr(obj, 'translation_links', list)()\n"
                "    return getattr(settings, 'SEARCH_LIMIT', 10), getattr(obj, 'title')\n"
            ),
        },
    )
    violations = hasattr_violations(sources) + getattr_contract_violations(sources, {"get_url"})
    messages = [message for _, message in violations]
    assert sorted(messages) == sorted(
        [
            "search/views.py:2 if hasattr(obj, 'get_url'):",
            "search/views.py:3 return getattr(obj, 'translation_links', list)()",
        ]
    )


if __name__ == "__main__":
    sources = app_sources()
    print("hasattr", sum(1 for _ in probe_calls(sources, "hasattr")))
    print("getattr", sum(1 for _ in probe_calls(sources, "getattr")))
    print("function-level imports", sum(1 for _ in function_level_imports(sources)))
