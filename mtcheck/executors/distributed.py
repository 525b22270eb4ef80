"""``mtcheck scan --executor ray``: the scan's pairs on a Ray cluster (local or existing).

Model-free, each pair is one Ray task, and Ray's worker processes keep their NLP resources
from one task to the next. With translation models the plan has three steps, so that a model
is loaded once per actor rather than once per file, and sentences of all files share batches:

1. a task per pair reads and splits it (documents stay in the object store);
2. a pool of actors per model translates every new sentence of every file, in length-sorted
   chunks (one actor per GPU per model where the cluster has GPUs, else CPU actors); the
   translation cache is read and written here, on the driver;
3. a task per pair runs the checks with those translations.

Ray is the optional extra ``mtcheck[distributed]``; nothing here is imported without it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from mtcheck.errors import MtcheckError, UsageError
from mtcheck.executors.work import PairResult, PairTask, Worker, WorkerSettings, failed, guarded
from mtcheck.translate.base import TranslationError, TranslatorSignature
from mtcheck.translate.cache import TranslationStore, cache_key
from mtcheck.translate.load import ModelRef, PairModels, TranslationRequest, TranslatorOptions, locate
from mtcheck.types import Report

INSTALL_HINT = "--executor ray needs Ray: pip install 'mtcheck[distributed]'"
# Objects here are documents and reports, megabytes at most; a small store leaves the memory
# to the workers (Ray spills to disk beyond it).
LOCAL_OBJECT_STORE = 512 * 2**20
# How many pairs' results the driver collects per wait, and how long it waits for that many:
# results come a few per 0.1 s, and the last ones of a scan should not wait for a batch.
_WAIT_BATCH = 64
_WAIT_SECONDS = 0.1

OnResult = Callable[[PairResult], None]


def run_ray(
    tasks: Sequence[PairTask],
    settings: WorkerSettings,
    on_result: OnResult,
    address: str | None = None,
    cpus: int | None = None,
    describe: Callable[[str], None] = lambda _text: None,
) -> None:
    """Check ``tasks`` on Ray: joins the cluster at ``address``, or starts a local one with
    ``cpus`` CPUs for this scan (and stops it after). A program that started Ray itself
    (``ray.init``) has its session used as it is."""
    try:
        import ray
    except ImportError:
        raise UsageError(INSTALL_HINT) from None
    with _session(ray, address, cpus):
        settings_ref = ray.put(settings)
        scan_id = uuid.uuid4().hex
        if settings.translation is None or not _any_model(settings.translation):
            describe(f"checking {len(tasks):,} pairs on Ray")
            refs = {_remote(ray, _check_task).remote(scan_id, settings_ref, t): t for t in tasks}
            _collect(ray, refs, on_result)
        else:
            _run_with_models(ray, tasks, settings, settings_ref, scan_id, on_result, describe)


@contextlib.contextmanager
def _session(ray: Any, address: str | None, cpus: int | None) -> Iterator[None]:
    if ray.is_initialized():
        yield
        return
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no reporting home from a checker
    kwargs: dict[str, Any] = {"logging_level": logging.WARNING, "log_to_driver": False}
    if address is not None:
        _init(ray, address, kwargs)
        try:
            yield
        finally:
            ray.shutdown()
        return
    from mtcheck.scan import cores

    # A private folder: sessions of other users or other scans on this machine stay apart.
    temp = tempfile.mkdtemp(prefix="mtcheck-ray-")
    try:
        with _local_instance(ray, cpus or cores(), temp, kwargs):
            yield
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def _init(ray: Any, address: str | None, kwargs: dict[str, Any]) -> None:
    try:
        ray.init(address=address, **kwargs)
    except Exception as exc:
        where = f"the Ray cluster at {address}" if address else "a local Ray instance"
        raise UsageError(f"cannot start or join {where}: {_first_line(exc)}") from None


@contextlib.contextmanager
def _local_instance(ray: Any, cpus: int, temp: str, kwargs: dict[str, Any]) -> Iterator[None]:
    """A Ray instance for this scan alone, joined and then stopped. Started lean where this
    Ray allows it (see `start_lean_node`); otherwise by ``ray.init`` as any program would."""
    node = start_lean_node(ray, cpus, temp)
    if node is None:
        _init(ray, None, {**kwargs, **_local_options(cpus, temp)})
        try:
            yield
        finally:
            _stop_autoscaler_monitor(ray)
            ray.shutdown()
        return
    try:
        _init(ray, node.address, {**kwargs, "_temp_dir": temp})
        yield
    finally:
        ray.shutdown()
        stop_lean_node(node)


def _local_options(cpus: int, temp: str) -> dict[str, Any]:
    return {
        "num_cpus": cpus,
        "include_dashboard": False,
        "object_store_memory": LOCAL_OBJECT_STORE,
        "_temp_dir": temp,
    }


def start_lean_node(ray: Any, cpus: int, temp: str) -> Any | None:
    """A local head node without the autoscaler monitor and the log monitor, or None where this
    Ray's internals differ. ``ray.init`` starts both and offers no option against them
    (``ray start`` does: --no-monitor, --include-log-monitor=false): a scan's own instance has
    nothing to autoscale and sends no worker logs to the driver, and the two Python processes
    cost about 1 s of the 2-3 s start on two cores (benchmarks/RESULTS-speed.md). Nor does it
    start the API server, which Ray starts even without its dashboard (for job submission and
    the state API, which a scan does not use): a Python process of 90 MB and a second of CPU."""
    try:
        from ray._private.node import Node
        from ray._private.parameter import RayParams

        class LeanNode(Node):  # type: ignore[misc]
            def start_api_server(self, *args: Any, **kwargs: Any) -> None:
                pass

        options = _local_options(cpus, temp)
        params = RayParams(
            num_cpus=options["num_cpus"],
            include_dashboard=options["include_dashboard"],
            object_store_memory=options["object_store_memory"],
            temp_dir=options["_temp_dir"],
            no_monitor=True,
            include_log_monitor=False,
        )
        # The reaper ends the node's processes should this process die without a shutdown.
        return LeanNode(params, head=True, shutdown_at_exit=False, spawn_reaper=True, ray_init_cluster=True)
    except (ImportError, AttributeError, TypeError):
        return None
    except Exception as exc:
        raise UsageError(f"cannot start or join a local Ray instance: {_first_line(exc)}") from None


def stop_lean_node(node: Any) -> None:
    """What ``ray.shutdown`` does for a head node the driver started itself."""
    with contextlib.suppress(Exception):
        node.destroy_external_storage()
    node.kill_all_processes(check_alive=False, allow_graceful=True)


def _stop_autoscaler_monitor(ray: Any) -> None:
    """Kill the autoscaler monitor of the local instance this scan started. It answers SIGTERM
    by reporting its end to the GCS, which ``ray.shutdown`` has stopped before it, and lingers
    until Ray kills it a second later: 1.0 of the 1.35 s a shutdown takes here. A local
    instance has nothing to autoscale, so the monitor has nothing to save; Ray's own shutdown
    stops everything else. A Ray without these internals is shut down as it is."""
    with contextlib.suppress(Exception):
        node = ray._private.worker._global_node
        for info in node.all_processes.get("monitor", ()):
            info.process.kill()
            info.process.wait(timeout=1)


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


_remotes: dict[Any, Any] = {}


def _remote(ray: Any, fn: Callable[..., Any], **options: Any) -> Any:
    """``fn`` as a Ray task, made once per process. One retry: a lost node's task runs again,
    but a pair that kills its worker every time is not tried three times."""
    if fn not in _remotes:
        _remotes[fn] = ray.remote(max_retries=1, **options)(fn)
    return _remotes[fn]


def _collect(ray: Any, refs: dict[Any, PairTask], on_result: OnResult) -> None:
    """Results as they come; a task that Ray itself lost (its worker died) is that pair's failure."""
    pending = list(refs)
    try:
        while pending:
            ready, pending = ray.wait(pending, num_returns=min(len(pending), _WAIT_BATCH), timeout=_WAIT_SECONDS)
            for ref in ready:
                on_result(_get(ray, ref, refs[ref]))
    finally:
        for ref in pending:  # a fatal error or Ctrl-C: nothing more is wanted
            with contextlib.suppress(Exception):
                ray.cancel(ref)


