// Reads zip files (a .vsix): the list of entries from the central directory, and extraction.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** Entries from the central directory: name, method, sizes and where the local header is. */
function centralDirectory(file, buf) {
  // The end-of-central-directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${k}`);
    const nameLength = buf.readUInt16LE(at + 28);
    entries.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localHeader: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

/** Name and uncompressed size of every entry. */
export function zipEntries(file) {
  return centralDirectory(file, readFileSync(file)).map(({ name, size }) => ({ name, size }));
}

/** Extracts the entries whose names start with `prefix` into `dir` (the prefix removed); returns how many. */
export function extractZip(file, prefix, dir) {
  const buf = readFileSync(file);
  const root = resolve(dir);
  let count = 0;
  for (const e of centralDirectory(file, buf)) {
    if (!e.name.startsWith(prefix) || e.name.endsWith('/')) continue;
    const target = resolve(root, e.name.slice(prefix.length));
    if (!target.startsWith(`${root}/`)) throw new Error(`${file}: entry ${e.name} escapes the target folder`);
    const h = e.localHeader;
    if (buf.readUInt32LE(h) !== 0x04034b50) throw new Error(`${file}: bad local header for ${e.name}`);
    const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    if (e.method !== 0 && e.method !== 8) throw new Error(`${file}: ${e.name} uses compression method ${e.method}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, e.method === 0 ? data : inflateRawSync(data));
    count++;
  }
  return count;
}
