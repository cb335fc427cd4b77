"""Statistics of the network overlay (QGIS-free: pandas/numpy only).

The atlas says ICT employment "follows the copper and fibre network closely".
This module turns per-zone figures (employment, area, population, distance to
the nearest line of each network class, network density) into the numbers that
confirm or refute it:

* share of employment whose zone lies within ``d`` km of a class, versus the
  share of area and of population within the same distance, and their ratio
  (the *network affinity*: > 1 means employment is closer to the network than
  land or people are);
* Spearman's rank correlation (ties get average ranks) between employment
  density and network density, with its sample size;
* an SVG chart and an HTML report, written without any plotting library.

It also parses the user's class map and distance list.
"""
import html
import json
import math
import re

import numpy as np
import pandas as pd

from .messages import N_, Note
from .text import normalise_key

DEFAULT_CLASS = "other"
BASE_CLASSES = ("copper", "fibre")
ALL_CLASS = "all"
TOTAL = "total"
NULL_KEYS = ("null", "<null>", "")
_SLUG_BAD = re.compile(r"[^a-z0-9_]+")


class ClassMapError(ValueError):
    """The CLASS_MAP text cannot be read; the message says where and how to fix it."""


def class_slug(name):
    """ASCII lower-case slug usable in field names (``Fibre optique`` -> ``fibre_optique``)."""
    slug = _SLUG_BAD.sub("_", normalise_key(name).replace(" ", "_")).strip("_")
    return slug[:20] or DEFAULT_CLASS


def parse_class_map(text):
    """Parse ``"rail=fibre; tram=fibre; *=copper"`` (or a JSON object) into a ClassMap.

    Items are separated by ``;``, ``,`` or new lines; each is ``value=class``.
    ``*`` is the class of every unmapped value; ``NULL`` (or an empty value)
    that of missing values. Values are matched after case/accent/space folding.
    Use the JSON form (``{"stream;river": "other"}``) for values containing
    separators.
    """
    text = (text or "").strip()
    pairs = []
    if text.startswith("{"):
        try:
            obj = json.loads(text)
        except ValueError as exc:
            raise ClassMapError(Note(N_("CLASS_MAP is not valid JSON: {}"), exc)) from None
        if not isinstance(obj, dict):
            raise ClassMapError(Note(N_("CLASS_MAP JSON must be an object {{\"value\": \"class\"}}")))
        pairs = [(str(k), str(v)) for k, v in obj.items()]
    elif text:
        for n, item in enumerate(re.split(r"[;,\n]", text), start=1):
            item = item.strip()
            if not item:
                continue
            if "=" not in item:
                raise ClassMapError(
                    Note(N_("CLASS_MAP item {} ({!r}) has no '='; write value=class, e.g. rail=fibre"), n, item)
                )
            key, _, value = item.partition("=")
            pairs.append((key.strip(), value.strip()))
    return ClassMap(pairs)


class ClassMap:
    """Value -> class slug, with a default for unmapped values and one for nulls."""

    def __init__(self, pairs):
        self.mapping = {}
        self.default = DEFAULT_CLASS
        self.null_class = None
        for key, value in pairs:
            if not value:
                raise ClassMapError(Note(N_("CLASS_MAP: value {!r} is mapped to an empty class name"), key))
            slug = class_slug(value)
            if key == "*":
                self.default = slug
            elif key.strip().lower() in NULL_KEYS:
                self.null_class = slug
            else:
                self.mapping[normalise_key(key)] = slug
        for own in BASE_CLASSES + ("fiber",):  # a real copper/fibre layer needs no map
            self.mapping.setdefault(own, class_slug("fibre" if own == "fiber" else own))
        if self.null_class is None:
            self.null_class = self.default
        self._cache = {}

    def classes(self):
        """Field classes in a stable order: copper, fibre, the map's own, then other."""
        named = list(self.mapping.values()) + [self.default, self.null_class]
        out = list(BASE_CLASSES)
        for slug in named:
            if slug not in out and slug != DEFAULT_CLASS:
                out.append(slug)
        out.append(DEFAULT_CLASS)
        return out

    def classify(self, value):
        """Class slug of one raw attribute value (None/'' -> the null class)."""
        if value is None:
            return self.null_class
        try:
            return self._cache[value]
        except (KeyError, TypeError):
            pass
        key = normalise_key(value)
        slug = self.null_class if key == "" else self.mapping.get(key, self.default)
        try:
            self._cache[value] = slug
        except TypeError:
            pass
        return slug

    def is_mapped(self, value):
        return value is not None and normalise_key(value) in self.mapping


