"""Writes voter tokens signed the way Bantin signs them (see org.bantin.voter.VoterTokens).

Usage: voter_tokens.py SECRET COUNT > tokens.txt
"""
import base64
import hashlib
import hmac
import os
import sys


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def main() -> None:
    secret, count = sys.argv[1].encode(), int(sys.argv[2])
    out = sys.stdout
    for _ in range(count):
        voter = os.urandom(16)
        signature = hmac.new(secret, voter, hashlib.sha256).digest()[:16]
        out.write(b64(voter) + "." + b64(signature) + "\n")


if __name__ == "__main__":
    main()
