"""MT9xx: problems with the input files themselves that still allow a check."""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.checks.registry import CheckContext, Rule, register_check, register_rule
from mtcheck.types import Finding, Severity

ENCODING = register_rule(
    Rule(
        "MT901",
        "encoding",
        "File is not UTF-8; its encoding was guessed",
        Severity.INFO,
        "The file could not be read as UTF-8, so its encoding was detected from the bytes "
        "(charset-normalizer). Offsets refer to the decoded text. If the guess is wrong the "
        "text will look garbled: convert the file to UTF-8 and check again.",
    )
)


@register_check("inputs")
def check_inputs(ctx: CheckContext) -> Iterator[Finding]:
    for role, doc in (("source", ctx.source), ("target", ctx.target)):
        if role == "target" and doc.path == ctx.source.path:
            return  # a bilingual file: both sides are one file, reported once
        if doc.encoding not in ("utf-8", "utf-8-sig"):
            yield ENCODING.finding(
                f"{role} file {doc.path} is not UTF-8; read it as {doc.encoding}",
                confidence=0.9,
                evidence={"file": role, "encoding": doc.encoding},
            )
