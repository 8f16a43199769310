import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/format";
import { jobActive, jobPercent } from "./hooks";

export interface Job {
  status: string;
  progressDone: number;
  progressTotal?: number | null;
  message: string;
  finishedAt?: string | null;
}

/** A background job's state: a progress bar while it works, then how it ended and its message. */
export function JobProgress({ job, label, stateLabel }: { job: Job; label: string; stateLabel: string }) {
  const { t } = useTranslation("review");
  const active = jobActive(job.status);
  const percent = jobPercent(job.progressDone, job.progressTotal);
  return (
    <div className="review-job" data-status={job.status}>
      <p role="status">
        <strong>{stateLabel}</strong>
        {job.finishedAt && !active ? ` · ${t("aggregation.finishedAt", { time: formatDateTime(job.finishedAt) })}` : ""}
      </p>
      {active ? (
        percent === null ? (
          <>
            <progress aria-label={label} />
            <p className="hint">{t("aggregation.progressUnknown")}</p>
          </>
        ) : (
          <progress aria-label={label} max={100} value={percent}>
            {percent}%
          </progress>
        )
      ) : null}
      {job.message ? <p className={job.status === "failed" ? "notice notice-error" : "hint"}>{job.message}</p> : null}
    </div>
  );
}
