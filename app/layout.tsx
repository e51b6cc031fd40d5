import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { common as t } from "@/lib/i18n/ko/common";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: `${t.brand} — ${t.tagline}`, template: `%s · ${t.brand}` },
  description: "대기열부터 좌석 선택, 결제까지. 공정한 공연 예매 Encore.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1e1b4b" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ko">
      <body>
        <a href="#main" className="skip-link">{t.skipToContent}</a>
        <Providers>
          <SiteHeader />
          <main id="main" className="site-main">{children}</main>
          <SiteFooter />
        </Providers>
      </body>
    </html>
  );
}
