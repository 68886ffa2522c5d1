"""Each ledger's signing key, kept in the user's data folder (never in the ledger nor in a package): a
package signed with it proves it comes from this ledger on this computer (DESIGN.md §9)."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.signatures import KEY_BYTES, KeyPair, new_key_pair

KEYS_FOLDER = "keys"


def key_path(data_dir: Path, ledger_id: str) -> Path:
    return data_dir / KEYS_FOLDER / f"{ledger_id}.key"


def ledger_key(data_dir: Path, ledger_id: str) -> KeyPair:
    """The key pair of ledger ``ledger_id``, made on first use; an existing one is never replaced, since
    the offices that pinned its public key would refuse the ledger's packages from then on."""
    path = key_path(data_dir, ledger_id)
    if not path.exists():
        _write_new(path, ledger_id)
    return _read(path, ledger_id)


def _write_new(path: Path, ledger_id: str) -> None:
    pair = new_key_pair()
    text = json.dumps(
        {"ledger_id": ledger_id, "private_key": pair.private_key.hex(), "public_key": pair.public_key.hex()},
        indent=1,
    )
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # 0o600: readable by this user alone where the file system has modes (the folder is per-user).
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        # A link never replaces: of two windows making the first key at once, one key is kept, whole.
        os.link(temporary, path)
    except FileExistsError:
        pass
    except OSError as error:
        raise BranchDeskError(
            "key.cannot_write", path=str(path), reason=error.strerror or str(error)
        ) from None
    finally:
        temporary.unlink(missing_ok=True)


def _read(path: Path, ledger_id: str) -> KeyPair:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        private_key = bytes.fromhex(stored["private_key"])
        if stored["ledger_id"] != ledger_id or len(private_key) != KEY_BYTES:
            raise ValueError(path)
        pair = KeyPair(private_key)
        if pair.public_key.hex() != stored["public_key"]:
            raise ValueError(path)
    except OSError as error:
        raise BranchDeskError(
            "key.cannot_read", path=str(path), reason=error.strerror or str(error)
        ) from None
    except (ValueError, KeyError, TypeError):
        raise BranchDeskError("key.damaged", path=str(path)) from None
    return pair
