// Lookups the field codecs need (department and area names ↔ ids), read from the record cache.
import type { Translate } from '#shared/i18n/translate.ts';
import type { CodecContext } from '#shared/model/field-codec.ts';
import type { RecordCache } from './record-cache.ts';

export function createCodecContext(cache: RecordCache, t: Translate): CodecContext {
  const byName = <T extends { id: string }>(list: readonly T[], names: (r: T) => string[], text: string) =>
    list.find((r) => names(r).some((n) => n !== '' && n === text))?.id;
  return {
    t,
    findDepartment: (name) => byName(cache.all('department'), (d) => [d.name, d.shortName, d.fullName], name),
    departmentName: (id) => cache.get('department', id)?.name,
    findArea: (name) => byName(cache.all('area'), (a) => [a.name, `${a.name}方面`], name),
    areaName: (id) => cache.get('area', id)?.name,
    findProblem: (text) => {
      const number = /^\s*(\d+)/.exec(text)?.[1];
      const problems = cache.all('problem');
      return (number ? problems.find((p) => p.number === Number(number)) : undefined)?.id ?? problems.find((p) => p.title === text.trim())?.id;
    },
    problemNumber: (id) => cache.get('problem', id)?.number,
    problemName: (id) => {
      const p = cache.get('problem', id);
      return p ? `${p.number}. ${p.title}` : undefined;
    },
  };
}
