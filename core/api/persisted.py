"""Persisted documents: a deployment may accept only the GraphQL documents it knows (an
allow-list), for example the web console's and those of its own integrations.

``ACCREDIT_ALLOWED_DOCUMENTS`` names folders of ``.graphql`` files, comma-separated (``console``:
the web console's own, as built into the package); each file's exact text is one allowed document,
recognised by its SHA-256. A request whose ``query`` is not one
of them is refused ``DOCUMENT_NOT_ALLOWED`` before it is parsed. Unset, any document is accepted
(and the other guards still apply).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

DOCUMENT_NOT_ALLOWED = "DOCUMENT_NOT_ALLOWED"
CONSOLE_DOCUMENTS = Path(__file__).with_name("console_assets") / "documents"


def digest(query: str) -> str:
    return hashlib.sha256(query.encode("utf-8", "surrogatepass")).hexdigest()


def allowed_documents(setting: str) -> frozenset[str] | None:
    """The digests of every document in the folders ``setting`` names; None when it names none.
    A folder that is missing or holds no document is a configuration error, said at start-up."""
    folders = [
        CONSOLE_DOCUMENTS if part.strip() == "console" else Path(part.strip())
        for part in setting.split(",")
        if part.strip()
    ]
    if not folders:
        return None
    digests: set[str] = set()
    for folder in folders:
        files = sorted(folder.glob("*.graphql")) if folder.is_dir() else []
        if not files:
            raise ValueError(
                f"ACCREDIT_ALLOWED_DOCUMENTS: {folder} is not a folder of .graphql files"
            )
        digests.update(digest(path.read_text(encoding="utf-8")) for path in files)
    return frozenset(digests)
