import { useState } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Field } from "../../components/Field";
import { formatDateTime, safeHref } from "../../lib/format";
import { OrganizerDrawDocument, OrganizerPublishListDocument } from "./operations";
import { SeedCommitment } from "./SeedCommitment";
import type { ConsoleHearing } from "./types";
import { useAction } from "../useAction";

/** The draw (commit a seed, reveal it to draw) and publishing the participant list. */
export function DrawSection({ hearing: h, onChanged }: { hearing: ConsoleHearing; onChanged: () => void }) {
  const { t } = useTranslation("organizer");
  const draw = h.draw;
  const early = h.status === "DRAFT" || h.status === "PUBLISHED";
  return (
    <section aria-labelledby="draw-heading" className="section">
      <h2 id="draw-heading">{t("draw.heading")}</h2>
      {h.selectionMethod === "FIRST_COME" || !draw ? (
        <p className="muted">{t("draw.firstCome")}</p>
      ) : (
        <>
          <p className="hint">{t("draw.intro")}</p>
          {draw.seedSha256 ? (
            <dl className="facts">
              <div>
                <dt>{t("draw.seedHash")}</dt>
                <dd className="hash" data-testid="committed-seed-hash">
                  {draw.seedSha256}
                </dd>
              </div>
              <div>
                <dt>{t("draw.committedAt")}</dt>
                <dd>{formatDateTime(draw.seedCommittedAt)}</dd>
              </div>
            </dl>
          ) : early ? (
            <SeedCommitment hearingId={h.id} onCommitted={onChanged} />
          ) : (
            <p className="muted">{t("draw.notCommitted")}</p>
          )}
          {draw.seedSha256 && !draw.drawnAt && h.status === "PUBLISHED" ? <RunDraw hearingId={h.id} onChanged={onChanged} /> : null}
          {draw.drawnAt ? <DrawResult draw={draw} /> : null}
        </>
      )}
      {h.status === "PUBLISHED" && !h.participantListPublishedAt ? <PublishList hearingId={h.id} onChanged={onChanged} /> : null}
      {h.participantListPublishedAt ? (
        <p className="notice notice-success">{t("draw.listPublished", { time: formatDateTime(h.participantListPublishedAt) })}</p>
      ) : null}
    </section>
  );
}

function RunDraw({ hearingId, onChanged }: { hearingId: string; onChanged: () => void }) {
  const { t } = useTranslation("organizer");
  const [seed, setSeed] = useState("");
  const run = useAction();
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        void run.run(async () => {
          await request(OrganizerDrawDocument, { hearingId, seed });
          onChanged();
        });
      }}
    >
      <Field label={t("draw.revealSeed")} hint={t("draw.revealHint")} value={seed} autoComplete="off" spellCheck={false} onChange={(e) => setSeed(e.target.value)} />
      <ErrorMessage error={run.error} />
      <button type="submit" className="button" disabled={run.busy || !seed}>
        {t("draw.run")}
      </button>
    </form>
  );
}

function DrawResult({ draw }: { draw: NonNullable<ConsoleHearing["draw"]> }) {
  const { t } = useTranslation("organizer");
  const download = safeHref(draw.downloadUrl);
  return (
    <>
      <p className="notice notice-success">{t("draw.drawnAt", { time: formatDateTime(draw.drawnAt) })}</p>
      <dl className="facts">
        <div>
          <dt>{t("draw.seed")}</dt>
          <dd className="hash">{draw.seed}</dd>
        </div>
        {draw.categories.map((c) => (
          <div key={c.category}>
            <dt>{c.label}</dt>
            <dd>
              {t("draw.categoryResult", {
                drawn: c.seatsDrawn,
                selected: (c.selected ?? []).join("、") || t("draw.none"),
                waitlist: (c.waitlist ?? []).join("、") || t("draw.none"),
              })}
            </dd>
          </div>
        ))}
      </dl>
      {download ? (
        <p>
          <a href={download}>{t("draw.download")}</a>
        </p>
      ) : null}
    </>
  );
}

function PublishList({ hearingId, onChanged }: { hearingId: string; onChanged: () => void }) {
  const { t } = useTranslation("organizer");
  const publish = useAction();
  return (
    <>
      <p className="hint">{t("draw.listHint")}</p>
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={publish.busy}
          onClick={() =>
            void publish.run(async () => {
              await request(OrganizerPublishListDocument, { hearingId });
              onChanged();
            })
          }
        >
          {t("draw.publishList")}
        </button>
      </div>
      <ErrorMessage error={publish.error} />
    </>
  );
}
