import { createHash } from 'node:crypto';

/** CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), as GCS reports it in `crc32c`. */
const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32c(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The base64 of the big-endian 4-byte CRC-32C: the form of GCS's `crc32c` field and x-goog-hash. */
export function crc32cBase64(bytes: Uint8Array): string {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(crc32c(bytes));
  return b.toString('base64');
}

/** The base64 MD5 digest: the form of GCS's `md5Hash` field. */
export function md5Base64(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('base64');
}
