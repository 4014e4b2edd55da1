"""bench.ask_latency on a tiny generated corpus: it starts a service, ingests, times, reports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench import ask_latency


def test_a_service_is_grown_then_timed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ask_latency.main(["--size", "3", "--count", "2", "--work", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "ingesting articles 1–3" in out
    assert re.search(r"/ask on 3 articles: p50 [\d.]+ ms, .* n 2, errors 0", out)
