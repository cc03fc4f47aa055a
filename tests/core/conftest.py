"""The real seed-scale demo district for the screening and recommendation tests, built once per test
module (about half a second) rather than once per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from commandcenter.testing.demo_district import DemoDistrict, demo_district


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoDistrict]:
    with demo_district(tmp_path_factory.mktemp("district")) as built:
        yield built