def parse_distances(text):
    """``"1, 2, 5"`` -> ``[1.0, 2.0, 5.0]`` (km, sorted, unique, > 0)."""
    out = []
    for item in re.split(r"[;,\s]+", str(text or "").strip()):
        if not item:
            continue
        try:
            value = float(item.replace("km", ""))
        except ValueError:
            raise ValueError(Note(N_("DISTANCES: {!r} is not a number; give kilometres like 1, 2, 5"), item)) from None
        if not value > 0 or math.isinf(value):
            raise ValueError(Note(N_("DISTANCES: {!r} must be a positive number of kilometres"), item))
        out.append(value)
    if not out:
        raise ValueError(Note(N_("DISTANCES is empty; give kilometres like 1, 2, 5")))
    return sorted(set(out))


def spearman(x, y):
    """Spearman's rho with average ranks for ties; returns ``(rho, n)``.

    Pairs with a missing value are dropped; rho is NaN when fewer than 3
    pairs remain or one side is constant.
    """
    frame = pd.DataFrame({"x": pd.to_numeric(pd.Series(x), errors="coerce").to_numpy(),
                          "y": pd.to_numeric(pd.Series(y), errors="coerce").to_numpy()}).dropna()
    n = len(frame)
    if n < 3:
        return float("nan"), n
    rx = frame["x"].rank(method="average").to_numpy()
    ry = frame["y"].rank(method="average").to_numpy()
    rx = rx - rx.mean()
    ry = ry - ry.mean()
    denom = math.sqrt(float((rx * rx).sum()) * float((ry * ry).sum()))
    if denom == 0:
        return float("nan"), n
    return float((rx * ry).sum() / denom), n


def spearman_p_approx(rho, n):
    """Two-sided p-value from Fisher's z with the 1.06 variance factor (approximate, n >= 10)."""
    if rho is None or not np.isfinite(rho) or n < 10:
        return float("nan")
    rho = max(min(rho, 0.999999), -0.999999)
    z = math.atanh(rho) * math.sqrt((n - 3) / 1.06)
    return math.erfc(abs(z) / math.sqrt(2.0))


def weighted_centres(zone_index, x, y, weight, n_zones):
    """Employment-weighted centre of the members of each zone.

    ``zone_index``: zone position of each member (negative or NaN: in no zone);
    ``x``, ``y``: member coordinates (NaN: no usable geometry, ignored);
    ``weight``: member employment (NaN counts as 0). Returns a DataFrame indexed
    ``0..n_zones-1`` with ``cx``, ``cy`` (NaN when the zone's members weigh
    nothing: the caller keeps the zone's own point), ``weight`` and ``members``
    (members with a usable point, weighted or not).
    """
    frame = pd.DataFrame({"z": pd.to_numeric(pd.Series(zone_index), errors="coerce").to_numpy(dtype=float),
                          "x": np.asarray(x, dtype=float), "y": np.asarray(y, dtype=float),
                          "w": np.nan_to_num(np.asarray(weight, dtype=float), nan=0.0)})
    frame = frame[(frame["z"] >= 0) & frame["x"].notna() & frame["y"].notna()]
    if (frame["w"] < 0).any():
        raise ValueError("member weights must not be negative")
    frame = frame.assign(wx=frame["w"] * frame["x"], wy=frame["w"] * frame["y"], z=frame["z"].astype(int))
    sums = frame.groupby("z").agg(wx=("wx", "sum"), wy=("wy", "sum"), weight=("w", "sum"), members=("w", "size"))
    sums = sums.reindex(range(n_zones))
    sums["members"] = sums["members"].fillna(0).astype(int)
    sums["weight"] = sums["weight"].fillna(0.0)
    positive = sums["weight"] > 0
    out = pd.DataFrame({"cx": np.where(positive, sums["wx"] / sums["weight"].where(positive), np.nan),
                        "cy": np.where(positive, sums["wy"] / sums["weight"].where(positive), np.nan),
                        "weight": sums["weight"], "members": sums["members"]}, index=sums.index)
    return out


def _share(weight, mask):
    total = float(np.nansum(weight))
    if total <= 0:
        return float("nan")
    return float(np.nansum(np.where(mask, weight, 0.0))) / total


