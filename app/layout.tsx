import { AntdRegistry } from "@ant-design/nextjs-registry";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppProviders } from "@/components/providers/AppProviders";
import { messagesFor } from "@/lib/i18n/translate";
import { viewer } from "./_server/i18n";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "tao", template: "%s · tao" },
  description: "Self-hosted DevOps portal",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, timeZone } = await viewer();
  return (
    <html lang={locale}>
      <body>
        <AntdRegistry>
          <AppProviders locale={locale} timeZone={timeZone} messages={messagesFor(locale)}>
            {children}
          </AppProviders>
        </AntdRegistry>
      </body>
    </html>
  );
}
