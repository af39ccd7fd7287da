#!/usr/bin/env python3
"""Webhook receiver for scripts/bench-notifications.sh (not a test).

Verifies X-AstroBench-Signature exactly as docs/notifications.md shows (HMAC-SHA256 of the raw
body), keeps the first arrival of each event id, and appends one line per request to --out:
<event_id> <occurred_at> <arrival epoch seconds> <signature ok 1|0>
"""
import argparse
import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--secret", required=True)
parser.add_argument("--out", required=True)
args = parser.parse_args()
secret = args.secret.encode()
lock = threading.Lock()
out = open(args.out, "a", buffering=1, encoding="utf-8")


class Hook(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a production receiver would

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        arrived = time.time()
        expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
        ok = hmac.compare_digest(expected, self.headers.get("X-AstroBench-Signature", ""))
        event = json.loads(body)
        with lock:
            out.write(f"{self.headers['X-AstroBench-Delivery']} {event['occurred_at']} {arrived:.6f} {1 if ok else 0}\n")
        self.send_response(204 if ok else 401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *a):
        pass


ThreadingHTTPServer(("127.0.0.1", args.port), Hook).serve_forever()
