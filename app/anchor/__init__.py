"""The duty log's anchor outside the database (issue 11 item 3,
docs/security-anchor.md): shift leaders' Ed25519 signing keys (`keys`), signed
checkpoints and the desks' witnesses of each other's heads (`service`), the
workstation's own store of the signed heads it has seen (`store`)."""

from app.anchor.keys import KeyInfo, Signer, SigningKeys
from app.anchor.messages import SignedHead, handover_message, handover_payload
from app.anchor.service import DEFAULT_EVERY_N, REASONS, Anchor
from app.anchor.store import LocalHeadStore

__all__ = ["DEFAULT_EVERY_N", "REASONS", "Anchor", "KeyInfo", "LocalHeadStore", "SignedHead",
           "Signer", "SigningKeys", "handover_message", "handover_payload"]
