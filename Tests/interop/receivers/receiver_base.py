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


def _bound_socket(port):
    import socket

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(128)
    return sock


def serve_asgi(app, port=0):
    """Serves an ASGI app (FastAPI) with uvicorn on 127.0.0.1, printing the same `listening on` line."""
    import uvicorn

    sock = _bound_socket(port)
    print(f"listening on http://127.0.0.1:{sock.getsockname()[1]}/", flush=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


def serve_wsgi(app, port=0):
    """Serves a WSGI app (Flask, Django) with Werkzeug's threaded server on 127.0.0.1, printing the same
    `listening on` line."""
    import logging

    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", port, app, threaded=True)
    print(f"listening on http://127.0.0.1:{server.server_port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


def port_argument(position=2):
    return int(sys.argv[position]) if len(sys.argv) > position else 0
