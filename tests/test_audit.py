"""`make audit` (.ci/audit.py): a known vulnerability fails it; an index that cannot answer is said
plainly and does not fail it."""

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("ci_audit", ROOT / ".ci" / "audit.py")
ci_audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ci_audit)

VULNERABLE = {
    "dependencies": [
        {"name": "django", "version": "5.2.0", "vulns": [
            {"id": "PYSEC-2025-1", "fix_versions": ["5.2.2"], "aliases": [], "description": "…"},
        ]},
        {"name": "nh3", "version": "0.3.7", "vulns": []},
    ],
    "fixes": [],
}  # fmt: skip
SKIPPED = {
    "dependencies": [
        {
            "name": "pillow",
            "skip_reason": "Dependency not found on PyPI and could not be audited: pillow (12.0.0)",
        }
    ]
}


def test_a_known_vulnerability_fails_the_audit_and_is_named():
    lines, code = ci_audit.summarise([("requirements.txt", VULNERABLE)])
    assert code == 1
    assert "  django 5.2.0: PYSEC-2025-1 (fixed in 5.2.2)" in lines
    assert "audit: 2 pinned packages checked against the index's advisories." in lines


def test_packages_the_index_cannot_answer_for_are_listed_not_passed_over():
    lines, code = ci_audit.summarise([("requirements.txt", SKIPPED), ("requirements-dev.txt", SKIPPED)])
    assert code == 0
    assert any("1 could not be checked" in line and "pillow" in line for line in lines)
    assert lines[-1].startswith("audit: nothing could be checked from here")


def test_a_failed_pip_audit_run_is_reported():
    lines, code = ci_audit.summarise([("requirements.txt", {"error": "boom"})])
    assert code == 0
    assert "audit: pip-audit failed for requirements.txt: boom" in lines


def test_the_audit_runs_against_the_pinned_files():
    """The real command, end to end: whatever the index answers here, it exits cleanly and says
    how many packages it checked."""
    result = subprocess.run(
        [sys.executable, str(ROOT / ".ci" / "audit.py")], capture_output=True, text=True, timeout=300
    )
    assert result.returncode in (0, 1), result.stderr
    assert "pinned packages checked against the index's advisories" in result.stdout
