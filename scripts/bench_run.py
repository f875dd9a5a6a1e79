"""One build for the benchmark, in a process of its own: `python bench_run.py DIR OUT`.
Prints, as JSON on the last line, the peak resident memory (RSS) of the build and the time
spent inside the project's hook functions (timed by wrapping them; zero without hooks)."""

from __future__ import annotations

import functools
import json
import logging
import resource
import sys
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config

hook_seconds = 0.0


def timed(method):
    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        global hook_seconds
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            hook_seconds += time.perf_counter() - start

    return wrapper


def main() -> None:
    logging.disable(logging.INFO)
    config = load_config(config_file=f"{sys.argv[1]}/mkdocs.yml", site_dir=sys.argv[2], strict=True)
    for methods in config.plugins.events.values():
        for i, method in enumerate(methods):
            if getattr(method, "__module__", "").startswith("hooks/"):
                methods[i] = timed(method)
    build(config)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"peak_rss_kib": rss, "hook_seconds": hook_seconds}))


# A guard, as every program that runs the engine needs: a build may start worker processes
# (hooks/output_cache.py), and a spawned worker imports this module again.
if __name__ == "__main__":
    main()
