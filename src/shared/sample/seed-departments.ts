// The responsible units the seed names, with the facts the text gives about each (curated from the seed).
import type { DepartmentLevel } from '../model/department.ts';

export type SeedDepartment = {
  /** The name as 附件1 writes it (or as the unit's own report calls itself, for units 附件1 leaves out). */
  name: string;
  /** The unit's own name as its attached report's title gives it; '' where the seed gives none. */
  fullName: string;
  shortName: string;
  level: DepartmentLevel;
  /** Other spellings the seed uses. */
  aliases: string[];
};

export const seedDepartments: readonly SeedDepartment[] = [
  { name: '市政府', fullName: '商丘市人民政府', shortName: '市政府', level: 'government', aliases: [] },
  { name: '市发展改革委', fullName: '商丘市发展和改革委员会', shortName: '发改委', level: 'municipal', aliases: ['市发展和改革委员会'] },
  { name: '市工业和信息化局', fullName: '商丘市工业和信息化局', shortName: '工信局', level: 'municipal', aliases: [] },
  { name: '市财政局', fullName: '商丘市财政局', shortName: '财政局', level: 'municipal', aliases: [] },
  { name: '市税务局', fullName: '国家税务总局商丘市税务局', shortName: '税务局', level: 'vertical', aliases: [] },
  { name: '市人力资源社会保障局', fullName: '商丘市人力资源和社会保障局', shortName: '人社局', level: 'municipal', aliases: ['市人力资源和社会保障局'] },
  { name: '市科技局', fullName: '商丘市科学技术局', shortName: '科技局', level: 'municipal', aliases: ['市科学技术局'] },
  { name: '市行政审批和政务信息管理局', fullName: '商丘市行政审批和政务信息管理局', shortName: '审批局', level: 'municipal', aliases: [] },
  { name: '市自然资源和规划局', fullName: '商丘市自然资源和规划局', shortName: '自规局', level: 'municipal', aliases: [] },
  { name: '市住房城乡建设局', fullName: '商丘市住房和城乡建设局', shortName: '住建局', level: 'municipal', aliases: ['市住房和城乡建设局'] },
  { name: '市生态环境局', fullName: '商丘市生态环境局', shortName: '生态环境局', level: 'municipal', aliases: [] },
  { name: '市城市管理局', fullName: '', shortName: '城管局', level: 'municipal', aliases: [] },
  { name: '国网商丘供电公司', fullName: '国网商丘供电公司', shortName: '供电公司', level: 'enterprise', aliases: [] },
  { name: '市金融工作局', fullName: '商丘市金融工作局', shortName: '金融局', level: 'municipal', aliases: [] },
  { name: '人行商丘市中心支行', fullName: '', shortName: '人行', level: 'vertical', aliases: ['人行商丘市中心支行'] },
  { name: '商丘市银保监分局', fullName: '', shortName: '银保监分局', level: 'vertical', aliases: ['商丘银保监分局'] },
  { name: '市市场监管局', fullName: '商丘市市场监督管理局', shortName: '市场监管局', level: 'municipal', aliases: ['市市场监督管理局'] },
  { name: '市司法局', fullName: '', shortName: '司法局', level: 'municipal', aliases: [] },
  { name: '市应急局', fullName: '商丘市应急管理局', shortName: '应急局', level: 'municipal', aliases: ['市应急管理局'] },
  { name: '市公安局', fullName: '商丘市公安局', shortName: '公安局', level: 'municipal', aliases: [] },
  { name: '市中级人民法院', fullName: '', shortName: '市中院', level: 'judicial', aliases: [] },
  { name: '市检察院', fullName: '', shortName: '市检察院', level: 'judicial', aliases: ['市人民检察院'] },
  { name: '市交通运输局', fullName: '商丘市交通运输局', shortName: '交通局', level: 'municipal', aliases: [] },
];

function namesOf(d: SeedDepartment): string[] {
  return [d.name, d.fullName, ...d.aliases].filter((n) => n !== '');
}

export function findSeedDepartment(name: string): SeedDepartment | undefined {
  return seedDepartments.find((d) => namesOf(d).includes(name));
}

export type ListedDepartments = { names: string[]; openEnded: boolean; unknown: string[] };

/**
 * Reads a 责任单位 cell. Units are separated by spaces, but the PDF extraction also broke some names
 * with spaces ("市行政审批和 政务信息管理 局"), so pieces are joined while they still begin a known name.
 */
export function readListedDepartments(cell: string): ListedDepartments {
  const pieces = cell.trim().split(/\s+/).filter((p) => p !== '');
  let openEnded = false;
  const last = pieces.length - 1;
  if (last >= 0 && pieces[last]!.endsWith('等')) {
    openEnded = true;
    pieces[last] = pieces[last]!.slice(0, -1);
  }
  const known = seedDepartments.flatMap(namesOf);
  const names: string[] = [];
  const unknown: string[] = [];
  let pending = '';
  for (const piece of pieces) {
    pending += piece;
    if (known.includes(pending)) {
      names.push(findSeedDepartment(pending)!.name);
      pending = '';
    } else if (!known.some((k) => k.startsWith(pending))) {
      unknown.push(pending);
      pending = '';
    }
  }
  if (pending !== '') unknown.push(pending);
  return { names, openEnded, unknown };
}
