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
  '1:三是': { lead: '市发展改革委' },
  '2:四是': { lead: '市住房城乡建设局' },
  '3:#1': { lead: '市城市管理局' },
  '3:#2': { lead: '国网商丘供电公司' },
  '6:一是①': { lead: '市自然资源和规划局', cooperating: ['市税务局'] },
  '6:二是②': { lead: '市自然资源和规划局', cooperating: ['市税务局'] },
  '6:三是': { lead: '市自然资源和规划局', cooperating: ['市财政局'] },
  '7:二是': { lead: '市自然资源和规划局' },
  '8:一是': { lead: '市财政局' },
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
  '5:1.': [
    { name: '双随机抽查次数', target: null, actual: 349, unit: '次', line: 124, quote: '共开展双随机抽查349次' },
    { name: '部门联合抽查次数', target: null, actual: 56, unit: '次', line: 124, quote: '其中部门联合抽查56次' },
  ],
  '5:3.': [{ name: '累计归集涉企信息', target: null, actual: 246.39, unit: '万条', line: 124, quote: '累计归集各类信息246.39万条' }],
  '6:一是①': [{ name: '不动产登记办结时限', target: 1, actual: 1, unit: '个工作日', line: 43, quote: '不动产登记业务全部实现 1 个工作日内办结' }],
  '7:一是': [
    { name: '市级政务服务事项网上可办', target: null, actual: 2126, unit: '项', line: 130, quote: '实现市级政务服务事项 2126 项网上可办' },
    { name: '一网通办率', target: 100, actual: 99.9, unit: '%', line: 130, quote: '“一网通办”率为 99.9%' },
    { name: '一网通办率', target: 100, actual: 100, unit: '%', line: 37, quote: '“一网通办”率100%' },
    { name: '一网通办率', target: 100, actual: 99, unit: '%', line: 1046, quote: '“一网通办”率99%' },
    { name: '最多跑一次覆盖率', target: 100, actual: 98.9, unit: '%', line: 130, quote: '“最多跑一次”覆盖率 98.9%' },
    { name: '最多跑一次覆盖率', target: 100, actual: 100, unit: '%', line: 37, quote: '“最多跑一次”覆盖率100%' },
    { name: '不见面审批占比', target: 100, actual: 90, unit: '%', line: 130, quote: '“不见面审批”占比达到 90%' },
    { name: '不见面审批占比', target: 100, actual: 100, unit: '%', line: 37, quote: '“不见面审批”率100%' },
  ],
  '9:一是': [
    { name: '企业用工招聘活动', target: null, actual: 240, unit: '场次', line: 136, quote: '各类企业用工招聘240场次' },
    { name: '为企业招工', target: null, actual: 4.5, unit: '万人', line: 136, quote: '为企业招工4.5万人' },
  ],
  '9:二是': [{ name: '返乡创业人员', target: null, actual: 19.5, unit: '万人', line: 136, quote: '全市实有返乡创业人员19.5万人' }],
  '9:四是': [{ name: '招才引智签约优秀人才', target: null, actual: 6788, unit: '人', line: 136, quote: '共签约了优秀人才6788人' }],
};

export type SeedEvidence = { text: string; line: number; quote: string };

/** Documents with their numbers, cited in the report body or a unit's report for the work a measure describes. */
export const measureEvidence: Record<MeasureKey, SeedEvidence[]> = {
  '1:二是': [
    { text: '《商丘市人民政府办公室关于进一步做好惠企纾困工作促进经济平稳健康发展的通知》（商政办〔2022〕14号）', line: 1230, quote: '（商政办〔2022〕14号）' },
  ],
  '1:三是': [
    { text: '《商丘市优化营商环境攻坚领导小组及各专项攻坚组名单》（商营商攻坚办〔2021〕1号）', line: 21, quote: '（商营商攻坚办〔2021〕1 号）' },
    { text: '《商丘市营商环境特邀监督员制度实施方案》（商营商攻坚办〔2021〕3号）', line: 23, quote: '（商营商攻坚办〔2021〕3 号）' },
  ],
  '2:四是': [
    { text: '《商丘市工程建设项目审批制度改革实施方案》（商政办〔2019〕35号）', line: 165, quote: '（商政办〔2019〕35号）' },
  ],
};
