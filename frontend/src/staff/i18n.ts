import { i18n } from "../i18n";
import drafting from "./drafting/zh-CN.json";
import organizer from "./organizer/zh-CN.json";
import review from "./review/zh-CN.json";
import staff from "./zh-CN.json";

/** The staff screens' strings, added when the staff chunk loads (their types are in ../i18n.ts). */
export const staffResources = { staff, drafting, review, organizer } as const;

for (const [namespace, strings] of Object.entries(staffResources)) {
  if (!i18n.hasResourceBundle("zh-CN", namespace)) i18n.addResourceBundle("zh-CN", namespace, strings);
}
