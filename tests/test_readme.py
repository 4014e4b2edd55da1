"""The README's examples reproduce: every ``$`` command, in order, against a fresh server.

An example is a line starting with ``$ `` in a ```sh block (``\\`` continues it); what it
prints is the lines after it in the block, or, when there are none, the ```json or ```text
block right after. ``127.0.0.1:8000`` becomes the test server's address and
``.venv/bin/factdesk`` this interpreter's ``factdesk`` on the server's data directory; stdout is
compared. JSON is compared as data, other text line by line; an ``…`` stands for what varies or
is left out (see the README's Examples section). ``make readme-check`` runs this file alone.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from service.app import create_app
from service.settings import Settings
from tests.live_server import live_server

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
ELLIPSIS = "…"
_FENCE = re.compile(r"^```(\w*)\s*$")


@dataclass(frozen=True)
class Example:
    """One command of the README, what it should print, and the line it is on."""

    command: str
    expected: str
    line: int


def readme_examples(text: str) -> list[Example]:
    """The ``$`` commands of ```sh blocks with their expected output, in order."""
    blocks: list[tuple[str, list[str], int]] = []  # (language, lines, first line number)
    lines = text.splitlines()
    n = 0
    while n < len(lines):
        fence = _FENCE.match(lines[n])
        if fence:
            end = next(i for i in range(n + 1, len(lines)) if lines[i].startswith("```"))
            blocks.append((fence.group(1), lines[n + 1 : end], n + 2))
            n = end
        n += 1
    examples: list[Example] = []
    for position, (language, body, first) in enumerate(blocks):
        if language != "sh":
            continue
        commands = _split_commands(body, first)
        for index, (command, output, line) in enumerate(commands):
            if not output and index == len(commands) - 1 and position + 1 < len(blocks):
                following = blocks[position + 1]
                if following[0] in ("json", "text") and _adjacent(
                    lines, first + len(body), following[2]
                ):
                    output = following[1]
            examples.append(Example(command, "\n".join(output), line))
    return examples


def _split_commands(body: list[str], first: int) -> list[tuple[str, list[str], int]]:
    commands: list[tuple[str, list[str], int]] = []
    continuing = False
    for offset, line in enumerate(body):
        if line.startswith("$ ") or continuing:
            if continuing:
                commands[-1] = (commands[-1][0] + "\n" + line, [], commands[-1][2])
            else:
                commands.append((line[2:], [], first + offset))
            continuing = line.endswith("\\")
        elif commands:
            commands[-1][1].append(line)
    return [(c, _trim_blank(out), n) for c, out, n in commands]


def _adjacent(lines: list[str], closing_fence_line: int, next_first: int) -> bool:
    """True when only blank lines separate a block's closing fence from the next block."""
    between = lines[closing_fence_line : next_first - 2]
    return all(not line.strip() for line in between)


def _trim_blank(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    while lines and not lines[0].strip():
        lines = lines[1:]
    return lines


def expected_json(text: str) -> Any:
    """Parse README JSON where a bare ``…`` stands for more keys or more items."""
    out: list[str] = []
    stack: list[str] = []
    in_string = escaped = False
    for char in text:
        if in_string:
            out.append(char)
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
            out.append(char)
        elif char == ELLIPSIS:
            out.append(
                f'"{ELLIPSIS}": "{ELLIPSIS}"' if stack and stack[-1] == "{" else f'"{ELLIPSIS}"'
            )
        else:
            if char in "{[":
                stack.append(char)
            elif char in "}]" and stack:
                stack.pop()
            out.append(char)
    return json.loads("".join(out))


def json_matches(expected: Any, actual: Any) -> bool:
    """Whether actual data fits the README's, with ``…`` wildcards."""
    if expected == ELLIPSIS:
        return True
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return False
        keys = set(expected) - {ELLIPSIS}
        if ELLIPSIS not in expected and keys != set(actual):
            return False
        return keys <= set(actual) and all(json_matches(expected[k], actual[k]) for k in keys)
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return False
        if expected and expected[-1] == ELLIPSIS:
            head = expected[:-1]
            return len(actual) >= len(head) and all(map(json_matches, head, actual))
        return len(expected) == len(actual) and all(map(json_matches, expected, actual))
    return bool(expected == actual) and type(expected) is type(actual)


def text_matches(expected: str, actual: str) -> bool:
    """Line by line, trailing spaces ignored, ``…`` matching any run of characters."""
    want = _trim_blank([line.rstrip() for line in expected.splitlines()])
    got = _trim_blank([line.rstrip() for line in actual.splitlines()])
    if len(want) != len(got):
        return False
    for pattern, line in zip(want, got, strict=True):
        regex = ".*".join(re.escape(part) for part in pattern.split(ELLIPSIS))
        if not re.fullmatch(regex, line):
            return False
    return True


def output_matches(expected: str, actual: str) -> bool:
    """JSON compared as data when both sides are JSON, else text."""
    try:
        want, got = expected_json(expected), json.loads(actual)
    except ValueError:
        return text_matches(expected, actual)
    return json_matches(want, got)


# The replay


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A freshly seeded server over TCP, as after ``make run``: (host:port, data dir)."""
    data_dir = tmp_path_factory.mktemp("readme") / "data"
    app = create_app(Settings(data_dir=data_dir, seed_samples=True, extract_workers=0))
    with live_server(app) as address:
        yield address, data_dir


def test_readme_examples_parse() -> None:
    examples = readme_examples(README.read_text(encoding="utf-8"))
    assert examples, "the README has no $ examples"
    for example in examples:
        assert example.expected.strip(), f"README line {example.line}: no output shown"


def test_readme_examples_reproduce_in_order(server: tuple[str, Path]) -> None:
    if shutil.which("curl") is None or shutil.which("bash") is None:
        pytest.skip("the README's examples need curl and bash")
    address, data_dir = server
    factdesk = f"{shlex.quote(sys.executable)} -m service.cli"
    env = {**os.environ, "FACTDESK_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    env.pop("FACTDESK_DATABASE_URL", None)
    failures = []
    for example in readme_examples(README.read_text(encoding="utf-8")):
        command = example.command.replace("127.0.0.1:8000", address)
        command = command.replace(".venv/bin/factdesk", factdesk)
        run = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=120,
        )
        if run.returncode != 0 or not output_matches(example.expected, run.stdout):
            failures.append(
                f"README line {example.line}: $ {example.command}\n"
                f"exit {run.returncode}; printed:\n{run.stdout}{run.stderr[-2000:]}"
            )
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize(
    ("expected", "actual", "fits"),
    [
        ('{"a": 1, "…": "…"}', '{"a": 1, "b": 2}', True),
        ('{"a": 1}', '{"a": 1, "b": 2}', False),
        ('{"a": {…, "c": 3}}', '{"a": {"b": 2, "c": 3}}', True),
        ('{"l": [1, "…"]}', '{"l": [1, 2, 3]}', True),
        ('{"l": [1, …]}', '{"l": [2, 3]}', False),
        ('{"h": "…"}', '{"h": "abc"}', True),
        ('{"t": "cut…"}', '{"t": "cut short"}', False),
        ("x: … ms", "x: 3.1 ms", True),
        ("line one\nline two", "line one", False),
    ],
)
def test_wildcards(expected: str, actual: str, fits: bool) -> None:
    assert output_matches(expected, actual) is fits
