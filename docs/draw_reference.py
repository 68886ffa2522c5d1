"""Re-run a BranchDesk draw (algorithm version 1, docs/draw.md) from its seed and candidates alone.

    python draw_reference.py < draw.json

draw.json: "seed", "candidates" {"organ": [[uuid, tier], ...], "grassroots": [...]} (tier "strong",
"average", "weak" or null) and optionally "swaps" [[organ_uuid, organ_uuid], ...] (hand swaps, in order),
as `branchdesk-cli draw LEDGER --region R --seed S --json` prints or any SQLite tool reads from the ledger.
Prints the pairs, leftovers and both hashes as JSON. Python 3.8 or later, standard library only.
"""

import hashlib
import itertools
import json
import sys

ORGAN_TIERS = ["strong", "average", "weak", None]  # step 5: the organ side strong first,
GRASSROOTS_TIERS = ["weak", "average", "strong", None]  # the grassroots side weak first


def sha256_of_json(value):  # step 6: compact JSON, SHA-256 in hex
    return hashlib.sha256(json.dumps(value, separators=(",", ":")).encode("utf-8")).hexdigest()


def rerun(seed, candidates, swaps):
    counter = itertools.count()  # step 2: one counter across the whole draw, from 0

    def below(n):  # steps 2 and 3: SHA-256("<seed>:<c>"), first 8 bytes, rejection sampling
        while True:
            digest = hashlib.sha256(f"{seed}:{next(counter)}".encode()).digest()
            if (value := int.from_bytes(digest[:8], "big")) < 2**64 - 2**64 % n:
                return value % n

    def ordered(side, tiers):
        order = []
        for tier in tiers:
            group = sorted(uuid for uuid, t in candidates[side] if t == tier)  # step 1
            for i in range(len(group) - 1, 0, -1):  # step 4: Fisher–Yates from the last position down
                j = below(i + 1)
                group[i], group[j] = group[j], group[i]
            order += group
        return order

    organs, grassroots = ordered("organ", ORGAN_TIERS), ordered("grassroots", GRASSROOTS_TIERS)
    n = min(len(organs), len(grassroots))
    pairs = [[organs[i], grassroots[i]] for i in range(n)]
    for a, b in swaps:  # a hand swap exchanges the grassroots partners of two organ branches
        i, j = organs.index(a), organs.index(b)
        pairs[i][1], pairs[j][1] = pairs[j][1], pairs[i][1]
    return {
        "algorithm_version": 1,
        "input_hash": sha256_of_json({side: sorted(candidates[side]) for side in ("organ", "grassroots")}),
        "result_hash": sha256_of_json(pairs),
        "pairs": pairs,
        "leftovers": {"organ": organs[n:], "grassroots": grassroots[n:]},
    }


if __name__ == "__main__":
    draw = json.loads(sys.stdin.buffer.read())  # bytes: UTF-8 whatever the console's code page
    print(json.dumps(rerun(draw["seed"], draw["candidates"], draw.get("swaps", [])), indent=1))
