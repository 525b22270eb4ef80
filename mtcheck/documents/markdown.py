"""Markdown: checked as text, with front matter, code and URLs blanked out.

Blanked, not removed: each hidden character becomes a space (newlines stay), so offsets,
lines and columns remain those of the file while no check reads code or a link target.
"""

from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?^(?:---|\+\+\+|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,}).*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.DOTALL | re.MULTILINE)
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_LINK_TARGET = re.compile(r"(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)|^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$", re.MULTILINE)
_URL = re.compile(r"<?\b(?:https?|ftp)://[^\s<>)\]]+>?|<[^\s@<>]+@[^\s@<>]+>")
# An unclosed comment runs to the end of the document, as an HTML block does in CommonMark;
# requiring the "-->" made every unclosed "<!--" scan the rest of the file (quadratic).
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


def mask_markdown(text: str) -> str:
    chars = list(text)
    for pattern in (_FRONT_MATTER, _FENCE, _HTML_COMMENT, _INLINE_CODE, _LINK_TARGET, _URL):
        for m in pattern.finditer("".join(chars)):
            for i in range(m.start(), m.end()):
                if chars[i] not in "\r\n":
                    chars[i] = " "
    return "".join(chars)