def _ratio(a, b):
    if a is None or b is None or not np.isfinite(a) or not np.isfinite(b) or b == 0:
        return float("nan")
    return a / b


def threshold_table(zones, classes, thresholds, has_area=True, has_population=False, spearman_by_class=None,
                    network_km=None):
    """Summary rows, one per (class, threshold).

    ``zones``: DataFrame with ``employment``, ``dist_km_<class>``, optional
    ``area_km2`` and ``population``. A zone is *within d km* of a class when
    its representative point is at most ``d`` km from the nearest line of the
    class (a zone with no line of the class is never within).
    """
    emp = zones["employment"].fillna(0.0).to_numpy(dtype=float)
    area = zones["area_km2"].fillna(0.0).to_numpy(dtype=float) if has_area else None
    pop = zones["population"].fillna(0.0).to_numpy(dtype=float) if has_population else None
    rows = []
    for cls in classes:
        dist = zones[f"dist_km_{cls}"].to_numpy(dtype=float)
        rho, n = (spearman_by_class or {}).get(cls, (float("nan"), 0))
        for d in thresholds:
            within = np.nan_to_num(dist, nan=np.inf) <= d
            emp_share = _share(emp, within)
            area_share = _share(area, within) if has_area else float("nan")
            pop_share = _share(pop, within) if has_population else float("nan")
            rows.append({
                "class": cls,
                "threshold_km": float(d),
                "zones_within": int(within.sum()),
                "employment_within": float(np.nansum(np.where(within, emp, 0.0))),
                "employment_share": emp_share,
                "area_share": area_share,
                "population_share": pop_share,
                "affinity_area": _ratio(emp_share, area_share),
                "affinity_population": _ratio(emp_share, pop_share),
                "spearman_rho": rho,
                "spearman_n": int(n),
                "network_km": float((network_km or {}).get(cls, float("nan"))),
            })
    return pd.DataFrame(rows)


def share_curve(distances_km, weights, max_km=None, points=60):
    """Cumulative share of ``weights`` within x km, sampled on ``points`` steps of [0, max_km]."""
    dist = np.nan_to_num(np.asarray(distances_km, dtype=float), nan=np.inf)
    w = np.nan_to_num(np.asarray(weights, dtype=float))
    total = w.sum()
    finite = dist[np.isfinite(dist)]
    if max_km is None:
        max_km = float(np.percentile(finite, 95)) if len(finite) else 1.0
    max_km = max(max_km, 1e-9)
    xs = np.linspace(0.0, max_km, points)
    if total <= 0:
        return xs, np.full_like(xs, np.nan)
    order = np.argsort(dist)
    sorted_d = dist[order]
    cum = np.concatenate([[0.0], np.cumsum(w[order])])
    idx = np.searchsorted(sorted_d, xs, side="right")
    return xs, cum[idx] / total


_PALETTE = ["#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"]


def svg_chart(series, x_label="Distance to the nearest line (km)", y_label="Share within distance",
              width=640, height=360, title=""):
    """Line chart as an SVG string. ``series``: list of dicts ``label, xs, ys, dashed(optional)``."""
    left, right, top, bottom = 60, 170, 30, 50
    pw, ph = width - left - right, height - top - bottom
    xmax = max([float(np.nanmax(s["xs"])) for s in series if len(s["xs"])] + [1e-9])

    def sx(x):
        return left + pw * (x / xmax)

    def sy(y):
        return top + ph * (1.0 - y)

    esc = html.escape
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
           f'<rect x="0" y="0" width="{width}" height="{height}" fill="white"/>']
    if title:
        out.append(f'<text x="{left}" y="18" font-size="13" font-weight="bold">{esc(title)}</text>')
    for i in range(6):  # y grid: 0, 20 ... 100 %
        y = i / 5.0
        out.append(f'<line x1="{left}" y1="{sy(y):.1f}" x2="{left + pw}" y2="{sy(y):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{sy(y) + 4:.1f}" text-anchor="end">{int(y * 100)}%</text>')
    for i in range(6):
        x = xmax * i / 5.0
        out.append(f'<line x1="{sx(x):.1f}" y1="{top + ph}" x2="{sx(x):.1f}" y2="{top + ph + 4}" stroke="#333"/>')
        out.append(f'<text x="{sx(x):.1f}" y="{top + ph + 16}" text-anchor="middle">{x:.3g}</text>')
    out.append(f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#333"/>')
    out.append(f'<text x="{left + pw / 2:.1f}" y="{height - 10}" text-anchor="middle">{esc(x_label)}</text>')
    out.append(f'<text transform="translate(14 {top + ph / 2:.1f}) rotate(-90)" text-anchor="middle">'
               f'{esc(y_label)}</text>')
    for i, s in enumerate(series):
        colour = s.get("colour") or _PALETTE[i % len(_PALETTE)]
        pts = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in zip(s["xs"], s["ys"]) if np.isfinite(y))
        dash = ' stroke-dasharray="5,4"' if s.get("dashed") else ""
        if pts:
            out.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
        ly = top + 12 + 16 * i
        out.append(f'<line x1="{left + pw + 10}" y1="{ly}" x2="{left + pw + 34}" y2="{ly}" stroke="{colour}" '
                   f'stroke-width="2"{dash}/>')
        out.append(f'<text x="{left + pw + 38}" y="{ly + 4}">{esc(s["label"])}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _fmt(value, pct=False, digits=3):
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return "&ndash;"
    if pct:
        return f"{100.0 * value:.1f}&nbsp;%"
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}".replace(",", "&nbsp;")
    return f"{value:.{digits}g}"


