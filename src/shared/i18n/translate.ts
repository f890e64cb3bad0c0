// Looks up a message in the catalogue of the chosen locale and fills in its {placeholders}.
import { en } from './messages-en.ts';
import { type MessageKey, zh } from './messages-zh.ts';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, en };

export function createTranslator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, params) => {
    const text = catalogue[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** Whether a string is a key of the catalogue, for codes that arrive as plain strings (e.g. from a server). */
export function isMessageKey(key: string): key is MessageKey {
  return key in zh;
}

export function parseLocale(value: string | null | undefined): Locale {
  return value === 'en' ? 'en' : DEFAULT_LOCALE;
}

export type { MessageKey };
