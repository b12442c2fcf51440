import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERROR_CODES, PROGRAM_CODES, STAGES, TRANSITION_DATA_SCHEMAS, caseProposalSchema, z } from '@kampung/domain';
import { USER_ROLES } from '@kampung/domain/access';
import { AUDIT_ACTIONS } from '@kampung/domain/audit';
import { en } from './en';
import { id } from './id';

type Tree = { [key: string]: string | Tree };
type Schema = { properties?: Record<string, Schema>; items?: Schema; enum?: readonly unknown[] };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function lookup(tree: Tree, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);
}

/** Every property name in a JSON Schema, with the enum values of enum properties. */
function fieldsOf(schema: Schema, found = new Map<string, readonly unknown[] | undefined>()) {
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    found.set(name, child.enum);
    fieldsOf(child, found);
    if (child.items) fieldsOf(child.items, found);
  }
  return found;
}

const resources = { id: id as Tree, en: en as Tree };
const schemas = { ...TRANSITION_DATA_SCHEMAS, CASE_PROPOSAL: caseProposalSchema };

test('every key in Indonesian exists in English and vice versa', () => {
  const idKeys = keysOf(resources.id);
  const enKeys = keysOf(resources.en);
  assert.deepEqual(idKeys.filter((k) => !enKeys.includes(k)), [], 'missing in en');
  assert.deepEqual(enKeys.filter((k) => !idKeys.includes(k)), [], 'missing in id');
});

test('no translation is empty', () => {
  for (const [language, tree] of Object.entries(resources)) {
    const empty = keysOf(tree).filter((k) => String(lookup(tree, k)).trim() === '');
    assert.deepEqual(empty, [], `empty in ${language}`);
  }
});

for (const [kind, schema] of Object.entries(schemas)) {
  test(`every field of ${kind} has a label (and every enum value a name) in both languages`, () => {
    const fields = fieldsOf(z.toJSONSchema(schema, { io: 'input' }) as Schema);
    assert.ok(fields.size > 0 || kind === 'NONE', `${kind} has fields`);
    for (const [language, tree] of Object.entries(resources)) {
      for (const [name, values] of fields) {
        assert.equal(typeof lookup(tree, `fields.${name}`), 'string', `${language}: fields.${name}`);
        if (kind === 'CASE_PROPOSAL' || !values) continue;
        for (const value of values) {
          assert.equal(typeof lookup(tree, `enums.${name}.${String(value)}`), 'string', `${language}: enums.${name}.${value}`);
        }
      }
    }
  });
}

test('every stage, program and error code has a name in both languages', () => {
  for (const [language, tree] of Object.entries(resources)) {
    for (const stage of STAGES) assert.equal(typeof lookup(tree, `stages.${stage}`), 'string', `${language}: ${stage}`);
    for (const code of PROGRAM_CODES) assert.equal(typeof lookup(tree, `programs.${code}`), 'string', `${language}: ${code}`);
    for (const code of ERROR_CODES) assert.equal(typeof lookup(tree, `errors.${code}`), 'string', `${language}: ${code}`);
  }
});

test('every user role (with what it may do) and every audit action has a name in both languages', () => {
  for (const [language, tree] of Object.entries(resources)) {
    for (const role of USER_ROLES) {
      assert.equal(typeof lookup(tree, `userRoles.${role}`), 'string', `${language}: userRoles.${role}`);
      assert.equal(typeof lookup(tree, `userRoleHints.${role}`), 'string', `${language}: userRoleHints.${role}`);
    }
    for (const action of AUDIT_ACTIONS) assert.equal(typeof lookup(tree, `auditActions.${action}`), 'string', `${language}: ${action}`);
  }
});

test('the program named Kampung Sejahtera Mandiri is never abbreviated as KSM', () => {
  for (const tree of Object.values(resources)) {
    assert.doesNotMatch(JSON.stringify(tree), /\bKSM\b/);
  }
});
