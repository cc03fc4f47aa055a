"""Login cost (issue 7): a whole ``Authenticator.login`` — username lookup, argon2id verification at
the production parameters, clearing the failure count, the audit row — against a fresh SQLite file
holding the demo accounts. Target: 100–500 ms per login on this machine (slow for a guesser, quick
for an operator). Prints the hash alone and the full login; last line ``{"login_ms": median}``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from commandcenter.accounts.authenticator import Authenticator
from commandcenter.accounts.demo_accounts import assign_demo_passwords, demo_password
from commandcenter.accounts.passwords import PasswordHashing
from commandcenter.demo.generate import load_demo_data
from commandcenter.persistence.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--logins", type=int, default=7)
    args = parser.parse_args()
    hashing = PasswordHashing()
    print(f"argon2id parameters: {hashing.parameters}")
    stored = hashing.hash("benchmark-password-1")
    verify_ms = []
    for _ in range(3):
        started = time.perf_counter()
        hashing.verify(stored, "benchmark-password-1")
        verify_ms.append((time.perf_counter() - started) * 1000)
    print(f"verify alone: median {statistics.median(verify_ms):.0f} ms")
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(f"sqlite:///{Path(folder) / 'login.sqlite'}")
        try:
            load_demo_data(store, scale=1)
            assign_demo_passwords(store, hashing)
            auth = Authenticator(store, hashing=hashing)
            login_ms = []
            for _ in range(args.logins):
                started = time.perf_counter()
                auth.login("operator1", demo_password("operator1"))
                login_ms.append((time.perf_counter() - started) * 1000)
        finally:
            store.close()
    median = statistics.median(login_ms)
    print(
        f"login: median {median:.0f} ms, min {min(login_ms):.0f}, max {max(login_ms):.0f} over {args.logins}"
    )
    print(json.dumps({"login_ms": round(median, 1)}))


if __name__ == "__main__":
    main()
