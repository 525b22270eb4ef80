"""One review: the checked working copy, the editor's decisions, undo, and what the page shows.

Every action builds a new immutable :class:`State`, writes the review file (decisions and
unsaved edits) and only then makes the state current, so whatever the page shows as saved is
on disk. Undo goes back to the previous state, edits included, and writes that.

The page gets the whole state once (rows of aligned text with the flagged spans, and the
findings as queue items) and after each action only what changed, so acting on a finding in a
long document costs the rows and items it touched.
"""

from __future__ import annotations

import bisect
import itertools
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtcheck.errors import InputError
from mtcheck.fingerprint import display_path, fingerprints, location
from mtcheck.report.html import marked_pieces
from mtcheck.review import recheck
from mtcheck.review.store import Decision, ReviewFile, Unsaved, load_review, now, save_review
from mtcheck.review.working import DraftChanged, Edit, LoadedDraft, add, backup_path, load_draft, one_line
from mtcheck.types import Bead, Document, Finding, Report, Span

if TYPE_CHECKING:
    from mtcheck.config import Config
    from mtcheck.translate.load import PairTranslators

# Decisions an editor sets directly; "accepted" and "edited" come with an edit.
DIRECT = ("dismissed", "deferred", "open")


class ActionError(Exception):
    """An action the session refuses, with the HTTP status the page gets."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Ghost:
    """A decided finding that an edit made disappear (the accepted suggestion fixed it): it stays
    in the queue with its decision, marked on the text that replaced it."""

    fp: str
    item: Mapping[str, Any]
    anchor: Span


@dataclass(frozen=True)
class State:
    report: Report  # the working copy as checked
    raw: str  # the working copy as the file holds it (Markdown: before code and links are blanked)
    edits: tuple[Edit, ...]  # unsaved, in the loaded draft's coordinates
    fps: tuple[str, ...]  # fingerprints, parallel to report.findings
    row_ids: tuple[int, ...]  # the page's row for each alignment bead
    ghosts: tuple[Ghost, ...] = ()
    decisions: Mapping[str, Decision] = field(default_factory=dict)


@dataclass(frozen=True)
class _Views:
    rows: dict[int, dict[str, Any]]
    row_order: list[int]
    items: dict[str, dict[str, Any]]
    item_order: list[str]


class _Index:
    """Where sentences and beads are, for placing findings on rows."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.t_starts = [s.span.start for s in report.target.segments]
        self.s_starts = [s.span.start for s in report.source.segments]
        self.bead_of_t = {j: i for i, b in enumerate(report.alignment) for j in b.target}
        self.bead_of_s = {j: i for i, b in enumerate(report.alignment) for j in b.source}

    def beads_over(self, span: Span, target: bool) -> list[int]:
        starts, beads = (self.t_starts, self.bead_of_t) if target else (self.s_starts, self.bead_of_s)
        first = max(bisect.bisect_right(starts, span.start) - 1, 0)
        last = max(bisect.bisect_left(starts, span.end) - 1, first)
        return sorted({beads[k] for k in range(first, last + 1) if k in beads})

    def bead_of(self, f: Finding) -> int | None:
        for span, target in ((f.target_span, True), (f.source_span, False)):
            if span is not None and (over := self.beads_over(span, target)):
                return over[0]
        return None

    def edit_bead(self, bead: int | None) -> int | None:
        """The bead whose English an edit of a finding in ``bead`` rewrites: the bead itself, or
        for an omission the nearest one before it with English (else after it)."""
        if bead is None:
            return None
        beads = self.report.alignment
        nearest = itertools.chain(range(bead, -1, -1), range(bead + 1, len(beads)))
        return next((i for i in nearest if beads[i].target), None)


