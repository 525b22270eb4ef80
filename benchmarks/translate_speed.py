"""Translation speed on this CPU: transformers vs CTranslate2 int8, and the cached re-run.

No model hub is reachable here, so the model is a Marian of opus-mt's base size (d_model
512, 6+6 layers, 8 heads, FFN 2048, 62,518-token vocabulary: ~76M parameters) with random
weights, built and saved through the same code as the test model, then loaded through
mtcheck's real backends. Random weights never emit </s>, so every output is forced to the
same length (``--length`` tokens) in both backends; a trained model would stop earlier on
short sentences, so sentences/s here is per ``--length``-token output, not a promise.

    /work/venv-tr/bin/python benchmarks/translate_speed.py [--sentences 64] [--length 32]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtcheck.translate.cache import CachedTranslator, TranslationStore  # noqa: E402
from mtcheck.translate.load import TranslatorOptions, open_translator  # noqa: E402


def corpus_sentences(n: int) -> list[str]:
    text = (ROOT / "corpora" / "kursk-ru" / "source.ru.txt").read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if line.strip()]
    # Distinct texts (the cache would otherwise answer the repeats): number the copies.
    return [f"{lines[i % len(lines)]} ({i})" for i in range(n)]


def timed(translator, texts: list[str]) -> tuple[float, list[str]]:
    start = time.perf_counter()
    out = translator.translate(texts, "ru", "en")
    return time.perf_counter() - start, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=64)
    ap.add_argument("--length", type=int, default=32, help="output tokens per sentence (fixed)")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--keep", type=Path, help="build the model here (reused when present)")
    args = ap.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="mtcheck-bench-"))
    hf_dir, ct2_dir = work / "marian-base", work / "marian-base-ct2-int8"
    if not (hf_dir / "config.json").is_file():
        from tests.tinymodel import build_marian

        t0 = time.perf_counter()
        build_marian(hf_dir, d_model=512, layers=6, heads=8, ffn=2048, pad_to=62518, init_std=0.02)
        print(f"built a Marian-base-sized model in {time.perf_counter() - t0:.0f} s: {hf_dir}")
    if not (ct2_dir / "model.bin").is_file():
        from mtcheck.translate.ct2 import convert

        convert(hf_dir, ct2_dir, quantization="int8")
    size = sum(f.stat().st_size for f in hf_dir.iterdir()) / 2**20
    size8 = sum(f.stat().st_size for f in ct2_dir.iterdir()) / 2**20
    print(f"disk: transformers float32 {size:.0f} MiB, CTranslate2 int8 {size8:.0f} MiB")

    texts = corpus_sentences(args.sentences)
    opts = TranslatorOptions(batch_size=args.batch, threads=args.threads, fixed_length=args.length, cache=False)
    print(f"{args.sentences} sentences, {args.length} output tokens each, batch {args.batch}, {args.threads} threads")
    results = {}
    for name, folder, dtype in (("transformers fp32", hf_dir, "float32"), ("ctranslate2 int8", ct2_dir, "int8")):
        translator = open_translator(folder, TranslatorOptions(**{**opts.__dict__, "dtype": dtype}))
        translator.translate(texts[:2], "ru", "en")  # warm-up: first-call allocations
        seconds, out = timed(translator, texts)
        assert len(out) == len(texts)
        results[name] = (seconds, translator)
        print(f"  {name:<18} {seconds:7.2f} s  {len(texts) / seconds:7.2f} sentences/s")
    (t_hf, _), (t_ct2, ct2) = results["transformers fp32"], results["ctranslate2 int8"]
    print(f"  CTranslate2 int8 / transformers: {t_hf / t_ct2:.1f}x")

    with tempfile.TemporaryDirectory(prefix="mtcheck-bench-cache-") as tmp:
        store = Path(tmp) / "translations.sqlite3"
        first_s, first = timed(CachedTranslator(ct2, TranslationStore(store)), texts)
        again = CachedTranslator(ct2, TranslationStore(store))
        second_s, second = timed(again, texts)
        assert second == first and again.model_calls == 0
        print(
            f"cache (CTranslate2 int8): first run {first_s:.2f} s, re-run {second_s * 1000:.1f} ms "
            f"({again.model_calls} model calls): {first_s / second_s:,.0f}x faster"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
