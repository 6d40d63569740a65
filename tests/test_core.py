"""The compiled core (core/, the extension module termcheck._core) as the package ships it."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_the_wheels_version_is_the_programs() -> None:
    # maturin takes the wheel's version from core/Cargo.toml; termcheck reports __init__'s.
    import termcheck
    from termcheck import _core

    cargo = (ROOT / "core" / "Cargo.toml").read_text(encoding="utf-8")
    found = re.search(r'^version = "([^"]+)"', cargo, re.M)
    assert found is not None
    assert found.group(1) == termcheck.__version__ == _core.__version__
