#!/usr/bin/env python3
"""custos-recover.py: rebuild a Custos wallet from its shares, without Custos.

Follows docs/share-format.md (share envelope v1, 39-word paper form, QR text, sealed file v1),
then BIP39 (24-word mnemonic, seed) and BIP32 (master key fingerprint). Python 3.8+, standard
library only; RIPEMD-160, secp256k1 and XChaCha20-Poly1305 are written out below because
hashlib may lack them. Usage and safety: docs/recovery.md.

  python3 custos-recover.py share1.txt share2.txt share3.cshare
  python3 custos-recover.py --passphrase-file pass3.txt share1.txt share2.txt share3.cshare

Exit status: 0 the mnemonic was printed; 1 refused (the reason is printed); 2 usage error.
Not constant-time and Python cannot wipe memory: run it only on an air-gapped machine.
"""
import argparse, base64, binascii, getpass, hashlib, hmac, os, re, struct, sys, unicodedata

WORDLIST_SHA256 = "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda"  # BIP39 english.txt
MASK = 0xFFFFFFFF

class Refused(Exception):
    """A share, or the wallet it rebuilds, is not acceptable: exit status 1."""

def rotl(v, c):
    return ((v << c) & MASK) | (v >> (32 - c))

# --- XChaCha20-Poly1305 (RFC 8439 sections 2.3, 2.5, 2.8; draft-irtf-cfrg-xchacha-03) -----------
SIGMA = struct.unpack("<4I", b"expand 32-byte k")

def quarter_round(s, a, b, c, d):
    s[a] = (s[a] + s[b]) & MASK; s[d] = rotl(s[d] ^ s[a], 16)
    s[c] = (s[c] + s[d]) & MASK; s[b] = rotl(s[b] ^ s[c], 12)
    s[a] = (s[a] + s[b]) & MASK; s[d] = rotl(s[d] ^ s[a], 8)
    s[c] = (s[c] + s[d]) & MASK; s[b] = rotl(s[b] ^ s[c], 7)

def chacha_rounds(state):
    s = list(state)
    for _ in range(10):  # 20 rounds: a column round and a diagonal round, ten times
        quarter_round(s, 0, 4, 8, 12); quarter_round(s, 1, 5, 9, 13)
        quarter_round(s, 2, 6, 10, 14); quarter_round(s, 3, 7, 11, 15)
        quarter_round(s, 0, 5, 10, 15); quarter_round(s, 1, 6, 11, 12)
        quarter_round(s, 2, 7, 8, 13); quarter_round(s, 3, 4, 9, 14)
    return s

def hchacha20(key, nonce16):
    """Subkey from a 32-byte key and the first 16 nonce bytes: words 0-3 and 12-15, no feed-forward."""
    s = chacha_rounds(SIGMA + struct.unpack("<8I", key) + struct.unpack("<4I", nonce16))
    return struct.pack("<8I", *(s[0:4] + s[12:16]))

def chacha20_block(key, counter, nonce12):
    state = SIGMA + struct.unpack("<8I", key) + (counter,) + struct.unpack("<3I", nonce12)
    return struct.pack("<16I", *((a + b) & MASK for a, b in zip(chacha_rounds(state), state)))

