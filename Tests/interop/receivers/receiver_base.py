"""Shared plumbing for the interop receivers: a threaded HTTP/1.1 server on 127.0.0.1 (port 0 by default)
that prints `listening on http://127.0.0.1:PORT/` as its first stdout line, reads each body as raw bytes and
hands it to a verify function, and remembers delivery ids so a replay is acknowledged without processing."""
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Rejection(Exception):
    """Raised by a verify function: the status to answer and why."""

    def __init__(self, status, reason):
        super().__init__(reason)
        self.status = status
        self.reason = reason


def serve(verify, port=0):
    """verify(body: bytes, headers: dict[str, str]) -> delivery id (str or None); raises Rejection."""
    seen = set()
    lock = threading.Lock()
    counts = {"processed": 0, "duplicates": 0}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            headers = {name: value for name, value in self.headers.items()}
            try:
                delivery_id = verify(body, headers)
            except Rejection as rejection:
                return self.answer(rejection.status, rejection.reason)
            except Exception as error:  # a bug in the receiver: say so rather than drop the connection
                sys.stderr.write(f"receiver: unexpected {type(error).__name__}: {error}\n")
                return self.answer(500, f"unexpected {type(error).__name__}")
            with lock:
                duplicate = delivery_id is not None and delivery_id in seen
                if delivery_id is not None:
                    seen.add(delivery_id)
                counts["duplicates" if duplicate else "processed"] += 1
            self.answer(204 if not duplicate else 200, "duplicate" if duplicate else "")

        def answer(self, status, text):
            data = text.encode()
            self.send_response(status)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format, *args):
            sys.stderr.write("receiver: " + (format % args) + "\n")

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    print(f"listening on http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        sys.stderr.write(f"receiver: {counts['processed']} processed, {counts['duplicates']} duplicates\n")
