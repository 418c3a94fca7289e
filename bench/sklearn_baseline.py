#!/usr/bin/env python3
"""Baseline for danvan's classifier: scikit-learn TF-IDF + LinearSVC on the same corpus and the
same folds as `danvan model eval` (fold = the number in the id modulo k). Not part of the product.

    pip install scikit-learn
    python3 bench/sklearn_baseline.py [corpus/train.tsv] [--folds 5] [--heldout FILE]

Text is folded the way danvan folds it (lowercase, diacritics and đ removed, punctuation to
spaces), then word unigrams and bigrams, sublinear TF-IDF, LinearSVC(C=1).
"""
import argparse
import csv
import re
import sys
import unicodedata

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score, precision_recall_fscore_support
from sklearn.svm import LinearSVC


def fold(text):
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d").replace("Ð", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return " ".join(re.findall(r"[0-9a-z]+", text))


def read(path):
    with open(path, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t")]
    return [(r["id"], fold(r["text"]), r["topic"].split("|")[0], r["kind"].split("|")[0]) for r in rows]


def fold_of(identifier, k):
    digits = "".join(c for c in identifier if c.isdigit())
    return int(digits[-9:] or 0) % k


def model():
    return TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"\S+"), LinearSVC(C=1.0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default="corpus/train.tsv")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--heldout", action="append", default=[], help="repeatable")
    args = parser.parse_args()
    rows = read(args.corpus)
    for label_index, name in ((2, "topic"), (3, "kind")):
        gold, predicted = [], []
        for fold_number in range(args.folds):
            train = [r for r in rows if fold_of(r[0], args.folds) != fold_number]
            test = [r for r in rows if fold_of(r[0], args.folds) == fold_number]
            vectorizer, classifier = model()
            classifier.fit(vectorizer.fit_transform([r[1] for r in train]), [r[label_index] for r in train])
            predicted += list(classifier.predict(vectorizer.transform([r[1] for r in test])))
            gold += [r[label_index] for r in test]
        print(f"sklearn LinearSVC {args.folds}-fold {name} macro-F1 {f1_score(gold, predicted, average='macro'):.4f}")
        if name == "kind":
            per_kind(gold, predicted, f"{args.folds}-fold")
        for path in args.heldout:
            held = read(path)
            vectorizer, classifier = model()
            classifier.fit(vectorizer.fit_transform([r[1] for r in rows]), [r[label_index] for r in rows])
            guess = classifier.predict(vectorizer.transform([r[1] for r in held]))
            truth = [r[label_index] for r in held]
            print(f"sklearn LinearSVC held-out {path} {name} macro-F1 {f1_score(truth, guess, average='macro'):.4f}")
            if name == "kind":
                per_kind(truth, list(guess), f"held-out {path}")


def per_kind(gold, predicted, title):
    labels = ["phan-anh", "kien-nghi", "khieu-nai", "to-cao", "y-kien"]
    p, r, f, n = precision_recall_fscore_support(gold, predicted, labels=labels, zero_division=0)
    for label, *scores in zip(labels, p, r, f, n):
        print(f"  {title} {label:10} P {scores[0]:.3f} R {scores[1]:.3f} F1 {scores[2]:.3f} support {scores[3]}")


if __name__ == "__main__":
    sys.exit(main())