def _get(ray: Any, ref: Any, task: PairTask) -> PairResult:
    try:
        return ray.get(ref)  # type: ignore[no-any-return]
    except ray.exceptions.RayError as exc:
        return failed(task, f"the Ray worker checking it failed ({type(exc).__name__}: {_first_line(exc)})")


# Worker side ------------------------------------------------------------------------------

_worker: tuple[str, Worker] | None = None


def _worker_for(scan_id: str, settings: WorkerSettings) -> Worker:
    """The worker of this Ray process for this scan: kept from one task to the next, so its
    resources and translators are loaded once. Each task runs in the scan's folder, where its
    relative paths start (a Ray worker process runs one task at a time)."""
    global _worker
    if _worker is None or _worker[0] != scan_id:
        from mtcheck.translate.base import progress_bars

        progress_bars(False)
        _worker = (scan_id, Worker(settings))
    if settings.folder and os.getcwd() != settings.folder:
        os.chdir(settings.folder)
    return _worker[1]


def _check_task(scan_id: str, settings: WorkerSettings, task: PairTask) -> PairResult:
    return _guarded_folder(task, settings) or _worker_for(scan_id, settings).check(task)


def _guarded_folder(task: PairTask, settings: WorkerSettings) -> PairResult | None:
    """The pair's failure when the scan's folder is not on this node."""
    if settings.folder and not os.path.isdir(settings.folder):
        node = os.uname().nodename
        return failed(task, f"{settings.folder} is not on Ray node {node}; each node needs the files at the same paths")
    return None


