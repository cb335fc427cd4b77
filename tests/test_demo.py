"""The README's demo command works end to end and its figures add up."""
import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.qgis_process
def test_demo_runs_the_whole_chain(tmp_path):
    env = dict(os.environ, DEMO_OUTPUT=str(tmp_path))
    proc = subprocess.run(["bash", str(ROOT / "scripts" / "demo.sh")], env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    for name in ("atlas_page.pdf", "atlas_page.png", "atlas_per_cluster.pdf", "members.gpkg",
                 "members_rejected.gpkg", "circles.gpkg", "unmatched.gpkg", "network_report.html"):
        assert (tmp_path / name).stat().st_size > 1000, name
    out = proc.stdout
    # Import accounting (hand-counted from sample_data/members.csv): 92 rows, 3 rejected
    # (invalid code 13480, a duplicate, the university above the 3,000 ceiling).
    found = re.search(r"import:\s+(\d+) rows -> (\d+) memberships, (\d+) rejected", out)
    assert found and found.groups() == ("92", "90", "3"), out[-2000:]
    emp = re.search(r"employment ([\d.]+) = ([\d.]+) kept \+ ([\d.]+) rejected", out)
    total, kept, rejected = (float(x) for x in emp.groups())
    assert total == pytest.approx(kept + rejected)
    # The Luxembourg partner (L-4365, 85 employees) is not in the Belgian reference.
    agg = re.search(r"employment ([\d.]+) \(each entity once\) =\s+([\d.]+) in \d+ zones \+ ([\d.]+) unmatched", out)
    total, matched, unmatched = (float(x) for x in agg.groups())
    assert unmatched == 85 and total == pytest.approx(matched + unmatched)
    assert re.search(r"Spearman rho .* = -?[\d.]+, n = \d+", out)
