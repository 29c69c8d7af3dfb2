"use client";

import { GlobalOutlined } from "@ant-design/icons";
import { Select } from "antd";
import { useRouter } from "next/navigation";
import { useI18n } from "@/components/providers/I18nProvider";
import { setPreferenceCookie } from "@/components/providers/preference-cookie";
import { LOCALE_COOKIE, type TLocale } from "@/lib/i18n/locales";

const LABELS: Record<TLocale, string> = { en: "English", "zh-CN": "简体中文" };

export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const router = useRouter();
  return (
    <Select<TLocale>
      size="small"
      variant="borderless"
      aria-label={t("nav.language")}
      value={locale}
      suffixIcon={<GlobalOutlined />}
      options={Object.entries(LABELS).map(([value, label]) => ({ value: value as TLocale, label }))}
      onChange={(value) => {
        setPreferenceCookie(LOCALE_COOKIE, value);
        router.refresh();
      }}
    />
  );
}
