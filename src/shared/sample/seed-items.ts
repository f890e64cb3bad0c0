// What the seed says of the report body's and the department reports' measures but no rule reads: titles,
// leads and partners named in the words, what is reported done or standing, deadlines, figures, documents
// cited elsewhere. Keyed 正文:label or 附件N:label (seed-parts.ts); a test checks every quote against the seed.
import { done, figure, type ItemCuration, standing } from './seed-curation.ts';

const threeDistricts = ['梁园区', '睢阳区', '示范区'];

/** The report body (the 市政府's own report): items it restates from 附件1 add to those measures. */
export const bodyItems: Record<string, ItemCuration> = {
  '正文:（一）1.': { lead: '市营商办', indicators: [figure('专项攻坚专班', 27, '个', 21, '下设 27 个专项攻坚专班')] },
  '正文:（一）2.': {
    lead: '市营商办',
    indicators: [
      figure('受理营商环境问题线索', 11, '个', 25, '受理营商环境问题线索 11 个'),
      figure('办结营商环境问题线索', 5, '个', 25, '办结 5 个'),
      figure('印发营商环境通报、简报', 28, '期', 25, '印发营商环境通报、简报 28 期'),
    ],
  },
  '正文:（一）3.': {
    lead: '市营商办',
    indicators: [figure('专项整治推动问题整改', 779, '项', 27, '推动问题整改 779 项'), figure('开展专项整治行动', 200, '次', 27, '开展专项整治行动 200 余次')],
  },
  '正文:（一）4.': { restates: ['1:一是'] },
  '正文:（二）1.一是': { restates: ['2:一是'] },
  '正文:（二）1.二是': { restates: ['2:二是'] },
  '正文:（二）1.三是': { restates: ['2:三是'] },
  '正文:（二）1.四是': { restates: ['7:一是'] },
  '正文:（二）2.一是': { restates: ['2:四是'] },
  '正文:（二）2.二是': { lead: '市住房城乡建设局' },
  '正文:（二）2.三是': { lead: '市住房城乡建设局', indicators: [figure('取消审批事项', 17, '项', 41, '等 17 项审批事项')] },
  '正文:（二）3.一是': {
    lead: '市自然资源和规划局',
    indicators: [
      figure('不动产登记便民服务点', 18, '个', 43, '在市区设立 18 个便民服务点'),
      figure('不动产登记办结时限', 1, '个工作日', 43, '不动产登记业务全部实现 1 个工作日内办结', { target: 1 }),
    ],
  },
  '正文:（二）3.二是': {
    lead: '市自然资源和规划局',
    status: done('自 9 月 1 日起，市规划区内新建商品房全面实行“交房即交证”，目前已有 1500 户购房群众实现“交房即交证”'),
    indicators: [figure('实现“交房即交证”的购房群众', 1500, '户', 43, '目前已有 1500 户购房群众实现“交房即交证”')],
  },
  '正文:（二）3.三是': { lead: '市自然资源和规划局', indicators: [figure('契税补贴发放', 3, '万户', 43, '截至 8 月份完成近 3 万户群众的契税补贴发放', { asOf: '2022-08-31' })] },
  '正文:（二）4.': { restates: ['8:一是', '8:二是'] },
  '正文:（三）1.': { restates: ['9:一是'] },
  // The same campaign as 工业和信息化局's report describes (its 万人助万企 office): the figures differ.
  '正文:（三）2.': {
    lead: '市工业和信息化局',
    status: standing('坚持每月 12 日“企业服务日”、15 日“企业家大讲堂”活动不间断'),
    indicators: [
      figure('“万人助万企”平台注册企业', 2.14, '万家', 53, '目前平台共注册企业超2.14万家'),
      figure('助企干部', 2435, '名', 55, '2435 名助企干部'),
      figure('为企业解决融资贷款', 180.28, '亿元', 55, '为 602 家企业解决融资贷款 180.28 亿元'),
      figure('解决融资贷款的企业', 602, '家', 55, '为 602 家企业解决融资贷款'),
      figure('为企业解决用地', 3480, '亩', 55, '为 104 家企业解决用地 3480 亩'),
    ],
  },
  '正文:（三）3.一是': { restates: ['4:一是'] },
  '正文:（三）3.二是': { restates: ['4:二是'] },
  '正文:（三）3.三是': { restates: ['4:四是'] },
  '正文:（三）3.五是': { restates: ['4:五是'] },
  '正文:（三）4.': { restates: ['3:#1', '3:#2'] },
  '正文:（四）1.': { restates: ['5:1.', '5:3.'] },
  '正文:（四）2.': { restates: ['10:一是', '10:二是'] },
  '正文:（四）3.一是': { lead: '市发展改革委', cooperating: ['夏邑县', '民权县', '睢县', '宁陵县'] },
  '正文:（四）3.二是': { lead: '市发展改革委', indicators: [figure('市、县两级信用平台归集信用信息', 3.34, '亿条', 73, '市、县两级信用平台归集各类信用信息 3.34 亿条')] },
  '正文:（四）3.三是': { lead: '市发展改革委', indicators: [figure('纳入失信黑名单', 3733, '人', 73, '纳入失信黑名单 3733 人'), figure('限制高消费', 12631, '人', 73, '限制高消费 12631 人')] },
};

