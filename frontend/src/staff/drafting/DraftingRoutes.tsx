import { lazy } from "react";
import { Route, Routes } from "react-router";
import AuditPage from "./AuditPage";
import ModerationPage from "./ModerationPage";
import NewConsultationPage from "./NewConsultationPage";
import StaffConsultationList from "./StaffConsultationList";
import WorkbenchPage from "./WorkbenchPage";

const NotFound = lazy(() => import("../../pages/NotFound"));

/** The decision team's drafting side under /staff (review and hearings have their own routes). */
export default function DraftingRoutes() {
  return (
    <Routes>
      <Route index element={<StaffConsultationList />} />
      <Route path="consultations/new" element={<NewConsultationPage />} />
      <Route path="consultations/:id" element={<WorkbenchPage />} />
      <Route path="consultations/:id/moderation" element={<ModerationPage />} />
      <Route path="consultations/:id/audit" element={<AuditPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
