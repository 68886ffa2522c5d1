"""The pictures a seed or full package carries (``media/<sha256>.jpg``, docs/packages.md), taken into the
photo store beside the receiving ledger.

Every picture of every package is read and checked against the hash that names it, also in a dry run, so
that a changed byte refuses the package before anything is kept. Those the ledger's photos use and its
store lacks are written into a folder inside the store as they are read, and moved into place only once
all have passed, as the last step before the import's transaction commits: a refused package leaves the
store and the ledger as they were. A crash between the move and the commit leaves pictures no row uses,
which harm nothing: a picture's file is named by its hash, and is used if the same photo comes again.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from branchdesk.domain.packages import media_hash
from branchdesk.exchange.package_files import Package
from branchdesk.storage import media
from branchdesk.storage import photos as photo_store
from branchdesk.storage.ledger import Ledger


def take_pictures(
    ledger: Ledger, packages: Sequence[Package], *, write: bool, folder: Path | None = None
) -> int:
    """Check the packages' pictures; with ``write``, put those the ledger's photos use and its store
    (``folder``, by default the one beside the ledger) lacks into it. Returns how many were put."""
    names = [(package, name) for package in packages for name in package.manifest.pictures]
    if not names:
        return 0
    store = media.media_folder(ledger.path) if folder is None else folder
    wanted = photo_store.pictures_among(ledger, [str(media_hash(name)) for _package, name in names])
    taken: set[str] = set()
    with media.Incoming(store) as incoming:
        for package, name in names:
            sha256 = str(media_hash(name))
            if (
                write
                and sha256 in wanted
                and sha256 not in taken
                and not media.present(store, sha256, wanted[sha256])
            ):
                incoming.add(sha256, package.picture(name))
                taken.add(sha256)
            else:
                for _chunk in package.picture(name):
                    pass
        return incoming.place()
