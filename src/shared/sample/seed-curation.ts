// What the seed says but no rule can read: which unit leads each measure, the figures worth tracking as
// indicators, and documents cited elsewhere in the report. Each entry quotes the seed line it rests on,
// and a test checks every quote against the seed file.

/** Where a measure is keyed: problem number and the source's label, or #n (1-based) for unnumbered text. */
export type MeasureKey = `${number}:${string}`;

/** Problem 3's text is not numbered but covers two services run by two units; it is cut before these words. */
export const extraSplits: Record<number, string[]> = {
  3: ['针对事故性停电'],
};

/**
 * The unit that leads a measure when it is not the problem's lead: the one the measure's words name.
 * Every other measure is led by its problem's lead.
 */
export const measureLeads: Record<MeasureKey, { lead: string; cooperating?: string[] }> = {
  '1:一是': { lead: '市发展改革委' },
  '1:二是': { lead: '市工业和信息化局' },
  // 市营商办案件组 handles the cases; one went to 市监察委.
  '1:三是': { lead: '市营商办', cooperating: ['市纪委监委'] },
  '2:四是': { lead: '市住房城乡建设局' },
  '3:#1': { lead: '市城市管理局' },
  '3:#2': { lead: '国网商丘供电公司' },
  '6:一是①': { lead: '市自然资源和规划局', cooperating: ['市税务局'] },
  '6:二是②': { lead: '市自然资源和规划局', cooperating: ['市税务局'] },
  '6:三是': { lead: '市自然资源和规划局', cooperating: ['市财政局'] },
  '7:二是': { lead: '市自然资源和规划局' },
  // 三区 (梁园区, 睢阳区, 示范区) receive the land revenue and return it.
  '8:一是': { lead: '市财政局', cooperating: ['梁园区', '睢阳区', '示范区'] },
  '8:二是': { lead: '市自然资源和规划局', cooperating: ['市不动产登记交易中心'] },
  '10:二是': { lead: '市公安局' },
};

export type SeedIndicator = {
  name: string;
  target: number | null;
  actual: number | null;
  unit: string;
  /** Line of the seed file the figure is read from, and the words that state it. */
  line: number;
  quote: string;
  /** The day the figure stands at when the words give one (截至7月底 → 2022-07-31); else the report's date. */
  asOf?: string;
  /** The figure is stated away from the measure's own lines (another part of the report says it). */
  elsewhere?: true;
};

/** What the report says of a measure's state, in its words: done (已完成) or standing work (长期坚持). */
export type SeedStatus = { is: 'completed' | 'ongoing'; quote: string };

/** A figure the words state (a result unless `more` gives its target). */
export function figure(name: string, actual: number | null, unit: string, line: number, quote: string, more: Partial<SeedIndicator> = {}): SeedIndicator {
  return { name, target: null, actual, unit, line, quote, ...more };
}
export const done = (quote: string): SeedStatus => ({ is: 'completed', quote });
export const standing = (quote: string): SeedStatus => ({ is: 'ongoing', quote });

/** What the seed says of one measure but no rule reads: each entry quotes the words it rests on. */
export type ItemCuration = {
  /** A title where the first clause says nothing or runs on. */
  title?: string;
  /** The unit that leads it, when not the reporting unit (for the report body: not the 市政府). */
  lead?: string;
  /** Units its words name as doing part of it. */
  cooperating?: string[];
  status?: SeedStatus;
  /** The deadline as the words give it (年底前, 9月底前, 2022年年底前). */
  deadline?: string;
  indicators?: SeedIndicator[];
  /** Documents cited elsewhere in the seed for this work. */
  evidence?: SeedEvidence[];
  /** A body item that restates 附件1 measures: it adds its source, documents and figures to them instead. */
  restates?: MeasureKey[];
};

