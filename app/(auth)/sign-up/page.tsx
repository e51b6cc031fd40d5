import type { Metadata } from "next";
import { signUpAction } from "@/app/(auth)/actions";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeNextPath, withNext } from "@/lib/auth/safe-next-path";
import { getCurrentUser } from "@/lib/http/page-session";
import { auth as t } from "@/lib/i18n/ko/auth";

export const metadata: Metadata = { title: t.signUp.metaTitle };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next);
  if (await getCurrentUser()) redirect(next);
  return (
    <AuthCard
      title={t.signUp.title}
      lead={t.signUp.lead}
      switchPrompt={t.signUp.switchPrompt}
      switchLink={{ href: withNext("/sign-in", next), label: t.signUp.switchLink }}
    >
      <SignUpForm action={signUpAction} next={next} />
    </AuthCard>
  );
}
