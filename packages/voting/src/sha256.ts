// SHA-256 and HMAC-SHA-256 as hex, the same bytes in Node and in a browser, synchronously (the
// verifier runs in the browser too, where node:crypto does not exist and WebCrypto is async).
// Audited pure-JS implementation: @noble/hashes (docs/decisions/0039).
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** SHA-256 (FIPS 180-4) of the UTF-8 bytes of `text`, as 64 lower-case hex digits. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** HMAC-SHA-256 (RFC 2104) of the UTF-8 bytes of `text` under the UTF-8 bytes of `key`, as 64 hex digits. */
export function hmacSha256Hex(key: string, text: string): string {
  return bytesToHex(hmac(sha256, utf8ToBytes(key), utf8ToBytes(text)));
}
