import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { hashWorkflowSources, MANIFEST, type WorkflowSourcesManifest } from './workflow-sources';

const HISTORIES = fileURLToPath(new URL('./histories/', import.meta.url));

test('when workflow code changes, then histories recorded on the new code come with it (running cases are replayed on it)', async () => {
  const manifest = JSON.parse(await readFile(MANIFEST, 'utf8')) as WorkflowSourcesManifest;
  const next = `v${Number(manifest.version.replace(/^v/, '')) + 1}`;
  const advice = `workflow code changed: run \`npm run record-histories -- ${next}\` and commit the new histories (and test/replay/workflow-sources.json)`;
  const now = hashWorkflowSources();
  const changed = [
    ...Object.keys(now).filter((file) => manifest.files[file] !== now[file]).map((file) => `${file} ${manifest.files[file] ? 'changed' : 'added'}`),
    ...Object.keys(manifest.files).filter((file) => !(file in now)).map((file) => `${file} removed`),
  ];
  assert.deepEqual(changed, [], `${advice}\n  ${changed.join('\n  ')}`);

  const recorded = (await readdir(HISTORIES)).filter((f) => f.startsWith(`${manifest.version}-`) && f.endsWith('.json'));
  assert.ok(recorded.length > 0, `the histories of ${manifest.version} named by workflow-sources.json are committed`);
});
