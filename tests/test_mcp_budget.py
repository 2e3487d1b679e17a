"""Each MCP tool call runs under a time budget, and a cancelled call stops asking the sources
(`bibnorm.assist.tools.CallBudget`, `bibnorm.assist.server`): the work hears the budget at every
step (each source's phase, each item), and past it, or once cancelled, it stops there."""

from __future__ import annotations

import threading
import time
from typing import Any

import anyio
import pytest
from bibnorm.assist import server, tools


def steps_until_stopped(counted: list[int], done: threading.Event) -> dict[str, Any]:
    """A tool's work: step after step (a request to a source each, in the real tools)."""
    try:
        while True:
            tools.current_budget().advance()
            counted.append(1)
            time.sleep(0.01)
    finally:
        done.set()


def test_a_call_past_its_budget_is_a_tool_error_of_one_line() -> None:
    counted: list[int] = []
    done = threading.Event()

    async def call() -> None:
        await server._in_thread(steps_until_stopped, counted, done, seconds=0.2)

    started = time.monotonic()
    with pytest.raises(server.ToolError) as stopped:
        anyio.run(call)
    assert time.monotonic() - started < 2
    assert str(stopped.value) == (
        "the call took more than 0.2 s, a call's limit; ask about fewer references at a time"
    )
    assert counted


def test_a_cancelled_call_asks_no_source_after_its_current_step() -> None:
    counted: list[int] = []
    done = threading.Event()

    async def cancel_soon() -> None:
        with anyio.move_on_after(0.2):  # the assistant's notifications/cancelled
            await server._in_thread(steps_until_stopped, counted, done, seconds=60)

    started = time.monotonic()
    anyio.run(cancel_soon)
    assert time.monotonic() - started < 2  # the call returned at once
    assert done.wait(2)  # and its thread stopped at its next step
    steps = len(counted)
    time.sleep(0.2)
    assert len(counted) == steps > 0


def test_outside_a_call_the_library_runs_unbounded() -> None:
    assert tools.current_budget() is tools.NO_PROGRESS
