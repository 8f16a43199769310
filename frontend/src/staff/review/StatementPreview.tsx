import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../../components/Loading";
import { StatementText } from "../../components/StatementText";
import { safeHref } from "../../lib/format";
import { parseStatementDocument, type StatementDocument } from "../../lib/statement";

/** The statement's text, read from its JSON rendering (a draft's needs the staff session cookie). */
export function StatementPreview({ jsonUrl }: { jsonUrl: string | undefined }) {
  const { t } = useTranslation("review");
  const url = safeHref(jsonUrl);
  const [loaded, setLoaded] = useState<{ url: string; document: StatementDocument | null }>();

  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    fetch(url, { signal: controller.signal, credentials: "same-origin", cache: "no-store" })
      .then((response) => (response.ok ? response.json() : null))
      .then((value: unknown) => setLoaded({ url, document: parseStatementDocument(value) }))
      .catch(() => {
        if (!controller.signal.aborted) setLoaded({ url, document: null });
      });
    return () => controller.abort();
  }, [url]);
  const document = !url ? null : loaded?.url === url ? loaded.document : undefined;

  return (
    <section className="section" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t("statement.preview")}</h2>
      {document === undefined ? <Loading /> : null}
      {document === null ? <p>{t("statement.previewUnavailable")}</p> : null}
      {document ? (
        <StatementText document={document} className="review-preview" />
      ) : null}
    </section>
  );
}
