import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { LoginForm } from "@/components/auth/LoginForm";
import { currentUser } from "../_server/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await currentUser()) redirect("/");
  return (
    <main style={{ minHeight: "100vh", display: "grid", placeItems: "center" }}>
      <Suspense>
        <LoginForm />
      </Suspense>
    </main>
  );
}