class ReviewSession:
    def __init__(
        self,
        report: Report,
        review: ReviewFile,
        check: recheck.Checker,
        *,
        draft: LoadedDraft | None = None,
        not_editable: str = "",
        mask: Callable[[str], str] | None = None,
        hide: Callable[[Report], Report] = lambda r: r,
    ) -> None:
        self._lock = threading.Lock()
        self._check = check
        self._hide = hide
        self._mask = mask
        self._draft = draft
        self._not_editable = not_editable if draft is None else ""
        self._review = review
        self._notices = list(report.notices)
        self._next_row = 0
        self._undo: list[State] = []
        self._views: _Views | None = None
        self._rows: dict[int, tuple[Any, dict[str, Any]]] = {}
        self.version = 0
        raw = draft.text if draft is not None else report.target.text
        self._state = State(
            report, raw, (), tuple(fingerprints(report)), self._new_rows(len(report.alignment)), (), review.decisions
        )
        self._restore(review.unsaved)
        self._views = self._build(self._state)

    # --- what the page reads -------------------------------------------------------------

    @property
    def editable(self) -> bool:
        return self._draft is not None

    @property
    def review_path(self) -> Path:
        return self._review.path

    @property
    def unsaved_edits(self) -> int:
        return len(self._state.edits)

    def state(self) -> dict[str, Any]:
        with self._lock:
            return self._full()

    def _full(self) -> dict[str, Any]:
        report, views = self._state.report, self._views
        return {
            "version": self.version,
            "meta": {
                "source": display_path(report.source.path),
                "target": display_path(report.target.path),
                "sourceLang": report.source.lang,
                "targetLang": report.target.lang,
                "reviewFile": display_path(str(self._review.path)),
                "editable": self.editable,
                "notEditable": self._not_editable,
                "notices": self._notices,
            },
            "rows": [views.rows[r] for r in views.row_order],
            "items": [views.items[fp] for fp in views.item_order],
            "status": self._status(),
        }

    def _status(self) -> dict[str, Any]:
        return {"edits": len(self._state.edits), "undo": len(self._undo)}

    # --- actions ------------------------------------------------------------------------

    def decide(self, fp: str, decision: str, reason: str = "") -> dict[str, Any]:
        if decision not in DIRECT:
            raise ActionError(f"unknown decision {decision!r} (expected one of: {', '.join(DIRECT)})")
        with self._lock:
            state = self._state
            f = self._live(fp)
            decisions = dict(state.decisions)
            if decision == "open":
                decisions.pop(fp, None)
            else:
                decisions[fp] = Decision(decision, f.rule, _flagged(f, state.report), reason.strip(), now())
            return self._commit(replace(state, decisions=decisions))

    def accept(self, fp: str, choice: int = 0) -> dict[str, Any]:
        with self._lock:
            state = self._state
            f = self._live(fp)
            choices = _choices(f.suggestion)
            if f.target_span is None or not choices:
                raise ActionError("this finding has no suggestion to put into the draft")
            if not 0 <= choice < len(choices):
                raise ActionError(f"there is no suggestion #{choice}")
            self._require_editable()
            span = f.target_span
            decision = Decision("accepted", f.rule, _flagged(f, state.report), "", now(), choices[choice])
            return self._commit(self._edited(state, span.start, span.end, choices[choice], {fp: decision}))

    def edit(self, fp: str, text: str, expected: str) -> dict[str, Any]:
        """Rewrite the English of the finding's row (for an omission, of the row before it)."""
        with self._lock:
            state = self._state
            self._require_editable()
            item = self._views.items.get(fp)
            if item is None:
                raise ActionError("no such finding; reload the page", 409)
            bead = self._bead_of_row(item["editRow"])
            if bead is None:
                raise ActionError("this finding has no English sentence to edit")
            span = state.report.target.span_of(state.report.alignment[bead].target)
            assert span is not None  # edit rows have English by construction
            if state.raw[span.start : span.end] != expected:
                raise ActionError("the sentence changed since the page showed it; reload the page", 409)
            text = one_line(text)
            if text == expected:
                raise ActionError("nothing changed")
            decided = {}
            if not item["gone"]:
                f = self._live(fp)
                decided[fp] = Decision("edited", f.rule, _flagged(f, state.report), "", now(), text)
            return self._commit(self._edited(state, span.start, span.end, text, decided))

    def undo(self) -> dict[str, Any]:
        with self._lock:
            if not self._undo:
                raise ActionError("nothing to undo")
            previous = self._undo[-1]
            response = self._commit(previous, undoable=False)
            self._undo.pop()
            response["status"] = self._status()
            return response

    def save_draft(self) -> dict[str, Any]:
        with self._lock:
            self._require_editable()
            assert self._draft is not None
            state = self._state
            if not state.edits:
                raise ActionError("no unsaved edits")
            try:
                saved = self._draft.save(state.edits)
            except DraftChanged as exc:
                raise ActionError(str(exc), 409) from None
            except InputError as exc:
                raise ActionError(str(exc)) from None
            except OSError as exc:
                raise ActionError(f"cannot write {self._draft.path}: {exc.strerror or exc}", 500) from None
            count = len(state.edits)
            self._draft = saved
            # Undo works on edits to the file as it was loaded; a new file starts a new history.
            self._undo.clear()
            response = self._commit(replace(state, edits=()), undoable=False)
            backup = backup_path(saved.path.resolve())
            response["message"] = f"saved {count} edit(s) to {saved.path} (the previous version is in {backup})"
            return response

    # --- internals ----------------------------------------------------------------------

    def _require_editable(self) -> None:
        if self._draft is None:
            raise ActionError(f"the draft cannot be edited here: {self._not_editable}")

    def _live(self, fp: str) -> Finding:
        state = self._state
        try:
            return state.report.findings[state.fps.index(fp)]
        except ValueError:
            if any(g.fp == fp for g in state.ghosts):
                raise ActionError("this finding is gone from the draft (an edit fixed it)") from None
            raise ActionError("no such finding; reload the page", 409) from None

    def _bead_of_row(self, row: int | None) -> int | None:
        if row is None:
            return None
        try:
            return self._state.row_ids.index(row)
        except ValueError:
            return None

    def _new_rows(self, n: int) -> tuple[int, ...]:
        self._next_row += n
        return tuple(range(self._next_row - n, self._next_row))

    def _commit(self, new: State, undoable: bool = True) -> dict[str, Any]:
        review = replace(
            self._review,
            decisions=dict(new.decisions),
            unsaved=Unsaved(self._draft.digest, new.edits) if self._draft is not None and new.edits else None,
        )
        try:
            save_review(review)
        except OSError as exc:
            raise ActionError(f"cannot write {review.path}: {exc.strerror or exc}; nothing was recorded", 500) from None
        self._review = review
        if undoable:
            self._undo.append(self._state)
        self._state = new
        old, self._views = self._views, self._build(new)
        base = self.version
        self.version += 1
        return {"version": self.version, "base": base, **_diff(old, self._views), "status": self._status()}

    def _edited(
        self, state: State, start: int, end: int, text: str, decided: Mapping[str, Decision] | None = None
    ) -> State:
        """``state`` with ``raw[start:end]`` replaced and ``decided`` recorded: re-checked,
        decisions carried over to the findings the edit only moved, decided findings it removed
        kept as ghosts."""
        refusal = self._draft.refuses(text) if self._draft is not None else None
        if refusal is not None:
            raise ActionError(refusal)
        raw = state.raw[:start] + text + state.raw[end:]
        checked = self._mask(raw) if self._mask is not None else raw
        old_text = state.report.target.text
        c_start, c_end = _changed(old_text, checked, start, end, len(text))
        done = recheck.edit(state.report, c_start, c_end, checked, self._check)
        report = replace(self._hide(done.report), notices=state.report.notices)
        fps = tuple(fingerprints(report))
        rows = state.row_ids
        row_ids = (
            *rows[: done.beads_before.start],
            *self._new_rows(len(done.beads_after)),
            *rows[done.beads_before.stop :],
        )
        length = len(text)
        decisions = {**state.decisions, **(decided or {})}
        live = set(fps)
        moved = {
            (f.rule, _key(f.target_span), _key(f.source_span)): fp
            for f, fp in zip(report.findings, fps, strict=True)
            if fp not in decisions
        }
        ghosts = [
            replace(g, anchor=recheck.shift(g.anchor, start, end, length)) for g in state.ghosts if g.fp not in live
        ]
        for f, fp in zip(state.report.findings, state.fps, strict=True):
            if fp in live or fp not in decisions:
                continue
            shifted = recheck.shift(f.target_span, start, end, length) if f.target_span else None
            touched = f.target_span is not None and f.target_span.start < end and start < f.target_span.end
            twin = None if touched else moved.get((f.rule, _key(shifted), _key(f.source_span)))
            if twin is not None:
                decisions[twin] = decisions[fp]  # the same finding: the edit changed its sentence around it
                continue
            anchor = shifted or Span(start, start + length)
            item = self._views.items.get(fp) if self._views is not None else None
            ghosts.append(Ghost(fp, item or self._item(f, fp, state, _Index(state.report)), anchor))
        edits = add(self._draft.text, state.edits, start, end, text) if self._draft is not None else state.edits
        return State(report, raw, edits, fps, row_ids, tuple(ghosts), decisions)

    def _restore(self, unsaved: Unsaved | None) -> None:
        """Re-apply the edits a previous run of the review left unsaved (a killed server)."""
        if unsaved is None or not unsaved.edits:
            return
        draft = self._draft
        if (
            draft is None
            or unsaved.draft_sha256 != draft.digest
            or any(draft.text[e.start : e.end] != e.original for e in unsaved.edits)
        ):
            lost = "; ".join(f"{e.original!r} → {e.text!r}" for e in unsaved.edits)
            self._notices.append(
                f"unsaved edits from an earlier review were made to another version of the draft and were "
                f"not restored: {lost}"
            )
            return
        state, shift = self._state, 0
        for e in unsaved.edits:
            state = self._edited(state, e.start + shift, e.end + shift, e.text)
            shift += len(e.text) - (e.end - e.start)
        self._state = state
        self._notices.append(f"{len(unsaved.edits)} unsaved edit(s) from the last review were restored")

    # --- views --------------------------------------------------------------------------

    def _build(self, state: State) -> _Views:
        index = _Index(state.report)
        report = state.report
        display = state.raw
        marks_t: dict[int, list[tuple[Span, str]]] = {}
        marks_s: dict[int, list[tuple[Span, str]]] = {}
        items: dict[str, dict[str, Any]] = {}
        # The queue in the order of the rows (an omission sits where its source sentence is).
        position = {rid: i for i, rid in enumerate(state.row_ids)}
        keyed: list[tuple[tuple[int, int, int, str], str]] = []
        for f, fp in zip(report.findings, state.fps, strict=True):
            for span, target, marks in ((f.target_span, True, marks_t), (f.source_span, False, marks_s)):
                if span is not None:
                    for b in index.beads_over(span, target):
                        marks.setdefault(b, []).append((span, fp))
            items[fp] = self._item(f, fp, state, index)
            keyed.append(((position.get(items[fp]["row"], -1), *recheck.order(f)), fp))
        for g in state.ghosts:
            over = index.beads_over(g.anchor, True)
            for b in over:
                marks_t.setdefault(b, []).append((g.anchor, g.fp))
            row = state.row_ids[over[0]] if over else None
            decision = state.decisions.get(g.fp)
            items[g.fp] = {**g.item, **_decision_fields(decision), "row": row, "editRow": row, "gone": True}
            items[g.fp]["canAccept"] = False
            items[g.fp]["canEdit"] = self.editable and row is not None
            keyed.append(((position.get(row, -1), g.anchor.start, -1, g.item["rule"]), g.fp))
        # A row's text is fixed by its id (an edit gives its rows new ids), so a row is rebuilt
        # only when its marks moved within it; on a long document most actions touch few rows.
        rows = {}
        cache: dict[int, tuple[Any, dict[str, Any]]] = {}
        for i, bead in enumerate(report.alignment):
            rid = state.row_ids[i]
            s_span, t_span = report.source.span_of(bead.source), report.target.span_of(bead.target)
            s_marks, t_marks = marks_s.get(i, []), marks_t.get(i, [])
            key = (_relative(s_marks, s_span), _relative(t_marks, t_span))
            hit = self._rows.get(rid)
            if hit is None or hit[0] != key:
                source, target = _pieces(report.source.text, s_span, s_marks), _pieces(display, t_span, t_marks)
                hit = (key, {"id": rid, "s": source, "t": target})
            cache[rid] = hit
            rows[rid] = hit[1]
        self._rows = cache
        return _Views(rows, list(state.row_ids), items, [fp for _key, fp in sorted(keyed)])

    def _item(self, f: Finding, fp: str, state: State, index: _Index) -> dict[str, Any]:
        report = state.report
        bead = index.bead_of(f)
        edit_bead = index.edit_bead(bead)
        choices = _choices(f.suggestion) if f.target_span is not None else []
        evidence = {k: v for k, v in f.evidence.items() if k != "back_translation"}
        back = f.evidence.get("back_translation")
        return {
            "fp": fp,
            "rule": f.rule,
            "name": f.name,
            "severity": f.severity.label,
            "confidence": f.confidence,
            "message": f.message,
            "suggestion": f.suggestion,
            "choices": choices,
            "source": f.source_span.text(report.source.text) if f.source_span else None,
            "target": f.target_span.text(state.raw) if f.target_span else None,
            "back": None if back is None else str(back),
            "evidence": evidence,
            "row": None if bead is None else state.row_ids[bead],
            "editRow": None if edit_bead is None else state.row_ids[edit_bead],
            "canAccept": self.editable and bool(choices),
            "canEdit": self.editable and edit_bead is not None,
            "gone": False,
            **_decision_fields(state.decisions.get(fp)),
        }


