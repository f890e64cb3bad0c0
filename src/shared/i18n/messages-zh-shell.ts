// The catalogue's words for the application shell (the header's menu), in Simplified Chinese.
export const zhShell = {
  'header.more': '更多',
  'header.moreLabel': '更多操作',
} as const;
