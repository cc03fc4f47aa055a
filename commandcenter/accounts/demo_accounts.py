"""The demo's login accounts: every demo user's password is ``demo-<username>`` (e.g. operator1 →
``demo-operator1``), documented in README.md.

The demo data generator leaves ``password_hash`` empty; ``assign_demo_passwords`` fills it from
hashes computed once with the current argon2 parameters (23 hashes would otherwise cost ~4 s of CPU
at every demo reset). A user not in the table (larger ``--scale``) is hashed on the spot; a future
change of parameters is absorbed by rehash-on-login. ``demo_principal`` is the demo's auto-login:
the demo opens as the duty operator without a prompt.
"""

from __future__ import annotations

from commandcenter.accounts.authenticator import principal_of
from commandcenter.accounts.passwords import PasswordHashing
from commandcenter.accounts.principal import Principal
from commandcenter.persistence.accounts import users as account_queries
from commandcenter.persistence.store import Store

DEMO_PASSWORD_PREFIX = "demo-"
DEMO_DUTY_OPERATOR = "operator1"
_PARAMETERS = "$argon2id$v=19$m=65536,t=3,p=1$"
# salt$digest of argon2id("demo-" + username) with _PARAMETERS
_PRECOMPUTED = {
    "admin": "+P1XUrQyA7TYoPKjuMR9uw$aTGMsJ1/I//mlFiqPT6zgLneH/2m8paIoaOiI/h71EQ",
    "operator1": "dgo/jREe6EpIgpX5bu7rOw$Ai24g8ZxA4Rlh0tV623q5RtrV3sKvff/YeP5OgpFTs8",
    "operator2": "6ec+5rcXlgjQmBH5sCIFwA$TVN1RrhbcNe9Mei3AXBZjJPO+l7B4/HfBX8a+PqzMMI",
    "supervisor": "HzGf1v0BQ5BsFZGzIwb0mg$/bVaUTa7NVnurtQrJkbDXwm1U1f6VQT9gS0CZlLEGhc",
    "leader": "X871xOtmQnIHO/OAXxjyLQ$XE4C2HFeOyj+qL+u36sDnuz3+RSnhE1w2fQolCKAhhI",
    "office410103001": "C2cwnqW3MQJcKEAejIJEDQ$Ps4QRqd2nh+exvMzehCcMohocbCS3jt6/GIGcyLtTO4",
    "office410103002": "llC4rFFYCYPRKBFeeKeesg$N6kBXVb7C1eL68dlF1Pu8DCuCWMyxReYKifAqALPtXM",
    "office410103003": "HcOj3NXuPXtfTMrPeNEpWQ$k+AkpIIiA60ipGHVrg6sVqwUmcGQtesJ/j3wnGWymbs",
    "office410103004": "AoMEVVSkTMjLAUeLwT1VDQ$scqxDLouLCfUSAquWNIcaUIhLsaKWKF7BIgbs455ruI",
    "office410103005": "XXiqeHfJv9BEH/bDTuGPlg$wJZ2Akt9qfo/jRXTYewGoRWxL2AmccpSUC1110amRxA",
    "office410103006": "v3FE6ebBoke7PS6jJMY4yA$SeGtgz4ZddchyptEQsf8IDZRWhYnNgC3o68dyD2SPJA",
    "office410103007": "3OIK2Z8FRL4XrfZlECviaQ$3rGJZRLfeeqPT5IpQoGfj8/Z8KLRrIHEEUQO5TbamGk",
    "office410103008": "w1nNMqEXG+ta5HlC3mAEEw$LifuiU64POHDFla58Z46uGFvz3NiaxqNqm4dTRTTapY",
    "office410103009": "gk2MGXpK+2GAbhp/9rpO5Q$kXAEzAv67fLWfYp82MOrgT+TXB1Z4m3yLuOeu4KDFSM",
    "office410103010": "OkpnDs7e6dYXs54yPULpjw$NZh66HcZyvGNMOH3u7XDPIo3pU116g0vO3kanK76rJI",
    "office410103011": "k/PckNNrQPPQ4m1muUSXYg$s7pQcbl45L5Fye8MESGAjxxzZUOVNTv9CLSnxrbR9lY",
    "office410103012": "NqW+2vzyM2Fl2jk+k99irg$rDts+6k1NKwAoGC9VG07CQBg3sQq8hm0uRqG/rUyKwk",
    "office410103013": "wsuViV4mumGT+gfdAZUefg$viOD+kVu/UrOd8NAmdZZidSq16RCpF38dB0/0y2c/q0",
    "office410103014": "lQk2Gb+UYmB9og75O9Pfpw$HfHSgC6uulbjNIZYDXn7uh6A8K/krywRy5EhVRdgHFo",
    "office410103015": "ZAoGRd89C/E7M5JmO3DiaA$8hKi6oYwzLCrr3PnWO6qDvFGuun86ihux82lpjkFxM0",
    "office410103016": "QRbP/Q4z0/UVG/lKVeKH4w$zpd+TI4we3RjZ9/qzYT6eoZvw4oXSAl4zD249P24y0s",
    "office410103100": "ROayFXhtT6ihhuVYW6PC9A$JUBgY6przUV9IDyYdAW1qku1pvcpibPgAque1T7OBo0",
    "office410103400": "EyjDkS5eRtf6f8MUoBgQ8Q$9ucjYkOFCFSpGG/V2vzAvkgbBkiInJJak4WIkSgBsxw",
}


def demo_password(username: str) -> str:
    return DEMO_PASSWORD_PREFIX + username


def assign_demo_passwords(store: Store, hashing: PasswordHashing | None = None) -> int:
    """Give every user without a password their demo password; returns how many were set."""
    hashing = hashing or PasswordHashing()
    count = 0
    for account in account_queries.list_accounts(store):
        if account.password_hash:
            continue
        known = _PRECOMPUTED.get(account.username)
        stored = _PARAMETERS + known if known else hashing.hash(demo_password(account.username))
        account_queries.set_password_hash(store, account.id, stored, must_change=False, now=None)
        count += 1
    return count


def demo_principal(store: Store) -> Principal | None:
    """The duty operator the demo signs in as (None when the database has no such user)."""
    account = account_queries.find_account(store, DEMO_DUTY_OPERATOR)
    return None if account is None else principal_of(account)
