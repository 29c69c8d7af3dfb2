import { Result } from "antd";
import Link from "next/link";
import { viewer } from "../_server/i18n";

export default async function Forbidden() {
  const { t } = await viewer();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t("auth.forbidden")}
      extra={<Link href="/">{t("common.back")}</Link>}
    />
  );
}
