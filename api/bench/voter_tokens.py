"""Writes voter tokens signed the way Bantin signs them (see org.bantin.voter.VoterTokens): a
random voter id and the issue time, with an HMAC-SHA256 of both. For the benchmark, which knows
the secret; a client without it gets tokens with voter_token.py.

Usage: voter_tokens.py SECRET COUNT > tokens.txt
"""
import base64
import hashlib
import hmac
import os
import sys
import time


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def main() -> None:
    secret, count = sys.argv[1].encode(), int(sys.argv[2])
    out = sys.stdout
    issued = int(time.time()).to_bytes(8, "big")
    for _ in range(count):
        payload = os.urandom(16) + issued
        signature = hmac.new(secret, payload, hashlib.sha256).digest()[:16]
        out.write(b64(payload) + "." + b64(signature) + "\n")


if __name__ == "__main__":
    main()
