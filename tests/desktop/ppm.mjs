// ppm.mjs — reads the binary PPM (P6) frames siaga-desktop writes with --screenshot, and turns them
// into PNG (node's zlib; no image library needed) so they can be looked at in the test output.
import { deflateSync } from 'node:zlib';

export function readPpm(bytes) {
  // Header: "P6\n<w> <h>\n255\n" (as written by src/main.cpp write_screenshot).
  const text = bytes.subarray(0, 64).toString('latin1');
  const match = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(text);
  if (!match) throw new Error('not a P6 PPM with maxval 255');
  const width = Number(match[1]);
  const height = Number(match[2]);
  const pixels = bytes.subarray(match[0].length, match[0].length + width * height * 3);
  if (pixels.length !== width * height * 3) throw new Error(`PPM truncated: ${pixels.length} of ${width * height * 3} bytes`);
  return { width, height, pixels };
}

// Distinct colours (quantised to 4 bits a channel) and the share of the most common one: a blank or
// one-colour frame has very few colours and one colour near 100 %.
export function colourStats({ pixels }) {
  const counts = new Map();
  for (let i = 0; i < pixels.length; i += 3) {
    const key = ((pixels[i] >> 4) << 8) | ((pixels[i + 1] >> 4) << 4) | (pixels[i + 2] >> 4);
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const top = Math.max(...counts.values());
  return { colours: counts.size, topShare: top / (pixels.length / 3) };
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function toPng({ width, height, pixels }) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;  // bit depth
  header[9] = 2;  // truecolour RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 3 + 1)] = 0;  // filter: none
    pixels.copy(rows, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0)),
  ]);
}
