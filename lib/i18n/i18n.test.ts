import { describe, expect, it } from "vitest";
import { formatDateTime, formatRelative } from "./format-time";
import { negotiateLocale, safeTimeZone } from "./locales";
import { en } from "./messages/en";
import { zhCN } from "./messages/zh-CN";
import { createTranslator, messagesFor } from "./translate";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === "string" ? [prefix + k] : keys(v, `${prefix}${k}.`),
  );
}

describe("i18n", () => {
  it("has every English key in Simplified Chinese, translated", () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
    const zh = createTranslator(messagesFor("zh-CN"));
    const english = createTranslator(en);
    // Still English: the same text as en, with words left once the {placeholders} are removed.
    const untranslated = keys(en).filter((k) => {
      const text = zh(k as never);
      return (
        text === english(k as never) && /[a-z]{4,}/.test(text.replace(/\{\w+\}/g, "")) && k !== "app.name"
      );
    });
    expect(untranslated).toEqual([]);
  });

  it("interpolates variables", () => {
    const t = createTranslator(messagesFor("zh-CN"));
    expect(t("home.welcome", { name: "测试" })).toBe("欢迎，测试");
    expect(createTranslator(en)("common.confirmDelete", { name: "x" })).toBe("Delete x?");
  });

  it("negotiates the language from the cookie, then Accept-Language", () => {
    expect(negotiateLocale("zh-CN", "en")).toBe("zh-CN");
    expect(negotiateLocale(undefined, "zh-TW,zh;q=0.9")).toBe("zh-CN");
    expect(negotiateLocale("fr", "fr-FR,en;q=0.5")).toBe("en");
    expect(negotiateLocale(undefined, null)).toBe("en");
  });

  it("formats times in the viewer's zone", () => {
    const at = new Date("2019-09-12T01:47:22.641Z");
    expect(formatDateTime(at, "en", "Asia/Shanghai")).toBe("2019-09-12 09:47:22");
    expect(formatDateTime(at, "en", "UTC")).toBe("2019-09-12 01:47:22");
    expect(safeTimeZone("Not/AZone")).toBe("UTC");
    const now = new Date("2026-11-27T00:00:00Z");
    expect(formatRelative(new Date("2026-11-02T00:00:00Z"), "en", now)).toBe("25 days ago");
    expect(formatRelative(new Date("2026-11-02T00:00:00Z"), "zh-CN", now)).toBe("25天前");
  });
});
