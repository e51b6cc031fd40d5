import type { Metadata } from "next";
import { signInAction } from "@/app/(auth)/actions";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { landingAfterSignIn, safeNextPath, withNext } from "@/lib/auth/safe-next-path";
import { env } from "@/lib/env";
import { getCurrentUser } from "@/lib/http/page-session";
import { auth as t } from "@/lib/i18n/ko/auth";

export const metadata: Metadata = { title: t.signIn.metaTitle };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next);
  const user = await getCurrentUser();
  if (user) redirect(landingAfterSignIn(user.role, next));
  return (
    <AuthCard
      title={t.signIn.title}
      lead={t.signIn.lead}
      switchPrompt={t.signIn.switchPrompt}
      switchLink={{ href: withNext("/sign-up", next), label: t.signIn.switchLink }}
      footnote={env().isProduction ? undefined : t.demoHint}
    >
      <SignInForm action={signInAction} next={next} />
    </AuthCard>
  );
}
