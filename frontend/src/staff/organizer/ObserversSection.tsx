import { useState } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import { usePaged } from "../../api/usePaged";
import { CopyButton } from "../../components/CopyButton";
import { ErrorMessage } from "../../components/ErrorMessage";
import type { OrganizerObserversQuery } from "../../gql/graphql";
import { formatDateTime } from "../../lib/format";
import { InviteObserverForm } from "./InviteObserverForm";
import { OrganizerObserversDocument, OrganizerReissueLinkDocument, OrganizerWithdrawInvitationDocument } from "./operations";
import type { ConsoleHearing } from "./types";
import { useAction } from "../useAction";

type Invitation = NonNullable<NonNullable<OrganizerObserversQuery["hearing"]>["observers"]>["edges"][number]["node"];
const selectPage = (data: OrganizerObserversQuery) => ({
  nodes: data.hearing?.observers?.edges.map((edge) => edge.node) ?? [],
  endCursor: data.hearing?.observers?.pageInfo.endCursor,
  hasNextPage: data.hearing?.observers?.pageInfo.hasNextPage ?? false,
});

/** Observers (列席): invite, follow the answers, withdraw, send a new link. */
export function ObserversSection({ hearing: h }: { hearing: ConsoleHearing }) {
  const { t } = useTranslation("organizer");
  const [generation, setGeneration] = useState(0);
  const [link, setLink] = useState<{ name: string; link: string }>();
  if (!h.observersInvited)
    return (
      <section aria-labelledby="observers-heading" className="section">
        <h2 id="observers-heading">{t("observers.heading")}</h2>
        <p className="muted">{t("observers.notInvited")}</p>
      </section>
    );
  const canInvite = h.status === "DRAFT" || h.status === "PUBLISHED";
  const shown = (found: { name: string; link?: string | null }) => {
    if (found.link) setLink({ name: found.name, link: found.link });
    setGeneration((n) => n + 1);
  };
  return (
    <section aria-labelledby="observers-heading" className="section">
      <h2 id="observers-heading">{t("observers.heading")}</h2>
      {link ? (
        <div className="notice notice-success" role="status">
          <p>{t("observers.linkOnce", { name: link.name })}</p>
          <p className="hash" data-testid="invitation-link">
            {link.link}
          </p>
          <CopyButton text={link.link} label={t("observers.copyLink")} />
        </div>
      ) : null}
      {canInvite ? <InviteObserverForm hearingId={h.id} onInvited={shown} /> : null}
      <ObserverList key={generation} hearingId={h.id} live={h.status !== "HELD" && h.status !== "REPORTED" && h.status !== "CANCELLED"} onLink={shown} />
    </section>
  );
}

function ObserverList({ hearingId, live, onLink }: { hearingId: string; live: boolean; onLink: (found: { name: string; link?: string | null }) => void }) {
  const { t } = useTranslation("organizer");
  const { items, error, hasMore, loading, loadMore, retry } = usePaged(OrganizerObserversDocument, { id: hearingId, first: 50 }, selectPage);
  if (!loading && !error && items.length === 0) return <p className="empty">{t("observers.empty")}</p>;
  return (
    <>
      <ErrorMessage error={error} onRetry={retry} />
      <ul className="plain organizer-observers">
        {items.map((o) => (
          <ObserverItem key={o.id} invitation={o} live={live} onLink={onLink} />
        ))}
      </ul>
      {hasMore ? (
        <button type="button" className="button button-secondary" onClick={() => void loadMore()}>
          {t("common.loadMore")}
        </button>
      ) : null}
    </>
  );
}

function ObserverItem({ invitation: o, live, onLink }: { invitation: Invitation; live: boolean; onLink: (found: { name: string; link?: string | null }) => void }) {
  const { t } = useTranslation("organizer");
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState("");
  const action = useAction();
  const active = live && (o.status === "INVITED" || o.status === "ACCEPTED");
  return (
    <li className="card">
      <p>
        <strong>{o.name}</strong> {o.organization} · {o.categoryLabel} · {o.contact}
      </p>
      <p>
        <span className="tag">{o.statusLabel}</span>{" "}
        {o.respondedAt ? t("observers.respondedAt", { time: formatDateTime(o.respondedAt) }) : t("observers.expiresAt", { time: formatDateTime(o.expiresAt) })}
      </p>
      {o.responseNote ? <p className="text">{t("observers.note", { note: o.responseNote })}</p> : null}
      {o.withdrawnReason ? <p className="text">{t("observers.withdrawnReason", { reason: o.withdrawnReason })}</p> : null}
      {o.checkInCode ? <p>{t("observers.checkInCode", { code: o.checkInCode })}{o.checkedInAt ? ` · ${t("observers.checkedIn", { time: formatDateTime(o.checkedInAt) })}` : ""}</p> : null}
      {active ? (
        <div className="actions">
          <button
            type="button"
            className="button button-small button-secondary"
            disabled={action.busy}
            onClick={() => void action.run(async () => onLink((await request(OrganizerReissueLinkDocument, { invitationId: o.id })).reissueInvitationLink))}
          >
            {t("observers.reissue", { name: o.name })}
          </button>
          <button type="button" className="button button-small button-secondary" onClick={() => setWithdrawing(!withdrawing)}>
            {t("observers.withdraw", { name: o.name })}
          </button>
        </div>
      ) : null}
      {withdrawing && active ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void action.run(async () => {
              await request(OrganizerWithdrawInvitationDocument, { invitationId: o.id, reason });
              onLink({ name: o.name });
            });
          }}
        >
          <label htmlFor={`withdraw-${o.id}`}>{t("observers.withdrawReason")}</label>
          <input id={`withdraw-${o.id}`} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="button button-small" disabled={action.busy}>
            {t("observers.withdrawSubmit")}
          </button>
        </form>
      ) : null}
      <ErrorMessage error={action.error} />
    </li>
  );
}
