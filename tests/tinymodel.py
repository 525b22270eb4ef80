"""A tiny Marian model built from the bundled corpora, for tests of the real loading code.

No model hub is reachable from the test machines, so the tests make their own: a
sentencepiece vocabulary trained on the corpora text, a Marian config a thousand times
smaller than opus-mt (d_model 32, one layer each side), random weights, and the tokenizer
files opus-mt ships (source.spm, target.spm, vocab.json). Its translations are nonsense,
but deterministic and different for different inputs, which is all the loading, batching,
caching and conversion code needs.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def train_vocab(folder: Path, vocab_size: int = 400) -> Path:
    import sentencepiece as spm

    corpus = folder / "corpus.txt"
    corpus.write_text("\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPORA.glob("*/*.txt"))), "utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(folder / "spm"),
        vocab_size=vocab_size,
        character_coverage=1.0,
        model_type="unigram",
        minloglevel=2,
    )
    return folder / "spm.model"


def build_marian(
    out: Path,
    d_model: int = 32,
    layers: int = 1,
    heads: int = 2,
    ffn: int = 64,
    vocab_size: int = 400,
    pad_to: int = 0,
    init_std: float = 0.5,
    seed: int = 0,
) -> Path:
    """Save a random-weight Marian model and its tokenizer in ``out``; returns ``out``.

    ``init_std`` 0.5 (opus-mt uses 0.02) makes the logits peaked, so that greedy decoding is
    not a coin toss between near-equal tokens and batched and one-by-one runs agree.
    ``pad_to`` grows the vocabulary with unused tokens to a realistic size (opus-mt: 58k),
    for benchmarks where the output projection's cost matters.
    """
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    work = out.parent / f"{out.name}-vocab"
    work.mkdir(parents=True, exist_ok=True)
    model_file = train_vocab(work, vocab_size)
    sp = spm.SentencePieceProcessor(model_file=str(model_file))
    # opus-mt's layout: </s> first, <unk> next, <pad> last (CTranslate2 relies on it).
    vocab = {"</s>": 0, "<unk>": 1}
    for i in range(sp.get_piece_size()):
        vocab.setdefault(sp.id_to_piece(i), len(vocab))
    for k in range(max(0, pad_to - len(vocab) - 1)):
        vocab[f"<unused{k}>"] = len(vocab)
    vocab["<pad>"] = pad = len(vocab)
    (work / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    for name in ("source.spm", "target.spm"):
        shutil.copyfile(model_file, work / name)
    tokenizer = MarianTokenizer(
        vocab=str(work / "vocab.json"),
        source_spm=str(work / "source.spm"),
        target_spm=str(work / "target.spm"),
        source_lang="ru",
        target_lang="en",
    )
    torch.manual_seed(seed)
    config = MarianConfig(
        vocab_size=len(vocab),
        d_model=d_model,
        encoder_layers=layers,
        decoder_layers=layers,
        encoder_attention_heads=heads,
        decoder_attention_heads=heads,
        encoder_ffn_dim=ffn,
        decoder_ffn_dim=ffn,
        max_position_embeddings=512,
        init_std=init_std,
        pad_token_id=pad,
        eos_token_id=0,
        decoder_start_token_id=pad,
        forced_eos_token_id=0,
    )
    model = MarianMTModel(config)
    with torch.no_grad():
        # The decoder starts from <pad>; Marian (and CTranslate2) start from a zero vector.
        model.get_input_embeddings().weight[pad].zero_()
    model.generation_config.bad_words_ids = [[pad]]
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


def build_m2m100(out: Path, vocab_size: int = 400, seed: int = 0) -> Path:
    """A tiny random-weight M2M100 (the multilingual family: language tags on both sides).

    Laid out like facebook/m2m100_418M, so that CTranslate2's converter accepts it: the
    sentencepiece pieces (after <s> <pad> </s> <unk>), then the 100 language tags in
    fairseq order, then ``num_madeup_words`` (8) unused "madeupword" slots, and
    ``config.vocab_size`` counting all three. The tags are listed as special tokens, as in
    the hub's tokenizer_config.json: the tokenizer does not register them by itself
    (transformers 5), and without them the tokenizer's vocabulary stops at the pieces and
    the converter finds fewer tokens than the embedding has rows.
    """
    import sentencepiece as spm
    import torch
    from transformers import M2M100ForConditionalGeneration, M2M100Tokenizer
    from transformers.models.m2m_100.tokenization_m2m_100 import FAIRSEQ_LANGUAGE_CODES

    work = out.parent / f"{out.name}-vocab"
    work.mkdir(parents=True, exist_ok=True)
    model_file = train_vocab(work, vocab_size)
    sp = spm.SentencePieceProcessor(model_file=str(model_file))
    vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
    for i in range(sp.get_piece_size()):
        vocab.setdefault(sp.id_to_piece(i), len(vocab))
    (work / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tags = [f"__{code}__" for code in FAIRSEQ_LANGUAGE_CODES["m2m100"]]
    tokenizer = M2M100Tokenizer(
        vocab_file=str(work / "vocab.json"),
        spm_file=str(model_file),
        src_lang="ru",
        additional_special_tokens=tags,
    )
    # The tags' ids as special tokens must be the ids the tokenizer gives them itself.
    assert all(tokenizer.convert_tokens_to_ids(t) == tokenizer.lang_token_to_id[t] for t in tags)
    assert len(tokenizer) == len(vocab) + len(tags)
    torch.manual_seed(seed)
    config = _tiny_m2m100_config(len(tokenizer) + tokenizer.num_madeup_words)
    M2M100ForConditionalGeneration(config).save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


def build_nllb(out: Path, vocab_size: int = 400, seed: int = 0) -> Path:
    """A tiny random-weight NLLB-200: the M2M100 architecture with an NllbTokenizer
    (FLORES-200 codes such as ``rus_Cyrl``; there is no NllbConfig).

    transformers 5's NllbTokenizer is a *tokenizers* BPE, and turning a sentencepiece model
    into one needs protobuf, so the BPE is trained with *tokenizers* directly, on the
    Metaspace pre-tokenisation NllbTokenizer uses. <s> <pad> </s> <unk> come first, then the
    pieces, <mask> and the 202 language codes; ``config.vocab_size`` is the tokenizer's length
    (NLLB has no madeup words).
    """
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import M2M100ForConditionalGeneration, NllbTokenizer

    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPORA.glob("*/*.txt"))]
    bpe = Tokenizer(models.BPE(unk_token="<unk>"))
    bpe.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    specials = ["<s>", "<pad>", "</s>", "<unk>"]
    bpe.train_from_iterator(
        texts, trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=specials, show_progress=False)
    )
    trained = json.loads(bpe.to_str())["model"]
    merges = [tuple(m) if isinstance(m, list) else tuple(m.split(" ")) for m in trained["merges"]]
    tokenizer = NllbTokenizer(vocab=trained["vocab"], merges=merges, src_lang="rus_Cyrl")
    ids = sorted(tokenizer.get_vocab().values())
    assert ids == list(range(len(tokenizer))), "token ids must be contiguous: one embedding row each"
    torch.manual_seed(seed)
    config = _tiny_m2m100_config(len(tokenizer), scale_embedding=True, tokenizer_class="NllbTokenizer")
    M2M100ForConditionalGeneration(config).save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


def _tiny_m2m100_config(vocab_size: int, **extra: object) -> Any:
    """The M2M100 architecture at toy size, shared by the tiny M2M100 and NLLB models."""
    from transformers import M2M100Config

    return M2M100Config(
        vocab_size=vocab_size,
        d_model=32,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=512,
        init_std=0.5,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        decoder_start_token_id=2,
        **extra,
    )
