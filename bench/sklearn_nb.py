#!/usr/bin/python3
"""scikit-learn's multinomial naive Bayes on a TSV split, for bench/run.sh.

usage: sklearn_nb.py [--ngrams N] [--alpha A] [--binary] TRAIN.tsv TEST.tsv

Reads TSV files with the header "label<TAB>text" (as bench/imdbtsv writes
them), fits CountVectorizer(ngram_range=(1, N)) + MultinomialNB(alpha=A) on
TRAIN and predicts TEST. Prints one JSON object: train_s (read + vectorise +
fit), predict_s (read + vectorise + predict), accuracy, vocabulary.

Times are taken inside the process, after the imports, so they leave out
interpreter start-up and the import of scikit-learn (about a second).
"""
import argparse
import json
import time

from sklearn.feature_extraction.text import CountVectorizer
from sklearn.naive_bayes import MultinomialNB


def read_tsv(path):
    labels, texts = [], []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        li, ti = header.index("label"), header.index("text")
        for line in f:
            fields = line.rstrip("\n").split("\t")
            labels.append(fields[li])
            texts.append(fields[ti])
    return labels, texts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ngrams", type=int, default=1)
    ap.add_argument("--alpha", type=float, default=1.0)
    ap.add_argument("--binary", action="store_true")
    ap.add_argument("train")
    ap.add_argument("test")
    args = ap.parse_args()

    t0 = time.perf_counter()
    y, x = read_tsv(args.train)
    vec = CountVectorizer(ngram_range=(1, args.ngrams), binary=args.binary)
    xm = vec.fit_transform(x)
    nb = MultinomialNB(alpha=args.alpha).fit(xm, y)
    t1 = time.perf_counter()
    gold, x = read_tsv(args.test)
    pred = nb.predict(vec.transform(x))
    t2 = time.perf_counter()
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / len(gold)
    print(json.dumps({"train_s": round(t1 - t0, 3), "predict_s": round(t2 - t1, 3),
                      "accuracy": round(acc, 4), "vocabulary": len(vec.vocabulary_)}))


if __name__ == "__main__":
    main()
