"""Measures how many ballots one client address can cast in one survey: for SECONDS, THREADS
loops each get a voter token (solving the proof of work when the API asks one) and vote with it,
all from this machine's one address. Prints the answers counted by status. Bounded in time.

Usage: stuffing.py API_URL SURVEY_ID OPTION_ID SECONDS [THREADS]
"""
import collections
import json
import sys
import threading
import time
import urllib.error
import urllib.request

from voter_token import post, solve


def new_token(api: str) -> str:
    try:
        challenge = post(api + "/voters/challenges")
    except urllib.error.HTTPError as error:
        if error.code not in (404, 405):
            raise
        return post(api + "/voters")["token"]  # an API without proof of work
    solution = {key: challenge[key] for key in ("algorithm", "challenge", "salt", "signature")}
    solution["number"] = solve(challenge)
    return post(api + "/voters", solution)["token"]


def vote(api: str, survey: str, option: str, token: str) -> int:
    request = urllib.request.Request(f"{api}/surveys/{survey}/votes", data=json.dumps({"optionIds": [int(option)]}).encode(),
                                     method="POST", headers={"Content-Type": "application/json", "Voter-Token": token})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def main() -> None:
    api, survey, option, seconds = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3], float(sys.argv[4])
    threads = int(sys.argv[5]) if len(sys.argv) > 5 else 8
    deadline = time.monotonic() + seconds
    counts = collections.Counter()
    lock = threading.Lock()

    def loop() -> None:
        while time.monotonic() < deadline:
            try:
                status = vote(api, survey, option, new_token(api))
            except urllib.error.HTTPError as error:
                status = f"token {error.code}"
            with lock:
                counts[status] += 1
            if status == "token 429" or status == 429:
                time.sleep(0.05)

    workers = [threading.Thread(target=loop) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(json.dumps({"seconds": seconds, "answers": {str(key): value for key, value in counts.items()}}))


if __name__ == "__main__":
    main()
