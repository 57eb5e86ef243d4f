#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the bad-input corpus of tests/data/bad/: small files, each wrong in one way, for every
format Energize reads, and manifest.tsv, which tells tests/app/test_badinput.cpp how to open each
file and which words its error message must contain.

    python3 tests/data/bad/make_corpus.py [--energize build/app/energize]

Standard library only, no network. The GeoPackage cases start from a project the real binary
writes (`energize save --demo`), trimmed to one site and one plan and vacuumed to 1 KiB pages;
without --energize they are left as they are. The output is committed; rerun after a change here.
"""
import argparse
import json
import math
import os
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
MANIFEST = []  # (file, how, expected words, what is wrong)

# The words of the message each reader gives, where they are not the file's name: checked
# against what the app says (tests/app/test_badinput.cpp). "(loads)": the reader recovers in
# full, which is fine as long as nothing crashes, hangs or changes the open project.
MESSAGE = {
    "geojson-nan.geojson": "without geometry",
    "geojson-huge-coordinates.geojson": "outside the globe",
    "geojson-wrong-types.geojson": "without geometry",
    "geojson-no-features.geojson": "empty",
    "kml-bad-coordinates.kml": "without geometry",
    "shp-count-mismatch/points.shp": "(loads)",
    "shp-truncated/points.shp": "without geometry",
    "shp-nan-coordinates/points.shp": "invalid coordinates",
    "tif-ifd-loop.tif": "(loads)",
    "tif-nan-geotransform.tif": "non-finite origin",
    "loc-unknown-bus.csv": "rows of",
    "plan-negative-load.json": "IT load",
    "plan-huge-load.json": "racks",
    "plan-overflow-number.json": "1e999",
    "plan-phases-mismatch.json": "phases add up",
    "gpkg-site-nan.gpkg": "not a longitude/latitude",
    "gpkg-layer-wrong-types.gpkg": "opacity",
}


def put(name, data, how, expect, why):
    path = os.path.join(HERE, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    MANIFEST.append((name, how, MESSAGE.get(name, expect), why))


def note(name, how, expect, why):
    """A file written by other means (a shapefile set): listed in the manifest only."""
    MANIFEST.append((name, how, MESSAGE.get(name, expect), why))


# ---- GeoTIFF -----------------------------------------------------------------------------------

def tiff(width=2, height=2, scale=(0.01, 0.01, 0.0), tie=(0, 0, 0, -97.0, 31.0, 0), geokeys=True,
         compression=1, strip_offset=None, next_ifd=0, magic=b"II*\x00"):
    """A little-endian strip TIFF of 8-bit pixels with GeoTIFF tags."""
    pixels = bytes((7 * i) % 256 for i in range(min(width * height, 64)))
    entries = []
    extra = b""

    def tag(code, typ, values):
        entries.append((code, typ, values))

    tag(256, 4, [width])
    tag(257, 4, [height])
    tag(258, 3, [8])
    tag(259, 3, [compression])
    tag(262, 3, [1])
    tag(273, 4, [None])  # strip offset, patched
    tag(277, 3, [1])
    tag(278, 4, [height])
    tag(279, 4, [min(width * height, 2 ** 32 - 1)])
    if scale is not None:
        tag(33550, 12, list(scale))
    if tie is not None:
        tag(33922, 12, list(tie))
    if geokeys:
        tag(34735, 3, [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326])
    pix_at = 8
    ifd_at = pix_at + len(pixels)
    ifd_at += ifd_at % 2
    n = len(entries)
    extra_at = ifd_at + 2 + n * 12 + 4
    ifd = struct.pack("<H", n)
    for code, typ, values in entries:
        size = {3: 2, 4: 4, 12: 8}[typ]
        fmt = {3: "H", 4: "I", 12: "d"}[typ]
        if code == 273:
            values = [pix_at if strip_offset is None else strip_offset]
        payload = struct.pack("<" + fmt * len(values), *values)
        if len(payload) <= 4:
            ifd += struct.pack("<HHI", code, typ, len(values)) + payload.ljust(4, b"\0")
        else:
            ifd += struct.pack("<HHII", code, typ, len(values), extra_at + len(extra))
            extra += payload
    ifd += struct.pack("<I", ifd_at if next_ifd == "self" else next_ifd)
    head = magic + struct.pack("<I", ifd_at)
    body = pixels + b"\0" * (ifd_at - pix_at - len(pixels))
    return head + body + ifd + extra


def geotiffs():
    good = tiff()
    put("tif-truncated.tif", good[:60], "layer", "tif-truncated.tif",
        "a 2x2 GeoTIFF cut after 60 bytes, inside its first IFD")
    put("tif-wrong-magic.tif", b"XX*\x00" + good[4:], "layer", "tif-wrong-magic.tif",
        "byte-order mark 'XX' instead of 'II' or 'MM'")
    put("tif-zero-size.tif", b"", "layer", "tif-zero-size.tif", "an empty file")
    put("tif-huge-size.tif", tiff(width=4000000, height=4000000), "layer", "tif-huge-size.tif",
        "declares 4,000,000 x 4,000,000 pixels (16 TB) in a file of a few hundred bytes")
    put("tif-zero-pixel-scale.tif", tiff(scale=(0.0, 0.0, 0.0)), "layer", "tif-zero-pixel-scale.tif",
        "geotransform with a pixel size of 0 (not invertible)")
    put("tif-nan-geotransform.tif", tiff(tie=(0, 0, 0, float("nan"), 31.0, 0)), "layer",
        "tif-nan-geotransform.tif", "the tie point's longitude is NaN")
    put("tif-inf-pixel-scale.tif", tiff(scale=(float("inf"), 0.01, 0.0)), "layer",
        "tif-inf-pixel-scale.tif", "pixel width is infinite")
    put("tif-no-crs.tif", tiff(geokeys=False), "layer", "coordinate system",
        "a valid raster without GeoKeys: no coordinate system (must ask, never assume)")
    put("tif-zero-width.tif", tiff(width=0), "layer", "tif-zero-width.tif", "image width 0")
    put("tif-unknown-compression.tif", tiff(compression=54321), "layer",
        "tif-unknown-compression.tif", "compression scheme 54321, which no codec knows")
    put("tif-ifd-loop.tif", tiff(next_ifd="self"), "layer", "tif-ifd-loop.tif",
        "the IFD names itself as the next IFD (a loop); libtiff stops there and reads the one IFD")
    put("tif-strip-beyond-eof.tif", tiff(width=64, height=64, strip_offset=10 ** 9), "layer",
        "tif-strip-beyond-eof.tif", "the pixel strip's offset is 1 GB past the end of the file")


# ---- Shapefile ---------------------------------------------------------------------------------

PRJ = ('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
       'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')


def shapefile(points, dbf_records=None, shp_length_words=None):
    """Point .shp, .shx and a .dbf with one 'name' field; returns the three byte strings."""
    xs = [p[0] for p in points] or [0.0]
    ys = [p[1] for p in points] or [0.0]
    bbox = struct.pack("<4d", min(xs), min(ys), max(xs), max(ys)) + struct.pack("<4d", 0, 0, 0, 0)
    records, index = b"", b""
    offset = 50
    for i, (x, y) in enumerate(points):
        content = struct.pack("<idd", 1, x, y)
        records += struct.pack(">ii", i + 1, len(content) // 2) + content
        index += struct.pack(">ii", offset, len(content) // 2)
        offset += 4 + len(content) // 2

    def header(length_words):
        return (struct.pack(">i", 9994) + b"\0" * 20 + struct.pack(">i", length_words)
                + struct.pack("<ii", 1000, 1) + bbox)

    shp = header(shp_length_words or (50 + len(records) // 2)) + records
    shx = header(50 + len(index) // 2) + index
    n = len(points) if dbf_records is None else dbf_records
    field = b"name".ljust(11, b"\0") + b"C" + b"\0" * 4 + bytes([10, 0]) + b"\0" * 14
    dbf = struct.pack("<BBBBIHH", 3, 126, 1, 1, n, 32 + 32 + 1, 11) + b"\0" * 20 + field + b"\r"
    for i in range(n):
        dbf += b" " + ("site%d" % i).ljust(10).encode()
    dbf += b"\x1a"
    return shp, shx, dbf


def shapefiles():
    pts = [(-97.0, 31.0), (-97.5, 31.2), (-98.0, 31.5)]
    shp, shx, dbf = shapefile(pts)

    def set_of(folder, parts, how, expect, why):
        for ext, data in parts.items():
            put("%s/points.%s" % (folder, ext), data, "-", "", "")
            MANIFEST.pop()
        note("%s/points.shp" % folder, how, expect, why)

    set_of("shp-no-shx", {"shp": shp, "dbf": dbf, "prj": PRJ}, "layer", "points.shx",
           "a point shapefile without its .shx index")
    set_of("shp-no-dbf", {"shp": shp, "shx": shx, "prj": PRJ}, "layer", "points.dbf",
           "a point shapefile without its .dbf attribute table")
    set_of("shp-no-prj", {"shp": shp, "shx": shx, "dbf": dbf}, "layer", "coordinate system",
           "a point shapefile without a .prj: no coordinate system (must ask)")
    _, _, dbf5 = shapefile(pts, dbf_records=5)
    set_of("shp-count-mismatch", {"shp": shp, "shx": shx, "dbf": dbf5, "prj": PRJ}, "layer",
           "points.shp", "3 shapes in .shp/.shx but 5 records in .dbf")
    long_shp, _, _ = shapefile(pts, shp_length_words=10 ** 6)
    set_of("shp-truncated", {"shp": long_shp[:140], "shx": shx, "dbf": dbf, "prj": PRJ}, "layer",
           "points.shp", ".shp cut inside its second record; its header claims 2 MB")
    nan_shp, nan_shx, _ = shapefile([(float("nan"), 31.0), (-97.5, float("inf")), (-98, 31.5)])
    set_of("shp-nan-coordinates", {"shp": nan_shp, "shx": nan_shx, "dbf": dbf, "prj": PRJ},
           "layer", "points.shp", "two points with NaN and infinite coordinates")
    set_of("shp-wrong-magic", {"shp": b"\0\0\0\0" + shp[4:], "shx": shx, "dbf": dbf, "prj": PRJ},
           "layer", "points.shp", "file code 0 instead of 9994 in the .shp header")
    set_of("shp-bad-prj", {"shp": shp, "shx": shx, "dbf": dbf, "prj": "GEOGCS[nonsense"},
           "layer", "points", "a .prj that is not WKT")


# ---- GeoJSON, KML, CSV layers ------------------------------------------------------------------

def point_collection(coords):
    return json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "a"},
         "geometry": {"type": "Point", "coordinates": coords}}]}, allow_nan=True)


def vector_layers():
    put("geojson-nan.geojson", point_collection([float("nan"), 31.0]), "layer",
        "geojson-nan.geojson", "a point whose longitude is the non-JSON literal NaN")
    put("geojson-huge-coordinates.geojson", point_collection([1e308, -1e308]), "layer",
        "geojson-huge-coordinates.geojson", "a point at (1e308, -1e308) degrees")
    put("geojson-wrong-types.geojson", point_collection("east of Austin"), "layer",
        "geojson-wrong-types.geojson", "coordinates given as a string")
    put("geojson-deep-nesting.geojson",
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},'
        '"geometry":{"type":"Polygon","coordinates":' + "[" * 3000 + "]" * 3000 + "}}]}",
        "layer", "geojson-deep-nesting.geojson", "coordinates nested 3,000 arrays deep")
    put("geojson-truncated.geojson", point_collection([-97.0, 31.0])[:70], "layer",
        "geojson-truncated.geojson", "a FeatureCollection cut in the middle")
    put("geojson-empty-object.geojson", "{}", "layer", "geojson-empty-object.geojson",
        "an empty JSON object: no type, no features")
    put("geojson-binary.geojson", bytes(range(256)) * 4, "layer", "geojson-binary.geojson",
        "1 KB of binary bytes")
    put("geojson-no-features.geojson", '{"type":"FeatureCollection","features":[]}', "layer",
        "geojson-no-features.geojson", "a valid FeatureCollection with no features")
    kml_head = '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
    placemark = '<Placemark><name>a</name><Point><coordinates>%s</coordinates></Point></Placemark>'
    put("kml-truncated.kml", (kml_head + placemark % "-97,31,0")[:120], "layer",
        "kml-truncated.kml", "a KML document cut inside its first element")
    put("kml-bad-coordinates.kml", kml_head + placemark % "east,north,up" + "</Document></kml>",
        "layer", "kml-bad-coordinates.kml", "coordinates that are words")
    put("kml-not-xml.kml", "this is not XML at all\n", "layer", "kml-not-xml.kml",
        "plain text with a .kml name")
    put("kml-entity-expansion.kml",
        '<?xml version="1.0"?>\n<!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa">'
        + "".join('<!ENTITY %s "%s">' % (chr(98 + i), ("&%s;" % chr(97 + i)) * 10) for i in range(8))
        + ']>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>&i;</name>'
        '<Point><coordinates>-97,31,0</coordinates></Point></Placemark></Document></kml>',
        "layer", "kml-entity-expansion.kml", "nested XML entities that expand to 1 GB ('billion laughs')")
    put("kml-no-placemarks.kml", kml_head + "</Document></kml>", "layer", "kml-no-placemarks.kml",
        "a valid KML document with no features")
    put("csv-no-geometry.csv", "name,capacity\nA,10\nB,20\n", "layer", "csv-no-geometry.csv",
        "no longitude/latitude or WKT column")
    put("csv-bom.csv", "\ufeffname,lon,lat\nA,-97.1,31.2\nB,-98.4,30.1\n", "layer",
        "coordinate system", "a UTF-8 byte-order mark before the header; lon/lat without a CRS")
    put("csv-mixed-delimiters.csv", "name;lon,lat\nA;-97.1,31.2\nB,-98.4;30.1\n", "layer",
        "csv-mixed-delimiters.csv", "semicolons and commas mixed in the header and rows")
    put("csv-ragged-rows.csv", "name,lon,lat\nA,-97.1\nB,-98.4,30.1,extra,more\nC\n", "layer",
        "coordinate system", "rows with 2, 5 and 1 fields under a 3-field header")
    put("csv-nan-coordinates.csv", "name,lon,lat\nA,nan,31.2\nB,-98.4,inf\n", "layer",
        "coordinate system", "NaN and infinite coordinates")
    put("csv-empty.csv", "", "layer", "csv-empty.csv", "an empty file")
    put("csv-binary.csv", b"\x00\xff\xfe" * 300, "layer", "csv-binary.csv",
        "binary bytes with a .csv name")


# ---- MATPOWER grid cases and bus-location tables -----------------------------------------------

TINY_BUS = [
    "1\t3\t0\t0\t0\t0\t1\t1\t0\t345\t1\t1.1\t0.9;",
    "2\t1\t80\t0\t0\t0\t1\t1\t0\t345\t1\t1.1\t0.9;",
    "3\t1\t40\t0\t0\t0\t1\t1\t0\t138\t1\t1.1\t0.9;",
]
TINY_GEN = ["1\t160\t0\t100\t-100\t1\t100\t1\t600\t0;"]
TINY_BRANCH = [
    "1\t2\t0\t0.02\t0\t400\t0\t0\t0\t0\t1;",
    "2\t3\t0\t0.01\t0\t300\t0\t0\t1\t0\t1;",
    "3\t1\t0\t0.05\t0\t150\t0\t0\t0\t0\t1;",
]


def case(bus=TINY_BUS, gen=TINY_GEN, branch=TINY_BRANCH, base="mpc.baseMVA = 100;"):
    def mat(name, rows):
        return "mpc.%s = [\n\t%s\n];\n" % (name, "\n\t".join(rows))
    return ("function mpc = tiny\nmpc.version = '2';\n" + base + "\n" + mat("bus", bus)
            + mat("gen", gen) + mat("branch", branch))


def grid_cases():
    put("grid/tiny.m", case(), "-", "", "")
    MANIFEST.pop()  # the good case the bus-location tables are read with
    put("grid/tiny_locations.csv", "bus,lat,lon\n1,31.0,-97.0\n2,31.2,-97.5\n3,31.5,-98.0\n", "-",
        "", "")
    MANIFEST.pop()
    whole = case()
    put("m-truncated.m", whole[: whole.index("mpc.branch") + 40], "grid", "mpc.branch",
        "the file ends inside mpc.branch (no '];')")
    put("m-nan.m", case(bus=[TINY_BUS[0], TINY_BUS[1].replace("80", "NaN"), TINY_BUS[2]]), "grid",
        "NaN", "bus 2's load is NaN")
    put("m-inf.m", case(branch=[TINY_BRANCH[0].replace("400", "Inf")] + TINY_BRANCH[1:]), "grid",
        "Inf", "a branch rating of Inf")
    put("m-no-basemva.m", case(base=""), "grid", "baseMVA", "no mpc.baseMVA line")
    put("m-basemva-zero.m", case(base="mpc.baseMVA = 0;"), "grid", "baseMVA",
        "mpc.baseMVA = 0")
    put("m-branch-unknown-bus.m", case(branch=TINY_BRANCH + ["3\t99\t0\t0.05\t0\t150\t0\t0\t0\t0\t1;"]),
        "grid", "99", "a branch to bus 99, which mpc.bus does not define")
    put("m-gen-unknown-bus.m", case(gen=["7\t160\t0\t100\t-100\t1\t100\t1\t600\t0;"]), "grid",
        "bus 7", "the generator sits at bus 7, which does not exist")
    put("m-zero-impedance.m", case(branch=[TINY_BRANCH[0].replace("0.02", "0")] + TINY_BRANCH[1:]),
        "grid", "reactance", "branch 1-2 has x = 0")
    put("m-huge-bus-number.m",
        case(bus=[TINY_BUS[0], TINY_BUS[1], "2147483647" + TINY_BUS[2][1:]],
             branch=TINY_BRANCH[:2] + ["2147483647\t1\t0\t0.05\t0\t150\t0\t0\t0\t0\t1;"]),
        "grid", "2147483647", "bus number 2^31-1, past what the reader accepts")
    put("m-bus-number-overflow.m", case(bus=TINY_BUS[:2] + ["1e300" + TINY_BUS[2][1:]]), "grid",
        "1e+300", "bus number 1e300")
    put("m-ragged-rows.m", case(bus=[TINY_BUS[0], TINY_BUS[1].replace("\t1.1\t0.9", ""), TINY_BUS[2]]),
        "grid", "columns", "bus row 2 has 11 columns, the others 13")
    put("m-no-branch.m", "function mpc = tiny\nmpc.baseMVA = 100;\nmpc.bus = [\n%s\n];\nmpc.gen = [\n%s\n];\n"
        % ("\n".join(TINY_BUS), "\n".join(TINY_GEN)), "grid", "mpc.branch", "no mpc.branch matrix")
    put("m-no-reference-bus.m", case(bus=[TINY_BUS[0].replace("1\t3", "1\t1", 1)] + TINY_BUS[1:],
                                     gen=["2\t160\t0\t100\t-100\t1\t100\t0\t600\t0;"]),
        "grid", "m-no-reference-bus.m", "no reference bus and its only generator out of service")
    put("m-binary.m", bytes(range(256)) * 3, "grid", "m-binary.m", "binary bytes with a .m name")
    put("m-empty.m", "", "grid", "baseMVA", "an empty file")
    put("m-bus-type-5.m", case(bus=[TINY_BUS[0], TINY_BUS[1].replace("2\t1", "2\t5", 1), TINY_BUS[2]]),
        "grid", "bus type", "bus type 5 (only 1 to 4 exist)")
    put("m-duplicate-bus.m", case(bus=TINY_BUS + [TINY_BUS[1]]), "grid", "twice",
        "bus 2 is defined twice")
    put("m-huge-bus-count.m", "function mpc = big\nmpc.baseMVA = 100;\n" + "mpc.bus = zeros(100000000, 13);\n"
        + "mpc.gen = [\n%s\n];\nmpc.branch = [\n%s\n];\n" % ("\n".join(TINY_GEN), "\n".join(TINY_BRANCH)),
        "grid", "mpc.bus", "declares 100 million buses with zeros(...) instead of listing them")
    put("loc-missing-columns.csv", "bus,name\n1,A\n2,B\n3,C\n", "locations", "loc-missing-columns.csv",
        "no latitude or longitude column")
    put("loc-unknown-bus.csv", "bus,lat,lon\n1,31.0,-97.0\n2,31.2,-97.5\n42,31.5,-98.0\n", "locations",
        "42", "places bus 42, which the case does not have")
    put("loc-nan.csv", "bus,lat,lon\n1,nan,-97.0\n2,31.2,-97.5\n3,31.5,-98.0\n", "locations", "nan",
        "bus 1's latitude is NaN")
    put("loc-latitude-out-of-range.csv", "bus,lat,lon\n1,123.0,-97.0\n2,31.2,-97.5\n3,31.5,-98.0\n",
        "locations", "123", "latitude 123 degrees")
    put("loc-duplicate-bus.csv", "bus,lat,lon\n1,31.0,-97.0\n1,31.2,-97.5\n3,31.5,-98.0\n",
        "locations", "loc-duplicate-bus.csv", "bus 1 placed twice at different places")
    put("loc-empty.csv", "", "locations", "loc-empty.csv", "an empty file")
    put("loc-ragged.csv", "bus,lat,lon\n1,31.0\n2,31.2,-97.5,9\n", "locations", "loc-ragged.csv",
        "rows with 2 and 4 fields under a 3-field header")
    put("loc-bus-not-integer.csv", "bus,lat,lon\n1.5,31.0,-97.0\n", "locations", "1.5",
        "bus id 1.5")


# ---- catalogs and plan files -------------------------------------------------------------------

def catalog_file(name, mutate):
    with open(os.path.join(ROOT, "resources", "catalog", name + ".json"), encoding="utf-8") as f:
        doc = json.load(f)
    doc["entries"] = doc["entries"][:1]
    mutate(doc)
    return json.dumps(doc, indent=1, allow_nan=True)


def catalogs():
    def set_first(key, value):
        def go(doc):
            doc["entries"][0][key] = value
        return go

    def drop_first(key):
        def go(doc):
            doc["entries"][0].pop(key)
        return go

    acc = "catalog-accelerators-"
    put(acc + "wrong-types.json", catalog_file("accelerators", set_first("rack_it_power_kw", "high")),
        "catalog:accelerators", "rack_it_power_kw", "rack_it_power_kw is a string")
    put(acc + "missing-source.json", catalog_file("accelerators", drop_first("source")),
        "catalog:accelerators", "source", "an entry without its source")
    put(acc + "negative-power.json", catalog_file(
        "accelerators", set_first("rack_it_power_kw", {"value": -132, "source": "x", "year": "2024",
                                                       "status": "stated"})),
        "catalog:accelerators", "rack_it_power_kw", "rack IT power of -132 kW")
    put(acc + "nan.json", catalog_file(
        "accelerators", set_first("liquid_heat_fraction", {"value": float("nan"), "source": "x",
                                                           "year": "2024", "status": "stated"})),
        "catalog:accelerators", "accelerators.json", "liquid_heat_fraction is the non-JSON literal NaN")
    put(acc + "no-entries.json", catalog_file("accelerators", lambda d: d.pop("entries")),
        "catalog:accelerators", "entries", "no 'entries' array")
    put("catalog-cooling-truncated.json", catalog_file("cooling", lambda d: None)[:300],
        "catalog:cooling", "cooling.json", "the cooling catalog cut after 300 bytes")
    put("catalog-electrical-array.json", "[1, 2, 3]", "catalog:electrical", "electrical.json",
        "a JSON array instead of a catalog object")
    put("catalog-schedule-wrong-kind.json", catalog_file("schedule", lambda d: d.update(kind="cooling")),
        "catalog:schedule", "schedule.json", "kind 'cooling' in schedule.json")
    put("catalog-economics-deep-nesting.json", "[" * 3000 + "]" * 3000, "catalog:economics",
        "economics.json", "arrays nested 3,000 deep")
    put("catalog-facility-empty.json", "", "catalog:facility", "facility.json", "an empty file")
    put("catalog-accelerators-schema-99.json", catalog_file("accelerators", lambda d: d.update(schema_version=99)),
        "catalog:accelerators", "accelerators.json", "schema_version 99")
    put("catalog-accelerators-duplicate-id.json", catalog_file(
        "accelerators", lambda d: d["entries"].append(dict(d["entries"][0]))),
        "catalog:accelerators", "gb200-nvl72", "the same id twice")

    def set_throughput(mutate):
        def go(doc):
            mutate(doc["entries"][0]["throughput"])
        return go

    def throughput_value(value):
        def go(rows):
            rows[0]["tokens_per_second_per_accelerator"]["value"] = value
        return go

    put(acc + "throughput-negative.json", catalog_file(
        "accelerators", set_throughput(throughput_value(-12014))),
        "catalog:accelerators", "tokens_per_second_per_accelerator",
        "a throughput of -12,014 tokens/s")
    put(acc + "throughput-unknown-class.json", catalog_file(
        "accelerators", set_throughput(lambda rows: rows[0].update(model_class="giant"))),
        "catalog:accelerators", "giant", "a throughput row for model class 'giant'")
    put(acc + "throughput-not-a-list.json", catalog_file(
        "accelerators", lambda d: d["entries"][0].update(throughput="fast")),
        "catalog:accelerators", "throughput", "throughput is a string, not a list")

    with open(os.path.join(ROOT, "resources", "examples", "plan-100mw.json"), encoding="utf-8") as f:
        plan = json.load(f)

    def variant(edit):
        p = json.loads(json.dumps(plan))
        edit(p)
        return json.dumps(p, indent=1, allow_nan=True)

    put("plan-not-json.json", "plan: 100 MW please\n", "plan", "plan-not-json.json", "not JSON")
    put("plan-empty.json", "", "plan", "plan-empty.json", "an empty file")
    put("plan-wrong-types.json", variant(lambda p: p["plan"].update(it_load_mw="big")), "plan",
        "it_load_mw", "it_load_mw is a string")
    put("plan-nan.json", variant(lambda p: p["plan"].update(it_load_mw=float("nan"))), "plan",
        "plan-nan.json", "it_load_mw is the non-JSON literal NaN")
    put("plan-negative-load.json", variant(lambda p: p["plan"].update(it_load_mw=-100, phases_mw=[-100])),
        "plan", "it_load_mw", "an IT load of -100 MW")
    put("plan-huge-load.json", variant(lambda p: p["plan"].update(it_load_mw=1e300, phases_mw=[1e300])),
        "plan", "it_load_mw", "an IT load of 1e300 MW")
    put("plan-overflow-number.json", variant(lambda p: None).replace('"it_load_mw": 100', '"it_load_mw": 1e999'),
        "plan", "it_load_mw", "an IT load of 1e999, which overflows a double")
    put("plan-deep-nesting.json", '{"plan":' + "[" * 3000 + "]" * 3000 + "}", "plan",
        "plan-deep-nesting.json", "the plan is 3,000 nested arrays")
    put("plan-missing-plan.json", "{}", "plan", "plan", "no 'plan' object")
    put("plan-unknown-accelerator.json", variant(lambda p: p["plan"].update(accelerator="tpu-v99")),
        "plan", "tpu-v99", "an accelerator id the catalog does not have")
    put("plan-phases-mismatch.json", variant(lambda p: p["plan"].update(phases_mw=[10, 20])), "plan",
        "phases_mw", "phases that add up to 30 MW of a 100 MW plan")
    put("plan-climate-short.json", variant(lambda p: p["site"]["climate"]["monthly_dry_bulb_c"].pop()),
        "plan", "monthly_dry_bulb_c", "11 monthly dry-bulb temperatures instead of 12")
    put("plan-utf16.json", variant(lambda p: None).encode("utf-16"), "plan", "plan-utf16.json",
        "the example plan in UTF-16 with a byte-order mark")
    put("plan-bad-start.json", variant(lambda p: p["schedule"].update(start="2027-13")), "plan",
        "schedule.start", "start month 13")
    put("plan-redundancy-word.json", variant(lambda p: p["plan"]["redundancy"].update(ups="lots")),
        "plan", "redundancy.ups", "UPS redundancy 'lots'")


# ---- GeoPackage projects -----------------------------------------------------------------------

def projects(energize):
    put("gpkg-not-sqlite.gpkg", "this is a text file, not a database\n", "project",
        "gpkg-not-sqlite.gpkg", "plain text with a .gpkg name")
    put("gpkg-zero-size.gpkg", "", "project", "empty", "an empty file")

    def db(name, sql):
        path = os.path.join(HERE, name)
        if os.path.exists(path):
            os.remove(path)
        con = sqlite3.connect(path)
        con.execute("PRAGMA page_size = 512")
        con.executescript(sql)
        con.commit()
        con.close()

    db("gpkg-plain-sqlite.gpkg", "CREATE TABLE things (a, b); INSERT INTO things VALUES (1, 2);")
    note("gpkg-plain-sqlite.gpkg", "project", "gpkg-plain-sqlite.gpkg",
         "an SQLite database with no GeoPackage tables or application id")
    db("gpkg-not-energize.gpkg", "PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;"
       "CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT);")
    note("gpkg-not-energize.gpkg", "project", "not an Energize project",
         "a GeoPackage without Energize's tables")
    if not energize:
        print("no --energize: the tampered-project cases are left as they are", file=sys.stderr)
        return
    tmp = tempfile.mkdtemp()
    base = os.path.join(tmp, "base.gpkg")
    subprocess.run([energize, "save", "--demo", base], check=True, stdout=subprocess.DEVNULL)
    con = sqlite3.connect(base)
    con.executescript("""
        DELETE FROM energize_layers;
        DELETE FROM sites WHERE site_id <> (SELECT MIN(site_id) FROM sites);
        DELETE FROM energize_plans WHERE plan_id <> (SELECT MIN(plan_id) FROM energize_plans);
        DELETE FROM energize_plan_phases WHERE plan_id NOT IN (SELECT plan_id FROM energize_plans);
        DELETE FROM plans WHERE plan_id NOT IN (SELECT plan_id FROM energize_plans);
        DROP TABLE IF EXISTS rtree_sites_geom; DROP TABLE IF EXISTS rtree_plans_geom;
    """)
    con.commit()
    con.close()
    con = sqlite3.connect(base)
    con.execute("PRAGMA page_size = 512")
    con.execute("VACUUM")
    con.close()

    def tampered(name, sql, expect, why):
        path = os.path.join(HERE, name)
        shutil.copy(base, path)
        con = sqlite3.connect(path)
        con.executescript(sql)
        con.commit()
        con.execute("VACUUM")
        con.close()
        note(name, "project", expect, why)

    tampered("gpkg-newer-schema.gpkg", "UPDATE energize_meta SET value = '99' WHERE key = 'schema_version';",
             "newer", "a project written by a future Energize (schema 99)")
    tampered("gpkg-schema-text.gpkg", "UPDATE energize_meta SET value = 'three' WHERE key = 'schema_version';",
             "schema_version", "schema_version 'three'")
    tampered("gpkg-no-meta.gpkg", "DROP TABLE energize_meta;", "energize_meta", "no energize_meta table")
    tampered("gpkg-layers-wrong-columns.gpkg",
             "DROP TABLE energize_layers; CREATE TABLE energize_layers (layer_id INTEGER PRIMARY KEY, name TEXT);"
             "INSERT INTO energize_layers VALUES (1, 'roads');", "layers",
             "energize_layers without its source, position and style columns")
    tampered("gpkg-layer-wrong-types.gpkg",
             "INSERT INTO energize_layers (layer_id, position, name, source, visible, opacity, style) "
             "VALUES (7, 'first', 'roads', x'00ff', 'yes', 'opaque', 'not json');",
             "gpkg-layer-wrong-types.gpkg", "a layer row with text position, blob source, text opacity")
    tampered("gpkg-plan-wrong-types.gpkg", "UPDATE energize_plans SET it_load_mw = 'lots', racks = x'00';",
             "it_load_mw", "a plan whose IT load is the text 'lots'")
    tampered("gpkg-plan-infinite.gpkg", "UPDATE energize_plans SET it_load_mw = 1e999;",
             "it_load_mw", "a plan whose IT load is infinite")
    tampered("gpkg-site-bad-geometry.gpkg", "UPDATE sites SET geom = x'4750000100000000deadbeef';",
             "site", "a site whose geometry blob is cut after its header")
    tampered("gpkg-site-nan.gpkg",
             "UPDATE sites SET geom = x'47500001e61000000101000000000000000000f87f000000000000f87f';",
             "site", "a site at (NaN, NaN)")
    tampered("gpkg-no-sites.gpkg", "DROP TABLE sites;", "sites", "the sites table is gone")
    tampered("gpkg-phases-orphan.gpkg",
             "INSERT INTO energize_plan_phases (plan_id, phase_index, it_mw) VALUES (999, 0, 50);",
             "999", "a phase row of plan 999, which does not exist")
    tampered("gpkg-scoring-negative.gpkg",
             "INSERT OR REPLACE INTO energize_scoring (setting, weight) VALUES ('weight/grid_distance', -5);",
             "weight", "a negative score weight")
    tampered("gpkg-plan-site-missing.gpkg", "UPDATE energize_plans SET site_id = 4242;", "4242",
             "a plan at site 4242, which does not exist")
    seed(os.path.join(FUZZ, "projectopen", "trimmed-demo.gpkg"), open(base, "rb").read())
    with open(base, "rb") as f:
        whole = f.read()
    put("gpkg-truncated.gpkg", whole[: len(whole) // 2], "project", "gpkg-truncated.gpkg",
        "an Energize project cut in half")
    shutil.rmtree(tmp)


FUZZ = os.path.join(ROOT, "tests", "fuzz", "corpus")


def seed(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def fuzz_seeds():
    """Seed corpora of tests/fuzz: good inputs, and a few bad ones from this corpus."""
    with open(os.path.join(ROOT, "resources", "examples", "plan-100mw.json"), "rb") as f:
        seed(os.path.join(FUZZ, "planjson", "plan-100mw.json"), f.read())
    for i, name in enumerate(["accelerators", "cooling", "electrical", "facility"]):
        # The fuzz target's first byte picks the file; one entry each keeps the seeds small.
        seed(os.path.join(FUZZ, "catalog", name + ".json"),
             bytes([i]) + catalog_file(name, lambda d: None).encode("utf-8"))
    seed(os.path.join(FUZZ, "matpower", "tiny.m"), case())
    for name, how, _, _ in MANIFEST:
        target = {"plan": "planjson", "grid": "matpower", "project": "projectopen"}.get(how)
        if target and os.path.isfile(os.path.join(HERE, name)):
            with open(os.path.join(HERE, name), "rb") as f:
                seed(os.path.join(FUZZ, target, name), f.read())


def write_manifest():
    with open(os.path.join(HERE, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\thow it is opened\twords its error must contain\twhat is wrong\n")
        for name, how, expect, why in sorted(MANIFEST):
            f.write("%s\t%s\t%s\t%s\n" % (name, how, expect, why))


README_HEAD = """# Bad-input corpus

