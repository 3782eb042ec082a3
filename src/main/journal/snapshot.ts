// The start-up snapshot: day files of days closed by a Z report, folded into a chain of verified segments so
// start-up reads only what is still open. The day files stay on disk, untouched (audit, export, fallback).
//
// A segment is two files:
// - `snapshot-000001.json`, the header: which day files it folds (name and size), the highest sequence
//   number in them, the "hot" part start-up needs at once (every non-sale record of those days, and every
//   sale whose state there is not final or carries a flag, or that an earlier segment held hot), and the
//   length and sha-256 of the cold file; `previousHash` links it to the segment before (GENESIS for the
//   first), and `hash` = sha-256 of the header's JSON without `hash` (as Z reports are chained).
// - `snapshot-000001.cold.jsonl`, one settled sale's state per line, loaded in the background after
//   start-up and checked against the header's sha-256 first.
// Anything that does not verify (a header, a link, a cold file, a folded day file whose size changed) makes
// the journal read every day file instead, and log why: a snapshot can only save time, never lose a sale.
import { createHash } from 'node:crypto';
import { readFile, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../../node-shared/index.ts';
import type { SaleState } from './journal-index.ts';
import type { JournalRecord } from './records.ts';

const SEGMENT = /^snapshot-(\d{6})\.json$/;
export const GENESIS = '0'.repeat(64);

export interface SegmentHeader {
  version: 1;
  number: number;
  previousHash: string;
  /** The day files folded into this segment, with their size when folded. */
  folded: { file: string; size: number }[];
  maxSeq: number;
  hot: { sales: SaleState[]; records: JournalRecord[] };
  cold: { file: string; bytes: number; sha256: string; sales: number };
  hash: string;
}

// Shape only: the content is trusted once its hash verifies (the journal wrote it and checked each record then).
const Header = z.object({
  version: z.literal(1),
  number: z.number().int().min(1),
  previousHash: z.string().length(64),
  folded: z.array(z.object({ file: z.string(), size: z.number().int().min(0) })),
  maxSeq: z.number().int().min(0),
  hot: z.object({ sales: z.array(z.unknown()), records: z.array(z.unknown()) }),
  cold: z.object({
    file: z.string(),
    bytes: z.number().int().min(0),
    sha256: z.string(),
    sales: z.number().int(),
  }),
  hash: z.string().length(64),
});

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** What the hash covers: the header's JSON without `hash`, keys in the order written. */
function hashOf(header: Omit<SegmentHeader, 'hash'> & { hash?: string }): string {
  const { hash: _hash, ...rest } = header;
  return sha256(JSON.stringify(rest));
}

export const segmentName = (n: number): string => `snapshot-${String(n).padStart(6, '0')}.json`;

export class SnapshotInvalid extends Error {}

/** Every segment, checked (shape, hash, numbering, links); throws SnapshotInvalid naming the first that fails. */
export async function readSegments(dir: string): Promise<SegmentHeader[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => SEGMENT.test(n)).sort();
  const segments: SegmentHeader[] = [];
  let previous = GENESIS;
  for (const [i, name] of names.entries()) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(join(dir, name), 'utf8'));
    } catch (error) {
      throw new SnapshotInvalid(
        `${name} could not be read (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const parsed = Header.safeParse(json);
    if (!parsed.success) throw new SnapshotInvalid(`${name} is not a snapshot header`);
    const header = json as SegmentHeader;
    if (header.number !== i + 1)
      throw new SnapshotInvalid(`${name} is numbered ${header.number}, not ${i + 1}`);
    if (header.previousHash !== previous)
      throw new SnapshotInvalid(`${name} does not link to the segment before it`);
    if (hashOf(header) !== header.hash)
      throw new SnapshotInvalid(`${name} does not match its hash (changed after it was written)`);
    previous = header.hash;
    segments.push(header);
  }
  return segments;
}

/** The settled sales of a segment, after checking the cold file's length and sha-256 against the header. */
export async function readCold(dir: string, header: SegmentHeader): Promise<SaleState[]> {
  const bytes = await readFile(join(dir, header.cold.file)).catch((error: unknown) => {
    throw new SnapshotInvalid(
      `${header.cold.file} could not be read (${error instanceof Error ? error.message : String(error)})`,
    );
  });
  // Hashed and parsed in slices, yielding between them: this runs in the background while the cashier sells.
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.length; at += 4 * 1024 * 1024) {
    hash.update(bytes.subarray(at, at + 4 * 1024 * 1024));
    await yieldToOthers();
  }
  if (bytes.length !== header.cold.bytes || hash.digest('hex') !== header.cold.sha256)
    throw new SnapshotInvalid(
      `${header.cold.file} does not match the sha-256 in ${segmentName(header.number)}`,
    );
  const states: SaleState[] = [];
  const text = bytes.toString('utf8');
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    states.push(JSON.parse(text.slice(start, end)) as SaleState);
    start = end + 1;
    if (states.length % 10_000 === 0) await yieldToOthers();
  }
  if (states.length !== header.cold.sales)
    throw new SnapshotInvalid(`${header.cold.file} holds ${states.length} sales, not ${header.cold.sales}`);
  return states;
}

/** Throws SnapshotInvalid when a folded day file is missing or no longer the size it was folded at. */
export async function checkFoldedFiles(dir: string, segments: readonly SegmentHeader[]): Promise<void> {
  for (const segment of segments)
    for (const { file, size } of segment.folded) {
      const now = await stat(join(dir, file)).catch(() => null);
      if (now?.size !== size)
        throw new SnapshotInvalid(
          now
            ? `${file} changed after it was folded (${now.size} bytes, folded at ${size})`
            : `${file} is missing`,
        );
    }
}

/**
 * Writes the next segment: the cold file first, then the header (each durably: temp, fsync, rename), so a
 * header on disk always has its whole cold file. Returns the header.
 */
export async function writeSegment(
  dir: string,
  previous: SegmentHeader | undefined,
  folded: { file: string; size: number }[],
  maxSeq: number,
  hot: SegmentHeader['hot'],
  cold: SaleState[],
): Promise<SegmentHeader> {
  const number = (previous?.number ?? 0) + 1;
  const coldName = `snapshot-${String(number).padStart(6, '0')}.cold.jsonl`;
  const coldText = cold.map((state) => `${JSON.stringify(state)}\n`).join('');
  const coldBytes = Buffer.from(coldText, 'utf8');
  await writeFileDurably(join(dir, coldName), coldText);
  const unhashed: Omit<SegmentHeader, 'hash'> = {
    version: 1,
    number,
    previousHash: previous?.hash ?? GENESIS,
    folded,
    maxSeq,
    hot,
    cold: { file: coldName, bytes: coldBytes.length, sha256: sha256(coldBytes), sales: cold.length },
  };
  const header: SegmentHeader = { ...unhashed, hash: hashOf(unhashed) };
  const name = segmentName(number);
  await writeFileDurably(join(dir, name), JSON.stringify(header));
  return header;
}

/** Moves every segment aside (`*.invalid-<stamp>`) so the next fold starts a fresh chain; kept for support. */
export async function setAsideSegments(dir: string, stamp: string): Promise<void> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) =>
    /^snapshot-\d{6}\.(json|cold\.jsonl)$/.test(n),
  );
  for (const name of names) await rename(join(dir, name), join(dir, `${name}.invalid-${stamp}`));
}

const yieldToOthers = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
