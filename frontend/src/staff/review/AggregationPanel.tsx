import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import type { ReviewAggregationStatusQuery } from "../../gql/graphql";
import { JobProgress } from "./JobProgress";
import { AggregationStatusDocument, RunAggregationDocument } from "./operations";
import { jobActive, jobStateLabel, useLiveQuery } from "./hooks";
import { useAction } from "../useAction";

const isRunning = (data: ReviewAggregationStatusQuery) => jobActive(data.aggregationStatus.run?.status);

/** Where the grouping stands, with a progress bar polled while a run is active, and the run button. */
export function AggregationPanel({
  consultationId,
  canRun,
  onFinished,
  refreshKey,
}: {
  consultationId: string;
  canRun: boolean;
  onFinished: () => void;
  refreshKey?: number;
}) {
  const { t } = useTranslation("review");
  const live = useLiveQuery(AggregationStatusDocument, { id: consultationId }, isRunning, {
    onSettled: onFinished,
  });
  const { refresh } = live;
  useEffect(() => {
    if (refreshKey) refresh(); // the groups changed: the counts did too
  }, [refreshKey, refresh]);
  const action = useAction();
  const status = live.data?.aggregationStatus;
  const run = status?.run;

  const start = async () => {
    const done = await action.run(() => request(RunAggregationDocument, { id: consultationId }));
    if (done) live.refresh();
  };

  return (
    <section className="section" aria-labelledby="aggregation-heading">
      <h2 id="aggregation-heading">{t("aggregation.heading")}</h2>
      {live.loading ? <Loading /> : null}
      <ErrorMessage error={live.error} onRetry={live.refresh} />
      {status ? (
        <>
          <ul className="stats">
            <Stat value={status.comments} label={t("aggregation.comments")} />
            <Stat value={status.ungroupedComments} label={t("aggregation.ungrouped")} />
            <Stat value={status.topics} label={t("aggregation.topics")} />
            <Stat value={status.campaigns} label={t("aggregation.campaigns")} />
            <Stat value={status.undecidedComments} label={t("aggregation.undecided")} testId="undecided" />
          </ul>
          {run ? (
            <JobProgress
              job={run}
              label={t("aggregation.progress")}
              stateLabel={t("aggregation.runState", { state: jobStateLabel(t, run.status) })}
            />
          ) : (
            <p>{t("aggregation.none")}</p>
          )}
        </>
      ) : null}
      {canRun ? (
        <p className="actions">
          <button type="button" className="button" onClick={start} disabled={action.busy || live.active}>
            {run ? t("aggregation.rerun") : t("aggregation.run")}
          </button>
        </p>
      ) : null}
      <ErrorMessage error={action.error} />
    </section>
  );
}

function Stat({ value, label, testId }: { value: number; label: string; testId?: string }) {
  return (
    <li data-testid={testId}>
      <span className="stat-value">{value}</span>
      <span className="stat-label">{label}</span>
    </li>
  );
}
