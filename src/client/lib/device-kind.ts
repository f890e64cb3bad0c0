// Whether this is a touch device of tablet size (or smaller): such a device opens on 我的任务, not a grid.
export const TABLET_MAX_WIDTH = 1366;

export function isTouchTablet(): boolean {
  if (typeof navigator === 'undefined' || typeof matchMedia === 'undefined') return false;
  const touch = navigator.maxTouchPoints > 0 || matchMedia('(pointer: coarse)').matches;
  return touch && innerWidth <= TABLET_MAX_WIDTH;
}