Small files, each wrong in one way, for every format Energize reads. They are written by
`make_corpus.py` (standard library only; `--energize build/app/energize` for the tampered
projects, which start from `energize save --demo` trimmed to one site and one plan) and committed.
`manifest.tsv` says how `tests/app/test_badinput.cpp` opens each file and which words its error
message must contain; that test also makes a directory, a symlink loop and a file that grows while
it is read. `grid/tiny.m` and `grid/tiny_locations.csv` are *good*: the partners the bad tables
and cases are read with.

How a file is opened:
- `layer`: Add Layers into an open project (the map's `MapController::addLayerFiles`);
- `project`: Open Project in the main window, and `energize score|report|compare FILE`;
- `grid`: `energize headroom FILE`, and Add Layers with `grid/tiny_locations.csv`;
- `locations`: `energize headroom grid/tiny.m --locations FILE`, and Add Layers with `grid/tiny.m`;
- `plan`: `energize plan --input FILE`;
- `catalog:NAME`: `energize plan --catalog DIR`, DIR being the bundled catalog with NAME.json
  replaced by the file.

| file | opened as | what is wrong with it |
|---|---|---|
"""


def write_readme():
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8") as f:
        f.write(README_HEAD)
        for name, how, _, why in sorted(MANIFEST):
            f.write("| `%s` | %s | %s |\n" % (name, how, why.replace("|", "\\|")))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--energize", help="the built energize binary (for the project cases)")
    args = parser.parse_args()
    geotiffs()
    shapefiles()
    vector_layers()
    grid_cases()
    catalogs()
    projects(args.energize)
    write_manifest()
    write_readme()
    fuzz_seeds()
    print("%d cases in %s" % (len(MANIFEST), HERE))


if __name__ == "__main__":
    main()
