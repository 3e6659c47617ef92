#!/usr/bin/env python3
"""Checks the webhook deliveries of a crash test once the outbox has drained (every delivery in the
webhook's log finished; DRAINED_WITHIN seconds at most): every delivery succeeded; every event the log holds
reached the receiver (receiver.py) and was answered there at least once, and nothing else came; every request
was valid (signed right: receiver.py says what that takes); each article's events are those of the changes
the API acknowledged to the editor (editor.py), in that order, and one more for a change left unanswered,
which may have been made; and the events of one article arrived in the order they occurred, repeats
included. Repeats are allowed: delivery is at least once.

Usage: deliveries.py API ADMIN_TOKEN WEBHOOK RECEIVED CHANGE_FILES...
         prints one line of numbers; exits 1 naming every difference
"""
import itertools
import sys
import time
from collections import defaultdict
from datetime import datetime

from check import get, records
from editor import acknowledged

DRAINED_WITHIN = 90.0  # seconds after the last round
FINISHED = ("succeeded", "given_up")


def log(api, token, webhook):
    """Every delivery in the webhook's log; None when the API does not answer."""
    deliveries = []
    for page in itertools.count(1):
        status, answer = get(f"{api}/admin/webhooks/{webhook}/deliveries?page={page}&limit=100",
                             {"Authorization": f"Bearer {token}"})
        if status != 200:
            return None
        deliveries += answer["items"]
        if not answer["items"] or len(deliveries) >= answer["total"]:
            return deliveries


def drained(api, token, webhook):
    """The log once every delivery is finished (or as it is after DRAINED_WITHIN), and the seconds waited."""
    started = time.time()
    while True:
        deliveries = log(api, token, webhook)
        finished = deliveries is not None and all(delivery["status"] in FINISHED for delivery in deliveries)
        if finished or time.time() > started + DRAINED_WITHIN:
            return deliveries or [], time.time() - started
        time.sleep(0.5)


def unanswered(status):
    """No answer, or a 5xx: the change may or may not have been made."""
    return status is None or status >= 500


def occurred(request):
    return datetime.fromisoformat(request["occurredAt"].replace("Z", "+00:00"))


def check_log(deliveries, received, problems):
    """Nothing lost: every delivery succeeded, and its event was answered by the receiver; nothing else came."""
    for delivery in deliveries:
        if delivery["status"] != "succeeded":
            problems.append(f"delivery {delivery['id']} ({delivery['eventType']} {delivery['eventId']}) is "
                            f"{delivery['status']} after {delivery['attempts']} attempts: {delivery['error']}")
    logged = {delivery["eventId"]: delivery["eventType"] for delivery in deliveries}
    answered = {request["id"] for request in received if request["valid"] and not request["hungUp"]}
    for event in logged.keys() - answered:
        problems.append(f"event {event} ({logged[event]}) is in the log but the receiver never answered it")
    for event in {request["id"] for request in received} - logged.keys():
        problems.append(f"the receiver got event {event}, which the log does not hold")
    for request in received:
        if not request["valid"]:
            problems.append(f"a request of event {request['id']} ({request['type']}) was not valid "
                            "(its signature, timestamp or id)")


def check_changes(changes, received, problems):
    """Each article's events, in the order they occurred: its acknowledged changes', then perhaps its unanswered
    one's. Answers how many unanswered changes were made (their event came)."""
    events = {}  # per article, its events by id
    for request in received:
        if request["article"] is not None:
            events.setdefault(request["article"], {})[request["id"]] = request
    by_article = defaultdict(list)
    for change in changes:
        if not acknowledged(change["status"]) and not unanswered(change["status"]):
            problems.append(f"article {change['article']}: {change['change']} was answered {change['status']}")
        by_article[change["article"]].append(change)
    for article in events.keys() - by_article.keys():
        problems.append(f"events of article {article}, which the editor did not change: {list(events[article])}")
    made_unanswered = 0
    for article, its_changes in by_article.items():
        if article is None:
            continue  # drafts that may or may not exist: no event tells of a draft
        expected = [change["event"] for change in its_changes
                    if change["event"] and acknowledged(change["status"])]
        last = its_changes[-1]  # the editor leaves an article after a change left unanswered
        maybe = [last["event"]] if last["event"] and unanswered(last["status"]) else []
        got = [request["type"] for request in sorted(events.get(article, {}).values(), key=occurred)]
        if got not in (expected, expected + maybe):
            problems.append(f"article {article}: events {got}; acknowledged changes {expected}, unanswered {maybe}")
        made_unanswered += bool(maybe) and got == expected + maybe
    return made_unanswered


def check_order(received, problems):
    """Events of one article arrive in the order they occurred: a later one waits until the earlier has succeeded."""
    arrivals = defaultdict(list)
    for request in sorted(received, key=lambda request: request["at"]):
        if request["article"] is not None:
            arrivals[request["article"]].append(request)
    for article, requests in arrivals.items():
        if any(occurred(later) < occurred(earlier) for earlier, later in zip(requests, requests[1:])):
            problems.append(f"article {article}: events arrived out of order: "
                            f"{[(request['type'], request['occurredAt']) for request in requests]}")


def summary(changes, made_unanswered, deliveries, received, waited):
    statuses = [change["status"] for change in changes if change["event"]]
    repeats = len(received) - len({request["id"] for request in received})
    cut = sum(1 for request in received if request["hungUp"])
    return (f"{sum(map(acknowledged, statuses))} editor's changes acknowledged, {sum(map(unanswered, statuses))} "
            f"unanswered ({made_unanswered} of them made); {len(deliveries)} events delivered (a ping included) in "
            f"{len(received)} requests: {repeats} repeats, {cut} cut off by an API kill; the outbox drained "
            f"{waited:.1f} s after the last round")


def main():
    api, token, webhook, received_path, *change_files = sys.argv[1:]
    deliveries, waited = drained(api, token, webhook)
    received = records(received_path)
    changes = [change for path in change_files for change in records(path)]
    problems = []
    check_log(deliveries, received, problems)
    made_unanswered = check_changes(changes, received, problems)
    check_order(received, problems)
    if problems:
        print(f"webhooks: {len(problems)} differences:")
        for problem in problems[:50]:
            print("  " + problem)
        sys.exit(1)
    print(f"webhooks: {summary(changes, made_unanswered, deliveries, received, waited)}; every acknowledged "
          "change's event received at least once, valid, in order")


if __name__ == "__main__":
    main()
