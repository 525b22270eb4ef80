from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from mtcheck.align import align_documents
from mtcheck.checks.registry import CheckContext
from mtcheck.documents.text import build_document

# `review_server`: `mtcheck review` processes for the review tests.
pytest_plugins = ["tests.reviewserver"]

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
DATA = Path(__file__).resolve().parent / "data"


def corpus(name: str) -> tuple[Path, Path]:
    """(source, English draft) of a bundled corpus."""
    folder = CORPORA / name
    source = next(folder.glob("source.*.txt"))
    return source, folder / "draft.en.txt"


# The bundled drafts carry three known name errors (see corpora/README.md); with them corrected
# the drafts are clean translations, which is what tests of other checks need.
NAME_FIXES = (("Khinstin", "Khinshtein"), ("SWO", "SMO"), ("In Internationals Kvir", "Internationalists Square"))


def corrected(text: str) -> str:
    for wrong, right in NAME_FIXES:
        text = text.replace(wrong, right)
    return text


def corrected_draft(folder: Path, name: str = "kursk-ru") -> Path:
    path = folder / "draft.en.txt"
    path.write_text(corrected(corpus(name)[1].read_text(encoding="utf-8")), encoding="utf-8")
    return path


def paragraphs(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n\n")


@pytest.fixture
def kursk_ru() -> tuple[Path, Path]:
    return corpus("kursk-ru")


@pytest.fixture
def kursk_ko() -> tuple[Path, Path]:
    return corpus("kursk-ko")


@pytest.fixture
def kursk_copy(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the Kursk pair (ru → en) in a folder a test may write to (reviews write beside
    the draft)."""
    source, draft = corpus("kursk-ru")
    shutil.copy(source, tmp_path / source.name)
    shutil.copy(draft, tmp_path / draft.name)
    return tmp_path / source.name, tmp_path / draft.name


# No test may reach a model hub or the user's caches: the Hugging Face cache and mtcheck's
# translation cache point into a throwaway folder before anything imports huggingface_hub
# (which reads these variables once, at import).
_ISOLATED = Path(tempfile.mkdtemp(prefix="mtcheck-tests-"))
atexit.register(shutil.rmtree, _ISOLATED, True)
os.environ["HF_HOME"] = str(_ISOLATED / "hf")
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["MTCHECK_CACHE_DIR"] = str(_ISOLATED / "mtcheck")


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own translation cache."""
    folder = tmp_path / "mtcheck-cache"
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def tiny_marian(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random-weight Marian model directory, built once per session."""
    pytest.importorskip("transformers")
    pytest.importorskip("sentencepiece")
    from tests.tinymodel import build_marian

    return build_marian(tmp_path_factory.mktemp("tiny") / "marian")


@pytest.fixture(scope="session")
def tiny_ct2(tiny_marian: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The tiny model converted to CTranslate2, in float32 (exact comparison) and int8."""
    pytest.importorskip("ctranslate2")
    from mtcheck.translate.ct2 import convert

    base = tmp_path_factory.mktemp("ct2")
    return {q: convert(tiny_marian, base / q, quantization=q) for q in ("float32", "int8")}


@pytest.fixture(scope="session")
def tiny_m2m100(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random-weight M2M100 model directory (language tags), built once per session.
    Seed 1: with it the random model's greedy outputs vary from sentence to sentence in
    both test directions (seed 0 answers most English sentences with the same token)."""
    pytest.importorskip("transformers")
    pytest.importorskip("sentencepiece")
    from tests.tinymodel import build_m2m100

    return build_m2m100(tmp_path_factory.mktemp("tiny") / "m2m100", seed=1)


@pytest.fixture(scope="session")
def tiny_m2m100_ct2(tiny_m2m100: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny M2M100 converted to CTranslate2 by mtcheck's own code, in float32."""
    pytest.importorskip("ctranslate2")
    from mtcheck.translate.ct2 import convert

    return convert(tiny_m2m100, tmp_path_factory.mktemp("ct2") / "m2m100-float32", quantization="float32")


@pytest.fixture(scope="session")
def tiny_nllb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random-weight NLLB-200 (M2M100 weights, NllbTokenizer), built once per session.
    Seed 3, for outputs that vary from sentence to sentence, as for tiny_m2m100."""
    pytest.importorskip("transformers")
    pytest.importorskip("tokenizers")
    from tests.tinymodel import build_nllb

    return build_nllb(tmp_path_factory.mktemp("tiny") / "nllb", seed=3)


@pytest.fixture(scope="session")
def tiny_nllb_ct2(tiny_nllb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny NLLB converted to CTranslate2 by mtcheck's own code, in float32."""
    pytest.importorskip("ctranslate2")
    from mtcheck.translate.ct2 import convert

    return convert(tiny_nllb, tmp_path_factory.mktemp("ct2") / "nllb-float32", quantization="float32")


# Sentences of the bundled Kursk corpora that several test modules use.
RU_GOVERNOR = (
    "4 декабря губернатор Курской области Александр Хинштейн объявил о планах установить памятник "
    "«боевому братству» КНДР и России."
)
EN_GOVERNOR = (
    "On December 4, Kursk Governor Alexander Khinstin announced plans to erect a monument commemorating "
    "the ‘battle brotherhood’ between North Korea and Russia."
)


def context(
    source: str, target: str, source_lang: str = "ru", target_lang: str = "en", glossary: Any = None
) -> CheckContext:
    """A check context for two short texts, aligned as the pipeline would align them."""
    src = build_document("source.txt", source_lang, source)
    tgt = build_document("target.txt", target_lang, target)
    return CheckContext(src, tgt, tuple(align_documents(src, tgt)), glossary)


def run_cli(*args: str | Path) -> tuple[int, str, str]:
    """`mtcheck ARGS` in-process: exit code, stdout, stderr."""
    from typer.testing import CliRunner

    from mtcheck.cli import app

    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def one_line_error(stderr: str) -> str:
    """The single `mtcheck: error:` line a usage or input error must print, and no traceback."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("mtcheck: error: ")
    assert "Traceback" not in stderr
    return lines[0]


@pytest.fixture(scope="session")
def scan_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project of 33 pairs (32 Russian, one Korean: each worker that meets Korean loads Kiwi,
    seconds of CI) in nine formats plus one broken file (tests/scancorpus.py); its mtcheck.toml.
    Shared by the scan tests, which compare executors on it."""
    from tests.scancorpus import build_corpus

    return build_corpus(tmp_path_factory.mktemp("scan") / "project", pairs=32, korean=1)


@dataclass(frozen=True)
class ScanRun:
    """What `mtcheck scan --jobs 1` made of the corpus: the reference every executor must equal."""

    code: int
    json: str
    sarif: str
    stderr: str


@pytest.fixture(scope="session")
def scan_reference(scan_corpus: Path) -> ScanRun:
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(scan_corpus.parent)
        code, out_json, err = run_cli("scan", "--jobs", "1", "-f", "json")
        code_sarif, out_sarif, _ = run_cli("scan", "--jobs", "1", "-f", "sarif")
    assert code == code_sarif
    return ScanRun(code, out_json, out_sarif, err)


def assert_scan_matches(reference: ScanRun, config: Path, cli_args: tuple[str, ...], options: Any) -> Any:
    """`mtcheck scan CLI_ARGS -f json` and the same scan through run_scan(OPTIONS), rendered as
    SARIF by the renderer the command uses: both byte for byte the reference's, and the same
    exit status and stderr. Runs in the corpus's folder (paths are relative to it); returns the
    ScanResult."""
    from mtcheck.config import load_config
    from mtcheck.report import render
    from mtcheck.scan import run_scan

    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(config.parent)
        code, out, err = run_cli("scan", *cli_args, "-f", "json")
        assert (code, out) == (reference.code, reference.json)
        assert err == reference.stderr
        result = run_scan(load_config(config), options)
    assert render(list(result.reports), "sarif", failures=result.failures) == reference.sarif
    return result
