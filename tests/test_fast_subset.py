"""The edit-test loop's subset (``pytest -m fast``, see README) reaches every test module: each
module collected in this run has at least one test marked ``fast``."""
from __future__ import annotations

import pytest

from tests.conftest import WITHOUT_FAST_TEST


@pytest.mark.fast
def test_every_test_module_has_a_fast_test(pytestconfig):
    missing = pytestconfig.stash[WITHOUT_FAST_TEST]
    assert not missing, f"mark at least one test of each module `@pytest.mark.fast`: {missing}"
