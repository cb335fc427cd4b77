"""Benchmark harness: each case times a subject against references in one run.

A case module in ``bench/cases/`` defines ``CASES``: a list of ``Case``. A
``Case`` has a ``prepare(ctx)`` that builds inputs (generated data of
``ctx.size`` rows, or files of ``ctx.shared``) and returns a state dict, a
``subject(state)`` (our algorithm) and ``references`` (name -> callable:
QGIS' native chain, plain reading of the inputs...). Each callable runs in a
fresh child process so that its peak memory (ru_maxrss) is its own and
caches of one run do not help another. QGIS is started in the child before
the clock starts, so start-up cost is in no timing (but in peak memory).
"""
import json
import multiprocessing as mp
import os
import resource
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Optional

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = ROOT / ".build" / "plugins"
SHARED = (ROOT.parent / "shared" / "data").resolve()


@dataclass
class Context:
    size: int
    workdir: Path
    shared: Path = SHARED


@dataclass
class Case:
    name: str
    prepare: Callable[[Context], dict]
    subject: Callable[[dict], object]
    references: Dict[str, Callable[[dict], object]] = field(default_factory=dict)
    sizes: Optional[list] = None  # sizes this case makes sense for; None = any
    note: str = ""


_QGIS_APP = None


def qgis_app():
    """Start QGIS + Processing + the plugin once per child process."""
    global _QGIS_APP
    if _QGIS_APP is not None:
        return _QGIS_APP
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(PLUGINS))
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    import cluster_atlas

    plugin = cluster_atlas.classFactory(None)
    plugin.initProcessing()
    _QGIS_APP = (app, plugin)
    return _QGIS_APP


def _child(fn, state, queue):
    try:
        qgis_app()  # start-up is not part of any timing
        t0 = time.perf_counter()
        fn(state)
        elapsed = time.perf_counter() - t0
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        queue.put({"seconds": elapsed, "peak_mb": peak_kb / 1024.0})
    except Exception:  # report, do not hide
        queue.put({"error": traceback.format_exc()})


def timed(fn, state, repeat=1):
    """Best of ``repeat`` runs of ``fn(state)``, each in a fresh process."""
    best = None
    ctx = mp.get_context("fork")
    for _ in range(repeat):
        queue = ctx.Queue()
        proc = ctx.Process(target=_child, args=(fn, state, queue))
        proc.start()
        result = queue.get()
        proc.join()
        if "error" in result:
            return result
        if best is None or result["seconds"] < best["seconds"]:
            best = result
    return best


def run_case(case, ctx, repeat=1, log=print):
    log(f"== {case.name} (size {ctx.size}) {case.note}")
    state = case.prepare(ctx)
    row = {"case": case.name, "size": ctx.size, "subject": timed(case.subject, state, repeat), "references": {}}
    for ref_name, ref in case.references.items():
        row["references"][ref_name] = timed(ref, state, repeat)
    subject_s = row["subject"].get("seconds")
    for ref_name, res in row["references"].items():
        if subject_s and res.get("seconds"):
            # ratio > 1: the reference takes longer than our algorithm
            res["ratio_ref_over_subject"] = res["seconds"] / subject_s
            res["ratio_subject_over_ref"] = subject_s / res["seconds"]
    return row


def format_table(rows):
    lines = [f"{'case':28} {'size':>9} {'what':30} {'seconds':>9} {'peak MB':>8} {'ours/ref':>9}"]
    for row in rows:
        items = [("ours", row["subject"])] + list(row["references"].items())
        for what, res in items:
            if "error" in res:
                lines.append(f"{row['case']:28} {row['size']:>9} {what:30} ERROR: {res['error'].splitlines()[-1]}")
                continue
            ratio = res.get("ratio_subject_over_ref")
            lines.append(
                f"{row['case']:28} {row['size']:>9} {what:30} {res['seconds']:9.3f} {res['peak_mb']:8.0f} "
                + (f"{ratio:9.3f}" if ratio else f"{'':>9}")
            )
    return "\n".join(lines)


def save(rows, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rows, indent=2, default=str))
