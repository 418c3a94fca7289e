#!/usr/bin/env python3
"""Validates Tests/LocalityTests/Fixtures/locality-cases.tsv against the official registry.

    python3 scripts/check-locality-cases.py [GAZETTEER_DIR] [CASES_FILE]

GAZETTEER_DIR defaults to ../shared/data/gazetteer (relative to the repository root).
Checks: the header and 8 columns on every row; unique ids whose prefix matches the
category; known categories; every gold and default code exists in wards_2025.csv (or is a
province of it); gold_province is the province of every gold commune, and likewise for the
defaults; gold shape per category (no-place: empty; province-only: province only;
address-new/address-legacy: one commune; legacy-split: several communes, equal to the new
codes of some split old commune in the mapping); inputs free of tabs and line breaks;
"residential=" notes not empty; at least 600 rows and 40 rows with a default. Prints the
per-category counts. Exit status 1 on any failure. Standard library only.
"""
import collections
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COLUMNS = ["id", "category", "input", "default_province", "default_commune",
           "gold_province", "gold_commune", "note"]
CATEGORIES = {"address-new": "an", "address-legacy": "al", "legacy-split": "ls",
              "no-diacritics": "nd", "free-text": "ft", "no-place": "np", "province-only": "po"}
MIN_ROWS, MIN_DEFAULTS = 600, 40


def main(argv):
    source = Path(argv[0]) if argv else REPO.parent / "shared/data/gazetteer"
    cases = Path(argv[1]) if len(argv) > 1 else REPO / "Tests/LocalityTests/Fixtures/locality-cases.tsv"
    with (source / "wards_2025.csv").open(encoding="utf-8-sig", newline="") as handle:
        commune_province = {str(int(r["ward_code"])): str(int(r["province_code"])) for r in csv.DictReader(handle)}
    provinces = set(commune_province.values())
    with (source / "ward_old_to_new_2025-07-01.csv").open(encoding="utf-8-sig", newline="") as handle:
        split_sets = {frozenset(r["new_ward_codes"].split()) for r in csv.DictReader(handle)
                      if len(r["new_ward_codes"].split()) > 1}

    problems = []
    def bad(where, message):
        problems.append("%s: %s" % (where, message))

    raw = cases.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        print("not UTF-8: %s" % error)
        return 1
    if text.startswith("\ufeff"):
        bad("line 1", "byte order mark")
    if "\r" in text:
        bad("file", "CR characters (use LF line ends)")

    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header_seen = False
    ids = set()
    counts, defaults = collections.Counter(), 0
    for number, line in enumerate(lines, 1):
        where = "line %d" % number
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if fields != COLUMNS:
                bad(where, "header must be: " + "\t".join(COLUMNS))
            header_seen = True
            continue
        if len(fields) != len(COLUMNS):
            bad(where, "%d fields, expected %d" % (len(fields), len(COLUMNS)))
            continue
        row = dict(zip(COLUMNS, fields))
        where = "%s (%s)" % (where, row["id"])
        category = row["category"]
        if category not in CATEGORIES:
            bad(where, "unknown category %r" % category)
            continue
        counts[category] += 1
        if row["id"] in ids:
            bad(where, "duplicate id")
        ids.add(row["id"])
        if not row["id"].startswith(CATEGORIES[category] + "-"):
            bad(where, "id prefix does not match category %s" % category)
        if any(ord(ch) < 32 for ch in row["input"]):
            bad(where, "control character in input")

        def check_place(province_field, commune_field, what):
            province, communes = row[province_field], row[commune_field].split(" ") if row[commune_field] else []
            if row[commune_field] and row[commune_field] != " ".join(communes):
                bad(where, "%s: codes must be separated by single spaces" % what)
            for code in communes:
                if not code.isdigit() or code != str(int(code)):
                    bad(where, "%s: bad code %r" % (what, code))
                elif code not in commune_province:
                    bad(where, "%s: commune %s not in wards_2025.csv" % (what, code))
                elif commune_province[code] != province:
                    bad(where, "%s: commune %s lies in province %s, not %r"
                        % (what, code, commune_province[code], province))
            if province and province not in provinces:
                bad(where, "%s: province %r not in wards_2025.csv" % (what, province))
            if communes and not province:
                bad(where, "%s: commune without province" % what)
            if len(set(communes)) != len(communes):
                bad(where, "%s: repeated code" % what)
            return province, communes

        default_province, default_communes = check_place("default_province", "default_commune", "default")
        if len(default_communes) > 1:
            bad(where, "default: more than one commune")
        if default_province or default_communes:
            defaults += 1
        province, communes = check_place("gold_province", "gold_commune", "gold")

        if category == "no-place" and (province or communes):
            bad(where, "no-place row with a gold place")
        elif category == "province-only" and (not province or communes):
            bad(where, "province-only row needs a province and no commune")
        elif category in ("address-new", "address-legacy") and len(communes) != 1:
            bad(where, "%s row needs exactly one gold commune" % category)
        elif category == "legacy-split":
            if len(communes) < 2:
                bad(where, "legacy-split row needs several gold communes")
            elif frozenset(communes) not in split_sets:
                bad(where, "gold codes are not the codes of any split old commune in the mapping")
        elif category in ("no-diacritics", "free-text") and not communes:
            bad(where, "%s row needs a gold commune" % category)
        for part in row["note"].split(";"):
            part = part.strip()
            if part.startswith("residential=") and not part[len("residential="):].strip():
                bad(where, "empty residential= note")

    if not header_seen:
        bad("file", "no header line")
    total = sum(counts.values())
    if total < MIN_ROWS:
        bad("file", "%d cases, at least %d required" % (total, MIN_ROWS))
    if defaults < MIN_DEFAULTS:
        bad("file", "%d cases with a default, at least %d required" % (defaults, MIN_DEFAULTS))

    for category in CATEGORIES:
        print("%-15s %4d" % (category, counts[category]))
    print("%-15s %4d (%d with a default)" % ("total", total, defaults))
    for problem in problems:
        print("error: " + problem)
    if problems:
        print("%d problem(s)" % len(problems))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
