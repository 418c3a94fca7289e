#!/usr/bin/env python3
"""Assemble corpus/train.tsv from the hand-written batch files in corpus/batches/.

Stdlib only.  Run from anywhere:  python3 corpus/assemble.py

Parts A and B: corpus/batches/ and corpus/batches-b/; part C: corpus/batches-c/ (one file per
register; its line format is described at BATCHES_C below); part D: corpus/batches-d/ (same
format as part C).

Batch file format of parts A and B (one file per main topic, named <topic>.txt):
    # comment lines and blank lines are ignored
    REG KIND [SECOND_TOPIC] :: text

REG   F formal | P plain | N no-diacritics (typed so by hand)
      | Nm no-diacritics, written with marks and stripped here (mechanical:
        NFD, drop combining marks, đ->d, lower-case, drop a final full stop)
      | S sms | SO southern | NO northern | T typo
      | Tnfd typo row stored in Unicode NFD (mechanical re-encoding, deliberate noise)
      | M mixed (two topics; SECOND_TOPIC is required and appended after "|")
KIND  pa phan-anh | kn kien-nghi | kh khieu-nai | tc to-cao | yk y-kien;
      two kinds joined with "+" (e.g. kh+tc) become "khieu-nai|to-cao".
In a text, "@D" stands for U+00D0 (Icelandic eth, a common stand-in for "Đ").

Rows are shuffled with a fixed seed so that ids carry no topic information;
ids are T0001, T0002, ... in shuffled order.  The ids of mechanically
transformed rows are written to corpus/mechanical_ids.txt.
"""
import os
import random
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
BATCHES = os.path.join(HERE, "batches")
# Part B: a second writer, later, independent of part A (see README). Appended after part A so
# that part A's ids stay what they were.
BATCHES_B = os.path.join(HERE, "batches-b")
# Part C: a third writer (2026-12-07), independent of parts A and B, one file per register
# (press, hotline, voters, email, sms), mostly third-person retellings. Appended after part B.
BATCHES_C = os.path.join(HERE, "batches-c")
# Part C line format (the register is the file name, the topic is on the line):
#     TOPIC KIND :: text
# TOPIC one of TOPICS (a single code: part C has no two-topic rows); KIND as above (pa, kn,
# kh, tc, yk; two joined with "+"). No mechanical transforms: texts without marks were typed so.
C_REGISTERS = ["press", "hotline", "voters", "email", "sms"]
# Part D: a fourth writer (2026-12-07), independent of parts A-C and of the held-out files: mostly
# third-person denunciations that never say "tố cáo"/"tố giác", each paired where possible with a
# near miss (phan-anh, kien-nghi, khieu-nai) on the same situation. Same files and line format as
# part C (one file per register). Appended after part C, shuffled with its own seed.
BATCHES_D = os.path.join(HERE, "batches-d")

TOPICS = [
    "dat-dai", "xay-dung-do-thi", "moi-truong", "giao-thong", "nong-nghiep",
    "an-sinh", "nguoi-co-cong", "y-te", "giao-duc", "an-ninh-trat-tu",
    "tu-phap-ho-tich", "thu-tuc-hanh-chinh", "can-bo-tham-nhung", "tai-chinh-gia",
    "dien-nuoc-vien-thong", "van-hoa-ton-giao", "doanh-nghiep-dau-tu", "khac",
]
KINDS = {"pa": "phan-anh", "kn": "kien-nghi", "kh": "khieu-nai", "tc": "to-cao", "yk": "y-kien"}
REGS = {
    "F": "formal", "P": "plain", "N": "no-diacritics", "Nm": "no-diacritics",
    "S": "sms", "SO": "southern", "NO": "northern", "T": "typo", "Tnfd": "typo",
    "M": "mixed",
}


def strip_marks(s):
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", s).lower()


def parse(path, topic):
    rows, errs = [], []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            where = f"{os.path.basename(path)}:{n}"
            if " :: " not in line:
                errs.append(f"{where}: no ' :: '")
                continue
            head, text = line.split(" :: ", 1)
            parts = head.split()
            if len(parts) not in (2, 3):
                errs.append(f"{where}: bad head {head!r}")
                continue
            reg, kind = parts[0], parts[1]
            if reg not in REGS:
                errs.append(f"{where}: bad register {reg!r}")
                continue
            try:
                kinds = [KINDS[k] for k in kind.split("+")]
            except KeyError:
                errs.append(f"{where}: bad kind {kind!r}")
                continue
            t = topic
            if reg == "M":
                if len(parts) != 3 or parts[2] not in TOPICS or parts[2] == topic:
                    errs.append(f"{where}: mixed row needs a second, different topic")
                    continue
                t = f"{topic}|{parts[2]}"
            elif len(parts) == 3:
                errs.append(f"{where}: second topic only allowed on M rows")
                continue
            text = text.strip().replace("@D", "\u00d0")
            if "\t" in text or not text:
                errs.append(f"{where}: empty text or tab")
                continue
            text = unicodedata.normalize("NFC", text)
            mech = None
            if reg == "Nm":
                # people typing without marks rarely end with a full stop
                text = strip_marks(text).rstrip(".")
                mech = "strip-diacritics"
            elif reg == "N":
                if any(ord(c) > 127 for c in text):
                    errs.append(f"{where}: hand-typed no-diacritics row has non-ASCII: {text}")
            elif reg == "Tnfd":
                text = unicodedata.normalize("NFD", text)
                mech = "nfd"
            rows.append({"topic": t, "kind": "|".join(kinds), "register": REGS[reg],
                         "text": text, "mech": mech, "src": where})
    return rows, errs


