// A small, strictly bounded raw-DEFLATE decoder (RFC 1951, after zlib's puff.c) and CRC-32, used
// only to verify a zip's entries before SheetJS reads them (see zipCheck.ts).
//
// Why our own: SheetJS 0.20.3's inflate has no bounds checks — reading past the end of a damaged
// stream yields zero bits, which decode as empty stored blocks forever, so one flipped byte in a
// workbook from a USB stick hangs the import. This decoder throws on every malformed input
// instead: reading past the input, an invalid block type or code, a distance before the start of
// the output, or output larger than the zip declared. It favours clarity over speed (bit-by-bit
// Huffman decoding); verifying a large handover workbook takes a few tens of milliseconds.

export class InflateError extends Error {}

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289,
  16385, 24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

interface Huffman {
  /** Number of codes of each length 0..15. */
  counts: Uint16Array;
  /** Symbols ordered by code. */
  symbols: Uint16Array;
}

function buildHuffman(lengths: ArrayLike<number>, from: number, n: number): Huffman {
  const counts = new Uint16Array(16);
  for (let i = 0; i < n; i++) {
    const len = lengths[from + i] ?? 0;
    counts[len] = (counts[len] ?? 0) + 1;
  }
  counts[0] = 0;
  let left = 1;
  for (let len = 1; len <= 15; len++) {
    left = left * 2 - (counts[len] ?? 0);
    if (left < 0) throw new InflateError('over-subscribed code');
  }
  const offsets = new Uint16Array(16);
  for (let len = 1; len < 15; len++) offsets[len + 1] = (offsets[len] ?? 0) + (counts[len] ?? 0);
  const symbols = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const len = lengths[from + i] ?? 0;
    if (len !== 0) {
      const k = offsets[len] ?? 0;
      symbols[k] = i;
      offsets[len] = k + 1;
    }
  }
  return { counts, symbols };
}

const FIXED = (() => {
  const l = new Uint8Array(288 + 30);
  for (let i = 0; i < 144; i++) l[i] = 8;
  for (let i = 144; i < 256; i++) l[i] = 9;
  for (let i = 256; i < 280; i++) l[i] = 7;
  for (let i = 280; i < 288; i++) l[i] = 8;
  for (let i = 288; i < 318; i++) l[i] = 5;
  return { lit: buildHuffman(l, 0, 288), dist: buildHuffman(l, 288, 30) };
})();

/**
 * Inflates raw DEFLATE `src` that must produce exactly `size` bytes; throws InflateError on any
 * malformed input. Never reads outside `src`, never writes more than `size` bytes.
 */
export function inflateRaw(src: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let outPos = 0;
  let inPos = 0;
  let bitBuf = 0;
  let bitCnt = 0;

  const bits = (need: number): number => {
    let val = bitBuf;
    while (bitCnt < need) {
      if (inPos >= src.length) throw new InflateError('unexpected end of data');
      val |= (src[inPos++] ?? 0) << bitCnt;
      bitCnt += 8;
    }
    bitBuf = val >>> need;
    bitCnt -= need;
    return val & ((1 << need) - 1);
  };

  const decode = (h: Huffman): number => {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= 15; len++) {
      code |= bits(1);
      const count = h.counts[len] ?? 0;
      if (code - count < first) return h.symbols[index + (code - first)] ?? 0;
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new InflateError('invalid code');
  };

  const put = (byte: number) => {
    if (outPos >= size) throw new InflateError('more data than declared');
    out[outPos++] = byte;
  };

  const codes = (lit: Huffman, dist: Huffman) => {
    for (;;) {
      const sym = decode(lit);
      if (sym < 256) {
        put(sym);
      } else if (sym === 256) {
        return;
      } else {
        const li = sym - 257;
        if (li >= 29) throw new InflateError('invalid length code');
        const len = (LEN_BASE[li] ?? 0) + bits(LEN_EXTRA[li] ?? 0);
        const di = decode(dist);
        if (di >= 30) throw new InflateError('invalid distance code');
        const d = (DIST_BASE[di] ?? 0) + bits(DIST_EXTRA[di] ?? 0);
        if (d > outPos) throw new InflateError('distance too far back');
        if (outPos + len > size) throw new InflateError('more data than declared');
        for (let k = 0; k < len; k++, outPos++) out[outPos] = out[outPos - d] ?? 0;
      }
    }
  };

  let last = 0;
  do {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      bitBuf = 0;
      bitCnt = 0;
      if (inPos + 4 > src.length) throw new InflateError('unexpected end of data');
      const len = (src[inPos] ?? 0) | ((src[inPos + 1] ?? 0) << 8);
      const nlen = (src[inPos + 2] ?? 0) | ((src[inPos + 3] ?? 0) << 8);
      inPos += 4;
      if (len !== (~nlen & 0xffff)) throw new InflateError('stored block length check failed');
      if (inPos + len > src.length) throw new InflateError('unexpected end of data');
      if (outPos + len > size) throw new InflateError('more data than declared');
      out.set(src.subarray(inPos, inPos + len), outPos);
      inPos += len;
      outPos += len;
    } else if (type === 1) {
      codes(FIXED.lit, FIXED.dist);
    } else if (type === 2) {
      const nlen = bits(5) + 257;
      const ndist = bits(5) + 1;
      const ncode = bits(4) + 4;
      if (nlen > 286 || ndist > 30) throw new InflateError('bad counts');
      const lengths = new Uint8Array(320);
      for (let i = 0; i < ncode; i++) lengths[CODE_LENGTH_ORDER[i] ?? 0] = bits(3);
      const lencode = buildHuffman(lengths, 0, 19);
      lengths.fill(0);
      let i = 0;
      while (i < nlen + ndist) {
        const sym = decode(lencode);
        if (sym < 16) {
          lengths[i++] = sym;
          continue;
        }
        let value = 0;
        let repeat: number;
        if (sym === 16) {
          if (i === 0) throw new InflateError('repeat with no first length');
          value = lengths[i - 1] ?? 0;
          repeat = 3 + bits(2);
        } else if (sym === 17) {
          repeat = 3 + bits(3);
        } else {
          repeat = 11 + bits(7);
        }
        if (i + repeat > nlen + ndist) throw new InflateError('too many lengths');
        while (repeat-- > 0) lengths[i++] = value;
      }
      if ((lengths[256] ?? 0) === 0) throw new InflateError('no end-of-block code');
      codes(buildHuffman(lengths, 0, nlen), buildHuffman(lengths, nlen, ndist));
    } else {
      throw new InflateError('invalid block type');
    }
  } while (!last);

  if (outPos !== size) throw new InflateError('less data than declared');
  return out;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 (zip / IEEE 802.3) as an unsigned 32-bit number. */
export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