@dataclass(frozen=True)
class _Read:
    """What the driver learns from reading a pair: its languages and sentences."""

    index: int
    source_lang: str
    target_lang: str
    source_texts: tuple[str, ...]
    target_texts: tuple[str, ...]


def _read_task(scan_id: str, settings: WorkerSettings, task: PairTask) -> tuple[_Read | PairResult, Any]:
    from mtcheck.limits import applied
    from mtcheck.pipeline import LoadedPair, read_pair

    missing = _guarded_folder(task, settings)
    if missing is not None:
        return missing, None
    _worker_for(scan_id, settings)

    def read() -> LoadedPair:
        # Under the scan's --max-size/--max-sentences, as check_files reads a pair.
        with applied(settings.config.limits):
            return read_pair(task.source, task.target, task.source_lang, task.target_lang)

    pair = guarded(task, read)
    if isinstance(pair, PairResult):
        return pair, None
    texts = (tuple(s.text for s in pair.source.segments), tuple(s.text for s in pair.target.segments))
    return _Read(task.index, pair.source.lang, pair.target.lang, *texts), pair


@dataclass(frozen=True)
class _Known:
    """A translator whose answers were worked out beforehand (by the actors)."""

    table: dict[str, str]
    sig: TranslatorSignature

    def signature(self) -> TranslatorSignature:
        return self.sig

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        return [self.table[t] for t in texts]


def _check_loaded_task(
    scan_id: str,
    settings: WorkerSettings,
    task: PairTask,
    pair: Any,
    forward: _Known | None,
    back: _Known | None,
    missing: tuple[str, ...],
) -> PairResult:
    from mtcheck.glossary import load_glossary
    from mtcheck.limits import applied
    from mtcheck.pipeline import check_documents

    _worker_for(scan_id, settings)  # progress bars off in this process
    config = settings.config

    def check() -> Report:
        with applied(config.limits):
            glossary = load_glossary(config.glossary, config.do_not_translate)
        return check_documents(
            pair.source,
            pair.target,
            pair.alignment,
            config=config,
            glossary=glossary,
            forward=forward,
            back=back,
            missing_models=list(missing),
        )

    return guarded(task, check)


class TranslatorActor:
    """Holds one model; translates chunks of sentences from any file. A model that cannot be
    loaded is reported by the first call, as the one-line error it is."""

    def __init__(self, ref: ModelRef, options: TranslatorOptions) -> None:
        from mtcheck.translate.base import progress_bars

        progress_bars(False)
        self._error: str | None = None
        try:
            self._translator = ref.open(options)
        except MtcheckError as exc:
            self._error = str(exc)

    def signature(self) -> TranslatorSignature:
        if self._error is not None:
            raise TranslationError(self._error)
        return self._translator.signature()

    def translate(self, texts: list[str], src: str, tgt: str) -> list[str]:
        out = self._translator.translate(texts, src, tgt)
        if len(out) != len(texts):
            raise TranslationError(f"translator returned {len(out)} texts for {len(texts)}")
        return out


