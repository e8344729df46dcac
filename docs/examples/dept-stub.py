#!/usr/bin/env python3
"""A departmental system stub for docs/integration.md: takes POST /cases, stores each case once
(keyed by the YizhanEventId header, the idempotency key) and lists what it has at GET /cases.

    python3 docs/examples/dept-stub.py [PORT]     # default 9099
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

received = {}


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        if self.path != "/cases":
            self.send_error(404)
            return
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        event = json.loads(body)
        key = self.headers.get("YizhanEventId") or event.get("id")
        duplicate = key in received
        received.setdefault(key, event)
        print(("duplicate " if duplicate else "received ") + f"{event.get('event')} {event.get('caseNumber')} "
              f"{event.get('itemName')} ({key})", flush=True)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps({"accepted": key, "duplicate": duplicate}).encode())

    def do_GET(self):
        if self.path != "/cases":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.end_headers()
        self.wfile.write(json.dumps(list(received.values()), ensure_ascii=False).encode())

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9099
    print(f"departmental stub listening on http://localhost:{port}/cases", flush=True)
    ThreadingHTTPServer(("", port), Handler).serve_forever()
