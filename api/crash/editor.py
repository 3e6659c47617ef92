#!/usr/bin/env python3
"""An editor working through Bantin's admin API while it crashes, recording what the API answered to each
change; each change to what readers see emits a webhook event in its transaction.

The editor creates a draft, then takes it through LIFE, one change every PAUSE seconds: published, edited
and published again, unpublished, published, deleted. A change that gets no answer or a 5xx may or may not
have been made, so the article's state is unknown from then on: the editor leaves it for a new one, and the
events expected of each article follow from the answers alone. It never sends a change again. On SIGTERM it
stops after the change in hand. Writes one JSON line per request to OUT: the article (null for a create
that failed), the change, the event it emits when made (null for none), and the status (null without an answer).

Usage: editor.py API ADMIN_TOKEN CATEGORY NAME OUT     (NAME tells this editor's article titles apart)
"""
import itertools
import json
import signal
import sys
import time

from load import Client, stop, stopped

PAUSE = 0.2  # seconds between changes
# (change, method, path after the article's, body, the event it emits)
LIFE = (
    ("publish", "POST", "/publish", None, "article.published"),
    ("edit", "PATCH", "", {"summary": "Đã cập nhật."}, None),  # saved beside the live version, as pending
    ("publish", "POST", "/publish", None, "article.updated"),  # the pending version goes live
    ("unpublish", "POST", "/unpublish", None, "article.unpublished"),
    ("publish", "POST", "/publish", None, "article.published"),
    ("delete", "DELETE", "", None, "article.deleted"),
)


def acknowledged(status):
    return status is not None and 200 <= status < 300


def live_through(client, article, changes):
    """Takes the article through LIFE, as far as the answers allow."""
    for change, method, path, body, event in LIFE:
        time.sleep(PAUSE)
        if stopped():
            return
        status, _ = client.send(change, method, f"/admin/articles/{article}{path}", body)
        changes.append({"article": article, "change": change, "event": event, "status": status})
        if not acknowledged(status):
            return  # its state is unknown now (or unexpected: the check names it)


def main():
    api, token, category, name, out = sys.argv[1:6]
    client = Client(api, headers={"Authorization": f"Bearer {token}"})
    changes = []
    signal.signal(signal.SIGTERM, stop)
    for n in itertools.count(1):
        if stopped():
            break
        draft = {"title": f"Thông cáo báo chí {name}.{n}", "category": category, "body": "<p>Nội dung.</p>"}
        status, text = client.send("create", "POST", "/admin/articles", draft)
        article = json.loads(text)["id"] if status == 201 else None
        changes.append({"article": article, "change": "create", "event": None, "status": status})
        if article is None:
            time.sleep(PAUSE)
        else:
            live_through(client, article, changes)
    with open(out, "w") as file:
        file.writelines(json.dumps(change) + "\n" for change in changes)


if __name__ == "__main__":
    main()
