#!/usr/bin/env python3
"""Writes Tests/RoutingTests/Fixtures/lunar-dates.tsv: Tết (lunar 1/1) and Giỗ Tổ Hùng Vương
(lunar 10/3) for 1968-2099, computed by independent implementations, not by danvan:
PyPI `lunar-vn` (Vietnamese calendar at UTC+7) for every year, cross-checked against PyPI
`holidays` (its Vietnam calendar) for Tết where that package knows the year.
Run once; the output is committed: pip install lunar-vn==1.4.0 holidays==0.109
"""
import datetime
import sys
from pathlib import Path

import holidays
import lunar_vn

out = Path(__file__).resolve().parent.parent / "Tests/RoutingTests/Fixtures/lunar-dates.tsv"
rows = ["# year\ttet\thung_kings\tsource: lunar-vn %s (UTC+7), Tết cross-checked with holidays %s"
        % (lunar_vn.__version__, holidays.__version__)]
mismatches = 0
for year in range(1968, 2100):
    tet = lunar_vn.lunar_to_solar(lunar_vn.LunarDate(1, 1, year))
    hung = lunar_vn.lunar_to_solar(lunar_vn.LunarDate(10, 3, year))
    try:
        named = {d: n for d, n in holidays.Vietnam(years=year).items()}
        tet_h = [d for d, n in named.items() if n == "Lunar New Year"]
        if tet_h and tet_h[0] != tet:
            print(f"{year}: lunar-vn says {tet}, holidays says {tet_h[0]}", file=sys.stderr)
            mismatches += 1
    except Exception as error:  # years outside the holidays package's range
        print(f"{year}: holidays has no data ({error})", file=sys.stderr)
    rows.append(f"{year}\t{tet.isoformat()}\t{hung.isoformat()}")
out.write_text("\n".join(rows) + "\n", encoding="utf-8")
print(f"wrote {len(rows) - 1} years to {out}; {mismatches} Tết mismatches with holidays")
sys.exit(1 if mismatches else 0)