# Driver side, with models ---------------------------------------------------------------


def _any_model(request: TranslationRequest) -> bool:
    """Whether some pair could get a model: one was given, or the registry has one here."""
    if request.model is not None or request.back_model is not None:
        return True
    pairs = (("ru", "en"), ("ko", "en"), ("en", "ru"), ("en", "ko"))
    return any(m.forward or m.back for m in (locate(s, t, options=request.options) for s, t in pairs))


def _run_with_models(
    ray: Any,
    tasks: Sequence[PairTask],
    settings: WorkerSettings,
    settings_ref: Any,
    scan_id: str,
    on_result: OnResult,
    describe: Callable[[str], None],
) -> None:
    request = settings.translation
    assert request is not None
    by_index = {t.index: t for t in tasks}
    describe(f"reading {len(tasks):,} pairs on Ray")
    read = _remote(ray, _read_task, num_returns=2)
    refs = {t.index: read.remote(scan_id, settings_ref, t) for t in tasks}
    summaries: dict[int, _Read] = {}
    for index, (summary_ref, _pair_ref) in refs.items():
        try:
            summary = ray.get(summary_ref)
        except ray.exceptions.RayError as exc:
            summary = failed(by_index[index], f"the Ray worker reading it failed ({type(exc).__name__})")
        if isinstance(summary, PairResult):
            on_result(summary)
        else:
            summaries[index] = summary
    located: dict[tuple[str, str], PairModels] = {}
    for s in summaries.values():
        key = (s.source_lang, s.target_lang)
        if key not in located:
            located[key] = locate(*key, request.model, request.back_model, request.options)
    tables, signatures = _translate_all(ray, summaries, located, request.options, describe)
    describe(f"checking {len(summaries):,} pairs on Ray")
    check = _remote(ray, _check_loaded_task)
    pending = {}
    for index, s in summaries.items():
        models = located[s.source_lang, s.target_lang]
        # Only this pair's sentences travel with its task, not the whole corpus's.
        known = [
            _Known({t: tables[ref, src, tgt][t] for t in texts}, signatures[ref]) if ref is not None else None
            for ref, src, tgt, texts in _sides(models, s)
        ]
        task = by_index[index]
        pending[check.remote(scan_id, settings_ref, task, refs[index][1], *known, models.missing)] = task
    _collect(ray, pending, on_result)


Direction = tuple[ModelRef, str, str]


def _sides(models: PairModels, s: _Read) -> tuple[tuple[ModelRef | None, str, str, tuple[str, ...]], ...]:
    """(model, from, to, sentences) of a pair's forward and back translation."""
    return (
        (models.forward, s.source_lang, s.target_lang, s.source_texts),
        (models.back, s.target_lang, s.source_lang, s.target_texts),
    )


