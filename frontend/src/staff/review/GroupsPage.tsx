import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../auth/session";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { usePageTitle } from "../../components/usePageTitle";
import type { ReviewOpinionGroupsQuery } from "../../gql/graphql";
import { AggregationPanel } from "./AggregationPanel";
import { BulkBar } from "./BulkBar";
import { groupVariables, NO_FILTERS, type GroupFilterValues } from "./filters";
import { GroupCard } from "./GroupCard";
import { GroupFilters } from "./GroupFilters";
import { useLiveQuery } from "./hooks";
import { OpinionGroupsDocument, StandardReasonsDocument } from "./operations";
import { abilities } from "./roles";
import type { ReviewConsultation } from "./ReviewRoutes";
import type { Group } from "./types";

export const PAGE_SIZE = 10;
const never = () => false;

/** The review index: aggregation, then the groups with filters, pages, corrections and dispositions. */
export default function GroupsPage({ consultation, onChanged }: { consultation: ReviewConsultation; onChanged: () => void }) {
  const { t } = useTranslation("review");
  usePageTitle(t("title", { title: consultation.title }));
  const { me } = useSession();
  // Groups and dispositions change only while REVIEWING; aggregation runs from CLOSED on (the API decides).
  const reviewing = consultation.status === "REVIEWING";
  const mayRun = reviewing || consultation.status === "CLOSED";
  const can = useMemo(() => {
    const all = abilities(me);
    return reviewing ? all : { ...all, organize: false, propose: false, approve: false };
  }, [me, reviewing]);
  const [filters, setFilters] = useState<GroupFilterValues>(NO_FILTERS);
  const [cursors, setCursors] = useState<(string | null)[]>([null]); // the `after` of each page seen
  const [selected, setSelected] = useState<Map<string, Group>>(new Map());
  const [changes, setChanges] = useState(0);
  const after = cursors[cursors.length - 1] ?? null;
  const groups = useLiveQuery(OpinionGroupsDocument, groupVariables(consultation.id, filters, PAGE_SIZE, after), never);
  const reasons = useLiveQuery(StandardReasonsDocument, {}, never).data?.standardReasons ?? [];
  const { refresh } = groups;

  const changed = useCallback(() => {
    refresh();
    setChanges((n) => n + 1);
  }, [refresh]);
  const aggregated = useCallback(() => {
    changed();
    onChanged(); // the first run moves the consultation from CLOSED to REVIEWING
  }, [changed, onChanged]);
  const filter = (next: GroupFilterValues) => {
    setFilters(next);
    setCursors([null]);
  };
  const select = (group: Group, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(group.id, group);
    else next.delete(group.id);
    setSelected(next);
  };
  const connection = groups.data?.opinionGroups;
  const nodes = useMemo(() => connection?.edges.map((edge) => edge.node) ?? [], [connection]);
  const articles = consultation.draft?.articles ?? [];

  return (
    <>
      <AggregationPanel
        consultationId={consultation.id}
        canRun={mayRun && abilities(me).organize}
        onFinished={aggregated}
        refreshKey={changes}
      />
      <section className="section" aria-labelledby="groups-heading">
        <h2 id="groups-heading">{t("groups.heading")}</h2>
        <GroupFilters articles={articles} value={filters} onChange={filter} />
        {selected.size > 0 ? (
          <BulkBar
            selected={[...selected.values()]}
            can={can}
            reasons={reasons}
            onClear={() => setSelected(new Map())}
            onDone={() => {
              setSelected(new Map());
              changed();
            }}
          />
        ) : null}
        <ErrorMessage error={groups.error} onRetry={refresh} />
        {groups.loading ? <Loading /> : null}
        {connection ? (
          <>
            <p role="status">{t("groups.total", { count: connection.totalCount ?? nodes.length })}</p>
            {nodes.length === 0 ? <p className="empty">{t("groups.empty")}</p> : null}
            <div className="cards">
              {nodes.map((group) => (
                <GroupCard
                  key={group.id}
                  group={group}
                  selected={selected.has(group.id)}
                  onSelect={(on) => select(group, on)}
                  can={can}
                  myId={me?.id}
                  reasons={reasons}
                  targets={nodes.filter((other) => other.kind === group.kind && other.id !== group.id)}
                  onChanged={changed}
                />
              ))}
            </div>
            <Pager connection={connection} page={cursors.length} onPrevious={() => setCursors(cursors.slice(0, -1))} onNext={(cursor) => setCursors([...cursors, cursor])} />
          </>
        ) : null}
      </section>
    </>
  );
}

function Pager({
  connection,
  page,
  onPrevious,
  onNext,
}: {
  connection: ReviewOpinionGroupsQuery["opinionGroups"];
  page: number;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
}) {
  const { t } = useTranslation("review");
  const next = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  if (page === 1 && !next) return null;
  return (
    <nav aria-label={t("groups.pagination")} className="actions">
      <button type="button" className="button button-secondary" disabled={page === 1} onClick={onPrevious}>
        {t("groups.previous")}
      </button>
      <span>{t("groups.page", { page })}</span>
      <button type="button" className="button button-secondary" disabled={!next} onClick={() => next && onNext(next)}>
        {t("groups.next")}
      </button>
    </nav>
  );
}
