// AG Grid Community: the modules the views use (registered once), the theme and the grid's own words.
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import {
  CellApiModule,
  CellSpanModule,
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  CustomEditorModule,
  DateFilterModule,
  EventApiModule,
  ExternalFilterModule,
  GridStateModule,
  HighlightChangesModule,
  LocaleModule,
  ModuleRegistry,
  NumberFilterModule,
  QuickFilterModule,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  SelectEditorModule,
  TextFilterModule,
  TooltipModule,
  ValidationModule,
  themeQuartz,
} from 'ag-grid-community';
import type { Locale } from '#shared/i18n/translate.ts';

// Only what is used: AllCommunityModule alone would add ~300 kB gzip to the first load.
ModuleRegistry.registerModules([
  // getCellValue, for exporting a view as shown.
  CellApiModule,
  ClientSideRowModelModule,
  ClientSideRowModelApiModule,
  RowApiModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  RenderApiModule,
  ScrollApiModule,
  EventApiModule,
  RowSelectionModule,
  SelectEditorModule,
  CustomEditorModule,
  TextFilterModule,
  NumberFilterModule,
  DateFilterModule,
  QuickFilterModule,
  // 我的部门, a built-in view.
  ExternalFilterModule,
  CellStyleModule,
  RowStyleModule,
  CellSpanModule,
  TooltipModule,
  HighlightChangesModule,
  GridStateModule,
  LocaleModule,
  ...(import.meta.env.DEV ? [ValidationModule] : []),
]);

// A CJK system font stack; the grid never fetches web fonts, which would fail offline and in mainland China.
export const gridTheme = themeQuartz.withParams({
  fontFamily: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif',
  fontSize: 14,
  headerFontWeight: 600,
  rowHeight: 40,
  headerHeight: 40,
  spacing: 6,
  accentColor: '#b42318',
});

const zhText: Record<string, string> = { ...AG_GRID_LOCALE_CN, noRowsToShow: '暂无数据' };

export function gridLocaleText(locale: Locale): Record<string, string> | undefined {
  return locale === 'zh-CN' ? zhText : undefined;
}
