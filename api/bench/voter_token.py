"""Gets voter tokens from a running Bantin as a reader's browser does: a proof-of-work challenge
(POST /voters/challenges), its solution (the n with SHA-256(salt + n) = challenge), then the
token (POST /voters). Prints one token a line.

Usage: voter_token.py API_URL [COUNT]     e.g. voter_token.py http://127.0.0.1:8080/api/v1
"""
import hashlib
import json
import sys
import urllib.request


def post(url: str, body=None) -> dict:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def solve(challenge: dict) -> int:
    salt, target = challenge["salt"].encode(), challenge["challenge"]
    for number in range(challenge["maxnumber"] + 1):
        if hashlib.sha256(salt + str(number).encode()).hexdigest() == target:
            return number
    raise ValueError("no number up to maxnumber solves the challenge")


def token(api: str) -> str:
    challenge = post(api + "/voters/challenges")
    solution = {key: challenge[key] for key in ("algorithm", "challenge", "salt", "signature")}
    solution["number"] = solve(challenge)
    return post(api + "/voters", solution)["token"]


def main() -> None:
    api = sys.argv[1].rstrip("/")
    for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 1):
        print(token(api), flush=True)


if __name__ == "__main__":
    main()
