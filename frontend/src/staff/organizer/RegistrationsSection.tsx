import { useState } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import { usePaged } from "../../api/usePaged";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import type { HearingRegistrationStatus, OrganizerRegistrationsQuery, ParticipantCategory } from "../../gql/graphql";
import { SelectField } from "./Controls";
import { PARTICIPANT_CATEGORIES } from "./formState";
import { OrganizerRegistrationsDocument, OrganizerSelectManuallyDocument } from "./operations";
import type { ConsoleHearing } from "./types";
import { useAction } from "../useAction";

type Row = OrganizerRegistrationsQuery["hearingRegistrations"]["edges"][number]["node"];
const STATUSES: readonly HearingRegistrationStatus[] = ["APPLIED", "SELECTED", "WAITLISTED", "CANCELLED"];
const selectPage = (data: OrganizerRegistrationsQuery) => ({
  nodes: data.hearingRegistrations.edges.map((edge) => edge.node),
  endCursor: data.hearingRegistrations.pageInfo.endCursor,
  hasNextPage: data.hearingRegistrations.pageInfo.hasNextPage,
});

/** The registrations with contacts (organizer only): filters, pages, the CSV export, manual selection. */
export function RegistrationsSection({ hearing: h, onChanged }: { hearing: ConsoleHearing; onChanged: () => void }) {
  const { t } = useTranslation("organizer");
  const [category, setCategory] = useState<ParticipantCategory | "">("");
  const [status, setStatus] = useState<HearingRegistrationStatus | "">("");
  const [generation, setGeneration] = useState(0);
  const offered = PARTICIPANT_CATEGORIES.filter((c) => h.categories.some((q) => q.category === c));
  return (
    <section aria-labelledby="registrations-heading" className="section">
      <h2 id="registrations-heading">{t("registrations.heading")}</h2>
      {h.registrationCounts ? (
        <p className="muted">
          {h.registrationCounts
            .map((c) => t("registrations.count", { label: c.label, quota: c.quota, applied: c.applied, selected: c.selected, waitlisted: c.waitlisted }))
            .join("；")}
        </p>
      ) : null}
      <div className="form-inline">
        <SelectField label={t("registrations.category")} value={category} onChange={(e) => setCategory(e.target.value as ParticipantCategory | "")}>
          <option value="">{t("registrations.all")}</option>
          {offered.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("registrations.status")} value={status} onChange={(e) => setStatus(e.target.value as HearingRegistrationStatus | "")}>
          <option value="">{t("registrations.all")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`registrationStatus.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <p>
        <a href={`/exports/hearings/${h.id}/registrations.csv`} download>
          {t("registrations.csv")}
        </a>{" "}
        <span className="hint">{t("registrations.csvHint")}</span>
      </p>
      <RegistrationTable
        key={generation}
        hearingId={h.id}
        category={category || null}
        status={status || null}
        canSelect={h.status === "PUBLISHED"}
        onSelected={() => {
          setGeneration((n) => n + 1);
          onChanged();
        }}
      />
    </section>
  );
}

function RegistrationTable(props: {
  hearingId: string;
  category: ParticipantCategory | null;
  status: HearingRegistrationStatus | null;
  canSelect: boolean;
  onSelected: () => void;
}) {
  const { t } = useTranslation("organizer");
  const variables = { hearingId: props.hearingId, category: props.category, status: props.status, first: 20 };
  const { items, error, hasMore, loading, loadMore, retry } = usePaged(OrganizerRegistrationsDocument, variables, selectPage);
  return (
    <>
      <ErrorMessage error={error} onRetry={retry} />
      {loading && items.length === 0 ? <Loading /> : null}
      {!loading && !error && items.length === 0 ? <p className="empty">{t("registrations.empty")}</p> : null}
      {items.length > 0 ? (
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="registrations-caption">
          <table className="data-table">
            <caption id="registrations-caption">{t("registrations.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("registrations.code")}</th>
                <th scope="col">{t("registrations.name")}</th>
                <th scope="col">{t("registrations.category")}</th>
                <th scope="col">{t("registrations.contact")}</th>
                <th scope="col">{t("registrations.status")}</th>
                <th scope="col">{t("registrations.seat")}</th>
                {props.canSelect ? <th scope="col">{t("registrations.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <RegistrationRow key={r.id} row={r} canSelect={props.canSelect} onSelected={props.onSelected} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {hasMore ? (
        <div className="actions">
          <button type="button" className="button button-secondary" disabled={loading} onClick={() => void loadMore()}>
            {t("common.loadMore")}
          </button>
        </div>
      ) : null}
    </>
  );
}

function RegistrationRow({ row: r, canSelect, onSelected }: { row: Row; canSelect: boolean; onSelected: () => void }) {
  const { t } = useTranslation("organizer");
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const select = useAction();
  const seat = r.seatNumber ? t("registrations.seatValue", { seat: r.seatNumber, by: r.selectedByLabel }) : r.waitlistRank ? t("registrations.waitlistValue", { rank: r.waitlistRank }) : "";
  return (
    <tr>
      <td className="mono">{r.applicantCode}</td>
      <td>
        {r.name}
        {r.organization ? <span className="muted">（{r.organization}）</span> : null}
      </td>
      <td>{r.categoryLabel}</td>
      <td>{r.contact}</td>
      <td>{r.statusLabel}</td>
      <td>
        {seat}
        {r.manualReason ? <span className="muted text"> {r.manualReason}</span> : null}
      </td>
      {canSelect ? (
        <td>
          {r.status === "APPLIED" || r.status === "WAITLISTED" ? (
            open ? (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  void select.run(async () => {
                    await request(OrganizerSelectManuallyDocument, { registrationId: r.id, reason });
                    onSelected();
                  });
                }}
              >
                <label htmlFor={`manual-${r.id}`}>{t("registrations.manualReason", { name: r.name })}</label>
                <input id={`manual-${r.id}`} value={reason} onChange={(e) => setReason(e.target.value)} />
                <ErrorMessage error={select.error} />
                <button type="submit" className="button button-small" disabled={select.busy}>
                  {t("registrations.manualSubmit")}
                </button>
              </form>
            ) : (
              <button type="button" className="button button-small button-secondary" onClick={() => setOpen(true)}>
                {t("registrations.manual", { name: r.name })}
              </button>
            )
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
