// The ledger's information from the seed: the documents the rectification rests on, and the report's own
// headline figures (报告口径) with the line that states each; a test checks every quote against its line.
import type { SourceDocument } from '../model/ledger-info.ts';

export const LEDGER_TITLE = '商丘市优化营商环境执法检查问题整改台账';
/** The report's date (line 103): what "目前" and "今年以来" in it mean. */
export const REPORT_DATE = '2022-11-02';
/** Sample records carry the report's date as their creation time, and this as their author. */
export const SAMPLE_CREATED_AT = `${REPORT_DATE}T00:00:00+08:00`;
export const SAMPLE_ACTOR = '示例台账';

/** Each document with the seed lines that cite it. */
export const seedDocuments: (SourceDocument & { lines: number[] })[] = [
  {
    number: '',
    title: '关于检查国务院〈优化营商环境条例〉〈河南省优化营商环境条例〉〈商丘市优化营商环境条例〉贯彻实施情况的报告',
    issuer: '商丘市人大常委会执法检查组',
    date: null,
    role: '执法检查报告：提出附件1所列问题',
    lines: [508],
  },
  {
    number: '商人常审〔2021〕13号',
    title: '市人大常委会关于《检查国务院〈优化营商环境条例〉〈河南省优化营商环境条例〉〈商丘市优化营商环境条例〉贯彻实施情况的报告》的审议意见',
    issuer: '商丘市人大常委会',
    date: null,
    role: '审议意见：整改的依据（附件1第三列的审议意见）',
    lines: [388],
  },
  {
    number: '商人常办〔2022〕27号',
    title: '商丘市人大常委会听取和审议市政府、市中级人民法院、市人民检察院关于优化营商环境执法检查整改情况的报告并开展满意度测评的实施方案',
    issuer: '商丘市人大常委会办公室',
    date: null,
    role: '实施方案：要求报告整改情况并开展满意度测评',
    lines: [9, 143, 360],
  },
  {
    number: '',
    title: '商丘市人民政府关于优化营商环境执法检查问题整改情况的报告',
    issuer: '商丘市人民政府',
    date: REPORT_DATE,
    role: '整改情况报告：台账的底稿（正文、附件1汇总表及16家单位的报告）',
    lines: [3, 5, 103],
  },
];

export type SeedFigure = { key: string; name: string; value: number; unit: string; quote: string; line: number; asOf?: string };

const f = (key: string, name: string, value: number, unit: string, line: number, quote: string, asOf?: string): SeedFigure => ({ key, name, value, unit, line, quote, ...(asOf ? { asOf } : {}) });

/**
 * The report's own counts. `key` names what a report will set its computed count beside: policies,
 * campaigns and mechanisms against the measures by type, problems against the problems, and so on.
 */
export const seedFigures: SeedFigure[] = [
  f('areas', '执法检查发现问题的方面', 4, '个', 13, '4个方面'),
  f('problems', '执法检查发现的问题', 10, '类', 13, '10类问题'),
  f('recommendations', '检查组指出的整改建议', 19, '条', 13, '检查组指出的19条整改建议'),
  f('reviewOpinions', '常委会委员指出的审议意见', 4, '条', 13, '市人大常委会委员指出的4条审议意见'),
  f('policies', '已出台整改政策措施', 56, '项', 13, '已出台整改政策措施56项'),
  f('campaigns', '组织开展专项整治活动', 22, '次', 13, '组织开展专项整治活动22次'),
  f('mechanisms', '建立相关工作机制制度', 13, '项', 13, '建立相关工作机制制度13项'),
  f('', '今年以来新登记市场主体', 7.83, '万户', 13, '全市新登记市场主体7.83万户'),
  f('', '累计登记各类市场主体', 73.6, '万户', 13, '全市累计登记各类市场主体73.6万户'),
  f('', '累计登记各类市场主体', 73.61, '万户', 149, '全市共登记各类市场主体 73.61 万户', '2022-09-30'),
  f('taskForces', '专项攻坚专班', 27, '个', 21, '下设 27 个专项攻坚专班'),
  f('evaluationIndicators', '营商环境评价指标攻坚目标任务', 28, '项', 21, '明确 28 项营商环境评价指标攻坚目标任务'),
  f('responsibleUnits', '责任部门', 56, '家', 21, '细化梳理 56 家责任部门所承担的 1100 余项责任事项'),
  f('responsibilityItems', '责任事项', 1100, '项', 21, '细化梳理 56 家责任部门所承担的 1100 余项责任事项'),
  f('responsibilityItems', '责任事项', 1150, '项', 155, '对56家责任单位所承担的1150项责任事项进行了明确'),
  f('bulletins', '印发营商环境通报、简报', 28, '期', 25, '印发营商环境通报、简报 28 期'),
  f('rectifiedItems', '专项整治推动问题整改', 779, '项', 27, '推动问题整改 779 项'),
  f('campaignActions', '开展专项整治行动', 200, '次', 27, '开展专项整治行动 200 余次'),
  f('unitReports', '附送整改情况报告的单位', 16, '家', 81, '市发展改革委等 16 家单位整改情况报告'),
];