// Where one figure is given differently in different places (一网通办率 100% / 99.9% / 99%), each
// figure is kept with its own source rather than one picked.
export const measureIndicators: Record<MeasureKey, SeedIndicator[]> = {
  '1:一是': [{ name: '营商环境投诉举报标牌发放', target: null, actual: 300, unit: '个', line: 112, quote: '第一批制作的 300 个标牌已经发放完毕' }],
  '1:二是': [{ name: '惠企纾困具体措施', target: null, actual: 23, unit: '条', line: 112, quote: '10 大系列 23 条具体措施' }],
  '1:三是': [
    { name: '受理营商环境违法案件', target: null, actual: 11, unit: '起', line: 112, quote: '今年以来受理案件 11 起' },
    { name: '办结营商环境违法案件', target: null, actual: 5, unit: '起', line: 112, quote: '办结案件 5 起' },
  ],
  '2:四是': [{ name: '告知承诺事项', target: null, actual: 28, unit: '项', line: 115, quote: '承诺事项增至28项' }],
  '3:#1': [{ name: '水气暖报装办理时间', target: 1, actual: 1, unit: '个工作日', line: 118, quote: '将办理时间由5个工作日压缩为1个工作日' }],
  '3:#2': [{ name: '城区故障抢修到达现场时间', target: 45, actual: 45, unit: '分钟', line: 118, quote: '城区范围平均45分钟内到达现场' }],
  '4:二是': [
    { name: '普惠型小微企业贷款余额', target: null, actual: 375.29, unit: '亿元', line: 121, quote: '普惠型小微企业贷款余额375.29亿元' },
    { name: '全年信贷计划完成率', target: 100, actual: 58.76, unit: '%', line: 121, quote: '完成全年信贷计划的58.76%' },
    { name: '有贷款余额的小微企业户数', target: null, actual: 13.13, unit: '万户', line: 121, quote: '有贷款余额的户数13.13万户' },
  ],
  // The report body (line 67) and 附件1 (line 124) give different figures for the same checks this year.
  '5:1.': [
    { name: '双随机抽查次数', target: null, actual: 349, unit: '次', line: 124, quote: '共开展双随机抽查349次' },
    { name: '双随机抽查次数', target: null, actual: 592, unit: '次', line: 67, quote: '开展双随机抽查 592 次' },
    { name: '部门联合抽查次数', target: null, actual: 56, unit: '次', line: 124, quote: '其中部门联合抽查56次' },
    { name: '部门联合抽查次数', target: null, actual: 142, unit: '次', line: 67, quote: '其中部门联合抽查 142 次' },
    { name: '抽查事项清单', target: null, actual: 2197, unit: '项', line: 124, quote: '共录入抽查事项清单2197项' },
    { name: '抽查事项清单', target: null, actual: 2341, unit: '项', line: 67, quote: '共录入平台抽查事项清单 2341 项' },
    { name: '检查对象库', target: null, actual: 3044, unit: '个', line: 124, quote: '建立检查对象库3044个' },
    { name: '检查对象库', target: null, actual: 3303, unit: '个', line: 67, quote: '建立检查对象库 3303 个' },
    { name: '执法人员库', target: null, actual: 1546, unit: '个', line: 124, quote: '执法人员库1546个' },
    { name: '执法人员库', target: null, actual: 1893, unit: '个', line: 67, quote: '执法人员库 1893 个' },
    { name: '双随机抽查市场主体', target: null, actual: 17919, unit: '户', line: 124, quote: '抽查市场主体17919户' },
    { name: '双随机抽查市场主体', target: null, actual: 33997, unit: '户', line: 67, quote: '抽查市场主体 33997 户' },
    { name: '部门联合抽查市场主体', target: null, actual: 196, unit: '户', line: 124, quote: '其中部门联合抽查56次，抽查市场主体196户' },
    { name: '部门联合抽查市场主体', target: null, actual: 736, unit: '户', line: 67, quote: '其中部门联合抽查 142 次，抽查市场主体 736 户' },
  ],
  '5:3.': [{ name: '累计归集涉企信息', target: null, actual: 246.39, unit: '万条', line: 124, quote: '累计归集各类信息246.39万条' }],
  '7:一是': [
    { name: '市级政务服务事项网上可办', target: null, actual: 2126, unit: '项', line: 130, quote: '实现市级政务服务事项 2126 项网上可办' },
    { name: '一网通办率', target: 100, actual: 99.9, unit: '%', line: 130, quote: '“一网通办”率为 99.9%' },
    { name: '一网通办率', target: 100, actual: 100, unit: '%', line: 37, quote: '“一网通办”率100%' },
    { name: '一网通办率', target: 100, actual: 99, unit: '%', line: 1046, quote: '“一网通办”率99%', elsewhere: true },
    { name: '市级政务服务事项网上可办', target: null, actual: 2135, unit: '项', line: 37, quote: '2135项市级政务服务事项实现网上可办' },
    { name: '一窗分类受理率', target: 100, actual: 100, unit: '%', line: 130, quote: '“一窗”分类受理率为 100%' },
    { name: '一窗分类受理率', target: 100, actual: 100, unit: '%', line: 37, quote: '“一窗”分类受理率100%' },
    { name: '最多跑一次覆盖率', target: 100, actual: 100, unit: '%', line: 1046, quote: '“最多跑一次”事项覆盖率100%', elsewhere: true },
    { name: '最多跑一次覆盖率', target: 100, actual: 98.9, unit: '%', line: 130, quote: '“最多跑一次”覆盖率 98.9%' },
    { name: '最多跑一次覆盖率', target: 100, actual: 100, unit: '%', line: 37, quote: '“最多跑一次”覆盖率100%' },
    { name: '不见面审批占比', target: 100, actual: 90, unit: '%', line: 130, quote: '“不见面审批”占比达到 90%' },
    { name: '不见面审批占比', target: 100, actual: 100, unit: '%', line: 37, quote: '“不见面审批”率100%' },
  ],
  '4:一是': [{ name: '创新贷款产品', target: null, actual: 21, unit: '种', line: 57, quote: '等贷款产品 21 种' }],
  '10:一是': [{ name: '市法院审结民事案件', target: null, actual: 49569, unit: '件', line: 69, quote: '市法院审结各类民事案件 49569 件' }],
  '10:二是': [
    { name: '“万警助万企”走访企业', target: null, actual: 1298, unit: '家', line: 69, quote: '共走访企业 1298 家' },
    { name: '“万警助万企”解决问题', target: null, actual: 961, unit: '件', line: 69, quote: '解决各类问题 961 件' },
  ],
  '9:一是': [
    { name: '企业用工招聘活动', target: null, actual: 240, unit: '场次', line: 136, quote: '各类企业用工招聘240场次' },
    { name: '为企业招工', target: null, actual: 4.5, unit: '万人', line: 136, quote: '为企业招工4.5万人' },
  ],
  '9:二是': [
    { name: '返乡创业人员', target: null, actual: 19.5, unit: '万人', line: 136, quote: '全市实有返乡创业人员19.5万人' },
    { name: '返乡农民工自主创业担保贷款', target: 3.66, actual: 3.01, unit: '亿元', line: 430, quote: '其中发放返乡农民工自主创业 3.01 亿元，完成全市全年目标任务 3.66 亿元的 82.24%', elsewhere: true },
  ],
  '9:四是': [{ name: '招才引智签约优秀人才', target: null, actual: 6788, unit: '人', line: 136, quote: '共签约了优秀人才6788人' }],
};

