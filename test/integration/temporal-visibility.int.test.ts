import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ApiClient } from './support/api-client';
import { env } from './support/env';
import { validData } from './support/stage-data';
import { eventually, withTemporal } from './support/temporal';

const run = promisify(execFile);

async function cliList(query: string): Promise<string[]> {
  const { stdout } = await run(env.temporalCli, [
    'workflow', 'list', '--address', env.temporalAddress, '--namespace', env.namespace, '--query', query, '--output', 'json',
  ]);
  const parsed = stdout.trim() ? JSON.parse(stdout) : [];
  return (Array.isArray(parsed) ? parsed : [parsed]).map((w: any) => w.execution?.workflowId ?? w.execution?.workflow_id);
}

describe('search attributes and personal data in Temporal', () => {
  test("when cases move, then `temporal workflow list --query \"CaseStage='SURVEY'\"` lists exactly the cases in survey", async () => {
    const api = await ApiClient.signedIn(env.admin());
    const surveyed = await api.propose({ kelurahanCode: '33.74.15.1009' });
    const stays = await api.propose({ kelurahanCode: '33.74.15.1009' });
    await api.move(surveyed.id, 'SURVEY', { data: validData('PROPOSAL', 'SURVEY') });

    const inSurveyInPostgres = async () => {
      const ids: string[] = [];
      for (let page = 1; ; page++) {
        const body = (await api.get(`/api/cases?stage=SURVEY&pageSize=100&page=${page}`)).body;
        ids.push(...body.items.map((c: any) => c.workflowId));
        if (ids.length >= body.total) return ids.sort();
      }
    };
    await eventually(async () => {
      assert.deepEqual((await cliList("CaseStage='SURVEY'")).sort(), await inSurveyInPostgres());
    });
    await eventually(async () => {
      const here = await cliList(`KecamatanCode='33.74.15' AND ProgramCode='KAMPUNG_TEMATIK' AND CaseStage='PROPOSAL'`);
      assert.ok(here.includes(stays.workflowId), 'here.includes(stays.workflowId)');
      assert.ok(!here.includes(surveyed.workflowId), '!here.includes(surveyed.workflowId)');
    });
  });

  test('when a case is proposed and moved with a reason, then no name or free text reaches Temporal', async () => {
    const api = await ApiClient.signedIn(env.admin());
    const created = await api.propose({ proposer: { name: 'Ibu Rahasia Wulandari', organisation: 'PKK RW 003' } });
    await api.move(created.id, 'ON_HOLD', { reason: 'Ketua RW Bapak Sukarjo sakit' });
    const history = await withTemporal((c) => c.workflow.getHandle(created.workflowId).fetchHistory());
    // Payload bytes are JSON: decode every byte array to look inside.
    const decoded = JSON.stringify(history, (_key, value) =>
      value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : value,
    );
    for (const secret of ['Rahasia Wulandari', created.name, 'Sukarjo', 'PKK RW 003']) {
      assert.ok(!decoded.includes(secret), `"${secret}" must not be in the workflow history`);
    }
    assert.ok(decoded.includes(created.id), 'the history does carry the case id');
  });
});
