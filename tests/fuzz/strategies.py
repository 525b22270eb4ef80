"""Hypothesis strategies for hostile input: real files mutated, random bytes, text in any
encoding, and the tokens each format's parser is most likely to trip on."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

ENCODINGS = (
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-be",
    "utf-32",
    "cp1251",
    "koi8-r",
    "euc-kr",
    "cp949",
    "latin-1",
    "shift_jis",
    "gb18030",
)

_COMMON = ("\r\n", "\n\n", "\r", "\x00", "\ufeff", "\u2028", "\ud7a3", "\U0001f600", " " * 9, "\t", '"', "\\", "")
TOKENS: dict[str, tuple[str, ...]] = {
    "xml": (
        "<",
        ">",
        "&",
        "&amp;",
        "&#0;",
        "&#x10FFFF;",
        "&#xD800;",
        "<![CDATA[x]]>",
        "]]>",
        '<!DOCTYPE x [<!ENTITY a "b">]>',
        '<!ENTITY e SYSTEM "file:///etc/passwd">',
        "<source>",
        "</source>",
        "<target>",
        "</target>",
        "<seg>",
        "</seg>",
        '<tuv xml:lang="ru">',
        '<tuv xml:lang="en">',
        "</tuv>",
        "<tu>",
        "</tu>",
        '<trans-unit id="">',
        "</trans-unit>",
        '<unit id="u">',
        "<segment>",
        "<ph/>",
        "<bpt>",
        "</bpt>",
        '<pc id="1">',
        "</pc>",
        'version="2.0"',
        'version="1.2"',
        'srcLang="ko"',
        'xmlns="urn:oasis:names:tc:xliff:document:2.0"',
        '<?xml version="1.0" encoding="cp1251"?>',
        "<!-- c -->",
        "<?pi x?>",
        "<a>" * 40,
    ),
    "po": (
        "msgid ",
        "msgstr ",
        "msgstr[0] ",
        "msgstr[1] ",
        "msgctxt ",
        "msgid_plural ",
        '""',
        '"',
        "\\",
        "\\n",
        '\\"',
        "\\u0430",
        "\\x",
        "#~ ",
        "#, fuzzy",
        "#: a.c:1",
        '"Language: ko\\n"',
        '\nmsgid ""\nmsgstr ""\n',
    ),
    "csv": ('"', '""', ",", "\t", "\r\n", "\n", "ru", "en", "ko", "source", "target", "id", "key", "ru-RU", ',"'),
    "json": (
        "{",
        "}",
        "[",
        "]",
        '"',
        '"k": ',
        "\\u",
        "\\ud800",
        "\\udc00",
        "\\ud83d\\ude00",
        "\\u0000",
        ":",
        ",",
        "null",
        "true",
        "1e999",
        "-0",
        "NaN",
        '"\\"',
        "[" * 60,
        '{"a":' * 40,
    ),
    "markdown": (
        "```",
        "~~~",
        "`",
        "``",
        "<!--",
        "-->",
        "](",
        "[x]: ",
        "---\n",
        "+++\n",
        "http://",
        "<a@b>",
        "# ",
        "* ",
        "1. ",
        "![",
    ),
    "text": (".", "!", "?", "…", "« ", " »", "U.S.", "Mr.", "1.5", "3 000", "ул.", "т.е.", "다.", "요?", "“", "”"),
    "toml": (
        "[",
        "]",
        "[[suppress]]",
        "[[scan.pairs]]",
        "[severity]",
        "[languages.ko]",
        " = ",
        '"',
        "'''",
        "{}",
        "[]",
        "disable = [1]",
        'MT101 = "fatal"',
        "reason = ''",
        "rule = 5",
        "glossary = 3",
        "baseline = []",
        "max-size = ",
        "\n",
        "= [" * 30,
    ),
}
TOKENS["text"] += _COMMON
for _name in ("xml", "po", "csv", "json", "markdown", "toml"):
    TOKENS[_name] += _COMMON


@st.composite
def mutated(draw: st.DrawFn, seeds: tuple[bytes, ...], tokens: tuple[str, ...], max_ops: int = 6) -> bytes:
    """A seed file with a few mutations: bytes flipped, ranges cut, repeated or spliced from
    another seed, format tokens inserted, an encoding changed."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(0, max_ops))):
        op = draw(st.sampled_from(("flip", "insert", "token", "delete", "repeat", "splice", "truncate", "recode")))
        at = draw(st.integers(0, len(data)))
        if op == "flip" and data:
            i = min(at, len(data) - 1)
            data[i] ^= draw(st.integers(1, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif op == "token":
            token = draw(st.sampled_from(tokens)).encode("utf-8", "surrogatepass")
            data[at:at] = token * draw(st.sampled_from((1, 1, 2, 7)))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "repeat":
            piece = bytes(data[at : at + draw(st.integers(1, 128))])
            data[at:at] = piece * draw(st.integers(1, 4))
        elif op == "splice":
            other = draw(st.sampled_from(seeds))
            start = draw(st.integers(0, len(other)))
            data[at:] = other[start:]
        elif op == "truncate":
            del data[at:]
        elif op == "recode":
            text = bytes(data).decode("utf-8", "replace")
            data = bytearray(text.encode(draw(st.sampled_from(ENCODINGS)), "replace"))
    return bytes(data)


def any_text_bytes(max_size: int = 400) -> st.SearchStrategy[bytes]:
    """Unicode text (any code point, surrogates aside) in one of many encodings."""
    return st.builds(
        lambda text, encoding: text.encode(encoding, "replace"),
        st.text(max_size=max_size),
        st.sampled_from(ENCODINGS),
    )


def inputs(seeds: tuple[Path, ...], tokens: tuple[str, ...]) -> st.SearchStrategy[bytes]:
    """Mostly mutated real files, some random bytes and random text."""
    raw = tuple(p.read_bytes() for p in seeds)
    return st.one_of(
        mutated(raw, tokens),
        mutated(raw, tokens),
        mutated(raw, tokens),
        st.binary(max_size=300),
        any_text_bytes(),
    )


@st.composite
def docx_mutated(draw: st.DrawFn, seeds: tuple[bytes, ...]) -> bytes:
    """A real DOCX with one of its XML parts mutated and the package zipped again (a
    byte-level mutation of a zip only ever finds its checksums)."""
    import io
    import zipfile

    seed = draw(st.sampled_from(seeds))
    with zipfile.ZipFile(io.BytesIO(seed)) as zin:
        parts = {info.filename: zin.read(info) for info in zin.infolist()}
    names = sorted(parts)
    name = draw(st.sampled_from(["word/document.xml"] * 3 + names))
    parts[name] = draw(mutated((parts[name],), TOKENS["xml"]))
    if draw(st.booleans()) and len(names) > 1:
        del parts[draw(st.sampled_from(names))]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for part, content in parts.items():
            zout.writestr(part, content)
    return out.getvalue()
