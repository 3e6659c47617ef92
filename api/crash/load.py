#!/usr/bin/env python3
"""Readers voting and rating through Bantin while it crashes, recording what each was told.

Each client takes a new voter, gets it a token, casts its vote, rates one article, and takes the
next voter, until it is sent SIGTERM; then it finishes the voter in hand. A request that gets no
answer or a 5xx may or may not have been stored, so the client sends it again later, as a reader's
browser would; an "already voted" after such a failure means the first one was stored. Every
tenth voter sends its vote and rating once more after they were acknowledged, as a client whose
answer was lost would. Writes one JSON line per voter to OUT and one line per request to OUT.requests.

Usage: load.py API SURVEY OPTION,... SLUG,... OUT [CLIENTS]
"""
import base64
import http.client
import itertools
import json
import signal
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import voter_token  # noqa: E402 (the solver the benchmark uses)

RETRY_PAUSE = 0.2
GIVE_UP_AFTER = 60  # seconds after SIGTERM without an answer: the write stays ambiguous
TIMEOUT = 10
stopped_at = None


def stop(*_):
    global stopped_at
    stopped_at = time.time()


def stopped(after=0):
    return stopped_at is not None and time.time() > stopped_at + after


class Client:
    """One reader's browser (or the editor's): a keep-alive connection, opened anew after any failure. Sends its
    headers with every request, and notes each request's time, kind and status in requests when given."""

    def __init__(self, api, requests=None, headers=None):
        address = urlsplit(api)
        self.host, self.port, self.base = address.hostname, address.port, address.path
        self.requests = requests
        self.headers = {"Content-Type": "application/json", **(headers or {})}
        self.connection = None

    def send(self, kind, method, path, body=None, token=None):
        """(status, body) of the answer, or (None, reason) when none came."""
        headers = dict(self.headers)
        if token:
            headers["Voter-Token"] = token
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
            self.connection.request(method, self.base + path, json.dumps(body) if body is not None else None, headers)
            answer = self.connection.getresponse()
            status, text = answer.status, answer.read().decode()
        except (OSError, http.client.HTTPException) as e:
            if self.connection is not None:
                self.connection.close()
            self.connection = None
            status, text = None, type(e).__name__
        if self.requests is not None:
            self.requests.append((time.time(), kind, status))
        return status, text


def answered(status):
    return status is not None and status < 500


def token_of(client):
    """A token as a browser gets one: a proof-of-work challenge, its solution, then the token."""
    while not stopped(GIVE_UP_AFTER):
        status, text = client.send("challenge", "POST", "/voters/challenges")
        if status == 200:
            challenge = json.loads(text)
            solution = {key: challenge[key] for key in ("algorithm", "challenge", "salt", "signature")}
            solution["number"] = voter_token.solve(challenge)
            status, text = client.send("token", "POST", "/voters", solution)
            if status == 201:
                return json.loads(text)["token"]
        time.sleep(RETRY_PAUSE)
    return None


def vote(client, survey, option, token):
    """acknowledged, refused (a definitive 4xx, with its answer) or ambiguous, and every status seen."""
    statuses = []
    while True:
        status, text = client.send("vote", "POST", f"/surveys/{survey}/votes", {"optionIds": [option]}, token)
        statuses.append(status)
        if status == 201:
            return "acknowledged", statuses
        # An earlier attempt that got no answer was stored after all.
        if status == 409 and "already voted" in text and len(statuses) > 1:
            return "acknowledged", statuses
        if answered(status):
            return "refused " + text, statuses
        if stopped(GIVE_UP_AFTER):
            return "ambiguous", statuses
        time.sleep(RETRY_PAUSE)


def rate(client, slug, score, token):
    statuses = []
    while True:
        status, text = client.send("rating", "PUT", f"/articles/{slug}/rating", {"score": score}, token)
        statuses.append(status)
        if status == 200 and json.loads(text)["myScore"] == score:
            return "acknowledged", statuses
        if answered(status):
            return "refused " + text, statuses
        if stopped(GIVE_UP_AFTER):
            return "ambiguous", statuses
        time.sleep(RETRY_PAUSE)


def voter_id(token):
    """The voter id: the first 16 bytes of the token's signed part (the issue time follows)."""
    part = token.split(".")[0]
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))[:16].hex()


def main():
    api, survey, options, slugs, out = sys.argv[1:6]
    clients = int(sys.argv[6]) if len(sys.argv) > 6 else 16
    options, slugs = [int(o) for o in options.split(",")], slugs.split(",")
    numbers, lock, voters, requests, crashed = itertools.count(), threading.Lock(), [], [], []

    def work():
        client = Client(api, requests)
        while not stopped():
            n = next(numbers)
            token = token_of(client)
            if token is None:
                continue  # nothing was written for this voter
            record = {"voter": voter_id(token), "option": options[n % len(options)], "slug": slugs[n % len(slugs)],
                      "score": 1 + n * 7 % 5}
            record["vote"], record["voteStatuses"] = vote(client, survey, record["option"], token)
            record["rating"], record["ratingStatuses"] = rate(client, record["slug"], record["score"], token)
            if n % 10 == 0:
                record["voteAgain"], _ = client.send("vote", "POST", f"/surveys/{survey}/votes",
                                                     {"optionIds": [record["option"]]}, token)
                record["ratingAgain"], _ = client.send("rating", "PUT", f"/articles/{record['slug']}/rating",
                                                       {"score": record["score"]}, token)
            with lock:
                voters.append(record)

    def failed(args):
        crashed.append(args)
        threading.__excepthook__(args)

    signal.signal(signal.SIGTERM, stop)
    threading.excepthook = failed
    threads = [threading.Thread(target=work) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        while thread.is_alive():
            thread.join(0.1)  # a short wait, so that SIGTERM is handled at once
    with open(out, "w") as file:
        file.writelines(json.dumps(record) + "\n" for record in voters)
    with open(out + ".requests", "w") as file:
        file.writelines(f"{t:.3f}\t{kind}\t{status}\n" for t, kind, status in requests)
    if crashed:
        sys.exit(f"{len(crashed)} clients stopped on an error")


if __name__ == "__main__":
    main()