def chacha20_xor(key, counter, nonce12, data):
    out = bytearray()
    for i in range(0, len(data), 64):
        block = chacha20_block(key, counter + i // 64, nonce12)
        out += bytes(a ^ b for a, b in zip(data[i:i + 64], block))
    return out

def poly1305(key32, msg):
    r = int.from_bytes(key32[:16], "little") & 0x0FFFFFFC0FFFFFFC0FFFFFFC0FFFFFFF
    s = int.from_bytes(key32[16:], "little")
    acc, p = 0, (1 << 130) - 5
    for i in range(0, len(msg), 16):
        acc = (acc + int.from_bytes(msg[i:i + 16] + b"\x01", "little")) * r % p
    return ((acc + s) & ((1 << 128) - 1)).to_bytes(16, "little")

def xchacha20poly1305_open(key, nonce24, sealed, aad):
    """Plaintext, or None when the tag does not verify (checked before anything is decrypted)."""
    subkey, nonce12 = hchacha20(key, nonce24[:16]), b"\0\0\0\0" + nonce24[16:]
    ciphertext, tag = sealed[:-16], sealed[-16:]
    pad = lambda b: b"\0" * (-len(b) % 16)
    mac_data = aad + pad(aad) + ciphertext + pad(ciphertext) + struct.pack("<QQ", len(aad), len(ciphertext))
    if not hmac.compare_digest(poly1305(chacha20_block(subkey, 0, nonce12)[:32], mac_data), tag):
        return None
    return chacha20_xor(subkey, 1, nonce12, ciphertext)

# --- RIPEMD-160 (Dobbertin, Bosselaers, Preneel 1996), for HASH160 --------------------------------
def nibbles(*rows):
    return [[int(c, 16) for c in row] for row in rows]  # each hex digit is one table entry

# Message word order (R) and rotation amounts (S) of the left and right lines, one row per round.
R_LEFT = nibbles("0123456789abcdef", "74d1a6f3c0952eb8", "3ae49f812706db5c", "19ba08c4d37fe562", "40597c2ae138b6fd")
R_RIGHT = nibbles("5e7092b4d6f81a3c", "6b370d5aef8c4912", "f5137e69b8c2a04d", "86413bf05c2d97ae", "cfa4158762de039b")
S_LEFT = nibbles("befc5879bdef6798", "768db97f7cf9b7dc", "bd67e9dfe8d65c75", "bcefef989e56865c", "9f5b68dc5cdeb856")
S_RIGHT = nibbles("899bdff5778beec6", "9df7c89b77c76fdb", "97fb866ecd5edd75", "f58bee6e69c9c5f8", "85c9c5e68d65fdbb")
K_LEFT = [0x00000000, 0x5A827999, 0x6ED9EBA1, 0x8F1BBCDC, 0xA953FD4E]
K_RIGHT = [0x50A28BE6, 0x5C4DD124, 0x6D703EF3, 0x7A6D76E9, 0x00000000]
F = [lambda x, y, z: x ^ y ^ z, lambda x, y, z: (x & y) | (~x & z), lambda x, y, z: (x | ~y) ^ z,
     lambda x, y, z: (x & z) | (y & ~z), lambda x, y, z: x ^ (y | ~z)]

def ripemd160(data):
    h = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]
    msg = data + b"\x80" + b"\0" * ((55 - len(data)) % 64) + struct.pack("<Q", 8 * len(data))
    for off in range(0, len(msg), 64):
        x = struct.unpack("<16I", msg[off:off + 64])
        al, bl, cl, dl, el = h
        ar, br, cr, dr, er = h
        for j in range(5):  # five rounds of 16 steps on two parallel lines
            for i in range(16):
                t = rotl((al + (F[j](bl, cl, dl) & MASK) + x[R_LEFT[j][i]] + K_LEFT[j]) & MASK, S_LEFT[j][i])
                al, el, dl, cl, bl = el, dl, rotl(cl, 10), bl, (t + el) & MASK
                t = rotl((ar + (F[4 - j](br, cr, dr) & MASK) + x[R_RIGHT[j][i]] + K_RIGHT[j]) & MASK, S_RIGHT[j][i])
                ar, er, dr, cr, br = er, dr, rotl(cr, 10), br, (t + er) & MASK
        h = [(h[1] + cl + dr) & MASK, (h[2] + dl + er) & MASK, (h[3] + el + ar) & MASK,
             (h[4] + al + br) & MASK, (h[0] + bl + cr) & MASK]
    return struct.pack("<5I", *h)

# --- secp256k1 (SEC 2), affine coordinates: only k*G is needed ----------------------------------
P = 2**256 - 2**32 - 977
N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
G = (0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798,
     0x483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8)

