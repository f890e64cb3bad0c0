// Where in the seed each department report (附件2–17) and the report body give their rectification measures:
// the sections taken, and within them the parts whose items become measures. Every line of a section is a
// part, a part's heading, or listed as context (a heading or an introduction), so nothing is skipped silently.

/** A run of lines whose items (一是/二是…, 1./2., ①②③) each become a measure under one problem. */
export type ReportPart = {
  /** First and last line of the seed (1-based) the part's text stands on. */
  lines: [number, number];
  /** The 附件1 problem its items answer. */
  problem: number;
  /** Items of the part that answer another problem, by their own numbering (一是, 二是…). */
  problemOf?: Record<string, number>;
  /** Put before the items' own numbering to make their labels unique in the report, e.g. 问题一, 二（一）. */
  prefix?: string;
  /** A subsection heading on lines of its own: its words title an unnumbered item. */
  heading?: [number, number];
  /** Next-step items (下一步): planned work rather than work reported. */
  planned?: true;
};

export type ReportCuration = {
  /** 2–17 for the attached reports; 0 for the report body (the 市政府's own report). */
  attachment: number;
  /** The sections measures are taken from, as [heading line, last line]: those the report heads as its
   * rectification (整改, not the 营商环境评价's) and its next steps (下一步, 下步). */
  sections: [number, number][];
  parts: ReportPart[];
  /** Lines of the sections that are introductions or headings rather than measures. */
  context: number[];
  /** Why a report gives no measure at all. */
  noMeasures?: string;
};

const p = (from: number, to: number, problem: number, more: Omit<ReportPart, 'lines' | 'problem'> = {}): ReportPart => ({ lines: [from, to], problem, ...more });
const next = (from: number, to: number, problem: number, more: Omit<ReportPart, 'lines' | 'problem' | 'planned'> = {}): ReportPart => ({ lines: [from, to], problem, planned: true, prefix: '下一步', ...more });

/**
 * The report body's numbered items under 二、执法检查问题整改落实情况 (in the four areas) and its 三、下一步重点工作.
 * The area paragraphs name the problems; items are put under the problem their words address.
 */
export const bodyCuration: ReportCuration = {
  attachment: 0,
  sections: [[15, 73], [75, 79]],
  context: [17, 19, 33, 35, 49, 63],
  parts: [
    p(21, 21, 1, { prefix: '（一）' }),
    p(23, 25, 1, { prefix: '（一）' }),
    p(27, 29, 1, { prefix: '（一）' }),
    p(31, 31, 1, { prefix: '（一）' }),
    p(37, 37, 2, { prefix: '（二）', problemOf: { 四是: 7 } }),
    p(39, 41, 2, { prefix: '（二）' }),
    p(43, 43, 6, { prefix: '（二）' }),
    p(45, 47, 8, { prefix: '（二）' }),
    p(51, 51, 9, { prefix: '（三）' }),
    p(53, 55, 1, { prefix: '（三）' }),
    p(57, 59, 4, { prefix: '（三）' }),
    p(61, 61, 3, { prefix: '（三）' }),
    p(65, 67, 5, { prefix: '（四）' }),
    p(69, 71, 10, { prefix: '（四）' }),
    p(73, 73, 5, { prefix: '（四）' }),
    next(77, 79, 1, { problemOf: { 二是: 5 } }),
  ],
};

