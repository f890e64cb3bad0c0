// Catalogue part (zh-CN): the first start of a new installation.
export const zhFirstStart = {
  'firstStart.title': '开始使用整改台账',
  'firstStart.intro': '这是一个新的台账，服务器上还没有任何数据。请选择如何开始：',
  'firstStart.sample': '载入示例台账',
  'firstStart.sampleNote': '商丘市优化营商环境条例执法检查问题整改报告中的问题、整改措施和责任单位，用于试用。',
  'firstStart.import': '从 Excel 导入',
  'firstStart.importNote': '导入本单位已有的整改台账（.xlsx 或 .csv），导入前可预览。',
  'firstStart.blank': '空白台账',
  'firstStart.blankNote': '从空台账开始，自行录入问题、措施和责任单位。',
  'firstStart.shared': '所选内容会写入全体共享的台账，同步后所有用户都能看到。以后仍可从“数据”菜单导入。',
  'firstStart.failed': '未能完成：{reason}',
} as const;
