"""HTTP backends for people who already run a translation server: a LibreTranslate-compatible
``/translate`` endpoint, or an OpenAI-compatible ``/chat/completions`` endpoint.

Standard library only (urllib), so they work without the ``[translate]`` extra. Requests
have a timeout; a failure is one line naming the URL, never a traceback.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mtcheck.translate.base import TranslationError, TranslatorSignature

_LANG_NAMES = {"ru": "Russian", "ko": "Korean", "en": "English"}


def _post(url: str, payload: dict[str, Any], timeout: float, headers: dict[str, str] | None = None) -> Any:
    body = json.dumps(payload).encode("utf-8")
    req = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": "application/json", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return json.loads(resp.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        raise TranslationError(f"translation server {url} answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise TranslationError(f"cannot reach the translation server {url}: {exc.reason}") from None
    except (TimeoutError, OSError) as exc:
        raise TranslationError(f"translation server {url} failed: {exc}") from None
    except ValueError:
        raise TranslationError(f"translation server {url} did not answer with JSON") from None


@dataclass
class LibreTranslateTranslator:
    """POST {base}/translate with ``q`` as a list: one request per batch of ``batch_size``."""

    url: str
    api_key: str = ""
    batch_size: int = 32
    timeout: float = 60.0

    def signature(self) -> TranslatorSignature:
        return TranslatorSignature("libretranslate", self.url.rstrip("/"))

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        endpoint = self.url.rstrip("/") + "/translate"
        out: list[str] = []
        for k in range(0, len(texts), self.batch_size):
            batch = list(texts[k : k + self.batch_size])
            payload: dict[str, Any] = {"q": batch, "source": src, "target": tgt, "format": "text"}
            if self.api_key:
                payload["api_key"] = self.api_key
            data = _post(endpoint, payload, self.timeout)
            got = data.get("translatedText") if isinstance(data, dict) else None
            if isinstance(got, str) and len(batch) == 1:
                got = [got]
            if not isinstance(got, list) or len(got) != len(batch) or not all(isinstance(t, str) for t in got):
                raise TranslationError(f"translation server {endpoint} returned an unexpected answer")
            out.extend(got)
        return out


@dataclass
class OpenAIChatTranslator:
    """One chat request per sentence: a model asked for several sentences at once merges or
    drops them, and then the list no longer lines up with the input."""

    url: str
    model: str
    api_key: str = ""
    timeout: float = 120.0

    def signature(self) -> TranslatorSignature:
        return TranslatorSignature("openai-chat", f"{self.url.rstrip('/')}#{self.model}")

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        endpoint = self.url.rstrip("/") + "/chat/completions"
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        system = (
            f"Translate the user's text from {_LANG_NAMES.get(src, src)} to {_LANG_NAMES.get(tgt, tgt)}. "
            "Answer with the translation only."
        )
        out = []
        for text in texts:
            payload = {
                "model": self.model,
                "temperature": 0,
                "messages": [{"role": "system", "content": system}, {"role": "user", "content": text}],
            }
            data = _post(endpoint, payload, self.timeout, headers)
            try:
                out.append(str(data["choices"][0]["message"]["content"]).strip())
            except (KeyError, IndexError, TypeError):
                raise TranslationError(f"translation server {endpoint} returned an unexpected answer") from None
        return out
