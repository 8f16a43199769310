import { useState } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import { CopyButton } from "../../components/CopyButton";
import { ErrorMessage } from "../../components/ErrorMessage";
import { OrganizerCommitSeedDocument } from "./operations";
import { canMakeSeed, generateSeed, sha256Hex } from "./seed";
import { useAction } from "../useAction";

/** Make a secret seed here, show it to keep, and publish only its SHA-256 (commitDrawSeed). */
export function SeedCommitment({ hearingId, onCommitted }: { hearingId: string; onCommitted: () => void }) {
  const { t } = useTranslation("organizer");
  const [made, setMade] = useState<{ seed: string; hash: string }>();
  const [kept, setKept] = useState(false);
  const commit = useAction();
  if (!canMakeSeed()) return <p className="notice notice-error">{t("draw.noCrypto")}</p>;

  if (!made)
    return (
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={commit.busy}
          onClick={() =>
            void commit.run(async () => {
              const seed = generateSeed();
              setMade({ seed, hash: await sha256Hex(seed) });
            })
          }
        >
          {t("draw.generate")}
        </button>
        <ErrorMessage error={commit.error} />
      </div>
    );

  return (
    <div className="organizer-seed">
      <div className="notice notice-info">
        <p>
          <strong>{t("draw.keepSeed")}</strong>
        </p>
        <p>{t("draw.keepSeedHint")}</p>
      </div>
      <dl className="facts">
        <div>
          <dt>{t("draw.seed")}</dt>
          <dd className="hash" data-testid="new-seed">
            {made.seed}
          </dd>
        </div>
        <div>
          <dt>{t("draw.seedHash")}</dt>
          <dd className="hash" data-testid="new-seed-hash">
            {made.hash}
          </dd>
        </div>
      </dl>
      <div className="actions">
        <CopyButton text={made.seed} label={t("draw.copySeed")} />
      </div>
      <div className="checkbox">
        <input id="seed-kept" type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} />
        <label htmlFor="seed-kept">{t("draw.seedKept")}</label>
      </div>
      <ErrorMessage error={commit.error} />
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={!kept || commit.busy}
          onClick={() =>
            void commit.run(async () => {
              await request(OrganizerCommitSeedDocument, { hearingId, seedSha256: made.hash });
              onCommitted();
            })
          }
        >
          {t("draw.commit")}
        </button>
      </div>
    </div>
  );
}
