import { Card, Empty } from "antd";
import { viewer } from "../../_server/i18n";

export default async function EnvironmentsPage() {
  const { t } = await viewer();
  return (
    <Card title={t("nav.environments")}>
      <Empty />
    </Card>
  );
}
