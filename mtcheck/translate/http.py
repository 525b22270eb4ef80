"""HTTP backends for people who already run a translation server: a LibreTranslate-compatible
``/translate`` endpoint, or an OpenAI-compatible ``/chat/completions`` endpoint.

Requests go through urllib3 (pooled connections, thread-safe): up to ``in_flight`` of them at
once, each retried with exponential backoff on 429, 5xx, timeouts and dropped connections
(a ``Retry-After`` header is obeyed). After the last attempt the error is one line naming the
server and what went wrong, never a traceback. An answer that is not what the API promises
(not JSON, the wrong number of texts, an empty translation) is an error too, raised before
anything reaches the translation cache.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

import urllib3

from mtcheck.translate.base import TranslationError, TranslatorSignature

_LANG_NAMES = {"ru": "Russian", "ko": "Korean", "en": "English"}
# 429 Too Many Requests and every 5xx: the server is overloaded or restarting; worth waiting for.
RETRY_STATUSES = frozenset({429, *range(500, 600)})

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class HttpPolicy:
    """How hard to push a server and how long to wait for it."""

    in_flight: int = 4
    retries: int = 4
    timeout: float = 60.0
    # Waits between attempts: none before the first retry (a dropped connection is often
    # just that), then backoff, 2 × backoff, 4 × backoff … up to backoff_max; a server's
    # Retry-After instead, where it sends one.
    backoff: float = 1.0
    backoff_max: float = 30.0


class _CappedRetry(urllib3.Retry):
    """Obeys a server's Retry-After up to two minutes: a misconfigured one may ask for hours."""

    RETRY_AFTER_CAP_S = 120.0

    def parse_retry_after(self, retry_after: str) -> float:
        return min(self.RETRY_AFTER_CAP_S, super().parse_retry_after(retry_after))