def point_add(a, b):
    if a is None or b is None:
        return a or b
    if a[0] == b[0] and (a[1] + b[1]) % P == 0:
        return None  # a + (-a) is the point at infinity
    if a == b:
        lam = 3 * a[0] * a[0] * pow(2 * a[1], -1, P)
    else:
        lam = (b[1] - a[1]) * pow(b[0] - a[0], -1, P)
    x = (lam * lam - a[0] - b[0]) % P
    return x, (lam * (a[0] - x) - a[1]) % P

def compressed_public_key(k):
    point, result = G, None
    while k:  # double-and-add, least significant bit first
        if k & 1:
            result = point_add(result, point)
        point, k = point_add(point, point), k >> 1
    return bytes([2 + (result[1] & 1)]) + result[0].to_bytes(32, "big")

# --- Shamir over GF(2^8) with the AES polynomial x^8 + x^4 + x^3 + x + 1 -----------------------
def gf_mul(a, b):
    r = 0
    while b:
        if b & 1:
            r ^= a
        a, b = a << 1, b >> 1
        if a & 0x100:
            a ^= 0x11B
    return r

def gf_inv(a):
    r = 1
    for _ in range(254):  # a^254 = a^-1, since a^255 = 1 for every nonzero a
        r = gf_mul(r, a)
    return r

def combine(shares):
    """Lagrange interpolation at x = 0, byte by byte; addition and subtraction are both XOR."""
    xs = [s["x"] for s in shares]
    basis = []
    for i, xi in enumerate(xs):
        b = 1
        for j, xj in enumerate(xs):
            if j != i:
                b = gf_mul(b, gf_mul(xj, gf_inv(xi ^ xj)))  # (0 - xj) / (xi - xj)
        basis.append(b)
    secret = bytearray(32)
    for k in range(32):
        for s, b in zip(shares, basis):
            secret[k] ^= gf_mul(s["y"][k], b)
    return secret

# --- Reading shares (docs/share-format.md) ------------------------------------------------------
def words_to_envelope(text, words, where):
    """39 words, 11 bits each, big-endian: 424 envelope bits then 5 zero bits."""
    index = {w: i for i, w in enumerate(words)}
    by_prefix = {w[:4]: i for i, w in enumerate(words)}
    text = unicodedata.normalize("NFKD", text).lower()
    tokens = [t for t in re.split(r"[\s,;]+", text) if t and not re.fullmatch(r"[0-9]+[.):]?", t)]
    if len(tokens) != 39:
        raise Refused(f"{where}: a share has 39 words; {len(tokens)} were found.")
    bits = 0
    for position, token in enumerate(tokens, 1):
        i = index.get(token)
        if i is None and len(token) >= 4:  # the first four letters identify a BIP39 word
            i = by_prefix.get(token[:4])
            i = i if i is not None and words[i].startswith(token) else None
        if i is None:
            raise Refused(f"{where}: word {position} is not in the word list.")
        bits = (bits << 11) | i
    if bits & 0x1F:
        raise Refused(f"{where}: word 39 is wrong (its last 5 bits must be zero).")
    return (bits >> 5).to_bytes(53, "big")

def qr_to_envelope(text, where):
    body = text.strip().upper()[len("CUSTOS-SHARE1:"):]
    try:
        return base64.b32decode(body + "=" * (-len(body) % 8))
    except (binascii.Error, ValueError):
        raise Refused(f"{where}: the QR text is damaged.") from None

