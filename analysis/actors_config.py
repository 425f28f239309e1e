"""The optional user file that corrects actor detection (``data/actors.yml``).

Four keys, all optional::

    aliases:            # more names for an actor; a name of another detected actor merges it
      NATO: [the Atlantic alliance]
      Donald Trump: [Trump administration]
    rename:             # canonical name shown in tables and charts
      United States: U.S.
    kind:               # person / organisation / place / group
      Russia: organisation
    drop: [Ukraine]     # remove an actor and all its mentions

Actor names are the canonical names that ``find_actors`` prints (before renaming).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from analysis.actors_lexicon import KINDS
from analysis.errors import ConfigError

KEYS = ("aliases", "rename", "kind", "drop")
Config = dict[str, Any]


def _read_yaml(path: Path) -> object:
    import yaml

    if not path.is_file():
        raise ConfigError(f"actors config: no such file: {path}")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise ConfigError(f"actors config {path.name}: invalid YAML{where}: {problem}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"actors config {path.name}: not UTF-8 text") from exc


def _str_list(value: object, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"actors config: {where} must be a name or a list of names")
    return [v.strip() for v in value]


def _str_map(value: object, key: str) -> dict[str, object]:
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        raise ConfigError(f"actors config: '{key}' must map actor names to values")
    return value


def load_config(config: str | os.PathLike[str] | dict | None) -> Config:
    """Validate a config (a path to YAML or an already parsed dict) into plain lists and dicts."""
    if config is None:
        return {"aliases": {}, "rename": {}, "kind": {}, "drop": []}
    raw = config if isinstance(config, dict) else _read_yaml(Path(config))
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(
            "actors config: the top level must be a mapping (aliases/rename/kind/drop)"
        )
    unknown = sorted(str(k) for k in raw if k not in KEYS)
    if unknown:
        raise ConfigError(
            f"actors config: unknown key(s) {', '.join(unknown)}; expected {', '.join(KEYS)}"
        )
    aliases = {
        k.strip(): _str_list(v, f"aliases of {k!r}")
        for k, v in _str_map(raw.get("aliases") or {}, "aliases").items()
    }
    rename = {}
    for k, v in _str_map(raw.get("rename") or {}, "rename").items():
        if not isinstance(v, str) or not v.strip():
            raise ConfigError(f"actors config: rename of {k!r} must be a non-empty name")
        rename[k.strip()] = v.strip()
    kinds = {}
    for k, v in _str_map(raw.get("kind") or {}, "kind").items():
        if v not in KINDS:
            raise ConfigError(
                f"actors config: kind of {k!r} is {v!r}; expected one of {', '.join(KINDS)}"
            )
        kinds[k.strip()] = v
    drop = _str_list(raw.get("drop") or [], "drop")
    return {"aliases": aliases, "rename": rename, "kind": kinds, "drop": drop}


def config_key(config: Config) -> str:
    """A hashable form of a validated config, for caching detection results."""
    return json.dumps(config, sort_keys=True, ensure_ascii=False)
