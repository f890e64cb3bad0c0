// The units the seed names, with the facts the text gives about each (curated from the seed): the 22 of
// 附件1, the 市交通运输局 (a report of its own, in no row), the units above and around them, and the counties.
import type { DepartmentKind, DepartmentLevel } from '../model/department.ts';

export type SeedDepartment = {
  /** The name as 附件1 writes it (or as the seed most often calls a unit 附件1 leaves out). */
  name: string;
  /** The unit's official name: its report's title gives it where it has one. */
  fullName: string;
  shortName: string;
  level: DepartmentLevel;
  kind: DepartmentKind;
  /** Other spellings the seed uses. */
  aliases: string[];
  /** What the seed says of a unit that is in no row of 附件1, with the line it says it. */
  note?: string;
};

const unit = (name: string, fullName: string, shortName: string, level: DepartmentLevel, aliases: string[] = [], more: Partial<SeedDepartment> = {}): SeedDepartment => ({
  name,
  fullName,
  shortName,
  level,
  kind: 'responsible',
  aliases,
  ...more,
});
const county = (name: string, short: string, fullName: string, note: string, aliases: string[] = []) => unit(name, fullName, short, 'county', [short, ...aliases], { note });

export const seedDepartments: readonly SeedDepartment[] = [
  unit('市政府', '商丘市人民政府', '市政府', 'government'),
  unit('市发展改革委', '商丘市发展和改革委员会', '发改委', 'municipal', ['市发展和改革委员会']),
  unit('市工业和信息化局', '商丘市工业和信息化局', '工信局', 'municipal'),
  unit('市财政局', '商丘市财政局', '财政局', 'municipal'),
  unit('市税务局', '国家税务总局商丘市税务局', '税务局', 'vertical'),
  unit('市人力资源社会保障局', '商丘市人力资源和社会保障局', '人社局', 'municipal', ['市人力资源和社会保障局', '市人社局']),
  unit('市科技局', '商丘市科学技术局', '科技局', 'municipal', ['市科学技术局']),
  // 政务服务和大数据局 in three reports (lines 408, 568, 992): the same bureau, which keeps the data-sharing platform.
  unit('市行政审批和政务信息管理局', '商丘市行政审批和政务信息管理局', '审批局', 'municipal', ['市政务服务和大数据局', '市大数据局']),
  unit('市自然资源和规划局', '商丘市自然资源和规划局', '自规局', 'municipal', ['市自然资源与规划局']),
  unit('市住房城乡建设局', '商丘市住房和城乡建设局', '住建局', 'municipal', ['市住房和城乡建设局', '市住建局']),
  unit('市生态环境局', '商丘市生态环境局', '生态环境局', 'municipal'),
  unit('市城市管理局', '商丘市城市管理局', '城管局', 'municipal'),
  unit('国网商丘供电公司', '国网商丘供电公司', '供电公司', 'enterprise'),
  unit('市金融工作局', '商丘市金融工作局', '金融局', 'municipal'),
  unit('人行商丘市中心支行', '中国人民银行商丘市中心支行', '人行', 'vertical'),
  unit('商丘市银保监分局', '中国银行保险监督管理委员会商丘监管分局', '银保监分局', 'vertical', ['商丘银保监分局']),
  unit('市市场监管局', '商丘市市场监督管理局', '市场监管局', 'municipal', ['市市场监督管理局']),
  unit('市司法局', '商丘市司法局', '司法局', 'municipal'),
  unit('市应急局', '商丘市应急管理局', '应急局', 'municipal', ['市应急管理局']),
  unit('市公安局', '商丘市公安局', '公安局', 'municipal'),
  unit('市中级人民法院', '商丘市中级人民法院', '市中院', 'judicial', ['市法院']),
  unit('市检察院', '商丘市人民检察院', '市检察院', 'judicial', ['市人民检察院']),
  unit('市交通运输局', '商丘市交通运输局', '交通局', 'municipal'),
  // Units above and around the responsible ones.
  unit('市营商办', '商丘市优化营商环境攻坚领导小组办公室', '营商办', 'government', ['市优化营商环境攻坚领导小组办公室', '市营商环境攻坚办'], {
    kind: 'coordinating',
    note: '统筹协调：建立问题整改台账，实行台账化管理，每周调度、每月通报（第13、21行）；实体化运作，受理营商环境违法案件（第112、157行）',
  }),
  unit('市人大常委会', '商丘市人民代表大会常务委员会', '人大常委会', 'congress', ['商丘市人大常委会', '市人大'], {
    kind: 'supervising',
    note: '监督：开展执法检查、提出审议意见（商人常审〔2021〕13号），听取和审议整改情况报告并开展满意度测评（商人常办〔2022〕27号）',
  }),
  unit('市纪委监委', '中共商丘市纪律检查委员会 商丘市监察委员会', '纪委监委', 'party', ['市监察委', '市纪委'], {
    kind: 'supervising',
    note: '监督：营商环境违法案件移交市监察委（第112、159行），市纪委通报营商环境违法案件（第161行）',
  }),
  unit('市政府督查室', '商丘市人民政府督查室', '督查室', 'government', [], { kind: 'supervising', note: '监督：向市场监管局转交案件线索（第914行）' }),
  unit('市商务局', '商丘市商务局', '商务局', 'municipal', [], { note: '与市市场监管局牵头“双随机、一公开”部门联合抽查（第860行）' }),
  unit('市不动产登记交易中心', '商丘市不动产登记交易中心', '不动产中心', 'municipal', ['不动产登记交易中心'], {
    note: '市自然资源和规划局的不动产登记交易部门：统计历史遗留问题房屋、制订登记政策（第133、576、608行）',
  }),
  // The counties (县、市) and districts: 永城 is a county-level city; 三区 are 梁园区, 睢阳区 and 示范区.
  county('永城市', '永城', '永城市人民政府', '返乡创业示范县（第136行）；“获得电力”县域第一（第1220行）'),
  county('夏邑县', '夏邑', '夏邑县人民政府', '县级信用信息平台已建成并通过验收（第73行）'),
  county('虞城县', '虞城', '虞城县人民政府', '返乡创业示范县、国家返乡创业试点县（第136行）'),
  county('柘城县', '柘城', '柘城县人民政府', '返乡创业示范县（第136行）'),
  county('宁陵县', '宁陵', '宁陵县人民政府', '县级信用信息平台已建成并通过验收（第73行）'),
  county('睢县', '睢县', '睢县人民政府', '县级信用信息平台已建成并通过验收（第73行）'),
  county('民权县', '民权', '民权县人民政府', '县级信用信息平台已建成并通过验收（第73行）'),
  county('梁园区', '梁园', '商丘市梁园区人民政府', '三区之一（第45、133行）；存量房资金监管试点（第688行）'),
  county('睢阳区', '睢阳', '商丘市睢阳区人民政府', '三区之一（第45、133行）：报告未单独提及其名称'),
  county('示范区', '示范区', '商丘市城乡一体化示范区管理委员会', '三区之一（第45、133行）；12项工程建设审批事项在示范区（第115行）', ['市城乡一体化示范区管委会']),
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