def open_sealed(data, passphrase, where):
    """Sealed file v1: 53-byte header (the AEAD's associated data), then ciphertext and tag."""
    if len(data) < 53 + 16:
        raise Refused(f"{where}: too short to be a Custos sealed file.")
    version, kind, log_n, r, p = data[8:13]
    if version != 1:
        raise Refused(f"{where}: sealed file version {version} is unknown to this script.")
    if kind != 1:
        what = "a signing key" if kind == 2 else f"something of unknown kind {kind}"
        raise Refused(f"{where}: this sealed file holds {what}, not a share.")
    if not (15 <= log_n <= 20 and r == 8 and p == 1):
        raise Refused(f"{where}: unsupported scrypt settings (log2 N={log_n}, r={r}, p={p}).")
    password = unicodedata.normalize("NFKC", passphrase).encode("utf-8")
    key = hashlib.scrypt(password, salt=data[13:29], n=1 << log_n, r=r, p=p, maxmem=2**31 - 1, dklen=32)
    envelope = xchacha20poly1305_open(key, data[29:53], data[53:], data[:53])
    if envelope is None:
        raise Refused(f"{where}: the passphrase is wrong, or the file was altered. Nothing was unlocked.")
    return bytes(envelope)

def decode_envelope(env, where):
    """Envelope v1: version, set id, fingerprint, m, n, index, 32 y bytes, x, checksum."""
    if len(env) != 53:
        raise Refused(f"{where}: a share envelope is 53 bytes, not {len(env)}.")
    if not hmac.compare_digest(hashlib.sha256(env[:49]).digest()[:4], env[49:]):
        raise Refused(f"{where}: the share does not match its checksum: a word or byte is wrong.")
    if env[0] != 1:
        raise Refused(f"{where}: share format version {env[0]} is unknown to this script.")
    m, n, index, x = env[13], env[14], env[15], env[48]
    if not (2 <= m <= n <= 16 and 1 <= index <= n and x != 0):
        raise Refused(f"{where}: the share names an impossible quorum or position.")
    return {"where": where, "set_id": env[1:9].hex(), "fingerprint": env[9:13].hex(),
            "m": m, "n": n, "index": index, "y": env[16:48], "x": x}

# --- BIP39 and BIP32 ------------------------------------------------------------------------------
def mnemonic_from_entropy(entropy, words):
    """256 bits of entropy + the first 8 bits of its SHA-256 = 264 bits = 24 words of 11 bits."""
    bits = int.from_bytes(bytes(entropy) + hashlib.sha256(entropy).digest()[:1], "big")
    return " ".join(words[(bits >> (11 * (23 - i))) & 0x7FF] for i in range(24))

def master_fingerprint(mnemonic):
    """BIP39 seed (no passphrase), BIP32 master key, HASH160 of its compressed public key."""
    seed = hashlib.pbkdf2_hmac("sha512", mnemonic.encode("utf-8"), b"mnemonic", 2048)
    master = hmac.new(b"Bitcoin seed", seed, hashlib.sha512).digest()
    k = int.from_bytes(master[:32], "big")
    if not 0 < k < N:
        raise Refused("the rebuilt seed gives an invalid BIP32 master key.")
    return ripemd160(hashlib.sha256(compressed_public_key(k)).digest())[:4].hex()

