#!/usr/bin/env python3
"""Writes N JSON lines {"id", "text"} of ~230-character Vietnamese texts for bench/classify.sh.

The texts are corpus/train.tsv's texts joined and cut to about 230 characters at a word
boundary, so they are real grievance language with places in them. Deterministic for a given N.
Usage: make-classify-input.py N OUTPUT [CORPUS]
"""
import json
import random
import sys


def main():
    count = int(sys.argv[1])
    output = sys.argv[2]
    corpus = sys.argv[3] if len(sys.argv) > 3 else "corpus/train.tsv"
    with open(corpus, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        column = header.index("text")
        texts = [line.rstrip("\n").split("\t")[column] for line in f if line.strip()]
    rng = random.Random(18)
    samples = []
    # A few thousand distinct texts, repeated: enough to defeat caches the way real input would.
    for _ in range(min(count, 5000)):
        text = ""
        while len(text) < 230:
            text = (text + " " + rng.choice(texts)).strip()
        cut = text.rfind(" ", 0, 231)
        samples.append(text[: cut if cut > 200 else 230])
    with open(output, "w", encoding="utf-8") as out:
        for i in range(count):
            # Every third id a number, as callers send both.
            ident = i + 1 if i % 3 == 0 else "B%07d" % (i + 1)
            out.write(json.dumps({"id": ident, "text": samples[i % len(samples)]}, ensure_ascii=False) + "\n")
    total = sum(len(s) for s in samples)
    print(f"{count} lines, {total / len(samples):.0f} characters per text on average", file=sys.stderr)


if __name__ == "__main__":
    main()
