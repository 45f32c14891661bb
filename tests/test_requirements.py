"""Requirements by use: production installs requirements.txt alone, so it holds no test or lint tool and no app
module imports one; every package of both files is pinned."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEV_TOOLS = {"pytest", "pytest-django", "ruff", "hypothesis", "aiosmtpd", "playwright"}
DEV_MODULES = {"pytest", "pytest_django", "hypothesis", "aiosmtpd", "playwright"}
NOT_APP_CODE = {"tests", "benchmarks", ".venv", "node_modules", "var"}


def packages(name):
    lines = (line.split("#")[0].strip() for line in (ROOT / name).read_text().splitlines())
    return [line for line in lines if line and not line.startswith("-r ")]


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-dev.txt"])
def test_every_package_is_pinned(name):
    assert all("==" in line for line in packages(name)), name


def test_production_installs_no_test_or_lint_tool():
    runtime = {line.split("==")[0].split("[")[0].lower() for line in packages("requirements.txt")}
    assert not runtime & DEV_TOOLS
    assert (ROOT / "requirements-dev.txt").read_text().splitlines().count("-r requirements.txt") == 1
    development = {line.split("==")[0].lower() for line in packages("requirements-dev.txt")}
    assert DEV_TOOLS <= development


def test_no_app_module_imports_a_test_tool():
    importing = {}
    for path in ROOT.rglob("*.py"):
        if NOT_APP_CODE & set(path.relative_to(ROOT).parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            names += [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            if found := {name.split(".")[0] for name in names} & DEV_MODULES:
                importing[str(path.relative_to(ROOT))] = found
    assert importing == {}
