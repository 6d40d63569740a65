"""The code stays ruff and mypy clean: CI runs the linters through the test suite."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT


@pytest.mark.parametrize("command", [
    [sys.executable, "-m", "ruff", "check", "termcheck", "tests", "bench"],
    [sys.executable, "-m", "mypy", "termcheck"],
], ids=["ruff", "mypy"])
def test_linter_is_clean(command: list[str]) -> None:
    tool = command[2]
    if shutil.which(tool) is None and subprocess.run([sys.executable, "-m", tool, "--version"],
                                                     capture_output=True).returncode != 0:
        pytest.skip(f"{tool} is not installed (pip install -e '.[test]')")
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-1000:]