def _decision_fields(d: Decision | None) -> dict[str, Any]:
    return {
        "decision": d.decision if d else None,
        "reason": d.reason if d else "",
        "replacement": d.replacement if d else None,
        "at": d.at if d else "",
    }


def _choices(suggestion: str | None) -> list[str]:
    """The alternatives a suggestion offers ("SMO / special military operation")."""
    return [c.strip() for c in (suggestion or "").split(" / ") if c.strip()]


def _flagged(f: Finding, report: Report) -> str:
    _side, doc, span = location(f, report)
    return span.text(doc.text) if span else ""


def _key(span: Span | None) -> tuple[int, int]:
    return (span.start, span.end) if span else (-1, -1)


def _pieces(text: str, span: Span | None, marks: Sequence[tuple[Span, str]]) -> list[Any] | None:
    """A cell's text cut at the flagged spans: plain strings, and [text, [fingerprints]]."""
    if span is None:
        return None
    return [piece if not over else [piece, over] for piece, over in marked_pieces(text, span, marks)]


def _relative(marks: Sequence[tuple[Span, str]], cell: Span | None) -> tuple[tuple[int, int, str], ...]:
    at = cell.start if cell is not None else 0
    return tuple((span.start - at, span.end - at, fp) for span, fp in marks)


def _changed(old: str, new: str, start: int, end: int, length: int) -> tuple[int, int]:
    """The span of ``old`` that differs from ``new``: the edit itself, unless blanking Markdown
    code and links moved the difference beyond it (a backtick typed into a sentence)."""
    if old[:start] == new[:start] and old[end:] == new[start + length :]:
        return start, end
    head, tail = _common_ends(old, new)
    return head, len(old) - tail


