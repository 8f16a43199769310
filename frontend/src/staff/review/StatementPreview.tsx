import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../../components/Loading";
import { formatDate, safeHref } from "../../lib/format";
import { parseStatementDocument, type Block, type StatementDocument } from "../../lib/statement";

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
        <div className="statement-text review-preview">
          <h3 className="statement-title">{document.title}</h3>
          {document.sections.map((section, index) => (
            <div key={index}>
              {section.title ? <h4>{section.title}</h4> : null}
              {section.blocks.map((block, blockIndex) => (
                <PreviewBlock key={blockIndex} block={block} />
              ))}
            </div>
          ))}
          {document.annex ? <PreviewBlock block={document.annex} /> : null}
          <p className="statement-sign">
            {document.issuingBody}
            <br />
            {formatDate(document.issuedOn)}
          </p>
        </div>
      ) : null}
    </section>
  );
}

function PreviewBlock({ block }: { block: Block }) {
  if (block.type === "paragraph") return <p className="text">{block.text}</p>;
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a wide table scrolls by keyboard too
    <div className="table-scroll" tabIndex={0} role="region" aria-label={block.caption || undefined}>
      <table className="data-table">
        {block.caption ? <caption>{block.caption}</caption> : null}
        <thead>
          <tr>
            {block.columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, cellIndex) => (
                <td key={cellIndex} className="text">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
