"""Each ledger signs its packages with a key pair of its own, kept in the user's data folder and never in the
ledger (DESIGN.md §9); people compare keys by a short fingerprint."""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from pathlib import Path

import pytest

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.signatures import fingerprint, new_key_pair, signed_by
from branchdesk.services.ledger_keys import key_path, ledger_key
from branchdesk.storage import identity as identity_store
from branchdesk.storage.ledger import Ledger

FINGERPRINT = re.compile(r"[0-9A-F]{4}(-[0-9A-F]{4}){3}")


def test_a_ledger_gets_one_key_in_the_data_folder_and_none_in_its_file(
    ledger: Ledger, ledger_path: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "用户数据"
    ledger_id = identity_store.identity(ledger).ledger_id
    pair = ledger_key(data_dir, ledger_id)
    assert ledger_key(data_dir, ledger_id).private_key == pair.private_key  # made once, then read
    stored = key_path(data_dir, ledger_id)
    assert stored.parent == data_dir / "keys"
    assert json.loads(stored.read_text(encoding="utf-8"))["public_key"] == pair.public_key.hex()
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(stored).st_mode) == 0o600
    ledger.close()
    file_bytes = ledger_path.read_bytes()
    assert pair.private_key not in file_bytes
    assert pair.private_key.hex().encode() not in file_bytes
    assert [path.name for path in stored.parent.iterdir()] == [stored.name]  # no temporary left behind

    other = ledger_key(data_dir, "0" * 8 + "-0000-4000-8000-" + "0" * 12)
    assert other.public_key != pair.public_key


def test_a_signature_holds_for_its_data_and_key_only() -> None:
    pair, stranger = new_key_pair(), new_key_pair()
    signature = pair.sign(b"manifest")
    assert signed_by(pair.public_key, b"manifest", signature)
    assert not signed_by(pair.public_key, b"manifesT", signature)
    assert not signed_by(stranger.public_key, b"manifest", signature)
    assert not signed_by(pair.public_key, b"manifest", signature[:-1])
    assert FINGERPRINT.fullmatch(fingerprint(pair.public_key))
    assert fingerprint(pair.public_key) != fingerprint(stranger.public_key)
    assert pair.private_key.hex() not in repr(pair)


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],
        lambda text: text.replace('"private_key": "', '"private_key": "00'),
        lambda text: text.replace("ledger_id", "ledger"),
        lambda text: "[]",
    ],
)
def test_a_damaged_key_file_is_refused_not_replaced(tmp_path: Path, damage: object) -> None:
    ledger_id = "12345678-1234-4123-8123-123456789abc"
    ledger_key(tmp_path, ledger_id)
    stored = key_path(tmp_path, ledger_id)
    broken = damage(stored.read_text(encoding="utf-8"))  # type: ignore[operator]
    stored.write_text(broken, encoding="utf-8")
    with pytest.raises(BranchDeskError) as caught:
        ledger_key(tmp_path, ledger_id)
    assert caught.value.code == "key.damaged"
    assert stored.read_text(encoding="utf-8") == broken


def test_a_key_file_of_another_ledger_is_refused(tmp_path: Path) -> None:
    first, second = "12345678-1234-4123-8123-123456789abc", "22345678-1234-4123-8123-123456789abc"
    ledger_key(tmp_path, first)
    key_path(tmp_path, second).write_bytes(key_path(tmp_path, first).read_bytes())
    with pytest.raises(BranchDeskError) as caught:
        ledger_key(tmp_path, second)
    assert caught.value.code == "key.damaged"
