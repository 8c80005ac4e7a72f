"""Where the translatable strings of the project are, found by reading the source (AST), not by importing it.

Two scanners, used by the i18n tests and by ``make translations``:

* :func:`app_messages` — the Vietnamese source strings given to ``app.i18n.tr`` (the keys of
  ``resources/i18n/<lang>.json``): literal first arguments, plus the values a call reaches through a
  module-level constant (``tr(AUTHORIZATION_NAME)``) or a module-level dict (``tr(LABELS[cls])``).
* :func:`wrapped_ui_messages` — the strings the UI passes to a module-level wrapper such as
  ``def _t(text): return QCoreApplication.translate("Printing", text)``, and ``obj.tr("...")`` on a local
  variable. ``pyside6-lupdate`` sees neither (it only knows ``self.tr`` and ``QCoreApplication.translate``
  with literal arguments), so ``python -m tests.i18n_sources STUB.py`` writes them as plain
  ``QCoreApplication.translate`` calls into a stub file that lupdate scans along with ui/.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N_DIR = ROOT / "resources" / "i18n"


def _python_files(*dirs: str) -> Iterator[Path]:
    for name in dirs:
        yield from sorted((ROOT / name).rglob("*.py"))


def _str(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _imports_i18n_tr(tree: ast.Module) -> bool:
    return any(isinstance(n, ast.ImportFrom) and n.module == "app.i18n" and any(a.name == "tr" for a in n.names)
               for n in ast.walk(tree))


def _module_constants(tree: ast.Module) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Module-level ``NAME = "text"`` and ``NAME = {key: "text", ...}`` assignments."""
    strings: dict[str, str] = {}
    dicts: dict[str, list[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        for target in targets:
            if not isinstance(target, ast.Name):
                continue
            if (text := _str(value)) is not None:
                strings[target.id] = text
            elif isinstance(value, ast.Dict):
                values = [_str(v) for v in value.values]
                if values and all(v is not None for v in values):
                    dicts[target.id] = values  # type: ignore[assignment]
    return strings, dicts


def app_messages(dirs: tuple[str, ...] = ("app", "ui", "sync")) -> dict[str, list[str]]:
    """Every source string given to ``app.i18n.tr`` → the ``path:line`` places that use it."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in _python_files(*dirs)}
    all_strings: dict[str, str] = {}
    for tree in trees.values():
        all_strings.update(_module_constants(tree)[0])
    found: dict[str, list[str]] = {}
    for path, tree in trees.items():
        if not _imports_i18n_tr(tree):
            continue
        strings, dicts = _module_constants(tree)
        where = f"{path.relative_to(ROOT)}"
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"
                    and node.args):
                continue
            arg = node.args[0]
            texts: list[str] = []
            if (text := _str(arg)) is not None:
                texts = [text]
            elif isinstance(arg, ast.Name):
                text = strings.get(arg.id, all_strings.get(arg.id))
                texts = [text] if text is not None else []
            elif isinstance(arg, ast.Subscript) and isinstance(arg.value, ast.Name):
                texts = dicts.get(arg.value.id, [])
            for text in texts:
                found.setdefault(text, []).append(f"{where}:{node.lineno}")
    return found


def _translate_wrappers(tree: ast.Module) -> dict[str, str]:
    """``def _t(text): return QCoreApplication.translate("Ctx", text)`` → {"_t": "Ctx"}."""
    wrappers: dict[str, str] = {}
    for node in tree.body:
        if not (isinstance(node, ast.FunctionDef) and node.args.args and len(node.body) >= 1):
            continue
        ret = node.body[-1]
        if not (isinstance(ret, ast.Return) and isinstance(ret.value, ast.Call)):
            continue
        call = ret.value
        if (isinstance(call.func, ast.Attribute) and call.func.attr == "translate" and len(call.args) >= 2
                and (context := _str(call.args[0])) is not None
                and isinstance(call.args[1], ast.Name) and call.args[1].id == node.args.args[0].arg):
            wrappers[node.name] = context
    return wrappers


def _local_classes(function: ast.AST) -> dict[str, str]:
    """``panel = SyncPanel(...)`` inside a function → {"panel": "SyncPanel"}."""
    classes: dict[str, str] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            func = node.value.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name[:1].isupper():
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        classes[target.id] = name
    return classes


def _class_nodes(cls: ast.ClassDef) -> Iterator[ast.AST]:
    """The nodes of a class body, without those of the classes nested in it."""
    stack: list[ast.AST] = list(cls.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.ClassDef):
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def _dict_lookup(arg: ast.AST, dicts: dict[str, list[str]]) -> list[str]:
    """The values ``TITLES.get(key, key)`` or ``TITLES[key]`` can take, for a module-level dict of strings."""
    if (isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute) and arg.func.attr == "get"
            and isinstance(arg.func.value, ast.Name)):
        return dicts.get(arg.func.value.id, [])
    if isinstance(arg, ast.Subscript) and isinstance(arg.value, ast.Name):
        return dicts.get(arg.value.id, [])
    return []


def wrapped_ui_messages(dirs: tuple[str, ...] = ("ui",)) -> list[tuple[str, str, str]]:
    """(context, source, "path:line") for the UI strings lupdate cannot see on its own.

    A source may carry ``"\\0comment"`` and ``"\\0n"`` (a plural form) after it, for the stub writer.
    """
    found: list[tuple[str, str, str]] = []
    for path in _python_files(*dirs):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = str(path.relative_to(ROOT))
        wrappers = _translate_wrappers(tree)
        _strings, dicts = _module_constants(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func, arg = node.func, node.args[0]
            if isinstance(func, ast.Name) and func.id in wrappers:
                text = _str(arg)
                texts = [text] if text is not None else _dict_lookup(arg, dicts)
                found.extend((wrappers[func.id], text, f"{where}:{node.lineno}") for text in texts)
        for cls in ast.walk(tree):
            if not isinstance(cls, ast.ClassDef):
                continue
            for node in _class_nodes(cls):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
                        and isinstance(node.func.value, ast.Name) and node.func.value.id == "self" and node.args):
                    # self.tr("...") again, in case lupdate's Python parser loses track of the class (it does
                    # in some files), and self.tr(LABELS.get(key, key)) / self.tr(LABELS[key]), which it skips.
                    text = _str(node.args[0])
                    texts = [text] if text is not None else _dict_lookup(node.args[0], dicts)
                    comment = _str(node.args[1]) if len(node.args) > 1 else ""
                    if comment is None or len(node.args) > 3:
                        continue
                    numerus = len(node.args) == 3
                    found.extend((cls.name, t + ("\0" + comment if comment or numerus else "")
                                  + ("\0n" if numerus else ""), f"{where}:{node.lineno}") for t in texts)
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            classes = _local_classes(function)
            for node in ast.walk(function):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
                        and isinstance(node.func.value, ast.Name) and node.func.value.id in classes
                        and node.args and (text := _str(node.args[0])) is not None):
                    found.append((classes[node.func.value.id], text, f"{where}:{node.lineno}"))
    return found


def write_lupdate_stub(target: Path) -> int:
    """A Python file of literal ``QCoreApplication.translate`` calls for lupdate; returns the message count."""
    lines = ['"""Generated by tests/i18n_sources.py for pyside6-lupdate; not imported by anything."""',
             "from PySide6.QtCore import QCoreApplication", ""]
    seen: set[tuple[str, str]] = set()
    for context, text, where in wrapped_ui_messages():
        if (context, text) in seen:
            continue
        seen.add((context, text))
        lines.append(f"# {where}")
        source, *rest = text.split("\0")
        args = [repr(context), repr(source)] + [repr(rest[0])] if rest else [repr(context), repr(source)]
        if len(rest) == 2:
            args.append("n")  # a plural form: lupdate writes a numerus message
        lines.append(f"QCoreApplication.translate({', '.join(args)})")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(seen)


if __name__ == "__main__":
    count = write_lupdate_stub(Path(sys.argv[1]))
    print(f"{count} wrapped UI message(s) written to {sys.argv[1]}")
