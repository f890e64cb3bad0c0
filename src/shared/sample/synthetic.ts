// Synthetic measures, to try the ledger at 100,000 rows. Deterministic: the same seed gives the same rows.
import { daysBetween } from '../model/dates.ts';
import type { MeasureType } from '../model/measure.ts';
import type { Status } from '../model/status.ts';

/** A small fast PRNG (mulberry32): reproducible rows for benchmarks without shipping fixtures. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const verbs = ['建立', '完善', '推进', '开展', '落实', '优化', '规范', '深化', '强化', '健全'];
const objects = ['政务服务事项清单', '联合审批机制', '专项整治行动', '信用监管制度', '惠企政策宣传', '不动产登记流程', '企业用工服务', '融资对接平台', '执法公示制度', '投诉举报渠道'];
const owners = ['王芳', '李强', '张伟', '刘洋', '陈静', '杨军', '赵敏', '黄磊', '周婷', '吴刚'];
const types: MeasureType[] = ['policy', 'campaign', 'mechanism', 'other'];
const statusWeights: [Status, number][] = [['not_started', 0.15], ['in_progress', 0.5], ['completed', 0.2], ['closed', 0.1], ['ongoing', 0.05]];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function addDays(iso: string, days: number): string {
  const d = new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export type SyntheticContext = { problemIds: readonly string[]; departmentIds: readonly string[]; today: string };

/** The values of synthetic measure number `index`: spread over the problems, departments and deadlines. */
export function syntheticMeasure(index: number, ctx: SyntheticContext, random: () => number): Record<string, unknown> {
  let roll = random();
  let status: Status = 'in_progress';
  for (const [s, w] of statusWeights) {
    if (roll < w) {
      status = s;
      break;
    }
    roll -= w;
  }
  const deadline = addDays(ctx.today, Math.floor(random() * 240) - 120);
  const done = status === 'completed' || status === 'closed';
  const progress = done ? 100 : status === 'not_started' ? 0 : Math.floor(random() * 100);
  const hasNote = status !== 'not_started' && random() < 0.6;
  const noteDate = addDays(ctx.today, -Math.floor(random() * 30));
  return {
    problemId: pick(random, ctx.problemIds),
    seq: 1000 + index,
    label: '',
    title: `${pick(random, verbs)}${pick(random, objects)}（模拟 ${index + 1}）`,
    details: `模拟数据：第 ${index + 1} 条整改措施，用于检验大数据量下的台账。`,
    type: pick(random, types),
    leadDepartmentId: pick(random, ctx.departmentIds),
    owner: pick(random, owners),
    deadline,
    status,
    progress,
    progressNote: hasNote ? `第 ${1 + Math.floor(random() * 40)} 周调度：按计划推进。` : '',
    progressNoteDate: hasNote && daysBetween(noteDate, ctx.today) >= 0 ? noteDate : null,
  };
}
