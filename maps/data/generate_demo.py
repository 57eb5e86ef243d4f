#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate the Energize demo region (Texas) under maps/data/.

Real layers: US state and county boundaries (US Census Bureau cartographic boundary files,
2017, public domain) and country boundaries (Natural Earth 1:50m, public domain), both read
from the TopoJSON files of the npm packages us-atlas and world-atlas; city locations and 2020
census populations from the table CITIES below.

Every other layer is SYNTHETIC: made up by this script from a seeded random generator so that
it looks plausible at the scale of a state, and is not real infrastructure, terrain, land
cover, prices or climate. See README.md beside this file for the algorithms.

Run it through regenerate.sh, which fetches the npm packages; or by hand:
    /usr/bin/python3 generate_demo.py --us-atlas DIR --world-atlas DIR [--out DIR] [--seed 42]
Needs only Debian's python3-gdal and python3-numpy.
"""

import argparse
import json
import math
import os
import sys

import numpy as np
from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

DEFAULT_SEED = 42
GPKG_NAME = "texas-demo.gpkg"
ATTRIBUTION = ("Boundaries: US Census Bureau, Natural Earth. "
               "Grid, land and climate layers: SYNTHETIC (Energize demo generator, seed {seed})")
# The map's attribution line of the demo (demo-layers.json). Its grid is the published synthetic
# case ACTIVSg2000 (case_ACTIVSg2000.m, not made here); the generator's own substations and lines
# stay in the GeoPackage, where they place the synthetic power plants, but the demo does not
# show them. ATTRIBUTION above is what the generated files carry in their metadata.
DEMO_ATTRIBUTION = ("Boundaries: US Census Bureau, Natural Earth. Grid: SYNTHETIC case "
                    "ACTIVSg2000 (Birchfield et al. 2017, CC BY 4.0), bus locations Xu et al. "
                    "(CC BY 4.0), lines schematic. Power plants, land and climate: SYNTHETIC "
                    "(Energize demo generator, seed {seed})")
GRID_CASE = "case_ACTIVSg2000.m"
GRID_LOCATIONS = "case_ACTIVSg2000_bus_locations.csv"
GRID_SOURCE = ("MATPOWER case case_ACTIVSg2000 (synthetic Texas grid, 2,000 buses): A.B. "
               "Birchfield, T. Xu, K.M. Gegner, K.S. Shetye, T.J. Overbye, IEEE Trans. Power "
               "Systems 32(4), 2017, doi 10.1109/TPWRS.2016.2616385, CC BY 4.0, via MATPOWER "
               "commit 95d5a6f; bus locations: sub.csv and bus2sub.csv of the USA test system "
               "(Xu et al., Zenodo 3530898) via PowerSimData commit 42c8a80, CC BY 4.0")

# Fine raster grid (elevation, land cover, land price): 0.02 degree (about 2 km), EPSG:4326.
FINE = dict(west=-106.70, north=36.54, res=0.02, cols=663, rows=537)
# Coarse grid for climate: 0.1 degree (about 10 km).
COARSE = dict(west=-106.70, north=36.60, res=0.10, cols=133, rows=108)
KM_PER_DEG_LAT = 110.9
KM_PER_DEG_LON = 111.3 * math.cos(math.radians(31.0))  # at the middle of Texas

# Texas cities: name, longitude, latitude, 2020 census population (US Census Bureau, public
# facts, typed in by hand; coordinates are approximate city centres).
CITIES = [
    ("Houston", -95.3698, 29.7604, 2304580),
    ("San Antonio", -98.4936, 29.4241, 1434625),
    ("Dallas", -96.7970, 32.7767, 1304379),
    ("Austin", -97.7431, 30.2672, 961855),
    ("Fort Worth", -97.3308, 32.7555, 918915),
    ("El Paso", -106.4850, 31.7619, 678815),
    ("Arlington", -97.1081, 32.7357, 394266),
    ("Corpus Christi", -97.3964, 27.8006, 317863),
    ("Plano", -96.6989, 33.0198, 285494),
    ("Lubbock", -101.8552, 33.5779, 257141),
    ("Irving", -96.9489, 32.8140, 256684),
    ("Laredo", -99.4803, 27.5306, 255205),
    ("Garland", -96.6389, 32.9126, 246018),
    ("Frisco", -96.8236, 33.1507, 200509),
    ("Amarillo", -101.8313, 35.2220, 200393),
    ("Grand Prairie", -96.9978, 32.7459, 196100),
    ("McKinney", -96.6398, 33.1972, 195308),
    ("Brownsville", -97.4975, 25.9017, 186738),
    ("Killeen", -97.7278, 31.1171, 153095),
    ("Pasadena", -95.2091, 29.6911, 151950),
    ("Mesquite", -96.5992, 32.7668, 150108),
    ("McAllen", -98.2300, 26.2034, 142210),
    ("Denton", -97.1331, 33.2148, 139869),
    ("Waco", -97.1467, 31.5493, 138486),
    ("Midland", -102.0779, 31.9974, 132524),
    ("Abilene", -99.7331, 32.4487, 125182),
    ("Pearland", -95.2860, 29.5636, 125828),
    ("College Station", -96.3344, 30.6280, 120511),
    ("Round Rock", -97.6789, 30.5083, 119468),
    ("Beaumont", -94.1266, 30.0802, 115282),
    ("Odessa", -102.3676, 31.8457, 114428),
    ("Sugar Land", -95.6349, 29.6197, 111026),
    ("Tyler", -95.3011, 32.3513, 105995),
    ("Wichita Falls", -98.4934, 33.9137, 102316),
    ("San Angelo", -100.4370, 31.4638, 99893),
    ("New Braunfels", -98.1245, 29.7030, 90403),
    ("Conroe", -95.4561, 30.3119, 89956),
    ("Longview", -94.7405, 32.5007, 81638),
    ("Harlingen", -97.6961, 26.1906, 71829),
    ("Victoria", -97.0036, 28.8053, 65534),
    ("Galveston", -94.7977, 29.3013, 53695),
    ("Sherman", -96.6089, 33.6357, 43645),
    ("Lufkin", -94.7291, 31.3382, 34143),
    ("Del Rio", -100.8959, 29.3709, 34673),
    ("Big Spring", -101.4787, 32.2504, 26144),
    ("Kerrville", -99.1403, 30.0474, 24278),
    ("Pecos", -103.4932, 31.4229, 12916),
    ("Fort Stockton", -102.8793, 30.8940, 8466),
    ("Alpine", -103.6610, 30.3585, 6035),
]

# Approximate elevations (m) of reference towns, used only to fit the smooth trend surface of
# the synthetic DEM: lon, lat, metres.
ELEVATION_REFERENCE = [
    (-95.37, 29.76, 15), (-94.13, 30.08, 5), (-94.80, 29.30, 2), (-97.40, 27.80, 10),
    (-97.50, 25.90, 10), (-98.23, 26.20, 40), (-99.48, 27.53, 130), (-98.49, 29.42, 200),
    (-97.74, 30.27, 150), (-97.15, 31.55, 140), (-96.80, 32.78, 140), (-97.33, 32.76, 200),
    (-95.30, 32.35, 165), (-98.49, 33.91, 290), (-99.73, 32.45, 520), (-100.44, 31.46, 560),
    (-100.90, 29.37, 300), (-102.08, 32.00, 870), (-102.37, 31.85, 890), (-101.86, 33.58, 990),
    (-101.83, 35.22, 1100), (-106.49, 31.76, 1140), (-102.88, 30.89, 930), (-103.49, 31.42, 790),
    (-102.51, 36.06, 1215), (-94.05, 33.43, 100), (-94.73, 31.34, 100), (-99.14, 30.05, 500),
    (-100.50, 34.50, 600), (-104.50, 30.50, 1300), (-103.50, 29.50, 900),
]

# Bumps for the Trans-Pecos ranges: lon, lat, extra height (m), radius (degrees).
RANGES = [
    (-104.85, 31.90, 900, 0.22), (-103.95, 30.60, 650, 0.35), (-103.30, 29.27, 700, 0.18),
    (-106.48, 31.90, 450, 0.10), (-104.40, 29.90, 450, 0.25), (-104.90, 31.30, 450, 0.25),
]

NLCD = {  # code: (name, RGB colour of the NLCD legend)
    11: ("Open Water", (70, 107, 159)),
    21: ("Developed, Open Space", (222, 197, 197)),
    22: ("Developed, Low Intensity", (217, 146, 130)),
    23: ("Developed, Medium Intensity", (235, 0, 0)),
    24: ("Developed, High Intensity", (171, 0, 0)),
    31: ("Barren Land", (179, 172, 159)),
    41: ("Deciduous Forest", (104, 171, 95)),
    42: ("Evergreen Forest", (28, 95, 44)),
    43: ("Mixed Forest", (181, 197, 143)),
    52: ("Shrub/Scrub", (204, 184, 121)),
    71: ("Grassland/Herbaceous", (223, 223, 194)),
    81: ("Pasture/Hay", (220, 217, 57)),
    82: ("Cultivated Crops", (171, 108, 40)),
    90: ("Woody Wetlands", (184, 217, 235)),
    95: ("Emergent Herbaceous Wetlands", (108, 159, 184)),
}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def marker(seed):
    return (f"SYNTHETIC \u2014 generated by maps/data/generate_demo.py seed {seed}, "
            "not real infrastructure")


# ----------------------------------------------------------------------------------------------
# Grids, noise and raster helpers


class Grid:
    def __init__(self, west, north, res, cols, rows):
        self.west, self.north, self.res, self.cols, self.rows = west, north, res, cols, rows
        self.east = west + res * cols
        self.south = north - res * rows
        lon = west + (np.arange(cols) + 0.5) * res
        lat = north - (np.arange(rows) + 0.5) * res
        self.lon, self.lat = np.meshgrid(lon, lat)

    def geotransform(self):
        return (self.west, self.res, 0.0, self.north, 0.0, -self.res)

    def mem(self, dtype=gdal.GDT_Byte, km=False):
        ds = gdal.GetDriverByName("MEM").Create("", self.cols, self.rows, 1, dtype)
        if km:  # pixel sizes in kilometres, so that proximity distances come out in km
            ds.SetGeoTransform((0.0, self.res * KM_PER_DEG_LON, 0.0, 0.0, 0.0,
                                -self.res * KM_PER_DEG_LAT))
        else:
            ds.SetGeoTransform(self.geotransform())
            ds.SetProjection(wgs84().ExportToWkt())
        return ds

    def rasterize(self, geometries, all_touched=True):
        """1 where any of the geometries covers the pixel, else 0."""
        ds = self.mem()
        src = ogr.GetDriverByName("Memory").CreateDataSource("")
        layer = src.CreateLayer("g", wgs84(), ogr.wkbUnknown)
        for geom in geometries:
            f = ogr.Feature(layer.GetLayerDefn())
            f.SetGeometry(geom)
            layer.CreateFeature(f)
        opts = ["ALL_TOUCHED=TRUE"] if all_touched else []
        gdal.RasterizeLayer(ds, [1], layer, burn_values=[1], options=opts)
        return ds.GetRasterBand(1).ReadAsArray().astype(bool)

    def distance_km(self, mask):
        """Approximate distance in km from each pixel to the nearest True pixel of mask."""
        src = self.mem(km=True)
        src.GetRasterBand(1).WriteArray(mask.astype(np.uint8))
        dst = self.mem(gdal.GDT_Float32, km=True)
        gdal.PushErrorHandler("CPLQuietErrorHandler")  # "pixels not square": known, fine
        try:
            gdal.ComputeProximity(src.GetRasterBand(1), dst.GetRasterBand(1),
                                  ["VALUES=1", "DISTUNITS=GEO"])
        finally:
            gdal.PopErrorHandler()
        return dst.GetRasterBand(1).ReadAsArray().astype(np.float64)

    def km_from(self, lon, lat):
        return np.hypot((self.lon - lon) * KM_PER_DEG_LON, (self.lat - lat) * KM_PER_DEG_LAT)


def gulf_side(grid):
    return (grid.lon > -98.2) & (grid.lat < 30.2)


def wgs84():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def value_noise(rng, shape, cells):
    """Smooth noise: a random lattice of cells x cells, interpolated with smoothstep."""
    rows, cols = shape
    lattice = rng.standard_normal((cells + 2, cells + 2))
    y = np.linspace(0, cells, rows, endpoint=False) + 0.5
    x = np.linspace(0, cells, cols, endpoint=False) + 0.5
    y0, x0 = np.floor(y).astype(int), np.floor(x).astype(int)
    fy, fx = y - y0, x - x0
    fy, fx = fy * fy * (3 - 2 * fy), fx * fx * (3 - 2 * fx)
    a = lattice[np.ix_(y0, x0)]
    b = lattice[np.ix_(y0, x0 + 1)]
    c = lattice[np.ix_(y0 + 1, x0)]
    d = lattice[np.ix_(y0 + 1, x0 + 1)]
    fx2, fy2 = fx[None, :], fy[:, None]
    return (a * (1 - fx2) + b * fx2) * (1 - fy2) + (c * (1 - fx2) + d * fx2) * fy2


def fbm(rng, shape, base_cells=4, octaves=5, persistence=0.55):
    """Fractal noise: octaves of value noise, normalised to zero mean and unit deviation."""
    total = np.zeros(shape)
    amp = 1.0
    for o in range(octaves):
        total += amp * value_noise(rng, shape, base_cells * 2 ** o)
        amp *= persistence
    return (total - total.mean()) / total.std()


def write_tif(path, grid, bands, dtype, nodata, meta, band_info, predictor, colors=None):
    if os.path.exists(path):
        os.remove(path)
    drv = gdal.GetDriverByName("GTiff")
    opts = ["COMPRESS=DEFLATE", "ZLEVEL=9", "TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256"]
    if predictor:
        opts.append(f"PREDICTOR={predictor}")
    if len(bands) > 1:
        opts.append("INTERLEAVE=BAND")
    ds = drv.Create(path, grid.cols, grid.rows, len(bands), dtype, opts)
    ds.SetGeoTransform(grid.geotransform())
    ds.SetProjection(wgs84().ExportToWkt())
    ds.SetMetadata(meta)
    for i, (arr, (desc, unit, bmeta)) in enumerate(zip(bands, band_info), start=1):
        band = ds.GetRasterBand(i)
        band.SetNoDataValue(nodata)
        band.SetDescription(desc)
        if unit:
            band.SetUnitType(unit)
        if bmeta:
            band.SetMetadata(bmeta)
        if colors is not None:
            band.SetRasterColorTable(colors)
            band.SetRasterColorInterpretation(gdal.GCI_PaletteIndex)
        band.WriteArray(arr)
    ds.FlushCache()
    ds = None
    aux = path + ".aux.xml"
    if os.path.exists(aux):  # everything must live inside the TIFF
        raise RuntimeError(f"unexpected side-car {aux}")


# ----------------------------------------------------------------------------------------------
# Real boundaries


def read_topojson(path, layer_name):
    ds = ogr.Open(path)
    if ds is None:
        raise RuntimeError(f"cannot open {path}")
    layer = ds.GetLayerByName(layer_name)
    out = []
    for f in layer:
        geom = f.GetGeometryRef()
        if geom is None:
            continue
        out.append((f.GetField("id"), f.GetField("name"), geom.Clone()))
    return out


def as_multipolygon(geom):
    """A valid MultiPolygon holding the polygon parts of geom (other parts are dropped)."""
    geom = geom.Clone()
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # GEOS reports why a ring is invalid
    try:
        if not geom.IsValid():
            geom = geom.MakeValid()
    finally:
        gdal.PopErrorHandler()
    out = ogr.Geometry(ogr.wkbMultiPolygon)

    def collect(g):
        t = ogr.GT_Flatten(g.GetGeometryType())
        if t == ogr.wkbPolygon:
            out.AddGeometry(g)
        elif t in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
            for k in range(g.GetGeometryCount()):
                collect(g.GetGeometryRef(k))

    collect(geom)
    return out


# ----------------------------------------------------------------------------------------------
# Synthetic terrain, rivers, land


def elevation_trend(lon, lat):
    """Smooth surface: a quadratic fitted to ELEVATION_REFERENCE, plus ranges and the Caprock."""
    ref = np.array(ELEVATION_REFERENCE, dtype=float)

    def terms(x, y):
        x, y = x + 100.0, y - 31.0
        return np.stack([np.ones_like(x), x, y, x * x, x * y, y * y, x ** 3], axis=-1)

    coef, *_ = np.linalg.lstsq(terms(ref[:, 0], ref[:, 1]), ref[:, 2], rcond=None)
    z = terms(lon, lat) @ coef
    # The Caprock escarpment: the Llano Estacado stands about 150 m above the plains east of it.
    edge = -101.15 + 0.25 * np.sin((lat - 32.0) * 2.1)
    along = np.clip((lat - 32.0) / 0.4, 0, 1) * np.clip((35.9 - lat) / 0.4, 0, 1)
    step = 1.0 / (1.0 + np.exp((lon - edge) / 0.06)) - 0.5
    z += 150.0 * along * step * np.exp(-(((lon - edge) / 1.0) ** 2))
    for rlon, rlat, height, radius in RANGES:  # ranges run north-north-west, so stretch them
        u = (lon - rlon) * 0.94 + (lat - rlat) * 0.34
        v = -(lon - rlon) * 0.34 + (lat - rlat) * 0.94
        z += height * np.exp(-((u / radius) ** 2 + (v / (1.8 * radius)) ** 2))
    return np.clip(z, 1.0, None)


def precipitation(lon, lat):
    """Annual precipitation (mm), only used to drive land cover and land value."""
    east = np.clip((lon + 106.5) / 13.0, 0, 1)
    return 240.0 + 1200.0 * east ** 1.4 - 110.0 * np.clip(29.0 - lat, 0, None)


def midpoint_path(rng, a, b, depth, rough):
    """Meandering polyline from a to b by recursive midpoint displacement."""
    pts = [np.array(a, float), np.array(b, float)]
    scale = rough
    for _ in range(depth):
        new = [pts[0]]
        for p, q in zip(pts[:-1], pts[1:]):
            d = q - p
            normal = np.array([-d[1], d[0]])
            mid = (p + q) / 2 + normal * rng.normal(0, scale)
            new += [mid, q]
        pts = new
        scale *= 0.62
    return pts


def make_rivers(rng, texas, coast_points):
    """Rivers fan out from inland sources to mouths spread along the Gulf coast, without
    crossing: (source lon, source lat, longitude of the mouth on the coast)."""
    plan = [(-94.6, 33.5, -93.9), (-96.0, 33.5, -94.8), (-98.5, 33.3, -95.4),
            (-101.2, 32.8, -96.1), (-99.7, 30.1, -96.9), (-99.9, 29.1, -97.45)]
    rivers = []
    for i, (slon, slat, mlon) in enumerate(plan):
        mouth = min(coast_points, key=lambda p: abs(p[0] - mlon))
        for _ in range(50):  # draw again until it crosses no earlier river
            pts = midpoint_path(rng, (slon, slat), mouth, 8, 0.08)
            line = ogr.Geometry(ogr.wkbLineString)
            for x, y in pts:
                line.AddPoint_2D(float(x), float(y))
            if not any(line.Intersects(g) for _, g in rivers):
                break
        else:
            raise RuntimeError(f"could not draw river {i + 1} without crossing, mouth {mouth}")
        line = line.Intersection(texas)
        if line.GetGeometryType() == ogr.wkbMultiLineString:  # keep the longest part
            parts = [line.GetGeometryRef(k).Clone() for k in range(line.GetGeometryCount())]
            line = max(parts, key=lambda g: g.Length())
        rivers.append((f"Synthetic River {i + 1}", line))
    return rivers


def river_floodplains(rivers, texas):
    """Zone A and X500 polygons along each river, widening downstream."""
    zone_a, zone_x = [], []
    for _, line in rivers:
        n = line.GetPointCount()
        cum = [0.0]
        for k in range(1, n):
            cum.append(cum[-1] + math.dist(line.GetPoint_2D(k - 1), line.GetPoint_2D(k)))
        for k in range(1, n):
            t = cum[k] / cum[-1]
            seg = ogr.Geometry(ogr.wkbLineString)
            seg.AddPoint_2D(*line.GetPoint_2D(k - 1))
            seg.AddPoint_2D(*line.GetPoint_2D(k))
            width_a = 0.006 + 0.030 * t ** 1.5  # degrees: about 0.6 km up to 4 km
            zone_a.append(seg.Buffer(width_a, 4))
            zone_x.append(seg.Buffer(width_a * 2.0 + 0.006, 4))
    return union_all(zone_a).Intersection(texas), union_all(zone_x).Intersection(texas)


def union_all(geoms):
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for g in geoms:
        for k in range(as_multipolygon(g).GetGeometryCount()):
            multi.AddGeometry(as_multipolygon(g).GetGeometryRef(k))
    return multi.UnionCascaded()


def polygonize(grid, mask, simplify):
    ds = grid.mem()
    ds.GetRasterBand(1).WriteArray(mask.astype(np.uint8))
    src = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = src.CreateLayer("p", wgs84(), ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("v", ogr.OFTInteger))
    band = ds.GetRasterBand(1)
    gdal.Polygonize(band, band, layer, 0)
    polys = [f.GetGeometryRef().Clone() for f in layer if f.GetField("v") == 1]
    merged = union_all(polys)
    return merged.SimplifyPreserveTopology(simplify)


# ----------------------------------------------------------------------------------------------
# Synthetic grid


def to_km(lon, lat):
    return np.array([lon * KM_PER_DEG_LON, lat * KM_PER_DEG_LAT])


def random_points_in(rng, mask, grid, count, boxes, min_km, taken):
    """count points inside mask and one of boxes, at least min_km from taken and each other."""
    out = []
    tries = 0
    while len(out) < count:
        tries += 1
        if tries > 20000:
            raise RuntimeError("could not place points")
        w, s, e, n = boxes[rng.integers(len(boxes))]
        lon, lat = rng.uniform(w, e), rng.uniform(s, n)
        c = int((lon - grid.west) / grid.res)
        r = int((grid.north - lat) / grid.res)
        if not (0 <= r < grid.rows and 0 <= c < grid.cols) or not mask[r, c]:
            continue
        p = to_km(lon, lat)
        if any(np.linalg.norm(p - to_km(*q)) < min_km for q in taken + out):
            continue
        out.append((round(lon, 4), round(lat, 4)))
    return out


def segments_cross(p1, p2, q1, q2):
    def orient(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    if any(np.allclose(a, b) for a in (p1, p2) for b in (q1, q2)):
        return False  # sharing an end point is fine
    d1, d2 = orient(q1, q2, p1), orient(q1, q2, p2)
    d3, d4 = orient(p1, p2, q1), orient(p1, p2, q2)
    return d1 * d2 < 0 and d3 * d4 < 0


def prim_mst(points, weight):
    n = len(points)
    if n < 2:
        return []
    in_tree = [False] * n
    best = [math.inf] * n
    parent = [-1] * n
    best[0] = 0.0
    edges = []
    for _ in range(n):
        i = min((k for k in range(n) if not in_tree[k]), key=lambda k: best[k])
        in_tree[i] = True
        if parent[i] >= 0:
            edges.append((parent[i], i))
        for k in range(n):
            if not in_tree[k]:
                w = weight(i, k)
                if w < best[k]:
                    best[k], parent[k] = w, i
    return edges


def add_neighbour_edges(idx, xy, edges, k, max_km, min_angle_deg, rng, keep, allowed):
    """Extra edges from each node to its k nearest, if long enough apart from existing ones."""
    existing = set(tuple(sorted(e)) for e in edges)
    for i in idx:
        dists = sorted((np.linalg.norm(xy[i] - xy[j]), j) for j in idx if j != i)
        for d, j in dists[:k]:
            key = tuple(sorted((i, j)))
            if key in existing or d > max_km or rng.random() > keep or not allowed(i, j):
                continue
            v = xy[j] - xy[i]
            ok = True
            for a, b in existing:
                if i in (a, b) or j in (a, b):
                    o = b if a in (i, j) else a
                    s = i if i in (a, b) else j
                    w = xy[o] - xy[s]
                    u = v if s == i else -v
                    cosang = np.dot(u, w) / (np.linalg.norm(u) * np.linalg.norm(w))
                    if cosang > math.cos(math.radians(min_angle_deg)):
                        ok = False
                        break
                if segments_cross(xy[i], xy[j], xy[a], xy[b]):
                    ok = False
                    break
            if ok:
                existing.add(key)
                edges.append(key)
    return edges


def jittered_line(rng, a, b):
    """A slightly wandering line from a to b; the end points are exact."""
    pa, pb = to_km(*a), to_km(*b)
    length = np.linalg.norm(pb - pa)
    n = max(2, int(length / 8.0))
    t = np.linspace(0, 1, n + 1)
    amp = min(3.0, 0.02 * length)
    off = np.zeros_like(t)
    for mode in (1, 2, 3):
        off += rng.normal(0, amp / mode) * np.sin(math.pi * mode * t)
    d = (pb - pa) / max(length, 1e-9)
    normal = np.array([-d[1], d[0]])
    pts = pa[None, :] + np.outer(t, pb - pa) + np.outer(off, normal)
    line = ogr.Geometry(ogr.wkbLineString)
    for k, (x, y) in enumerate(pts):
        if k == 0:
            x, y = a
        elif k == len(pts) - 1:
            x, y = b
        else:
            x, y = x / KM_PER_DEG_LON, y / KM_PER_DEG_LAT
        line.AddPoint_2D(float(round(x, 5)), float(round(y, 5)))
    return line, length


# ----------------------------------------------------------------------------------------------
# Writing vectors


def create_layer(ds, name, geom_type, fields, description, identifier):
    layer = ds.CreateLayer(name, wgs84(), geom_type,
                           [f"DESCRIPTION={description}", f"IDENTIFIER={identifier}",
                            "FID=fid", "GEOMETRY_NAME=geom"])
    for fname, ftype in fields:
        layer.CreateField(ogr.FieldDefn(fname, ftype))
    return layer


def add_feature(layer, geom, **values):
    f = ogr.Feature(layer.GetLayerDefn())
    for k, v in values.items():
        f.SetField(k, v)
    f.SetGeometry(geom)
    layer.CreateFeature(f)


def point(lon, lat):
    p = ogr.Geometry(ogr.wkbPoint)
    p.AddPoint_2D(float(lon), float(lat))
    return p


def set_layer_metadata(layer, synthetic, source, seed):
    md = {"SYNTHETIC": "YES" if synthetic else "NO", "SOURCE": source}
    if synthetic:
        md["GENERATOR"] = "maps/data/generate_demo.py"
        md["SEED"] = str(seed)
        md["NOTICE"] = marker(seed)
    layer.SetMetadata(md)


# ----------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--us-atlas", required=True,
                    help="folder with states-10m.json and counties-10m.json")
    ap.add_argument("--world-atlas", required=True, help="folder with countries-50m.json")
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args()
    seed = args.seed
    note = marker(seed)
    rng = np.random.default_rng(seed)
    gdal.SetConfigOption("OGR_CURRENT_DATE", "2026-01-01T00:00:00.000Z")  # reproducible files
    gdal.SetConfigOption("GDAL_PAM_ENABLED", "NO")
    out = args.out
    os.makedirs(out, exist_ok=True)

    # --- real boundaries
    us_src = "US Census Bureau cartographic boundary files 2017 (public domain), " \
             "via npm us-atlas 3.0.1 (ISC licence)"
    ne_src = "Natural Earth 1:50m Admin 0 countries v4.1.0 (public domain), " \
             "via npm world-atlas 2.0.2 (ISC licence)"
    states = read_topojson(os.path.join(args.us_atlas, "states-10m.json"), "states")
    keep_states = {"48": "TX", "35": "NM", "40": "OK", "05": "AR", "22": "LA"}
    states = [(i, n, as_multipolygon(g)) for i, n, g in states if i in keep_states]
    texas = next(g for i, _, g in states if i == "48")
    counties = read_topojson(os.path.join(args.us_atlas, "counties-10m.json"), "counties")
    counties = sorted(((i, n, as_multipolygon(g)) for i, n, g in counties if i.startswith("48")),
                      key=lambda c: c[0])
    countries = read_topojson(os.path.join(args.world_atlas, "countries-50m.json"), "countries")
    # Countries near Texas; of each, the parts (islands, Alaska, Hawaii...) that touch a box
    # around the Gulf of Mexico are kept whole, the others dropped.
    box = ogr.CreateGeometryFromWkt("POLYGON((-115 14,-82 14,-82 41.5,-115 41.5,-115 14))")
    region = ogr.CreateGeometryFromWkt("POLYGON((-130 5,-60 5,-60 55,-130 55,-130 5))")
    near = []
    for i, n, g in countries:
        if not g.Intersects(box):
            continue
        whole = as_multipolygon(g)
        parts = ogr.Geometry(ogr.wkbMultiPolygon)
        for k in range(whole.GetGeometryCount()):
            if whole.GetGeometryRef(k).Intersects(region):
                parts.AddGeometry(whole.GetGeometryRef(k))
        near.append((i, n, parts))
    countries = near
    land = [g for _, _, g in countries] + [g for _, _, g in states]

    for name, lon, lat, _ in CITIES:
        if not point(lon, lat).Within(texas):
            raise RuntimeError(f"city {name} lies outside the Texas polygon")

    # --- fine grid: masks and distances
    fine = Grid(**FINE)
    in_texas = fine.rasterize([texas])
    # The Gulf: not on land, and south-east of Texas (gaps between the Census and Natural
    # Earth outlines along the Rio Grande are not sea).
    sea = ~fine.rasterize(land, all_touched=False) & gulf_side(fine)
    dist_sea = fine.distance_km(sea)
    coast_mask = (~sea) & fine.rasterize([texas], all_touched=False) & (dist_sea < 4.0)
    coast_points = [(float(fine.lon[r, c]), float(fine.lat[r, c]))
                    for r, c in zip(*np.nonzero(coast_mask))]
    texas_inner = texas.Buffer(-0.01)

    # --- rivers (they shape the DEM, land cover and flood zones)
    rivers = make_rivers(rng, texas_inner, coast_points)
    river_mask = fine.rasterize([g for _, g in rivers])
    dist_river = fine.distance_km(river_mask)

    # --- elevation
    trend = elevation_trend(fine.lon, fine.lat)
    rough = fbm(rng, trend.shape, base_cells=6, octaves=6)
    ridges = fbm(rng, trend.shape, base_cells=24, octaves=4, persistence=0.5)
    ridges = np.clip(1.0 - np.abs(ridges), 0, 1)
    elev = trend + rough * (4.0 + 0.07 * trend) + ridges ** 3 * (4.0 + 0.12 * trend)
    carve = (6.0 + 0.05 * trend) * np.exp(-((dist_river / 3.0) ** 2))
    elev = elev - carve
    elev = elev * np.clip(dist_sea / 12.0, 0.15, 1.0)  # flat, low coast
    elev = np.clip(np.round(elev), 0, None).astype(np.int16)
    ELEV_ND = -32768
    elev_out = np.where(in_texas, elev, ELEV_ND).astype(np.int16)

    # --- land cover
    # Class rules read warped coordinates so that region edges wander instead of being straight.
    wlon = fine.lon + 0.35 * fbm(rng, trend.shape, 6, 4)
    wlat = fine.lat + 0.35 * fbm(rng, trend.shape, 6, 4)
    precip = precipitation(wlon, wlat) + 60.0 * fbm(rng, trend.shape, 3, 4)
    n1 = fbm(rng, trend.shape, 14, 6, 0.6)
    n2 = fbm(rng, trend.shape, 18, 6, 0.6)
    n3 = fbm(rng, trend.shape, 28, 5, 0.6)
    lc = np.full(trend.shape, 71, np.uint8)
    dry = precip < 400
    lc[dry] = np.where(n1[dry] > 1.4, 31, np.where(n2[dry] > 0.9, 71, 52))
    semi = (precip >= 400) & (precip < 650)
    lc[semi] = np.where(n2[semi] > 0.2, 71, 52)
    plains = semi & (wlat > 32.8) & (wlon > -103.1) & (wlon < -100.6)
    lc[plains & (n2 > -0.5)] = 82
    mid = (precip >= 650) & (precip < 950)
    lc[mid] = np.where(n1[mid] > 0.8, 41, np.where(n2[mid] > 0.5, 82,
                       np.where(n3[mid] > 0.1, 81, 71)))
    south = mid & (wlat < 29.2)
    lc[south] = np.where(n2[south] > 0.8, 82, np.where(n3[south] > -0.6, 52, 71))
    hill = (wlon > -101.0) & (wlon < -97.9) & (wlat > 29.6) & (wlat < 31.3)
    lc[hill & (n1 > -0.2) & (lc != 82)] = 42
    wet = (precip >= 950) & (precip < 1150)
    lc[wet] = np.where(n1[wet] > 0.6, 41, np.where(n1[wet] > 0.2, 43,
                       np.where(n2[wet] > 0.3, 82, 81)))
    forest = precip >= 1150
    lc[forest] = np.where(n1[forest] > 0.9, 81, np.where(n2[forest] > 0.7, 41,
                          np.where(n3[forest] > -0.5, 42, 43)))
    valley = (wlat < 26.6) & (wlon > -98.6)
    lc[valley & (n2 > -0.6)] = 82
    riparian = dist_river < 1.6
    lc[riparian & (precip >= 1000)] = 90
    lc[riparian & (precip < 1000) & (precip >= 550)] = 41
    coastal = (dist_sea < 30.0) & (elev < 6)
    lc[coastal] = np.where(n3[coastal] > -0.3, 95, np.where(n2[coastal] > 0.0, 82, 71))
    for lon, lat in random_points_in(rng, in_texas & (precip > 650) & (dist_river < 2.0), fine, 8,
                                     [(-99.5, 29.5, -94.2, 33.8)], 60.0, []):
        d = fine.km_from(lon, lat)
        radius = rng.uniform(3.0, 7.0)
        lc[d * np.exp(0.35 * n3) < radius] = 11
    for _, lon, lat, pop in CITIES:
        reach = 0.9 * math.sqrt(pop / 1000.0)
        u = fine.km_from(lon, lat) / reach * np.exp(0.3 * n3 + 0.15 * n2)
        for limit, code in ((1.1, 21), (0.8, 22), (0.5, 23), (0.22, 24)):
            lc[(u < limit) & ((lc < 21) | (lc > 24) | (lc < code))] = code
    lc[sea] = 11
    lc_out = np.where(in_texas, lc, 0).astype(np.uint8)

    # --- land price (USD per acre)
    base = 600.0 + 4500.0 * np.clip((precip - 240.0) / 1200.0, 0, 1) ** 1.2
    base *= 1 + 0.8 * np.exp(-dist_sea / 15.0)
    urban = np.zeros(trend.shape)
    for _, lon, lat, pop in CITIES:
        reach = 0.9 * math.sqrt(pop / 1000.0)
        falloff = np.exp(-fine.km_from(lon, lat) / (0.6 * reach + 8.0))
        urban += 250000.0 * math.sqrt(pop / 1e6) * falloff
    price = (base + urban) * np.exp(0.25 * fbm(rng, trend.shape, 12, 4))
    price = np.clip(np.round(price), 100, 1500000).astype(np.float32)
    PRICE_ND = -9999.0
    price_out = np.where(in_texas, price, PRICE_ND).astype(np.float32)

    # --- climate on the coarse grid
    coarse = Grid(**COARSE)
    c_texas = coarse.rasterize([texas])
    c_sea = ~coarse.rasterize(land, all_touched=False) & gulf_side(coarse)
    c_dsea = coarse.distance_km(c_sea)
    c_elev = elevation_trend(coarse.lon, coarse.lat)
    c_noise = fbm(rng, c_elev.shape, 3, 3)
    east = np.clip((coarse.lon + 106.5) / 13.0, 0, 1)
    t_annual = 24.2 - 0.0042 * c_elev - 0.62 * (coarse.lat - 26.0) + 2.0 * (1 - east) \
        + 0.3 * c_noise
    rh = 40.0 + 25.0 * np.exp(-c_dsea / 350.0) + 14.0 * east \
        + 0.8 * np.clip(coarse.lat - 30.0, 0, None) + 1.5 * c_noise
    rh = np.clip(rh, 10, 95)
    amplitude = 6.4 + 0.55 * (coarse.lat - 26.0) + 0.7 * (1 - np.exp(-c_dsea / 300.0))
    dry_m, wet_m = [], []
    for m in range(12):
        t = t_annual + amplitude * math.cos(2 * math.pi * (m - 6.6) / 12.0)
        rh_m = np.clip(rh + 3.0 * math.cos(2 * math.pi * (m - 8.0) / 12.0) * (1 - east), 10, 97)
        dry_m.append(t)
        wet_m.append(stull_wet_bulb(t, rh_m))
    dry_annual = np.mean(dry_m, axis=0)
    wet_annual = np.mean(wet_m, axis=0)
    CLIM_ND = -9999.0

    def clim(a):
        return np.where(c_texas, np.round(a, 2), CLIM_ND).astype(np.float32)

    # --- synthetic substations
    subs = []  # (name, lon, lat, kv, city population or 0)
    taken = []
    for name, lon, lat, pop in CITIES:
        n = 1 + (pop > 150000) + (pop > 400000) + 2 * (pop > 900000)
        reach = 0.9 * math.sqrt(pop / 1000.0)
        for k in range(n):
            if k == 0:
                slon, slat = lon + rng.normal(0, 0.02), lat + rng.normal(0, 0.02)
            else:
                ang = 2 * math.pi * k / (n - 1) + rng.uniform(-0.4, 0.4)
                r = reach * rng.uniform(0.45, 0.75)
                slon = lon + r * math.cos(ang) / KM_PER_DEG_LON
                slat = lat + r * math.sin(ang) / KM_PER_DEG_LAT
            if not point(slon, slat).Within(texas_inner):
                slon, slat = lon, lat
            if any(np.linalg.norm(to_km(slon, slat) - to_km(*q)) < 6.0 for q in taken):
                continue
            kv = 345 if ((k == 0 and pop >= 240000) or (k == 2 and pop > 900000)) else 138
            if pop < 15000:
                kv = 138
            subs.append((f"SYN {name} {k + 1}", round(slon, 4), round(slat, 4), kv, pop))
            taken.append((slon, slat))
    hubs = random_points_in(rng, in_texas, fine, 7, [(-104.0, 30.5, -99.5, 35.0)], 70.0, taken)
    for k, (lon, lat) in enumerate(hubs):
        subs.append((f"SYN West Hub {k + 1}", lon, lat, 345, 0))
    taken += hubs
    rural = random_points_in(rng, in_texas, fine, 28, [(-106.3, 26.0, -93.8, 36.4)], 45.0, taken)
    for k, (lon, lat) in enumerate(rural):
        subs.append((f"SYN Rural {k + 1:02d}", lon, lat, 138, 0))
    taken += rural
    small = random_points_in(rng, in_texas, fine, 12, [(-100.0, 27.0, -94.0, 34.0)], 30.0, taken)
    for k, (lon, lat) in enumerate(small):
        subs.append((f"SYN Distribution {k + 1:02d}", lon, lat, 69, 0))

    xy = [to_km(s[1], s[2]) for s in subs]
    i345 = [i for i, s in enumerate(subs) if s[3] == 345]
    i138 = [i for i, s in enumerate(subs) if s[3] in (138, 345)]
    i69 = [i for i, s in enumerate(subs) if s[3] == 69]

    def dist(i, j):
        return float(np.linalg.norm(xy[i] - xy[j]))

    texas_area = texas.Buffer(0.01)
    inside_cache = {}

    def inside(i, j):  # keep lines within Texas
        key = (min(i, j), max(i, j))
        if key not in inside_cache:
            seg = ogr.Geometry(ogr.wkbLineString)
            seg.AddPoint_2D(subs[i][1], subs[i][2])
            seg.AddPoint_2D(subs[j][1], subs[j][2])
            inside_cache[key] = seg.Within(texas_area)
        return inside_cache[key]

    def cost(i, j):
        return dist(i, j) * (1.0 if inside(i, j) else 25.0)

    e345 = [(i345[a], i345[b]) for a, b in prim_mst(i345, lambda a, b: cost(i345[a], i345[b]))]
    e345 = add_neighbour_edges(i345, xy, e345, 3, 240.0, 30.0, rng, 0.6, inside)
    both345 = set(i345)
    e138 = [(i138[a], i138[b]) for a, b in prim_mst(
        i138, lambda a, b: 0.0 if (i138[a] in both345 and i138[b] in both345)
        else cost(i138[a], i138[b]))]
    e138 = [e for e in e138 if not (e[0] in both345 and e[1] in both345)]
    e138 = add_neighbour_edges(i138, xy, e138, 3, 120.0, 30.0, rng, 0.75, inside)
    e138 = [e for e in e138 if not (e[0] in both345 and e[1] in both345)]
    e69 = []
    for i in i69:
        near = sorted(i138, key=lambda j: cost(i, j))
        e69.append((i, near[0]))
        if dist(i, near[1]) < 70.0 and rng.random() < 0.5:
            e69.append((i, near[1]))

    # --- synthetic power plants
    plant_specs = [  # fuel, count, boxes, MW range
        ("gas", 12, [(-96.0, 29.3, -94.6, 30.3), (-97.6, 32.4, -96.3, 33.3),
                     (-98.9, 29.1, -97.4, 30.6), (-102.6, 31.6, -101.8, 32.1)], (300, 1600)),
        ("coal", 3, [(-97.5, 30.5, -94.5, 33.0)], (600, 2400)),
        ("nuclear", 2, [(-96.5, 28.6, -95.8, 29.2), (-98.0, 32.0, -97.6, 32.4)], (1200, 2700)),
        ("wind", 10, [(-102.8, 31.0, -99.5, 35.8)], (100, 500)),
        ("solar", 6, [(-104.5, 30.5, -101.0, 32.5)], (100, 600)),
        ("battery", 3, [(-97.8, 29.2, -95.0, 33.0)], (50, 300)),
        ("hydro", 1, [(-98.5, 30.2, -97.8, 30.8)], (30, 80)),
    ]
    plants = []
    ptaken = [(s[1], s[2]) for s in subs]
    for fuel, count, boxes, (lo, hi) in plant_specs:
        spots = random_points_in(rng, in_texas, fine, count, boxes, 12.0, ptaken)
        ptaken += spots
        for k, (lon, lat) in enumerate(spots):
            mw = float(round(rng.uniform(lo, hi) / 10.0) * 10)
            plants.append((f"SYN {fuel.capitalize()} {k + 1:02d}", fuel, mw, lon, lat))

    # --- write the GeoPackage
    gpkg = os.path.join(out, GPKG_NAME)
    if os.path.exists(gpkg):
        os.remove(gpkg)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(gpkg)
    ds.SetMetadata({"TITLE": "Energize demo region: Texas",
                    "ATTRIBUTION": ATTRIBUTION.format(seed=seed),
                    "NOTICE": "Layers named synthetic_* are " + note})

    lyr = create_layer(ds, "state_boundaries", ogr.wkbMultiPolygon,
                       [("name", ogr.OFTString), ("state_fips", ogr.OFTString),
                        ("postal", ogr.OFTString)],
                       "Texas and neighbouring states. " + us_src, "US states (real)")
    set_layer_metadata(lyr, False, us_src, seed)
    for i, n, g in sorted(states, key=lambda s: s[0]):
        add_feature(lyr, g, name=n, state_fips=i, postal=keep_states[i])

    lyr = create_layer(ds, "texas_counties", ogr.wkbMultiPolygon,
                       [("name", ogr.OFTString), ("geoid", ogr.OFTString)],
                       "Texas counties. " + us_src, "Texas counties (real)")
    set_layer_metadata(lyr, False, us_src, seed)
    for i, n, g in counties:
        add_feature(lyr, g, name=n, geoid=i)

    lyr = create_layer(ds, "countries", ogr.wkbMultiPolygon,
                       [("name", ogr.OFTString), ("iso_n3", ogr.OFTString)],
                       "Countries around the Gulf of Mexico. " + ne_src, "Countries (real)")
    set_layer_metadata(lyr, False, ne_src, seed)
    for i, n, g in sorted(countries, key=lambda c: c[1]):
        add_feature(lyr, g, name=n, iso_n3=i)

    city_src = "City locations and 2020 census populations, US Census Bureau (public domain)"
    lyr = create_layer(ds, "cities", ogr.wkbPoint,
                       [("name", ogr.OFTString), ("population", ogr.OFTInteger),
                        ("census_year", ogr.OFTInteger)],
                       city_src, "Texas cities (real)")
    set_layer_metadata(lyr, False, city_src, seed)
    for name, lon, lat, pop in CITIES:
        add_feature(lyr, point(lon, lat), name=name, population=pop, census_year=2020)

    syn_src = "maps/data/generate_demo.py"
    lyr = create_layer(ds, "synthetic_substations", ogr.wkbPoint,
                       [("name", ogr.OFTString), ("voltage_kv", ogr.OFTReal),
                        ("max_voltage", ogr.OFTReal), ("min_voltage", ogr.OFTReal),
                        ("capacity_mva", ogr.OFTReal), ("headroom_mw", ogr.OFTReal)],
                       note + ". Substations placed at population centres.",
                       "Substations (SYNTHETIC)")
    set_layer_metadata(lyr, True, syn_src, seed)
    degree = {}
    for a, b in e345 + e138 + e69:
        degree[a] = degree.get(a, 0) + 1
        degree[b] = degree.get(b, 0) + 1
    for i, (name, lon, lat, kv, pop) in enumerate(subs):
        lo_kv = {345: 138.0, 138: 69.0 if rng.random() < 0.5 else 25.0, 69: 12.5}[kv]
        mva = {345: rng.uniform(600, 1500), 138: rng.uniform(100, 400),
               69: rng.uniform(30, 80)}[kv]
        mva = float(round(mva / 10.0) * 10)
        headroom = float(round(mva * 0.9 * rng.uniform(0.05, 0.45)))
        add_feature(lyr, point(lon, lat), name=name, voltage_kv=float(kv), max_voltage=float(kv),
                    min_voltage=lo_kv, capacity_mva=mva, headroom_mw=headroom)

    lyr = create_layer(ds, "synthetic_transmission_lines", ogr.wkbLineString,
                       [("name", ogr.OFTString), ("VOLTAGE", ogr.OFTReal),
                        ("circuits", ogr.OFTInteger), ("length_km", ogr.OFTReal),
                        ("from_sub", ogr.OFTString), ("to_sub", ogr.OFTString)],
                       note + ". 345/138/69 kV network: minimum spanning trees plus "
                       "nearest-neighbour links.", "Transmission lines (SYNTHETIC)")
    set_layer_metadata(lyr, True, syn_src, seed)
    line_count = 0

    def write_line(a_name, a_xy, b_name, b_xy, kv, circuits):
        nonlocal line_count
        geom, length = jittered_line(rng, a_xy, b_xy)
        line_count += 1
        if not geom.Within(texas_area):
            print(f"note: line {a_name} - {b_name} crosses a bay or the border",
                  file=sys.stderr)
        add_feature(lyr, geom, name=f"SYN {int(kv)} kV {a_name[4:]} - {b_name[4:]}",
                    VOLTAGE=float(kv), circuits=circuits, length_km=round(float(length), 1),
                    from_sub=a_name, to_sub=b_name)

    for edges, kv in ((e345, 345), (e138, 138), (e69, 69)):
        for a, b in edges:
            big = min(subs[a][4], subs[b][4]) > 500000
            circuits = 2 if (big or (kv == 345 and rng.random() < 0.3)) else 1
            write_line(subs[a][0], subs[a][1:3], subs[b][0], subs[b][1:3], kv, circuits)
    plant_ties = []
    for name, fuel, mw, lon, lat in plants:
        want = 345 if mw >= 400 else 138
        cands = [i for i, s in enumerate(subs) if s[3] == want]
        j = min(cands, key=lambda i: np.linalg.norm(to_km(lon, lat) - xy[i]))
        plant_ties.append((name, subs[j][0]))
        write_line(name, (lon, lat), subs[j][0], subs[j][1:3], want, 2 if mw >= 1000 else 1)

    lyr = create_layer(ds, "synthetic_power_plants", ogr.wkbPoint,
                       [("name", ogr.OFTString), ("fuel", ogr.OFTString),
                        ("capacity_mw", ogr.OFTReal), ("substation", ogr.OFTString)],
                       note + ". Generators by fuel with nameplate MW.",
                       "Power plants (SYNTHETIC)")
    set_layer_metadata(lyr, True, syn_src, seed)
    for (name, fuel, mw, lon, lat), (_, sub) in zip(plants, plant_ties):
        add_feature(lyr, point(lon, lat), name=name, fuel=fuel, capacity_mw=mw, substation=sub)

    lyr = create_layer(ds, "synthetic_rivers", ogr.wkbLineString, [("name", ogr.OFTString)],
                       note + ". Rivers that shape the synthetic DEM and flood zones.",
                       "Rivers (SYNTHETIC)")
    set_layer_metadata(lyr, True, syn_src, seed)
    for name, g in rivers:
        simple = g.SimplifyPreserveTopology(0.002)
        add_feature(lyr, simple, name=name)

    a_river, x_river = river_floodplains(rivers, texas)
    coast_a = polygonize(fine, in_texas & (dist_sea < 25) & (elev <= 2) & ~sea, 0.01)
    coast_x = polygonize(fine, in_texas & (dist_sea < 40) & (elev <= 5) & ~sea, 0.01)
    zone_a = a_river.Union(coast_a).Intersection(texas)
    zone_x = x_river.Union(coast_x).Difference(zone_a).Intersection(texas)
    lyr = create_layer(ds, "synthetic_flood_zones", ogr.wkbMultiPolygon,
                       [("zone", ogr.OFTString), ("description", ogr.OFTString)],
                       note + ". Flood hazard zones along rivers and the coast.",
                       "Flood zones (SYNTHETIC)")
    set_layer_metadata(lyr, True, syn_src, seed)
    for zone, geom, text in (
            ("A", zone_a, "1% annual chance flood (100-year), SYNTHETIC"),
            ("X500", zone_x, "0.2% annual chance flood (500-year), SYNTHETIC")):
        geom = as_multipolygon(geom.SimplifyPreserveTopology(0.002))
        for k in range(geom.GetGeometryCount()):
            part = geom.GetGeometryRef(k)
            if part.GetArea() < 1e-5:
                continue
            add_feature(lyr, as_multipolygon(part), zone=zone, description=text)
    ds.ExecuteSQL("VACUUM")
    ds = None

    # --- write the rasters
    common = {"SYNTHETIC": "YES", "NOTICE": note, "GENERATOR": "maps/data/generate_demo.py",
              "SEED": str(seed), "TIFFTAG_IMAGEDESCRIPTION": note,
              "ATTRIBUTION": ATTRIBUTION.format(seed=seed)}
    write_tif(os.path.join(out, "synthetic_elevation.tif"), fine, [elev_out], gdal.GDT_Int16,
              ELEV_ND, dict(common, TITLE="Elevation (SYNTHETIC)"),
              [("Elevation above sea level (SYNTHETIC)", "m", None)], 2)
    colors = gdal.ColorTable()
    colors.SetColorEntry(0, (0, 0, 0, 0))
    for code, (_, rgb) in NLCD.items():
        colors.SetColorEntry(code, rgb + (255,))
    classes = {f"CLASS_{code}": name for code, (name, _) in NLCD.items()}
    write_tif(os.path.join(out, "synthetic_landcover.tif"), fine, [lc_out], gdal.GDT_Byte, 0,
              dict(common, TITLE="Land cover, NLCD classes (SYNTHETIC)", **classes),
              [("Land cover class, NLCD codes (SYNTHETIC)", None, classes)], None, colors)
    write_tif(os.path.join(out, "synthetic_land_price.tif"), fine, [price_out], gdal.GDT_Float32,
              PRICE_ND, dict(common, TITLE="Land price (SYNTHETIC)"),
              [("Land price, USD per acre (SYNTHETIC)", "USD/acre", None)], 3)
    bands = [clim(dry_annual), clim(wet_annual)] + [clim(a) for a in dry_m] \
        + [clim(a) for a in wet_m]
    info = [("Annual mean dry-bulb temperature (SYNTHETIC)", "degC",
             {"QUANTITY": "dry_bulb", "PERIOD": "annual"}),
            ("Annual mean wet-bulb temperature (SYNTHETIC)", "degC",
             {"QUANTITY": "wet_bulb", "PERIOD": "annual"})]
    info += [(f"{MONTHS[m]} mean dry-bulb temperature (SYNTHETIC)", "degC",
              {"QUANTITY": "dry_bulb", "PERIOD": f"month_{m + 1:02d}"}) for m in range(12)]
    info += [(f"{MONTHS[m]} mean wet-bulb temperature (SYNTHETIC)", "degC",
              {"QUANTITY": "wet_bulb", "PERIOD": f"month_{m + 1:02d}"}) for m in range(12)]
    write_tif(os.path.join(out, "synthetic_climate.tif"), coarse, bands, gdal.GDT_Float32,
              CLIM_ND, dict(common, TITLE="Climate normals (SYNTHETIC)"), info, 3)

    # --- the layer list the app loads
    write_manifest(out, seed, note, us_src, ne_src, city_src, texas)
    print(f"substations {len(subs)}, lines {line_count}, plants {len(plants)}, "
          f"rivers {len(rivers)}, 345 kV edges {len(e345)}, 138 kV edges {len(e138)}, "
          f"69 kV edges {len(e69)}")


def stull_wet_bulb(t, rh):
    """Wet-bulb temperature (degC) from dry-bulb (degC) and RH (%), Stull (2011), sea level."""
    return (t * np.arctan(0.151977 * np.sqrt(rh + 8.313659)) + np.arctan(t + rh)
            - np.arctan(rh - 1.676331) + 0.00391838 * rh ** 1.5 * np.arctan(0.023101 * rh)
            - 4.686035)


def write_manifest(out, seed, note, us_src, ne_src, city_src, texas):
    w, e, s, n = texas.GetEnvelope()
    syn = f"maps/data/generate_demo.py seed {seed}"
    gpkg = GPKG_NAME

    def vec(layer, role, synthetic, source, **extra):
        d = {"file": gpkg, "layer": layer, "type": "vector", "role": role,
             "synthetic": synthetic, "source": source}
        d.update(extra)
        return d

    def ras(name, role, **extra):
        d = {"file": name + ".tif", "layer": name, "type": "raster", "role": role,
             "synthetic": True, "source": syn}
        d.update(extra)
        return d

    manifest = {
        "name": "Texas demo region",
        "crs": "EPSG:4326",
        "region": {"name": "Texas", "layer": "state_boundaries", "where": "name = 'Texas'",
                   "bounds": [round(w, 4), round(s, 4), round(e, 4), round(n, 4)]},
        "attribution": DEMO_ATTRIBUTION.format(seed=seed),
        "synthetic_notice": note,
        "generator": {"script": "maps/data/generate_demo.py", "seed": seed,
                      "regenerate": "maps/data/regenerate.sh"},
        "layer_order": "bottom to top",
        "layers": [
            ras("synthetic_elevation", "elevation", visible=False, units="m", nodata=-32768),
            ras("synthetic_landcover", "land_cover", visible=True, classes="NLCD", nodata=0),
            ras("synthetic_land_price", "land_price", visible=False, units="USD/acre",
                nodata=-9999),
            ras("synthetic_climate", "climate", visible=False, units="degC", nodata=-9999,
                bands={"dry_bulb_annual": 1, "wet_bulb_annual": 2, "dry_bulb_monthly": [3, 14],
                       "wet_bulb_monthly": [15, 26]}),
            vec("countries", "boundaries", False, ne_src, visible=True),
            vec("state_boundaries", "boundaries", False, us_src, visible=True),
            vec("texas_counties", "boundaries", False, us_src, visible=True),
            vec("synthetic_flood_zones", "flood_zones", True, syn, visible=False,
                zone_field="zone", zones=["A", "X500"]),
            vec("synthetic_rivers", "rivers", True, syn, visible=True),
            {"file": GRID_CASE, "locations": GRID_LOCATIONS,
             "layer": "synthetic_grid_ACTIVSg2000", "type": "grid_case", "role": "grid_case",
             "synthetic": True, "source": GRID_SOURCE, "visible": True,
             "schematic_lines": True,
             "headroom": "N-1 load headroom of every bus, DC power flow "
                         "(planner::HeadroomStudy), computed when the layer loads"},
            # Hidden at first: they sit at the generator's substations, not at the grid case's.
            vec("synthetic_power_plants", "power_plants", True, syn, visible=False,
                fuel_field="fuel", capacity_field="capacity_mw"),
            vec("cities", "cities", False, city_src, visible=True, label_field="name",
                population_field="population"),
        ],
    }
    with open(os.path.join(out, "demo-layers.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
