"""`mkdocs serve --dirty` of a site folder, as `make serve` runs it, for the tests and the benchmark: on a
free port of 127.0.0.1, its output in SITE/serve.log, stopped on leaving the `with` block."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def mkdocs_serve(
    site: Path, start_timeout: float = 60, env: dict[str, str] | None = None
) -> Iterator[tuple[str, Path]]:
    """Yields (the served address, the log) once the server serves; `env` adds variables."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    origin = f"http://127.0.0.1:{port}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": origin + "/", **(env or {})}
    env.pop("PYTHONPATH", None)  # the hooks find their own modules
    env.pop("GITHUB_ACTIONS", None)  # its broken builds are the caller's, not a pull request's
    # The engine `make test ENGINE=...` runs: mkdocs, or properdocs (which asks for the config by name).
    engine = os.environ.get("ENGINE") or "mkdocs"
    config = ["-f", "mkdocs.yml"] if engine == "properdocs" else []
    log = site / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", engine, "serve", *config, "--strict", "--dirty", "-a", f"127.0.0.1:{port}"],
            cwd=site,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + start_timeout
        while "Serving on" not in log.read_text():
            if time.monotonic() > deadline or server.poll() is not None:
                raise TimeoutError(f"mkdocs serve did not start:\n{log.read_text()}")
            time.sleep(0.1)
        yield origin, log
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
