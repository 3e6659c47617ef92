#!/usr/bin/env python3
"""A webhook receiver for the crash test. It checks each request's Standard Webhooks signature with the
secret (in the environment variable WEBHOOK_SECRET), holds the request ANSWER_AFTER seconds, so that a
delivery is in flight most of the time, and answers 204: to every request, so that a bad signature shows
in the check rather than as retries. Before answering it writes one JSON line per request to OUT: when it
came, the event's id, type, article and occurredAt, whether it was valid (signed right, timestamped within
TOLERANCE of the receiver's clock, the body's id the header's), and whether the sender hung up while it was
held (the API was killed mid-delivery).

GET /in-flight answers how many requests it will hold at least HELD_AT_LEAST seconds more: the run script
waits for one before a kill, so that the kill comes mid-delivery.

Usage: WEBHOOK_SECRET=whsec_... receiver.py PORT OUT
"""
import base64
import hashlib
import hmac
import itertools
import json
import os
import select
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ANSWER_AFTER = 1.0  # seconds; the API gives a receiver 5
HELD_AT_LEAST = 0.5  # seconds: far more than the run script takes from asking to killing
TOLERANCE = 300  # seconds, as Standard Webhooks' libraries allow

key = base64.b64decode(os.environ["WEBHOOK_SECRET"].removeprefix("whsec_"))
lock = threading.Lock()
numbers = itertools.count()
answer_times = {}  # request number -> when it is answered, while held
out = None  # OUT, open while serving


def valid(headers, body, event, at):
    """Whether one of the request's signatures is the HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}`,
    the timestamp near the receiver's clock, and the body's id the header's."""
    message = f"{headers.get('webhook-id')}.{headers.get('webhook-timestamp')}.".encode() + body
    expected = "v1," + base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()
    signed = any(hmac.compare_digest(expected, given) for given in headers.get("webhook-signature", "").split())
    timestamp = headers.get("webhook-timestamp", "")
    return (signed and timestamp.isdigit() and abs(int(timestamp) - at) <= TOLERANCE
            and event["id"] == headers.get("webhook-id"))


def hung_up(connection):
    """Whether the sender closed the connection: all that can come on it while a request is held is its end."""
    if not select.select([connection], [], [], 0)[0]:
        return False
    try:
        return connection.recv(1, socket.MSG_PEEK) == b""
    except OSError:  # reset
        return True


class Receiver(BaseHTTPRequestHandler):

    def do_GET(self):
        if self.path != "/in-flight":
            self.send_error(404)
            return
        soon = time.time() + HELD_AT_LEAST
        with lock:
            body = str(sum(1 for at in answer_times.values() if at >= soon)).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        at = time.time()
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        number = next(numbers)
        with lock:
            answer_times[number] = at + ANSWER_AFTER
        time.sleep(ANSWER_AFTER)
        with lock:
            del answer_times[number]
        event = json.loads(body)
        record = {"at": at, "id": self.headers.get("webhook-id"), "type": event["type"],
                  "article": event["data"]["id"] if event["type"].startswith("article.") else None,
                  "occurredAt": event["occurredAt"],
                  "valid": valid(self.headers, body, event, at),
                  "hungUp": hung_up(self.connection)}
        with lock:
            out.write(json.dumps(record) + "\n")
            out.flush()
        if record["hungUp"]:
            self.close_connection = True  # nobody to answer
        else:
            self.send_response(204)
            self.end_headers()

    def log_message(self, *_):
        pass  # every request is in OUT


if __name__ == "__main__":
    port, path = int(sys.argv[1]), sys.argv[2]
    with open(path, "a") as out:
        ThreadingHTTPServer(("127.0.0.1", port), Receiver).serve_forever()
