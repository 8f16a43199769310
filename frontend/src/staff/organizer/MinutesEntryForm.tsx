import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import { useQuery } from "../../api/useQuery";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Field } from "../../components/Field";
import type { MinutesStage, SpeakerCategory } from "../../gql/graphql";
import { CheckboxField, SelectField, TextAreaField } from "./Controls";
import { OrganizerRecordMinutesDocument, OrganizerSpeakersDocument } from "./operations";
import { useAction } from "../useAction";

const STAGES: readonly MinutesStage[] = ["STATEMENT", "QUESTION", "DEBATE"];
const SPEAKER_CATEGORIES: readonly SpeakerCategory[] = [
  "DRAFTING_UNIT",
  "INTERESTED_PARTY",
  "ENTERPRISE",
  "SOCIAL_ORGANIZATION",
  "EXPERT",
  "PUBLIC",
  "PUBLIC_REPRESENTATIVE",
  "MEDIA",
  "STAKEHOLDER",
  "NPC_DEPUTY",
  "CPPCC_MEMBER",
];

/** Append one speaker's entry to the minutes (recordMinutes; `expectedEntries` guards against doubles). */
export function MinutesEntryForm({ hearingId, entries, onRecorded }: { hearingId: string; entries: number; onRecorded: () => void }) {
  const { t } = useTranslation("organizer");
  const speakers = useQuery(OrganizerSpeakersDocument, { hearingId });
  const [stage, setStage] = useState<MinutesStage>("STATEMENT");
  const [speaker, setSpeaker] = useState("");
  const [speakerName, setSpeakerName] = useState("");
  const [speakerCategory, setSpeakerCategory] = useState<SpeakerCategory>("DRAFTING_UNIT");
  const [mainPoints, setMainPoints] = useState("");
  const [reasons, setReasons] = useState("");
  const [signedOff, setSignedOff] = useState(false);
  const [summary, setSummary] = useState("");
  const record = useAction();

  function submit(event: FormEvent) {
    event.preventDefault();
    // A selected participant ("r:<id>"), an accepted observer ("i:<id>"), or a named other speaker.
    const [kind, speakerId] = speaker.split(":");
    const who =
      kind === "r" ? { registrationId: speakerId } : kind === "i" ? { invitationId: speakerId } : { speakerName, speakerCategory };
    void record.run(async () => {
      await request(OrganizerRecordMinutesDocument, {
        input: { hearingId, expectedEntries: entries, summary, entries: [{ stage, mainPoints, reasons, signedOff, ...who }] },
      });
      setMainPoints("");
      setReasons("");
      setSignedOff(false);
      setSummary("");
      onRecorded();
    });
  }

  return (
    <form className="form" onSubmit={submit}>
      <h3>{t("minutes.add")}</h3>
      <ErrorMessage error={speakers.error} onRetry={speakers.refetch} />
      <SelectField label={t("minutes.stage")} value={stage} onChange={(e) => setStage(e.target.value as MinutesStage)}>
        {STAGES.map((s) => (
          <option key={s} value={s}>
            {t(`stages.${s}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("minutes.speaker")} value={speaker} onChange={(e) => setSpeaker(e.target.value)}>
        <option value="">{t("minutes.otherSpeaker")}</option>
        {(speakers.data?.hearingRegistrations.edges ?? []).map(({ node }) => (
          <option key={`r${node.id}`} value={`r:${node.id}`}>
            {node.name}（{node.categoryLabel}）
          </option>
        ))}
        {(speakers.data?.hearing?.observers?.edges ?? [])
          .filter(({ node }) => node.status === "ACCEPTED")
          .map(({ node }) => (
            <option key={`i${node.id}`} value={`i:${node.id}`}>
              {t("minutes.observerOption", { name: node.name, category: node.categoryLabel })}
            </option>
          ))}
      </SelectField>
      {speaker ? null : (
        <>
          <Field label={t("minutes.speakerName")} value={speakerName} onChange={(e) => setSpeakerName(e.target.value)} />
          <SelectField label={t("minutes.speakerCategory")} value={speakerCategory} onChange={(e) => setSpeakerCategory(e.target.value as SpeakerCategory)}>
            {SPEAKER_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`speakerCategories.${c}`)}
              </option>
            ))}
          </SelectField>
        </>
      )}
      <TextAreaField label={t("minutes.mainPoints")} value={mainPoints} onChange={(e) => setMainPoints(e.target.value)} />
      <TextAreaField label={t("minutes.reasons")} value={reasons} rows={2} onChange={(e) => setReasons(e.target.value)} />
      <CheckboxField label={t("minutes.signedOff")} checked={signedOff} onChange={setSignedOff} />
      <TextAreaField label={t("minutes.summary")} hint={t("minutes.summaryHint")} value={summary} rows={2} onChange={(e) => setSummary(e.target.value)} />
      <ErrorMessage error={record.error} />
      <button type="submit" className="button" disabled={record.busy}>
        {t("minutes.record")}
      </button>
    </form>
  );
}
