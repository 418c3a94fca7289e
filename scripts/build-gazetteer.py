#!/usr/bin/env python3
"""Builds Sources/Locality/Resources/gazetteer.tsv, danvan's compact gazetteer, from the
National Statistics Office registry exports in ../shared/data/gazetteer (or the directory
given as the first argument) and the hand-written aliases in scripts/gazetteer-aliases.tsv.

    python3 scripts/build-gazetteer.py [GAZETTEER_DIR] [--check]

--check: build in memory and exit 1 if the committed file differs (nothing is written).
Standard library only. The output is UTF-8, NFC, LF line ends, one record per line:

    # danvan gazetteer; source: ...                          (one header line)
    P   province_code  name
    C   commune_code   name  division_type(xã|phường|đặc khu)  province_code
    LP  old_province_code  name
    LD  old_district_code  name  old_province_code
    LC  old_commune_code   name  old_district_code  new_codes(space-separated)  split(0|1)
    A   kind(P|C|LP|LD|LC)  code  alias

Codes have no leading zeros. Records come in the order P, C, LP, LD, LC (each by code),
then A (in the order of the aliases file).

What the inputs look like and what this script does about it (checked 2025 exports):

* Text. All three files are NFC, CRLF, without BOM, and no name has stray whitespace, NBSP,
  zero-width characters or U+00D0 "Ð". The script still normalises every name defensively
  (NFC, Ð/ð -> Đ/đ, whitespace collapsed) and counts what it changed.
* Capitalisation slips in the registry text, corrected here (counted in the summary):
  - the new commune 6325 is written "xã Bắc Sơn" (lower-case unit word);
  - two old districts are written "Thành Phố ..." (Bắc Kạn, Đồng Hới);
  - seven old communes have a name word that starts with a lower-case accented vowel
    ("Xã Mường é", "Xã é Tòng", "Xã Đại áng", "Xã Pa ủ", "Xã Nậm ét", "Xã Đồng ý",
    "Xã Ya ly"): the word is capitalised ("Mường É", as the 2025 list itself writes it).
  Other irregular spellings are kept as the registry has them, because they are real
  variants a matcher has to cope with anyway: old- and new-style tone placement
  ("Hoà"/"Hòa", "Thuỷ"/"Thủy", both styles occur), apostrophe names with and without a space
  ("Xã K' Dang", "Xã Ea H'leo" vs "Xã Ea H'Leo"), Roman numerals ("Phường III"),
  "NT"/"N.T" (nông trường) in some old town names, numbered new names ("Xã A Lưới 3").
* Duplicates. No code occurs twice in any file. One old district holds two communes of the
  same name (Thành phố Thanh Hóa: 16387 and 16408, both "Xã Đông Khê"; see below).
* The mapping is keyed by old commune code. It has 10,033 rows for 10,051 legacy communes:
  28 legacy communes have no row, and 10 rows name old codes that are not in the legacy list
  (10,051 - 28 + 10 = 10,033). The legacy list (2025-01-04) predates a last round of
  commune mergers in the first half of 2025: the 28 are communes absorbed in that round
  (e.g. HCMC Quận 6 Phường 1 and 2, Bình Thạnh Phường 14 and 19; Sơn La Thị trấn Phù Yên,
  Xã Huy Bắc; Thanh Hóa Xã Đông Khê 16387 and Xã Đông Xuân), and the 10 are units created
  by it, which the legacy list does not name (so they get no LC record; their mapping rows
  are still used below). The 28 are kept (LC count stays 10,051) with their successor(s)
  worked out from the mapping of their own old district, most certain rule first:
    1. another legacy commune of the same district with the same name (apart from the unit
       word) is mapped, i.e. the re-coded successor: take its codes and split flag
       (Xã Đông Khê 16387 <- Xã Đông Khê 16408; Xã Đạ M'ri <- Thị trấn Đạ M'ri);
    2. exactly one new commune in the district's targets (below) has the same name as the
       absorbed commune: take it (e.g. Quảng Nam Xã Quế Phước -> Xã Quế Phước 20669);
    3. otherwise all new communes that the district's mapped communes (legacy or not) went
       to: the successor is one of them, since a commune merger stays inside its district.
       If that is one code, take it with split 0, else list them all with split 1 so a
       matcher treats the answer as ambiguous (as for a split commune) but still knows the
       new province for certain.
  The rule applied to each of the 28 is printed.
* is_partly_merged: kept as the registry gives it in the split column. 441 of its 573 rows
  with 1 list several new codes; 132 list a single new code (the registry marks the old
  commune as divided but records only one receiving new commune), so split=1 does not
  always mean several codes.
* The mapping's own old_district_code/old_province_code are not used for legacy communes:
  two rows disagree with the legacy list (27691 Phường 4, Tân An says province 82, the
  legacy list 80 (Long An); 30781 Xã Tiên Hải says 89, the legacy list 91 (Kiên Giang)).
  The legacy list is taken as the authority for the old hierarchy. Every new code in the
  mapping exists in the 2025 list and lies in the mapping's new_province_code.
* Every old province went wholly into one new province (checked and asserted).
* Five new special zones receive no old commune (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn,
  Côn Đảo): their old districts had no communes, so they are also absent from the legacy
  list, which therefore has 691 districts (696 district-level units existed, ~700).
* Aliases: the file is validated (kind and code exist, no tab, NFC) and an alias that only
  repeats the official name minus its unit word ("Hà Nội" for "Thành phố Hà Nội") is an
  error, since the matcher strips unit words itself.
"""
import collections
import csv
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "Sources/Locality/Resources/gazetteer.tsv"
ALIASES = REPO / "scripts/gazetteer-aliases.tsv"
HEADER = ("# danvan gazetteer; source: National Statistics Office registry (wards_2025.csv state "
          "2026-09-20; wards_legacy 2025-01-04; mapping 2025-07-01); built by scripts/build-gazetteer.py")

