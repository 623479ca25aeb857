"""The window reaches the core one way: through the job helper, never SQLAlchemy or persistence.

Read statically from the source of ``ocop_desktop/gui`` (generated forms aside), so a call on
a path no other test walks is caught as well.

What counts as the core: a class of ``ocop_desktop.services`` built on a unit-of-work factory
or a database file (first parameter ``make_uow`` / ``db_path``), and a function of it whose
first parameter is one of those, a unit of work or a session. Everything else the services
export (DTOs, inputs, constants, pure helpers such as ``suggested_file_name``) is plain data
and may be used anywhere.

Where a service is: a parameter annotated with a service class, ``self.x`` assigned from one
(or built from a service class), and a local name assigned from ``self.x``.

A plain attribute of a service class (a property such as ``BackupService.folder``, where its
copies go) is data, not a call.

Where it may be used: inside the work of a job — a lambda or a function given as the work of
``<…jobs…>.run(fn)``, ``.write(fn)`` or ``.read(key, fn)``, or a function only called from
such work. Passing a service on (to a dialog's constructor) is fine; calling it, or handing
out one of its bound methods, anywhere else is not.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

import ocop_desktop

GUI = Path(ocop_desktop.__file__).parent / "gui"
CORE_PARAMS = {"make_uow", "db_path", "uow", "session", "conn"}
CLASS_PARAMS = {"make_uow", "db_path"}
FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
# method name -> position of the work among the arguments
WORK_ARG = {"run": 0, "write": 0, "read": 1}


def gui_modules() -> list[Path]:
    return sorted(p for p in GUI.rglob("*.py") if "forms" not in p.relative_to(GUI).parts)


def _core_kind(module: str, name: str) -> str | None:
    """ "class" or "function" when the imported name reaches the database, else None."""
    obj = getattr(importlib.import_module(module), name, None)
    if obj is None or not callable(obj):
        return None
    try:
        params = list(inspect.signature(obj.__init__ if inspect.isclass(obj) else obj).parameters)
    except (TypeError, ValueError):
        return None
    if inspect.isclass(obj):
        return "class" if params[1:2] and params[1] in CLASS_PARAMS else None
    return "function" if params[:1] and params[0] in CORE_PARAMS else None


class _Module:
    def __init__(self, path: Path) -> None:
        self.tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        self.parent: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parent[child] = node
        self.classes: set[str] = set()
        self.data_attrs: set[str] = set()  # properties of the service classes imported here: data, not calls
        self.functions: set[str] = set()
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ocop_desktop.services"):
                for alias in node.names:
                    kind = _core_kind(node.module, alias.name)
                    if kind == "class":
                        self.classes.add(alias.asname or alias.name)
                        cls = getattr(importlib.import_module(node.module), alias.name)
                        self.data_attrs |= {n for n, v in vars(cls).items() if isinstance(v, property)}
                    elif kind == "function":
                        self.functions.add(alias.asname or alias.name)
        self.starters = self._find_starters()  # method name -> position of the work it hands to a job
        self.names: dict[ast.AST, set[str]] = {}  # function -> its names that hold a service
        self.attrs: dict[ast.AST, set[str]] = {}  # class -> its self.<attr> that hold a service
        self._find_services()

    # -- where the services are ------------------------------------------------------------------
    def _annotated(self, annotation: ast.AST | None) -> bool:
        if annotation is None:
            return False
        words = {n.id for n in ast.walk(annotation) if isinstance(n, ast.Name)}
        words |= {
            w
            for n in ast.walk(annotation)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)
            for w in n.value.replace("|", " ").replace("[", " ").replace("]", " ").split()
        }
        return bool(words & self.classes)

    def enclosing(self, node: ast.AST, kinds) -> ast.AST | None:
        node = self.parent.get(node)
        while node is not None and not isinstance(node, kinds):
            node = self.parent.get(node)
        return node

    @staticmethod
    def _pairs(node: ast.Assign):
        values = node.value.elts if isinstance(node.value, ast.Tuple) else [node.value]
        for target in node.targets:
            targets = target.elts if isinstance(target, ast.Tuple) else [target]
            if len(targets) == len(values):
                yield from zip(targets, values, strict=True)

    def _find_services(self) -> None:
        for fn in (n for n in ast.walk(self.tree) if isinstance(n, FUNCS)):
            args = fn.args
            self.names[fn] = {
                a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs) if self._annotated(a.annotation)
            }
        for cls in (n for n in ast.walk(self.tree) if isinstance(n, ast.ClassDef)):
            attrs = self.attrs.setdefault(cls, set())
            for node in ast.walk(cls):
                fn = self.enclosing(node, FUNCS)
                if (
                    isinstance(node, ast.AnnAssign)
                    and isinstance(node.target, ast.Attribute)
                    and self._annotated(node.annotation)
                ):
                    attrs.add(node.target.attr)
                if not isinstance(node, ast.Assign):
                    continue
                for target, value in self._pairs(node):
                    if not (
                        isinstance(target, ast.Attribute)
                        and isinstance(target.value, ast.Name)
                        and target.value.id == "self"
                    ):
                        continue
                    if (isinstance(value, ast.Name) and fn is not None and value.id in self.names.get(fn, ())) or (
                        isinstance(value, ast.Call)
                        and isinstance(value.func, ast.Name)
                        and value.func.id in self.classes
                    ):
                        attrs.add(target.attr)
        for node in ast.walk(self.tree):  # local aliases: products = self._products
            if isinstance(node, ast.Assign):
                fn = self.enclosing(node, FUNCS)
                for target, value in self._pairs(node):
                    if isinstance(target, ast.Name) and fn is not None and self.is_service(value):
                        self.names[fn].add(target.id)

    def is_service(self, expr: ast.AST) -> bool:
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name):  # PlaceService(make_uow)
            return expr.func.id in self.classes
        if isinstance(expr, ast.Name):
            fn: ast.AST | None = expr
            while (fn := self.enclosing(fn, FUNCS)) is not None:
                if expr.id in self.names.get(fn, ()):
                    return True
            return False
        if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id == "self":
            cls = self.enclosing(expr, ast.ClassDef)
            return cls is not None and expr.attr in self.attrs.get(cls, ())
        return False

    # -- where they may be used -------------------------------------------------------------------
    @staticmethod
    def _job_work(call: ast.AST) -> ast.AST | None:
        """The work argument of a job call (``…jobs….run/write/read``), or None."""
        if not (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr in WORK_ARG
            and "jobs" in ast.unparse(call.func.value).lower()
        ):
            return None
        position = WORK_ARG[call.func.attr]
        for keyword in call.keywords:
            if keyword.arg == "fn":
                return keyword.value
        return call.args[position] if len(call.args) > position else None

    def _find_starters(self) -> dict[str, int]:
        """Methods that hand one of their parameters, unchanged, to a job call as its work
        (a dialog's ``_start(work, then)``): their callers' argument is work too."""
        starters = {}
        for cls in (n for n in ast.walk(self.tree) if isinstance(n, ast.ClassDef)):
            for fn in (n for n in cls.body if isinstance(n, ast.FunctionDef)):
                params = [a.arg for a in fn.args.args[1:]]
                for node in ast.walk(fn):
                    work = self._job_work(node)
                    if isinstance(work, ast.Name) and work.id in params:
                        starters[fn.name] = params.index(work.id)
        return starters

    def _work_of(self, call: ast.AST) -> ast.AST | None:
        work = self._job_work(call)
        if (
            work is None
            and isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and isinstance(call.func.value, ast.Name)
            and call.func.value.id == "self"
            and call.func.attr in self.starters
            and len(call.args) > self.starters[call.func.attr]
        ):
            work = call.args[self.starters[call.func.attr]]
        return work

    def _given_as_work(self, node: ast.AST) -> bool:
        holder = self.parent.get(node)
        if isinstance(holder, ast.keyword):
            holder = self.parent.get(holder)
        return self._work_of(holder) is node

    def is_work(self, fn: ast.AST) -> bool:
        if self._given_as_work(fn):
            return True
        if isinstance(fn, ast.Lambda):  # work = lambda …: …, then given by its name
            holder = self.parent.get(fn)
            if not (
                isinstance(holder, ast.Assign) and len(holder.targets) == 1 and isinstance(holder.targets[0], ast.Name)
            ):
                return False
            name = holder.targets[0].id
        else:
            name = fn.name
        scope = self.enclosing(fn, (*FUNCS, ast.Module, ast.ClassDef))
        uses = [n for n in ast.walk(scope) if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load)]
        return bool(uses) and all(self._given_as_work(u) or self.in_work(u) for u in uses)

    def in_work(self, node: ast.AST) -> bool:
        fn: ast.AST | None = node
        while (fn := self.enclosing(fn, FUNCS)) is not None:
            if self.is_work(fn):
                return True
        return False

    def outside_jobs(self) -> list[tuple[int, str]]:
        return sorted((node.lineno, what) for node, what in self.calls_outside_jobs())

    def calls_outside_jobs(self) -> list[tuple[ast.AST, str]]:
        found: list[tuple[ast.AST, str]] = []
        for node in ast.walk(self.tree):
            if (
                isinstance(node, ast.Attribute)
                and self.is_service(node.value)
                and not self.in_work(node)
                and not self._given_as_work(node)
                and node.attr not in self.data_attrs
            ):
                found.append((node, ast.unparse(node)))
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in self.functions
                and not self.in_work(node)
            ):
                found.append((node, ast.unparse(node.func)))
        return found

    def in_start_up(self, node: ast.AST) -> bool:
        """Directly in the body of a module-level function (not in a lambda or a nested function
        it defines, which may run later, on the UI thread)."""
        fn = self.enclosing(node, FUNCS)
        return isinstance(fn, ast.FunctionDef) and isinstance(self.parent.get(fn), ast.Module)


def core_calls_outside_jobs() -> dict[str, list[tuple[int, str]]]:
    out = {}
    for path in gui_modules():
        found = _Module(path).outside_jobs()
        if found:
            out[str(path.relative_to(GUI))] = found
    return out


APP = GUI.parent / "app.py"
# The composition root (app.py) wires the window; its calls of the core, and those of the lambdas
# and functions it defines, are read with the same rule. It may call these while it builds the
# window, before the window shows (directly in the body of a module-level function) ...
APP_START_UP = {
    "office_settings": "whether to ask the first-run questions",
    "current_actor": "the audit actor the window starts with",
    "load_reference": "the reference data",
    "load_shipped_scorecards": "the shipped scorecards",
    "reload_if_changed": "the reference data and scorecards, when the shipped files changed",
    "daily_backup_if_due": "the day's backup",
}
# ... and hand these on, to receivers that run them in a job (tested in tests/gui/test_handed_calls.py).
APP_HANDED_ON = {
    "backup_before": "before_import: run in the jobs of ExcelImportDialog and Commands.receive_packages",
    "read_report_settings": "ReportsDialog reads the document settings in a job",
    "save_report_settings": "ReportSettingsDialog saves them in a job",
    "daily_backup_due": "handed to the start-up jobs",
    "daily_backup_if_due": "handed to the start-up jobs",
}


def test_every_core_call_of_the_window_runs_as_a_job():
    found = core_calls_outside_jobs()
    assert not found, "calls outside a job:\n" + "\n".join(
        f"gui/{m}:{line}: {what}" for m, calls in found.items() for line, what in calls
    )


def test_the_composition_root_calls_the_core_only_before_the_window_or_hands_the_call_to_a_job():
    module = _Module(APP)
    found = module.calls_outside_jobs()
    assert found, "the rule reads app.py (its services and their calls)"  # guard against reading nothing
    unexpected = sorted(
        (node.lineno, what)
        for node, what in found
        if what not in APP_HANDED_ON and not (what in APP_START_UP and module.in_start_up(node))
    )
    assert not unexpected, "app.py calls the core on the UI thread:\n" + "\n".join(
        f"app.py:{line}: {what}" for line, what in unexpected
    )


def _findings(source: str, tmp_path: Path) -> list[tuple[int, str]]:
    path = tmp_path / "probe.py"
    path.write_text(source, encoding="utf-8")
    return _Module(path).outside_jobs()


PROBE_HEAD = """
from ocop_desktop.services.products import ProductService, suggested_name
from ocop_desktop.services.settings import save_office_settings
class Page:
    def __init__(self, products: ProductService, jobs, page_jobs):
        self._products, self._jobs, self._page_jobs = products, jobs, page_jobs
"""


@pytest.mark.parametrize(
    "body, expected",
    [
        ("    def f(self):\n        return self._products.get('p1')\n", [(8, "self._products.get")]),
        (
            "    def f(self):\n        products = self._products\n        return products.query()\n",
            [(9, "products.query")],
        ),
        (
            "    def f(self):\n        self._model.reset(lambda o, n: self._products.query(o, n))\n",
            [(8, "self._products.query")],
        ),
        ("    def f(self, make_uow):\n        save_office_settings(make_uow, 'u1')\n", [(8, "save_office_settings")]),
        (
            "    def f(self):\n        self._jobs.run(lambda p, c: None, on_done=lambda r: self._products.get(r))\n",
            [(8, "self._products.get")],
        ),
        ("    def f(self):\n        self._jobs.run(lambda p, c: self._products.get('p1'), on_done=print)\n", []),
        ("    def f(self):\n        self._page_jobs.read('one', lambda: self._products.get('p1'), print)\n", []),
        ("    def f(self):\n        self._page_jobs.write(self._products.delete, print)\n", []),
        (
            "    def f(self):\n        def work(p, c):\n            return self._products.get('p1')\n"
            "        self._jobs.run(work, on_done=print)\n",
            [],
        ),
        (
            "    def f(self):\n        def work():\n            return self._products.get('p1')\n"
            "        self._page_jobs.write(lambda: work(), print)\n",
            [],
        ),
        (
            "    def f(self):\n        def work():\n            return self._products.get('p1')\n"
            "        self._page_jobs.write(lambda: work(), print)\n        work()\n",
            [(9, "self._products.get")],
        ),
        ("    def f(self):\n        return Dialog(self._products, suggested_name('x'))\n", []),
        (
            "    def f(self):\n        work = lambda p, c: self._products.get('p1')\n"
            "        self._jobs.run(work, on_done=print)\n",
            [],
        ),
        (
            "    def f(self):\n        work = lambda p, c: self._products.get('p1')\n        work(1, 2)\n",
            [(8, "self._products.get")],
        ),
        (
            "    def f(self):\n        def work(p, c):\n            return self._products.get('p1')\n"
            "        self._start(work)\n    def _start(self, work):\n        self._jobs.run(work, on_done=print)\n",
            [],
        ),
        (
            "    def f(self, uow):\n        products = ProductService(uow)\n        return products.list()\n",
            [(9, "products.list")],
        ),
        ("    def f(self, uow):\n        return ProductService(uow).list()\n", [(8, "ProductService(uow).list")]),
        (
            "    def f(self, uow):\n        products = ProductService(uow)\n"
            "        return Page(products, author=lambda: products.get('p1'))\n",
            [(9, "products.get")],
        ),
        (
            "    def f(self, uow):\n        products = ProductService(uow)\n"
            "        self._jobs.run(lambda p, c: products.get('p1'), on_done=print)\n",
            [],
        ),
        (
            "    def f(self):\n        self._later(lambda: self._products.get('p1'))\n"
            "    def _later(self, fn):\n        self._timer.call(fn)\n",
            [(8, "self._products.get")],
        ),
    ],
)
def test_the_rule_tells_a_call_in_a_job_from_one_outside(tmp_path, body, expected):
    """The rule is only as good as its reading: each case is a call it must catch or let pass."""
    assert _findings(PROBE_HEAD + body, tmp_path) == expected


def test_the_rule_knows_the_services_the_window_is_given():
    """Guard against a rule that finds nothing because it recognises no service at all."""
    services = set()
    for path in gui_modules():
        module = _Module(path)
        services |= module.classes | module.functions
    assert {"ProductService", "SurveyService", "TaskService", "BackupService", "PlaceService"} <= services


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_the_window_never_imports_sqlalchemy_or_persistence():
    found = {
        str(p.relative_to(GUI)): sorted(
            m
            for m in _imports(p)
            if m.split(".")[0] == "sqlalchemy" or m.startswith(("ocop_desktop.persistence", "alembic"))
        )
        for p in sorted(GUI.rglob("*.py"))
    }
    assert {m: names for m, names in found.items() if names} == {}
    assert len(found) > 50  # the walk really read the window's modules
