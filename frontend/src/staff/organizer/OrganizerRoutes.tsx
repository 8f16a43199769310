import { lazy } from "react";
import { Route, Routes } from "react-router";
import CheckInPage from "./CheckInPage";
import HearingConsole from "./HearingConsole";
import HearingFormPage from "./HearingFormPage";
import HearingIndex from "./HearingIndex";
import RecordsPage from "./RecordsPage";

const NotFound = lazy(() => import("../../pages/NotFound"));

/** The organizer console, mounted at /staff/hearings/*. */
export default function OrganizerRoutes() {
  return (
    <Routes>
      <Route index element={<HearingIndex />} />
      <Route path="new" element={<HearingFormPage mode="new" />} />
      <Route path=":id" element={<HearingConsole />} />
      <Route path=":id/edit" element={<HearingFormPage mode="edit" />} />
      <Route path=":id/check-in" element={<CheckInPage />} />
      <Route path=":id/records" element={<RecordsPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