EXPECTED = {"P": 34, "C": 3321, "LP": 63, "LD": 691, "LC": 10051}
DIVISION_TYPES = {"xã": "Xã", "phường": "Phường", "đặc khu": "Đặc khu"}
# Unit words that open official names (longest first so "Thị trấn" wins over a bare "Thị").
UNIT_WORDS = ["Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Quận", "Huyện", "Tỉnh", "Xã"]
UNIT_RE = re.compile(r"^(%s)\s+" % "|".join(map(re.escape, UNIT_WORDS)), re.IGNORECASE)

fixes = collections.defaultdict(set)  # what was fixed -> distinct original names


def fail(message):
    print("build-gazetteer: error: " + message, file=sys.stderr)
    sys.exit(1)


def clean(name, what):
    """NFC, Đ for U+00D0, single spaces, canonical unit word, no lower-case word starts."""
    original = name
    name = unicodedata.normalize("NFC", name)
    if name != original:
        fixes["NFC"].add(original)
    before = name
    name = name.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    if name != before:
        fixes["U+00D0/U+00F0 -> Đ/đ"].add(original)
    before = name
    name = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", name)
    name = " ".join(name.split())  # also folds NBSP and tabs
    if name != before:
        fixes["whitespace"].add(original)
    match = UNIT_RE.match(name)
    if not match:
        fail("%s: no unit word in %r" % (what, original))
    unit = next(u for u in UNIT_WORDS if u.lower() == match.group(1).lower())
    bare = name[match.end():]
    if match.group(1) != unit:
        fixes["unit word case (%s -> %s)" % (match.group(1), unit)].add(original)
    words = bare.split(" ")
    fixed = [w[:1].upper() + w[1:] if w[:1].islower() else w for w in words]
    if fixed != words:
        fixes["lower-case word start"].add(original)
    return unit + " " + " ".join(fixed)


def bare(name):
    return UNIT_RE.sub("", name, count=1)


def fold(text):
    return unicodedata.normalize("NFC", " ".join(text.split())).casefold()


def code(value, what):
    value = value.strip()
    if not value.isdigit():
        fail("%s: bad code %r" % (what, value))
    return str(int(value))  # no leading zeros