def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Rebuild a Custos wallet's BIP39 mnemonic from m of its n shares.")
    ap.add_argument("shares", nargs="+", metavar="SHARE",
                    help="a text file with the 39 share words (or the CUSTOS-SHARE1: QR text), or a sealed .cshare file")
    ap.add_argument("--wordlist", default=os.path.join(here, "bip39-english.txt"),
                    help="the BIP39 English word list, one word a line (default: next to this script)")
    ap.add_argument("--passphrase-file", action="append", default=[], metavar="FILE",
                    help="passphrase of a sealed share, one option per sealed file in the order the files are given; "
                         "without it the script asks for each passphrase")
    ap.add_argument("--fingerprint", metavar="HEX", help="master fingerprint from the ceremony record; refuse any other")
    args = ap.parse_args(argv)
    if args.fingerprint is not None and not re.fullmatch(r"[0-9a-f]{8}", args.fingerprint.lower()):
        ap.error("--fingerprint must be 8 hexadecimal characters")
    try:
        with open(args.wordlist, "rb") as f:
            raw_list = f.read()
        inputs = []
        for path in args.shares:
            with open(path, "rb") as f:
                inputs.append((path, f.read()))
        sealed_count = sum(1 for _, data in inputs if data.startswith(b"CUSTOSSF"))
        if args.passphrase_file and len(args.passphrase_file) != sealed_count:
            ap.error(f"{len(args.passphrase_file)} --passphrase-file given for {sealed_count} sealed share(s)")
        passphrases = []
        for path in args.passphrase_file:
            with open(path, encoding="utf-8") as f:
                passphrases.append(re.sub(r"\r?\n\Z", "", f.read()))  # one trailing line break is ignored
    except (OSError, UnicodeDecodeError) as e:
        ap.error(f"cannot read {getattr(e, 'filename', None) or 'a passphrase file'}: {e}")
    if hashlib.sha256(raw_list.replace(b"\r\n", b"\n").strip() + b"\n").hexdigest() != WORDLIST_SHA256:
        ap.error(f"{args.wordlist} is not the BIP39 English word list")
    words = raw_list.decode("ascii").split()

    try:
        shares = []
        for path, data in inputs:
            if data.startswith(b"CUSTOSSF"):
                pw = passphrases.pop(0) if args.passphrase_file else getpass.getpass(f"Passphrase for {path}: ")
                envelope = open_sealed(data, pw, path)
            else:
                try:
                    text = data.decode("utf-8-sig")
                except UnicodeDecodeError:
                    raise Refused(f"{path}: neither a sealed share nor a text file of words.") from None
                is_qr = text.strip().upper().startswith("CUSTOS-SHARE1:")
                envelope = qr_to_envelope(text, path) if is_qr else words_to_envelope(text, words, path)
            shares.append(decode_envelope(envelope, path))

        first = shares[0]
        for s in shares:  # one wallet, one split, no share twice, at least m of them
            if s["fingerprint"] != first["fingerprint"]:
                raise Refused(f"{s['where']} belongs to another wallet (fingerprint {s['fingerprint']}, "
                              f"not {first['fingerprint']}).")
            if (s["set_id"], s["m"], s["n"]) != (first["set_id"], first["m"], first["n"]):
                raise Refused(f"{s['where']} belongs to a different split of this wallet than {first['where']}.")
        if args.fingerprint and first["fingerprint"] != args.fingerprint.lower():
            raise Refused(f"the shares are for wallet {first['fingerprint']}, not {args.fingerprint.lower()}.")
        for i, s in enumerate(shares):
            if any(t["index"] == s["index"] or t["x"] == s["x"] for t in shares[:i]):
                raise Refused(f"share {s['index']} of {s['n']} was given twice ({s['where']}).")
        if len(shares) < first["m"]:
            raise Refused(f"too few shares: this wallet needs {first['m']} of its {first['n']} shares; "
                          f"only {len(shares)} {'was' if len(shares) == 1 else 'were'} given.")

        entropy = combine(shares)
        mnemonic = mnemonic_from_entropy(entropy, words)
        entropy[:] = bytes(32)  # the bytearray at least; Python strings cannot be wiped
        fingerprint = master_fingerprint(mnemonic)
        if fingerprint != first["fingerprint"]:
            raise Refused(f"the shares combine to wallet {fingerprint}, not the {first['fingerprint']} they name. "
                          "A share is corrupt or forged. Nothing is printed.")
    except Refused as e:
        print(f"REFUSED: {e}", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, EOFError):  # at a passphrase prompt
        print("\nInterrupted. Nothing was recovered.", file=sys.stderr)
        return 2

    print(f"Recovered with {len(shares)} of {first['n']} shares (set {first['set_id']}).", file=sys.stderr)
    print(f"fingerprint: {fingerprint}")
    print(f"mnemonic: {mnemonic}")
    listed = mnemonic.split()
    for row in range(6):  # numbered, four columns, to copy by hand into a wallet
        print("".join(f"{c * 6 + row + 1:>3}. {listed[c * 6 + row]:<10}" for c in range(4)).rstrip())
    return 0

if __name__ == "__main__":
    sys.exit(main())