def _translate_all(
    ray: Any,
    summaries: dict[int, _Read],
    located: dict[tuple[str, str], PairModels],
    options: TranslatorOptions,
    describe: Callable[[str], None],
) -> tuple[dict[Direction, dict[str, str]], dict[ModelRef, TranslatorSignature]]:
    """Every sentence of every pair through its model, each distinct text once; the cache
    answers what an earlier run translated. Returns text → translation per direction, and
    each model's signature."""
    wanted: dict[Direction, dict[str, None]] = {}  # ordered sets of texts
    for s in summaries.values():
        for ref, src, tgt, texts in _sides(located[s.source_lang, s.target_lang], s):
            if ref is not None:
                wanted.setdefault((ref, src, tgt), {}).update(dict.fromkeys(texts))
    if not wanted:
        return {}, {}
    pools = _actor_pools(ray, sorted({d[0] for d in wanted}, key=str), options)
    try:
        signatures = {ref: _signature(ray, actors[0]) for ref, actors in pools.items()}
        with contextlib.closing(TranslationStore(memory=not options.cache)) as store:
            cache = _DriverCache(store, signatures)
            tables = {d: cache.known(d, list(texts)) for d, texts in wanted.items()}
            size = max(16, options.batch_size * 8)
            work = []  # (direction, chunk): length-sorted, so that a batch pads little
            for d, texts in wanted.items():
                todo = sorted((t for t in texts if t not in tables[d]), key=len)
                work += [(d, todo[k : k + size]) for k in range(0, len(todo), size)]
            total, done = sum(len(chunk) for _, chunk in work), 0
            describe(f"translating {total:,} sentences on {sum(len(a) for a in pools.values())} actor(s)")
            calls = _dispatch(pools, work)
            pending = list(calls)
            while pending:
                ready, pending = ray.wait(pending, num_returns=1)
                direction, chunk = calls[ready[0]]
                out = _fatal_get(ray, ready[0])
                cache.put(direction, chunk, out)  # as they come: an interrupted run keeps them
                tables[direction].update(zip(chunk, out, strict=True))
                done += len(chunk)
                describe(f"translating: {done:,} of {total:,} sentences")
        return tables, signatures
    finally:
        for actors in pools.values():  # their CPUs and GPUs go back to the checking tasks
            for actor in actors:
                ray.kill(actor)


@dataclass
class _DriverCache:
    """The translation cache on the driver, keyed as :class:`CachedTranslator` keys it, so
    that local and Ray scans share what they translated."""

    store: TranslationStore
    signatures: dict[ModelRef, TranslatorSignature]

    def _key(self, direction: Direction, text: str) -> str:
        ref, src, tgt = direction
        return cache_key(str(self.signatures[ref]), src, tgt, text)

    def known(self, direction: Direction, texts: list[str]) -> dict[str, str]:
        keys = {t: self._key(direction, t) for t in texts}
        found = self.store.get_many(sorted(set(keys.values())))
        return {t: found[k] for t, k in keys.items() if k in found}

    def put(self, direction: Direction, texts: list[str], out: list[str]) -> None:
        self.store.put_many([(self._key(direction, t), o) for t, o in zip(texts, out, strict=True)])


def _dispatch(pools: dict[ModelRef, list[Any]], work: list[tuple[Direction, list[str]]]) -> dict[Any, Any]:
    """Every chunk to an actor of its model's pool, in turn; Ray queues an actor's calls."""
    calls = {}
    for n, (direction, chunk) in enumerate(work):
        actors = pools[direction[0]]
        calls[actors[n % len(actors)].translate.remote(chunk, direction[1], direction[2])] = (direction, chunk)
    return calls


def _actor_pools(ray: Any, refs: list[ModelRef], options: TranslatorOptions) -> dict[ModelRef, list[Any]]:
    """One actor per GPU for each model where the cluster has GPUs (each GPU then holds one
    copy of every model); otherwise CPU actors sharing the cluster's CPUs."""
    resources = ray.cluster_resources()
    gpus = int(resources.get("GPU", 0)) if options.device != "cpu" else 0
    if gpus > 0:
        count, placement = gpus, {"num_cpus": 1, "num_gpus": 1 / len(refs)}
    else:
        threads = options.threads or 1
        count = max(1, int(resources.get("CPU", 1)) // (threads * len(refs)))
        placement = {"num_cpus": threads}
        options = replace(options, threads=threads, device="cpu")
    actor_class = ray.remote(TranslatorActor).options(**placement)
    return {ref: [actor_class.remote(ref, options) for _ in range(count)] for ref in refs}


def _signature(ray: Any, actor: Any) -> TranslatorSignature:
    return _fatal_get(ray, actor.signature.remote())  # type: ignore[no-any-return]


def _fatal_get(ray: Any, ref: Any) -> Any:
    """A translation result; any failure stops the scan (every pair needs the model)."""
    try:
        return ray.get(ref)
    except ray.exceptions.RayTaskError as exc:
        cause = exc.cause if isinstance(exc.cause, BaseException) else exc
        raise TranslationError(_first_line(cause)) from None
    except ray.exceptions.RayError as exc:
        raise TranslationError(f"a translation actor failed: {type(exc).__name__}: {_first_line(exc)}") from None
