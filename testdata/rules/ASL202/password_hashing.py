# Password hashes are slow on purpose (a work factor per call, about a
# quarter of a second at the defaults): hashing on the loop holds every
# other request for that long.
import asyncio

import bcrypt
from argon2 import PasswordHasher
from passlib.context import CryptContext
from pwdlib import PasswordHash

pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto")
password_hash = PasswordHash.recommended()


def verify_password(plain, hashed):
    return pwd_context.verify(plain, hashed)


async def login(form, user):
    if not verify_password(form.password, user.hashed):  # want: ASL201
        return None
    return user


async def register(form):
    hashed = pwd_context.hash(form.password)  # want: ASL202 "\(passlib\.context\.CryptContext\.hash\) blocks the event loop"
    salted = bcrypt.hashpw(form.password.encode(), bcrypt.gensalt())  # want: ASL202
    return hashed, salted


async def check_argon(hasher: PasswordHasher, stored, given):
    return hasher.verify(stored, given)  # want: ASL202


async def check_pwdlib(stored, given):
    return password_hash.verify(given, stored)  # want: ASL202


# Quiet: hashed in a worker thread, and other objects' hash/verify methods.
async def register_off_loop(form):
    return await asyncio.to_thread(pwd_context.hash, form.password)


async def other_verify(token, signer):
    signer.verify(token)
    return hash(token)
