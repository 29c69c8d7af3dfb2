import "server-only";
import { cookies, headers } from "next/headers";
import {
  LOCALE_COOKIE,
  negotiateLocale,
  safeTimeZone,
  TIME_ZONE_COOKIE,
  type TLocale,
} from "@/lib/i18n/locales";
import { createTranslator, messagesFor, type Translate } from "@/lib/i18n/translate";

export type ViewerContext = { locale: TLocale; timeZone: string; t: Translate };

/** The viewer's language (cookie, else Accept-Language) and time zone (cookie set by the browser). */
export async function viewer(): Promise<ViewerContext> {
  const [jar, hdrs] = await Promise.all([cookies(), headers()]);
  const locale = negotiateLocale(jar.get(LOCALE_COOKIE)?.value, hdrs.get("accept-language"));
  const timeZone = safeTimeZone(jar.get(TIME_ZONE_COOKIE)?.value);
  return { locale, timeZone, t: createTranslator(messagesFor(locale)) };
}
