// The catalogue's words for the server's security refusals (docs/security.md), in Simplified Chinese.
export const zhSecurity = {
  'sync.errorForeignClient': '服务器认定本设备的编号属于另一个账号，未接收本机的修改。请退出后重新登录，再同步。',
  'sync.resolveRefused': '无法这样处理冲突（{field}）：{reason}。冲突仍保留，请改用其他处理方式。',
} as const;
