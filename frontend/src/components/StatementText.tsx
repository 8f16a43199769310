import { formatDate } from "../lib/format";
import type { Block, StatementDocument } from "../lib/statement";

/** A statement's text as its JSON rendering gives it: sections of paragraphs and tables, never HTML. */
export function StatementText({ document, className = "" }: { document: StatementDocument; className?: string }) {
  return (
    <div className={`statement-text ${className}`.trim()}>
      <h3 className="statement-title">{document.title}</h3>
      {document.sections.map((section, index) => (
        <div key={index}>
          {section.title ? <h4>{section.title}</h4> : null}
          {section.blocks.map((block, blockIndex) => (
            <BlockView key={blockIndex} block={block} />
          ))}
        </div>
      ))}
      {document.annex ? <BlockView block={document.annex} /> : null}
      <p className="statement-sign">
        {document.issuingBody}
        <br />
        {formatDate(document.issuedOn)}
      </p>
    </div>
  );
}

function BlockView({ block }: { block: Block }) {
  if (block.type === "paragraph") return <p className="text">{block.text}</p>;
  return (
    // A wide table scrolls sideways on a phone: focusable, so the keyboard can scroll it too.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
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
