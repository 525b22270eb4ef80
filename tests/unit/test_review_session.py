"""A review session without the browser: accepting and editing re-check the touched pairs and
agree with a full check; decisions follow a finding whose sentence was edited around it; undo;
a restart restores unsaved edits; Markdown keeps its links; bilingual files take decisions only."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from mtcheck.documents.markdown import mask_markdown
from mtcheck.pipeline import check_files
from mtcheck.review.session import ActionError, ReviewSession, open_session
from mtcheck.review.store import hide_dismissed, load_review, review_path
from mtcheck.types import Report
from tests.conftest import DATA, corpus


def session_of(source: Path, draft: Path) -> ReviewSession:
    return open_session(check_files(source, draft))


def items(session: ReviewSession) -> list[dict[str, Any]]:
    return session.state()["items"]


def item(session: ReviewSession, rule: str, text: str, n: int = 0) -> dict[str, Any]:
    return [i for i in items(session) if i["rule"] == rule and i["target"] == text][n]


def row_text(session: ReviewSession, row: int) -> str:
    found = next(r for r in session.state()["rows"] if r["id"] == row)
    return "".join(p if isinstance(p, str) else p[0] for p in found["t"])


def spans(report: Report) -> list[tuple[str, str]]:
    return sorted(
        (f.rule, f.target_span.text(report.target.text) if f.target_span else f.source_span.text(report.source.text))  # type: ignore[union-attr]
        for f in report.findings
    )


def test_accepting_rechecks_the_sentence(kursk_copy: tuple[Path, Path]) -> None:
    source, draft = kursk_copy
    session = session_of(source, draft)
    before = {i["fp"]: i for i in items(session)}
    target = item(session, "MT201", "Khinstin")
    response = session.accept(target["fp"])
    # The page learns what changed: one row replaced, the accepted finding now fixed.
    assert response["rows"]["remove"] == [target["row"]]
    (new_row,) = response["rows"]["insert"]
    assert "Alexander Khinshteyn announced" in "".join(p if isinstance(p, str) else p[0] for p in new_row["t"])
    (accepted,) = response["items"]["upsert"]
    assert (accepted["fp"], accepted["decision"], accepted["gone"]) == (target["fp"], "accepted", True)
    # Findings elsewhere keep their fingerprints (and so their decisions).
    after = {i["fp"]: i for i in items(session)}
    assert set(after) == set(before)
    assert sum(1 for i in after.values() if i["rule"] == "MT201" and not i["gone"]) == 2
    # On disk: the decision and the unsaved edit, nothing in the draft yet.
    review = json.loads(review_path(draft).read_text(encoding="utf-8"))
    assert review["decisions"][target["fp"]]["replacement"] == "Khinshteyn"
    assert review["unsaved"]["edits"] == [{"end": 885, "original": "Khinstin", "start": 877, "text": "Khinshteyn"}]
    assert "Khinshteyn" not in draft.read_text(encoding="utf-8")


def test_rechecked_findings_agree_with_a_full_check(kursk_copy: tuple[Path, Path]) -> None:
    source, draft = kursk_copy
    session = session_of(source, draft)
    session.accept(item(session, "MT203", "SWO")["fp"], choice=1)  # "special military operation"
    square = item(session, "MT204", "In Internationals Kvir")
    sentence = row_text(session, square["editRow"])
    # An edit that also splits the sentence in two, so the pair is re-aligned.
    session.edit(
        square["fp"],
        sentence.replace("‘In Internationals Kvir,’", "Internationalists Square. It is a place"),
        sentence,
    )
    session.save_draft()
    state = session._state.report  # the session's view of the saved draft
    fresh = check_files(source, draft)
    assert spans(state) == spans(fresh)
    assert [s.span for s in state.target.segments] == [s.span for s in fresh.target.segments]
    assert "(special military operation)" in draft.read_text(encoding="utf-8")


def test_a_dismissal_follows_its_finding_when_the_sentence_is_edited(kursk_copy: tuple[Path, Path]) -> None:
    source, draft = kursk_copy
    # One sentence with two findings: the garbled name and a Russian word left in.
    text = draft.read_text(encoding="utf-8").replace("between North Korea and Russia.", "between КНДР and Russia.", 1)
    draft.write_text(text, encoding="utf-8")
    session = session_of(source, draft)
    untranslated = item(session, "MT401", "КНДР")
    session.decide(untranslated["fp"], "dismissed", "the source's own abbreviation, kept on purpose")
    session.accept(item(session, "MT201", "Khinstin")["fp"])
    # The sentence changed around КНДР, so its fingerprint did; the dismissal came along.
    now = item(session, "MT401", "КНДР")
    assert now["fp"] != untranslated["fp"]
    assert (now["decision"], now["reason"]) == ("dismissed", "the source's own abbreviation, kept on purpose")
    session.save_draft()
    # A later check of the saved draft hides it.
    hidden = hide_dismissed(check_files(source, draft))
    assert "MT401" not in {f.rule for f in hidden.findings}
    assert any("1 finding(s) dismissed" in n for n in hidden.notices)


def test_undo_takes_back_text_and_decisions(kursk_copy: tuple[Path, Path]) -> None:
    source, draft = kursk_copy
    session = session_of(source, draft)
    start = session.state()
    swo = item(session, "MT203", "SWO")
    session.decide(item(session, "MT201", "Khinstin", 1)["fp"], "dismissed")
    session.accept(swo["fp"])
    session.undo()
    assert load_review(source, draft).unsaved is None
    assert item(session, "MT203", "SWO")["decision"] is None
    assert row_text(session, swo["row"]) == row_text_of(start, swo["row"])
    session.undo()
    assert load_review(source, draft).decisions == {}
    assert [i["fp"] for i in items(session)] == [i["fp"] for i in start["items"]]
    with pytest.raises(ActionError, match="nothing to undo"):
        session.undo()


def row_text_of(state: dict[str, Any], row: int) -> str:
    found = next(r for r in state["rows"] if r["id"] == row)
    return "".join(p if isinstance(p, str) else p[0] for p in found["t"])


def test_a_new_session_restores_unsaved_edits(kursk_copy: tuple[Path, Path]) -> None:
    source, draft = kursk_copy
    first = session_of(source, draft)
    fp = item(first, "MT201", "Khinstin")["fp"]
    first.accept(fp)
    expected = first.state()
    second = session_of(source, draft)  # as after kill -9 and a new `mtcheck review`
    state = second.state()
    assert [(i["fp"], i["decision"], i["gone"]) for i in state["items"]] == [
        (i["fp"], i["decision"], i["gone"]) for i in expected["items"]
    ]
    assert "1 unsaved edit(s) from the last review were restored" in state["meta"]["notices"]
    assert state["status"]["edits"] == 1
    # The draft changed on disk meanwhile: the edits are named, not applied.
    draft.write_text(draft.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    third = session_of(source, draft)
    notices = " ".join(third.state()["meta"]["notices"])
    assert "were not restored: 'Khinstin' → 'Khinshteyn'" in notices
    assert third.state()["status"]["edits"] == 0


def test_markdown_edits_keep_links_and_code(tmp_path: Path) -> None:
    source, draft = tmp_path / "article.ru.md", tmp_path / "article.en.md"
    shutil.copy(DATA / "formats" / "article.ru.md", source)
    shutil.copy(DATA / "formats" / "article.en.md", draft)
    original = draft.read_bytes()
    session = session_of(source, draft)
    session.accept(item(session, "MT201", "Khinstin")["fp"])
    doubled = item(session, "MT404", "the")
    sentence = row_text(session, doubled["editRow"])
    # The page shows the file's own text (the checks read code and links blanked out).
    assert "`инициатива`" in sentence
    fixed = sentence.replace("Khinstin emphasizing the the", "Khinshteyn emphasizing the")
    session.edit(doubled["fp"], fixed, sentence)
    assert session._state.report.target.text == mask_markdown(session._state.raw)
    session.save_draft()
    assert draft.read_bytes() == original.replace(b"Khinstin", b"Khinshteyn").replace(b"the the", b"the", 1)
    assert b"https://example.org/kursk/\xd0\xbf" in draft.read_bytes()
    fresh = check_files(source, draft)
    assert spans(session._state.report) == spans(fresh)


def test_a_bilingual_file_takes_decisions_but_not_edits(tmp_path: Path) -> None:
    xliff = tmp_path / "ru-en.xlf"
    shutil.copy(DATA / "formats" / "ru-en.xlf", xliff)
    session = open_session(check_files(xliff))
    state = session.state()
    assert state["meta"]["editable"] is False
    assert "edited in its own tool" in state["meta"]["notEditable"]
    name = item(session, "MT201", "Khinstin")
    assert not name["canAccept"] and not name["canEdit"]
    with pytest.raises(ActionError, match="cannot be edited here"):
        session.accept(name["fp"])
    session.decide(name["fp"], "dismissed", "spelt as the client wants")
    assert tmp_path.joinpath("ru-en.xlf.review.json").is_file()
    assert "MT201" not in {f.rule for f in hide_dismissed(check_files(xliff)).findings}


def test_edits_the_draft_cannot_hold_are_refused(tmp_path: Path) -> None:
    source, draft = tmp_path / "source.ru.txt", tmp_path / "draft.en.txt"
    shutil.copy(corpus("kursk-ru")[0], source)
    draft.write_bytes(corpus("kursk-ru")[1].read_text(encoding="utf-8").encode("cp1252"))
    session = session_of(source, draft)
    name = item(session, "MT201", "Khinstin")
    sentence = row_text(session, name["editRow"])
    with pytest.raises(ActionError, match=r"is cp125\d, which cannot hold '힌시테인'"):
        session.edit(name["fp"], sentence.replace("Khinstin", "힌시테인"), sentence)
    assert session.state()["status"]["edits"] == 0


def test_an_omission_made_and_mended_in_the_review(kursk_copy: tuple[Path, Path]) -> None:
    """Deleting a paragraph's English makes an omission where its source is; adding the
    translation to the sentence before (what `e` offers for an omission) resolves it."""
    source, draft = kursk_copy
    session = session_of(source, draft)
    square = item(session, "MT204", "In Internationals Kvir")
    sentence = row_text(session, square["editRow"])
    session.edit(square["fp"], "", sentence)
    rules = [i["rule"] for i in items(session) if not i["gone"]]
    assert rules.index("MT101") == 3  # in the queue where the source sentence is
    omission = item(session, "MT101", None)
    assert omission["source"].startswith("Члены совета предложили")
    before = row_text(session, omission["editRow"])
    assert before.startswith("The regional authorities convened")
    added = " Members of the council proposed placing the monument in Internationalists Square."
    session.edit(omission["fp"], before + added, before)
    assert "MT101" not in [i["rule"] for i in items(session) if not i["gone"]]
    assert item(session, "MT101", None)["decision"] == "edited"
    session.save_draft()
    assert "MT101" not in {f.rule for f in check_files(source, draft).findings}


def test_an_item_carries_the_back_translation(kursk_copy: tuple[Path, Path]) -> None:
    """With translation models the evidence holds a back-translation; the queue item has it apart."""
    source, draft = kursk_copy
    report = check_files(source, draft)
    first = report.findings[0]
    planted = replace(first, evidence={**first.evidence, "back_translation": "специальной военной операции (СВО)"})
    session = open_session(replace(report, findings=(planted, *report.findings[1:])))
    shown = items(session)[0]
    assert shown["back"] == "специальной военной операции (СВО)"
    assert "back_translation" not in shown["evidence"]
    assert shown["evidence"]["source_acronym"] == first.evidence["source_acronym"]
