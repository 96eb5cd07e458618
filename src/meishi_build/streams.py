"""Running the build's commands: one streamed as it runs, another held back beside it."""

from __future__ import annotations

import subprocess
import sys
import tempfile

__all__ = ["Beside", "echo", "run"]


def echo(proc: subprocess.Popen) -> tuple[int, str]:
    """Echo ``proc``'s output line by line as it comes; (its status, its output).  Ctrl-C
    ends it: status 130."""
    chunks: list[str] = []
    assert proc.stdout is not None
    try:
        for raw in proc.stdout:
            sys.stdout.buffer.write(raw)
            sys.stdout.flush()
            chunks.append(raw.decode("utf-8", errors="replace"))
        status = proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        proc.wait()
        status = 130
    return status, "".join(chunks)


def run(cmd: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run ``cmd``, echoing its output line by line as it comes; return (status, output)."""
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          env=env) as proc:
        return echo(proc)


class Beside:
    """``cmd`` run beside the caller's work, its output held in a temporary file, not shown.

    :meth:`start` starts it (from any thread); :meth:`wait` gives its status and its output
    (bytes) once it ends; :meth:`stop` ends it early.  Leaving the block stops it if it
    still runs, so nothing outlives the caller.
    """

    def __init__(self, cmd: list[str], env: dict[str, str]) -> None:
        self.cmd, self.env = cmd, env
        self.proc: subprocess.Popen | None = None
        self.held = tempfile.TemporaryFile()  # noqa: SIM115 - closed by __exit__

    def __enter__(self) -> Beside:
        return self

    def start(self) -> None:
        self.proc = subprocess.Popen(self.cmd, stdout=self.held, stderr=subprocess.STDOUT,
                                     env=self.env)

    @property
    def started(self) -> bool:
        return self.proc is not None

    def output(self) -> bytes:
        """What it has printed so far."""
        self.held.seek(0)
        return self.held.read()

    def wait(self) -> tuple[int, bytes]:
        assert self.proc is not None, "not started"
        return self.proc.wait(), self.output()

    def stop(self) -> None:
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.terminate()
            self.proc.wait()

    def __exit__(self, *exc: object) -> None:
        try:
            self.stop()
        finally:
            self.held.close()
