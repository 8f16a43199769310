import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { request } from "../../api/client";
import { useQuery } from "../../api/useQuery";
import { useSession } from "../../auth/session";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { usePageTitle } from "../../components/usePageTitle";
import NotFound from "../../pages/NotFound";
import { emptyForm, formFromHearing, toNoticeInput, type HearingFormValues } from "./formState";
import { HearingForm } from "./HearingForm";
import {
  OrganizerCreateHearingDocument,
  OrganizerHearingDocument,
  OrganizerUnitsDocument,
  OrganizerUpdateHearingDocument,
} from "./operations";
import { ORGANIZING_ROLES, unitsWithRole } from "../units";
import { useAction } from "../useAction";

/** /staff/hearings/new and /staff/hearings/:id/edit: the notice, created or edited while a draft. */
export default function HearingFormPage({ mode }: { mode: "new" | "edit" }) {
  const { t } = useTranslation("organizer");
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { me } = useSession();
  const lists = useQuery(OrganizerUnitsDocument, {});
  const existing = useQuery(OrganizerHearingDocument, { id }, { skip: mode === "new" });
  const action = useAction();
  usePageTitle(mode === "new" ? t("form.newTitle") : t("form.editTitle"));

  const units = useMemo(
    () => unitsWithRole(me, ORGANIZING_ROLES, lists.data?.units ?? []).map((u) => ({ id: u.id, label: u.name })),
    [me, lists.data],
  );
  const consultations = useMemo(
    () => (lists.data?.consultations.edges ?? []).map(({ node }) => ({ id: node.id, label: `${node.title}（${node.unit}）` })),
    [lists.data],
  );

  if (mode === "edit" && existing.data && !existing.data.hearing) return <NotFound />;
  const failure = lists.error ?? existing.error;
  if (failure) return <ErrorMessage error={failure} onRetry={lists.error ? lists.refetch : existing.refetch} />;
  const hearing = existing.data?.hearing;
  if (!lists.data || (mode === "edit" && !hearing)) return <Loading />;
  if (mode === "new" && units.length === 0) return <p className="notice notice-info">{t("form.noUnits")}</p>;

  const initial = hearing ? formFromHearing(hearing) : emptyForm(units[0]!.id);
  const save = (values: HearingFormValues) =>
    void action.run(async () => {
      const input = toNoticeInput(values);
      if (mode === "new") {
        const created = await request(OrganizerCreateHearingDocument, { input: { ...input, unitId: values.unitId } });
        await navigate(`/staff/hearings/${created.createHearing.id}`);
      } else {
        await request(OrganizerUpdateHearingDocument, { hearingId: id, input });
        await navigate(`/staff/hearings/${id}`);
      }
    });

  return (
    <>
      <p className="breadcrumb">
        <Link to={hearing ? `/staff/hearings/${id}` : "/staff/hearings"}>{t("common.back")}</Link>
      </p>
      <h1>{mode === "new" ? t("form.newTitle") : t("form.editTitle")}</h1>
      {hearing && hearing.status !== "DRAFT" ? (
        <p className="notice notice-info">{t("form.notDraft")}</p>
      ) : (
        <HearingForm
          initial={initial}
          units={hearing ? [{ id: hearing.unitId, label: hearing.unit }] : units}
          consultations={consultations}
          unitFixed={mode === "edit"}
          submitLabel={mode === "new" ? t("form.create") : t("form.save")}
          busy={action.busy}
          error={action.error}
          onSubmit={save}
        />
      )}
    </>
  );
}
