import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseStartConfig } from './config';
import { maskPassword, withDatabase } from './postgres';
import { formatLogLine } from './processes';

describe('npm start configuration', () => {
  test('when nothing is set, every setting has its documented default', () => {
    const config = parseStartConfig({});
    assert.equal(config.PG_PORT, 5433);
    assert.equal(config.TEMPORAL_PORT, 7233);
    assert.equal(config.TEMPORAL_UI_PORT, 8233);
    assert.equal(config.PORT, 3000);
    assert.equal(config.TEMPORAL_NAMESPACE, 'default');
    assert.equal(config.TEMPORAL_TASK_QUEUE, 'kampung-cases');
    assert.equal(config.SEED_DEMO, true);
    assert.equal(config.LOG_LEVEL, 'info');
    assert.ok(config.DATA_DIR.endsWith('/data'), `config.DATA_DIR.endsWith('/data')`);
    assert.equal(config.DATABASE_URL, undefined);
  });

  test('when several settings are wrong, one error names each of them', () => {
    assert.throws(
      () => parseStartConfig({ PORT: '70000', SEED_DEMO: 'maybe', DATABASE_URL: 'mysql://x', TEMPORAL_ADDRESS: 'http://x' }),
      (error: Error) => ['PORT', 'SEED_DEMO', 'DATABASE_URL', 'TEMPORAL_ADDRESS'].every((name) => error.message.includes(`${name}:`)),
    );
  });

  test('when only half of the bootstrap admin is given, start-up is refused', () => {
    assert.throws(() => parseStartConfig({ BOOTSTRAP_ADMIN_EMAIL: 'admin@example.org' }), /set both BOOTSTRAP_ADMIN_EMAIL/);
  });

  test('empty variables count as unset', () => {
    assert.equal(parseStartConfig({ PORT: '', SEED_DEMO: '' }).PORT, 3000);
    assert.equal(parseStartConfig({ SEED_DEMO: 'false' }).SEED_DEMO, false);
  });
});

describe('service output', () => {
  test('a pino line becomes one readable line with its time, level, message and fields', () => {
    const time = new Date(2026, 0, 2, 3, 4, 5, 6).getTime();
    const [line, ...rest] = formatLogLine(JSON.stringify({ level: 30, time, pid: 1, hostname: 'h', msg: 'case moved', caseId: 'c-1' }), false);
    assert.equal(line, '03:04:05.006 INFO  case moved caseId=c-1');
    assert.deepEqual(rest, []);
  });

  test('a request log shows method, path and status instead of the whole request', () => {
    const [line] = formatLogLine(
      JSON.stringify({ level: 30, time: 0, msg: 'request completed', req: { method: 'GET', url: '/healthz', headers: {} }, res: { statusCode: 200 } }),
      false,
    );
    assert.match(line ?? '', /INFO {2}request completed GET \/healthz → 200$/);
  });

  test("an error's stack follows its line, indented", () => {
    const lines = formatLogLine(JSON.stringify({ level: 50, time: 0, msg: 'failed', err: { message: 'boom', stack: 'Error: boom\n    at x' } }), false);
    assert.match(lines[0] ?? '', /ERROR failed$/);
    assert.deepEqual(lines.slice(1), ['  Error: boom', '      at x']);
  });

  test('a multi-line message keeps every line, indented under the first', () => {
    const lines = formatLogLine(JSON.stringify({ level: 30, time: 0, msg: 'bundle built\nasset a.js\nasset b.js' }), false);
    assert.match(lines[0] ?? '', /INFO {2}bundle built$/);
    assert.deepEqual(lines.slice(1), ['  asset a.js', '  asset b.js']);
  });

  test('a Go JSON log line (the Temporal server) is formatted too', () => {
    const [line] = formatLogLine(JSON.stringify({ level: 'WARN', time: '2026-01-02T03:04:05.006Z', msg: 'slow', 'logging-call-at': 'x.go:1' }), false);
    assert.match(line ?? '', /WARN {2}slow$/);
  });

  test('anything that is not a JSON log line passes through unchanged', () => {
    assert.deepEqual(formatLogLine('LOG:  database system is ready', false), ['LOG:  database system is ready']);
    assert.deepEqual(formatLogLine('{"not":"a log"}', false), ['{"not":"a log"}']);
  });
});

describe('database URLs', () => {
  test('the password is masked for display', () => {
    assert.equal(maskPassword('postgres://kampung:secret@127.0.0.1:5433/kampung'), 'postgres://kampung:***@127.0.0.1:5433/kampung');
  });

  test('another database on the same server keeps host, credentials and options', () => {
    assert.equal(
      withDatabase('postgres://u:p@db:5432/kampung?sslmode=require', 'kampung_test_1'),
      'postgres://u:p@db:5432/kampung_test_1?sslmode=require',
    );
  });
});
