"""A small, safe XML reader that keeps file offsets, for XLIFF and TMX.

lxml and ElementTree give line numbers at best, and the reports need the offset of every
character of a translatable string, so this builds a light tree from expat events, which carry
byte offsets. Expat is armed the way defusedxml arms it: entity declarations (the
billion-laughs bomb) and external entities are refused with a clear error, and parameter
entities are never read.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from xml.parsers import expat

from mtcheck.errors import InputError

XML_NS = "http://www.w3.org/XML/1998/namespace"
# XLIFF and TMX nest a dozen elements at most; the tree is walked recursively, so a document
# nested deeper than this is refused (libxml2 draws its default line at the same depth).
MAX_DEPTH = 256


@dataclass
class Node:
    tag: str  # local name
    attrs: dict[str, str]
    children: list[Node | Chunk] = field(default_factory=list)

    def find_all(self, tag: str) -> list[Node]:
        out: list[Node] = []
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag:
                    out.append(child)
                out.extend(child.find_all(tag))
        return out

    def child(self, tag: str) -> Node | None:
        return next((c for c in self.children if isinstance(c, Node) and c.tag == tag), None)


@dataclass
class Chunk:
    value: str
    origins: tuple[int, ...]
    escaped: bool  # from an entity or character reference, not literal text


class _Refused(Exception):
    pass


def parse_xml(text: str, path: str) -> Node:
    data = text.encode("utf-8")
    # Code-point offset of each byte that starts a character (ASCII files map one to one).
    starts = None if text.isascii() else _char_starts(text)

    def char_at(byte: int) -> int:
        return byte if starts is None else bisect.bisect_right(starts, byte) - 1

    parser = expat.ParserCreate(encoding="utf-8", namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    root = Node("#document", {})
    stack = [root]

    def refuse_entity(
        name: str, _param: int, _value: str | None, _base: str | None, system_id: str | None, *_: object
    ) -> None:
        if system_id is not None:
            raise _Refused(f"declares the external entity {name!r} ({system_id}), which mtcheck refuses to read")
        raise _Refused(f"declares the XML entity {name!r}; mtcheck refuses entity declarations (XML bombs)")

    def refuse_unparsed(name: str, _base: str | None, system_id: str, *_: object) -> None:
        raise _Refused(f"declares the external entity {name!r} ({system_id}), which mtcheck refuses to read")

    def refuse_external(*_args: object) -> int:
        raise _Refused("refers to an external entity, which mtcheck refuses to read")

    def start(name: str, attrs: dict[str, str]) -> None:
        if len(stack) > MAX_DEPTH:
            raise _Refused(f"nests elements more than {MAX_DEPTH} levels deep")
        node = Node(name.rsplit(" ", 1)[-1], {_attr_name(k): v for k, v in attrs.items()})
        stack[-1].children.append(node)
        stack.append(node)

    def end(_name: str) -> None:
        stack.pop()

    def chars(value: str) -> None:
        at = char_at(parser.CurrentByteIndex)
        origins = _origins(text, at, value)
        stack[-1].children.append(Chunk(value, origins or (at,) * len(value), not origins))

    parser.EntityDeclHandler = refuse_entity
    parser.UnparsedEntityDeclHandler = refuse_unparsed
    parser.ExternalEntityRefHandler = refuse_external
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        raise InputError(f"{path} {exc}") from None
    except expat.ExpatError as exc:
        raise InputError(
            f"{path} is not well-formed XML: {expat.ErrorString(exc.code)} at line {exc.lineno} column {exc.offset + 1}"
        ) from None
    if not any(isinstance(c, Node) for c in root.children):
        raise InputError(f"{path} has no XML root element")
    return next(c for c in root.children if isinstance(c, Node))


def _attr_name(name: str) -> str:
    """``xml:lang`` stays ``xml:lang``; other namespaced attributes go by their local name."""
    if name.startswith(XML_NS + " "):
        return "xml:" + name[len(XML_NS) + 1 :]
    return name.rsplit(" ", 1)[-1]


def _char_starts(text: str) -> list[int]:
    out = []
    pos = 0
    for ch in text:
        out.append(pos)
        pos += len(ch.encode("utf-8", "surrogatepass"))
    return out


def _origins(text: str, at: int, value: str) -> tuple[int, ...]:
    """Offsets of ``value``'s characters from ``at``: one each when the file holds them
    literally (CRLF read as LF); empty when they came from an entity like ``&amp;``."""
    out = []
    i = at
    for ch in value:
        if ch == "\n" and text.startswith("\r\n", i):
            out.append(i)
            i += 2
        elif text.startswith(ch, i):
            out.append(i)
            i += 1
        else:
            return ()
    return tuple(out)


def node_text(node: Node, skip: frozenset[str] = frozenset()) -> tuple[str, tuple[int, ...], frozenset[int]]:
    """The text of a node and its descendants, leaving out elements named in ``skip``
    (native codes such as TMX ``bpt``/``ept``/``ph``)."""
    chars: list[str] = []
    origins: list[int] = []
    escapes: set[int] = set()
    for child in node.children:
        if isinstance(child, Chunk):
            if child.escaped:
                escapes.update(range(len(origins), len(origins) + len(child.value)))
            chars.append(child.value)
            origins.extend(child.origins)
        elif child.tag not in skip:
            value, orig, esc = node_text(child, skip)
            escapes.update(len(origins) + e for e in esc)
            chars.append(value)
            origins.extend(orig)
    return "".join(chars), tuple(origins), frozenset(escapes)