export type SeedEvidence = { text: string; line: number; quote: string };

/** Documents with their numbers, cited in the report body or a unit's report for the work a measure describes. */
export const measureEvidence: Record<MeasureKey, SeedEvidence[]> = {
  '3:#1': [
    { text: '《关于转发河南省清理规范城镇供水供电供气供暖行业收费促进行业高质量发展实施方案的通知》（豫政办〔2021〕66号）', line: 1238, quote: '（豫政办〔2021〕66号）' },
  ],
  '1:三是': [
    { text: '《商丘市优化营商环境攻坚领导小组及各专项攻坚组名单》（商营商攻坚办〔2021〕1号）', line: 21, quote: '（商营商攻坚办〔2021〕1 号）' },
    { text: '《商丘市营商环境特邀监督员制度实施方案》（商营商攻坚办〔2021〕3号）', line: 23, quote: '（商营商攻坚办〔2021〕3 号）' },
  ],
  '2:四是': [
    { text: '《商丘市工程建设项目审批制度改革实施方案》（商政办〔2019〕35号）', line: 165, quote: '（商政办〔2019〕35号）' },
  ],
};

/** What the report says is done (已完成) or standing (长期坚持) among 附件1's measures; the rest are 整改中. */
export const measureStatuses: Record<MeasureKey, SeedStatus> = {
  '1:一是': { is: 'completed', quote: '目前第一批制作的 300 个标牌已经发放完毕，各县（市、区）和市直各单位的对外服务窗口基本摆放到位' },
  '5:1.': { is: 'completed', quote: '建立了以市政府分管副市长为召集人的商丘市“双随机、一公开”监管工作联席会议制度' },
  '5:3.': { is: 'completed', quote: '建立由市政府分管副市长为召集人、全市32个部门为成员单位的企业信息归集共享工作联席会议制度' },
  '6:一是①': { is: 'completed', quote: '实现了纳税与不动产登记综合受理' },
  '6:一是②': { is: 'completed', quote: '将预购商品房预告登记与预购商品房抵押预告登记合并办理' },
  '6:一是③': { is: 'completed', quote: '实现房屋转移登记与水电气暖同步过户' },
  '6:三是': { is: 'completed', quote: '不动产登记费实现网上交税' },
  '10:一是': { is: 'completed', quote: '建立常态化府院联动工作机制' },
};

/** Titles where the first clause runs on (the source lacks a stop after 宣传). */
export const measureTitles: Record<MeasureKey, string> = {
  '1:一是': '大力开展《优化营商环境条例》宣传',
};