def read(path):
    if not path.is_file():
        fail("missing %s" % path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for number, row in enumerate(rows, 2):
        if None in row or None in row.values():
            fail("%s:%d: wrong number of fields" % (path.name, number))
    return rows


def build(source):
    new_rows = read(source / "wards_2025.csv")
    old_rows = read(source / "wards_legacy_2025-01.csv")
    map_rows = read(source / "ward_old_to_new_2025-07-01.csv")
    notes = []

    # --- 2025 provinces and communes -------------------------------------------------
    provinces, communes = {}, {}
    for row in new_rows:
        c = code(row["ward_code"], "wards_2025")
        p = code(row["province_code"], "wards_2025")
        kind = row["division_type"].strip()
        if kind not in DIVISION_TYPES:
            fail("commune %s: unknown division type %r" % (c, kind))
        name = clean(row["ward_name"], "commune %s" % c)
        if not name.startswith(DIVISION_TYPES[kind] + " "):
            fail("commune %s: name %r does not match type %r" % (c, name, kind))
        pname = clean(row["province_name"], "province %s" % p)
        if provinces.setdefault(p, pname) != pname:
            fail("province %s has two names: %r, %r" % (p, provinces[p], pname))
        record = (name, kind, p)
        if c in communes:
            if communes[c] != record:
                fail("commune %s listed twice with different data" % c)
            notes.append("duplicate row for commune %s dropped" % c)
        communes[c] = record

    # --- legacy provinces, districts, communes ----------------------------------------
    old_provinces, old_districts, old_communes = {}, {}, {}
    for row in old_rows:
        c = code(row["ward_code"], "legacy")
        d = code(row["district_code"], "legacy")
        p = code(row["province_code"], "legacy")
        name = clean(row["ward_name"], "old commune %s" % c)
        dname = clean(row["district_name"], "old district %s" % d)
        pname = clean(row["province_name"], "old province %s" % p)
        if old_provinces.setdefault(p, pname) != pname:
            fail("old province %s has two names" % p)
        if old_districts.setdefault(d, (dname, p)) != (dname, p):
            fail("old district %s has two names or provinces" % d)
        if c in old_communes:
            if old_communes[c] != (name, d):
                fail("old commune %s listed twice with different data" % c)
            notes.append("duplicate row for old commune %s dropped" % c)
        old_communes[c] = (name, d)
    same_name = collections.Counter((fold(n), d) for n, d in old_communes.values())
    for (n, d), count in sorted(same_name.items()):
        if count > 1:
            notes.append("old district %s (%s) has %d communes named %r"
                         % (d, old_districts[d][0], count, n))

    # --- mapping ----------------------------------------------------------------------
    mapping = {}          # old commune code -> (new codes, split flag)
    district_targets = collections.defaultdict(set)
    unknown_old = []
    for row in map_rows:
        old = code(row["old_ward_code"], "mapping")
        targets = [code(t, "mapping new code") for t in row["new_ward_codes"].split()]
        split = row["is_partly_merged"].strip()
        if split not in ("0", "1") or not targets:
            fail("mapping row for %s is malformed" % old)
        if len(set(targets)) != len(targets):
            fail("mapping row for %s repeats a code" % old)
        new_province = code(row["new_province_code"], "mapping")
        for t in targets:
            if t not in communes:
                fail("mapping: %s -> %s, which is not in wards_2025" % (old, t))
            if communes[t][2] != new_province:
                fail("mapping: %s -> %s lies outside new province %s" % (old, t, new_province))
        if old in mapping:
            fail("mapping lists old commune %s twice" % old)
        mapping[old] = (sorted(targets, key=int), split)
        if old in old_communes:
            district = old_communes[old][1]
            hierarchy = (code(row["old_district_code"], "mapping"), code(row["old_province_code"], "mapping"))
            if hierarchy != (district, old_districts[district][1]):
                notes.append("mapping row %s says district %s/province %s, legacy list %s/%s (legacy used)"
                             % ((old,) + hierarchy + (district, old_districts[district][1])))
        else:
            district = code(row["old_district_code"], "mapping")
            unknown_old.append(old)
        district_targets[district].update(targets)
    notes.append("%d mapping rows name old codes absent from the legacy list (no LC record): %s"
                 % (len(unknown_old), " ".join(sorted(unknown_old, key=int))))
    single_split = sum(1 for t, s in mapping.values() if s == "1" and len(t) == 1)
    notes.append("%d mapping rows have is_partly_merged=1 with a single new code (kept as split=1)"
                 % single_split)

    # --- legacy communes without a mapping row ------------------------------------------
    resolved = {}
    for old in sorted(set(old_communes) - set(mapping), key=int):
        name, district = old_communes[old]
        sibling = [o for o, (n, d) in old_communes.items()
                   if d == district and o != old and o in mapping and fold(bare(n)) == fold(bare(name))]
        pool = sorted(district_targets[district], key=int)
        named = [t for t in pool if fold(bare(communes[t][0])) == fold(bare(name))]
        if len(sibling) == 1:
            resolved[old] = mapping[sibling[0]]
            rule = "1 (same-name sibling %s)" % sibling[0]
        elif len(named) == 1:
            resolved[old] = ([named[0]], "0")
            rule = "2 (same-name new commune)"
        elif len(pool) == 1:
            resolved[old] = (pool, "0")
            rule = "3 (district's only target)"
        elif pool:
            resolved[old] = (pool, "1")
            rule = "3 (any of the district's %d targets)" % len(pool)
        else:
            fail("old commune %s: no mapping and no mapped commune in its district" % old)
        notes.append("unmapped old commune %s %s (%s): rule %s -> %s"
                     % (old, name, old_districts[district][0], rule, " ".join(resolved[old][0])))

    # --- province-level consistency --------------------------------------------------
    old_to_new_province = collections.defaultdict(set)
    for old, (name, district) in old_communes.items():
        targets = mapping.get(old, resolved.get(old))[0]
        for t in targets:
            old_to_new_province[old_districts[district][1]].add(communes[t][2])
    for p, news in old_to_new_province.items():
        if len(news) != 1:
            fail("old province %s goes to several new provinces: %s" % (p, sorted(news)))
    targeted = {t for ts, _ in mapping.values() for t in ts}
    untouched = sorted(set(communes) - targeted, key=int)
    notes.append("new communes that receive no old commune: "
                 + ", ".join("%s %s" % (c, communes[c][0]) for c in untouched))

    # --- aliases -----------------------------------------------------------------------
    tables = {"P": provinces, "C": communes, "LP": old_provinces, "LD": old_districts, "LC": old_communes}
    def official(kind, c):
        entry = tables[kind][c]
        return entry if isinstance(entry, str) else entry[0]
    aliases, seen = [], set()
    with ALIASES.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = line.split("\t")
            where = "%s:%d" % (ALIASES.name, number)
            if len(fields) != 3:
                fail("%s: expected kind<TAB>code<TAB>alias" % where)
            kind, c, alias = (f.strip() for f in fields)
            if kind not in tables:
                fail("%s: unknown kind %r" % (where, kind))
            c = code(c, where)
            if c not in tables[kind]:
                fail("%s: %s %s does not exist" % (where, kind, c))
            if alias != unicodedata.normalize("NFC", alias):
                fail("%s: alias not NFC" % where)
            if not alias or alias != " ".join(alias.split()):
                fail("%s: empty alias or stray whitespace" % where)
            if fold(alias) == fold(bare(official(kind, c))):
                fail("%s: %r only repeats %r without its unit word" % (where, alias, official(kind, c)))
            if (kind, c, fold(alias)) in seen:
                fail("%s: duplicate alias" % where)
            seen.add((kind, c, fold(alias)))
            aliases.append((kind, c, alias))

    # --- output ------------------------------------------------------------------------
    by_code = lambda table: sorted(table, key=int)
    lines = [HEADER]
    lines += ["P\t%s\t%s" % (p, provinces[p]) for p in by_code(provinces)]
    lines += ["C\t%s\t%s\t%s\t%s" % ((c,) + communes[c]) for c in by_code(communes)]
    lines += ["LP\t%s\t%s" % (p, old_provinces[p]) for p in by_code(old_provinces)]
    lines += ["LD\t%s\t%s\t%s" % ((d,) + old_districts[d]) for d in by_code(old_districts)]
    for c in by_code(old_communes):
        name, district = old_communes[c]
        targets, split = mapping.get(c) or resolved[c]
        lines.append("LC\t%s\t%s\t%s\t%s\t%s" % (c, name, district, " ".join(targets), split))
    lines += ["A\t%s\t%s\t%s" % a for a in aliases]
    text = "\n".join(lines) + "\n"
    assert unicodedata.is_normalized("NFC", text)

    counts = collections.Counter(line.split("\t", 1)[0] for line in lines[1:])
    return text, counts, notes


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    if len(args) > 1:
        fail("usage: build-gazetteer.py [GAZETTEER_DIR] [--check]")
    source = Path(args[0]) if args else REPO.parent / "shared/data/gazetteer"
    text, counts, notes = build(source.resolve())
    for note in notes:
        print("note: " + note)
    for fix, names in sorted(fixes.items()):
        print("fixed: %s (%d): %s" % (fix, len(names), "; ".join(sorted(names))))
    print("counts: " + ", ".join("%s=%d" % (k, counts[k]) for k in ("P", "C", "LP", "LD", "LC", "A")))
    for kind, expected in EXPECTED.items():
        assert counts[kind] == expected, "%s: %d records, expected %d" % (kind, counts[kind], expected)
    assert counts["A"] > 0, "no aliases"
    if check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print("%s is out of date; run scripts/build-gazetteer.py" % OUT.relative_to(REPO))
            return 1
        print("%s is up to date" % OUT.relative_to(REPO))
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8", newline="\n")
    print("wrote %s (%d bytes)" % (OUT.relative_to(REPO), len(text.encode("utf-8"))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
