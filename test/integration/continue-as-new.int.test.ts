import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SEARCH_ATTRIBUTES } from '@kampung/workflows';
import { stateQuery } from '@kampung/workflows';
import { proposeCase, transitionCase } from '@kampung/api/src/cases/cases.service';
import { startTemporalDevServer, type RunningTemporal } from '@kampung/tools/stack/temporal-server';
import { freePort } from '@kampung/tools/stack/postgres';
import { createLog } from '@kampung/tools/stack/log';
import { proposal } from './support/api-client';
import { env } from './support/env';
import { caseDepsFor, startInProcessWorker } from './support/case-deps';
import { eventually } from './support/temporal';

// A server of its own that suggests continue-as-new after 40 events, so a short test crosses runs.
describe('history stays bounded', () => {
  let server: RunningTemporal;
  before(async () => {
    server = await startTemporalDevServer({
      cli: { path: env.temporalCli },
      port: await freePort(),
      headless: true,
      namespace: env.namespace,
      searchAttributes: SEARCH_ATTRIBUTES,
      dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 40 },
      log: createLog('temporal-can', { sink: () => {} }),
    });
  });
  after(async () => {
    await server?.stop();
  });

  test('when a case makes many moves, then it continues as new and keeps its stage and sequence', async () => {
    const { deps, actor, close } = await caseDepsFor(server.address, 'can-test');
    const worker = await startInProcessWorker(server.address, deps.db, 'can-test');
    try {
      const created = await proposeCase(deps, proposal(), actor);
      await transitionCase(deps, created.id, { to: 'SURVEY', data: { plannedDate: '2026-12-01', team: 'Tim' } }, actor);
      for (let i = 0; i < 12; i++) {
        await transitionCase(deps, created.id, { to: 'ON_HOLD', reason: `jeda ${i}` }, actor);
        await transitionCase(deps, created.id, { to: 'SURVEY' }, actor);
      }
      const handle = deps.temporal.workflow.getHandle(created.workflowId);
      // The run continues as new once it has told the obligations about the last moves (just after answering).
      const description = await eventually(async () => {
        const d = await handle.describe();
        assert.notEqual(d.runId, d.raw.workflowExecutionInfo?.firstRunId, 'a new run was started');
        return d;
      });
      assert.ok((description.historyLength ?? 0) < 120, `the current run's history is short (${description.historyLength})`);
      const state = await handle.query(stateQuery);
      assert.equal(state.stage, 'SURVEY');
      assert.equal(state.seq, 25);
      const after = await transitionCase(deps, created.id, { to: 'VERIFICATION', data: { surveyDate: '2026-12-02', householdsSurveyed: 10, poorHouseholdsFound: 3, findings: 'ok', recommendation: 'PROCEED' } }, actor);
      assert.equal(after.stage, 'VERIFICATION');
      assert.equal(after.history.length, 27);
      assert.deepEqual(after.history.map((h) => h.seq), [...Array(27).keys()]);
    } finally {
      await worker.stop();
      await close();
    }
  });
});
