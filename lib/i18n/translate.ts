import type { TLocale } from "./locales";
import { type Catalogue, en } from "./messages/en";
import { zhCN } from "./messages/zh-CN";

// Message catalogues are nested objects; keys are their dotted paths ("nav.environments").
// zh-CN has the same type as en, so a missing translation is a compile error.

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type Messages = Catalogue;
export type MessageKey = Leaves<typeof en>;
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

const CATALOGUES: Record<TLocale, Messages> = { en, "zh-CN": zhCN };

export function messagesFor(locale: TLocale): Messages {
  return CATALOGUES[locale];
}

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function createTranslator(messages: Messages): Translate {
  return (key, vars) => {
    const text = lookup(messages, key) ?? key;
    return vars
      ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
      : text;
  };
}
