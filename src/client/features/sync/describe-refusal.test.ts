import { describe, expect, it } from 'vitest';
import { createTranslator } from '#shared/i18n/translate.ts';
import { SyncHttpError } from '#client/sync/transport.ts';
import { describeFailure, describeServerError } from '#client/sync/describe-server-error.ts';
import { describeRefusal } from './describe-refusal.ts';

const t = createTranslator('zh-CN');

describe('a refused change in words', () => {
  it('names the fields the change touched, not the field the rule looked at', () => {
    const where = '整改措施“编印读本”';
    expect(describeRefusal(t, { entity: 'measure', fields: { progress: 60 } }, { code: 'forbidden', field: 'leadDepartmentId' }, where)).toBe('整改措施“编印读本”“进度%”：不是本单位牵头的措施，您的账号无权修改');
    expect(describeRefusal(t, { entity: 'measure', fields: { deadline: '2023-01-01' } }, { code: 'forbidden', field: 'deadline' }, where)).toBe('整改措施“编印读本”“整改时限”：您的账号无权修改这一项');
    expect(describeRefusal(t, { entity: 'measure', fields: { progressLog: [] } }, { code: 'entryRemoved', field: 'progressLog' }, where)).toBe('整改措施“编印读本”“进展记录”：已记录的条目不能删除，只能撤回');
  });
});

describe('a server failure in words', () => {
  it('looks the server’s code up in the catalogue, else its status; never the browser’s or server’s English', () => {
    expect(describeServerError(t, new SyncHttpError(403, 'only a coordinator resolves conflicts', 'forbidden'))).toBe('您的账号无权这样做');
    expect(describeServerError(t, new SyncHttpError(422, 'conflict x: transition', 'transition'))).toContain('状态不能从');
    expect(describeServerError(t, new SyncHttpError(503, 'busy'))).toBe('服务器出错（503），请稍后再试');
    expect(describeServerError(t, new TypeError('Failed to fetch'))).toBe('连不上服务器');
    expect(describeFailure(t, { status: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' })).toBe('内容太大，服务器不接收');
  });
});
