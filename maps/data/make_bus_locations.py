#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the bus-location table of the ACTIVSg2000 grid case (see README.md, "The grid case").

The MATPOWER case holds no coordinates. The same synthetic grid, as published in the USA test
system of Xu et al. (PowerSimData, CC BY 4.0), places every bus: ACTIVSg2000 bus n is bus
3000000 + n of its Texas interconnect (bus2sub.csv), in a substation with a latitude, longitude
and name (sub.csv). This script joins the two for every bus of the case, in the case's bus order,
and refuses to write anything if a bus does not map (no bus is ever guessed).

Standard library only; the output is byte-identical for the same inputs.

    maps/data/make_bus_locations.py \\
        --case maps/data/case_ACTIVSg2000.m \\
        --bus2sub ../shared/data/usa-tamu-synthetic-powersimdata/bus2sub.csv \\
        --sub ../shared/data/usa-tamu-synthetic-powersimdata/sub.csv \\
        --out maps/data/case_ACTIVSg2000_bus_locations.csv
"""

import argparse
import csv
import re
import sys


def case_bus_ids(path):
    """Bus numbers (first column of mpc.bus) in file order."""
    ids = []
    inside = False
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = line.split("%", 1)[0].strip()
            if not inside:
                if re.match(r"mpc\.bus\s*=\s*\[", text):
                    inside = True
                continue
            if text.startswith("]"):
                break
            for row in text.split(";"):
                fields = row.split()
                if fields:
                    ids.append(int(fields[0]))
    if not ids:
        sys.exit(f"{path}: no mpc.bus matrix")
    return ids


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", required=True)
    parser.add_argument("--bus2sub", required=True)
    parser.add_argument("--sub", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--offset", type=int, default=3000000,
                        help="usa_tamu bus id = offset + case bus number (Texas: 3000000)")
    parser.add_argument("--interconnect", default="Texas")
    args = parser.parse_args()

    with open(args.bus2sub, newline="", encoding="utf-8") as f:
        bus2sub = {int(r["bus_id"]): r for r in csv.DictReader(f)}
    with open(args.sub, newline="", encoding="utf-8") as f:
        subs = {int(r["sub_id"]): r for r in csv.DictReader(f)}

    rows = []
    problems = []
    for n in case_bus_ids(args.case):
        link = bus2sub.get(args.offset + n)
        if link is None or link["interconnect"] != args.interconnect:
            problems.append(f"bus {n}: no {args.interconnect} bus {args.offset + n} in bus2sub")
            continue
        sub = subs.get(int(link["sub_id"]))
        if sub is None:
            problems.append(f"bus {n}: substation {link['sub_id']} not in sub.csv")
            continue
        # Coordinates are copied as written in sub.csv, not re-formatted.
        rows.append([n, sub["lat"], sub["lon"], sub["name"], sub["sub_id"]])
    if problems:
        sys.exit("\n".join(problems[:20]) + f"\n{len(problems)} buses do not map; nothing written")

    with open(args.out, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["bus", "lat", "lon", "substation", "substation_id"])
        out.writerows(rows)
    print(f"{args.out}: {len(rows)} buses at {len({r[4] for r in rows})} substations")


if __name__ == "__main__":
    main()
