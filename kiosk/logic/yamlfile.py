"""Reading catalogue YAML with line numbers, so that every problem can name its line.

A file is refused plainly, never half-read: it must be a regular file of at most 1 MiB,
without aliases (`*name`: a self-reference or an alias bomb), nested at most 32 deep, with
at most 50 000 nodes, and without a key given twice in one mapping (the error names both
lines). These limits are checked on the parser's event stream, before anything is built.

The loader is YAML 1.2-like where it matters for a catalogue: `yes`, `no`, `on` and `off`
stay strings (they are option ids), and numbers with a fraction stay strings so that they
become exact Decimals (0.2 MCI is never the float 0.2000000000000000111).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

MAX_BYTES = 1 << 20  # a catalogue file is text of a few kilobytes: 1 MiB is far beyond any
MAX_DEPTH = 32  # the deepest catalogue nesting (conditions in conditions) is about 10
MAX_NODES = 50_000  # the bundled catalogue has about 1 000

# libyaml's parser when PyYAML was built with it (ten times faster), else the Python one.
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str, name: str = "<text>") -> Any:
    """Plain YAML (PyYAML's safe rules) through the fast parser: texts, tokens. The same
    limits as a catalogue file; a duplicate key is an error naming both lines."""
    return YamlFile.parse(name, text, loader=_BASE).data


def _screen(loader: Any, name: str, text: str = "") -> None:
    """Walk the parser's events (no recursion, nothing built) and refuse aliases, deep
    nesting and too many nodes; a syntax error names its line."""
    depth = nodes = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + 1 if event.start_mark else None
            if isinstance(event, yaml.AliasEvent):
                raise YamlFileError(
                    name, f"aliases (*{event.anchor}) are not allowed in this file", line
                )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlFileError(name, f"nested more than {MAX_DEPTH} levels deep", line)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            nodes += 1
            if nodes > MAX_NODES:
                raise YamlFileError(name, f"more than {MAX_NODES} values: too large", line)
    except yaml.MarkedYAMLError as error:
        raise _syntax(name, error) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow (a NUL byte)
        line = text[: error.position].count("\n") + 1 if text else None
        raise YamlFileError(
            name, f"not valid YAML: {error.reason} #x{error.character:04x}", line
        ) from None
    except yaml.YAMLError as error:
        raise YamlFileError(name, f"not valid YAML: {str(error).splitlines()[0]}") from None


def _syntax(name: str, error: yaml.MarkedYAMLError) -> YamlFileError:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    return YamlFileError(name, f"not valid YAML: {error.problem}", line)


class CatalogueLoader(_BASE):  # type: ignore[valid-type,misc]
    """SafeLoader without YAML 1.1's yes/no booleans and without floats."""


CatalogueLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:float")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CatalogueLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf")
)


def read_text(path: Path, name: str, limit: int = MAX_BYTES) -> str:
    """The UTF-8 text of a regular file of at most `limit` bytes. A pipe, a device or a
    folder is refused at once (opened without waiting, never read), and so is a larger file."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise YamlFileError(name, "file not found") from None
    except OSError as error:
        raise YamlFileError(name, f"cannot be read: {error.strerror or error}") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            kind = "a folder" if stat.S_ISDIR(mode) else "a pipe, socket or device"
            raise YamlFileError(name, f"is {kind}, not a file")
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            data = file.read(limit + 1)
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise YamlFileError(name, f"is larger than {limit // 1024} KiB, too large to be right")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise YamlFileError(name, f"cannot be read: not UTF-8 text ({error.reason})") from None


class YamlFileError(ValueError):
    """A file that cannot be read or is not valid YAML."""

    def __init__(self, name: str, message: str, line: int | None = None) -> None:
        super().__init__(f"{name}:{line}: {message}" if line else f"{name}: {message}")
        self.name, self.message, self.line = name, message, line


@dataclass(frozen=True)
class YamlFile:
    """A parsed YAML document and the line of every key and list item in it."""

    name: str
    text: str
    data: Any
    lines: dict[tuple[Any, ...], int]

    @classmethod
    def read(cls, path: Path, root: Path | None = None) -> YamlFile:
        """Read and parse `path`; `name` is shown relative to `root`."""
        name = str(path.relative_to(root.parent)) if root else str(path)
        return cls.parse(name, read_text(path, name))

    @classmethod
    def parse(cls, name: str, text: str, loader: type[Any] | None = None) -> YamlFile:
        """Parse YAML text (the catalogue's rules unless another `loader` is given) within
        the limits; an error names the line."""
        loader = loader or CatalogueLoader
        screen = loader(text)
        try:
            _screen(screen, name, text)
        finally:
            screen.dispose()
        parser = loader(text)
        try:
            node = parser.get_single_node()
            lines: dict[tuple[Any, ...], int] = {}
            if node is not None:
                _index(node, (), lines, name)
            data = parser.construct_document(node) if node is not None else None
        except (ValueError, OverflowError) as error:  # a date such as 2026-13-01
            line = _bad_value_line(node)
            raise YamlFileError(name, f"not a valid value: {error}", line) from None
        except yaml.MarkedYAMLError as error:
            raise _syntax(name, error) from None
        except yaml.YAMLError as error:
            raise YamlFileError(name, f"not valid YAML: {str(error).splitlines()[0]}") from None
        finally:
            parser.dispose()
        return cls(name=name, text=text, data=data, lines=lines)

    def locate(self, loc: tuple[Any, ...]) -> tuple[str, int | None]:
        """A pydantic error location as a field path (`questions[2].text.en`) and its line.

        Parts of `loc` that are not keys of the data (union tags) are left out; the line
        is that of the deepest part that exists in the file.
        """
        parts: list[Any] = []
        data = self.data
        for part in loc:
            if _has(data, part):
                data = data[part]
            elif not isinstance(part, int) and part in _UNION_TAGS:
                continue
            else:
                data = None
            parts.append(part)
        line = None
        for end in range(len(parts), -1, -1):
            if tuple(parts[:end]) in self.lines:
                line = self.lines[tuple(parts[:end])]
                break
        return _dotted(parts), line


def _has(data: Any, part: Any) -> bool:
    if isinstance(data, dict):
        return part in data
    return isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)


_UNION_TAGS = {"answer", "centre", "all", "any", "not"}


def _dotted(parts: list[Any]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _index(
    node: yaml.Node, path: tuple[Any, ...], lines: dict[tuple[Any, ...], int], name: str
) -> None:
    """Note the line of every key and item; a key given twice in a mapping is an error
    naming both lines (YAML would keep the last one without a word)."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = (*path, key_node.value)
            line = key_node.start_mark.line + 1
            if key in lines and isinstance(key_node, yaml.ScalarNode):
                raise YamlFileError(
                    name,
                    f"key {_dotted(list(key))!r} is given twice, on lines {lines[key]} and {line}",
                    line,
                )
            lines[key] = line
            _index(value_node, key, lines, name)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + 1
            _index(item, (*path, index), lines, name)


def _bad_value_line(node: yaml.Node | None) -> int | None:
    """The line of the first date that is not a date (the constructor says only what, not
    where)."""
    stack = [node] if node is not None else []
    while stack:
        item = stack.pop(0)
        if isinstance(item, yaml.ScalarNode) and item.tag.endswith(":timestamp"):
            try:
                date.fromisoformat(str(item.value)[:10])
            except ValueError:
                return int(item.start_mark.line) + 1
        elif isinstance(item, yaml.MappingNode):
            stack.extend(value for pair in item.value for value in pair)
        elif isinstance(item, yaml.SequenceNode):
            stack.extend(item.value)
    return None