def _common_ends(a: Sequence[Any], b: Sequence[Any]) -> tuple[int, int]:
    """How many items ``a`` and ``b`` share at their start, and then at their end."""
    shortest = min(len(a), len(b))
    head = 0
    while head < shortest and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < shortest - head and a[len(a) - 1 - tail] == b[len(b) - 1 - tail]:
        tail += 1
    return head, tail


def _diff(old: _Views, new: _Views) -> dict[str, Any]:
    """What the page needs to go from ``old`` to ``new``: one block of rows replaced (an edit),
    rows whose marks changed, and the items added, changed or gone."""
    a, b = old.row_order, new.row_order
    p, q = _common_ends(a, b)
    inserted = b[p : len(b) - q]
    rows = {
        "remove": a[p : len(a) - q],
        "after": b[p - 1] if p else None,
        "insert": [new.rows[r] for r in inserted],
        "update": [new.rows[r] for r in b if r in old.rows and old.rows[r] != new.rows[r]],
    }
    items = {
        "upsert": [new.items[fp] for fp in new.item_order if old.items.get(fp) != new.items[fp]],
        "remove": [fp for fp in old.item_order if fp not in new.items],
        "order": new.item_order if new.item_order != old.item_order else None,
    }
    return {"rows": rows if any(rows[k] for k in ("remove", "insert", "update")) else None, "items": items}


