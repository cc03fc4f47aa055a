"""Password hashing (argon2id) and the password policy.

Cost is tuned on the deployment's class of machine so one verification takes about 150–200 ms on the
2-core build host (``bench/login.py`` measures a whole login; 100–500 ms is the target): slow enough
that an offline guesser gets a few guesses per second per core, fast enough that an operator does
not wait. 64 MiB memory makes GPU guessing expensive. When the parameters change, a successful login
rehashes the stored hash with the new ones (``needs_rehash``).
"""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from commandcenter.accounts.errors import PasswordPolicyError


@dataclass(frozen=True)
class HashParameters:
    time_cost: int = 3
    memory_kib: int = 65_536
    parallelism: int = 1


DEFAULT_PARAMETERS = HashParameters()


class PasswordHashing:
    def __init__(self, parameters: HashParameters = DEFAULT_PARAMETERS) -> None:
        self.parameters = parameters
        self._hasher = PasswordHasher(
            time_cost=parameters.time_cost,
            memory_cost=parameters.memory_kib,
            parallelism=parameters.parallelism,
            type=Type.ID,
        )

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, stored_hash: str | None, password: str) -> bool:
        """False for a wrong password or an unusable stored hash (never raises for those)."""
        if not stored_hash:
            return False
        try:
            return self._hasher.verify(stored_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored_hash: str) -> bool:
        try:
            return self._hasher.check_needs_rehash(stored_hash)
        except InvalidHashError:
            return True


@dataclass(frozen=True)
class PasswordPolicy:
    min_length: int = 10
    max_length: int = 128  # argon2 hashes anything, but a megabyte "password" is an attack, not a secret
    min_classes: int = 2  # of: letters, digits, other characters

    def check(self, password: str, username: str) -> None:
        """Raise ``PasswordPolicyError`` naming the first rule the password breaks."""
        if len(password) < self.min_length:
            raise PasswordPolicyError(
                f"密码至少 {self.min_length} 位 / the password needs at least {self.min_length} characters"
            )
        if len(password) > self.max_length:
            raise PasswordPolicyError(f"密码最多 {self.max_length} 位 / at most {self.max_length} characters")
        classes = (
            any(c.isalpha() for c in password)
            + any(c.isdigit() for c in password)
            + any(not c.isalnum() for c in password)
        )
        if classes < self.min_classes:
            raise PasswordPolicyError(
                "密码须包含字母、数字、符号中的至少两类 / use at least two of letters, digits and symbols"
            )
        if username and username.lower() in password.lower():
            raise PasswordPolicyError("密码不能包含用户名 / the password must not contain the username")
