import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { GroupKind } from "../../gql/graphql";
import { NO_FILTERS, type GroupFilterValues } from "./filters";

/** Filters for the groups: kind, article (or the whole draft), undecided only, words in the comments. */
export function GroupFilters({
  articles,
  value,
  onChange,
}: {
  articles: { id: string; label: string }[];
  value: GroupFilterValues;
  onChange: (next: GroupFilterValues) => void;
}) {
  const { t } = useTranslation("review");
  const id = useId();
  const [draft, setDraft] = useState(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  const reset = () => {
    setDraft(NO_FILTERS);
    onChange(NO_FILTERS);
  };
  return (
    <form className="form review-filters" onSubmit={submit} role="search">
      <fieldset>
        <legend>{t("filters.legend")}</legend>
        <div className="form-inline">
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t("filters.kind")}</label>
            <select
              id={`${id}-kind`}
              value={draft.kind}
              onChange={(event) => setDraft({ ...draft, kind: event.target.value as GroupKind | "" })}
            >
              <option value="">{t("filters.kindAll")}</option>
              <option value="TOPIC">{t("filters.TOPIC")}</option>
              <option value="CAMPAIGN">{t("filters.CAMPAIGN")}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-article`}>{t("filters.article")}</label>
            <select id={`${id}-article`} value={draft.article} onChange={(event) => setDraft({ ...draft, article: event.target.value })}>
              <option value="">{t("filters.articleAll")}</option>
              <option value="whole">{t("filters.wholeDraft")}</option>
              {articles.map((article) => (
                <option key={article.id} value={article.id}>
                  {article.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-search`}>{t("filters.search")}</label>
            <input id={`${id}-search`} type="search" value={draft.search} onChange={(event) => setDraft({ ...draft, search: event.target.value })} />
          </div>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.undecidedOnly}
            onChange={(event) => setDraft({ ...draft, undecidedOnly: event.target.checked })}
          />
          {t("filters.undecidedOnly")}
        </label>
        <p className="actions">
          <button type="submit" className="button button-secondary">
            {t("filters.apply")}
          </button>
          <button type="button" className="button button-link" onClick={reset}>
            {t("filters.reset")}
          </button>
        </p>
      </fieldset>
    </form>
  );
}
