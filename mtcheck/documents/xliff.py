"""XLIFF 1.2 and 2.0, and TMX: bilingual XML whose units already pair source and target."""

from __future__ import annotations

from mtcheck.documents.paired import Entry, Extracted
from mtcheck.documents.text import read_text
from mtcheck.documents.xmlsafe import Node, node_text, parse_xml
from mtcheck.errors import InputError

# Inline elements whose content is native code, not text (XLIFF 1.2 and TMX); XLIFF 2.0 keeps
# codes in attributes or empty elements, so its <pc>/<mrk> content is text.
_CODES = frozenset({"bpt", "ept", "ph", "it", "ut", "sub"})


def read_xliff(path: str) -> Extracted:
    decoded = read_text(path)
    root = parse_xml(decoded.text, path)
    if root.tag != "xliff":
        raise InputError(f"{path}: the root element is <{root.tag}>, not <xliff>")
    version = root.attrs.get("version", "")
    source: list[Entry] = []
    target: list[Entry] = []
    if version.startswith("1."):
        file_node = root.child("file")
        s_lang = file_node.attrs.get("source-language") if file_node else None
        t_lang = file_node.attrs.get("target-language") if file_node else None
        for n, unit in enumerate(root.find_all("trans-unit"), start=1):
            _pair(unit, unit.attrs.get("id", str(n)), source, target, path)
    elif version.startswith("2."):
        s_lang, t_lang = root.attrs.get("srcLang"), root.attrs.get("trgLang")
        for n, unit in enumerate(root.find_all("unit"), start=1):
            uid = unit.attrs.get("id", str(n))
            for k, seg in enumerate(unit.find_all("segment"), start=1):
                _pair(seg, f"{uid}#{seg.attrs.get('id', k)}", source, target, path)
    else:
        raise InputError(f"{path}: XLIFF version {version or '(none)'} is not supported (1.2 and 2.0 are)")
    if not source:
        raise InputError(f"{path} holds no translation units")
    return Extracted(path, decoded.text, decoded.encoding, tuple(source), tuple(target), _lang(s_lang), _lang(t_lang))


def _pair(unit: Node, key: str, source: list[Entry], target: list[Entry], path: str) -> None:
    src = unit.child("source")
    if src is None:
        raise InputError(f"{path}: unit {key} has no <source>")
    tgt = unit.child("target")
    source.append(Entry(key, *node_text(src, _CODES)))
    target.append(Entry(key, *node_text(tgt, _CODES)) if tgt is not None else Entry(key, "", ()))


def read_tmx(path: str) -> Extracted:
    decoded = read_text(path)
    root = parse_xml(decoded.text, path)
    if root.tag != "tmx":
        raise InputError(f"{path}: the root element is <{root.tag}>, not <tmx>")
    header = root.child("header")
    s_lang = _lang(header.attrs.get("srclang") if header else None)
    source: list[Entry] = []
    target: list[Entry] = []
    t_lang: str | None = None
    for n, tu in enumerate(root.find_all("tu"), start=1):
        key = tu.attrs.get("tuid", str(n))
        variants = [(_lang(v.attrs.get("xml:lang") or v.attrs.get("lang")), v) for v in tu.find_all("tuv")]
        if len(variants) != 2:
            raise InputError(f"{path}: translation unit {key} has {len(variants)} <tuv>; mtcheck needs two")
        if s_lang is None or s_lang not in (variants[0][0], variants[1][0]):
            s_lang = variants[0][0]  # srclang="*all*" or missing: the first variant is the source
        (_, s_tuv), (t_code, t_tuv) = variants if variants[0][0] == s_lang else variants[::-1]
        t_lang = t_lang or t_code
        for tuv, out in ((s_tuv, source), (t_tuv, target)):
            seg = tuv.child("seg")
            if seg is None:
                raise InputError(f"{path}: translation unit {key} has a <tuv> without <seg>")
            out.append(Entry(key, *node_text(seg, _CODES)))
    if not source:
        raise InputError(f"{path} holds no translation units")
    return Extracted(path, decoded.text, decoded.encoding, tuple(source), tuple(target), s_lang, t_lang)


def _lang(code: str | None) -> str | None:
    """'ru-RU' → 'ru'; anything mtcheck does not know stays for the caller to reject."""
    if not code:
        return None
    return code.replace("_", "-").split("-")[0].lower()