class HttpClient:
    """POSTs JSON and returns the decoded answer; thread-safe, one connection pool per client."""

    def __init__(self, policy: HttpPolicy) -> None:
        self.policy = policy
        retry = _CappedRetry(
            total=policy.retries,
            connect=policy.retries,
            read=policy.retries,
            status=policy.retries,
            other=0,
            redirect=0,
            allowed_methods=None,  # translation is idempotent: POSTs may be retried
            status_forcelist=RETRY_STATUSES,
            backoff_factor=policy.backoff / 2,  # urllib3 waits factor × 2^(n-1) before retry n > 1
            backoff_max=policy.backoff_max,
            respect_retry_after_header=True,
            raise_on_status=False,  # the last answer comes back, so the error can quote it
        )
        self._pool = urllib3.PoolManager(
            num_pools=4,
            maxsize=max(1, policy.in_flight),
            retries=retry,
            timeout=urllib3.Timeout(connect=min(10.0, policy.timeout), read=policy.timeout),
        )

    def post_json(self, url: str, payload: dict[str, Any], headers: dict[str, str] | None = None) -> Any:
        attempts = f"{self.policy.retries + 1} attempt(s)"
        try:
            resp = self._pool.request(
                "POST",
                url,
                body=json.dumps(payload).encode("utf-8"),
                headers={"Content-Type": "application/json", **(headers or {})},
            )
        except urllib3.exceptions.MaxRetryError as exc:
            reason = exc.reason
            # NewConnectionError is a kind of ConnectTimeoutError to urllib3; to a user a refused
            # connection is not a slow server.
            refused = isinstance(reason, urllib3.exceptions.NewConnectionError)
            if isinstance(reason, urllib3.exceptions.TimeoutError) and not refused:
                raise TranslationError(
                    f"translation server {url} did not answer within {self.policy.timeout:g} s ({attempts})"
                ) from None
            raise TranslationError(
                f"cannot reach the translation server {url}: {_reason(reason)} ({attempts})"
            ) from None
        except urllib3.exceptions.HTTPError as exc:
            raise TranslationError(f"translation server {url} failed: {_reason(exc)}") from None
        if resp.status >= 400:
            tried = f" after {attempts}" if resp.status in RETRY_STATUSES else ""
            raise TranslationError(f"translation server {url} answered HTTP {resp.status} {resp.reason or ''}{tried}")
        try:
            return json.loads(resp.data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise TranslationError(f"translation server {url} did not answer with JSON") from None


def _reason(exc: BaseException | None) -> str:
    """The last line of urllib3's nested message: 'Connection refused', not the pool's repr."""
    text = str(exc or "unknown error")
    return text.rsplit(": ", 1)[-1].strip().rstrip(")").strip("'\"") or type(exc).__name__


def in_flight(fn: Callable[[T], R], items: Sequence[T], limit: int) -> Iterator[R]:
    """``fn`` over ``items`` with up to ``limit`` calls running at once; results in input
    order. The first failure stops what has not started and is raised."""
    if limit <= 1 or len(items) <= 1:
        yield from map(fn, items)
        return
    pool = ThreadPoolExecutor(max_workers=min(limit, len(items)), thread_name_prefix="mtcheck-http")
    try:
        futures = [pool.submit(fn, item) for item in items]
        for fut in futures:
            yield fut.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _unexpected(endpoint: str, why: str) -> TranslationError:
    return TranslationError(f"translation server {endpoint} returned an unexpected answer: {why}")


def _checked(texts: Sequence[str], got: Any, endpoint: str) -> list[str]:
    """The translations if the answer is one string per text, else an error: a cache must
    never keep what a confused server said."""
    if not isinstance(got, list) or not all(isinstance(t, str) for t in got):
        raise _unexpected(endpoint, "no list of translated texts")
    if len(got) != len(texts):
        raise _unexpected(endpoint, f"{len(got)} texts for {len(texts)}")
    for text, out in zip(texts, got, strict=True):
        if text.strip() and not out.strip():
            raise _unexpected(endpoint, f"an empty translation of {text[:40]!r}")
    return got


@dataclass
class LibreTranslateTranslator:
    """POST {base}/translate with ``q`` as a list: one request per batch of ``batch_size``,
    up to ``policy.in_flight`` requests at once."""

    url: str
    api_key: str = ""
    batch_size: int = 32
    policy: HttpPolicy = field(default_factory=HttpPolicy)

    def __post_init__(self) -> None:
        self._client = HttpClient(self.policy)

    @property
    def preferred_chunk(self) -> int:
        """Texts per call that keep every request slot busy (the cache calls in chunks)."""
        return self.batch_size * max(1, self.policy.in_flight)

    def signature(self) -> TranslatorSignature:
        return TranslatorSignature("libretranslate", self.url.rstrip("/"))

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        endpoint = self.url.rstrip("/") + "/translate"

        def one(batch: list[str]) -> list[str]:
            payload: dict[str, Any] = {"q": batch, "source": src, "target": tgt, "format": "text"}
            if self.api_key:
                payload["api_key"] = self.api_key
            data = self._client.post_json(endpoint, payload)
            got = data.get("translatedText") if isinstance(data, dict) else None
            if isinstance(got, str) and len(batch) == 1:
                got = [got]
            return _checked(batch, got, endpoint)

        batches = [list(texts[k : k + self.batch_size]) for k in range(0, len(texts), self.batch_size)]
        return [t for out in in_flight(one, batches, self.policy.in_flight) for t in out]


@dataclass
class OpenAIChatTranslator:
    """One chat request per sentence, up to ``policy.in_flight`` at once: a model asked for
    several sentences in one message merges or drops them, and then the list no longer lines
    up with the input."""

    url: str
    model: str
    api_key: str = ""
    policy: HttpPolicy = field(default_factory=lambda: HttpPolicy(timeout=120.0))

    def __post_init__(self) -> None:
        self._client = HttpClient(self.policy)

    @property
    def preferred_chunk(self) -> int:
        return 16 * max(1, self.policy.in_flight)

    def signature(self) -> TranslatorSignature:
        return TranslatorSignature("openai-chat", f"{self.url.rstrip('/')}#{self.model}")

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        endpoint = self.url.rstrip("/") + "/chat/completions"
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        system = (
            f"Translate the user's text from {_LANG_NAMES.get(src, src)} to {_LANG_NAMES.get(tgt, tgt)}. "
            "Answer with the translation only."
        )

        def one(text: str) -> str:
            payload = {
                "model": self.model,
                "temperature": 0,
                "messages": [{"role": "system", "content": system}, {"role": "user", "content": text}],
            }
            data = self._client.post_json(endpoint, payload, headers)
            try:
                content = data["choices"][0]["message"]["content"]
            except (KeyError, IndexError, TypeError):
                raise _unexpected(endpoint, "no choices[0].message.content") from None
            return _checked([text], [content.strip() if isinstance(content, str) else content], endpoint)[0]

        return list(in_flight(one, list(texts), self.policy.in_flight))
