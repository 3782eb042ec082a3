// Packs PNG renderings into the two icon containers installers want: Windows .ico and macOS .icns.
// Both formats may hold PNG data directly (Windows Vista+, macOS 10.7+), so no bitmap conversion is needed.

/** .ico: a 6-byte header, one 16-byte entry per image, then the PNGs. Little-endian; 256 is written as 0. */
export function packIco(images: ReadonlyArray<{ size: number; png: Uint8Array }>): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    if (size < 1 || size > 256) throw new RangeError(`an .ico image is 1 to 256 pixels wide, not ${size}`);
    const entry = 6 + 16 * index;
    header.writeUInt8(size === 256 ? 0 : size, entry);
    header.writeUInt8(size === 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2);
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map(({ png }) => Buffer.from(png))]);
}

/** .icns: 'icns' + total length, then per image its 4-letter type + length (header included) + PNG. Big-endian. */
export function packIcns(images: ReadonlyArray<{ type: string; png: Uint8Array }>): Buffer {
  const chunks = images.map(({ type, png }) => {
    if (!/^[a-z0-9]{4}$/.test(type))
      throw new RangeError(`an .icns entry type is four characters, not ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, Buffer.from(png)]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}
