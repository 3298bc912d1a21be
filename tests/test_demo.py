"""The demo loader applies each plugin's examples through the real services, once."""
from __future__ import annotations

from core.demo import load_demo
from tests.support import documents as doc
from tests.support import toy_plugin


async def test_demo_loads_examples_once_and_skips_refused_ones(client_for):
    gql = await client_for([toy_plugin])
    assert await load_demo(gql.platform) == 1          # the ineligible example is refused at submission
    assert await load_demo(gql.platform) == 0          # not into a database that has data
    counts = await gql(doc.COUNTS)
    assert counts["recognitions"]["totalCount"] == 1
    assert counts["institutions"]["totalCount"] == 1   # the refused example left nothing behind
