"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/i18n/locales";
import { setPreferenceCookie } from "./preference-cookie";

/**
 * Times are rendered on the server in the viewer's zone, which only the browser knows: the first
 * visit stores it in a cookie and re-renders once.
 */
export function TimeZoneSync({ serverTimeZone }: { serverTimeZone: string }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zone !== serverTimeZone) {
      setPreferenceCookie(TIME_ZONE_COOKIE, zone);
      router.refresh();
    }
  }, [serverTimeZone, router]);
  return null;
}
