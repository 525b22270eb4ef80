"""The quality benchmark runs without its data (CI, a fresh clone) and says so."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_quality_benchmark_without_data_exits_0(tmp_path: Path) -> None:
    env = {**os.environ, "MTCHECK_EVAL_DATA": str(tmp_path / "absent"), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "quality.py")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"evaluation data not found at {tmp_path / 'absent'}; nothing measured"


def test_check_pair_reports_the_codemix_span() -> None:
    from benchmarks.quality import check_pair

    src = "Дипломатические отношения с Катаром три года назад разорвали ОАЭ, Саудовская Аравия, Египет и Бахрейн."
    tgt = "Diplomatic отношения with Qatar were severed by the United Arab Emirates, Saudi Arabia, Egypt and Bahrain."
    (f,) = check_pair(src, "ru", tgt, ("MT4",))
    assert f.rule == "MT401" and f.target_span and f.target_span.text(tgt) == "отношения"


def test_documents_group_sentences_into_paragraphs_within_each_news_document() -> None:
    from benchmarks.quality import paragraphs
    from mtcheck.documents.text import build_document

    lines = ["Первое предложение.", "Второе  предложение.", "Третье.", "Новая статья.", "Ещё одно."]
    text = paragraphs(lines, 2, ["a", "a", "a", "b", "b"])
    assert text == "Первое предложение. Второе предложение.\n\nТретье.\n\nНовая статья. Ещё одно.\n"
    doc = build_document("x.ru.txt", "ru", text)
    assert [len(p.segments) for p in doc.paragraphs] == [2, 1, 2]
    assert paragraphs(lines[:2], 1) == "Первое предложение.\n\nВторое предложение.\n"