def html_report(summary, facts, chart_svg, headings):
    """Self-contained HTML page. ``facts``: list of (label, value) pairs for the summary block;
    ``headings``: dict of translated headings (title, summary, affinity, correlation, chart, columns...)."""
    esc = html.escape
    h = headings
    parts = ["<!DOCTYPE html>", '<html><head><meta charset="utf-8">', f"<title>{esc(h['title'])}</title>",
             "<style>body{font-family:sans-serif;margin:1.5em;max-width:60em}"
             "table{border-collapse:collapse;margin:.5em 0 1.5em}"
             "td,th{border:1px solid #bbb;padding:.25em .6em;text-align:right}"
             "th{background:#eee}td.l,th.l{text-align:left}</style></head><body>",
             f"<h1>{esc(h['title'])}</h1>", f"<h2>{esc(h['summary'])}</h2>", "<table>"]
    for label, value in facts:
        parts.append(f'<tr><th class="l">{esc(str(label))}</th><td class="l">{esc(str(value))}</td></tr>')
    parts.append("</table>")
    parts.append(f"<h2>{esc(h['affinity'])}</h2><p>{esc(h['affinity_note'])}</p><table><tr>")
    cols = [("class", h["col_class"]), ("threshold_km", h["col_threshold"]),
            ("zones_within", h["col_zones"]), ("employment_share", h["col_emp"]),
            ("area_share", h["col_area"]), ("population_share", h["col_pop"]),
            ("affinity_area", h["col_aff_area"]), ("affinity_population", h["col_aff_pop"])]
    parts.extend(f"<th>{esc(label)}</th>" for _, label in cols)
    parts.append("</tr>")
    for row in summary.to_dict("records"):
        cells = []
        for key, _ in cols:
            value = row[key]
            if key == "class":
                cells.append(f'<td class="l">{esc(str(value))}</td>')
            elif key.endswith("_share"):
                cells.append(f"<td>{_fmt(value, pct=True)}</td>")
            elif key == "zones_within":
                cells.append(f"<td>{_fmt(int(value))}</td>")
            else:
                cells.append(f"<td>{_fmt(value)}</td>")
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</table>")
    parts.append(f"<h2>{esc(h['correlation'])}</h2><p>{esc(h['correlation_note'])}</p><table>"
                 f"<tr><th class='l'>{esc(h['col_class'])}</th><th>rho</th><th>n</th><th>p&nbsp;(approx.)</th>"
                 f"<th>{esc(h['col_km'])}</th></tr>")
    seen = set()
    for row in summary.to_dict("records"):
        if row["class"] in seen:
            continue
        seen.add(row["class"])
        p = spearman_p_approx(row["spearman_rho"], row["spearman_n"])
        parts.append(f"<tr><td class='l'>{esc(str(row['class']))}</td><td>{_fmt(row['spearman_rho'])}</td>"
                     f"<td>{_fmt(int(row['spearman_n']))}</td><td>{_fmt(p)}</td>"
                     f"<td>{_fmt(row['network_km'], digits=6)}</td></tr>")
    parts.append("</table>")
    parts.append(f"<h2>{esc(h['chart'])}</h2>")
    parts.append(chart_svg)
    parts.append("</body></html>")
    return "\n".join(parts)
