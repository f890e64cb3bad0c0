// The catalogue's words for keeping shared data safe (notes and requests as entries, the data menu, sync status,
// changes carried without a network), in Simplified Chinese.
export const zhSafety = {
  'entry.strike': '撤回',
  'entry.struck': '已由 {by} 撤回',
  'entry.struckToast': '进展记录已撤回（仍保留在记录中）',
  'form.extensionWithdrawn': '已撤回：延至 {date}（{by}）',
  'error.entryRewrite': '已记录的条目不能改写',
  'error.entryRemoved': '已记录的条目不能删除，只能撤回',
  'history.op.restore': '恢复',
  'history.carried': '（由 {by} 代为上传）',
} as const;
