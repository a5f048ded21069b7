"""Shift leaders' signing keys (Ed25519): created by the leader (or by the admin on
his behalf, the leader's password typed), the private half stored in the shared
database encrypted under the leader's password (scrypt → AES-256-GCM), so that it
follows him to any workstation; registered by the admin before its signatures
count; unlocked at log-in with the password and then kept in this process's
memory only; re-encrypted when the password changes, revoked when the password is
reset without the old one (nobody can decrypt it any more)."""

from __future__ import annotations

import base64
import hashlib
import os
import threading
from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import logs
from app.auth import CurrentUser, Permission, Role, require, verify_password
from app.clock import Clock
from app.db.engine import Database
from app.db.models import SigningKey, UserAccount
from app.errors import QT_TRANSLATE_NOOP, AuthenticationFailed, NotFound, ValidationError

log = logs.get("anchor")

_ENVELOPE = "scrypt-aesgcm/1"
#: scrypt cost: 2**15 × 8 × 128 bytes = 32 MiB and a few tens of ms per unlock
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 15, 8, 1


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key_id_of(public_raw: bytes) -> str:
    """A key's name: the first 16 hex digits of the SHA-256 of its public half."""
    return hashlib.sha256(public_raw).hexdigest()[:16]


def _kek(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))


def seal(private_raw: bytes, password: str, aad: bytes) -> str:
    """The private key encrypted under the password (`aad` binds it to its row)."""
    salt, nonce = os.urandom(16), os.urandom(12)
    ct = AESGCM(_kek(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)).encrypt(
        nonce, private_raw, aad)
    return "$".join((_ENVELOPE, str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), b64(salt),
                     b64(nonce), b64(ct)))


def unseal(envelope: str, password: str, aad: bytes) -> bytes:
    """The private key back; AuthenticationFailed for a wrong password."""
    try:
        kind, n, r, p, salt, nonce, ct = envelope.split("$")
        if kind != _ENVELOPE:
            raise ValueError(kind)
        return AESGCM(_kek(password, unb64(salt), int(n), int(r), int(p))).decrypt(
            unb64(nonce), unb64(ct), aad)
    except (InvalidTag, ValueError) as exc:
        raise AuthenticationFailed(QT_TRANSLATE_NOOP(
            "errors", "The password does not unlock the signing key.")) from exc


def _aad(key_id: str, user_id: int) -> bytes:
    return f"signing-key/{key_id}/{user_id}".encode()


