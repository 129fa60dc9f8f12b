"""Reading the shipped data: where it lives, and a YAML reader that refuses what YAML 1.1 would misread.

The wheel carries the data as ``netpay/data``; an editable install reads it from the source tree
(``importlib.resources`` first, as tzdata does). The YAML reader differs from PyYAML's safe loader in
three ways, each a silent wrong number the data once risked:

- booleans are only ``true``/``false`` (YAML 1.2): YAML 1.1 reads the code ``ON`` (Ontario) as True;
- integers and floats are YAML 1.2's: YAML 1.1 reads ``1:30`` as the sexagesimal 90;
- a key given twice in one mapping is an error naming the line (PyYAML keeps the last one silently).
"""

from __future__ import annotations

import re
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from netpay.errors import DataFileError

_BOOL, _INT, _FLOAT = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"


class Loader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2 booleans and numbers, refusing duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} appears twice in one mapping", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL, _INT, _FLOAT)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
# YAML 1.2 core schema numbers, plus the `_` digit separators the data use (16_452); no sexagesimals.
Loader.add_implicit_resolver(_INT, re.compile(r"^[-+]?[0-9][0-9_]*$"), list("-+0123456789"))
Loader.add_implicit_resolver(
    _FLOAT,
    re.compile(
        r"^(?:[-+]?(?:[0-9][0-9_]*)?\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+)$"
    ),
    list("-+0123456789."),
)


def data_root() -> Traversable:
    """The folder holding ``tax_tables/``, ``rent/`` and the rest: the installed package's, else the source tree's."""
    packaged = resources.files("netpay") / "data"
    if packaged.is_dir():
        return packaged
    source_tree = Path(__file__).resolve().parents[3] / "data"
    if source_tree.is_dir():
        return source_tree
    raise DataFileError(f"netpay's data folder is missing: looked in {packaged} and {source_tree}. Reinstall netpay.")


def data_file(relative: str) -> Traversable:
    """A file under the data folder, by its '/'-separated path (e.g. ``'rent/rents.csv'``)."""
    file = data_root()
    for part in relative.split("/"):
        file = file / part
    return file


def parse_yaml(text: str, label: str) -> Any:
    """Parse YAML text with :class:`Loader`, naming ``label`` in any error."""
    try:
        return yaml.load(text, Loader=Loader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as exc:
        raise DataFileError(f"{label}: not valid YAML: {exc}") from None


def read_yaml(file: Traversable, label: str) -> Any:
    """Parse a YAML file, naming it in any error."""
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(f"{label}: file not found") from None
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{label}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8") from None
    return parse_yaml(text, label)


def validation_problems(exc: ValidationError) -> str:
    """A pydantic error as one line: each bad field and what was wrong with it."""
    return "; ".join(
        f"field '{'.'.join(str(p) for p in err['loc']) or '(file)'}': {err['msg']}" for err in exc.errors()
    )


def validate(raw: Any, model: type[BaseModel], label: str) -> Any:
    """Validate parsed data against ``model``; a failure names the file and each bad field."""
    if not isinstance(raw, dict):
        raise DataFileError(f"{label}: expected a mapping at the top level, got {type(raw).__name__}")
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise DataFileError(f"{label}: {validation_problems(exc)}") from None
