"""A static file server for 127.0.0.1 that compresses text with gzip, as any real host does.
Used by `make audit` (Lighthouse) and the Lighthouse test: an uncompressed localhost server
would cost points no reader's host would."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):  # as SimpleHTTPRequestHandler's, with text bodies compressed
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # redirect to the slash form
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404, "Not found")
            return None
        kind = self.guess_type(str(path))
        body = path.read_bytes()
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        self.send_response(200)
        self.send_header("Content-Type", kind)
        if wants_gzip and kind.startswith(COMPRESSIBLE):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve_gzip(folder: Path, port: int = 0) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1, gzip on; yields the origin. Stops on exit."""
    handler = functools.partial(GzipHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