/** 附件2–9. The lead is the reporting unit; cooperating units are those the words name as doing part. */
export const unitItems: Record<string, ItemCuration> = {
  '附件2:（二）': { indicators: [figure('责任单位所承担的责任事项', 1150, '项', 155, '对56家责任单位所承担的1150项责任事项进行了明确')] },
  '附件2:（三）': { indicators: [figure('特邀监督员', 80, '名', 157, '向80余名市级特邀监督员颁发了聘书')] },
  '附件2:（五）': { indicators: [figure('累计优化审批事项', 58, '项', 165, '已累计优化审批事项58项')] },
  '附件2:（六）': { indicators: [figure('公共资源交易平台全流程电子化办理率', 100, '%', 169, '平台全流程电子化办理率100%', { target: 100 })] },
  '附件3:二、': { title: '积极开展惠企政策宣传', indicators: [figure('为科技型企业争取信贷支持', 1.2, '亿元', 233, '为科技型企业争取信贷支持 1.2 亿元')] },
  '附件3:下一步一是': {
    deadline: '年底前',
    indicators: [{ name: '新增省级及以上研发平台', target: 20, actual: null, unit: '家', line: 246, quote: '年底前新增省级及以上研发平台 20 家以上', asOf: '2022-12-31' }],
    evidence: [
      { text: '《中共商丘市委、商丘市人民政府关于打造科技创新强市的实施意见》（商发〔2022〕15号）', line: 203, quote: '（商发〔2022〕15号）' },
      { text: '《关于加快改革创新促进高新技术产业开发区高质量发展的实施意见》（商办〔2022〕23号）', line: 203, quote: '（商办〔2022〕23号）' },
    ],
  },
  // The year-end targets (line 248) beside what line 211 reports already reached.
  '附件3:下一步二是': {
    deadline: '年底前',
    indicators: [
      { name: '规上工业企业研发活动覆盖率', target: 50, actual: null, unit: '%', line: 248, quote: '年底前实现 50% 覆盖率', asOf: '2022-12-31' },
      figure('有研发活动的规上工业企业占比', 60, '%', 211, '全市有研发活动的规上工业企业达到60%', { elsewhere: true }),
      { name: '高新技术企业', target: 235, actual: null, unit: '家', line: 248, quote: '年底前分别达到 235 家、330 家以上', asOf: '2022-12-31' },
      { name: '科技型中小企业', target: 330, actual: null, unit: '家', line: 248, quote: '年底前分别达到 235 家、330 家以上', asOf: '2022-12-31' },
      figure('科技型中小企业入库（省定目标）', 375, '家', 211, '我市科技型中小企业已入库375家，超额完成320家的省定目标', { target: 320, elsewhere: true }),
    ],
    evidence: [{ text: '《商丘市规上工业企业研发活动全覆盖2022年行动计划》（商科〔2022〕15号）', line: 211, quote: '（商科〔2022〕15号）' }],
  },
  '附件3:下一步四是': { indicators: [{ name: '“揭榜挂帅”项目', target: 20, actual: null, unit: '项', line: 252, quote: '组织实施“揭榜挂帅”项目 20 项左右' }] },
  '附件4:（一）一是': { indicators: [figure('惠企纾困具体措施', 23, '条', 272, '10 大系列 23 条具体措施')] },
  '附件4:（一）四是': { indicators: [figure('满负荷生产资金', 1850, '万元', 272, '为 133 家企业申请满负荷生产资金 1850 万元')] },
  '附件4:（二）一是': {
    status: standing('持续组织开展每月 12 日的“企业服务日”、15 日的“企业家大讲堂”活动'),
    indicators: [
      figure('联系服务企业的领导干部', 2445, '名', 274, '全市 2445 名领导干部联系服务 5163 家企业'),
      figure('为企业解决融资贷款', 162.4, '亿元', 274, '为 436 家企业解决融资贷款 162.4 亿元'),
      figure('解决融资贷款的企业', 436, '家', 274, '为 436 家企业解决融资贷款'),
      figure('为企业解决用地', 3480, '亩', 274, '为 104 家企业解决用地 3480 亩'),
    ],
  },
  '附件4:（二）二是': { indicators: [figure('无分歧欠款清偿', 2166.371, '万元', 276, '分歧欠款已清偿 2166.371 万元'), figure('无分歧欠款清偿率', 45.13, '%', 276, '清偿率 45.13%', { target: 100 })] },
  '附件4:（二）三是': { indicators: [figure('“万人助万企”平台注册企业', 2.1, '万家', 276, '已注册企业超 2.1 万家')] },
  '附件4:（四）': { status: standing('常态化开展《条例》宣传优环境') },
  '附件4:下一步（一）': { status: standing('牵头常态化开展“万人助万企”“企业服务日”活动') },
  '附件5:（一）': { title: '建议成立不动产登记信息安全共享领导小组和工作小组' },
  '附件5:（二）': { title: '坚持理性、文明、平和、规范执法', status: standing('长期以来，公安机关坚持理性、文明、平和、规范执法') },
  '附件6:三是': { cooperating: threeDistricts },
  '附件7:（一）一是': {
    status: done('印制人力资源社会保障部门“万人助万企”政策明白告知卡10000份'),
    indicators: [figure('“万人助万企”政策明白告知卡', 10000, '份', 510, '政策明白告知卡10000份')],
  },
  '附件7:（一）二是': { status: done('与市广播电视台、《河南日报》、《京九晚报》等媒体合作制作春风行动的专题报道，收到较好社会效果') },
  '附件7:（二）一是': {
    indicators: [
      figure('网络直播招聘会提供就业岗位', 8500, '个', 514, '提供就业岗位8500多个'),
      figure('新增转移农村劳动力', 5.52, '万人', 438, '全市新增转移农村劳动力人数5.52万人，完成年度目标任务5万人的110.4%', { target: 5, asOf: '2022-07-31', elsewhere: true }),
    ],
  },
  '附件7:（二）二是': {
    deadline: '9月底前',
    indicators: [{ name: '每个县（市、区）建成规范性零工市场', target: 1, actual: null, unit: '个', line: 516, quote: '各县（市、区）至少建成1个规范性零工市场', asOf: '2022-09-30' }],
  },
  '附件7:（二）三是': { indicators: [figure('招才引智签约人数', 20223, '人', 516, '签约人数20223人')] },
  // The shares of the provincial yearly targets reached (line 426) are the figures this next step builds on.
  '附件7:下一步（二）': {
    indicators: [
      figure('技能培训完成省定年度任务', 154, '%', 426, '分别完成省定年度任务的154%、103%、185%', { target: 100, elsewhere: true }),
      figure('技能培训', 34.56, '万人次', 426, '全市共完成技能培训34.56万人次', { elsewhere: true }),
    ],
  },
  '附件7:下一步（五）一是': {
    evidence: [{ text: '《关于进一步贯通技能人才与专业技术人员职业发展通道的通知》（商人社〔2021〕13号）', line: 458, quote: '（商人社〔2021〕13 号）' }],
  },
  '附件8:（一）一是': { indicators: [figure('不动产登记办结时限', 1, '个工作日', 604, '不动产登记业务实现1个工作日办结', { target: 1 })] },
  '附件8:（一）五是': { indicators: [figure('向县（区）下放政务服务事项', 42, '项', 614, '下放建设用地规划许可等政务服务事项42项')] },
  '附件8:（二）一是1.': { cooperating: ['市税务局'], status: done('实现了纳税与不动产登记综合受理') },
  '附件8:（二）一是2.': { status: done('将预购商品房预告登记与预购商品房抵押预告登记合并办理') },
  '附件8:（二）一是3.': { status: done('实现存量房转移登记与水电气暖过户并联办理') },
  '附件8:（二）二是3.': { cooperating: ['市行政审批和政务信息管理局'] },
  '附件8:（二）三是': { cooperating: ['市税务局'], status: done('实现了增量房契税电子税务局网上缴纳') },
  '附件8:（三）二是2.': { indicators: [figure('《建设工程规划许可证》实际办理时限', 2, '个工作日', 632, '在实际办理过程中2个工作日内即可完成', { target: 5 })] },
  '附件8:（四）一是': { title: '建议由政府重新安排新的地块，解决企业发展用地' },
  '附件8:（四）二是': { title: '建议通过调整用地面积或缩短出让年限完善用地手续' },
  '附件8:（四）三是': { deadline: '2022年年底前' },
  '附件9:（一）一是': { status: standing('每月组织开展“企业帮扶周”活动'), indicators: [figure('帮扶指导企业', 972, '家', 714, '帮扶指导企业 972 家')] },
  '附件9:（二）': { status: standing('全市生态环境部门全面落实污染源日常环境监管“双随机一公开”'), indicators: [figure('“双随机”抽查企业', 49, '家', 722, '共抽查企业 49 家')] },
  '附件9:（三）一是': { status: done('全额完成“双公示”信用信息归集工作') },
  '附件9:（三）三是': { cooperating: ['市发展改革委', '市市场监管局', '市税务局', '商丘市银保监分局'] },
};
