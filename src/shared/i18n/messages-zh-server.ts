// The catalogue's words for the sync server at scale (its database away, live updates), in Simplified Chinese.
export const zhServer = {
  'server.unavailable': '服务器的数据库暂时无法使用，请稍后再试',
  'server.databaseWaiting': '数据库暂时连不上：{seconds} 秒后重试（{url} 已在应答，数据库恢复前接口返回 503）',
  'sync.unavailable': '服务器暂不可用',
  'sync.unavailablePending': '服务器暂不可用 · 待同步 {count}',
  'sync.errorUnavailable': '服务器的数据库暂时无法使用。修改已保存在本机，稍后会自动重试。',
} as const;
