"use client";

import { createContext, type ReactNode, useContext, useMemo } from "react";
import { formatDateTime, formatRelative } from "@/lib/i18n/format-time";
import type { TLocale } from "@/lib/i18n/locales";
import { createTranslator, type Messages, type Translate } from "@/lib/i18n/translate";

type I18n = {
  locale: TLocale;
  timeZone: string;
  t: Translate;
  dateTime: (value: Date | string) => string;
  relative: (value: Date | string) => string;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider(props: {
  locale: TLocale;
  timeZone: string;
  messages: Messages;
  children: ReactNode;
}) {
  const { locale, timeZone, messages } = props;
  const value = useMemo<I18n>(
    () => ({
      locale,
      timeZone,
      t: createTranslator(messages),
      dateTime: (v) => formatDateTime(v, locale, timeZone),
      relative: (v) => formatRelative(v, locale),
    }),
    [locale, timeZone, messages],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  return ctx;
}
