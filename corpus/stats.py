#!/usr/bin/env python3
"""Validate corpus/train.tsv and print counts per topic, kind and register.

Stdlib only.  Usage:  python3 corpus/stats.py [path/to/train.tsv] [--markdown] [--from=T2794]
--from=ID validates the whole file but counts only the rows from ID on (e.g. part C); it also
prints characters per text.
Exits 1 (after listing every problem) if the file is malformed:
  - header other than  id<TAB>topic<TAB>kind<TAB>register<TAB>text
  - a row without exactly 5 columns (so no tab inside a text), CR or empty text
  - ids not T0001, T0002, ... in order, or repeated
  - unknown topic / kind / register code; "a|b" must join two different known codes
  - register "mixed" without two topics, or two topics with another register
  - duplicate texts (compared after NFC, case folding and whitespace squeezing)
  - text not in NFC, except rows of the registers "typo" and "no-diacritics"
    (deliberate noise; see README)
  - a "no-diacritics" row containing a Vietnamese letter with a mark, or "đ"
  - the file is not valid UTF-8 or has a BOM
"""
import collections
import os
import re
import sys
import unicodedata

TOPICS = [
    "dat-dai", "xay-dung-do-thi", "moi-truong", "giao-thong", "nong-nghiep",
    "an-sinh", "nguoi-co-cong", "y-te", "giao-duc", "an-ninh-trat-tu",
    "tu-phap-ho-tich", "thu-tuc-hanh-chinh", "can-bo-tham-nhung", "tai-chinh-gia",
    "dien-nuoc-vien-thong", "van-hoa-ton-giao", "doanh-nghiep-dau-tu", "khac",
]
KINDS = ["phan-anh", "kien-nghi", "khieu-nai", "to-cao", "y-kien"]
REGISTERS = ["formal", "plain", "no-diacritics", "sms", "southern", "northern", "typo", "mixed",
             # part C (see README): press retellings, newspaper hotlines and city portals,
             # voters' petitions as summarised by a delegation, e-mails
             "press", "hotline", "voters", "email"]
NOISY = {"typo", "no-diacritics"}
HEADER = ["id", "topic", "kind", "register", "text"]


def split_codes(value, known):
    parts = value.split("|")
    if len(parts) > 2 or len(set(parts)) != len(parts) or any(p not in known for p in parts):
        return None
    return parts


def has_vietnamese_mark(text):
    for c in unicodedata.normalize("NFD", text):
        if unicodedata.combining(c) or c in "đĐ\u00d0":
            return True
    return False


def main(argv):
    md = "--markdown" in argv
    start = 0
    for a in argv:
        if a.startswith("--from="):
            start = int(a[len("--from="):].lstrip("TH"))
    args = [a for a in argv if not a.startswith("--")]
    path = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "train.tsv")
    problems = []
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append("file starts with a BOM")
    try:
        data = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"{path}: not UTF-8: {e}", file=sys.stderr)
        return 1
    if "\r" in data:
        problems.append("file contains CR characters")
    lines = data.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].split("\t") != HEADER:
        problems.append(f"bad header: {lines[0] if lines else ''!r}")
    topic_c, kind_c, reg_c = collections.Counter(), collections.Counter(), collections.Counter()
    topic_main, kind_main = collections.Counter(), collections.Counter()
    topic_kind = collections.defaultdict(collections.Counter)
    seen_text, seen_id = {}, set()
    words, chars = [], []
    for n, line in enumerate(lines[1:], 2):
        cols = line.split("\t")
        if len(cols) != 5:
            problems.append(f"line {n}: {len(cols)} columns")
            continue
        rid, topic, kind, reg, text = cols
        if rid in seen_id:
            problems.append(f"line {n}: repeated id {rid}")
        seen_id.add(rid)
        if rid != f"T{n - 1:04d}":
            problems.append(f"line {n}: id {rid}, expected T{n - 1:04d}")
        ts = split_codes(topic, TOPICS)
        ks = split_codes(kind, KINDS)
        if ts is None:
            problems.append(f"line {n}: bad topic {topic!r}")
        if ks is None:
            problems.append(f"line {n}: bad kind {kind!r}")
        if reg not in REGISTERS:
            problems.append(f"line {n}: bad register {reg!r}")
        if ts is not None and reg in REGISTERS and ((len(ts) == 2) != (reg == "mixed")):
            problems.append(f"line {n}: register {reg} with topic {topic}")
        if not text.strip() or text != text.strip():
            problems.append(f"line {n}: empty text or surrounding spaces")
        if reg not in NOISY and unicodedata.normalize("NFC", text) != text:
            problems.append(f"line {n}: text not NFC")
        if reg == "no-diacritics" and has_vietnamese_mark(text):
            problems.append(f"line {n}: no-diacritics text has marks")
        key = " ".join(unicodedata.normalize("NFC", text).casefold().split())
        if key in seen_text:
            problems.append(f"line {n}: duplicate text of line {seen_text[key]}")
        seen_text[key] = n
        if ts is None or ks is None or n - 1 < start:
            continue
        for t in ts:
            topic_c[t] += 1
        for k in ks:
            kind_c[k] += 1
        topic_main[ts[0]] += 1
        kind_main[ks[0]] += 1
        topic_kind[ts[0]][ks[0]] += 1
        reg_c[reg] += 1
        words.append(len(re.findall(r"\w+", text)))
        chars.append(len(text))
    total = len(lines) - 1
    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        print(f"{len(problems)} problem(s) in {path}", file=sys.stderr)
        return 1

    def table(title, keys, main, anyc=None):
        out = [f"\n{title}"]
        if md:
            head = "| code | rows (main) |" + (" rows (main or second) |" if anyc else "")
            out += [head, "|---|---:|" + ("---:|" if anyc else "")]
        for k in keys:
            if md:
                out.append(f"| {k} | {main[k]} |" + (f" {anyc[k]} |" if anyc else ""))
            else:
                out.append(f"  {k:22s} {main[k]:5d}" + (f"  {anyc[k]:5d}" if anyc else ""))
        return "\n".join(out)

    words.sort()
    print(f"{path}: {total} rows, all checks passed")
    print(f"words per text: min {words[0]}, median {words[len(words) // 2]}, max {words[-1]}")
    if start:
        chars.sort()
        print(f"counting {len(words)} rows from T{start:04d}; characters per text: min {chars[0]}, "
              f"median {chars[len(chars) // 2]}, mean {sum(chars) / len(chars):.0f}, max {chars[-1]}")
    print(table("topic (first code; then counting either code)", TOPICS, topic_main, topic_c))
    print(table("kind (first code; then counting either code)", KINDS, kind_main, kind_c))
    print(table("register", REGISTERS, reg_c))
    print("\ntopic x kind (first codes)")
    if md:
        print("| topic | " + " | ".join(KINDS) + " |")
        print("|---|" + "---:|" * len(KINDS))
        for t in TOPICS:
            print(f"| {t} | " + " | ".join(str(topic_kind[t][k]) for k in KINDS) + " |")
    else:
        print("  " + " " * 22 + " ".join(f"{k[:9]:>9s}" for k in KINDS))
        for t in TOPICS:
            print(f"  {t:22s}" + " ".join(f"{topic_kind[t][k]:9d}" for k in KINDS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