/** The attached department reports, in their order. Problems follow the subsection each part stands in. */
export const reportCurations: ReportCuration[] = [
  {
    // 发展改革委: one section for the problems it names (宣传, 机制, 案件 → 1; 审批 and 通关 → 2; 交易 → 7; 双随机 → 5).
    attachment: 2,
    sections: [[145, 177], [179, 191]],
    context: [147, 149, 181],
    parts: [
      p(151, 151, 1), p(153, 155, 1), p(157, 159, 1), p(161, 163, 1), p(165, 165, 2), p(167, 169, 7), p(171, 171, 2), p(173, 173, 2), p(175, 177, 5),
      next(183, 183, 1), next(185, 187, 1), next(189, 189, 1), next(191, 191, 1),
    ],
  },
  {
    attachment: 3,
    sections: [[231, 233], [240, 252]],
    context: [242, 244],
    // 三是 (talent) answers problem 9; the other next steps stand under the one problem the report answers.
    parts: [p(233, 233, 1, { prefix: '二、' }), next(246, 246, 1), next(248, 248, 1), next(250, 250, 9), next(252, 252, 1)],
  },
  {
    attachment: 4,
    sections: [[266, 282], [284, 290]],
    context: [268],
    parts: [p(270, 272, 1), p(274, 276, 1), p(278, 278, 1), p(280, 282, 1), next(286, 286, 1), next(288, 288, 1), next(290, 290, 1)],
  },
  {
    attachment: 5,
    sections: [[332, 342], [344, 356]],
    context: [334],
    parts: [
      p(338, 338, 6, { heading: [336, 336], prefix: '（一）' }),
      p(342, 342, 10, { heading: [340, 340], prefix: '（二）' }),
      next(348, 348, 10, { heading: [346, 346], prefix: '下一步（一）' }),
      next(352, 352, 10, { heading: [350, 350], prefix: '下一步（二）' }),
      next(356, 356, 10, { heading: [354, 354], prefix: '下一步（三）' }),
    ],
  },
  {
    attachment: 6,
    sections: [[386, 394]],
    context: [388, 390],
    parts: [p(392, 394, 1, { problemOf: { 二是: 6, 三是: 8 } })],
  },
  {
    attachment: 7,
    sections: [[506, 516], [518, 538]],
    context: [508],
    parts: [
      p(510, 512, 1), p(514, 516, 9),
      next(520, 520, 1), next(522, 522, 9), next(524, 526, 1), next(528, 528, 1), next(530, 532, 9), next(534, 534, 1), next(536, 538, 9),
    ],
  },
  {
    attachment: 8,
    sections: [[596, 644]],
    context: [598],
    parts: [
      p(602, 614, 2, { heading: [600, 600], prefix: '（一）' }),
      p(618, 624, 6, { heading: [616, 616], prefix: '（二）' }),
      p(628, 632, 7, { heading: [626, 626], prefix: '（三）' }),
      p(636, 644, 8, { heading: [634, 634], prefix: '（四）' }),
    ],
  },
  {
    // The first quoted problem (一刀切 in 环保管控) is a sentence of problem 2; the others are problem 5's.
    attachment: 9,
    sections: [[708, 728]],
    context: [710],
    parts: [
      p(714, 716, 2, { heading: [712, 712], prefix: '（一）' }),
      p(720, 722, 5, { heading: [718, 718], prefix: '（二）' }),
      p(726, 728, 5, { heading: [724, 724], prefix: '（三）' }),
    ],
  },
  {
    // 住房城乡建设局 follows problem 2's sentences in order (多头跑, 网签备案, 停工停产); 建筑许可 is problem 7's.
    attachment: 10,
    sections: [[740, 750], [752, 788], [790, 796]],
    context: [742, 754],
    parts: [
      p(744, 750, 2, { prefix: '一、' }),
      p(758, 762, 2, { heading: [756, 756], prefix: '二（一）' }),
      next(764, 766, 2, { heading: [756, 756], prefix: '二（一）下一步' }),
      p(770, 770, 2, { heading: [768, 768], prefix: '二（二）' }),
      next(772, 772, 2, { heading: [768, 768], prefix: '二（二）下一步' }),
      p(778, 778, 2, { heading: [774, 776], prefix: '二（三）' }),
      next(780, 780, 2, { heading: [774, 776], prefix: '二（三）下一步' }),
      p(784, 786, 7, { heading: [782, 782], prefix: '二（四）' }),
      next(788, 788, 7, { heading: [782, 782], prefix: '二（四）下一步' }),
      p(792, 792, 2, { prefix: '三、' }), p(794, 794, 2, { prefix: '三、' }), p(796, 796, 2, { prefix: '三、' }),
    ],
  },
  {
    attachment: 11,
    sections: [[836, 846]],
    context: [838, 840, 842, 844, 846],
    noMeasures: '市交通运输局不在附件1所列责任单位之中，其报告也未回应附件1的任何问题：其“整改落实措施”针对的是本行业自列的问题（综合立体交通、行业治理、发展要素）',
    parts: [],
  },
  {
    attachment: 12,
    sections: [[852, 864]],
    context: [854],
    parts: [p(856, 864, 5)],
  },
  {
    attachment: 13,
    sections: [[944, 954], [956, 980]],
    context: [958, 968],
    parts: [
      next(946, 946, 5), next(948, 950, 7), next(952, 952, 5), next(954, 954, 5),
      p(962, 962, 5, { heading: [960, 960], prefix: '问题一（一）' }),
      p(964, 966, 5, { prefix: '问题一' }),
      p(970, 972, 7, { prefix: '问题二' }), p(974, 974, 7, { prefix: '问题二' }), p(976, 976, 7, { prefix: '问题二' }), p(978, 978, 7, { prefix: '问题二' }), p(980, 980, 7, { prefix: '问题二' }),
    ],
  },
  {
    attachment: 14,
    sections: [[1024, 1034]],
    context: [],
    parts: [p(1026, 1026, 4), p(1028, 1030, 4), p(1032, 1032, 4), p(1034, 1034, 4)],
  },
  {
    // 监管信息共享不及时 is problem 5's (信用监管多个平台互不互通).
    attachment: 15,
    sections: [[1056, 1066], [1090, 1104]],
    context: [],
    parts: [p(1058, 1060, 2), p(1062, 1064, 5), p(1066, 1066, 7), next(1092, 1092, 2), next(1094, 1096, 2), next(1098, 1098, 2), next(1100, 1102, 2), next(1104, 1104, 2)],
  },
  {
    // 税务局's report heads no section as rectification; its next steps answer problems 1 and (税银互动) 4.
    attachment: 16,
    sections: [[1170, 1182]],
    context: [],
    parts: [next(1172, 1174, 1), next(1176, 1176, 4), next(1178, 1180, 1), next(1182, 1182, 1)],
  },
  {
    attachment: 17,
    sections: [[1212, 1216]],
    context: [1214],
    parts: [p(1216, 1216, 3, { prefix: '二、' })],
  },
];
