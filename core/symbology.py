"""Figures behind the atlas symbology (QGIS-free).

Proportional circles: the circle *area* is proportional to the value, so the
diameter grows with the square root, scaled so that ``max_value`` gets
``max_size`` millimetres on the page. Legend values are round numbers.
"""
import math

# Fields of the aggregation that share the emp_ prefix but are not categories.
NOT_CATEGORY_FIELDS = ("emp_per_1000",)

# Round mantissas for legend values (1, 2, 2.5, 5 x 10^k).
_NICE = (1.0, 2.0, 2.5, 5.0)


def circle_diameter(value, max_value, max_size):
    """Diameter (mm) of the circle of ``value`` when ``max_value`` has ``max_size`` mm."""
    if value is None or max_value is None or max_value <= 0 or value <= 0:
        return 0.0
    return max_size * math.sqrt(value / max_value)


def nice_floor(value):
    """Largest 1/2/2.5/5 x 10^k not above ``value`` (``value`` > 0)."""
    if value <= 0:
        return 0.0
    exponent = math.floor(math.log10(value))
    for mantissa in reversed(_NICE):
        candidate = mantissa * 10 ** exponent
        if candidate <= value * (1 + 1e-9):
            return float(round(candidate, 10))
    return float(round(10 ** exponent, 10))


def nice_legend_values(max_value, count=3):
    """Round values for a nested-circle legend: the largest round value not above
    the maximum, then about a quarter of it each step (each circle about half the
    diameter of the previous one). Distinct, decreasing, all > 0."""
    if max_value is None or max_value <= 0:
        return []
    values = []
    current = nice_floor(max_value)
    for _ in range(count):
        if current <= 0 or (values and current >= values[-1]):
            break
        values.append(current)
        current = nice_floor(current / 4.0)
    return values


def format_value(value):
    """Legend label: integers without decimals, thin-space thousands."""
    if float(value).is_integer():
        return "{:,}".format(int(value)).replace(",", "\u202f")
    return "{:g}".format(value)


def explode_wide(df, prefix="emp_", names=None, exclude_prefixes=("emp_k_",), value_field="employment"):
    """One row per (input row, category) from a wide table of ``<prefix><slug>`` columns.

    ``names``: optional ``{slug: display name}`` (the aggregation's FIELD_MAP);
    unknown slugs keep the slug as name. Returns a DataFrame with ``row``
    (index of the input row), ``category``, ``value_field``, ``slot`` (0-based
    position among the categories of that row) and ``slots`` (how many
    categories the row has), for values > 0 only. ``slot``/``slots`` let the
    style offset circles sharing one point so none is hidden.
    """
    import pandas as pd

    names = names or {}
    columns = [
        c
        for c in df.columns
        if c.startswith(prefix)
        and not any(c.startswith(e) for e in exclude_prefixes if e != prefix)
        and c not in NOT_CATEGORY_FIELDS
    ]
    if names:  # the slug map is authoritative: other emp_* fields are not categories
        known = [c for c in columns if c[len(prefix):] in names]
        columns = known or columns
    records = []
    for column in columns:
        slug = column[len(prefix):]
        values = pd.to_numeric(df[column], errors="coerce")
        for row, value in values[values > 0].items():
            records.append((row, names.get(slug, slug), float(value)))
    out = pd.DataFrame(records, columns=["row", "category", value_field])
    if out.empty:
        out["slot"] = pd.Series(dtype="int64")
        out["slots"] = pd.Series(dtype="int64")
        return out
    # Largest category first within a point, so slot 0 is the biggest circle.
    out = out.sort_values(["row", value_field, "category"], ascending=[True, False, True], kind="mergesort")
    out["slot"] = out.groupby("row").cumcount()
    out["slots"] = out.groupby("row")["category"].transform("size")
    return out.reset_index(drop=True)
