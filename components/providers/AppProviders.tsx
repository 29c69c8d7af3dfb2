"use client";

import { App, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import type { ReactNode } from "react";
import type { TLocale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/translate";
import { I18nProvider } from "./I18nProvider";
import { TimeZoneSync } from "./TimeZoneSync";

const ANTD_LOCALES = { en: enUS, "zh-CN": zhCN } as const;

export function AppProviders(props: {
  locale: TLocale;
  timeZone: string;
  messages: Messages;
  children: ReactNode;
}) {
  return (
    <ConfigProvider locale={ANTD_LOCALES[props.locale]} theme={{ token: { colorPrimary: "#1668dc" } }}>
      <App>
        <I18nProvider locale={props.locale} timeZone={props.timeZone} messages={props.messages}>
          <TimeZoneSync serverTimeZone={props.timeZone} />
          {props.children}
        </I18nProvider>
      </App>
    </ConfigProvider>
  );
}
