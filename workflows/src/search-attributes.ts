import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Filtering keys for `temporal workflow list`; never personal data. */
export const CASE_STAGE = defineSearchAttributeKey('CaseStage', SearchAttributeType.KEYWORD);
export const PROGRAM_CODE = defineSearchAttributeKey('ProgramCode', SearchAttributeType.KEYWORD);
export const KECAMATAN_CODE = defineSearchAttributeKey('KecamatanCode', SearchAttributeType.KEYWORD);

export const SEARCH_ATTRIBUTES = [
  { name: 'CaseStage', type: 'Keyword' },
  { name: 'ProgramCode', type: 'Keyword' },
  { name: 'KecamatanCode', type: 'Keyword' },
] as const;
