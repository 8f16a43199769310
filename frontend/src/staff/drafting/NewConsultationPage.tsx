import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { request } from "../../api/client";
import { useQuery } from "../../api/useQuery";
import { useSession } from "../../auth/session";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { usePageTitle } from "../../components/usePageTitle";
import { unitsWithRole } from "../units";
import { EMPTY_NOTICE, NoticeForm } from "./NoticeForm";
import { CreateConsultationDocument, StaffUnitsDocument } from "./operations";

/** /staff/consultations/new: a drafter creates a consultation on a unit they draft for. */
export default function NewConsultationPage() {
  const { t } = useTranslation("drafting");
  const { me } = useSession();
  const navigate = useNavigate();
  const units = useQuery(StaffUnitsDocument, {});
  usePageTitle(t("create.title"));
  const choices = units.data ? unitsWithRole(me, ["DRAFTER"], units.data.units) : [];

  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff">{t("list.title")}</Link>
      </p>
      <h1>{t("create.title")}</h1>
      <ErrorMessage error={units.error} onRetry={units.refetch} />
      {units.loading ? <Loading /> : null}
      {units.data && choices.length === 0 ? <p className="notice notice-info">{t("create.noUnit")}</p> : null}
      {units.data && choices.length > 0 ? (
        <NoticeForm
          initial={EMPTY_NOTICE}
          units={choices}
          submitLabel={t("create.submit")}
          onSubmit={async ({ unitId, ...notice }) => {
            const created = await request(CreateConsultationDocument, { input: { unitId, ...notice } });
            void navigate(`/staff/consultations/${created.createConsultation.id}`);
          }}
        />
      ) : null}
    </>
  );
}