def verify(public_hex: str, signature: str, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(
            unb64(signature), message)
        return True
    except (InvalidSignature, ValueError):
        return False


@dataclass(frozen=True)
class KeyInfo:
    """A signing key as the verifier sees it."""

    key_id: str
    user_id: int
    public_key: str
    created_at: datetime
    registered_at: datetime | None
    revoked_at: datetime | None
    holder: str = ""


@dataclass(frozen=True)
class Signer:
    """An unlocked key, in memory only."""

    user_id: int
    key_id: str
    public_key: str
    private: Ed25519PrivateKey

    def sign(self, message: bytes) -> str:
        return b64(self.private.sign(message))


class SigningKeys:
    """Creates, registers, unlocks and re-encrypts the leaders' keys."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self._lock = threading.Lock()
        self._unlocked: dict[int, Signer] = {}
        self._active: int | None = None

    # -- creation and registration -----------------------------------------------
    def create(self, actor: CurrentUser, user_id: int, password: str) -> KeyInfo:
        """A new key for a shift leader, encrypted under his password (which must be
        his account's). The admin may do it on his behalf with the leader's password
        typed. A key he had before is revoked; the new one counts once registered."""
        if actor.id != user_id:
            require(actor, Permission.ADMIN_USERS)
        private = Ed25519PrivateKey.generate()
        public_raw = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        key_id = key_id_of(public_raw)
        with self.db.write() as s:
            account = s.get(UserAccount, user_id)
            if account is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown user."))
            if Role.SHIFT_LEADER.value not in account.role_codes:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "Only a shift leader has a signing key; {user} is not one."),
                    user=account.full_name)
            if not verify_password(account.password_hash, password):
                raise AuthenticationFailed(QT_TRANSLATE_NOOP(
                    "errors", "The signing key is encrypted under its holder's own password; "
                              "the password typed is not {user}'s."), user=account.full_name)
            now = self.clock.now()
            for old in s.scalars(select(SigningKey).where(SigningKey.user_id == user_id,
                                                          SigningKey.revoked_at.is_(None))):
                old.revoked_at, old.revoked_reason = now, "replaced by a new key"
            row = SigningKey(key_id=key_id, user_id=user_id, public_key=public_raw.hex(),
                             private_key=seal(private.private_bytes_raw(), password,
                                              _aad(key_id, user_id)),
                             created_by=actor.id, created_at=now)
            s.add(row)
            s.flush()
            info = _info(row, account.full_name)
        log.info("signing key %s created for user %d by %s", key_id, user_id, actor.username)
        if actor.id == user_id:      # his own: unlocked from now on (the admin keeps none)
            self._keep(Signer(user_id, key_id, info.public_key, private))
        return info

    def register(self, actor: CurrentUser, key_id: str) -> KeyInfo:
        """The admin registers a leader's public key: from now on its signatures count."""
        require(actor, Permission.ADMIN_USERS)
        with self.db.write() as s:
            row = s.scalar(select(SigningKey).where(SigningKey.key_id == key_id))
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown signing key {key}."),
                               key=key_id)
            if row.user_id == actor.id:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "Another administrator must register your own signing key."))
            if row.revoked_at is not None:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "The signing key {key} is revoked."), key=key_id)
            if row.registered_at is None:
                row.registered_by, row.registered_at = actor.id, self.clock.now()
                s.flush()
            holder = s.scalar(select(UserAccount.full_name).where(
                UserAccount.id == row.user_id)) or ""
            log.info("signing key %s registered by %s", key_id, actor.username)
            return _info(row, holder)

    # -- unlocking ----------------------------------------------------------------
    def unlock(self, user_id: int, password: str) -> Signer | None:
        """At log-in: decrypt the user's key with his password and keep it in memory.
        None when he has no key; AuthenticationFailed for a wrong password."""
        with self.db.read() as s:
            row = self._current(s, user_id)
            if row is None:
                return None
            raw = unseal(row.private_key, password, _aad(row.key_id, user_id))
            signer = Signer(user_id, row.key_id, row.public_key,
                            Ed25519PrivateKey.from_private_bytes(raw))
        self._keep(signer)
        log.info("signing key %s unlocked for user %d", signer.key_id, user_id)
        return signer

    def unlock_at_login(self, user_id: int, password: str) -> None:
        """The log-in hook: a key that does not open is reported, not fatal."""
        try:
            self.unlock(user_id, password)
        except AuthenticationFailed:
            log.warning("the signing key of user %d does not open with his password", user_id)

    def lock(self, user_id: int | None = None) -> None:
        """Forget one user's unlocked key, or every key."""
        with self._lock:
            if user_id is None:
                self._unlocked.clear()
                self._active = None
            else:
                self._unlocked.pop(user_id, None)
                if self._active == user_id:
                    self._active = None

    def _keep(self, signer: Signer) -> None:
        with self._lock:
            self._unlocked[signer.user_id] = signer
            self._active = signer.user_id

    def signer(self, user_id: int | None = None) -> Signer | None:
        """The unlocked key of a user, or of the last one who unlocked his."""
        with self._lock:
            who = self._active if user_id is None else user_id
            return self._unlocked.get(who) if who is not None else None

    def ready_signer(self, user_id: int | None = None) -> Signer | None:
        """`signer`, if its key is still the user's and registered by the admin (only
        such signatures count; a key awaiting registration signs nothing yet)."""
        signer = self.signer(user_id)
        if signer is None:
            return None
        with self.db.read() as s:
            row = self._current(s, signer.user_id)
            if row is None or row.key_id != signer.key_id or row.registered_at is None:
                return None
        return signer

    # -- password change ----------------------------------------------------------
    def rewrap_in(self, s: Session, user_id: int, password: str) -> None:
        """The password-change hook (AccountService.set_password, same transaction):
        the unlocked key is encrypted under the new password; a key that is not
        unlocked here cannot be (the old password is not known) and is revoked."""
        row = self._current(s, user_id)
        if row is None:
            return
        signer = self.signer(user_id)
        if signer is not None and signer.key_id == row.key_id:
            row.private_key = seal(signer.private.private_bytes_raw(), password,
                                   _aad(row.key_id, user_id))
            log.info("signing key %s re-encrypted under the new password", row.key_id)
        else:
            row.revoked_at, row.revoked_reason = (self.clock.now(),
                                                  "password reset without the old one")
            log.warning("signing key %s revoked: password reset while it was locked",
                        row.key_id)
        s.flush()

    # -- reading ------------------------------------------------------------------
    @staticmethod
    def _current(s: Session, user_id: int) -> SigningKey | None:
        return s.scalar(select(SigningKey).where(
            SigningKey.user_id == user_id, SigningKey.revoked_at.is_(None))
            .order_by(SigningKey.id.desc()).limit(1))

    def current(self, user_id: int) -> KeyInfo | None:
        """The user's key in force (registered or not), if any."""
        with self.db.read() as s:
            row = self._current(s, user_id)
            return _info(row) if row is not None else None

    def all_keys(self) -> dict[str, KeyInfo]:
        with self.db.read() as s:
            return {row.key_id: _info(row, name) for row, name in s.execute(
                select(SigningKey, UserAccount.full_name).join(
                    UserAccount, UserAccount.id == SigningKey.user_id))}


def _info(row: SigningKey, holder: str = "") -> KeyInfo:
    return KeyInfo(row.key_id, row.user_id, row.public_key, row.created_at, row.registered_at,
                   row.revoked_at, holder)


__all__ = ["KeyInfo", "Signer", "SigningKeys", "b64", "key_id_of", "unb64", "verify"]