def shingles(text):
    w = re.findall(r"\w+", strip_marks(text))
    return {tuple(w[i:i + 3]) for i in range(max(0, len(w) - 2))}


def read_part(folder, errs):
    rows = []
    for topic in TOPICS:
        p = os.path.join(folder, f"{topic}.txt")
        if not os.path.exists(p):
            errs.append(f"missing batch {p}")
            continue
        r, e = parse(p, topic)
        for row in r:
            row["src"] = f"{os.path.basename(folder)}/{row['src']}"
        rows += r
        errs += e
    return rows


def parse_c(path, register, folder=BATCHES_C):
    rows, errs = [], []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            where = f"{os.path.basename(folder)}/{os.path.basename(path)}:{n}"
            if " :: " not in line:
                errs.append(f"{where}: no ' :: '")
                continue
            head, text = line.split(" :: ", 1)
            parts = head.split()
            if len(parts) != 2:
                errs.append(f"{where}: bad head {head!r}")
                continue
            topic, kind = parts
            if topic not in TOPICS:
                errs.append(f"{where}: bad topic {topic!r}")
                continue
            try:
                kinds = [KINDS[k] for k in kind.split("+")]
            except KeyError:
                errs.append(f"{where}: bad kind {kind!r}")
                continue
            if len(kinds) > 2 or len(set(kinds)) != len(kinds):
                errs.append(f"{where}: bad kind {kind!r}")
                continue
            text = text.strip()
            if "\t" in text or not text:
                errs.append(f"{where}: empty text or tab")
                continue
            text = unicodedata.normalize("NFC", text)
            rows.append({"topic": topic, "kind": "|".join(kinds), "register": register,
                         "text": text, "mech": None, "src": where})
    return rows, errs


def read_part_c(errs, folder=BATCHES_C):
    rows = []
    for reg in C_REGISTERS:
        p = os.path.join(folder, f"{reg}.txt")
        if not os.path.exists(p):
            errs.append(f"missing batch {p}")
            continue
        r, e = parse_c(p, reg, folder)
        rows += r
        errs += e
    return rows


def main():
    errs = []
    part_a = read_part(BATCHES, errs)
    part_b = read_part(BATCHES_B, errs)
    part_c = read_part_c(errs)
    part_d = read_part_c(errs, BATCHES_D)
    rows = part_a + part_b + part_c + part_d
    seen = {}
    for r in rows:
        key = strip_marks(r["text"]).strip()
        if key in seen:
            errs.append(f"duplicate text {r['src']} = {seen[key]}")
        seen[key] = r["src"]
    # near-duplicate report (word-trigram Jaccard on folded text)
    sh = [shingles(r["text"]) for r in rows]
    near = []
    for i in range(len(rows)):
        if len(sh[i]) < 3:
            continue
        for j in range(i + 1, len(rows)):
            if len(sh[j]) < 3:
                continue
            inter = len(sh[i] & sh[j])
            if inter and inter / len(sh[i] | sh[j]) >= 0.5:
                near.append(f"near-duplicate {rows[i]['src']} ~ {rows[j]['src']}")
    if errs or near:
        print("\n".join(errs + near), file=sys.stderr)
        sys.exit(1)
    random.Random(20261123).shuffle(part_a)
    random.Random(20261124).shuffle(part_b)
    random.Random(20261207).shuffle(part_c)
    random.Random(20261208).shuffle(part_d)
    rows = part_a + part_b + part_c + part_d
    out = os.path.join(HERE, "train.tsv")
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("id\ttopic\tkind\tregister\ttext\n")
        mech = []
        for i, r in enumerate(rows, 1):
            rid = f"T{i:04d}"
            fh.write(f"{rid}\t{r['topic']}\t{r['kind']}\t{r['register']}\t{r['text']}\n")
            if r["mech"]:
                mech.append(f"{rid}\t{r['mech']}")
    with open(os.path.join(HERE, "mechanical_ids.txt"), "w", encoding="utf-8") as fh:
        fh.write("# ids of rows produced by a mechanical transform (see README)\n")
        fh.write("\n".join(mech) + "\n")
    print(f"wrote {len(rows)} rows to {out}; {len(mech)} mechanical")


if __name__ == "__main__":
    main()