def open_session(
    report: Report,
    config: Config | None = None,
    pair: PairTranslators | None = None,
    hide: Callable[[Report], Report] = lambda r: r,
) -> ReviewSession:
    """The review of a checked pair: its review file, and the draft when it can be edited here.
    ``pair`` translates for the re-checks after edits; ``hide`` drops what the baseline and the
    config's suppressions hide, as it did for the first run."""
    from mtcheck.glossary import load_glossary
    from mtcheck.pipeline import check_documents

    review = load_review(report.source.path, report.target.path)
    draft, why, mask = _editable_draft(report)
    glossary = load_glossary(config.glossary, config.do_not_translate) if config is not None else None
    forward = pair.forward if pair is not None else None
    back = pair.back if pair is not None else None

    def check(source: Document, target: Document, alignment: tuple[Bead, ...]) -> Sequence[Finding]:
        return check_documents(
            source, target, alignment, config=config, glossary=glossary, forward=forward, back=back
        ).findings

    return ReviewSession(report, review, check, draft=draft, not_editable=why, mask=mask, hide=hide)


def _editable_draft(report: Report) -> tuple[LoadedDraft | None, str, Callable[[str], str] | None]:
    """The draft as loaded for editing, or why it cannot be edited here, and the masking its
    checks read it through (Markdown)."""
    from mtcheck.documents.inputs import kind_of
    from mtcheck.documents.markdown import mask_markdown
    from mtcheck.documents.text import read_text

    path = Path(report.target.path)
    if report.source.path == report.target.path:
        return None, "a bilingual file (XLIFF, PO, TMX, CSV/TSV) is edited in its own tool", None
    kind = kind_of(path)
    if kind not in ("text", "markdown"):
        return None, f"only plain-text and Markdown drafts are edited here, not {path.suffix or path.name}", None
    decoded = read_text(path)
    mask = mask_markdown if kind == "markdown" else None
    if (mask(decoded.text) if mask else decoded.text) != report.target.text:
        return None, f"{path} changed while it was checked; restart the review to edit it", None
    loaded = load_draft(path, decoded.text, decoded.encoding)
    if isinstance(loaded, str):
        return None, loaded, None
    return loaded, "", mask
